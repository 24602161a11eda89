"""Tables recognised from the text layout of a report.

Two layouts: ``rows`` (one row per line, ``label unit value value``, labels and units wrapped onto
neighbouring lines) and ``columns`` (a PDF exporter dumped the table column by column: all labels,
then all units, then each period's values one per line, the period header after the block).
Cells keep their line numbers. A value cell holds the number as printed (sign, ``%``, a glued footnote
mark such as ``525(1)`` — see :func:`split_value_mark`); a unit glued to it goes to ``TableRow.unit``;
an n/a cell (``-``, ``—``, ``N/A``, ``不適用``, ``/``) is ``None``. Section rows (label only) are
``is_section``; rows under them keep their level (see :func:`row_section`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Cell, Column, Line, Period, Table, TableRow
from .table_cells import (
    ParsedRow, detach_note, has_cjk, is_na, is_unit, is_unit_piece, lexicon, parse_row, reread_row,
    split_value_mark,
)
from .table_columns import (
    Header, label_segments, parse_header, parse_pipe_header, unit_in_caption, unit_in_header_lead,
)
from .table_rows import assign_hierarchy, indent_of, row_section
from .table_transposed import read_transposed

__all__ = ["detect_tables", "row_section", "split_value_mark", "is_na"]

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DIGIT = re.compile(r"\d")
_MAX_PENDING = 12  # label pieces kept while waiting for their values line


@dataclass
class _Item:
    """A content line with what it looks like out of context."""

    pos: int  # index in the content list
    line: Line
    blank_before: bool
    header: Header | None
    parsed: ParsedRow

    @property
    def text(self) -> str:
        return self.line.text.strip()

    @property
    def kind(self) -> str:
        if self.header is not None:
            return "header"
        if self.parsed.kind == "values" and len(self.parsed.values) == 1 and len(self.text.split()) == 1:
            return "single"
        if self.parsed.kind == "unit" and is_unit(self.text):
            return "unit"
        return self.parsed.kind


@dataclass
class _Piece:
    """A label or unit fragment waiting for the values line it belongs to."""

    line: int
    text: str
    blank_before: bool
    unit: bool = False
    indent: int = 0


@dataclass
class _Row:
    row: TableRow
    indent: int


@dataclass
class _Build:
    first: _Item
    header: Header | None = None
    title: _Item | None = None
    rows: list[_Row] = field(default_factory=list)
    pending: list[_Piece] = field(default_factory=list)
    extra: list[Cell | None] = field(default_factory=list)
    gap: int = 0
    section: str | None = None
    layout: str = "rows"
    last_notes: bool = False  # the last row line carried notes text after its values
    unit: str | None = None  # "（單位：噸）" printed on its own line between header and rows


def detect_tables(lines: list[Line], period: Period | None) -> list[Table]:
    """Every table in the document, in reading order, with rows, columns and provenance."""
    items = _content_items(lines, period)
    headings = [(ln.no, ln.text.strip()) for ln in lines if ln.role == "heading"]
    used: set[int] = set()
    tables = _transposed_tables(items, used, headings, period)
    tables += _column_dumps(items, used, headings)
    tables += _row_tables(items, used, headings)
    tables.sort(key=lambda t: t.first_line)
    for i, t in enumerate(tables, start=1):
        t.id = i
        _name_columns_from_first_row(t)
    return tables


def _name_columns_from_first_row(table: Table) -> None:
    """A table read without a header line whose first row is a label-only line with one word per
    value column, after the label column's name ("按地區劃分 自營業務 非經營性業務 總數量"): those words
    name the columns."""
    if not table.rows or any(c.label or c.period for c in table.columns):
        return
    first = table.rows[0]
    words = first.label.split()
    n = len(table.columns)
    if not first.is_section or len(words) not in (n, n + 1) or any(_DIGIT.search(w) for w in words):
        return
    for col, word in zip(table.columns, words[len(words) - n :]):
        col.label = word

def _content_items(lines: list[Line], period: Period | None) -> list[_Item]:
    items: list[_Item] = []
    blank = False
    for ln in lines:
        if ln.role in ("header", "footer"):
            continue
        text = (ln.text or "").strip()
        if ln.role == "blank" or not text or _SEPARATOR.match(text):
            blank = blank or not text
            continue
        if "|" in text:
            header = parse_pipe_header(Line(no=ln.no, raw=ln.raw, text=text), period) or _flat_pipe_header(
                ln, text, period)
        else:
            header = parse_header(ln, period)
        parsed = parse_row(text) if header is None else ParsedRow()
        items.append(_Item(len(items), ln, blank, header, parsed))
        blank = False
    return items


def _flat_pipe_header(ln: Line, text: str, period: Period | None) -> Header | None:
    """A pipe row read as a plain header line. Breakdown columns only when no cell holds two of
    them: "| 香港 Hong Kong | | 澳門 Macau |" names three segments in two languages, not six columns."""
    header = parse_header(Line(no=ln.no, raw=ln.raw, text=text.replace("|", " ")), period)
    if header is None or any(c.period for c in header.columns):
        return header
    cells = [c.split() for c in text.strip().strip("|").split("|")]
    if any(sum(col.label in words for col in header.columns) > 1 for words in cells):
        return None
    return header


# --- one row per period ----------------------------------------------------------------------


def _transposed_tables(items: list[_Item], used: set[int], headings: list[tuple[int, str]],
                       period: Period | None) -> list[Table]:
    tables: list[Table] = []
    heads = lexicon().period_column_words
    for it in items:
        first = it.text.split(maxsplit=2)
        if it.pos in used or not first or not (first[0].casefold() in heads or " ".join(first[:2]).casefold() in heads):
            continue  # cheap test first: most lines do not open with a period column's name
        found = read_transposed([x.line for x in items[it.pos : it.pos + 2 + _MAX_PERIOD_ROWS]], period)
        if found is None:
            continue
        read = items[it.pos : it.pos + found.used]
        used.update(x.pos for x in read)
        title = _caption_above(items, it, used)
        lines = [n for row in found.rows for n in row.lines]
        tables.append(Table(
            id=0, first_line=it.line.no, last_line=max(lines), columns=found.columns, rows=found.rows,
            layout="transposed", page=it.line.page, title=title.text if title else None, header_line=it.line.no,
            unit=unit_in_caption(title.text) if title else None,
            section=_section_before(headings, (title or it).line.no),
        ))
    return tables


_MAX_PERIOD_ROWS = 12


# --- column-by-column dumps ------------------------------------------------------------------


def _column_dumps(items: list[_Item], used: set[int], headings: list[tuple[int, str]]) -> list[Table]:
    tables: list[Table] = []
    k = 0
    while k < len(items):
        if items[k].kind != "unit" or (k > 0 and items[k - 1].kind == "unit"):
            k += 1
            continue
        table = _dump_at(items, k, used, headings)
        if table is not None:
            tables.append(table)
        k += 1
    return tables


def _dump_at(items: list[_Item], start: int, used: set[int], headings: list[tuple[int, str]]) -> Table | None:
    end = start
    while end < len(items) and items[end].kind == "unit":
        end += 1
    n = end - start
    values_end = end
    while values_end < len(items) and items[values_end].kind == "single":
        values_end += 1
    m = values_end - end
    if n < 2 or m < n:
        return None
    labels = _labels_before(items, start, n, used)
    if labels is None:
        return None
    extras = _extras_before(items, labels[0].pos, used)
    ncols = m // n
    header = _dump_header(items, values_end, labels[0].pos - len(extras), ncols, used)
    if header is None:
        columns = [Column(label="", period=None, line=None) for _ in range(ncols)]
    else:
        columns = header.columns
    title, sections = _title_and_sections(extras)
    rows: list[_Row] = []
    for piece in sections:
        rows.append(_Row(TableRow(label=piece.text, label_lines=[piece.line], cells=[], is_section=True), 0))
    for i, label_item in enumerate(labels):
        unit_item = items[start + i]
        cells: list[Cell | None] = []
        for c in range(ncols):
            v = items[end + c * n + i]
            value = v.parsed.values[0]
            cells.append(Cell(text=value, line=v.line.no) if value is not None else None)
        label, note = label_item.parsed.label or label_item.text, label_item.parsed.note
        rows.append(_Row(
            TableRow(label=label, label_lines=[label_item.line.no], cells=cells, unit=unit_item.text,
                     unit_line=unit_item.line.no, note=note),
            indent_of(label_item.line),
        ))
    for it in extras + labels + items[start : end + ncols * n]:
        used.add(it.pos)
    if header is not None:
        used.add(next(it.pos for it in items if it.line.no == header.line))
    build = _Build(first=labels[0], header=header, layout="columns")
    build.rows = rows
    build.title = title
    build.section = _section_before(headings, (extras or labels)[0].line.no)
    return _finish(build)


def _labels_before(items: list[_Item], start: int, n: int, used: set[int]) -> list[_Item] | None:
    if start < n:
        return None
    labels = items[start - n : start]
    for it in labels:
        if it.pos in used or it.kind != "text" or _is_prose(it.text):
            return None
    return labels


def _extras_before(items: list[_Item], first: int, used: set[int]) -> list[_Item]:
    """Caption and section lines between the previous block and the labels (at most three)."""
    extras: list[_Item] = []
    k = first - 1
    while k >= 0 and len(extras) < 3:
        it = items[k]
        if it.pos in used or it.kind != "text" or _is_prose(it.text):
            break
        extras.insert(0, it)
        k -= 1
    return extras


def _dump_header(items: list[_Item], after: int, before: int, ncols: int, used: set[int]) -> Header | None:
    # the exporter writes the header after the block; fall back to one right before it
    for k in (after, before - 1):
        if 0 <= k < len(items) and k not in used:
            header = items[k].header
            if header is not None and len(header.columns) == ncols:
                return header
    return None


def _title_and_sections(extras: list[_Item]) -> tuple[_Item | None, list[_Piece]]:
    title = None
    pieces = [_Piece(it.line.no, it.text, it.blank_before) for it in extras]
    if extras and _looks_like_title(extras[0].text):
        title, pieces = extras[0], pieces[1:]
    return title, pieces


# --- one row per line -----------------------------------------------------------------------


def _row_tables(items: list[_Item], used: set[int], headings: list[tuple[int, str]]) -> list[Table]:
    scanner = _RowScanner(items, used, headings)
    for it in items:
        scanner.feed(it)
    scanner.close()
    return scanner.tables


class _RowScanner:
    """One pass over the content lines, building one-row-per-line tables."""

    def __init__(self, items: list[_Item], used: set[int], headings: list[tuple[int, str]]) -> None:
        self.items, self.used, self.headings = items, used, headings
        self.tables: list[Table] = []
        self.build: _Build | None = None
        self.loose: list[_Piece] = []  # label-like lines seen while no table is open

    def close(self) -> None:
        if self.build is not None:
            table = _finish(self.build)
            if table is not None:
                self.tables.append(table)
        self.build = None

    def feed(self, it: _Item) -> None:
        if it.pos in self.used:
            self.close()
            self.loose = []
        elif it.header is not None:
            self._header(it)
        elif self.build is not None and self.build.rows and _wrapped_unit_cells(it.text):
            _extend_unit(self.build.rows[-1].row, it.text, it.line.no)  # unit cells wrapped under their values
        elif self.build is not None and not self.build.rows and len(it.text) <= 24 and unit_in_caption(it.text):
            self.build.unit = unit_in_caption(it.text)  # "（單位：噸）" between the header and the rows
        else:
            parsed = self._read(it)
            if parsed is None:
                return  # the line continued the last row's label
            if parsed.kind == "text":
                self._text(it)
            elif parsed.kind in ("unit", "label_unit"):
                self._unit(it, parsed)
            else:
                self._values(it, parsed)

    def _read(self, it: _Item) -> ParsedRow | None:
        """The line read against the open table's header (its width, a notes column); None when it
        only continued the last row's label."""
        build = self.build
        ncols = len(build.header.columns) if build and build.header else None
        notes = bool(build and build.header and build.header.has_notes)
        unit_column = bool(build and build.header and build.header.has_unit)
        reread = (ncols or notes) and it.parsed.kind != "text" or notes and _DIGIT.search(it.text) is not None
        parsed = reread_row(it.parsed, it.text, ncols, notes, unit_column) if reread else it.parsed
        if parsed.kind in ("row", "values") and (_is_prose(parsed.label) or _FOOTNOTE.match(it.text) and _is_prose(it.text)):
            parsed = ParsedRow(label=it.text)  # "13 Lost-time injury rate = ... x 200,000 / hours worked (...)."
        if build is not None and _stray_number(parsed, ncols):
            parsed = ParsedRow(label=it.text)
        if build is not None and parsed.kind in ("text", "label_unit"):
            if _continues_last_row(build, it, parsed):
                return None
        return parsed

    def _header(self, it: _Item) -> None:
        assert it.header is not None
        if self.build is not None and _adopts_header(self.build, it, self.items):
            self.build.header = it.header
            self.close()
            return
        self.close()
        build = _Build(first=it, header=it.header, title=_caption_above(self.items, it, self.used))
        if build.title is not None and label_segments(it.header, build.title.text):
            build.title = _caption_above(self.items, build.title, self.used)
        if build.title is not None and _UNIT_LINE.match(build.title.text) and unit_in_caption(build.title.text):
            # "表4 按地區劃分的供應商數量" / "單位：家" / header: the unit line sits between title and header
            build.unit = unit_in_caption(build.title.text)
            build.title = _caption_above(self.items, build.title, self.used)
        build.section = _section_before(self.headings, (build.title or it).line.no)
        self.build, self.loose = build, []

    def _text(self, it: _Item) -> None:
        build = self.build
        if _is_prose(it.text) or _is_footnote_intro(it.text):
            if build is not None and build.header is not None and build.header.has_notes:
                build.pending = []  # a notes column wraps onto its own lines
                return
            self.close()
            self.loose = []
            return
        piece = _Piece(it.line.no, it.text, it.blank_before, is_unit_piece(it.text), indent_of(it.line))
        if build is None:
            self.loose = (self.loose + [piece])[-3:]
            return
        build.pending = (build.pending + [piece])[-_MAX_PENDING:]
        build.gap += 1
        if build.gap > lexicon().max_gap_lines:
            self.close()

    def _unit(self, it: _Item, parsed: ParsedRow) -> None:
        target = self.build.pending if self.build is not None else self.loose
        if parsed.label:
            target.append(_Piece(it.line.no, parsed.label, it.blank_before, indent=indent_of(it.line)))
        target.append(_Piece(it.line.no, parsed.unit or it.text, it.blank_before, unit=True))

    def _values(self, it: _Item, parsed: ParsedRow) -> None:
        if self.build is None:
            build = _Build(first=it)
            build.pending, self.loose = self.loose, []
            first = build.pending[0].line if build.pending else it.line.no
            build.section = _section_before(self.headings, first)
            self.build = build
        build = self.build
        build.gap = 0
        if parsed.kind == "values" and not build.pending:
            if build.rows and len(parsed.values) == 1:
                build.extra.extend(_cells(parsed, it.line.no))  # a column dumped after glued rows
            return
        _add_row(build, it, parsed)
        build.last_notes = bool(parsed.notes_text)


