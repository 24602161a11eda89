"""The taxonomy: metric definitions, and row labels (as printed in real reports) matched to metrics and dims."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from esglens.extract.taxonomy import Taxonomy, normalise, parse_age
from esglens.units import canonical_unit_for

CONVENTIONS = Path(__file__).resolve().parents[1] / "docs" / "conventions.md"


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return Taxonomy.load()


def _best(tax, label, unit=None):
    matches = tax.match_label(label, unit)
    return matches[0] if matches else None


# ---- definitions ------------------------------------------------------------------------------

def test_every_metric_id_of_the_conventions_is_defined(tax):
    text = CONVENTIONS.read_text(encoding="utf-8")
    section = text.split("## Metric ids", 1)[1].split("## dims", 1)[0]
    ids = set(re.findall(r"`([a-z][a-z_0-9]*)`", section)) - {"dims"}  # the prose names the dims field too
    assert {"ghg_scope1", "employees_total", "volunteers", "active_users", "water", "heat"} <= ids
    for metric_id in ids:
        m = tax.metric(metric_id)
        assert m.label_en and m.label_zh and m.unit and m.kind in {"amount", "intensity", "rate", "count"}
        assert any(m.synonyms.values())


@pytest.mark.parametrize(
    ("metric_id", "hkex", "gri", "unit"),
    [
        ("ghg_scope1", "A1.2", "305-1", "tCO2e"),
        ("ghg_scope2", "A1.2", "305-2", "tCO2e"),
        ("ghg_scope3", "A1.2", "305-3", "tCO2e"),
        ("ghg_intensity", "A1.2", "305-4", "tCO2e/employee"),
        ("energy_total", "A2.1", "302-1", "MWh"),
        ("energy_intensity", "A2.1", "302-3", "MWh/employee"),
        ("water", "A2.2", "303-5", "m³"),
        ("hazardous_waste", "A1.3", "306-3", "t"),
        ("air_nox", "A1.1", "305-7", "kg"),
        ("employees_total", "B1.1", "2-7", "persons"),
        ("turnover_rate", "B1.2", "401-1", "%"),
        ("work_fatalities", "B2.1", "403-9", "persons"),
        ("lost_days", "B2.2", "403-9", "days"),
        ("training_hours_avg", "B3.2", "404-1", "h"),
        ("suppliers_total", "B5.1", "2-6", "count"),
        ("corruption_cases", "B7.1", "205-3", "count"),
        ("volunteer_hours", "B8.2", "413-1", "h"),
    ],
)
def test_codes_and_canonical_units(tax, metric_id, hkex, gri, unit):
    m = tax.metric(metric_id)
    assert (m.hkex, m.gri, m.unit) == (hkex, gri, unit)


def test_every_canonical_unit_is_known_to_the_unit_module(tax):
    for m in tax.metrics:
        if m.unit == "rate":
            continue
        for u in m.units:
            assert canonical_unit_for(u, m.units, metric=m.id)


def test_broader_per_and_rate_references_exist(tax):
    for m in tax.metrics:
        for ref in (*m.broader, m.per, m.rate):
            if ref:
                assert tax.has_metric(ref), (m.id, ref)


def test_unknown_metric_is_a_key_error(tax):
    with pytest.raises(KeyError):
        tax.metric("no_such_metric")


def test_normalise_maps_back_to_the_original_offsets():
    label = "溫室氣體排放總量（範圍 1+範圍 2）"
    s, pos = normalise(label)
    assert s == "温室气体排放总量(范围1和范围2)"
    assert len(pos) == len(s) and label[pos[s.index("范围1")]] == "範"


# ---- labels from the corpus (the line is read to check the wording is real) -------------------

def _row(corpus_file, name: str, line_no: int, label: str, unit: str) -> tuple[str, str]:
    line = corpus_file(name).read_text(encoding="utf-8").splitlines()[line_no - 1]
    assert line.startswith(f"{label} {unit} "), line
    return label, unit


JD = "jdhealth-esg-2024.zh-hant.txt"
ALI = "alihealth-esg-fy2024.zh-hant.txt"
MED = "medlive-esg-2022.zh-hant.txt"

CORPUS_ROWS = [
    # file, line, label, unit, metric, dims
    (JD, 2671, "溫室氣體排放總量（範圍一+範圍二）", "噸二氧化碳當量", "ghg_total", {}),
    (JD, 2672, "溫室氣體排放總量（範圍一）", "噸二氧化碳當量", "ghg_scope1", {}),
    (JD, 2675, "溫室氣體排放總量（範圍二）", "噸二氧化碳當量", "ghg_scope2", {}),
    (JD, 2679, "溫室氣體排放總量（範圍三）", "噸二氧化碳當量", "ghg_scope3", {}),
    (JD, 2762, "直接能源消耗密度", "千克標準煤/萬元營收", "energy_intensity", {"category": "direct"}),
    (JD, 2774, "綜合能源消耗密度", "千克標煤/營業收入（萬元）", "energy_intensity", {}),
    (JD, 2778, "水資源消耗密度", "噸/營業收入（萬元）", "water_intensity", {}),
    (JD, 2800, "包裝密度", "千克/營業收入（萬元）", "packaging_intensity", {}),
    (JD, 4653, "男性員工流失比率", "%", "turnover_rate", {"gender": "male"}),
    (JD, 4719, "全職員工總數", "人", "employees_total", {"employment_type": "full-time"}),
    (JD, 4751, "中國大陸員工總數", "人", "employees_total", {"region": "Mainland China"}),
    (JD, 4902, "產品及服務投訴解決率", "%", "complaint_resolution_rate", {}),
    (JD, 4910, "廉潔培訓總小時數", "小時", "anti_corruption_training_hours", {}),
    (JD, 4912, "廉潔培訓參與總人次", "人次", "anti_corruption_training_participants", {}),
    (JD, 4916, "已審結的貪污訴訟案件的數目", "件", "corruption_cases", {}),
    (ALI, 986, "員工總人數", "人", "employees_total", {}),
    (ALI, 1027, "員工總流失率", "%", "turnover_rate", {}),
    (ALI, 1139, "員工人均培訓小時數", "小時", "training_hours_avg", {}),
    (ALI, 1183, "過去三年每年因工亡故的人數", "人", "work_fatalities", {}),
    (ALI, 1185, "過去三年每年因工亡故的比率", "%", "work_fatality_rate", {}),
    (ALI, 1187, "因工傷損失工作日數", "天", "lost_days", {}),
    (ALI, 1422, "綜合能源消耗量9", "噸標煤", "energy_total", {}),
    (ALI, 1438, "用水量", "噸", "water", {}),
    (ALI, 1497, "無害廢棄物", "噸", "non_hazardous_waste", {}),
    (MED, 2026, "直接溫室氣體排放量（範疇一）", "噸二氧化碳當量", "ghg_scope1", {}),
    (MED, 2028, "間接溫室氣體排放量（範疇二）", "噸二氧化碳當量", "ghg_scope2", {}),
    (MED, 2030, "人均溫室氣體排放量（範疇一和範疇二）", "噸二氧化碳當量/人", "ghg_intensity", {}),
]


@pytest.mark.parametrize(("name", "line_no", "label", "unit", "metric", "dims"), CORPUS_ROWS)
def test_corpus_labels_traditional(tax, corpus_file, name, line_no, label, unit, metric, dims):
    label, unit = _row(corpus_file, name, line_no, label, unit)
    best = _best(tax, label, unit)
    assert best is not None and best.metric == metric and best.dims == dims
    assert best.score >= 0.5
    assert best.definition.id == metric


@pytest.mark.parametrize(("name", "line_no", "label", "unit", "metric", "dims"), CORPUS_ROWS)
def test_corpus_labels_in_simplified_script_match_the_same(tax, corpus_file, name, line_no, label, unit, metric, dims):
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    best = _best(tax, to_simplified(label), to_simplified(unit))
    assert best is not None and best.metric == metric and best.dims == dims


@pytest.mark.parametrize(
    ("name", "line_no", "label", "unit"),
    [
        (JD, 2673, "車輛柴油", "噸二氧化碳當量"),  # scope-1 sub-row: diesel the fuel is not an emission
        (JD, 2676, "電力（經營場所）", "噸二氧化碳當量"),
        (JD, 2681, "外購的商品和服務-自用商品", "噸二氧化碳當量"),
        (JD, 4660, "30 歲以下（不含 30 歲）", "%"),
    ],
)
def test_corpus_sub_rows_name_no_metric(tax, corpus_file, name, line_no, label, unit):
    label, unit = _row(corpus_file, name, line_no, label, unit)
    assert tax.match_label(label, unit) == []


def test_corpus_sub_rows_name_their_dims(tax, corpus_file):
    lines = corpus_file(JD).read_text(encoding="utf-8").splitlines()
    assert lines[2672].startswith("車輛柴油 ")
    assert tax.match_dims("車輛柴油") == {"category": "vehicles, diesel"}
    assert lines[2675].startswith("電力（經營場所） ")
    assert tax.match_dims("電力（經營場所）") == {"category": "electricity, premises"}  # printed order
    assert lines[2680].startswith("外購的商品和服務-自用商品 ")
    assert tax.match_dims("外購的商品和服務-自用商品") == {"scope3_category": "1"}
    assert lines[2686].startswith("上游運輸與配送 - 採購京東物流配送服務 ")
    assert tax.match_dims("上游運輸與配送 - 採購外部服務")["scope3_category"] == "4"
    assert lines[2692].startswith("員工通勤（班車） ")
    assert tax.match_dims("員工通勤（班車）") == {"scope3_category": "7", "category": "shuttle bus"}
    assert lines[4659].startswith("30 歲以下（不含 30 歲） ")
    assert tax.match_dims("30 歲以下（不含 30 歲）") == {"age": "<30"}
    assert tax.match_dims("50 歲以上（不含 50 歲）") == {"age": ">50"}
    assert tax.match_dims("30-50 歲") == {"age": "30-50"}
    assert tax.match_dims("中國港澳台及海外") == {"region": "Hong Kong, Macao, Taiwan and Overseas"}


def test_corpus_age_bands_as_printed(corpus_file):
    lines = corpus_file(ALI).read_text(encoding="utf-8").splitlines()
    assert lines[1007].startswith("29週歲及以下 ") and parse_age("29週歲及以下") == "<=29"
    assert lines[1009].startswith("30週歲–50週歲 ") and parse_age("30週歲–50週歲") == "30-50"
    assert lines[1011].startswith("51週歲及以上 ") and parse_age("51週歲及以上") == ">=51"


def _pdf_page_text(path: Path, page: int) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return pdf[page - 1].get_textpage().get_text_range()
    finally:
        pdf.close()


@pytest.mark.parametrize(
    ("page", "label", "unit", "metric", "dims"),
    [
        (3, "Group total Scope 1", "ktCO2e", "ghg_scope1", {}),
        (3, "Group total Scope 3", "ktCO2e", "ghg_scope3", {}),
        (4, "Group total energy consumption", "GWh", "energy_total", {}),
        (5, "Nitrogen oxides – Generation", "t", "air_nox", {"category": "generation"}),
        (5, "Total hazardous waste generated", "t", "hazardous_waste", {}),
        (7, "Fatalities", "n", "work_fatalities", {}),
        (7, "Total Group employees", "n", "employees_total", {}),
        (7, "Employee turnover rate", "%", "turnover_rate", {}),
        (7, "Voluntary employee turnover rate", "%", "turnover_rate", {"category": "voluntary"}),
        (8, "Total Donations (including Drax Foundation)", "£", "community_investment", {}),
    ],
)
def test_english_labels_from_a_pdf(tax, corpus_file, page, label, unit, metric, dims):
    text = _pdf_page_text(corpus_file("pdf/drax-2023-en.pdf"), page)
    assert f"{label} {unit} " in text
    best = _best(tax, label, unit)
    assert best is not None and best.metric == metric and best.dims == dims


def test_english_scope2_basis_from_a_pdf(tax, corpus_file):
    text = _pdf_page_text(corpus_file("pdf/drax-2023-en.pdf"), 3)
    assert "Group total Scope 2 \r\n(market-based)" in text or "Group total Scope 2 \n(market-based)" in text
    market = _best(tax, "Group total Scope 2 (market-based)", "ktCO2e")
    location = _best(tax, "Group total Scope 2 (location-based)", "ktCO2e")
    assert (market.metric, market.dims) == ("ghg_scope2", {"basis": "market"})
    assert (location.metric, location.dims) == ("ghg_scope2", {"basis": "location"})
    # Scope 1 and 2 is the total, not scope 1 or scope 2; its basis is that of its scope 2
    total = _best(tax, "Group total Scope 1 and 2 (location-based)", "ktCO2e")
    assert (total.metric, total.dims) == ("ghg_total", {"basis": "location"})


def test_english_per_unit_rows_are_intensities(tax, corpus_file):
    text = _pdf_page_text(corpus_file("pdf/sinocloud-2023-en.pdf"), 16)
    assert "Unit of Water" in text and "m3 / number" in text
    water = _best(tax, "Unit of Water Consumed per staff", "m3 / number of staff")
    assert water.metric == "water_intensity"
    ghg = _best(tax, "Total greenhouse gas emission", "kg")
    assert ghg.metric == "ghg_total"
    assert _best(tax, "Direct emission (Scope 1)", "kg").metric == "ghg_scope1"


def test_simplified_prose_from_the_news_item(tax, corpus_file):
    text = corpus_file("jdhealth-results-2021-news.zh-hans.md").read_text(encoding="utf-8")
    assert "年度活跃用户数量达到1.23亿" in text
    assert _best(tax, "年度活跃用户数量").metric == "active_users"
    assert "公益捐赠" in text
    assert _best(tax, "公益捐赠", "元").metric == "community_investment"


# ---- specificity, unit disambiguation, negatives ---------------------------------------------

def test_specific_scope_beats_the_total_and_span_points_at_it(tax):
    label = "溫室氣體排放總量（範圍一）"
    best = _best(tax, label, "噸二氧化碳當量")
    assert best.metric == "ghg_scope1"
    assert label[best.span[0]:best.span[1]] == "範圍一"


def test_unit_chooses_the_kind(tax):
    assert _best(tax, "溫室氣體排放總量", "tCO2e/employee").metric == "ghg_intensity"
    assert _best(tax, "員工流失", "%").metric == "turnover_rate"
    assert _best(tax, "員工流失", "人").metric == "turnover_count"
    assert _best(tax, "培訓總時數", "小時/人").metric == "training_hours_avg"
    assert _best(tax, "人均用電量", "千瓦時╱人").metric == "other:electricity_intensity"
    assert _best(tax, "人均綜合能源消耗量", "噸標煤╱人").metric == "energy_intensity"
    assert all(m.metric != "employees_total" for m in tax.match_label("員工總數", "%"))  # a share is not a headcount
    assert tax.match_label("外購電力", "噸二氧化碳當量") == []  # emissions from electricity are not electricity


def test_a_topic_training_coverage_is_not_the_share_of_employees_trained(tax, corpus_file):
    label, unit = _row(corpus_file, JD, 4889, "信息安全培訓覆蓋率", "%")
    assert [m.metric for m in tax.match_label(label, unit)] == ["other:information_security_training_coverage"]
    label, unit = _row(corpus_file, JD, 4887, "信息安全培訓次數", "場次")
    assert _best(tax, label, unit).metric == "other:information_security_training_sessions"


def test_a_share_of_employees_is_not_a_headcount(tax, corpus_file):
    label, unit = _row(corpus_file, JD, 4753, "中國大陸員工佔比", "%")
    best = _best(tax, label, unit)
    assert (best.metric, best.dims) == ("other:employee_share_pct", {"region": "Mainland China"})
    assert all(m.metric != "employees_total" for m in tax.match_label(label, unit))


def test_injury_frequency_rates_keep_their_hour_base(tax, corpus_file):
    line = corpus_file(JD).read_text(encoding="utf-8").splitlines()[3619]
    assert line.startswith("失時工傷率 (LTIFR) 員工的失時工傷率 14 每百萬工作小時 ")
    best = _best(tax, "失時工傷率 (LTIFR) 員工的失時工傷率", "每百萬工作小時")
    assert best.metric == "other:ltifr"
    assert canonical_unit_for("每百萬工作小時", best.definition.units) == "per million hours"
    with pytest.raises(ValueError):
        canonical_unit_for("per 200,000 hours worked", "per million hours")


def test_scope2_basis_and_categories_in_chinese(tax):
    best = _best(tax, "範圍二溫室氣體排放（基於市場）", "噸二氧化碳當量")
    assert best.metric == "ghg_scope2" and best.dims == {"basis": "market"}
    assert _best(tax, "范围二（基于地点）", "吨二氧化碳当量").dims == {"basis": "location"}
    assert tax.match_dims("基於市場") == {"basis": "market"}


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("2030年溫室氣體排放目標", None),
        ("溫室氣體排放量同比下降", "%"),
        ("Scope 1 and 2 emissions reduction target", "%"),
        ("節省用電量", "千瓦時"),
        ("Proportion of Group emissions within the UK", "%"),
    ],
)
def test_targets_changes_and_shares_are_not_metrics(tax, label, unit):
    assert tax.match_label(label, unit) == []


@pytest.mark.parametrize(
    ("label", "dims"),
    [
        ("女性員工", {"gender": "female"}),
        ("男員工", {"gender": "male"}),
        ("Female", {"gender": "female"}),
        ("30歲以下", {"age": "<30"}),
        ("Under 30", {"age": "<30"}),
        ("30-50", {"age": "30-50"}),
        ("Aged 30 to 50", {"age": "30-50"}),
        ("Over 50", {"age": ">50"}),
        ("香港", {"region": "Hong Kong"}),
        ("Mainland China", {"region": "Mainland China"}),
        ("兼職", {"employment_type": "part-time"}),
        ("高級管理層", {"rank": "senior management"}),
        ("一般員工", {"rank": "general staff"}),
        ("汽油", {"category": "gasoline"}),
        ("液化石油氣", {"category": "LPG"}),
        ("Business travel", {"scope3_category": "6"}),
        ("location-based", {"basis": "location"}),
    ],
)
def test_match_dims(tax, label, dims):
    assert tax.match_dims(label) == dims


def test_age_parser_leaves_other_numbers_alone():
    assert parse_age("less than 30 days") is None
    assert parse_age("2023-2024") is None
    assert parse_age("Scope 1") is None


# medlive prints its KPI tables column by column: the label is alone on its line and the unit column
# follows the block (lines 2684-2694: % 件 % 分鐘 萬元 小時 for the six labels on lines 2672-2682).
MEDLIVE_LABEL_LINES = [
    (2060, "所回收的無害廢棄物總量", "噸", "other:waste_recycled", {}),
    (2143, "人均外購電力消耗量", "千瓦時/人", "other:electricity_intensity", {}),
    (2255, "    31歲以下員工流失率", "%", "turnover_rate", {"age": "<31"}),
    (2382, "受訓員工中女性佔比", "%", "other:trained_employee_share_pct", {"gender": "female"}),
    (2640, "    上海市的供應商數量（排名2）", "家", "suppliers_total", {"region": "Shanghai"}),
    (2676, "投訴處理完結率", "%", "complaint_resolution_rate", {}),
    (2678, "用戶投訴平均受理時長", "分鐘", "other:complaint_handling_time_avg", {}),
    (2680, "公益捐贈金額", "萬元", "community_investment", {}),
    (2682, "員工志願服務總時長", "小時", "volunteer_hours", {}),
    (2821, "提出並已審結的貪污訴訟案件數目", "件", "corruption_cases", {}),
    (2823, "員工因腐敗被開除或受到處分事件數", "件", "other:corruption_disciplinary_cases", {}),
    (2825, "已接受反腐敗培訓的員工比例", "%", "other:anti_corruption_training_coverage", {}),
]


@pytest.mark.parametrize(("line_no", "label", "unit", "metric", "dims"), MEDLIVE_LABEL_LINES)
def test_corpus_labels_printed_alone(tax, corpus_file, line_no, label, unit, metric, dims):
    lines = corpus_file(MED).read_text(encoding="utf-8").splitlines()
    assert lines[line_no - 1] == label
    best = _best(tax, label, unit)
    assert best is not None and (best.metric, best.dims) == (metric, dims)


def test_corpus_unit_column_of_a_column_dump(corpus_file):
    lines = corpus_file(MED).read_text(encoding="utf-8").splitlines()
    assert [lines[i - 1] for i in (2684, 2686, 2688, 2690, 2692, 2694)] == ["%", "件", "%", "分鐘", "萬元", "小時"]
    assert canonical_unit_for("分鐘", tax_units("other:complaint_handling_time_avg")) == "min"
    assert canonical_unit_for("萬元", tax_units("community_investment")) == "RMB"


def tax_units(metric_id: str) -> tuple[str, ...]:
    return Taxonomy.load().metric(metric_id).units


def test_english_words_match_whole_words_only(tax):
    assert all(m.metric != "water" for m in tax.match_label("Wastewater discharged", "m3"))
    assert _best(tax, "Wastewater discharged", "m3").metric == "other:wastewater_discharged"


def test_the_denominator_phrase_is_not_a_metric_or_a_breakdown(tax, corpus_file):
    text = _pdf_page_text(corpus_file("pdf/drax-2023-en.pdf"), 3)
    assert "Group emissions per GWh" in text and "of electricity generation" in text
    best = tax.match_label("Group emissions per GWh of electricity generation", "tCO2e/GWh")
    assert [(m.metric, m.dims) for m in best] == [("ghg_intensity", {})]
    assert [m.metric for m in tax.match_label("Scope 1 emissions per employee", None)] == ["ghg_intensity"]


def test_electricity_sold_is_not_electricity_consumed(tax, corpus_file):
    text = _pdf_page_text(corpus_file("pdf/drax-2023-en.pdf"), 2)
    assert "Total electricity sales TWh 17.6 17.3" in text
    assert tax.match_label("Total electricity sales", "TWh") == []


@pytest.mark.parametrize(
    ("label", "unit", "metric"),
    [
        # Mainland (Simplified) wording not printed in the corpus files
        ("能源消费总量", "吨标准煤", "energy_total"),
        ("万元营业收入综合能耗", "吨标准煤/万元", "energy_intensity"),
        ("单位营业收入碳排放", "吨二氧化碳当量/万元", "ghg_intensity"),
        ("一般工业固体废物产生量", "吨", "non_hazardous_waste"),
        ("危险废物产生量", "吨", "hazardous_waste"),
        ("员工总人数", "人", "employees_total"),
        ("人均培训时长", "小时", "training_hours_avg"),
        ("对外捐赠总额", "万元", "community_investment"),
    ],
)
def test_simplified_mainland_wording(tax, label, unit, metric):
    assert _best(tax, label, unit).metric == metric
