"""Implied emission factors: reported emissions over reported activity, compared with published ranges.

Scope 2 from electricity over purchased electricity gives an implied grid factor (tCO2e/MWh), scope 2
from heat over purchased heat a heat factor (tCO2/GJ), scope 1 from a fuel over that fuel's volume a
combustion factor. The reference range comes from the region the report's electricity is bought in.
"""

from __future__ import annotations

from typing import Any

from ..facts import Fact, FactSet, Finding
from ..model import Document
from .common import shown, content_lines, fact_lines, fact_record, factors, fmt, is_printed, matching_words, to_unit


def detect_region(doc: Document | None) -> str:
    """'hong_kong', 'uk', 'singapore', 'china' or 'global', from the words of the report.

    Chinese-language HKEX reports default to the Mainland grid unless a Hong Kong utility is named.
    """
    regions = factors()["regions"]
    if doc is None:
        return "global"
    lines = content_lines(doc)
    hits = {}
    for name, cfg in regions.items():
        words = matching_words(tuple(cfg["words"]))
        hits[name] = sum(1 for _, text in lines if any(w in text for w in words))
    for name in ("hong_kong", "singapore", "uk"):
        if hits.get(name, 0) >= int(regions[name]["min_hits"]):
            return name
    hk = regions["hong_kong"]
    hk_words = matching_words(tuple(hk.get("weak_words", [])))
    hk_skip = matching_words(tuple(hk.get("weak_exclude", [])))
    hk_lines = sum(1 for _, text in lines if any(w in text for w in hk_words) and not any(w in text for w in hk_skip))
    hk_weak = bool(hk_words) and hk_lines >= int(hk.get("weak_min_hits", 3))
    chinese = (doc.metadata.language or "").startswith("zh") or doc.metadata.script in ("hans", "hant")
    if hits.get("china", 0) >= int(regions["china"]["min_hits"]) or chinese:
        return "hong_kong+china" if hk_weak else "china"
    return "hong_kong" if hk_weak else "global"


def _sum_in(facts: list[Fact], unit: str) -> tuple[float, float] | None:
    total = err = 0.0
    for f in facts:
        conv = to_unit(f, unit)
        if conv is None:
            return None
        total += conv[0]
        err += conv[1]
    return total, err


def _matches(fact: Fact, words: tuple[str, ...]) -> bool:
    text = " ".join([fact.dims.get("category", ""), fact.label or ""]).lower()
    from .common import matching

    text = matching(text)
    return any(w in text for w in words)


def _scope_rows(printed: list[Fact], metric: str, period: str, words: tuple[str, ...]) -> list[Fact]:
    rows = [f for f in printed if f.metric == metric and f.period == period and "category" in f.dims
            and f.dims.get("basis", "location") == "location" and _matches(f, words)]
    by_cat: dict[str, Fact] = {}
    for f in sorted(rows, key=lambda f: f.line):
        by_cat.setdefault(f.dims["category"], f)
    return list(by_cat.values())


def _activity(printed: list[Fact], metric: str, period: str) -> Fact | None:
    cands = [f for f in printed if f.metric == metric and f.period == period and not f.dims]
    return min(cands, key=lambda f: f.line) if cands else None


def _implied(emissions: tuple[float, float], activity: tuple[float, float], scale: float
             ) -> tuple[float, float, float] | None:
    (e, de), (a, da) = emissions, activity
    if a <= 0 or e < 0:
        return None
    lo = max(0.0, e - de) / (a + da) * scale
    hi = (e + de) / (a - da) * scale if a > da else float("inf")
    return e / a * scale, lo, hi


def _finding(fid: str, what: str, value: tuple[float, float, float], unit: str, ref: dict[str, Any],
             used: list[Fact], provision: str,
             hint: str = "units (kWh vs MWh, kg vs t), scope 2 basis, or the factor used") -> Finding:
    implied, lo, hi = value
    inside = hi >= ref["min"] and lo <= ref["max"]
    refs = "; ".join(f"{r['value']} ({r['source']})" for r in ref.get("references", []) if r.get("value"))
    source = refs or ref.get("source", "")
    text = (f"Implied {what} {fmt(implied)} {unit} ({' / '.join(shown(f) + ' ' + f.unit for f in used)})")
    if inside:
        message = f"{text} lies within the reference range {ref['min']}-{ref['max']} for {ref['name']}."
    else:
        message = (f"{text} is outside the reference range {ref['min']}-{ref['max']} for {ref['name']}: check "
                   f"units (kWh vs MWh, kg vs t), scope 2 basis, or the factor used.")
    return Finding(
        id=fid, rule=fid.rsplit(".", 1)[0], severity="info" if inside else "warning", message=message,
        aspect=provision.split(".")[0], provision=provision, status="pass" if inside else "fail",
        facts=[fact_record(f) for f in used], lines=fact_lines(used),
        data={"implied": implied, "implied_low": lo, "implied_high": hi, "unit": unit, "range": [ref["min"], ref["max"]],
              "reference": ref["name"], "source": source},
    )