def _wrapped_unit_cells(text: str) -> bool:
    """A line of unit fragments, one per value column ("二氧化碳當量 二氧化碳當量 …", "當量╱僱員 當量╱僱員"):
    in wide tables each cell's unit wraps under its value. No digits, several cells, repeated words."""
    tokens = text.split()
    if len(tokens) < 3 or _DIGIT.search(text):
        return False
    return len(set(tokens)) < len(tokens) and max(map(len, tokens)) <= 12


def _extend_unit(row: TableRow, text: str, line: int) -> None:
    """Join a wrapped unit line to the row's unit ("公噸" + "二氧化碳當量") when every column wraps
    the same way, or take it as the unit of a row printed without one; differing pieces (a
    denominator per segment) are left out rather than guessed."""
    tokens = text.split()
    if len(set(tokens)) != 1:
        return
    if row.unit and is_unit(row.unit + tokens[0]):
        row.unit = row.unit + tokens[0]
    elif row.unit is None and is_unit(tokens[0]) and len(tokens) <= sum(c is not None for c in row.cells):
        row.unit, row.unit_line = tokens[0], line  # "總能源耗量 179.77 …" / "兆瓦時 兆瓦時 …" under it


def _stray_number(parsed: ParsedRow, ncols: int | None) -> bool:
    """A label line ending in a small number ("Scope 1 and 2") read as a row of a wider table."""
    if parsed.kind != "row" or parsed.unit or not ncols or len(parsed.values) >= ncols:
        return False
    return all(v is not None and v.isdigit() and len(v) <= 3 for v in parsed.values)


