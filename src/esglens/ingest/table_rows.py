"""Row hierarchy of a recognised table: which rows break down which (level, parent).

Signals, from the layout and the lexicon, never from one report's labels:
indentation of the printed label; a following group of rows in the same unit whose values add up to a
row's value (in every column where all are printed); a row whose label names a total is never made
a part of another row by the sum rule. Section rows (a label only) do not change levels; use
:func:`row_section` to find the group a row sits in.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Line, Table, TableRow
from .table_cells import lexicon, split_value_mark

_MAX_GROUP = 40  # rows scanned for the parts of one total: keeps the pass linear


def indent_of(line: Line) -> int:
    raw = line.raw.replace("\t", "    ")
    stripped = raw.lstrip(" \u3000")
    return sum(2 if ch == "\u3000" else 1 for ch in raw[: len(raw) - len(stripped)])


def assign_hierarchy(rows: list[TableRow], indents: list[int]) -> None:
    """Set level and parent on each row in place."""
    _by_indent(rows, indents)
    _by_prefix(rows)
    _by_sums(rows)


def _by_prefix(rows: list[TableRow]) -> None:
    """A label opened by a sub-row word ("- of which directors", "其中：廢有機溶劑") is a part of the
    nearest row above that is not one, when their units agree; a run of such rows shares that parent."""
    prefixes = lexicon().subrow_prefixes
    for i, row in enumerate(rows):
        if row.is_section or row.parent is not None or not row.label.strip().casefold().startswith(prefixes):
            continue
        j = i - 1
        while j >= 0 and not rows[j].is_section and (rows[j].parent is not None and rows[j].level > 0):
            j -= 1
        if j < 0 or rows[j].is_section:
            continue
        if _unit_factor(rows[j].unit, row.unit) is None:
            continue
        row.level, row.parent = rows[j].level + 1, j


def _by_indent(rows: list[TableRow], indents: list[int]) -> None:
    data = [i for i, r in enumerate(rows) if not r.is_section]
    if not data:
        return
    base = min(indents[i] for i in data)
    for i in data:
        if indents[i] < base + 2:
            continue
        rows[i].level = 1
        rows[i].parent = _indent_parent(rows, i)


def _indent_parent(rows: list[TableRow], i: int) -> int | None:
    """The nearest row above with a lower level; prefer one that the group adds up to, then one in
    the same unit (a per-capita row above the parts is not their total)."""
    child = rows[i]
    candidates = []
    for j in range(i - 1, -1, -1):
        if rows[j].is_section:
            break  # a group heading between them: the row belongs to that group, not to a row above it
        if rows[j].level < child.level:
            candidates.append(j)
    candidates = candidates[:_MAX_GROUP]
    group = _indented_group(rows, i)
    for j in candidates:
        if _adds_up(rows[j], [rows[k] for k in group])[0]:
            return j
    for j in candidates:
        if child.unit is None or rows[j].unit is None or _same_unit(rows[j].unit, child.unit):
            return j
    return candidates[0] if candidates else None


def _indented_group(rows: list[TableRow], i: int) -> list[int]:
    start = i
    while start > 0 and rows[start - 1].level >= 1 and not rows[start - 1].is_section:
        start -= 1
    end = i
    while end + 1 < len(rows) and rows[end + 1].level >= 1 and not rows[end + 1].is_section:
        end += 1
    return list(range(start, end + 1))


def _by_sums(rows: list[TableRow]) -> None:
    # bottom-up, so inner groups are found first and an outer total skips rows already assigned
    for i in range(len(rows) - 1, -1, -1):
        row = rows[i]
        if row.is_section or row.parent is not None or row.level > 0 or not _summable(row):
            continue
        target = _numbers(row)
        if not any(v for v in target if v is not None):
            continue
        # a row named as a total closes the rows above it when they add up ("Total water withdrawal"
        # under its sources); otherwise the rows below it that add up are its parts
        parts = (_parts_above(rows, i) if _names_total(row) else []) or _parts_of(rows, i)
        for k in parts:
            rows[k].level = 1
            rows[k].parent = i
        for k in parts:
            _deepen(rows, k)


def _parts_of(rows: list[TableRow], i: int) -> list[int]:
    """The rows right after row ``i`` that add up to it: in every column, or in at least one column
    when the group runs up to a structural boundary (a total, a section, another unit, the end)."""
    row = rows[i]
    parts: list[int] = []
    for j in range(i + 1, min(len(rows), i + 1 + _MAX_GROUP)):
        other = rows[j]
        if other.parent is not None:
            if other.parent == i:  # a part already ("其中：..."): the rest of the group joins it
                parts.append(j)
            continue
        if not _can_be_part(row, other):
            break
        parts.append(j)
        group = [rows[k] for k in parts]
        if len(parts) >= 2:
            full, some = _adds_up(row, group)
            # a column that does not add up is tolerated only for a row named as a total whose
            # group runs to a structural boundary (reports do print inconsistent totals)
            if full or (some and _names_total(row) and _boundary_after(rows, row, j)):
                return parts
        if _exceeds(row, group):
            break
    return []


def _parts_above(rows: list[TableRow], i: int) -> list[int]:
    """A total printed under its parts ("Clinical waste", "Chemical waste", then "Total hazardous
    waste"): the nearest run of rows right above it that adds up to it in every column."""
    row = rows[i]
    parts: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - _MAX_GROUP), -1):
        other = rows[j]
        if other.parent is not None and other.parent < i and rows[other.parent].parent is None and other.parent != j:
            continue  # "of which: ..." under one of the parts: a part of that part
        if other.parent is not None or not _can_be_part(row, other):
            break
        parts.insert(0, j)
        if len(parts) >= 2:
            full, some = _adds_up(row, [rows[k] for k in parts])
            # a column that does not add up is tolerated when the group runs up to a boundary (a
            # section row or the top of the table): reports do print inconsistent totals
            at_boundary = j == 0 or rows[j - 1].is_section
            if full or (some and at_boundary):
                return parts
        if _exceeds(row, [rows[k] for k in parts]):
            break
    return []


