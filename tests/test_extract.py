"""KPI extraction on small reports written here, one behaviour each, both ways where it matters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import esglens
from esglens.cli import app, _register
from typer.testing import CliRunner


def _facts(tmp_path: Path, text: str, name: str = "report.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return esglens.extract(p)


def _one(facts, metric, period, **dims):
    found = [f for f in facts if f.metric == metric and f.period == period and f.dims == dims and not f.derived]
    assert len(found) == 1, (metric, period, dims, [(f.metric, f.period, f.dims, f.value) for f in facts])
    return found[0]


REPORT_ZH = """\
星河數據科技股份有限公司
2024年環境、社會及管治報告
本報告涵蓋2024年1月1日至2024年12月31日（「報告期」）。本報告按照香港聯交所《環境、社會及管治報告守則》編製。

環境關鍵績效

指標 單位 2023年 2024年

溫室氣體排放總量（範圍一） 噸二氧化碳當量 150.20 120.50
車輛汽油 噸二氧化碳當量 100.20 80.50
車輛柴油 噸二氧化碳當量 50.00 40.00
溫室氣體排放總量（範圍二） 噸二氧化碳當量 900.00 880.00
外購電力 千瓦時 1,500,000 1,450,000
耗水量 噸 12,000 11,500
有害廢棄物 噸 - 不適用

社會關鍵績效

指標 單位 2024年 2023年

員工總數 人 1,250 1,100
男性員工 人 700 600
女性員工 人 550 500

報告期內，本公司累計捐贈超過200萬元，員工人均培訓時長為32小時。
報告期內，本公司未發生因工死亡事故。
"""


def test_row_table_periods_follow_the_header_in_either_order(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    # environmental header is oldest-first, social header newest-first
    assert _one(facts, "ghg_scope1", "2024").value == pytest.approx(120.50)
    assert _one(facts, "ghg_scope1", "2023").value == pytest.approx(150.20)
    assert _one(facts, "employees_total", "2024").value == 1250
    assert _one(facts, "employees_total", "2023").value == 1100


def test_breakdown_rows_are_never_totals(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    totals = [f for f in facts if f.metric == "ghg_scope1" and f.period == "2024" and not f.dims]
    assert [f.value for f in totals] == [pytest.approx(120.50)]
    parts = [f for f in facts if f.metric == "ghg_scope1" and f.period == "2024" and f.dims]
    assert sorted(f.value for f in parts) == [pytest.approx(40.0), pytest.approx(80.5)]
    female = _one(facts, "employees_total", "2024", gender="female")
    assert female.value == 550


def test_units_are_normalised_and_raw_form_kept(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    elec = _one(facts, "electricity", "2024")
    assert (elec.value, elec.unit) == (pytest.approx(1450.0), "MWh")
    assert (elec.raw_value, elec.raw_unit) == ("1,450,000", "千瓦時")
    water = _one(facts, "water", "2024")
    assert (water.value, water.unit) == (11500, "m³")


def test_empty_cells_give_no_fact(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    assert not [f for f in facts if f.metric == "hazardous_waste"]


def test_prose_figures_with_multiplier_and_qualifier(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    gift = _one(facts, "community_investment", "2024")
    assert (gift.value, gift.unit, gift.qualifier) == (2_000_000, "RMB", "超過")
    hours = _one(facts, "training_hours_avg", "2024")
    assert (hours.value, hours.unit, hours.source) == (32, "h", "prose")


def test_zero_stated_in_words(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    fatal = _one(facts, "work_fatalities", "2024")
    assert fatal.value == 0 and fatal.source == "prose"


def test_every_quote_occurs_at_its_line(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT_ZH, encoding="utf-8")
    doc = esglens.parse(p)
    facts = esglens.extract(doc)
    assert len(facts) >= 10
    for f in facts:
        assert f.quote in doc.line(f.line).text


def test_derived_total_is_marked_and_never_replaces_a_printed_one(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH)
    total = [f for f in facts if f.metric == "ghg_total" and f.period == "2024"]
    assert len(total) == 1 and total[0].derived and total[0].source == "derived"
    assert total[0].value == pytest.approx(120.50 + 880.00)
    printed = REPORT_ZH.replace("溫室氣體排放總量（範圍二）", "溫室氣體排放總量（範圍一及範圍二） 噸二氧化碳當量 1,050.20 1,000.50\n溫室氣體排放總量（範圍二）")
    facts = _facts(tmp_path, printed, "printed.txt")
    total = [f for f in facts if f.metric == "ghg_total" and f.period == "2024"]
    assert len(total) == 1 and not total[0].derived and total[0].value == pytest.approx(1000.50)


def test_tco2_is_not_relabelled_tco2e(tmp_path):
    text = REPORT_ZH.replace("溫室氣體排放總量（範圍二） 噸二氧化碳當量", "溫室氣體排放總量（範圍二） 噸二氧化碳")
    facts = _facts(tmp_path, text)
    assert _one(facts, "ghg_scope2", "2024").unit == "tCO2"


ENGLISH_FY = """\
Northwind Logistics Holdings Limited
Environmental, Social and Governance Report 2024
This report covers the financial year from 1 April 2023 to 31 March 2024 and follows the HKEX ESG Reporting Code.

