"""Checks on real reports, asserting findings verified by hand in the corpus files.

Two kinds of test:
- the real document with facts written here from the printed rows (values and lines read by hand),
  so explanation search, content-index parsing and completeness run on real text today;
- the full pipeline (``esglens.extract``), skipped with a reason while extraction yields no facts.

Hand-verified numbers (jdhealth-esg-2024.zh-hant.txt, lines 2671-2693, columns 2024 | 2023):
  total 3,836.89 = scope 1 68.13 + scope 2 3,768.75 (sum 3,836.88: holds within rounding);
  scope 1: diesel 0.12 + gasoline 68.01 = 68.13; 2023: 133.00 + 41.66 = 174.66;
  scope 2: 3,622.98 + 1.06 + 144.71 = 3,768.75;
  scope 3 2023: seven category rows sum to 134,699.93 but the printed total is 132,954.07 (fails);
  scope 3 2024: the rows sum to 204,951.84 as printed (holds);
  note 1 (line 2697) explains the 2023->2024 change by a change of accounting basis (口徑調整);
  purchased electricity 6,753,600.64 kWh (line 2764): (3,622.98 + 1.06) / 6,753.60 MWh = 0.5366 t/MWh;
  diesel 47.00 L (line 2756, 2023: 50,329.70 L) explained at line 2782 (柴油消耗量大幅下降);
  non-hazardous waste 368.97 t (2024) vs 38.45 t (2023), line 2842, explained at line 2856 (口徑增大).
medlive-esg-2022.zh-hant.txt: the HKEX index claims A1.1 不適用 (line 3010) and A2.5 不適用 (line 3065);
  the report prints no air-pollutant or packaging figure; scope 2 67.396 t (2021) over purchased
  electricity 116.000 MWh = 0.581 t/MWh; per-capita 0.134 = (0 + 67.396) / 502.
"""

from __future__ import annotations

import pytest
from check_helpers import fact, facts

import esglens
from esglens.check import run_checks

pytestmark = pytest.mark.corpus

JD = "jdhealth-esg-2024.zh-hant.txt"
MEDLIVE = "medlive-esg-2022.zh-hant.txt"


def _jd_facts(doc):
    rows = [  # (metric, 2024, 2023, line, dims) as printed
        ("ghg_total", "3,836.89", "5,263.71", 2671, {}),
        ("ghg_scope1", "68.13", "174.66", 2672, {}),
        ("ghg_scope1", "0.12", "133.00", 2673, {"category": "vehicles, diesel"}),
        ("ghg_scope1", "68.01", "41.66", 2674, {"category": "vehicles, gasoline"}),
        ("ghg_scope2", "3,768.75", "5,089.05", 2675, {}),
        ("ghg_scope2", "3,622.98", "4,766.68", 2676, {"category": "electricity, premises"}),
        ("ghg_scope2", "1.06", "1.37", 2677, {"category": "electricity, vehicles"}),
        ("ghg_scope2", "144.71", "321.00", 2678, {"category": "heat, premises"}),
        ("ghg_scope3", "204,951.84", "132,954.07", 2679, {}),
        ("ghg_scope3", "9,397.58", "103.90", 2681, {"category": "purchased goods, own use"}),
        ("ghg_scope3", "90,474.31", "27,836.41", 2683, {"category": "other purchased goods and services"}),
        ("ghg_scope3", "1,349.88", "1,748.20", 2685, {"category": "fuel- and energy-related activities"}),
        ("ghg_scope3", "102,772.40", "104,287.57", 2687, {"category": "upstream transport, group logistics"}),
        ("ghg_scope3", "748.71", "589.64", 2689, {"category": "upstream transport, external"}),
        ("ghg_scope3", "14.29", "7.16", 2691, {"category": "waste generated in operations"}),
        ("ghg_scope3", "194.67", "127.05", 2693, {"category": "employee commuting, shuttle bus"}),
        ("diesel", "47.00", "50,329.70", 2756, {}),
        ("gasoline", "30,667.67", "18,717.73", 2758, {}),
        ("non_hazardous_waste", "368.97", "38.45", 2842, {}),
    ]
    out = []
    for metric, v24, v23, line, dims in rows:
        for raw, period in ((v24, "2024"), (v23, "2023")):
            f = fact(metric, raw, period, line=line, table=None, **dims)
            f.label = doc.line(line).text.split(" ")[0]
            out.append(f)
    out.append(fact("electricity", "6,753,600.64", "2024", line=2764, value=6753.60064, table=None))
    return facts(*out, document=doc)


