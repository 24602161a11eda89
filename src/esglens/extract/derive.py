"""Values esglens computes where the report does not print them, always marked ``derived``.

A derived fact never replaces a stated one: it is only made when no stated fact has its key.
"""

from __future__ import annotations

from ..facts import Fact
from .taxonomy import Taxonomy

# total metric -> the metrics that add up to it (same period, no breakdown, same unit)
SUMS = {"ghg_total": ("ghg_scope1", "ghg_scope2")}


def derived_facts(stated: list[Fact], tax: Taxonomy) -> list[Fact]:
    by_key = {f.key(): f for f in stated}
    out: list[Fact] = []
    periods = sorted({f.period for f in stated})
    for total, parts in SUMS.items():
        for period in periods:
            if (total, period, ()) in by_key:
                continue
            found = [by_key.get((p, period, ())) for p in parts]
            if any(f is None for f in found) or len({f.unit for f in found}) != 1:
                continue
            first = found[0]
            definition = tax.metric(total)
            value = sum(f.value for f in found)
            out.append(
                Fact(
                    metric=total, value=round(value, 6), unit=first.unit, raw_value="", raw_unit=None,
                    period=period, period_start=first.period_start, period_end=first.period_end,
                    dims={}, page=first.page, line=first.line, quote="", source="derived",
                    confidence=min(f.confidence for f in found), hkex=definition.hkex, gri=definition.gri,
                    derived=True, label=" + ".join(parts),
                    lines=sorted({ln for f in found for ln in (f.lines or [f.line])}),
                )
            )
    return out
