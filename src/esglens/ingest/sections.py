"""Section headings as a tree, recognised from text layout alone.

Three kinds of line are taken as headings: Markdown headings (``## Title``); numbered headings
(``第一章``, ``一、``, ``（一）``, ``1.``, ``1.1``, ``1.1.1``) whose title is short and reads as a
title, not a sentence or a table row; and short standalone title lines that stand between a
sentence end (or a blank line) and running prose. Precision matters more than recall: a body
line taken for a heading would cut a table or a paragraph in two.
Each numbering style gets a level in the order styles first appear (the usual way reports nest
them), Arabic depth adding levels; plain title lines sit one level below the deepest numbered
style seen before them, or at level 1 when there is none.
"""

from __future__ import annotations

import re

from ..model import Line, Section

_MAX_CJK_TITLE = 20  # characters; longer lines are sentences or table rows
_MAX_LATIN_TITLE = 70
_MAX_LATIN_WORDS = 9
_MAX_LINE = _MAX_LATIN_TITLE + 12  # room for a heading number
_OVER_PROSE, _OVER_TITLE = 1, 2
_MIN_HAN_TITLE = 3
_MIN_LATIN_TITLE = 5
_MIN_PROSE = 18
_TITLE_WIDTH_SHARE = 0.75  # a following line this long (or a sentence) is body text

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_NUMBERED = [
    ("chapter", re.compile(r"^第[一二三四五六七八九十百零〇\d]+[章節节篇部]\s*(.*)$")),
    ("cn", re.compile(r"^[一二三四五六七八九十]+[、.．]\s*(.+)$")),
    ("cn_paren", re.compile(r"^[（(][一二三四五六七八九十]+[）)]\s*(.+)$")),
    ("arabic", re.compile(r"^((?:1?\d|20)(?:\.\d{1,2}){0,3})(?:\.|、|\s)\s*(\D.*)$")),
]
# Whether any style matches, in one test: most lines are not numbered headings.
_ANY_NUMBERED = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _NUMBERED))
_SENTENCE_PUNCT = re.compile(r"[。；！？!?;]|[，,：:、]$|\.$|\.\s")
_BULLET = re.compile(r"^[•·●■□◆◇▪▶►\-*–—✓√※]")
_NUMBER_TOKEN = re.compile(r"^[-+(（]?[\d,.]+[%％)）]?$")
_HAN = re.compile(r"[\u3400-\u9fff]")
_HAN_GAP = re.compile(r"[\u3400-\u9fff]\s+\S*[\u3400-\u9fff]")
_LATIN_TITLE = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z]*)*$")  # "Health and safety" after a Chinese title
_LABEL_COLON = re.compile(r"[:：]")
_CJK_CLAUSE = re.compile(r"[。，；！？]")
_PROSE_END = re.compile(r"[。；！？.!?;:：]\s*$")


def detect_sections(lines: list[Line]) -> list[Section]:
    """The heading tree; sets ``role = "heading"`` on each line taken as a heading."""
    content = [ln for ln in lines if ln.role != "blank"]
    markdown = [(ln, m) for ln in content if ln.is_content and (m := _MARKDOWN.match(ln.text))]
    if len(markdown) >= 2:
        found = [(len(m.group(1)), m.group(2).strip(), ln) for ln, m in markdown]
    else:
        found = _layout_headings(lines)
    for _, _, ln in found:
        ln.role = "heading"
    return _tree(found)


def _layout_headings(lines: list[Line]) -> list[tuple[int, str, Line]]:
    style_levels: dict[str, int] = {}
    found: list[tuple[int, str, Line]] = []
    deepest = 0
    chapters_seen = False
    prev: Line | None = None  # the previous line, blank or not
    for i, ln in enumerate(lines):
        if ln.role != "body" or len(ln.text) > _MAX_LINE:
            prev = ln  # long lines are never headings: skip them cheaply
            continue
        numbered = _numbered(ln.text)
        if numbered and _reads_as_title(numbered[2]) and _followed_by_text(_next_content(lines, i)):
            style, depth, _ = numbered
            level = _style_level(style_levels, style) + depth - 1
            deepest = max(deepest, level)
            found.append((level, ln.text, ln))
        elif not numbered and _starts_block(ln, prev) and _reads_as_title(ln.text):
            nxt = _next_content(lines, i)
            kind = _standalone_title(ln, nxt, _next_content_after(lines, nxt))
            if kind:
                # A title directly over another title opens a chapter; later plain titles
                # are its sections until the next chapter title.
                chapters_seen = chapters_seen or kind == _OVER_TITLE
                base = deepest + 1
                level = base if kind == _OVER_TITLE or not chapters_seen else base + 1
                found.append((level, ln.text, ln))
        prev = ln
    return found