@pytest.fixture(scope="module")
def jd(corpus_file):
    doc = esglens.parse(corpus_file(JD))
    return doc, run_checks(doc, _jd_facts(doc))


def _find(report, rule_prefix, period, metric=None):
    return [f for f in report.findings if f.rule.startswith(rule_prefix) and f.id.split(".")[-1].startswith(period)
            or (f.rule.startswith(rule_prefix) and f".{period}" in f.id and (metric is None or metric in f.id))]


def test_jd_scope_sum_holds_within_rounding(jd):
    _, report = jd
    found = report.get("arith.ghg_scopes.ghg_total.2024")
    assert found.status == "pass" and found.severity == "info"
    assert abs(found.data["expected"] - 3836.88) < 1e-6 and found.data["printed"] == 3836.89
    assert found.lines == [2671, 2672, 2675]


def test_jd_source_rows_sum_to_scope_totals(jd):
    _, report = jd
    s1 = report.get("arith.breakdown.category.ghg_scope1.2024")
    s2 = report.get("arith.breakdown.category.ghg_scope2.2024")
    assert s1.status == "pass" and s1.lines == [2672, 2673, 2674]
    assert s2.status == "pass" and s2.lines == [2675, 2676, 2677, 2678]
    assert report.get("arith.breakdown.category.ghg_scope1.2023").status == "pass"


def test_jd_scope3_categories_do_not_add_up_in_2023(jd):
    _, report = jd
    bad = report.get("arith.breakdown.category.ghg_scope3.2023")
    assert bad.severity == "error" and bad.status == "fail"
    assert abs(bad.data["expected"] - 134699.93) < 1e-6 and bad.data["printed"] == 132954.07
    assert report.get("arith.breakdown.category.ghg_scope3.2024").status == "pass"


def test_jd_year_over_year_jumps_with_their_stated_reasons(jd):
    _, report = jd
    diesel_rows = report.get("yoy.ghg_scope1.2023-2024.category=vehicles, diesel")
    assert diesel_rows.severity == "info" and diesel_rows.data["explanation_line"] == 2697
    scope1 = report.get("yoy.ghg_scope1.2023-2024")  # 174.66 -> 68.13: -61%
    assert scope1.severity == "warning" and scope1.data["explanation_line"] == 2697
    diesel = report.get("yoy.diesel.2023-2024")
    assert diesel.data["explanation_line"] == 2782
    waste = report.get("yoy.non_hazardous_waste.2023-2024")
    assert waste.data["change"] > 8 and waste.data["explanation_line"] == 2856
    assert report.get("yoy.ghg_scope2.2023-2024") is None  # -26%: below the threshold


def test_jd_implied_factors_are_in_range(jd):
    _, report = jd
    grid = report.get("factor.grid.2024")
    assert grid.severity == "info" and grid.data["region"] == "china"
    assert abs(grid.data["implied"] - 0.5366) < 0.0001
    assert report.get("factor.fuel.gasoline.2024").severity == "info"  # 68.01 t / 30,667.67 L = 2.22 kg/L
    assert report.get("factor.fuel.diesel.2023").severity == "info"  # 133.00 t / 50,329.70 L = 2.64 kg/L


def test_jd_content_index_and_version(jd):
    doc, report = jd
    assert report.completeness["version"] == "appendix27-2020"  # calendar 2024 starts before 2025
    start, end = report.content_index_lines[0]
    assert start <= 5235 <= end  # "A1: 排放物" opens the HKEX index
    # the report prints NOx/SOx/PM (lines 2834-2838) and its index lists A1.1 with a section
    assert report.get("hkex.A1.1").status == "disclosed"
    assert report.get("index.A1.1.supported") is not None
    # the index marks A1.2 and A4.1 "於 2025 年 1 月 1 日刪除"; for a 2024 period they are still in force
    a12 = report.get("index.A1.2.marked_removed")
    assert a12.lines[0] == 5251 and a12.severity == "info"  # the scope 1/2 figures are printed
    assert report.get("index.A4.1.marked_removed").lines[0] == 5342


