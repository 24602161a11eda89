"""Numbers shown to people: thousands separated, and never fewer digits than the report printed.

A value is rounded only where esglens made the digits itself (a unit conversion, a ratio): at most
four decimals for values of one or more, six significant digits below one.
"""

from __future__ import annotations

import math


def fmt_number(value: float | None) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) >= 1:
        text = f"{value:,.4f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.6g}"
    return text


def fmt_share(value: float | None) -> str:
    """A 0..1 share as a percentage ("35%")."""
    return "–" if value is None else f"{value * 100:.0f}%"