def _can_be_part(total: TableRow, other: TableRow) -> bool:
    if other.is_section or other.level > 0 or not _summable(other) or _names_total(other):
        return False
    return not (total.unit and other.unit and _unit_factor(total.unit, other.unit) is None)


@lru_cache(maxsize=4096)
def _unit_factor(total_unit: str | None, part_unit: str | None) -> float | None:
    """What one of the part's units is in the total's units (kg under t: 0.001); None when the two
    do not convert (a part in MWh under a total in tCO2e)."""
    if not total_unit or not part_unit or _same_unit(total_unit, part_unit):
        return 1.0
    from ..units import UnitError, parse_unit, to_canonical

    try:
        target = parse_unit(total_unit).canonical
        factor = to_canonical(1.0, part_unit, target) / to_canonical(1.0, total_unit, target)
    except (UnitError, ZeroDivisionError, ValueError):
        return None
    return factor if factor > 0 else None


def _boundary_after(rows: list[TableRow], total: TableRow, j: int) -> bool:
    nxt = next((r for r in rows[j + 1 :] if r.parent is None), None)
    return nxt is None or not _can_be_part(total, nxt)


def _deepen(rows: list[TableRow], k: int) -> None:
    for n, r in enumerate(rows):
        if r.parent == k and n != k:
            r.level = rows[k].level + 1
            _deepen(rows, n)


def _summable(row: TableRow) -> bool:
    values = [c for c in row.cells if c is not None]
    if values and all(_is_percent(c.text) for c in values):
        return False  # shares do not add up to a total row (a "% change" column beside values is no share)
    return _summable_text(f"{row.unit or ''} {row.label}")


def _is_percent(text: str) -> bool:
    return text.rstrip().endswith(("%", "％"))


@lru_cache(maxsize=16384)
def _summable_text(text: str) -> bool:
    return _RATIO_MARKS().search(text.casefold()) is None


@lru_cache(maxsize=1)
def _RATIO_MARKS() -> re.Pattern[str]:
    # English marks are whole words: "rate" is no mark inside "self-generated"
    parts = [rf"(?<![a-z]){re.escape(m)}(?![a-z])" if m.strip().isascii() and m.strip().isalpha() else re.escape(m)
             for m in lexicon().ratio_marks]
    return re.compile("|".join(parts))


def _names_total(row: TableRow) -> bool:
    return _names_total_text(row.label)


@lru_cache(maxsize=16384)
def _names_total_text(label: str) -> bool:
    folded = label.casefold()
    return any(word in folded for word in lexicon().total_words)


def _same_unit(a: str, b: str) -> bool:
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold()


def _numbers(row: TableRow) -> list[float | None]:
    return [_number(cell.text) if cell else None for cell in row.cells]


@lru_cache(maxsize=16384)
def _number(text: str) -> float | None:
    num, _ = split_value_mark(text)
    try:
        return float(num.replace(",", "").replace("−", "-").rstrip("%％ "))
    except ValueError:
        return None


@lru_cache(maxsize=16384)
def _decimals(text: str) -> int:
    num, _ = split_value_mark(text)
    m = re.search(r"\.(\d+)", num)
    return len(m.group(1)) if m else 0


def _adds_up(total: TableRow, parts: list[TableRow]) -> tuple[bool, bool]:
    """(adds up in every column compared, adds up in at least one column)."""
    results: list[bool] = []
    for c, cell in enumerate(total.cells):
        if cell is None or _is_percent(cell.text):
            continue  # a change or share column does not add up
        value = _number(cell.text)
        part_cells = [p.cells[c] if c < len(p.cells) else None for p in parts]
        if value is None or any(pc is None for pc in part_cells):
            continue
        nums = [_number(pc.text) for pc in part_cells if pc is not None]
        if any(n is None for n in nums):
            continue
        factors = [_unit_factor(total.unit, p.unit) or 1.0 for p in parts]
        # each printed number is off by up to half its last place, in its own unit
        tolerance = 0.5 * 10 ** (-_decimals(cell.text)) + sum(
            0.5 * 10 ** (-_decimals(pc.text)) * f for pc, f in zip(part_cells, factors) if pc is not None) + 1e-9
        total_parts = sum(n * f for n, f in zip(nums, factors) if n is not None)
        results.append(value != 0 and abs(total_parts - value) <= tolerance)
    return (bool(results) and all(results), any(results))


def _exceeds(total: TableRow, parts: list[TableRow]) -> bool:
    """Every column's parts already add to more than the total (all values non-negative)."""
    over: list[bool] = []
    for c, value in enumerate(_numbers(total)):
        if total.cells[c] is not None and _is_percent(total.cells[c].text):
            continue
        nums = [_numbers(p)[c] if c < len(p.cells) else None for p in parts]
        if value is None or value <= 0 or any(n is None or n < 0 for n in nums):
            continue
        factors = [_unit_factor(total.unit, p.unit) or 1.0 for p in parts]
        over.append(sum(n * f for n, f in zip(nums, factors) if n) > value * 1.001 + 0.01)
    return bool(over) and all(over)


def row_section(table: Table, index: int) -> int | None:
    """Index of the section row (a label-only row) that the row at ``index`` sits under, or None."""
    for j in range(index - 1, -1, -1):
        if table.rows[j].is_section:
            return j
    return None
