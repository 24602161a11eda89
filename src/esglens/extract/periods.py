"""Reporting periods of facts: a column's period label resolved against the document's period."""

from __future__ import annotations

import re
from datetime import date

from ..model import Period

_YEAR = re.compile(r"(?:FY)?((?:19|20)\d\d)")


def resolve_label(column_period: str | None, doc_period: Period | None) -> str | None:
    """The fact period for a value column.

    A column without a period (a single-value KPI list) takes the document's period. In a
    fiscal-year report, a bare year column ``2024`` means the fiscal year ending in 2024.
    """
    if column_period is None:
        return doc_period.label if doc_period else None
    m = _YEAR.fullmatch(column_period.strip())
    if not m:
        return column_period
    if doc_period is not None and doc_period.fiscal:
        return f"FY{m.group(1)}"
    return column_period.strip()


def bounds(label: str, doc_period: Period | None) -> tuple[str | None, str | None]:
    """ISO start and end dates of a period label such as ``2023`` or ``FY2024``."""
    m = _YEAR.fullmatch(label)
    if not m:
        return None, None
    year = int(m.group(1))
    if label.startswith("FY"):
        # A fiscal year ends in the year it is named after, on the document's fiscal year end.
        if doc_period and doc_period.fiscal and doc_period.start and doc_period.end:
            start, end = date.fromisoformat(doc_period.start), date.fromisoformat(doc_period.end)
            shift = year - end.year
            return _shift(start, shift).isoformat(), _shift(end, shift).isoformat()
        return None, None
    return f"{year}-01-01", f"{year}-12-31"


def _shift(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February in a year without one
        return d.replace(year=d.year + years, day=28)