_LEADING_QUALIFIER = re.compile(r"^\s*[（(][^（()）]{2,30}[）)]")


def _continues_last_row(build: _Build, it: _Item, parsed: ParsedRow) -> bool:
    """A PDF row whose label (and unit) wrap onto the line after its values:
    ``Group total Scope 2 ktCO2e 273`` / ``(market-based)``."""
    if it.blank_before or build.pending or not build.rows or build.rows[-1].row.is_section:
        return False
    row = build.rows[-1].row
    if build.last_notes:
        # the wrapped line continues the notes column, not the label; but a qualifier in brackets
        # at its start ("(location-based) associated with ...") finishes the label
        m = _LEADING_QUALIFIER.match(it.text)
        if m and row.label and "(" not in row.label and "（" not in row.label:
            row.label = f"{row.label} {m.group(0).strip()}"
            row.label_lines.append(it.line.no)
        return False
    label = parsed.label or it.text
    if not row.label or _is_prose(label) or not _continues(row.label, label):
        return False
    row.label = _join([row.label, label])
    row.label_lines.append(it.line.no)
    if parsed.unit and row.unit and row.unit.endswith(("/", "╱")):
        row.unit += parsed.unit
    elif parsed.unit and row.unit is None:
        row.unit, row.unit_line = parsed.unit, it.line.no
    return True


