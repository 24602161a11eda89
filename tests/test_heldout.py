"""Extraction on the held-out reports in tests/heldout/: synthetic reports in three languages, written
with their gold files by people who had not read the extractor (method: tests/gold/README.md). They
are checked here so that a change which helps the corpus but hurts unseen layouts shows up.

Floors sit a little under today's scores (`bench/accuracy.py`); raise them as extraction improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import esglens
from esglens.extract.evaluate import evaluate, load_gold

HELDOUT = Path(__file__).parent / "heldout"

# report -> (precision floor, recall floor) on taxonomy metrics
FLOORS = {
    "harbourline-logistics-2023.en.txt": (0.95, 0.95),
    "jinshan-pharma-2024.zh-hans.txt": (0.95, 0.95),
    "pacific-retail-fy2024.en.md": (0.95, 0.85),
    "lotus-textiles-fy2024.zh-hant.txt": (0.94, 0.83),
    "meridian-energy-2024.en.html": (0.82, 0.75),
    "xinghe-logistics-2023.zh-hans.txt": (0.95, 0.80),
    "kowloon-property-2023.zh-hant.pdf": (0.94, 0.88),
    "sunrise-health-fy2024.en.pdf": (0.95, 0.92),
    "tianfu-water-2024.zh-hans.pdf": (0.80, 0.68),
    "northstar-logistics-2023.en.txt": (0.68, 0.60),
    "hoi-wan-hotels-fy2024.zh-hant.md": (0.95, 0.85),
    "greatwall-cement-2023.zh-hans.txt": (0.95, 0.90),
    "harbourside-bank-2024.en.html": (0.85, 0.78),
    "pearl-river-foods-fy2023.zh-hant.txt": (0.95, 0.85),
    "fortune-retail-fy2024.zh-hant.pdf": (0.95, 0.95),
    "summit-mining-2023.en.pdf": (0.90, 0.90),
    "crestview-properties-fy2024.en.pdf": (0.95, 0.88),
    "harbour-telecom-2023.zh-hant.txt": (0.95, 0.93),
    "jiangnan-machinery-2024.zh-hans.pdf": (0.95, 0.95),
    "lionrock-utilities-fy2024.en.txt": (0.93, 0.80),
    "victoria-harbour-group-2024.zh-hant.pdf": (0.95, 0.88),
    # scored blind and not yet worked on (tests/heldout/README.md): floors at their first scores
    "huaxin-pharma-2024.zh-hans.html": (0.87, 0.44),
    "pacific-ports-2024.en.pdf": (0.90, 0.52),
    "evergreen-foods-2023.en.html": (0.95, 0.78),
}


def _reports() -> set[str]:
    """Report files are named <report>.<language>.<extension>; gold is <report>.<language>.jsonl."""
    return {p.name for p in HELDOUT.iterdir()
            if p.name.count(".") == 2 and p.suffix != ".jsonl" and not p.name.endswith(".notes.md")}


def test_every_heldout_report_has_a_gold_file_and_a_floor():
    reports = _reports()
    assert reports == set(FLOORS)
    for name in reports:
        assert (HELDOUT / (".".join(name.split(".")[:2]) + ".jsonl")).exists(), name


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_extraction_meets_its_floor(name):
    report = HELDOUT / name
    gold = load_gold(HELDOUT / (".".join(name.split(".")[:2]) + ".jsonl"))
    result = evaluate(gold, esglens.extract(report))
    p_floor, r_floor = FLOORS[name]
    s = result.taxonomy
    assert s.precision >= p_floor and s.recall >= r_floor, (
        f"{name}: precision {s.precision:.3f} (floor {p_floor}), recall {s.recall:.3f} (floor {r_floor}); "
        f"missed {[(g['metric'], g['period'], g.get('dims'), g['value']) for g in result.missed if not g['metric'].startswith('other:')][:8]}"
    )


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_quotes_occur_at_their_lines(name):
    report = HELDOUT / name
    doc = esglens.parse(report)
    text_of = {ln.no: ln.text for ln in doc.lines}
    for fact in esglens.extract(report):
        if fact.line is not None and not fact.derived:
            assert fact.quote in text_of[fact.line], (fact.metric, fact.line, fact.quote)


def _check(name: str):
    return esglens.check(esglens.extract(HELDOUT / name))


def test_checks_find_the_inconsistencies_the_writers_planted():
    """Each *.notes.md names one deliberate error; the checks must raise it, with its line."""
    lotus = _check("lotus-textiles-fy2024.zh-hant.txt")
    ghg = lotus.get("arith.ghg_scopes.ghg_total.FY2024")
    assert ghg is not None and ghg.severity == "error" and 66 in ghg.lines
    xinghe = _check("xinghe-logistics-2023.zh-hans.txt")
    ages = xinghe.get("arith.workforce.age.employees_total.2023")
    assert ages is not None and ages.severity == "error" and 113 in ages.lines
    hoi_wan = _check("hoi-wan-hotels-fy2024.zh-hant.md")  # 總計 40,383,900 printed for 40,333,900
    electricity = hoi_wan.get("arith.breakdown.category.electricity.FY2024")
    assert electricity is not None and electricity.status == "fail" and 27 in electricity.lines
    for name, finding, line in (("greatwall-cement-2023.zh-hans.txt", "arith.breakdown.category.employees_total.2023", 125),
                                ("harbourside-bank-2024.en.html", "arith.breakdown.category.ghg_scope1.2024", 61),
                                ("pearl-river-foods-fy2023.zh-hant.txt", "arith.breakdown.category.water.2023", 98)):
        planted = _check(name).get(finding)
        assert planted is not None and planted.status == "fail" and line in planted.lines, (name, finding)
    fortune = _check("fortune-retail-fy2024.zh-hant.pdf").get("arith.ghg_scopes.ghg_total.FY2023")
    assert fortune is not None and fortune.severity == "error"  # 46,361.1 printed for 46,316.1
    summit = _check("summit-mining-2023.en.pdf").get("arith.breakdown.category.other:water_withdrawal.2022")
    assert summit is not None and summit.status == "fail"  # 22,252 printed, the sources add to 22,225
    kowloon = _check("kowloon-property-2023.zh-hant.pdf")  # towngas 842.5 printed for 742.5
    scope1 = kowloon.get("arith.breakdown.category.ghg_scope1.2023")
    assert scope1 is not None and scope1.status == "fail" and 41 in scope1.lines
    # a table printed one row per year: 114,320.0 printed for 1,935.7 + 112,284.3 = 114,220.0
    telecom = _check("harbour-telecom-2023.zh-hant.txt").get("arith.ghg_scopes.ghg_total.2022")
    assert telecom is not None and telecom.severity == "error" and 57 in telecom.lines
    # 柴油燃燒 9,062.4 printed for 9,026.4: the 2023 scope 1 sources exceed scope 1 by 36.0
    jiangnan = _check("jiangnan-machinery-2024.zh-hans.pdf").get("arith.breakdown.category.ghg_scope1.2023")
    assert jiangnan is not None and jiangnan.severity == "error"
    # region columns: Hong Kong 1,051,206 + Singapore 282,417 m3 under a Total column of 1,342,623
    crestview = _check("crestview-properties-fy2024.en.pdf").get("arith.breakdown.region.water.FY2024")
    assert crestview is not None and crestview.status == "fail" and crestview.severity == "warning"
    # segment columns: 98,425,300 + 46,180,700 + 21,634,800 kWh under a 總計 of 166,420,800
    victoria = _check("victoria-harbour-group-2024.zh-hant.pdf").get("arith.breakdown.category.electricity.2024")
    assert victoria is not None and victoria.status == "fail"
    # 2022/23 GHG intensity printed 32.58: 231,503 t / HK$6,694.3 million (stated in prose) is 34.58
    lionrock = _check("lionrock-utilities-fy2024.en.txt").get("arith.intensity.ghg_intensity.FY2023")
    assert lionrock is not None and lionrock.status == "fail" and 79 in lionrock.lines


def test_implied_factors_use_the_region_the_electricity_is_bought_in():
    """Hong Kong companies that name no utility are judged against Hong Kong's grid too."""
    for name in ("kowloon-property-2023.zh-hant.pdf", "sunrise-health-fy2024.en.pdf"):
        report = _check(name)
        grids = [f for f in report.findings if f.id.startswith("factor.grid.")]
        assert grids and all(f.status == "pass" for f in grids), (name, [f.message for f in grids])
        assert all("hong_kong" in f.data["region"] for f in grids)


