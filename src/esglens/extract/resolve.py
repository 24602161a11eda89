"""Shared steps of turning a recognised value into a fact: the metric's unit and the normalised value."""

from __future__ import annotations

from dataclasses import dataclass

from .. import units
from .taxonomy import MetricDef

# Metrics whose values are counted or are shares: a missing unit cannot hide a x1000 error.
_UNITLESS_OK = {"persons", "count", "%", "days", "h"}


@dataclass
class Normalised:
    value: float
    unit: str
    confidence: float


def normalise(value: float, raw_unit: str | None, metric: MetricDef, *, percent: bool = False) -> Normalised | None:
    """The value in the metric's canonical unit, or None when the unit does not fit the metric.

    A physical quantity printed without any unit is not guessed: kWh and MWh differ by 1000.
    """
    if percent and not raw_unit:
        raw_unit = "%"
    if not raw_unit:
        if metric.unit in _UNITLESS_OK:
            return Normalised(value, metric.unit, 0.85)
        return None
    try:
        unit = units.canonical_unit_for(raw_unit, _accepted(metric), metric=metric.id)
        return Normalised(units.to_canonical(value, raw_unit, unit, metric=metric.id), unit, 1.0)
    except (ValueError, KeyError):
        return None


def unit_fits(raw_unit: str | None, metric: MetricDef) -> bool:
    if not raw_unit:
        return metric.unit in _UNITLESS_OK
    try:
        units.canonical_unit_for(raw_unit, _accepted(metric), metric=metric.id)
    except (ValueError, KeyError):
        return False
    return True


def _accepted(metric: MetricDef) -> tuple[str, ...]:
    """The metric's canonical units, preferred first (a fuel may be printed as volume, mass or energy)."""
    return metric.units or (metric.unit,)