def _adopts_header(build: _Build, it: _Item, items: list[_Item]) -> bool:
    """A header printed after its rows: the open table has none, the widths agree, and the
    header is not followed by rows of its own."""
    if build.header is not None or not any(not r.row.is_section for r in build.rows):
        return False
    if _width(build) != len(it.header.columns):  # type: ignore[union-attr]
        return False
    nxt = items[it.pos + 1] if it.pos + 1 < len(items) else None
    return nxt is None or nxt.kind not in ("row", "values", "single")


def _width(build: _Build) -> int:
    data = [r for r in build.rows if not r.row.is_section]
    width = max((len(r.row.cells) for r in data), default=0)
    if build.extra and len(build.extra) <= len(data):
        width += 1
    return width


def _cells(parsed: ParsedRow, line: int) -> list[Cell | None]:
    return [Cell(text=v, line=line) if v is not None else None for v in parsed.values]


def _add_row(build: _Build, it: _Item, parsed: ParsedRow) -> None:
    pieces, build.pending = build.pending, []
    label_pieces, unit_pieces = _split_units(pieces)
    groups = _group(label_pieces)
    label, label_lines, note, indent = parsed.label, [it.line.no] if parsed.label else [], parsed.note, 0
    if parsed.label:
        indent = indent_of(it.line)
    if not parsed.label and groups:
        last = groups.pop()  # a values line: its label is the last group of pieces above it
        label, note = _detach(_join([p.text for p in last]), note)
        label_lines, indent = [p.line for p in last], last[0].indent
    elif groups and not it.blank_before and _continues(groups[-1][-1].text, parsed.label):
        last = groups.pop()
        label = _join([p.text for p in last] + [parsed.label])
        label_lines, indent = [p.line for p in last] + label_lines, last[0].indent
    _add_sections(build, groups)
    unit, unit_line = parsed.unit, it.line.no if parsed.unit else None
    if unit_pieces:
        joined = _join([p.text for p in unit_pieces])
        unit = joined + (parsed.unit or "") if parsed.unit and joined.endswith(("/", "╱")) else joined
        unit_line = unit_pieces[0].line
    build.rows.append(_Row(
        TableRow(label=label, label_lines=label_lines, cells=_cells(parsed, it.line.no), unit=unit,
                 unit_line=unit_line, note=note),
        indent,
    ))


