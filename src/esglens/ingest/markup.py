"""Markup to text: HTML and Markdown (with Jekyll front matter and inline HTML) -> text lines that
keep the line number of the source file.

Rule: one output line per source line, numbered as in the source, so evidence points back to the
file. Text blocks that a single source line holds (``<p>a</p><p>b</p>``) are joined with a space;
a table row becomes one line, on the source line where the row starts, its cells joined by " | "
(the table detector's cell separator). Source lines that hold only markup yield no line; blank
source lines stay blank lines (they separate paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

CELL_SEPARATOR = " | "

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
    "table tbody thead tfoot title ul".split()
)
_HIDDEN_TAGS = frozenset(("script", "style", "head", "template", "noscript", "svg"))
_CELL_TAGS = frozenset(("td", "th"))
_TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
# Heading marks are kept ("## Title"): they are the section detector's surest hint.
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|~~|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*(?:```|~~~)")  # rules and code fences carry no text
_MD_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_SPACES = re.compile(r"\s+")


def split_front_matter(text: str) -> tuple[dict[str, object], int]:
    """Jekyll front matter (``---`` ... ``---`` at the top) as a dict, and how many source lines
    it spans (0 when there is none). Only ``key: value`` lines are read; ``[a, b]`` is a list."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, 0
    values: dict[str, object] = {}
    for i, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return values, i
        m = _FRONT_MATTER_KEY.match(line.strip())
        if m:
            values[m.group(1)] = _front_matter_value(m.group(2))
    return {}, 0  # no closing fence: it was a horizontal rule, not front matter


def _front_matter_value(value: str) -> object:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
    return _unquote(value)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


@dataclass
class _Row:
    line: int
    cells: list[str] = field(default_factory=list)
    rowspans: list[int] = field(default_factory=list)


@dataclass
class _Group:
    """A first-column cell spanning several rows (``<th rowspan="4">Scope 1</th>``): the rows it names."""

    label: str
    rows_left: int


class _TextCollector(HTMLParser):
    """Collects text per source line; blocks on one line are kept apart, rows gathered whole."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line  # source line of the fed text's first line
        self.blocks: dict[int, list[str]] = {}
        self.hidden_depth = 0
        self.row: _Row | None = None
        self.cell: list[str] | None = None
        self.cell_rowspan = 1
        self.group: _Group | None = None
        self.sup_depth = 0

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth += 1
        elif tag == "sup":
            self.sup_depth += 1
        elif tag == "tr":
            self._end_row()
            self.row = _Row(self._line())
        elif tag in _CELL_TAGS:
            self._end_cell()
            self.cell = []
            span = dict(attrs).get("rowspan") or "1"
            self.cell_rowspan = int(span) if span.isdigit() else 1
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in _BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif tag == "sup":
            self.sup_depth = max(0, self.sup_depth - 1)
        elif tag in _CELL_TAGS:
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()
            if tag == "table":
                self.group = None
        elif tag in _BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.hidden_depth:
            return
        if self.sup_depth and data.strip().isdigit():
            # "4,872<sup>3</sup>" is 4,872 with note 3, never 48,723; "m<sup>3</sup>" stays m³
            data = data.strip().translate(_TO_SUPERSCRIPT)
        if self.row is not None:
            if self.cell is not None:  # text between cells is layout whitespace
                self.cell.append(data)
            return
        line = self._line()
        for offset, part in enumerate(data.split("\n")):
            self._add(line + offset, part)

    def _add(self, line: int, text: str) -> None:
        blocks = self.blocks.setdefault(line, [""])
        blocks[-1] += text

    def _break(self) -> None:
        if self.row is not None:  # a break inside a table cell: the row stays one line
            if self.cell is not None:
                self.cell.append(" ")
            return
        blocks = self.blocks.get(self._line())
        if blocks is not None and blocks[-1].strip():
            blocks.append("")

    def _end_cell(self) -> None:
        if self.row is not None and self.cell is not None:
            self.row.cells.append(_SPACES.sub(" ", "".join(self.cell)).strip())
            self.row.rowspans.append(self.cell_rowspan)
        self.cell = None
        self.cell_rowspan = 1

    def _group_rows(self, row: _Row) -> None:
        """A group label spanning rows becomes part of each row's label ("Scope 1 – Refrigerants"), so
        that every row has the header's columns and still says which group it belongs to."""
        if len(row.cells) >= 3 and row.rowspans and row.rowspans[0] > 1 and row.cells[0]:
            self.group = _Group(row.cells[0].rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹ "), row.rowspans[0] - 1)  # its footnote stays out
            row.cells[:2] = [f"{self.group.label} – {row.cells[1]}"]
        elif self.group is not None and self.group.rows_left > 0:
            row.cells[0] = f"{self.group.label} – {row.cells[0]}" if row.cells and row.cells[0] else row.cells[0]
            self.group.rows_left -= 1
        else:
            self.group = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row is not None and any(self.row.cells):
            self._group_rows(self.row)
            blocks = self.blocks.setdefault(self.row.line, [""])
            blocks.append(CELL_SEPARATOR.join(self.row.cells))
            blocks.append("")
        self.row = None

    def lines(self) -> dict[int, str]:
        self._end_row()
        out = {}
        for no, blocks in self.blocks.items():
            text = " ".join(b for b in (_SPACES.sub(" ", blk).strip() for blk in blocks) if b)
            if text:
                out[no] = text
        return out


def html_lines(source: str, first_line: int = 1) -> dict[int, str]:
    """Text of an HTML fragment by source line number (``first_line`` = number of its line 1)."""
    collector = _TextCollector(first_line)
    collector.feed(_AUTOLINK.sub(r"\1", source))
    collector.close()
    return collector.lines()


def markdown_text(line: str) -> str:
    """One Markdown source line without its syntax; pipe-table rows keep cells split by " | "."""
    if _MD_TABLE_RULE.match(line) or _MD_RULE.match(line):
        return ""
    line = _MD_HEADING.sub(r"\1 \2", line)
    line = _MD_QUOTE.sub("", line)
    line = _MD_LIST.sub("", line)
    line = _MD_IMAGE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    stripped = line.strip()
    if stripped.startswith("|") or stripped.endswith("|") or stripped.count("|") >= 2:
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        return CELL_SEPARATOR.join(cells)
    return line


def markdown_lines(source_lines: list[str], first_line: int) -> dict[int, str]:
    """Text of Markdown body lines by source line number. Inline HTML is read as HTML, then each
    line's remaining Markdown syntax is removed."""
    html = html_lines("\n".join(source_lines), first_line)
    out = {}
    for no, text in html.items():
        text = markdown_text(text).strip()
        if text:
            out[no] = text
    return out