@pytest.fixture(scope="module")
def medlive(corpus_file):
    doc = esglens.parse(corpus_file(MEDLIVE))
    rows = [fact("ghg_scope1", "0", "2021", line=2026, table=None), fact("ghg_scope2", "67.396", "2021", line=2028, table=None),
            fact("ghg_intensity", "0.134", "2021", line=2030, unit="tCO2e/employee", table=None),
            fact("ghg_scope1", "0", "2022", line=2032, table=None), fact("ghg_scope2", "67.758", "2022", line=2034, table=None),
            fact("ghg_intensity", "0.112", "2022", line=2036, unit="tCO2e/employee", table=None),
            fact("electricity", "116.000", "2021", line=2149, table=None),
            fact("electricity", "129.480", "2022", line=2153, table=None),
            fact("employees_total", "502", "2021", line=2210, table=None),
            fact("employees_total", "605", "2022", line=2222, table=None)]
    return doc, run_checks(doc, facts(*rows, document=doc))


def test_medlive_not_applicable_claims_are_consistent(medlive):
    _, report = medlive
    a11 = report.get("index.A1.1.na")
    assert a11 is not None and a11.severity == "info" and 3010 in a11.lines
    assert report.get("index.A1.1.na_contradicted") is None
    assert report.get("hkex.A1.1").status == "explained"
    assert 3065 in report.get("index.A2.5.na").lines


def test_medlive_intensity_and_grid_factor(medlive):
    _, report = medlive
    assert report.get("arith.intensity.ghg_intensity.2021").status == "pass"
    assert report.get("arith.intensity.ghg_intensity.2022").status == "pass"
    grid = report.get("factor.grid.2021")
    assert grid.severity == "info" and abs(grid.data["implied"] - 0.581) < 0.0005


def test_medlive_nitrogen_oxides_would_contradict_the_index(medlive, corpus_file):
    doc = esglens.parse(corpus_file(MEDLIVE))
    nox = fact("air_nox", "10", "2022", unit="kg", line=2026, table=None)
    report = run_checks(doc, facts(nox, document=doc))
    assert report.get("index.A1.1.na_contradicted").severity == "error"


# ---- the full pipeline: on once extraction yields facts --------------------------------------

def _extracted(path):
    try:
        from esglens.extract import extract_facts

        doc = esglens.parse(path)
        fs = esglens.FactSet(extract_facts(doc), document=doc)
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("esglens.extract"):
            pytest.skip(f"esglens.extract is not importable yet ({exc.name}); the lead turns this test on")
        raise
    if len(fs) == 0:
        pytest.skip("esglens.extract yields no facts yet; the lead turns this test on")
    return fs


def test_pipeline_jd_findings(corpus_file):
    fs = _extracted(corpus_file(JD))
    report = run_checks(fs.document, fs)
    scopes = [f for f in report.findings if f.rule == "arith.ghg_scopes" and f.data.get("printed") == 3836.89]
    assert scopes and all(f.status == "pass" for f in scopes)
    s3 = [f for f in report.findings if f.rule.startswith("arith.breakdown") and f.data.get("printed") == 132954.07]
    assert s3 and s3[0].status == "fail"
    s1 = [f for f in report.findings if f.rule.startswith("arith.breakdown") and f.data.get("printed") == 68.13]
    assert s1 and s1[0].status == "pass"
    grid = report.get("factor.grid.2024")
    assert grid is not None and grid.severity == "info"
    nox = [f for f in report.findings if f.rule == "yoy.change" and f.id.startswith("yoy.air_nox.2023-2024")]
    assert nox and nox[0].data["change"] < -0.8  # 415.20 kg -> 53.91 kg
    # the prose headline "員工總數達 3,564 人" (line 330) is the full-time count of the table (line 4719);
    # with the 283 non-full-time staff (line 4721) the workforce is 3,847: a real inconsistency
    headline = [f for f in report.findings if f.rule == "arith.workforce.employment_type"
                and f.data.get("printed") == 3564 and f.data.get("expected") == 3847]
    assert headline and headline[0].severity == "error"
    others = [f for f in report.findings if f.rule.startswith("arith") and f.severity == "error"
              and f.data.get("printed") not in (132954.07, 3564)]
    assert not others, [f.message for f in others]