def _grid(printed: list[Fact], period: str, region: str) -> Finding | None:
    cfg = factors()
    elec = _activity(printed, "electricity", period)
    if elec is None or to_unit(elec, "MWh") is None:
        return None
    rows = _scope_rows(printed, "ghg_scope2", period, matching_words(tuple(cfg["electricity"]["category_words"])))
    heat_words = matching_words(tuple(cfg["electricity"]["heat_words"]))
    rows = [r for r in rows if not _matches(r, heat_words)]
    if not rows:
        # the scope 2 total stands for electricity only when nothing else is bought
        totals = [f for f in printed if f.metric == "ghg_scope2" and f.period == period
                  and f.dims in ({}, {"basis": "location"})]
        heat = _activity(printed, "heat", period)
        if not totals or (heat is not None and heat.value > 0):
            return None
        rows = [min(totals, key=lambda f: (f.dims != {"basis": "location"}, f.line))]
    emissions = _sum_in(rows, "tCO2e") or _sum_in(rows, "tCO2")
    value = _implied(emissions, to_unit(elec, "MWh"), 1.0) if emissions else None
    if value is None:
        return None
    ref = _grid_reference(cfg["grid"], region)
    return _finding(f"factor.grid.{period}", "grid factor", value, "tCO2e/MWh", ref, [*rows, elec], "A1.2")


def _grid_reference(grids: dict[str, Any], region: str) -> dict[str, Any]:
    """The reference range of a region, or of several ("hong_kong+china": either grid may apply)."""
    parts = [grids[r] for r in region.split("+") if r in grids]
    if not parts:
        return grids["global"]
    if len(parts) == 1:
        return parts[0]
    return {**parts[0], "name": " or ".join(p["name"] for p in parts), "min": min(p["min"] for p in parts),
            "max": max(p["max"] for p in parts), "references": [r for p in parts for r in p.get("references", [])]}


def _heat(printed: list[Fact], period: str) -> Finding | None:
    cfg = factors()
    heat = _activity(printed, "heat", period)
    if heat is None or to_unit(heat, "GJ") is None:
        return None
    rows = _scope_rows(printed, "ghg_scope2", period, matching_words(tuple(cfg["electricity"]["heat_words"])))
    emissions = (_sum_in(rows, "tCO2e") or _sum_in(rows, "tCO2")) if rows else None
    value = _implied(emissions, to_unit(heat, "GJ"), 1.0) if emissions else None
    if value is None:
        return None
    ref = cfg["heat"] | {"references": []}
    return _finding(f"factor.heat.{period}", "heat factor", value, cfg["heat"]["unit"], ref, [*rows, heat], "A1.2")


def _fuel(printed: list[Fact], period: str, name: str, cfg: dict[str, Any]) -> Finding | None:
    fuel = _activity(printed, cfg["metric"], period)
    if fuel is None or fuel.value <= 0:
        return None
    rows = _scope_rows(printed, "ghg_scope1", period, matching_words(tuple(cfg["category_words"])))
    others = [w for other, c in factors()["fuel"].items() if other != name for w in c["category_words"]]
    mixed = matching_words(tuple(others + list(factors().get("fuel_mixture", {}).get("words", []))))
    rows = [r for r in rows if not _matches(r, mixed)]  # "towngas and diesel generators": not one fuel's
    if not rows:
        return None
    unit, amount = fuel.unit, to_unit(fuel, fuel.unit)
    if unit not in cfg["factors"] and to_unit(fuel, "GJ") is not None:
        unit, amount = "GJ", to_unit(fuel, "GJ")
    if unit not in cfg["factors"]:
        return None
    emissions = _sum_in(rows, "tCO2e") or _sum_in(rows, "tCO2")
    value = _implied(emissions, amount, 1000.0) if emissions else None  # t -> kg per unit
    if value is None:
        return None
    band = cfg["factors"][unit]
    ref = {"name": f"{name.replace('_', ' ')} combustion ({cfg['source']})", "min": band["min"], "max": band["max"],
           "references": [{"value": band["typical"], "source": cfg["source"]}]}
    return _finding(f"factor.fuel.{name}.{period}", f"{name.replace('_', ' ')} combustion factor", value,
                    f"kgCO2e/{unit}", ref, [*rows, fuel], "A1.2",
                    "units (L vs m³ vs t, kg vs t of CO2e) or the fuel the emissions belong to")


def check_factors(doc: Document | None, facts: FactSet) -> list[Finding]:
    printed = [f for f in facts if is_printed(f)]
    periods = sorted({f.period for f in printed})
    region = detect_region(doc)
    out: list[Finding] = []
    for period in periods:
        out += [f for f in (_grid(printed, period, region), _heat(printed, period)) if f]
        for name, cfg in factors()["fuel"].items():
            found = _fuel(printed, period, name, cfg)
            if found:
                out.append(found)
    for f in out:
        f.data["region"] = region
    return out
