"""Figures stated in running text, on small reports written here: each behaviour both ways (a figure
that is a fact, and wording that must not become one)."""

from __future__ import annotations

from pathlib import Path

import pytest

import esglens

HEAD_EN = """\
Example Holdings Limited
Environmental, Social and Governance Report 2023
This report covers the period from 1 January 2023 to 31 December 2023.

"""

HEAD_FY = """\
Example Retail Group Limited
Sustainability Report FY2024
This report covers the financial year from 1 July 2023 to 30 June 2024 ("FY2024").

"""

HEAD_ZH = """\
示例控股有限公司
2023年環境、社會及管治報告
本報告涵蓋2023年1月1日至2023年12月31日（「報告期」）。

"""


def _prose(tmp_path: Path, body: str, head: str = HEAD_EN) -> list:
    p = tmp_path / "report.txt"
    p.write_text(head + body + "\n", encoding="utf-8")
    doc = esglens.parse(p)
    facts = [f for f in esglens.extract(doc) if f.source == "prose"]
    for f in facts:  # every prose fact can be found again on its page
        assert f.quote in doc.line(f.line).text, (f.metric, f.line, f.quote)
    return facts


def _only(facts, metric):
    found = [f for f in facts if f.metric == metric]
    assert len(found) == 1, [(f.metric, f.period, f.dims, f.value) for f in facts]
    return found[0]


def _metrics(facts) -> set[str]:
    return {f.metric for f in facts}


# ---- a currency printed before the number ----------------------------------------------------------

def test_currency_symbol_before_an_english_figure_names_its_currency(tmp_path):
    facts = _prose(tmp_path, "Our operations together generated revenue of HK$4.86 billion in 2023.\n"
                             "In 2023 the Group donated HK$1.2 million to local charities.")
    revenue = _only(facts, "revenue")
    assert (revenue.value, revenue.unit, revenue.period, revenue.raw_unit) == (4.86e9, "HKD", "2023", "HK$")
    gift = _only(facts, "community_investment")
    assert (gift.value, gift.unit) == (1.2e6, "HKD")


def test_other_currencies_before_a_figure(tmp_path):
    facts = _prose(tmp_path, "The Group reported revenue of A$1.84 billion in FY2024.", head=HEAD_FY)
    revenue = _only(facts, "revenue")
    assert (revenue.value, revenue.unit, revenue.period) == (1.84e9, "AUD", "FY2024")
    facts = _prose(tmp_path, "The Group recorded revenue of RMB12,486.3 million for the year.")
    assert (_only(facts, "revenue").value, _only(facts, "revenue").unit) == (pytest.approx(12_486.3e6), "RMB")


def test_a_bare_dollar_sign_names_no_currency(tmp_path):
    facts = _prose(tmp_path, "The Group reported revenue of $4.86 billion in 2023.")
    assert "revenue" not in _metrics(facts)


def test_chinese_currency_before_the_number_wins_over_the_yuan_after_it(tmp_path):
    facts = _prose(tmp_path, "報告期內，本集團捐款約港幣150萬元，支持長者服務。\n2023年，本集團營業收入為人民幣63.8億元。", head=HEAD_ZH)
    gift = _only(facts, "community_investment")
    assert (gift.value, gift.unit, gift.qualifier) == (1.5e6, "HKD", "約")
    revenue = _only(facts, "revenue")
    assert (revenue.value, revenue.unit) == (6.38e9, "RMB")


def test_yuan_after_the_number_alone_stays_renminbi(tmp_path):
    facts = _prose(tmp_path, "報告期內，本集團累計捐款150萬元。", head=HEAD_ZH)
    gift = _only(facts, "community_investment")
    assert (gift.value, gift.unit, gift.qualifier) == (1.5e6, "RMB", None)


def test_a_qualifier_before_an_english_currency_is_kept(tmp_path):
    facts = _prose(tmp_path, "The Group donated approximately US$2.5m to charities.")
    gift = _only(facts, "community_investment")
    assert (gift.value, gift.unit, gift.qualifier) == (2.5e6, "USD", "approximately")


# ---- a metric named after its number -----------------------------------------------------------------

def test_metric_named_after_the_number(tmp_path):
    facts = _prose(tmp_path, 'Our programme mobilised 412 employee volunteers, who contributed over\n'
                             '3,000 volunteer hours delivering hot meals to some 1,800 elderly households.')
    assert _only(facts, "volunteers").value == 412
    hours = _only(facts, "volunteer_hours")
    assert (hours.value, hours.unit, hours.qualifier) == (3000, "h", "over")
    assert len(facts) == 2  # the households are no KPI


