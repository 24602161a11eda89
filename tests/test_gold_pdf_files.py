"""Check the hand-written gold files for the corpus PDFs against docs/conventions.md and the PDFs themselves.

Each record must be well formed, use a taxonomy id (or other:<snake_case>) with its canonical unit, and its
raw_value must be printed on the PDF page it cites (numbers compared after removing thousands separators).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
PDF_GOLD = ["drax-2023-en", "sinocloud-2023-en", "fullshare-2019-tc"]
CONVENTIONS = Path(__file__).resolve().parents[1] / "docs" / "conventions.md"

REQUIRED = {"metric", "value", "unit", "period", "dims", "page", "raw_value", "raw_unit"}
OPTIONAL = {"note"}
DIMS_KEYS = {"gender", "age", "region", "employment_type", "rank", "category", "scope3_category", "basis"}
DIMS_ENUMS = {"gender": {"male", "female"}, "basis": {"location", "market"}}

# Canonical units from docs/conventions.md; intensities are checked by their numerator.
CANONICAL_UNITS = {
    **dict.fromkeys(["ghg_total", "ghg_scope1", "ghg_scope2", "ghg_scope3"], {"tCO2e", "tCO2"}),
    **dict.fromkeys(["air_nox", "air_sox", "air_pm"], {"kg"}),
    **dict.fromkeys(["hazardous_waste", "non_hazardous_waste", "packaging_material"], {"t"}),
    **dict.fromkeys(
        ["energy_total", "energy_direct", "energy_indirect", "electricity", "heat", "renewable_electricity"], {"MWh"}
    ),
    "natural_gas": {"m³", "MWh"},
    "gasoline": {"L", "t", "MWh"},
    "diesel": {"L", "t", "MWh"},
    "water": {"m³"},
    **dict.fromkeys(
        ["employees_total", "turnover_count", "volunteers", "anti_corruption_training_participants",
         "work_fatalities", "active_users"],
        {"persons"},
    ),
    **dict.fromkeys(
        ["turnover_rate", "trained_pct", "work_fatality_rate", "product_recall_pct", "complaint_resolution_rate"], {"%"}
    ),
    "lost_days": {"days"},
    **dict.fromkeys(
        ["training_hours_avg", "training_hours_total", "volunteer_hours", "anti_corruption_training_hours"], {"h"}
    ),
    **dict.fromkeys(["suppliers_total", "complaints_received", "corruption_cases"], {"count"}),
}
INTENSITY_NUMERATOR = {
    "ghg_intensity": ("tCO2e", "tCO2"),
    "hazardous_waste_intensity": ("t",),
    "non_hazardous_waste_intensity": ("t",),
    "packaging_intensity": ("t",),
    "energy_intensity": ("MWh",),
    "water_intensity": ("m³",),
}
CURRENCY = re.compile(r"^[A-Z]{3}$")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def taxonomy_ids() -> set[str]:
    """Metric ids are the backticked names in the 'Metric ids' section of docs/conventions.md."""
    text = CONVENTIONS.read_text(encoding="utf-8")
    section = text.split("## Metric ids", 1)[1].split("\n## ", 1)[0]
    return {m for m in re.findall(r"`([a-z0-9_]+)`", section)}


def load(stem: str) -> list[dict]:
    lines = (GOLD_DIR / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def numbers_in(text: str) -> set[str]:
    return {tok.replace(",", "") for tok in NUMBER.findall(text)}


@lru_cache(maxsize=None)
def page_text(pdf: Path, page: int) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page - 1].get_textpage().get_text_range()
    finally:
        doc.close()


@pytest.mark.parametrize("stem", PDF_GOLD)
def test_records_are_well_formed(stem):
    records = load(stem)
    assert records, f"{stem}: empty gold file"
    ids = taxonomy_ids()
    seen = set()
    for rec in records:
        assert REQUIRED <= rec.keys() <= REQUIRED | OPTIONAL, rec
        metric, unit = rec["metric"], rec["unit"]
        assert metric in ids or re.fullmatch(r"other:[a-z0-9]+(?:_[a-z0-9]+)*", metric), rec
        assert isinstance(rec["value"], (int, float)) and not isinstance(rec["value"], bool), rec
        assert re.fullmatch(r"(FY)?(19|20)\d\d", rec["period"]), rec
        assert isinstance(rec["page"], int) and rec["page"] >= 1, rec
        assert isinstance(rec["raw_value"], str) and rec["raw_value"], rec
        assert isinstance(rec["dims"], dict) and set(rec["dims"]) <= DIMS_KEYS, rec
        for key, allowed in DIMS_ENUMS.items():
            if key in rec["dims"]:
                assert rec["dims"][key] in allowed, rec
        if metric in CANONICAL_UNITS:
            assert unit in CANONICAL_UNITS[metric], rec
        elif metric in INTENSITY_NUMERATOR:
            assert unit.split("/", 1)[0] in INTENSITY_NUMERATOR[metric] and "/" in unit, rec
        elif metric in ("revenue", "community_investment"):
            assert CURRENCY.match(unit), rec
        key = (metric, rec["period"], json.dumps(rec["dims"], sort_keys=True), unit, rec["value"])
        assert key not in seen, f"duplicate record {rec}"
        seen.add(key)


@pytest.mark.parametrize("stem", PDF_GOLD)
def test_raw_values_are_printed_on_cited_page(stem, corpus_file):
    pdf = corpus_file(f"pdf/{stem}.pdf")
    missing = []
    for rec in load(stem):
        text = page_text(pdf, rec["page"])
        wanted = numbers_in(rec["raw_value"])
        if wanted:
            if not wanted <= numbers_in(text):
                missing.append((rec["page"], rec["metric"], rec["raw_value"]))
        elif re.sub(r"\s+", "", rec["raw_value"]) not in re.sub(r"\s+", "", text):
            # A zero stated in words: the quoted phrase itself must be on the page.
            missing.append((rec["page"], rec["metric"], rec["raw_value"]))
    assert not missing, f"{stem}: raw values not found on their page: {missing}"


def test_units_convert_consistently():
    """Spot-check normalisation against values read off the PDFs by hand."""
    drax = {(r["metric"], r["period"], json.dumps(r["dims"])): r for r in load("drax-2023-en")}
    assert drax[("ghg_scope1", "2023", "{}")]["value"] == 255_000  # 255 ktCO2e
    assert drax[("ghg_scope2", "2023", '{"basis": "market"}')]["value"] == 273_000
    assert drax[("energy_total", "2023", "{}")]["value"] == 34_113_000  # 34,113 GWh
    sino = {(r["metric"], r["period"], json.dumps(r["dims"])): r for r in load("sinocloud-2023-en")}
    assert sino[("ghg_scope2", "FY2023", "{}")]["value"] == pytest.approx(4490.634)  # 4,490,634 kg
    assert sino[("electricity", "FY2022", "{}")]["value"] == pytest.approx(3332.31)  # 3,332,310 kWh
    full = {(r["metric"], r["period"], json.dumps(r["dims"], ensure_ascii=False)): r for r in load("fullshare-2019-tc")}
    assert full[("ghg_total", "2019", "{}")]["value"] == pytest.approx(13863.25)
    assert full[("water", "2019", "{}")]["value"] == pytest.approx(515121.02)
