"""HKEX completeness and content-index truth on synthetic reports: each status and each claim check
both raised and not raised, and the Code version chosen by the reporting period."""

from __future__ import annotations

from check_helpers import document, fact, facts

from esglens.check import run_checks
from esglens.check.completeness import provisions_for, select_version
from esglens.model import Period

REPORT = """\
環境、社會及管治報告
排放物
本集團為互聯網企業，業務營運並不產生重大廢氣排放，氮氧化物及硫氧化物排放並不重大。
溫室氣體排放
範圍一 噸二氧化碳當量 12.5
有害廢棄物
本年度有害廢棄物總量為 3.2 噸。
知識產權
我們尊重知識產權並設有相關管理制度。
{filler}
香港聯交所《環境、社會及管治報告指引》內容索引
層面A1 排放物 一般披露 排放物
A1.1 排放物種類及相關排放數據。 不適用
A1.2 溫室氣體排放量 第5頁
A1.3 有害廢棄物總量 第6頁
A1.4 無害廢棄物總量 第6頁
A1.5 排放量目標 第6頁
A1.6 處理廢棄物的方法 第6頁
層面A2 資源使用 一般披露 第7頁
A2.1 能源總耗量 第7頁
A2.5 包裝材料 不適用
B6.1 產品回收 不適用
B6.3 知識產權 第9頁
"""


def _report(tmp_path, period="2023", start="2023-01-01", end="2023-12-31"):
    doc = document(tmp_path, REPORT.replace("{filler}", "\n" * 60))
    doc.metadata.period = Period(period, start, end, fiscal=period.startswith("FY"))
    return doc


def _line_of(doc, text):
    return next(ln.no for ln in doc.lines if text in ln.text)


def test_version_follows_the_first_day_of_the_period(tmp_path):
    doc = _report(tmp_path)
    assert select_version(doc, facts())["id"] == "appendix27-2020"
    doc.metadata.period = Period("FY2025", "2024-04-01", "2025-03-31", fiscal=True)
    assert select_version(doc, facts())["id"] == "appendix27-2020"
    doc.metadata.period = Period("2025", "2025-01-01", "2025-12-31")
    v2025 = select_version(doc, facts())
    assert v2025["id"] == "appendix-c2-2025"
    ids = {p["id"] for p in provisions_for(v2025)}
    assert "A1.2" not in ids and "A4" not in ids and "A4.1" not in ids
    assert {"D.GOV", "D.MT.GHG", "D.RM"} <= ids and "A1.1" in ids


def test_2020_guide_has_every_aspect_and_kpi():
    v = select_version(None, facts(fact("water", "1", "2022")))
    ids = {p["id"] for p in provisions_for(v)}
    assert len([i for i in ids if "." in i]) == 36  # KPIs A1.1-B8.2 of Appendix 27 (2020)
    assert {"A1", "A4", "B8", "A4.1", "B2.3", "B6.5", "B7.3"} <= ids
    assert not any(i.startswith("D.") for i in ids)


def test_statuses_disclosed_explained_missing(tmp_path):
    doc = _report(tmp_path)
    fs = facts(fact("ghg_scope1", "12.5", "2023", line=_line_of(doc, "範圍一")), document=doc)
    report = run_checks(doc, fs)
    a12 = report.get("hkex.A1.2")
    assert a12.status == "disclosed" and a12.lines == [_line_of(doc, "範圍一")]
    a11 = report.get("hkex.A1.1")  # explained in the text, not only in the index
    assert a11.status == "explained" and a11.lines == [_line_of(doc, "並不重大")]
    a13 = report.get("hkex.A1.3")  # a sentence with the figure counts without an extracted fact
    assert a13.status == "disclosed" and a13.data["how"] == "narrative"
    assert report.get("hkex.B6.3").status == "disclosed"
    a25 = report.get("hkex.A2.5")  # explained only by the index
    assert a25.status == "explained" and a25.data["how"] == "index"
    b11 = report.get("hkex.B1.1")
    assert b11.status == "missing" and b11.severity == "warning"
    a1 = report.completeness["aspects"]["A1"]
    assert a1["provisions"] == 7 and a1["missing"] == 3  # A1.4, A1.5, A1.6: nowhere outside the index
    assert a1["score"] == round(4 / 7, 3)
    assert report.completeness["overall"]["provisions"] == 48