def test_metric_named_after_the_number_and_its_unit(tmp_path):
    facts = _prose(tmp_path, "In 2023, 1,200 tonnes of hazardous waste were generated.\n\n"
                             "We consumed 12,400 MWh of electricity in 2023.")
    waste = _only(facts, "hazardous_waste")
    assert (waste.value, waste.unit) == (1200, "t")
    assert (_only(facts, "electricity").value, _only(facts, "electricity").unit) == (12400, "MWh")


def test_a_count_before_a_noun_for_a_subset_is_not_the_total(tmp_path):
    facts = _prose(tmp_path, "During the year 5 employees were injured and 30 suppliers were audited.\n\n"
                             "The Group's 1,250 employees work in Hong Kong.")
    assert not {"employees_total", "suppliers_total"} & _metrics(facts)


def test_a_quantity_of_something_outside_the_taxonomy_is_no_fact(tmp_path):
    facts = _prose(tmp_path, "Our cafés donated more than 38 tonnes of surplus food to a charity.\n\n"
                             "The Group donated 5,000 masks to hospitals.")
    assert facts == []


def test_chinese_count_before_the_activity_and_hours_in_the_next_clause(tmp_path):
    facts = _prose(tmp_path, "本集團鼓勵員工回饋社會。逾300名員工參與義工服務，累計服務時數超過2,000小時。", head=HEAD_ZH)
    volunteers = _only(facts, "volunteers")
    assert (volunteers.value, volunteers.qualifier) == (300, "逾")
    hours = _only(facts, "volunteer_hours")
    assert (hours.value, hours.unit, hours.qualifier) == (2000, "h", "超過")


def test_a_measure_in_another_sentence_does_not_take_the_activity(tmp_path):
    facts = _prose(tmp_path, "逾300名員工參與義工服務。累計服務時數超過2,000小時。", head=HEAD_ZH)
    assert "volunteer_hours" not in _metrics(facts)
    assert _only(facts, "volunteers").value == 300


def test_a_clause_about_beneficiaries_does_not_take_the_activity(tmp_path):
    facts = _prose(tmp_path, "逾300名員工參與義工服務，惠及長者2,000人。", head=HEAD_ZH)
    assert [f.value for f in facts] == [300]


def test_a_narrower_activity_earlier_in_the_sentence_names_the_metric(tmp_path):
    facts = _prose(tmp_path, "在廉潔培訓方面，董事人均受訓時長為1.5小時。", head=HEAD_ZH)
    avg = _only(facts, "other:anti_corruption_training_hours_avg")
    assert (avg.value, avg.dims) == (1.5, {"rank": "directors"})
    facts = _prose(tmp_path, "本集團定期舉辦廉潔培訓。董事人均受訓時長為1.5小時。", head=HEAD_ZH)
    assert _only(facts, "training_hours_avg").value == 1.5


# ---- wording that is not a disclosed level ---------------------------------------------------------

def test_targets_are_not_facts(tmp_path):
    facts = _prose(tmp_path, "We aim to reduce Scope 1 emissions to 1,000 tCO2e.\n\n"
                             "Our target is to donate HK$2 million to charities next year.\n\n"
                             "We are on track to source 100% renewable electricity by FY2028.\n\n"
                             "We will contribute 5,000 volunteer hours in 2024.")
    assert facts == []
    facts = _prose(tmp_path, "本集團計劃於2030年前累計捐款港幣500萬元。", head=HEAD_ZH)
    assert facts == []


def test_a_level_stated_plainly_is_a_fact(tmp_path):
    facts = _prose(tmp_path, "Scope 1 emissions were 1,204 tCO2e in 2023.")
    s1 = _only(facts, "ghg_scope1")  # "Scope 1" names the metric: its 1 is no figure
    assert (s1.value, s1.unit) == (1204, "tCO2e")


def test_changes_are_not_facts_of_the_metric(tmp_path):
    facts = _prose(tmp_path, "The employee turnover rate fell 4.7% during the year.\n\n"
                             "We cut the waste our stores send to landfill by more than 160 tonnes.\n\n"
                             "The Group reported revenue of HK$1.84 billion in 2023, up 6.1% on the prior year.")
    assert [(f.metric, f.value) for f in facts] == [("revenue", 1.84e9)]


def test_a_rate_stated_plainly_is_a_fact(tmp_path):
    facts = _prose(tmp_path, "The employee turnover rate was 12.5% in 2023.")
    assert (_only(facts, "turnover_rate").value, _only(facts, "turnover_rate").unit) == (12.5, "%")


def test_a_share_of_what_follows_is_not_a_fact_of_what_precedes(tmp_path):
    facts = _prose(tmp_path, "Women make up 61% of our workforce and 44% of our senior leaders.")
    assert facts == []


def test_a_formula_is_not_a_value(tmp_path):
    facts = _prose(tmp_path, "Turnover rate = number of employees who left / number of employees at year end x 100%.")
    assert facts == []


