"""Reading a table header line into value columns, each with its period normalised.

``指標 單位 2024 年數據 2023 年數據`` -> columns "2024", "2023"; ``2023財年6 2024財年`` -> "FY2023"
(footnote 6 dropped from the period), "FY2024"; ``二零一九年`` -> "2019". Order is kept as printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Column, Line, Period
from .table_cells import is_unit, lexicon

_YEARISH = re.compile(r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}")
_TITLE_BRACKET_UNIT = re.compile(
    r"[（(]\s*(?:in\s+)?(?P<unit>[^（()）]{1,30}?)\s*(?:,?\s*unless\s+(?:otherwise\s+)?(?:stated|specified|indicated)"
    r"|,?\s*except\s+where\s+(?:stated|indicated)|[，,]?\s*(?:除另有(?:說明|说明|註明|注明)外|另有(?:說明|说明)除外))?\s*[）)]\s*$",
    re.IGNORECASE)
_UNIT_IN_CAPTION = re.compile(
    r"(?:單位|单位|unit|units)\s*[:：]\s*(?P<unit>[^\s)）,，;；]+)", re.IGNORECASE
)


@dataclass
class Header:
    columns: list[Column]
    has_notes: bool  # a free-text column printed after the values
    line: int
    groups: int = 1  # the periods repeat once per segment ("2019年 2018年 2019年 2018年": 2 groups)
    has_unit: bool = False  # a unit column is named ("Unit", "單位"): units may span several words


@cache
def _period_pattern() -> re.Pattern[str]:
    lex = lexicon()
    suffixes = "|".join(re.escape(s) for s in lex.suffixes)
    numerals = "".join(lex.numerals)
    return re.compile(
        rf"(?<!\S)(?:(?P<fy>fy|FY|Fy)\s?)?(?P<year>(?:19|20)\d{{2}})"
        rf"(?:\s?[/／]\s?(?P<end>\d{{2}}(?:\d{{2}})?))?"
        rf"(?:\s?(?P<suffix>{suffixes}))?(?P<fn>\d{{1,2}})?(?=\s|$)"
        rf"|(?<!\S)(?P<words>[{numerals}]{{4}})\s?(?P<wsuffix>年度|年)(?=\s|$)",
        re.IGNORECASE,
    )


def parse_pipe_header(line: Line, period: Period | None) -> Header | None:
    """A Markdown table header, ``| 能源類型 Energy type | 單位 Unit | 2024年 | 2023年 |``: the cells say
    which columns are periods; up to two cells before them name the label and unit columns, in any
    words; after them only a change or notes column may follow."""
    cells = [c.strip() for c in line.text.strip().strip("|").split("|")]
    if len(cells) < 2:
        return None
    pattern = _period_pattern()
    lex = lexicon()
    columns: list[Column] = []
    lead = 0
    has_notes = has_unit = False
    for i, cell in enumerate(cells):
        m = pattern.fullmatch(cell)
        if m:
            columns.append(Column(label=cell, period=_period_of(m, period), line=line.no))
        elif not columns:
            lead += 1
            has_unit = has_unit or any(w in lex.unit_words for w in cell.casefold().split())
        elif all(w in lex.change_words or w in lex.notes_words for w in cell.casefold().split()) or not cell:
            has_notes = has_notes or any(w in lex.notes_words for w in cell.casefold().split())
            if not has_notes and cell:
                columns.append(Column(label=cell, period=None, line=line.no))
        else:
            return None
    periods = [c.period for c in columns if c.period]
    if not periods or lead > 2:
        return None
    groups = 1
    if len(set(periods)) != len(periods):
        # "| | | 2024財年 | 2023財年 | 2024財年 | 2023財年 |": one block of periods per segment, whose names
        # the row above gives
        if len(periods) != len(columns):
            return None
        groups = _repeats(periods)
        if groups is None or groups < 2:
            return None
    return Header(columns=columns, has_notes=has_notes, line=line.no, has_unit=has_unit, groups=groups)


def parse_header(line: Line, period: Period | None) -> Header | None:
    """The value columns a header line names, or None when the line is not a table header."""
    text = line.text.strip()
    if not text or len(text) > 80 or len(text.split()) > 12:
        return None  # headers are short; skipping long lines keeps the pass cheap
    lex = lexicon()
    if not _YEARISH.search(text) and lex.label_words.isdisjoint(text.casefold().split()):
        return _breakdown_header(line, lex)  # no period and no label column: breakdown columns at most
    spans, columns = [], []
    for m in _period_pattern().finditer(text):
        spans.append(m.span())
        columns.append(Column(label=m.group(0).strip(), period=_period_of(m, period), line=line.no))
    rest = _without(text, spans).split()
    label_words = unit_words = 0
    others: list[int] = []
    has_notes = False
    value_cols: list[tuple[int, Column]] = []
    for i, word in enumerate(rest):
        w = word.casefold()
        if w in lex.label_words:
            label_words += 1
        elif w in lex.unit_words:
            unit_words += 1
        elif w in lex.notes_words:
            has_notes = True
        elif w in lex.value_words and not columns:
            value_cols.append((i, Column(label=word, period=None, line=line.no)))
        else:
            others.append(i)
    if columns and len(columns) >= 2 and others and len({c.period for c in columns}) == len(columns):
        change = _leading_words_and_change(text, spans, lex)
        if change is not None:
            if change:
                columns.append(Column(label=change, period=None, line=line.no))
            return Header(columns=columns, has_notes=has_notes, line=line.no, has_unit=unit_words > 0)
    if columns:
        groups = _repeats([c.period for c in columns])
        if groups is None:
            return None
        # one free word may open the header ("廢棄物種類 單位 2023財年 2024財年"), no more
        if len(others) > 1 or (others and others[0] != 0):
            return None
        if len(columns) < 2 and not (label_words or unit_words):
            return None
        if others and not (label_words or unit_words) and len(columns) < 2:
            return None
        return Header(columns=columns, has_notes=has_notes, line=line.no, groups=groups,
                      has_unit=unit_words > 0)
    if value_cols and label_words and not others:
        return Header(columns=[c for _, c in value_cols], has_notes=has_notes, line=line.no,
                      has_unit=unit_words > 0)
    if not columns:
        return _breakdown_header(line, lex)
    return None


def _measure_columns(words: list[str], printed: list[str], lex) -> list[str] | None:
    """``按性別劃分 人數 百分比`` / ``Gender Number Percentage``: a count column and a share column
    after at most two words naming the rows; the printed column names, or None."""
    tail: list[str] = []
    i = len(words)
    while i > 0 and (words[i - 1] in lex.count_words or words[i - 1] in lex.share_words):
        i -= 1
        tail.insert(0, printed[i])
    folded = [w.casefold() for w in tail]
    if len(tail) < 2 or i > 2 or len(set(folded)) != len(folded):
        return None
    if not any(w in lex.count_words for w in words[i:]) or not any(w in lex.share_words for w in words[i:]):
        return None
    return tail


_MEASURE_HEADS = {"total", "number", "rate", "average", "percentage", "proportion", "share", "hours", "no."}


def _measure_phrases(printed: list[str]) -> list[str] | None:
    """``Type of Information | Total Number | Rate to average workforce``: English column names that
    each open with a capitalised measure word; two or three of them after a short label-column name."""
    # "Total Number" is one name; any other capitalised measure word opens the next column
    starts = [i for i, w in enumerate(printed)
              if w[:1].isupper() and w.casefold() in _MEASURE_HEADS
              and not (i > 0 and printed[i - 1].casefold() == "total" and w.casefold() == "number")]
    if not 2 <= len(starts) <= 3 or starts[0] == 0 or starts[0] > 4:
        return None
    bounds = starts + [len(printed)]
    phrases = [" ".join(printed[a:b]) for a, b in zip(bounds, bounds[1:])]
    if any(len(p.split()) > 6 for p in phrases):
        return None
    return phrases


def _breakdown_header(line: Line, lex) -> Header | None:
    """``Male Female Total`` / ``指標 單位 男性 女性 合計``: columns that split the document period's
    value by a breakdown; at least two such words after the label and unit words, nothing else."""
    words = line.match.split() if line.match else line.text.casefold().split()
    printed = line.text.split()
    if len(words) != len(printed):
        words = [w.casefold() for w in printed]
    k = 0
    while k < len(words) and (words[k] in lex.label_words or words[k] in lex.unit_words):
        k += 1
    measures = _measure_columns(words, printed, lex) or (_measure_phrases(printed) if line.text.isascii() else None)
    if measures is not None:
        return Header(columns=[Column(label=w, period=None, line=line.no) for w in measures], has_notes=False,
                      line=line.no, has_unit=False)
    names = _breakdown_names(words[k:], printed[k:], lex.breakdown_words)
    if names is None and _labelled_segments(words, k, lex):
        names = printed[k:]  # "指標 單位 物業投資 酒店 零售 總計": business segments and their total
    if names is None or len(names) < 2 or len({n.casefold() for n in names}) != len(names):
        return None
    columns = [Column(label=name, period=None, line=line.no) for name in names]
    return Header(columns=columns, has_notes=False, line=line.no,
                  has_unit=any(w in lex.unit_words for w in words[:k]))


_MAX_SEGMENTS = 6


def _labelled_segments(words: list[str], k: int, lex) -> bool:
    """Columns of any name, when the line opens with the label and unit columns' names and closes
    with a total column: no row of values or prose has that shape."""
    names = words[k:]
    opened = any(w in lex.label_words for w in words[:k]) and any(w in lex.unit_words for w in words[:k])
    return (opened and 2 <= len(names) <= _MAX_SEGMENTS + 1 and names[-1] in lex.breakdown_words
            and any(t in names[-1] for t in lex.total_words)
            and not any(ch.isdigit() for n in names for ch in n) and all(len(n) <= 12 for n in names))


_MAX_NAME_WORDS = 3


def _breakdown_names(words: list[str], printed: list[str], known: frozenset[str]) -> list[str] | None:
    """The printed column names when every word belongs to a breakdown name, the longest first
    ("Hong Kong" is one column, not two); None when some word names no breakdown."""
    names: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_NAME_WORDS, len(words) - i), 0, -1):
            if " ".join(words[i : i + n]) in known:
                names.append(" ".join(printed[i : i + n]))
                i += n
                break
        else:
            return None
    return names


def _leading_words_and_change(text: str, spans: list[tuple[int, int]], lex) -> str | None:
    """For headers like ``Greenhouse Gas Emission FY2023 FY2022 % Change``: free words may name
    the label column before the periods; after them only a change column (returned, possibly "")
    or unit/notes words may follow. None when the line does not have that shape."""
    between = _without(text[spans[0][0] : spans[-1][1]], [(a - spans[0][0], b - spans[0][0]) for a, b in spans])
    if between.split():
        return None
    lead = text[: spans[0][0]].split()
    trail = text[spans[-1][1] :].split()
    if len(lead) > 6 or any(ch.isdigit() for w in lead for ch in w):
        return None
    change = []
    for word in trail:
        w = word.casefold()
        core = w.strip("()（）%％")
        if w in lex.change_words or (core in lex.change_words if core else "%" in w or "％" in w):
            change.append(word)
        elif w not in lex.unit_words and w not in lex.notes_words:
            return None
    has_change = any(w.casefold() not in ("%", "+", "/") for w in change) or "%" in change and len(change) > 1
    return " ".join(change) if has_change else ""


def _repeats(periods: list[str | None]) -> int | None:
    """How many times a block of distinct periods repeats (one block per segment), None if irregular."""
    for size in range(1, len(periods) + 1):
        if len(periods) % size:
            continue
        block = periods[:size]
        if len(set(block)) == size and block * (len(periods) // size) == periods:
            return len(periods) // size
    return None


def label_segments(header: Header, segment_line: str) -> bool:
    """Prefix each column with its segment when the line above names one per group of periods
    (``總計 教育業務`` over ``2019年 2018年 2019年 2018年``)."""
    if "|" in segment_line:
        # a Markdown row: one cell per column, a segment's name over its first column, empty cells after
        cells = [c.strip() for c in segment_line.strip().strip("|").split("|")]
        filled = [c for c in cells if c]
        names = filled[-header.groups:] if len(filled) > header.groups else []  # after the label/unit names
    else:
        names = segment_line.split()
    if header.groups < 2 or len(names) != header.groups:
        return False
    size = len(header.columns) // header.groups
    for i, col in enumerate(header.columns):
        col.label = f"{names[i // size]} {col.label}"
    return True


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in spans:
        out.append(text[pos:a])
        out.append(" ")
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _period_of(m: re.Match[str], period: Period | None) -> str:
    lex = lexicon()
    if m.group("words"):
        return "".join(lex.numerals[ch] for ch in m.group("words"))
    year = int(m.group("year"))
    fiscal = bool(m.group("fy")) or bool(period and period.fiscal)
    suffix = (m.group("suffix") or "").casefold()
    if any(word in suffix for word in lex.fiscal_words):
        fiscal = True
    if m.group("end"):
        # "2023/24" names a fiscal year by the calendar year in which it ends
        end = m.group("end")
        year = int(end) if len(end) == 4 else (year // 100) * 100 + int(end)
        fiscal = True
    return f"FY{year}" if fiscal else str(year)


_LEAD_BRACKET_UNIT = re.compile(r"[（(]\s*(?P<unit>[^（()）]{1,20}?)\s*[）)]")


def unit_in_header_lead(text: str | None) -> str | None:
    """A unit in brackets in a header's first column, before the periods: ``能源類型（千千瓦時） 2024年 2023年``."""
    if not text:
        return None
    first_period = _period_pattern().search(text)
    lead = text[: first_period.start()] if first_period else ""
    for m in _LEAD_BRACKET_UNIT.finditer(lead):
        if is_unit(m.group("unit")):
            return m.group("unit")
    return None


def unit_in_caption(text: str | None) -> str | None:
    """A unit that a title or header gives for the whole table: ``單位：噸``, ``(Unit: MWh)``."""
    if not text:
        return None
    m = _UNIT_IN_CAPTION.search(text)
    if m:
        return m.group("unit")
    # "Table 3.2 Greenhouse gas emissions (tonnes CO2e)": a unit in brackets closing the title
    m = _TITLE_BRACKET_UNIT.search(text)
    if m and is_unit(m.group("unit")):
        return m.group("unit")
    return None
