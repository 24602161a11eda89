"""Builders of synthetic facts and documents for the check tests."""

from __future__ import annotations

from pathlib import Path

from esglens import Fact, FactSet, parse

UNITS = {
    "ghg": "tCO2e", "employees_total": "persons", "energy": "MWh", "electricity": "MWh", "heat": "MWh",
    "diesel": "L", "gasoline": "L", "natural_gas": "m³", "water": "m³", "revenue": "RMB",
}


def fact(metric: str, raw: str, period: str = "2024", line: int = 10, unit: str | None = None,
         value: float | None = None, table: int | None = 1, **dims: str) -> Fact:
    """A printed fact; ``value`` defaults to the printed number, ``unit`` to the metric's canonical unit."""
    if unit is None:
        unit = next((u for k, u in UNITS.items() if metric.startswith(k)), "t")
    number = float(raw.replace(",", ""))
    return Fact(metric=metric, value=number if value is None else value, unit=unit, raw_value=raw,
                raw_unit=unit, period=period, dims=dict(dims), line=line, quote=raw, table=table,
                lines=[line])


def facts(*items: Fact, document=None) -> FactSet:
    return FactSet(list(items), document=document)


def document(tmp_path: Path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse(path)