def test_a_year_after_the_figure_is_its_period(tmp_path):
    facts = _prose(tmp_path, "Charitable donations of HK$1.1 million in 2022 were made to local charities.")
    assert _only(facts, "community_investment").period == "2022"
    facts = _prose(tmp_path, "Charitable donations of HK$1.1 million were made to local charities.")
    assert _only(facts, "community_investment").period == "2023"


def test_a_part_of_something_named_before_is_never_the_total(tmp_path):
    facts = _prose(tmp_path, "本集團積極回饋社會，其中向慈善機構捐贈藥品折合人民幣120.5萬元。", head=HEAD_ZH)
    assert facts == []
    facts = _prose(tmp_path, "全年公益捐贈356.8萬元，其中向慈善機構捐贈藥品折合人民幣120.5萬元。", head=HEAD_ZH)
    gift = _only(facts, "community_investment")
    assert (gift.value, gift.dims) == (3.568e6, {})
    # a part that is another metric in its own right is that metric's figure
    facts = _prose(tmp_path, "Total energy consumption was 12,400 MWh, of which 8,000 MWh of electricity.")
    assert {(f.metric, f.value) for f in facts} == {("energy_total", 12400), ("electricity", 8000)}


def test_a_share_metric_needs_a_percent_sign(tmp_path):
    facts = _prose(tmp_path, "報告期內，平台供應商合計召回產品139次。", head=HEAD_ZH)
    assert facts == []
    facts = _prose(tmp_path, "報告期內，產品召回率為0.5%。", head=HEAD_ZH)
    assert _only(facts, "product_recall_pct").value == 0.5


def test_sessions_are_not_people(tmp_path):
    facts = _prose(tmp_path, "報告期內，針對董事及高管舉辦的反貪腐培訓共計 23 場次。", head=HEAD_ZH)
    assert "anti_corruption_training_participants" not in _metrics(facts)
    facts = _prose(tmp_path, "報告期內，反貪腐培訓覆蓋員工共計 1,965 人。", head=HEAD_ZH)
    assert _only(facts, "anti_corruption_training_participants").value == 1965


def test_list_numbers_and_codes_are_not_figures(tmp_path):
    facts = _prose(tmp_path, "1. 溫室氣體排放 7. 供應商管理 11. 產品責任 16. 多元共融", head=HEAD_ZH)
    assert facts == []
    facts = _prose(tmp_path, "GRI 403-9 Work-related injuries Page 15 of this Report")
    assert facts == []


def test_counts_named_after_the_number_for_whole_populations(tmp_path):
    facts = _prose(tmp_path, "During the year there were 9 work-related injuries.\n\n"
                             "We received 35 customer complaints.\n\nThere were 2 cases of corruption.")
    assert {(f.metric, f.value) for f in facts} == {("other:injuries", 9), ("complaints_received", 35),
                                                    ("corruption_cases", 2)}