def test_pipeline_medlive_findings(corpus_file):
    fs = _extracted(corpus_file(MEDLIVE))
    report = run_checks(fs.document, fs)
    assert report.get("index.A1.1.na") is not None
    intensity = [f for f in report.findings if f.rule == "arith.intensity"]
    assert intensity and all(f.status == "pass" for f in intensity)


# alihealth-esg-fy2024.zh-hant.txt (columns FY2023 | FY2024): employees 1,560 | 1,435 (line 986);
# GHG 845.29 | 2,160.06 t (line 1430), per capita 0.56 | 1.51 (line 1436); water 11,128.26 | 25,146.58 t
# (line 1438), per capita 7.40 | 17.52 (line 1440). FY2024 per-capita figures use 1,435 employees
# (2,160.06 / 1,435 = 1.505); the FY2023 ones do not use 1,560 (845.29 / 1,560 = 0.542, not 0.56).
ALI = "alihealth-esg-fy2024.zh-hant.txt"


@pytest.fixture(scope="module")
def ali(corpus_file):
    doc = esglens.parse(corpus_file(ALI))
    rows = []
    for metric, v23, v24, line, unit in [("employees_total", "1,560", "1,435", 986, "persons"),
                                         ("ghg_total", "845.29", "2,160.06", 1430, "tCO2e"),
                                         ("ghg_intensity", "0.56", "1.51", 1436, "tCO2e/employee"),
                                         ("water", "11,128.26", "25,146.58", 1438, "m³"),
                                         ("water_intensity", "7.40", "17.52", 1440, "m³/employee")]:
        rows += [fact(metric, v23, "FY2023", line=line, unit=unit, table=None),
                 fact(metric, v24, "FY2024", line=line, unit=unit, table=None)]
    return doc, run_checks(doc, facts(*rows, document=doc))


def test_ali_fiscal_year_intensities(ali):
    doc, report = ali
    assert doc.metadata.period is None or doc.metadata.period.label == "FY2024"
    assert report.completeness["version"] == "appendix27-2020"  # FY2024 began 1 April 2023
    assert report.get("arith.intensity.ghg_intensity.FY2024").status == "pass"
    assert report.get("arith.intensity.water_intensity.FY2024").status == "pass"
    bad = report.get("arith.intensity.ghg_intensity.FY2023")
    assert bad.status == "fail" and bad.severity == "warning"
    assert abs(bad.data["expected"] - 845.29 / 1560) < 1e-9
    water = report.get("yoy.water.FY2023-FY2024")  # 11,128.26 -> 25,146.58: +126%
    assert water.severity == "warning" and abs(water.data["change"] - (25146.58 / 11128.26 - 1)) < 1e-9


def test_ali_index_claims_air_emissions_that_the_report_does_not_print(ali):
    # line 1750 "A1.1 排放物種類及相關排放數據。 54–55"; no NOx/SOx/particulate (氮/硫/顆粒) anywhere else
    _, report = ali
    claim = report.get("index.A1.1.unsupported")
    assert claim.severity == "warning" and claim.lines[0] == 1750
    assert report.get("hkex.A1.1").status == "missing"
    assert report.get("index.A2.2.supported") is not None  # water: the 用水量 row at line 1438


def test_jd_scope3_rows_sharing_a_category_are_both_parts(corpus_file):
    report = esglens.check(esglens.extract(corpus_file(JD)))  # extracted, not hand-built facts
    ok = report.get("arith.breakdown.scope3_category.ghg_scope3.2024")
    # 9,397.58 + 90,474.31 (both category 1) + 1,349.88 + 102,772.40 + 748.71 (both category 4) + 14.29 + 194.67
    assert ok is not None and ok.status == "pass"
    assert {2681, 2683, 2687, 2689} <= set(ok.lines)


def test_jd_scope3_rise_is_explained_by_the_note_about_a_rise(corpus_file):
    report = esglens.check(esglens.extract(corpus_file(JD)))
    rise = report.get("yoy.ghg_scope3.2023-2024")
    # note 1 (line 2697) explains a fall of the scope 1 and 2 figures; note 2 (line 2700) the scope 3 rise
    assert rise is not None and rise.data["explanation_line"] == 2700
