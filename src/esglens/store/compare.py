"""Comparing stored facts: companies x years of one metric, intensities, year-over-year change, restatements."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

# The denominators ``per`` accepts: the metric divided by, the scale and the unit word.
PER = {
    "employees": ("employees_total", 1.0, "employee"),
    "revenue": ("revenue", 1e6, "million revenue"),  # per million units of the revenue's currency
}

_YEAR = re.compile(r"(\d{4})")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


@dataclass
class CompareCell:
    value: float | None  # None when ``per`` was asked and the report gives no denominator
    unit: str
    period: str
    source: str  # "printed" | "derived" (the metric value itself; an intensity is always computed)
    report_id: int
    line: int
    page: int | None
    quote: str
    raw_value: str | None
    metric_value: float  # the metric's own value, before dividing
    denominator: float | None = None
    denominator_unit: str | None = None
    change_pct: float | None = None  # against the previous year of the same company, same unit
    note: str | None = None


@dataclass
class CompareRow:
    company: str
    company_key: str
    cells: dict[str, CompareCell] = field(default_factory=dict)  # period label -> cell


@dataclass
class Comparison:
    metric: str
    per: str | None
    periods: list[str]
    rows: list[CompareRow]
    notes: list[str] = field(default_factory=list)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat record per company and period (for pandas, CSV and the API)."""
        out = []
        for row in self.rows:
            for period in self.periods:
                cell = row.cells.get(period)
                if cell is not None:
                    out.append({"company": row.company, "company_key": row.company_key, **asdict(cell)})
        return out


@dataclass
class StatedValue:
    value: float
    unit: str
    raw_value: str | None
    report_id: int
    report_period: str | None
    filename: str
    line: int
    page: int | None
    quote: str


@dataclass
class Restatement:
    company: str
    company_key: str
    metric: str
    period: str
    dims: dict[str, str]
    original: StatedValue  # from the earlier report
    revised: StatedValue  # from the later report
    relative_change: float  # (revised - original) / |original|; inf when the original is 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def year_of(period: str | None) -> int | None:
    m = _YEAR.search(period or "")
    return int(m.group(1)) if m else None


BASES = ("location", "market")


def known_metric(metric: str) -> bool:
    """A metric id of the taxonomy, or an ``other:<name>`` id."""
    from ..extract.taxonomy import Taxonomy

    if metric.startswith("other:") and len(metric) > 6:
        return True
    return any(m.id == metric for m in Taxonomy.load().metrics)


def compare(
    conn: sqlite3.Connection,
    metric: str,
    per: str | None = None,
    years: Sequence[int] | None = None,
    basis: str | None = None,
) -> Comparison:
    """The metric's totals (no breakdown) for each company and period, in the stored canonical units.

    When a company's period is given by several reports, the value from the latest report wins (a
    restatement replaces the original), a printed value before a derived one. ``per`` divides by the
    same report's total for that period: ``"employees"`` (employees_total) or ``"revenue"`` (per
    million of the revenue's currency; values in different currencies are not comparable and the
    result says so). ``years`` is ``(first, last)``, inclusive.

    Scope 2 (and totals that include it) may be printed only per basis. Without ``basis``, a company
    whose report prints no basis-free value is shown with its location-based one (the GHG Protocol's
    default basis), and the notes say so; ``basis="market"`` or ``"location"`` takes that basis only.
    """
    if per is not None and per not in PER:
        raise ValueError(f"per must be one of {', '.join(PER)}, not {per!r}")
    if basis is not None and basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, not {basis!r}")
    chosen = _chosen_totals(conn, metric, per, years, basis)
    notes: list[str] = []
    located = sum(1 for e in chosen.values() if e.get("dims_key"))
    if located and basis is None:
        notes.append(f"{located} value(s) are location-based: their reports print no total without a basis")
    if per is not None:
        _notes_on_denominators(chosen, per, notes)
    rows = _rows(chosen)
    for row in rows:
        _year_over_year(row)
    periods = sorted({p for row in rows for p in row.cells}, key=lambda p: (year_of(p) or 0, p))
    units = sorted({c.unit for row in rows for c in row.cells.values() if c.value is not None})
    if len(units) > 1:
        notes.append(f"units differ ({', '.join(units)}): values in different units are not comparable")
    return Comparison(metric, per, periods, rows, notes)


