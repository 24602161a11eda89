"""Tables printed with one row per period and one column per metric ("transposed"):

    年份 範圍一排放 範圍二排放 排放總量
    （公噸二氧化碳當量） （公噸二氧化碳當量） （公噸二氧化碳當量）
    2023 1,862.4 108,415.6 110,278.0
    2022 1,935.7 112,284.3 114,220.0

They are read into the same model as every other table, turned the usual way round: one row per
metric (its name from the header, its unit from the unit line) and one column per period, so that
extraction and checks need no second path. Every cell keeps the line its value was printed on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Cell, Column, Line, Period, TableRow
from .table_cells import classify, lexicon
from .table_columns import parse_header

_MIN_PERIOD_ROWS = 2
_BRACKETS = "()（）[]【】"


@dataclass
class Transposed:
    columns: list[Column]  # one per period row, in printed order
    rows: list[TableRow]  # one per metric column
    used: int  # how many of the lines given were read (header, unit line, period rows)


def read_transposed(lines: list[Line], period: Period | None) -> Transposed | None:
    """The transposed table whose header is ``lines[0]``, or None when the lines do not have that
    shape: a header opened by a word naming the period column followed by two or more metric names,
    an optional line of units (one per metric), then two or more lines each holding a period and
    one cell per metric."""
    if not lines:
        return None
    names = _metric_names(lines[0].text)
    if names is None:
        return None
    n = len(names)
    k = 1
    units: list[str | None] = [None] * n
    unit_line = None
    if k < len(lines):
        found = _units(lines[k].text, n)
        if found is not None:
            units, unit_line = found, lines[k].no
            k += 1
    period_rows: list[tuple[str, list[str | None], int]] = []
    while k < len(lines):
        tokens = lines[k].text.split()
        if len(tokens) != n + 1 or not _PERIOD_TOKEN.fullmatch(tokens[0]):
            break
        cells = [classify(t) for t in tokens[1:]]
        if any(c.kind not in ("value", "na") or c.unit for c in cells):
            break
        period_rows.append((tokens[0], [c.value if c.kind == "value" else None for c in cells], lines[k].no))
        k += 1
    if len(period_rows) < _MIN_PERIOD_ROWS:
        return None
    header = parse_header(Line(no=lines[0].no, raw="", text=" ".join(p for p, _, _ in period_rows)), period)
    if header is None or len(header.columns) != len(period_rows) or any(c.period is None for c in header.columns):
        return None
    columns = [Column(label=p, period=c.period, line=no) for (p, _, no), c in zip(period_rows, header.columns)]
    rows = [
        TableRow(label=name, label_lines=[lines[0].no],
                 cells=[Cell(text=values[i], line=no) if values[i] is not None else None for _, values, no in period_rows],
                 unit=units[i], unit_line=unit_line if units[i] else None)
        for i, name in enumerate(names)
    ]
    return Transposed(columns, rows, k)


_PERIOD_TOKEN = re.compile(r"(?:FY\s?)?(?:19|20)\d\d(?:年度?|財年|财年)?", re.IGNORECASE)


def _metric_names(text: str) -> list[str] | None:
    words = text.split()
    heads = lexicon().period_column_words
    for size in (2, 1):
        if len(words) > size + 1 and " ".join(words[:size]).casefold() in heads:
            names = words[size:]
            break
    else:
        return None
    if any(ch.isdigit() for name in names for ch in name) or len(set(names)) != len(names):
        return None  # a header names metrics, never values or periods
    return names


def _units(text: str, n: int) -> list[str | None] | None:
    """One unit per metric column, each printed in brackets or bare ("（公噸） （立方米）", "t MWh")."""
    tokens = text.split()
    if len(tokens) != n:
        return None
    units = [t.strip(_BRACKETS) for t in tokens]
    if not all(u and classify(u).kind == "unit" for u in units):
        return None
    return units