Key performance indicators

Indicator Unit FY2024 FY2023
Scope 1 emissions tCO2e 1,204.5 1,310.0
Scope 2 emissions (location-based) tCO2e 5,100.0 5,420.7
Total energy consumption MWh 12,400 13,020
Number of employees persons 820 790

No confirmed cases of corruption were recorded during the year.
For FY2024, there was no reported incident of work-related injuries or fatalities.
Our target for FY2025 is to reduce energy use by 5%.
"""


def test_english_fiscal_year_report(tmp_path):
    facts = _facts(tmp_path, ENGLISH_FY)
    s1 = _one(facts, "ghg_scope1", "FY2024")
    assert (s1.value, s1.period_start, s1.period_end) == (pytest.approx(1204.5), "2023-04-01", "2024-03-31")
    assert _one(facts, "ghg_scope2", "FY2023", basis="location").value == pytest.approx(5420.7)
    assert _one(facts, "energy_total", "FY2024").value == 12400
    assert _one(facts, "corruption_cases", "FY2024").value == 0
    assert _one(facts, "work_fatalities", "FY2024").value == 0
    # a target is not a disclosure
    assert not [f for f in facts if f.source == "prose" and f.metric == "energy_total"]


def test_cli_jsonl_has_the_interface_fields(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(REPORT_ZH, encoding="utf-8")
    _register()
    result = CliRunner().invoke(app, ["extract", str(p), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    needed = {"metric", "hkex", "gri", "value", "unit", "raw_value", "raw_unit", "period", "period_start",
              "period_end", "dims", "page", "line", "quote", "source", "confidence"}
    assert rows and all(needed <= set(r) for r in rows)
    s1 = next(r for r in rows if r["metric"] == "ghg_scope1" and r["period"] == "2024" and not r["dims"])
    assert (s1["hkex"], s1["gri"], s1["unit"]) == ("A1.2", "305-1", "tCO2e")


UNIT_COLUMN_EN = """\
Example Freight Limited ESG Report 2023
The reporting period is 1 January 2023 to 31 December 2023.
Table 1: Emissions
KPI Unit 2023 2022
Scope 1 emissions1 tonnes CO2e 9,967.8 10,503.9
Scope 2 emissions (location-based) tonnes CO2e 5,874.2 6,120.5
GHG intensity tonnes CO2e/employee 6.37 6.89
Table 2: Workforce
KPI Unit 2023 2022
Total workforce number 2,486 2,412
Community investment AUD '000 2,450 2,180
"""


def test_units_printed_in_several_words_under_a_unit_column(tmp_path):
    facts = _facts(tmp_path, UNIT_COLUMN_EN)
    s1 = _one(facts, "ghg_scope1", "2023")
    assert (s1.value, s1.unit, s1.raw_unit) == (pytest.approx(9967.8), "tCO2e", "tonnes CO2e")
    assert _one(facts, "ghg_scope2", "2022", basis="location").value == pytest.approx(6120.5)
    intensity = _one(facts, "ghg_intensity", "2023")
    assert (intensity.value, intensity.unit) == (pytest.approx(6.37), "tCO2e/employee")
    # an intensity is never read as a headcount because its unit names employees
    assert not [f for f in facts if f.metric == "employees_total" and f.value < 10]
    assert _one(facts, "employees_total", "2023").value == 2486
    ci = _one(facts, "community_investment", "2022")
    assert (ci.value, ci.unit) == (pytest.approx(2_180_000), "AUD")


GROUP_TOTALS_EN = """\
Example Freight Limited ESG Report 2023
The reporting period is 1 January 2023 to 31 December 2023.
Table 7: Training
KPI Unit 2023 2022
Percentage of employees trained
Overall % 86.4 81.2
Male % 85.1 80.3
Female % 90.4 84.0
Average training hours per employee
Overall hours 18.6 16.2
Senior management hours 26.5 24.0
"""


def test_overall_row_under_a_group_heading_is_the_total(tmp_path):
    facts = _facts(tmp_path, GROUP_TOTALS_EN)
    assert _one(facts, "trained_pct", "2023").value == pytest.approx(86.4)
    assert _one(facts, "trained_pct", "2023", gender="female").value == pytest.approx(90.4)
    assert _one(facts, "training_hours_avg", "2022").value == pytest.approx(16.2)
    assert _one(facts, "training_hours_avg", "2023", rank="senior management").value == pytest.approx(26.5)
    assert not [f for f in facts if f.dims.get("category", "").casefold() == "overall"]


SUBROWS_ZH = """\
金山示例股份有限公司
2024年度環境、社會及管治報告
本報告涵蓋2024年1月1日至2024年12月31日。
表1 廢氣排放
指标 单位 2023年 2024年
颗粒物排放量 吨 3.21 3.05
挥发性有机物（VOCs）排放量 吨 22.6 19.3
表2 废弃物
指标 单位 2023年 2024年
危险废物产生量 吨 1,993.3 2,033.9
其中：废有机溶剂 吨 1,254.8 1,286.4
废活性炭 吨 398.2 412.7
医药废物（过期及不合格药品） 吨 251.6 238.5
其他危险废物 吨 88.7 96.3
危险废物合规处置率 % 100 100
表3 能源
指标 单位 2023年 2024年
天然气 立方米 12,846,200 12,958,400
外购蒸汽 吨 88,915 90,236
"""


def test_sub_rows_and_rows_that_only_follow_a_total(tmp_path):
    facts = _facts(tmp_path, SUBROWS_ZH)
    solvent = _one(facts, "hazardous_waste", "2024", category="废有机溶剂")  # "其中：" is not part of the name
    assert solvent.value == pytest.approx(1286.4)
    assert _one(facts, "hazardous_waste", "2023", category="医药废物（过期及不合格药品）").value == pytest.approx(251.6)
    assert _one(facts, "hazardous_waste", "2024").value == pytest.approx(2033.9)
    # a pollutant the taxonomy does not know is not a kind of particulate matter
    assert [f.value for f in facts if f.metric == "air_pm"] == [pytest.approx(3210), pytest.approx(3050)]  # kg
    # a rate of its own is not a part of the waste above it; steam is not a kind of natural gas
    assert not [f for f in facts if f.line is not None and "处置率" in f.quote and f.unit != "%"]
    assert not [f for f in facts if f.metric == "natural_gas" and f.dims]


BREAKDOWN_COLUMNS_EN = """\
Example Cloud Limited ESG Report 2023
The reporting period is 1 January 2023 to 31 December 2023.
Parental leave
Male Female Total
Total number of employees 52 31 83
"""


def test_columns_named_by_gender_split_the_document_period(tmp_path):
    facts = _facts(tmp_path, BREAKDOWN_COLUMNS_EN)
    assert _one(facts, "employees_total", "2023", gender="male").value == 52
    assert _one(facts, "employees_total", "2023", gender="female").value == 31
    assert _one(facts, "employees_total", "2023").value == 83


BY_HEADINGS_ZH = """\
星河示例物流股份有限公司
2023年环境、社会及管治报告
本报告涵盖2023年1月1日至2023年12月31日。
表3 雇佣
指标 单位 2023年 2022年
员工总数4 人 12,846 12,108
按性别划分
男性 人 9,826 9,274
女性 人 3,020 2,834
按地区划分
华东地区 人 5,862 5,541
西南及其他地区 人 1,214 1,127
表2 废弃物
指标 单位 2023年 2022年
有害废弃物总量 吨 14.86 16.02
其中：废矿物油 吨 6.12 6.84
废铅蓄电池 吨 7.35 7.96
废含油抹布及手套（交由有资质
单位处置） 千克 1,390 1,220
"""


def test_by_headings_keep_the_total_and_name_the_breakdown(tmp_path):
    facts = _facts(tmp_path, BY_HEADINGS_ZH)
    assert _one(facts, "employees_total", "2023").value == 12846
    assert _one(facts, "employees_total", "2022", gender="female").value == 2834
    assert _one(facts, "employees_total", "2023", region="华东地区").value == 5862
    # a part printed in kg under a total in tonnes, its label wrapped inside a bracket
    rags = _one(facts, "hazardous_waste", "2023", category="废含油抹布及手套（交由有资质单位处置）")
    assert (rags.value, rags.unit, rags.raw_unit) == (pytest.approx(1.39), "t", "千克")


SEGMENT_PDF_LAYOUT_ZH = """\
示例控股有限公司
二零一九年環境、社會及管治報告
本報告涵蓋2019年1月1日至2019年12月31日。
地產業務 旅遊業務 總計
2018年 2019年 2018年 2019年 2018年 2019年
總能源耗量 2,932.53 9,578.30 9,354.84 9,259.65 12,287.37 18,837.95
兆瓦時 兆瓦時 兆瓦時 兆瓦時 兆瓦時 兆瓦時
總產生量 不適用 不適用 65.28公噸14 64.80公噸 65.28公噸 64.80公噸
"""


def test_units_printed_under_each_cell_and_notes_glued_after_units(tmp_path):
    facts = _facts(tmp_path, SEGMENT_PDF_LAYOUT_ZH)
    energy = _one(facts, "energy_total", "2019")
    assert (energy.value, energy.raw_unit) == (pytest.approx(18837.95), "兆瓦時")
    assert _one(facts, "energy_total", "2018", category="地產業務").value == pytest.approx(2932.53)


DASH_AND_NEGATED_EN = """\
Example Power plc Annual Report 2023
The reporting period is 1 January 2023 to 31 December 2023.
Emissions 2023 2022
Group total Scope 1 ktCO2e 9,100 9,800
Biogenic CO2 emissions ktCO2e 11,463 12,130
Nitrogen oxides – Pellet Production t 621 836
"""


def test_dash_qualifiers_and_biogenic_rows(tmp_path):
    facts = _facts(tmp_path, DASH_AND_NEGATED_EN)
    assert _one(facts, "air_nox", "2023", category="Pellet Production").value == 621000  # kg
    # biogenic CO2 is outside the scopes: never a part of a GHG figure
    assert not [f for f in facts if f.value in (11463000, 12130000)]


MEASURE_COLUMNS_ZH = """\
示例控股有限公司
2023年環境、社會及管治報告
本報告涵蓋2023年1月1日至2023年12月31日。
表5 僱員總數
按性別劃分 人數 百分比
男 364 24.6%
女 1,114 75.4%
總計 1,478 100%
"""


def test_a_count_and_its_share_in_columns(tmp_path):
    facts = _facts(tmp_path, MEASURE_COLUMNS_ZH)
    assert _one(facts, "employees_total", "2023", gender="female").value == 1114
    share = _one(facts, "other:employee_share_pct", "2023", gender="female")
    assert (share.value, share.unit) == (pytest.approx(75.4), "%")
    assert _one(facts, "employees_total", "2023").value == 1478
    # the share column never becomes a headcount
    assert not [f for f in facts if f.metric == "employees_total" and f.value < 101 and f.value != 100]


TOTAL_BELOW_AND_INDEX_EN = """\
Example Health Limited ESG Report 2024
The reporting period is 1 January 2024 to 31 December 2024.
Indicator Unit 2024 2023
Clinical waste5 kg 612,480 596,730
Chemical waste kg 18,640 17,920
Total hazardous waste tonnes 631.12 614.65
A1.1 Air emissions - page 2 A1.2 GHG emissions - page 3
A2.1 Energy - page 3 A2.2 Water - page 4
"""


def test_parts_above_their_total_and_index_lines(tmp_path):
    facts = _facts(tmp_path, TOTAL_BELOW_AND_INDEX_EN)
    clinical = _one(facts, "hazardous_waste", "2024", category="Clinical waste")
    assert (clinical.value, clinical.unit) == (pytest.approx(612.48), "t")
    assert _one(facts, "hazardous_waste", "2024").value == pytest.approx(631.12)
    from esglens.ingest.table_cells import detach_note
    assert detach_note("Under 307") == ("Under 30", "7") and detach_note("Under 30") == ("Under 30", None)
    assert not [f for f in facts if f.value in (3, 4)]  # content-index page numbers are no KPIs


LABEL_SHAPES_EN = """\
Example Power Limited ESG Report 2024
The reporting period is 1 January 2024 to 31 December 2024.
Indicator Unit 2024 2023
Total water consumption (withdrawal less discharge) m3 3,218,900 3,428,500
Diesel and petrol (vehicle fleet) GJ 26,073 27,611
Anti-corruption training hours (directors and employees) hours 6,824 6,102
"""


def test_label_shapes_brackets_two_fuels_and_everyone(tmp_path):
    facts = _facts(tmp_path, LABEL_SHAPES_EN)
    assert _one(facts, "water", "2024").value == 3218900  # the brackets explain, "water consumption" names
    fuels = [f for f in facts if f.line == 5]
    # two fuels in one row are neither diesel nor petrol: a part of direct energy
    assert {f.metric for f in fuels} == {"energy_direct"} and all(f.dims for f in fuels)
    assert _one(facts, "anti_corruption_training_hours", "2023").value == 6102  # directors and employees = all


SUBSET_LABELS_EN = """\
Example Cloud Limited ESG Report 2023
The reporting period is 1 January 2023 to 31 December 2023.
Male Female Total
Total number of employees that took parental 0 0 0
Indicator Unit 2023 2022
Water consumed from areas of water stress m3 347 –
Total water consumption m3 45,058 51,899
"""


def test_subsets_named_by_what_happened_are_not_totals(tmp_path):
    facts = _facts(tmp_path, SUBSET_LABELS_EN)
    assert not [f for f in facts if f.metric == "employees_total"]  # took parental leave: not the workforce
    assert [f.value for f in facts if f.metric == "water" and f.period == "2023"] == [45058]


PLACES_AND_CIRCLED_ZH = """\
天府示例水务集团控股有限公司
2024年度环境、社会及管治报告
本报告涵盖2024年1月1日至2024年12月31日。
表1 温室气体排放
指标 单位 2024年 2023年
范围一：直接排放 吨二氧化碳当量 41,865.5 39,300.8
① 污水处理过程（甲烷及氧化亚氮） 吨二氧化碳当量 38,460.5 35,912.8
② 移动源燃烧（车辆汽油及柴油） 吨二氧化碳当量 1,286.4 1,342.7
③ 固定源燃烧（天然气锅炉及备用发电机） 吨二氧化碳当量 2,118.6 2,045.3
表4 雇员人数
指标 2024年 2023年
雇员总数（人） 3,412 3,286
四川省（人） 2,064 1,984
广西壮族自治区（人） 1,320 1,258
"""


def test_circled_sub_rows_and_places(tmp_path):
    facts = _facts(tmp_path, PLACES_AND_CIRCLED_ZH)
    parts = [f for f in facts if f.metric == "ghg_scope1" and f.period == "2024" and f.dims]
    assert sorted(f.value for f in parts) == [pytest.approx(1286.4), pytest.approx(2118.6), pytest.approx(38460.5)]
    assert _one(facts, "employees_total", "2024", region="四川省").value == 2064
    assert _one(facts, "employees_total", "2023", region="广西壮族自治区").value == 1258


INDEX_TABLE_ZH = """\
长城示例水泥股份有限公司
2023年环境、社会及管治报告
本报告涵盖2023年1月1日至2023年12月31日。
指标 单位 2023年 2022年
供应商总数 家 3,862 3,715
香港联交所《环境、社会及管治报告指引》内容索引
指标 内容 章节 页码
B5.1 按地区划分的供应商数目 四（三）供应链管理 8
B6.2 接获关于产品及服务的投诉数目及应对方法 四（四）产品责任 8
"""


def test_content_index_rows_are_no_kpis(tmp_path):
    facts = _facts(tmp_path, INDEX_TABLE_ZH)
    assert [f.value for f in facts if f.metric == "suppliers_total" and f.period == "2023"] == [3862]
    assert not [f for f in facts if f.value == 8]


MEASURE_PHRASES_EN = """\
Example Cloud Limited ESG Report 2023
The reporting period is 1 April 2022 to 31 March 2023.
Type of Information Total Number Rate to average workforce
New employee hires
By gender
- Female 0 N/A
- Male 1 7%
Type of Information Total number of hours trained Average hours of training
All employee 11 0.65
By gender
- Female 9 1.5
"""


def test_columns_named_by_measure_phrases(tmp_path):
    facts = _facts(tmp_path, MEASURE_PHRASES_EN)
    assert _one(facts, "other:new_hires", "FY2023", gender="male").value == 1
    assert _one(facts, "other:new_hire_rate", "FY2023", gender="male").value == 7
    assert _one(facts, "training_hours_total", "FY2023").value == 11
    assert _one(facts, "training_hours_avg", "FY2023", gender="female").value == 1.5
    assert not [f for f in facts if f.metric == "employees_total"]


def test_a_transposed_table_gives_one_fact_per_metric_and_year(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "表二：溫室氣體排放\n年份 範圍一排放 範圍二排放 排放密度\n"
                   "（公噸二氧化碳當量） （公噸二氧化碳當量） （公噸二氧化碳當量／百萬港元收益）\n"
                   "2024 1,862.4 108,415.6 9.30\n2023 1,935.7 112,284.3 10.17\n")
    scope1 = _one(facts, "ghg_scope1", "2023")
    assert scope1.value == 1935.7 and scope1.quote == "2023 1,935.7 112,284.3 10.17"
    assert _one(facts, "ghg_scope2", "2024").value == 108415.6
    assert _one(facts, "ghg_intensity", "2024").unit == "tCO2e/HKD million revenue"


def test_an_age_band_after_a_dash_is_an_age_breakdown(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Indicator Unit 2024 2023\nTurnover rate % 13.5 15.5\n"
                   "Turnover rate – under 30 % 25.8 29.3\nTurnover rate – over 50 % 8.6 10.0\n")
    assert _one(facts, "turnover_rate", "2024", age="<30").value == 25.8
    assert _one(facts, "turnover_rate", "2023", age=">50").value == 10.0
    assert _one(facts, "turnover_rate", "2024").value == 13.5


def test_hk_names_hong_kong_but_hk_dollars_name_no_region(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Indicator 2024 2023\nEmployees – PRC 120 110\nEmployees – HK 30 28\n"
                   "Revenue (HK$ million) 1,200 1,100\n")
    assert _one(facts, "employees_total", "2024", region="Hong Kong").value == 30
    assert _one(facts, "revenue", "2024").value == 1.2e9


def test_what_is_measured_after_a_dash_is_no_breakdown(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Indicator Unit 2024 2023\nCustomer complaints – Received number 1,862 2,045\n"
                   "Anti-corruption training – Directors and employees trained persons 4,251 4,370\n"
                   "Anti-corruption training – Training hours hours 8,502 8,740\n")
    assert _one(facts, "complaints_received", "2024").value == 1862
    assert _one(facts, "anti_corruption_training_participants", "2023").value == 4370
    assert _one(facts, "anti_corruption_training_hours", "2024").value == 8502


def test_a_unit_in_the_title_holds_unless_a_row_states_its_own(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Table 6 – Community investment (HK$ million unless stated)\n"
                   "Indicator 2024 2023\nCommunity investment 18.6 15.2\nVolunteer hours (hours) 12,480 10,965\n")
    money = _one(facts, "community_investment", "2024")
    assert (money.value, money.unit) == (18.6e6, "HKD")
    assert _one(facts, "volunteer_hours", "2023").value == 10965


def test_words_in_brackets_may_belong_to_the_name_and_certificates_are_no_electricity(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Indicator Unit 2024 2023\nGeneral (non-hazardous) waste tonnes 142.8 156.3\n"
                   "Renewable energy certificates purchased MWh 6,965 3,600\n")
    assert _one(facts, "non_hazardous_waste", "2024").value == 142.8
    assert not [f for f in facts if f.metric == "renewable_electricity"]


def test_gri_content_index_rows_give_no_facts(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "GRI CONTENT INDEX\nGRI Standard / Disclosure Page\nGRI 2-7 Employees 7\n"
                   "GRI 205-3 Confirmed incidents of corruption 10\nGRI 302-1 Energy consumption within the organization 4\n"
                   "GRI 403-9 Work-related injuries 8\n")
    index_lines = range(len(REPORT_ZH.splitlines()) + 1, len(REPORT_ZH.splitlines()) + 7)
    assert not [f for f in facts if f.line in index_lines], [(f.metric, f.value, f.line) for f in facts]


def test_total_under_a_unit_column_of_persons_and_trained_share_wrapped(tmp_path):
    facts = _facts(tmp_path, REPORT_ZH + "Key performance indicator Unit 2024 2023\nNumber of employees who left\n"
                   "Total persons 218 236\nMale persons 152 168\nFemale persons 66 68\n"
                   "Percentage of employees who received\ntraining % 92.4 89.7\n")
    assert _one(facts, "turnover_count", "2024").value == 218
    assert _one(facts, "turnover_count", "2023", gender="female").value == 68
    assert _one(facts, "trained_pct", "2024").value == 92.4


def test_the_end_of_a_label_printed_under_its_values_completes_it(tmp_path):
    facts = _facts(tmp_path, "Example Data Centres Limited\nESG Report 2024\nThis report covers 1 January 2024 to "
                   "31 December 2024.\n\nResources by Type 2024 2023 Unit\nTotal Unit of Water 1,538 1,535 m3\nConsumed\n"
                   "Total Unit of Electricity 7,873,128 3,332,310 kWh\nConsumed\n")
    water = _one(facts, "water", "2024")
    assert water.value == 1538 and water.label == "Total Unit of Water Consumed"