def _style_level(levels: dict[str, int], style: str) -> int:
    if style not in levels:
        levels[style] = max(levels.values(), default=0) + 1
    return levels[style]


def _numbered(text: str) -> tuple[str, int, str] | None:
    if not _ANY_NUMBERED.match(text):
        return None
    for style, pattern in _NUMBERED:
        m = pattern.match(text)
        if m:
            if style == "arabic":
                return style, m.group(1).count(".") + 1, m.group(2).strip()
            return style, 1, m.group(1).strip()
    return None


def _reads_as_title(text: str) -> bool:
    if not text or len(text) > _MAX_LATIN_TITLE or "%" in text:
        return False
    if _SENTENCE_PUNCT.search(text) or _BULLET.match(text):
        return False
    tokens = text.split()
    if any(_NUMBER_TOKEN.match(t) for t in tokens):
        return False  # a table row: label followed by values
    if _HAN.search(text):
        han = len(_HAN.findall(text))
        return han <= _MAX_CJK_TITLE and len(text) <= _MAX_LATIN_TITLE and "，" not in text
    return len(text) <= _MAX_LATIN_TITLE and len(tokens) <= _MAX_LATIN_WORDS and text[0].isupper()


def _next_content_after(lines: list[Line], ln: Line | None) -> Line | None:
    if ln is None:
        return None
    # Lines are numbered in order, so the index is found by a short search near the number.
    for j in range(min(len(lines) - 1, ln.no), -1, -1):
        if lines[j] is ln:
            return _next_content(lines, j)
        if lines[j].no < ln.no:
            break
    return None


def _next_content(lines: list[Line], i: int) -> Line | None:
    for ln in lines[i + 1 : i + 6]:
        if ln.role in ("body", "heading"):
            return ln
    return None


def _is_prose(ln: Line | None) -> bool:
    if ln is None:
        return False
    text = ln.text
    return len(text) >= _MIN_PROSE and bool(_PROSE_END.search(text) or _CJK_CLAUSE.search(text) or ", " in text)


def _followed_by_text(nxt: Line | None) -> bool:
    return _is_prose(nxt)


def _starts_block(ln: Line, prev: Line | None) -> bool:
    """After a blank line, a page break, a heading or a finished sentence."""
    return (
        prev is None
        or prev.role != "body"
        or (prev.page is not None and prev.page != ln.page)
        or bool(_PROSE_END.search(prev.text))
    )


def _standalone_title(ln: Line, nxt: Line | None, nxt2: Line | None) -> int:
    """A short title line opening a block, followed by prose (``_OVER_PROSE``) or by a subtitle
    and then prose (``_OVER_TITLE``); 0 when the line is not a title."""
    text = ln.text
    if not _reads_as_title(text) or sum(c.isdigit() for c in text) > 4:
        return 0
    han = len(_HAN.findall(text))
    latin = _LATIN_TITLE.search(text) is not None or len(text) - han >= _MIN_LATIN_TITLE
    if (han and han < _MIN_HAN_TITLE and not latin) or (not han and len(text) < _MIN_LATIN_TITLE):
        return 0  # names, acronyms and chart labels; "環境 Environment" is fine
    spaced = text.count(" ") >= 3 and not _LATIN_TITLE.search(text)
    if "  " in ln.raw.strip() or _HAN_GAP.search(text) or spaced:
        return 0  # cells separated by spaces: a table row or a label list
    if _LABEL_COLON.search(text):
        return 0  # "圖：…", "Note: …" — captions and labels
    kind = _OVER_PROSE
    if nxt is not None and not _is_prose(nxt) and _reads_as_title(nxt.text):
        nxt, kind = nxt2, _OVER_TITLE  # a chapter title followed by its first section title
    # The first line of a paragraph is as wide as the next; a title is clearly shorter.
    if _is_prose(nxt) and len(text) <= _TITLE_WIDTH_SHARE * len(nxt.text):
        return kind
    return 0


def _tree(found: list[tuple[int, str, Line]]) -> list[Section]:
    roots: list[Section] = []
    stack: list[Section] = []
    for level, title, ln in found:
        section = Section(title=title, level=level, line=ln.no, page=ln.page)
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            stack[-1].children.append(section)
        else:
            roots.append(section)
        stack.append(section)
    return roots