def test_index_lines_are_not_evidence(tmp_path):
    doc = _report(tmp_path)
    report = run_checks(doc, facts(document=doc))
    # "無害廢棄物總量" occurs only in the index row
    assert report.get("hkex.A1.4").status == "missing"
    assert report.get("index.A1.4.unsupported").severity == "warning"


def test_not_applicable_claim_contradicted_by_a_number(tmp_path):
    doc = _report(tmp_path)
    nox = fact("air_nox", "150", "2023", unit="kg", line=_line_of(doc, "並不重大"))
    report = run_checks(doc, facts(nox, document=doc))
    found = report.get("index.A1.1.na_contradicted")
    assert found.severity == "error" and _line_of(doc, "A1.1 排放物種類") in found.lines
    assert report.get("index.A1.1.na") is None


def test_not_applicable_claim_consistent_when_no_number(tmp_path):
    doc = _report(tmp_path)
    report = run_checks(doc, facts(document=doc))
    assert report.get("index.A1.1.na").severity == "info"
    assert report.get("index.A1.1.na_contradicted") is None
    assert report.get("index.B6.1.na").status == "pass"


def test_claims_supported_and_evidence_not_claimed(tmp_path):
    doc = _report(tmp_path)
    fs = facts(fact("ghg_scope1", "12.5", "2023", line=_line_of(doc, "範圍一")),
               fact("employees_total", "605", "2023", line=_line_of(doc, "範圍一")), document=doc)
    report = run_checks(doc, fs)
    assert report.get("index.A1.2.supported").severity == "info"
    unclaimed = report.get("index.B1.1.unclaimed")
    assert unclaimed.severity == "warning"
    assert report.get("index.A1.2.unclaimed") is None


def test_no_index_is_reported_once(tmp_path):
    doc = document(tmp_path, "A short report without an index.\n範圍一 12.5\n")
    report = run_checks(doc, facts(document=doc))
    assert [f.id for f in report.findings if f.rule.startswith("index")] == ["index.none"]


def test_missing_provisions_are_only_warnings_for_reports_under_the_hkex_code(tmp_path):
    doc = document(tmp_path, "Sustainability report\nWe follow the GRI Standards.\n")
    doc.metadata.standards = ["GRI", "SGX"]
    report = run_checks(doc, facts(document=doc))
    assert report.completeness["applies"] is False
    assert report.get("hkex.B1.1").status == "missing" and report.get("hkex.B1.1").severity == "info"
    doc.metadata.standards = ["HKEX ESG Code"]
    report = run_checks(doc, facts(document=doc))
    assert report.completeness["applies"] is True and report.get("hkex.B1.1").severity == "warning"


GRI_INDEX = "GRI content index\n" + "\n".join(
    f"{code} {title} {ref}" for code, title, ref in [
        ("302-1", "Energy consumption within the organisation", "Page 16"),
        ("303-5", "Water consumption", "Page 17"),
        ("305-1", "Direct (Scope 1) GHG emissions", "Page 18"),
        ("305-2", "Energy indirect (Scope 2) GHG emissions", "Page 18"),
        ("305-3", "Other indirect (Scope 3) GHG emissions", "Page 18"),
        ("305-7", "NOx, SOx and other significant air emissions", "Not applicable"),
        ("401-1", "New employee hires and employee turnover", "Page 20"),
        ("404-1", "Average hours of training per year per employee", "Page 21"),
        ("405-1", "Diversity of governance bodies and employees", "Page 22"),
    ]) + "\n"


