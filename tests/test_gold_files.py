"""Sanity checks for the hand-verified gold files in tests/gold: format, vocabulary and provenance.

The gold files are the quality bar of KPI extraction (issue 3), so a typo in one of them silently
corrupts every score. These tests check that each record uses the documented schema, metric ids,
dims keys and canonical units, and that its raw_value is really printed on the cited corpus line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).parent / "gold"
# The gold files of the text corpus reports (line provenance); PDF gold files cite pages instead.
TEXT_CORPUS = {
    "jdhealth-esg-2024.zh-hant": "jdhealth-esg-2024.zh-hant.txt",
    "alihealth-esg-fy2024.zh-hant": "alihealth-esg-fy2024.zh-hant.txt",
    "medlive-esg-2022.zh-hant": "medlive-esg-2022.zh-hant.txt",
    "jdhealth-results-2021-news.zh-hans": "jdhealth-results-2021-news.zh-hans.md",
}
GOLD_FILES = [GOLD_DIR / f"{stem}.jsonl" for stem in TEXT_CORPUS]

TAXONOMY_IDS = {
    "air_nox", "air_sox", "air_pm",
    "ghg_total", "ghg_scope1", "ghg_scope2", "ghg_scope3", "ghg_intensity",
    "hazardous_waste", "hazardous_waste_intensity", "non_hazardous_waste", "non_hazardous_waste_intensity",
    "energy_total", "energy_direct", "energy_indirect", "energy_intensity", "electricity", "heat",
    "natural_gas", "gasoline", "diesel", "renewable_electricity",
    "water", "water_intensity", "packaging_material", "packaging_intensity",
    "employees_total", "turnover_rate", "turnover_count",
    "work_fatalities", "work_fatality_rate", "lost_days",
    "trained_pct", "training_hours_avg", "training_hours_total",
    "suppliers_total", "product_recall_pct", "complaints_received", "complaint_resolution_rate",
    "corruption_cases", "anti_corruption_training_hours", "anti_corruption_training_participants",
    "community_investment", "volunteer_hours", "volunteers",
    "revenue", "active_users",
}
OTHER_ID = re.compile(r"^other:[a-z][a-z0-9_]*$")

# Canonical units of docs/conventions.md, plus the few units that other:* metrics need (README).
PLAIN_UNITS = {
    "tCO2e", "tCO2", "kg", "t", "MWh", "m³", "L", "persons", "%", "days", "h", "count",
    "RMB", "HKD", "USD", "GBP", "SGD", "EUR",
    "per million hours", "RMB/person", "score", "min",
}
INTENSITY_UNIT = re.compile(r"^(tCO2e|tCO2|MWh|t|m³|kg)/(employee|RMB million revenue|m²)$")

DIMS_KEYS = {"gender", "age", "region", "employment_type", "rank", "category", "scope3_category", "basis",
             "ethnicity", "nationality"}
ENUM_DIMS = {"gender": {"male", "female"}, "basis": {"location", "market"}}
REQUIRED = {"metric", "value", "unit", "period", "dims", "line", "raw_value", "raw_unit"}
OPTIONAL = {"note"}
PERIOD = re.compile(r"^(FY)?\d{4}$")


def load(path: Path) -> list[dict]:
    return [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines() if text.strip()]


def corpus_name(gold: Path) -> str:
    return TEXT_CORPUS[gold.stem]


def test_gold_files_exist():
    assert all(path.is_file() for path in GOLD_FILES)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_records_follow_the_conventions(gold: Path):
    records = load(gold)
    assert records
    seen = set()
    for rec in records:
        assert REQUIRED <= rec.keys() <= REQUIRED | OPTIONAL, rec
        metric = rec["metric"]
        assert metric in TAXONOMY_IDS or OTHER_ID.match(metric), rec
        assert rec["unit"] in PLAIN_UNITS or INTENSITY_UNIT.match(rec["unit"]), rec
        assert isinstance(rec["value"], (int, float)) and not isinstance(rec["value"], bool), rec
        assert PERIOD.match(rec["period"]), rec
        assert isinstance(rec["line"], int) and rec["line"] >= 1, rec
        assert isinstance(rec["raw_value"], str) and rec["raw_value"], rec
        assert isinstance(rec["dims"], dict), rec
        for key, val in rec["dims"].items():
            assert key in DIMS_KEYS and isinstance(val, str) and val, rec
            assert val in ENUM_DIMS.get(key, {val}), rec
        key = (metric, rec["period"], json.dumps(rec["dims"], sort_keys=True))
        assert key not in seen, f"duplicate record {key}"
        seen.add(key)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_raw_value_is_printed_on_the_cited_line(gold: Path, corpus_file):
    lines = corpus_file(corpus_name(gold)).read_text(encoding="utf-8").split("\n")
    for rec in load(gold):
        assert rec["line"] <= len(lines), rec
        text = lines[rec["line"] - 1]
        raw = rec["raw_value"]
        digits = re.sub(r"\D", "", raw)
        if digits:
            # the digits of the printed number, separators included, occur on the line
            assert re.sub(r"[^\d.,]", "", raw) in text, (rec, text)
        else:
            # a zero stated in words: the wording itself is quoted
            assert raw in text, (rec, text)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.stem)
def test_unscaled_values_equal_their_raw_number(gold: Path):
    """Where no multiplier or unit conversion applies, value must equal the printed number."""
    same_unit = {("%", "%"), ("人", "persons"), ("噸", "t"), ("小時", "h"), ("千克", "kg"), ("噸", "m³"),
                 ("噸二氧化碳當量", "tCO2e"), ("家", "count"), ("件", "count"), ("次", "count"), ("升", "L")}
    for rec in load(gold):
        if (rec["raw_unit"], rec["unit"]) in same_unit:
            number = float(re.sub(r"[^\d.]", "", rec["raw_value"]))
            assert rec["value"] == pytest.approx(number), rec