# the sums the writers broke on purpose (see *.notes.md)
PLANTED = {"arith.breakdown.category.ghg_scope1.2023", "arith.breakdown.scope3_category.ghg_scope3.2023",
           "arith.workforce.region.employees_total.2024", "arith.breakdown.category.electricity.FY2024",
           "arith.breakdown.category.ghg_scope1.2024", "arith.breakdown.category.employees_total.2023",
           "arith.breakdown.category.water.2023", "arith.breakdown.category.other:water_withdrawal.2022",
           "arith.breakdown.region.water.FY2024", "arith.breakdown.category.electricity.2024",
           "arith.breakdown.category.hazardous_waste.2023"}
# Known, not yet fixed: a false alarm caused by a missed row (one of the five 2022 hazardous-waste types of
# the HTML report with rowspan group cells is not read, so the rest fall short of the printed total).
KNOWN_FALSE_ALARMS = {"arith.breakdown.category.hazardous_waste.2022"}


def test_no_false_alarms_on_sums_that_hold():
    """Parts printed under several breakdown keys, in other units or with a sub-row dash still add up."""
    for name in FLOORS:
        report = _check(name)
        noisy = [f.id for f in report.findings if f.id.startswith("arith.breakdown") and f.status == "fail"
                 and f.severity in ("error", "warning") and f.id not in PLANTED | KNOWN_FALSE_ALARMS]
        assert noisy == [], (name, noisy)
