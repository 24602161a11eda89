"""Shared helpers of the checks: data files, printed-rounding tolerance, unit scaling, evidence records."""

from __future__ import annotations

import math
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..facts import Fact
from ..model import Document

_DATA = "esglens.data"
_NUMBER = re.compile(r"[-+]?\d[\d,，]*(?:\.(\d+))?|[-+]?\.(\d+)")


@lru_cache(maxsize=None)
def load_data(name: str) -> dict[str, Any]:
    """A TOML data file of the package, parsed once."""
    text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def rules() -> dict[str, Any]:
    return load_data("check_rules.toml")


def factors() -> dict[str, Any]:
    return load_data("emission_factors.toml")


def printed_decimals(raw: str) -> int | None:
    """Decimal places of the number as printed ("3,836.89" -> 2); None when no number is printed."""
    m = _NUMBER.search(raw or "")
    if not m:
        return None
    frac = m.group(1) or m.group(2)
    return len(frac) if frac else 0


def printed_number(raw: str) -> float | None:
    m = _NUMBER.search(raw or "")
    if not m:
        return None
    try:
        return float(m.group(0).replace(",", "").replace("，", ""))
    except ValueError:
        return None


def rounding(fact: Fact) -> float:
    """Half a unit in the last printed place of ``fact``, in the fact's normalised unit.

    The raw value may have been scaled on normalisation (萬, kWh -> MWh), so the printed half-unit is
    scaled by the same ratio. A value whose printing is unknown gets no rounding allowance.
    """
    decimals = printed_decimals(fact.raw_value)
    raw = printed_number(fact.raw_value)
    if decimals is None or raw is None:
        return 0.0
    scale = abs(fact.value / raw) if raw else 1.0
    return 0.5 * 10.0 ** (-decimals) * scale


def slack(*values: float) -> float:
    return float(rules()["tolerance"]["relative_slack"]) * max((abs(v) for v in values), default=0.0)


def is_printed(fact: Fact) -> bool:
    """Only printed values are compared: a value esglens computed never stands in for the report."""
    return not fact.derived and fact.source != "derived" and math.isfinite(fact.value)


def fact_record(fact: Fact) -> dict[str, Any]:
    """The evidence of one fact as a finding cites it."""
    return {
        "metric": fact.metric, "period": fact.period, "dims": dict(fact.dims), "value": fact.value,
        "unit": fact.unit, "raw_value": fact.raw_value, "line": fact.line, "page": fact.page,
        "quote": fact.quote, "label": fact.label,
    }


def fact_lines(facts: Iterable[Fact]) -> list[int]:
    return sorted({f.line for f in facts if f.line})


def fmt(value: float) -> str:
    """A number as a person reads it: thousands separated, no float noise."""
    if value == 0:
        return "0"
    digits = max(2, min(6, 4 - int(math.floor(math.log10(abs(value))))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(fact: Fact) -> str:
    """The value as the report prints it when it was not rescaled, else formatted."""
    raw = printed_number(fact.raw_value)
    if raw is not None and abs(raw - fact.value) <= 1e-9 * max(1.0, abs(raw)):
        return fact.raw_value.strip()
    return fmt(fact.value)


def describe(fact: Fact) -> str:
    """'ghg_scope1 {category: vehicles, diesel} 2024' for messages."""
    dims = ", ".join(f"{k}: {v}" for k, v in sorted(fact.dims.items()))
    return f"{fact.metric}{' {' + dims + '}' if dims else ''} {fact.period}"


# ---- units ------------------------------------------------------------------------------------

def _unit_tables() -> list[dict[str, float]]:
    data = factors()
    return [data["energy_to_mwh"], data["mass_to_t"], data["ghg_to_t"]]


@lru_cache(maxsize=None)
def unit_factor(unit_from: str, unit_to: str) -> float | None:
    """Multiply a value in ``unit_from`` by this to get ``unit_to``; None when not convertible.

    tCO2 and tCO2e are never converted into each other: a report's gas basis is kept as printed.
    The project's unit module converts when it knows both units; the stated factors of
    emission_factors.toml are the fallback.
    """
    if unit_from == unit_to:
        return 1.0
    if ("CO2e" in unit_from) != ("CO2e" in unit_to) and "CO2" in unit_from + unit_to:
        return None
    try:
        from ..units import to_canonical

        return float(to_canonical(1.0, unit_from, unit_to))
    except Exception:  # unknown to the unit module, or not convertible there: try the stated factors
        pass
    for table in _unit_tables():
        if unit_from in table and unit_to in table:
            return float(table[unit_from]) / float(table[unit_to])
    return None


def to_unit(fact: Fact, unit: str) -> tuple[float, float] | None:
    """(value, rounding) of ``fact`` in ``unit``; None when the units do not convert."""
    k = unit_factor(fact.unit, unit)
    if k is None:
        return None
    return fact.value * k, rounding(fact) * k


# ---- text -------------------------------------------------------------------------------------

def matching(text: str) -> str:
    """Text in the form lines are matched in (Simplified, case-folded)."""
    try:
        from ..ingest.normalize import matching_form

        return matching_form(text)
    except Exception:  # the converter is optional for matching plain ASCII words
        return text.lower()


@lru_cache(maxsize=None)
def matching_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(matching(w) for w in words)


def line_match(doc: Document, no: int) -> str:
    ln = doc.line(no)
    return ln.match or matching(ln.text or ln.raw)


def content_lines(doc: Document) -> list[tuple[int, str]]:
    """(line number, matching text) of every content line, computed once per document."""
    cache = getattr(doc, "_esglens_check_lines", None)
    if cache is None:
        missing = [ln for ln in doc.lines if not ln.match]
        if missing:
            try:
                from ..ingest.normalize import matching_forms

                forms = matching_forms([ln.text or ln.raw for ln in missing])
            except Exception:
                forms = [(ln.text or ln.raw).lower() for ln in missing]
            filled = {id(ln): f for ln, f in zip(missing, forms)}
        else:
            filled = {}
        cache = [(ln.no, ln.match or filled.get(id(ln), "")) for ln in doc.lines if ln.is_content]
        doc._esglens_check_lines = cache  # type: ignore[attr-defined]
    return cache