def test_gri_index_claims_are_tested_against_figures(tmp_path):
    doc = document(tmp_path, "Our emissions\nScope 1 emissions were 120 tCO2e.\n" + GRI_INDEX, "gri.txt")
    doc.metadata.standards = ["GRI"]
    line = _line_of(doc, "Scope 1 emissions")
    fs = facts(fact("ghg_scope1", "120", "2023", line=line), fact("air_nox", "15", "2023", unit="kg", line=line),
               document=doc)
    report = run_checks(doc, fs)
    assert report.get("gri.305-1.supported").status == "pass"
    assert report.get("gri.305-3.unsupported").severity == "warning"  # listed, but no scope 3 anywhere
    assert report.get("gri.305-7.na_contradicted").severity == "error"
    assert report.get("gri.401-1.unsupported") is not None
    # the index rows themselves never count as evidence for the HKEX provisions
    assert report.get("hkex.A2.2").status == "missing"


def test_index_marking_a_provision_deleted_while_still_in_force(tmp_path):
    text = REPORT.replace("{filler}", "\n" * 60).replace("A1.2 溫室氣體排放量 第5頁", "A1.2 （於 2025 年 1 月 1 日刪除）")
    text = text.replace("A1.6 處理廢棄物的方法 第6頁", "A1.6 （於 2025 年 1 月 1 日刪除）")
    doc = document(tmp_path, text)
    doc.metadata.period = Period("2024", "2024-01-01", "2024-12-31")
    fs = facts(fact("ghg_scope1", "12.5", "2024", line=_line_of(doc, "範圍一")), document=doc)
    report = run_checks(doc, fs)
    assert report.get("index.A1.2.marked_removed").severity == "info"  # disclosed anyway
    assert report.get("index.A1.6.marked_removed").severity == "warning"  # in force and not covered
    doc.metadata.period = Period("2025", "2025-01-01", "2025-12-31")
    report = run_checks(doc, fs)
    assert report.get("index.A1.2.marked_removed") is None  # really deleted for 2025


ASPECT_INDEX = """\
Example Freight Limited ESG Report 2023
This report covers 1 January 2023 to 31 December 2023 and follows the ESG Reporting Guide in Appendix 27.
Table 1: Emissions
KPI Unit 2023 2022
Scope 1 emissions tCO2e 9,967.8 10,503.9
Table 2: Workforce
KPI Unit 2023 2022
Total workforce persons 2,486 2,412

HKEX ESG REPORTING GUIDE CONTENT INDEX
Aspect A1 Emissions: Table 1
Aspect A2 Use of Resources: Table 1
Aspect A3 The Environment and Natural Resources: page 3
Aspect B2 Health and Safety: page 4
Aspect B3 Development and Training: page 4
Aspect B5 Supply Chain Management: page 5
Aspect B4 Labour Standards: page 5
Aspect B6 Product Responsibility: page 5
Aspect B7 Anti-corruption: page 5
Aspect B8 Community Investment: page 6
"""


def test_an_index_kept_at_aspect_level_claims_the_aspects_kpis(tmp_path):
    doc = document(tmp_path, ASPECT_INDEX)
    fs = facts(fact("ghg_scope1", "9,967.8", "2023", line=_line_of(doc, "Scope 1 emissions")),
               fact("employees_total", "2,486", "2023", line=_line_of(doc, "Total workforce")), document=doc)
    report = run_checks(doc, fs)
    assert report.get("index.A1.2.unclaimed") is None  # "Aspect A1" covers A1.2
    assert report.get("index.B1.1.unclaimed").severity == "warning"  # B1 is not in the index


def test_a_report_that_does_not_follow_the_hkex_code_gets_no_completeness_score(tmp_path):
    doc = document(tmp_path, "Example plc Annual Report 2023\nThis report follows the GRI Standards and the TCFD "
                             "recommendations and the UK Streamlined Energy and Carbon Reporting rules.\n")
    report = run_checks(doc, facts(document=doc))
    assert report.completeness["applies"] is False and report.completeness_score is None
    assert not [f for f in report.findings if f.rule.startswith("hkex") and f.severity != "info"]