def _add_sections(build: _Build, groups: list[list[_Piece]]) -> None:
    """Label-only groups above a row: the table's caption (before the first row), else section rows."""
    if not build.rows and build.title is None and groups and _looks_like_title(groups[0][0].text):
        caption = groups[0].pop(0)
        build.title = _Item(-1, Line(no=caption.line, raw="", text=caption.text), False, None, ParsedRow())
        groups = [g for g in groups if g]
    for g in groups:
        text = _join([p.text for p in g])
        if _is_prose(text):
            continue  # notes or prose between rows, not a section name
        section_label, section_note = detach_note(text)
        build.rows.append(_Row(TableRow(label=section_label, label_lines=[p.line for p in g], cells=[],
                                        note=section_note, is_section=True), g[0].indent))


def _detach(label: str, note: str | None) -> tuple[str, str | None]:
    label, own = detach_note(label)
    return label, own or note


def _split_units(pieces: list[_Piece]) -> tuple[list[_Piece], list[_Piece]]:
    """Wrapped label pieces, then the unit wrapped over the pieces after them."""
    for i, p in enumerate(pieces):
        if p.unit and i > 0:
            return pieces[:i], pieces[i:]
    return pieces, []


def _group(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces printed together (no blank line between, or visibly continued) form one label."""
    groups: list[list[_Piece]] = []
    for p in pieces:
        if groups and (not p.blank_before or _continues(groups[-1][-1].text, p.text)):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _ends_a_measure(label: str) -> bool:
    """"范围一排放量" is a whole name (what follows is the next heading); "範圍2能源間接溫室氣體" is not."""
    from .normalize import matching_forms

    return matching_forms([label.rstrip()])[0].endswith(_cjk_measure_suffixes())


@lru_cache(maxsize=1)
def _cjk_measure_suffixes() -> tuple[str, ...]:
    return tuple(s for s in lexicon().measure_suffixes if has_cjk(s))


_CJK_TAIL_WITH_QUALIFIER = re.compile(r"[\u3400-\u9fff]{1,4}[（(][^（()）]+[）)]")
_ENUMERATED_HEADING = re.compile(r"[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2}|[ivx]{1,4})\s*[）)]\s*\S")


def _continues(prev: str, nxt: str) -> bool:
    lex = lexicon()
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or _ENUMERATED_HEADING.match(nxt):
        return False  # "（四）產品責任" opens the next section, however it begins
    if _CJK_TAIL_WITH_QUALIFIER.fullmatch(nxt) and has_cjk(prev) and not _ends_a_measure(prev):
        return True  # "範圍2能源間接溫室氣體" / "排放（按地點基準）": a word's end and its bracketed qualifier
    if nxt.startswith(lex.continue_starts) or prev.endswith(lex.continue_ends):
        return True
    if _open_brackets(prev) > 0 and _open_brackets(nxt) < 0:
        return True  # "颗粒物（PM，主要来自柴油" / "货车尾气）": the bracket closes on the next line
    first_word = nxt.split()[0]
    if first_word.islower() and first_word.isascii():
        return True
    return prev.split()[-1].casefold() in lex.continue_words_en


def _open_brackets(text: str) -> int:
    return text.count("（") + text.count("(") - text.count("）") - text.count(")")


def _join(parts: list[str]) -> str:
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        spaced = not _tight(out[-1:]) and not _tight(part[0]) if out else False
        if spaced and out[-1] not in "/-(╱–" and part[0] not in ")/╱":
            out += " "
        out += part
    return out


def _tight(ch: str) -> bool:
    """Characters joined without a space when a label wraps: CJK and full-width forms."""
    return has_cjk(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


_UNIT_LINE = re.compile(r"^\s*[（(]?\s*(?:單位|单位|unit|units)\s*[:：][^，,。]{0,20}$", re.IGNORECASE)


def _caption_above(items: list[_Item], it: _Item, used: set[int]) -> _Item | None:
    k = it.pos - 1
    if k < 0 or k in used:
        return None
    above = items[k]
    # "Table 4.2 Waste generated (tonnes)" reads as a label with its unit: as a caption it gives the
    # table its unit
    if above.kind in ("text", "label_unit") and "|" in above.text:
        return above  # a Markdown row over the header: segment names (never prose)
    if above.kind in ("text", "label_unit") and not _is_prose(above.text) and len(above.text) <= lexicon().max_label_chars:
        return above
    return None


def _section_before(headings: list[tuple[int, str]], line_no: int) -> str | None:
    """The nearest heading above a line (``headings`` sorted by line number)."""
    k = bisect.bisect_left(headings, (line_no, "")) - 1
    return headings[k][1] if k >= 0 else None


def _looks_like_title(text: str) -> bool:
    folded = text.casefold()
    return any(word in folded for word in lexicon().title_words)


@lru_cache(maxsize=16384)
def _is_prose(text: str) -> bool:
    lex = lexicon()
    text = text.strip()
    if not text:
        return False
    if any(end in text for end in lex.sentence_ends) or text.count("，") + text.count(",  ") >= 2:
        return True
    if text.endswith((".", "。")) and len(text) > 20:
        return True
    words = text.split()
    if len(words) > 10 and sum(1 for w in words if w.isascii() and not w[0].isdigit()) > 10:
        return True
    return len(text) > lex.max_label_chars * (1 if has_cjk(text) else 2)


_SENTENCES = re.compile(r"[a-z)][.!?]\s+[A-Z(]|[。！？]\S")

# a footnote under a table: its number, then its sentence ("13 Lost-time injury rate = ...")
_FOOTNOTE = re.compile(r"\d{1,2}\s+(?:[A-Z][a-z]|[\u3400-\u9fff])")


def _is_footnote_intro(text: str) -> bool:
    folded = text.strip().casefold()
    return folded in lexicon().footnote_intros


# --- finishing a table ----------------------------------------------------------------------


def _finish(build: _Build) -> Table | None:
    rows = list(build.rows)
    while rows and rows[-1].row.is_section:
        rows.pop()  # section labels after the last row belong to what follows
    data = [r for r in rows if not r.row.is_section]
    if not data:
        return None
    if build.extra and len(build.extra) <= len(data):
        for r, cell in zip(data[len(data) - len(build.extra) :], build.extra):
            r.row.cells.append(cell)
        build.layout = "columns"
    if build.header is not None:
        columns = build.header.columns
    else:
        width = _consistent_width([0 if _only_years(r.row) or not any(r.row.cells) else len(r.row.cells)
                                   for r in data])
        if width is None:
            return None
        columns = [Column(label="", period=None, line=None) for _ in range(width)]
    ncols = len(columns)
    for r in rows:
        cells = r.row.cells[-ncols:] if len(r.row.cells) > ncols else r.row.cells
        r.row.cells = cells + [None] * (ncols - len(cells))
    # a "row" whose label gathered sentences is narrow prose ending in a number, not a table row
    rows = [r for r in rows if r.row.is_section or not (len(r.row.label_lines) > 1 and _SENTENCES.search(r.row.label))]
    if not any(not r.row.is_section for r in rows):
        return None
    table_rows = [r.row for r in rows]
    assign_hierarchy(table_rows, [r.indent for r in rows])
    all_lines = [n for row in table_rows for n in row.lines]
    if build.header is not None:
        all_lines.append(build.header.line)
    title = build.title.text if build.title is not None else None
    return Table(
        id=0,
        first_line=min(all_lines),
        last_line=max(all_lines),
        columns=columns,
        rows=table_rows,
        layout=build.layout,
        page=build.first.line.page,
        title=title,
        header_line=build.header.line if build.header else None,
        unit=build.unit or unit_in_caption(title)
        or (unit_in_caption(build.first.line.text) or unit_in_header_lead(build.first.line.text)
            if build.header and build.header.line == build.first.line.no else None),
        section=build.section,
    )


def _only_years(row: TableRow) -> bool:
    """A line ending in a year ("GRI 1: Foundation 2021") is not a KPI row of a headerless table."""
    texts = [c.text for c in row.cells if c is not None]
    return bool(texts) and all(re.fullmatch(r"(?:19|20)\d{2}", t) for t in texts)


def _consistent_width(widths: list[int]) -> int | None:
    """Without a period header, a table needs two consecutive rows with the same number of cells."""
    for a, b in zip(widths, widths[1:]):
        if a == b and a > 0:
            return max(widths)
    return None