# One row per company (or, for a report naming none, per report) and period: printed before derived,
# then the latest report (by the end of its period), which carries any restatement.
_CHOSEN_SQL = """
WITH ranked AS (
    SELECT f.value, f.unit, f.period, f.derived, f.report_id, f.line, f.page, f.quote, f.raw_value, f.dims_key,
           r.company, r.company_key, r.filename,
           ROW_NUMBER() OVER (
               PARTITION BY CASE WHEN r.company_key = '' THEN '#' || r.id ELSE r.company_key END, f.period
               ORDER BY f.dims_key != ?, f.derived, COALESCE(r.period_end, r.period) DESC, r.id DESC, f.id
           ) AS choice
    FROM facts f JOIN reports r ON r.id = f.report_id
    WHERE f.metric = ? AND f.dims_key IN (?, ?)
)
SELECT c.*,
       (SELECT d.value FROM facts d WHERE d.report_id = c.report_id AND d.metric = ? AND d.dims_key = ''
            AND d.period = c.period ORDER BY d.derived, d.id LIMIT 1) AS denominator,
       (SELECT d.unit FROM facts d WHERE d.report_id = c.report_id AND d.metric = ? AND d.dims_key = ''
            AND d.period = c.period ORDER BY d.derived, d.id LIMIT 1) AS denominator_unit
FROM ranked c WHERE c.choice = 1
"""


def _chosen_totals(
    conn: sqlite3.Connection, metric: str, per: str | None, years: Sequence[int] | None, basis: str | None = None
) -> dict[tuple, dict]:
    denominator_metric = PER[per][0] if per else ""
    from .prepare import dims_key

    if basis is None:  # the basis-free total first, else the location-based value
        preferred, other = "", dims_key({"basis": "location"})
    else:
        preferred = other = dims_key({"basis": basis})
    rows = conn.execute(_CHOSEN_SQL, (preferred, metric, preferred, other, denominator_metric,
                                      denominator_metric)).fetchall()
    first, last = (int(years[0]), int(years[-1])) if years else (None, None)
    chosen: dict[tuple, dict] = {}
    for r in rows:
        y = year_of(r["period"])
        if first is not None and (y is None or not first <= y <= last):
            continue
        entry = dict(r)
        if per is None:
            del entry["denominator"], entry["denominator_unit"]
        chosen[(r["company_key"] or f"#{r['report_id']}", r["period"])] = entry
    return chosen


def _notes_on_denominators(chosen: dict[tuple, dict], per: str, notes: list[str]) -> None:
    if per == "revenue":
        currencies = {e["denominator_unit"] for e in chosen.values() if e["denominator"] is not None}
        if len(currencies) > 1:
            notes.append(
                f"revenue is in different currencies ({', '.join(sorted(currencies))}): "
                "per-revenue values are comparable only within one currency"
            )
    missing = sum(1 for e in chosen.values() if e["denominator"] is None)
    if missing:
        notes.append(f"{missing} value(s) have no {PER[per][0]} total in the same report and period")


def _cell(entry: dict) -> CompareCell:
    cell = CompareCell(
        value=entry["value"], unit=entry["unit"], period=entry["period"],
        source="derived" if entry["derived"] else "printed", report_id=entry["report_id"],
        line=entry["line"], page=entry["page"], quote=entry["quote"], raw_value=entry["raw_value"],
        metric_value=entry["value"],
    )
    if "denominator" not in entry:
        return cell
    value, unit = entry["denominator"], entry["denominator_unit"]
    if not value:
        cell.value = None
        cell.note = "no denominator in this report" if value is None else "denominator is zero"
        return cell
    if unit == "persons":
        cell.value = entry["value"] / value
        per_unit = "employee"
    else:
        cell.value = entry["value"] / (value / PER["revenue"][1])
        per_unit = f"{unit} million revenue"
    cell.unit = f"{entry['unit']}/{per_unit}"
    cell.denominator, cell.denominator_unit = value, unit
    return cell


def _rows(chosen: dict[tuple, dict]) -> list[CompareRow]:
    rows: dict[str, CompareRow] = {}
    for (group, period), entry in chosen.items():
        row = rows.get(group)
        if row is None:
            row = rows[group] = CompareRow(entry["company"] or entry["filename"], entry["company_key"])
        row.cells[period] = _cell(entry)
    return sorted(rows.values(), key=lambda r: (r.company or "").casefold())


def _year_over_year(row: CompareRow) -> None:
    by_year = {(year_of(p), p.startswith("FY")): c for p, c in row.cells.items() if year_of(p)}
    for (y, fiscal), cell in by_year.items():
        prev = by_year.get((y - 1, fiscal))
        if prev is None or cell.value is None or not prev.value or prev.unit != cell.unit:
            continue
        cell.change_pct = (cell.value - prev.value) / abs(prev.value) * 100


# -- restatements ---------------------------------------------------------------------------------