def test_prose_label_is_printed_in_the_reports_script(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("示例健康有限公司\n2024財年環境、社會及管治報告\n本報告涵蓋2023年4月1日至2024年3月31日。\n"
                 "2024財年，阿里健康投入社會公益項目共計35,503小時，捐贈金額共計人民幣147萬元。\n", encoding="utf-8")
    facts = esglens.extract(p)
    hours = [f for f in facts if f.metric == "volunteer_hours"]
    assert hours and "社會公益" in hours[0].label  # Traditional, as printed, not the Simplified matching form
    assert "35,503小時" in hours[0].quote


def test_prior_year_in_brackets_and_topic_training(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("长城示例建材股份有限公司\n2023年环境、社会及管治报告\n本报告涵盖2023年1月1日至2023年12月31日。\n"
                 "本集团合作供应商共3,862家（2022年：3,715家），其中华北地区2,614家。\n"
                 "年内组织反腐倡廉专题培训覆盖董事及员工1.86万人次，培训总时长3.72万小时。\n"
                 "The Group donated HK$3.8 million (2022: HK$2.9 million) to local charities.\n", encoding="utf-8")
    facts = {(f.metric, f.period): f for f in esglens.extract(p)}
    assert facts[("suppliers_total", "2022")].value == 3715 and facts[("suppliers_total", "2022")].raw_unit == "家"
    assert facts[("suppliers_total", "2023")].value == 3862
    assert facts[("anti_corruption_training_participants", "2023")].value == 18600  # 董事及員工 is everyone
    assert facts[("anti_corruption_training_hours", "2023")].value == 37200
    assert facts[("community_investment", "2022")].value == 2_900_000


def test_conversion_factors_are_no_kpis(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("Example Logistics Limited Sustainability Report 2023\n"
                 "This report covers 1 January 2023 to 31 December 2023.\n\n"
                 "Fuel volumes are converted with the net calorific values of the IPCC 2006 Guidelines, diesel 10.72 "
                 "MWh/kL, petrol 34.2 MJ/L and LPG 25.7 MJ/L.\n\n"
                 "Our energy intensity was 49.10 MWh per HK$ million revenue.\n", encoding="utf-8")
    facts = esglens.extract(p)
    assert [f.value for f in facts if f.metric == "energy_intensity"] == [49.10]


def test_prior_year_in_brackets_after_the_name_of_what_is_counted(tmp_path):
    facts = _prose(tmp_path, "A total of 486 employee volunteers contributed 5,832 volunteering hours "
                   "(FY2023: 4,915 hours), serving more than 12,000 elderly residents.", HEAD_FY)
    hours = {f.period: f.value for f in facts if f.metric == "volunteer_hours"}
    assert hours == {"FY2024": 5832, "FY2023": 4915}


def test_a_name_before_and_is_another_item_of_a_list(tmp_path):
    # "directors and 3,105 employees": the number counts employees, not directors
    facts = _prose(tmp_path, "All directors and 3,105 employees completed anti-corruption training.", HEAD_FY)
    assert not [f for f in facts if f.metric == "other:board_members"]


def test_a_headcount_stated_with_its_verb_covers_the_businesses_listed_before_it(tmp_path):
    facts = _prose(tmp_path, "截至2023年12月31日，本集團於南京總部及香港辦公室、中國大陸的地產業務、澳洲的旅遊業務和教育業務一\n"
                   "共聘請1,478位員工。於報告期內，本集團新聘請120名員工。", HEAD_ZH)
    headcount = _only(facts, "employees_total")
    assert headcount.value == 1478 and headcount.dims == {}
    assert _only(facts, "other:new_hires").value == 120


def test_not_being_aware_of_any_corruption_case_is_a_zero(tmp_path):
    facts = _prose(tmp_path, "於報告期內，我們並不知悉本集團涉及任何有關貪污、勒索、賄賂、欺詐或洗黑錢的重大案件。", HEAD_ZH)
    assert _only(facts, "corruption_cases").value == 0


def test_money_given_away_is_community_investment(tmp_path):
    facts = _prose(tmp_path, "旅遊板塊透過舉辦籌款活動籌得超過21,000澳元善款，並捐出超過16,000澳元作為活動的獎品贊助。", HEAD_ZH)
    given = _only(facts, "community_investment")
    assert (given.value, given.unit, given.qualifier) == (16000, "AUD", "超過")


def test_a_count_compared_with_the_prior_year_is_the_whole_population(tmp_path):
    facts = _prose(tmp_path, "We worked with 1,184 suppliers in 2023 (2022: 1,126), most of them hauliers. "
                   "During the year 30 suppliers were audited on site.")
    suppliers = {f.period: f.value for f in facts if f.metric == "suppliers_total"}
    assert suppliers == {"2023": 1184, "2022": 1126}


def test_narrow_prose_ending_in_numbers_is_read_as_prose_not_as_a_table(tmp_path):
    facts = _prose(tmp_path, "OUR BUSINESS AT A GLANCE\nIn 2023 Northstar recorded revenue of HK$6,482 million (2022:\n"
                   "HK$6,105 million). We operated 41 warehouses with a combined floor\n"
                   "area of approximately 612,000 square metres, ran a fleet of 1,930\n"
                   "heavy goods vehicles and moved some 3.9 million tonnes of freight\n"
                   "across four markets.")
    revenue = {f.period: f.value for f in facts if f.metric == "revenue"}
    assert revenue == {"2023": 6.482e9, "2022": 6.105e9}


def test_page_references_are_no_figures(tmp_path):
    facts = _prose(tmp_path, "B5.1 按地區劃分的供應商數目 第5頁\nB6.2 接獲關於產品及服務的投訴數目 第5頁", HEAD_ZH)
    assert facts == []


def test_a_split_fiscal_year_in_brackets_is_the_year_it_ends_in(tmp_path):
    facts = _prose(tmp_path, "Revenue for the year was HK$7,128.6 million (2022/23: HK$6,694.3 million), up 6.5% year on year.",
                   HEAD_FY)
    assert {f.period: f.value for f in facts if f.metric == "revenue"} == {"FY2024": 7.1286e9, "FY2023": 6.6943e9}


def test_a_trade_named_management_is_no_rank(tmp_path):
    facts = _prose(tmp_path, "Our property management teams received 326 complaints from tenants in FY2024.", HEAD_FY)
    assert _only(facts, "complaints_received").dims == {}


def test_thousands_of_dollars_before_a_figure_and_its_prior_year(tmp_path):
    facts = _prose(tmp_path, "Cash donations to charities totalled HK$'000 2,386 (2022/23: HK$'000 1,954), and 412 "
                   "employee volunteers took part.", HEAD_FY)
    assert {f.period: f.value for f in facts if f.metric == "community_investment"} == {"FY2024": 2386000, "FY2023": 1954000}