def restatements(conn: sqlite3.Connection, metric: str | None = None, company: str | None = None) -> list[Restatement]:
    """Printed values of one company, metric, period and breakdown that two reports state differently.

    Reports are ordered by their own period (then by when they were added); each later report is
    compared with the one before it. Differences within the printed rounding are not restatements.
    ``company`` is a company key (see :func:`esglens.store.prepare.company_key`).
    """
    where = ["f.derived = 0", "r.company_key != ''"]
    args: list[Any] = []
    if metric:
        where.append("f.metric = ?")
        args.append(metric)
    if company:
        where.append("instr(r.company_key, ?) > 0")
        args.append(company)
    # where holds only fixed SQL text; every value travels as a parameter
    rows = conn.execute(_RESTATED_SQL.format(where=" AND ".join(where)), args + args).fetchall()
    out = [_restatement(r) for r in rows if _differs(r)]
    out.sort(key=lambda s: (s.company_key, s.metric, s.period, json.dumps(s.dims, sort_keys=True)))
    return out


# Only keys that two reports state with different values are candidates. For each, every report's first
# printed statement of the value, beside the same value in the company's previous report (ordered by the
# end of the report's period, then by when it was added).
_RESTATED_SQL = """
WITH candidates AS (
    SELECT r.company_key AS ck, f.metric AS m, f.period AS p, f.dims_key AS dk
    FROM facts f JOIN reports r ON r.id = f.report_id
    WHERE {where}
    GROUP BY 1, 2, 3, 4 HAVING COUNT(DISTINCT f.report_id) > 1 AND MIN(f.value) < MAX(f.value)
), stated AS (
    SELECT f.id, f.metric, f.period, f.dims, f.dims_key, f.value, f.unit, f.raw_value, f.report_id, f.line,
           f.page, f.quote, r.company, r.company_key, r.period AS report_period, r.filename,
           COALESCE(r.period_end, r.period) AS report_end,
           ROW_NUMBER() OVER (PARTITION BY r.company_key, f.metric, f.period, f.dims_key, f.report_id
                              ORDER BY f.id) AS nth
    -- CROSS JOIN keeps this order: candidate -> the company's reports -> their facts (index on report_id)
    FROM candidates c CROSS JOIN reports r ON r.company_key = c.ck
         CROSS JOIN facts f ON f.report_id = r.id AND f.metric = c.m AND f.period = c.p AND f.dims_key = c.dk
    WHERE {where}
), paired AS (
    SELECT *,
           LAG(value) OVER w AS b_value, LAG(unit) OVER w AS b_unit, LAG(raw_value) OVER w AS b_raw_value,
           LAG(report_id) OVER w AS b_report_id, LAG(report_period) OVER w AS b_report_period,
           LAG(filename) OVER w AS b_filename, LAG(line) OVER w AS b_line, LAG(page) OVER w AS b_page,
           LAG(quote) OVER w AS b_quote, LAG(company) OVER w AS b_company
    FROM stated WHERE nth = 1
    WINDOW w AS (PARTITION BY company_key, metric, period, dims_key ORDER BY report_end, report_id)
)
SELECT * FROM paired WHERE b_report_id IS NOT NULL AND b_unit = unit AND b_value != value
"""


def _differs(r: sqlite3.Row) -> bool:
    return abs(r["value"] - r["b_value"]) > _rounding(r["value"], r["raw_value"]) + _rounding(r["b_value"], r["b_raw_value"])


def _rounding(value: float, raw_value: str | None) -> float:
    """Half a unit of the last printed digit, in the stored unit (so 1,234 vs 1,234.4 is no restatement)."""
    m = _NUMBER.search((raw_value or "").replace(" ", ""))
    tiny = abs(value) * 1e-9
    if not m:
        return tiny
    printed = float(m.group(0).replace(",", ""))
    if printed == 0:
        return tiny
    decimals = len(m.group(0).split(".")[1]) if "." in m.group(0) else 0
    return max(tiny, 0.5 * 10**-decimals * abs(value / printed))


def _stated(r: sqlite3.Row, prefix: str = "") -> StatedValue:
    return StatedValue(
        value=r[prefix + "value"], unit=r[prefix + "unit"], raw_value=r[prefix + "raw_value"],
        report_id=r[prefix + "report_id"], report_period=r[prefix + "report_period"],
        filename=r[prefix + "filename"], line=r[prefix + "line"], page=r[prefix + "page"], quote=r[prefix + "quote"],
    )


def _restatement(r: sqlite3.Row) -> Restatement:
    before, after = r["b_value"], r["value"]
    return Restatement(
        company=r["company"] or r["b_company"], company_key=r["company_key"], metric=r["metric"],
        period=r["period"], dims=json.loads(r["dims"]), original=_stated(r, "b_"), revised=_stated(r),
        relative_change=(after - before) / abs(before) if before else float("inf"),
    )
