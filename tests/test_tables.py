"""Table recognition from text layout: real report tables (values read by hand from the files) and
synthetic cases for each layout."""

from __future__ import annotations

import pytest

import esglens
from esglens.ingest.tables import detect_tables, row_section, split_value_mark
from esglens.model import Line, Period, Table, TableRow


def make_lines(text: str, first_no: int = 1) -> list[Line]:
    lines = []
    for i, raw in enumerate(text.split("\n")):
        stripped = raw.rstrip()
        lines.append(Line(no=first_no + i, raw=raw, text=" ".join(stripped.split()), match=stripped.lower(),
                          role="body" if stripped.strip() else "blank"))
    return lines


def table_at(tables: list[Table], line: int) -> Table:
    for t in tables:
        if t.first_line <= line <= t.last_line:
            return t
    raise AssertionError(f"no table covers line {line}: {[(t.first_line, t.last_line) for t in tables]}")


def row_at(table: Table, line: int) -> TableRow:
    for r in table.rows:
        if line in r.lines:
            return r
    raise AssertionError(f"no row at line {line}")


def texts(row: TableRow) -> list[str | None]:
    return [c.text if c else None for c in row.cells]


# --- real reports ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def jdhealth(corpus_file):
    return esglens.parse(corpus_file("jdhealth-esg-2024.zh-hant.txt"))


@pytest.fixture(scope="module")
def medlive(corpus_file):
    return esglens.parse(corpus_file("medlive-esg-2022.zh-hant.txt"))


@pytest.fixture(scope="module")
def alihealth(corpus_file):
    return esglens.parse(corpus_file("alihealth-esg-fy2024.zh-hant.txt"))


def test_jdhealth_ghg_table_newest_year_first(jdhealth):
    t = table_at(jdhealth.tables, 2672)
    assert t.header_line == 2669 and t.layout == "rows"
    assert [c.period for c in t.columns] == ["2024", "2023"]
    assert [c.label for c in t.columns] == ["2024 年數據", "2023 年數據"]
    assert t.title == "京東健康 2024 年溫室氣體排放情況"
    scope1 = row_at(t, 2672)
    assert scope1.label == "溫室氣體排放總量（範圍一）"
    assert scope1.unit == "噸二氧化碳當量"
    assert texts(scope1) == ["68.13", "174.66"]
    assert [c.line for c in scope1.cells if c] == [2672, 2672]
    assert texts(row_at(t, 2671)) == ["3,836.89", "5,263.71"]
    assert texts(row_at(t, 2679)) == ["204,951.84", "132,954.07"]
    assert [r.label for r in t.rows if 2671 <= r.lines[0] <= 2679] == [
        "溫室氣體排放總量（範圍一+範圍二）", "溫室氣體排放總量（範圍一）", "車輛柴油", "車輛汽油",
        "溫室氣體排放總量（範圍二）", "電力（經營場所）", "電力(車輛)", "熱力(經營場所)", "溫室氣體排放總量（範圍三）",
    ]


def test_jdhealth_sub_rows_link_to_the_total_they_break_down(jdhealth):
    t = table_at(jdhealth.tables, 2672)
    scope1, scope2 = t.rows.index(row_at(t, 2672)), t.rows.index(row_at(t, 2675))
    # 0.12 + 68.01 = 68.13 and 133.00 + 41.66 = 174.66
    for line in (2673, 2674):
        assert (row_at(t, line).level, row_at(t, line).parent) == (1, scope1)
    for line in (2676, 2677, 2678):
        assert (row_at(t, line).level, row_at(t, line).parent) == (1, scope2)
    for line in (2671, 2672, 2675, 2679):
        assert (row_at(t, line).level, row_at(t, line).parent) == (0, None)


def test_jdhealth_key_table_oldest_year_first_with_wrapped_unit_and_footnote(jdhealth):
    t = table_at(jdhealth.tables, 4544)
    assert t.header_line == 4527
    assert [c.period for c in t.columns] == ["2023", "2024"]
    assert texts(row_at(t, 4544)) == ["174.66", "68.13"]
    intensity = row_at(t, 4554)  # label, unit wrapped over two lines, then the values line
    assert intensity.label == "二氧化碳排放密度"
    assert intensity.label_lines == [4550]
    assert intensity.unit == "噸二氧化碳當量/營業收入（萬元）"
    assert intensity.unit_line == 4551
    assert texts(intensity) == ["0.001", "0.001"] and intensity.cells[0].line == 4554
    section = row_at(t, 4539)
    assert section.is_section and section.label == "溫室氣體排放量及密度"
    social = table_at(jdhealth.tables, 4648)
    turnover = row_at(social, 4648)  # "員工流失比率 17 % 10.04 6.51": 17 is a footnote
    assert (turnover.label, turnover.note, turnover.unit) == ("員工流失比率", "17", "%")
    assert texts(turnover) == ["10.04", "6.51"]
    assert texts(row_at(social, 4621)) == [None, "212"]  # "/" printed for 2023
    wrapped = row_at(social, 4626)
    assert wrapped.label == "內部候選人填補空缺職位的 30 歲及以下（不含 30 歲）員工總數"
    assert wrapped.label_lines == [4623, 4624] and wrapped.unit == "人"
    assert row_section(social, social.rows.index(row_at(social, 4653))) == social.rows.index(row_at(social, 4650))


def test_medlive_column_dump_assembled(medlive):
    t = table_at(medlive.tables, 2149)
    assert t.layout == "columns" and t.header_line == 2157
    assert [c.period for c in t.columns] == ["2021", "2022"]
    power = row_at(t, 2141)
    assert (power.label, power.unit, power.unit_line) == ("外購電力消耗量", "兆瓦時", 2145)
    assert texts(power) == ["116.000", "129.480"]
    assert [c.line for c in power.cells if c] == [2149, 2153]
    waste = table_at(medlive.tables, 2044)
    assert waste.header_line == 2138 and waste.layout == "columns"
    per_capita = row_at(waste, 2044)
    assert (per_capita.label, per_capita.unit) == ("人均有害廢棄物產生量", "千克/人")
    assert texts(per_capita) == ["0.073", "0.067"]
    hazardous = waste.rows.index(row_at(waste, 2042))
    battery = row_at(waste, 2046)  # indented, and 0.015 + 0.008 + 0.014 = 0.037
    assert (battery.label, battery.level, battery.parent) == ("廢電池", 1, hazardous)
    assert row_at(waste, 2040).is_section


def test_medlive_rows_glued_before_the_dump(medlive):
    t = table_at(medlive.tables, 2026)
    assert t.header_line == 2038 and [c.period for c in t.columns] == ["2021", "2022"]
    assert t.title == "2022年環境關鍵績效"
    scope1 = row_at(t, 2026)
    assert scope1.label == "直接溫室氣體排放量（範疇一）"
    assert [(c.text, c.line) for c in scope1.cells if c] == [("0", 2026), ("0", 2032)]
    scope2 = row_at(t, 2028)
    assert [(c.text, c.line) for c in scope2.cells if c] == [("67.396", 2028), ("67.758", 2034)]
    assert [(c.text, c.line) for c in row_at(t, 2030).cells if c] == [("0.134", 2030), ("0.112", 2036)]


def test_medlive_dump_with_na_cells(medlive):
    t = table_at(medlive.tables, 2182)
    contract = row_at(t, 2182)
    assert (contract.label, contract.unit) == ("勞動合同簽訂率", "%")
    assert texts(contract) == [None, "100"]
    total = row_at(t, 2186)
    assert texts(total) == ["502", "605"]
    assert row_at(t, 2188).parent == t.rows.index(total)


def test_alihealth_fiscal_year_tables(alihealth):
    t = table_at(alihealth.tables, 986)
    assert [c.period for c in t.columns] == ["FY2023", "FY2024"]
    assert texts(row_at(t, 986)) == ["1,560", "1,435"]
    turnover = table_at(alihealth.tables, 1027)
    assert [(c.label, c.period) for c in turnover.columns] == [("2023財年6", "FY2023"), ("2024財年", "FY2024")]
    single = table_at(alihealth.tables, 953)
    assert [c.period for c in single.columns] == ["FY2024"] and texts(row_at(single, 953)) == ["40"]
    count = table_at(alihealth.tables, 1187)
    assert [(c.label, c.period) for c in count.columns] == [("數量", None)]


def test_alihealth_footnotes_glued_to_labels(alihealth):
    t = table_at(alihealth.tables, 1422)
    energy = row_at(t, 1422)
    assert (energy.label, energy.note, energy.unit) == ("綜合能源消耗量", "9", "噸標煤")
    ghg = row_at(t, 1430)  # label with note 10, unit wrapped over 1427 and 1429, values on 1430
    assert (ghg.label, ghg.note, ghg.unit) == ("溫室氣體排放總量", "10", "噸二氧化碳當量")
    assert texts(ghg) == ["845.29", "2,160.06"] and ghg.label_lines == [1426]


def test_pdf_table_rows(corpus_file):
    doc = esglens.parse(corpus_file("pdf/drax-2023-en.pdf"))
    t = next(t for t in doc.tables if any(r.label == "Group total Scope 1" for r in t.rows))
    assert [c.period for c in t.columns] == ["2023", "2022", "2021"]
    scope1 = next(r for r in t.rows if r.label == "Group total Scope 1")
    assert scope1.unit == "ktCO2e" and texts(scope1) == ["255", "336", "932"]
    market = next(r for r in t.rows if r.label.startswith("Group total Scope 2 (market"))
    assert market.label == "Group total Scope 2 (market-based)" and texts(market) == ["273", "332", "323"]
    per_gwh = next(r for r in t.rows if r.label.startswith("Generation emissions per GWh"))
    assert per_gwh.unit == "tCO2e/GWh" and texts(per_gwh) == ["11", "23", "33(1)"]


# --- synthetic layouts -----------------------------------------------------------------------


def test_english_labels_with_spaces_split_from_the_right():
    lines = make_lines("Indicator Unit FY2024 FY2023\nScope 1 emissions tCO2e 4,210 3,900\nScope 2 emissions tCO2e N/A 1,020")
    [t] = detect_tables(lines, None)
    assert [c.period for c in t.columns] == ["FY2024", "FY2023"]
    assert [(r.label, r.unit, texts(r)) for r in t.rows] == [
        ("Scope 1 emissions", "tCO2e", ["4,210", "3,900"]),
        ("Scope 2 emissions", "tCO2e", [None, "1,020"]),
    ]


def test_fiscal_document_reads_plain_years_as_fiscal():
    lines = make_lines("指標 單位 2024 2023\n用電量 兆瓦時 1,200 1,100\n用水量 噸 300 280")
    [t] = detect_tables(lines, Period("FY2024", "2023-04-01", "2024-03-31", fiscal=True))
    assert [c.period for c in t.columns] == ["FY2024", "FY2023"]
    [t] = detect_tables(lines, Period("2024", fiscal=False))
    assert [c.period for c in t.columns] == ["2024", "2023"]


def test_year_headers_in_words_and_unit_in_label_and_title():
    lines = make_lines("單位：噸\n項目 二零一九年 二零一八年\n無害廢棄物 532.66 434.28\n用水量（立方米） 1,000 900")
    [t] = detect_tables(lines, None)
    assert [c.period for c in t.columns] == ["2019", "2018"]
    assert t.title is None and t.unit == "噸"  # a unit line gives the unit; it is no title
    water = t.rows[1]
    assert (water.label, water.unit) == ("用水量（立方米）", "立方米")


def test_footnote_digits_detached_only_when_not_part_of_the_label():
    lines = make_lines("Datapoint 2023\nScope 12 4,210\nScope 3 900\nPM2.5 kg 12.5\nCO2 t 7\n範圍1 噸 5\n廢水排放量3 噸 40")
    [t] = detect_tables(lines, None)
    got = [(r.label, r.note) for r in t.rows]
    assert got == [("Scope 1", "2"), ("Scope 3", None), ("PM2.5", None), ("CO2", None), ("範圍1", None),
                   ("廢水排放量", "3")]
    assert texts(t.rows[0]) == ["4,210"]


def test_unit_glued_before_numbers():
    lines = make_lines("指標 2019年 2018年\n棄置廢棄物總量 公噸378.54 公噸334.91\n回收廢棄物總量 公噸154.12 不適用")
    [t] = detect_tables(lines, None)
    assert [(r.label, r.unit, texts(r)) for r in t.rows] == [
        ("棄置廢棄物總量", "公噸", ["378.54", "334.91"]),
        ("回收廢棄物總量", "公噸", ["154.12", None]),
    ]


def test_markdown_pipe_table():
    lines = make_lines("| 指標 | 單位 | 2021年 | 2020年 |\n|---|---|---|---|\n| 用電量 | 兆瓦時 | 1,200 | 1,100 |\n"
                       "| 員工總數 | 人 | 502 | — |")
    [t] = detect_tables(lines, None)
    assert [c.period for c in t.columns] == ["2021", "2020"]
    assert [(r.label, r.unit, texts(r)) for r in t.rows] == [
        ("用電量", "兆瓦時", ["1,200", "1,100"]),
        ("員工總數", "人", ["502", None]),
    ]


def test_wrapped_label_keeps_every_line():
    lines = make_lines("指標 單位 2023年 2022年\n\n按性別劃分的\n僱員流失率\n\n男員工 % 33.72 24.07\n\n"
                       "由內部候選人填補的空缺職位\n（內部招聘）\n% 11.3 19.6")
    [t] = detect_tables(lines, None)
    section, male, internal = t.rows
    assert section.is_section and section.label == "按性別劃分的僱員流失率" and section.label_lines == [3, 4]
    assert (male.label, texts(male)) == ("男員工", ["33.72", "24.07"])
    assert internal.label == "由內部候選人填補的空缺職位（內部招聘）"
    assert internal.label_lines == [8, 9] and internal.unit_line == 10 and internal.cells[0].line == 10


def test_column_dump_with_header_after_the_block():
    lines = make_lines("能源\n用電量\n用水量\n人均用水量\n兆瓦時\n噸\n噸/人\n10.5\n20\n0.2\n11.5\n21\n0.3\n"
                       "指標 單位 2021年數據 2022年數據")
    [t] = detect_tables(lines, None)
    assert t.layout == "columns" and t.header_line == 14
    assert [c.period for c in t.columns] == ["2021", "2022"]
    assert t.rows[0].is_section and t.rows[0].label == "能源"
    water = t.rows[2]
    assert (water.label, water.unit, texts(water)) == ("用水量", "噸", ["20", "21"])
    assert [c.line for c in water.cells if c] == [9, 12] and water.unit_line == 6


def test_indented_sub_rows_and_sum_parents():
    lines = make_lines("指標 單位 2023\n廢棄物總量 噸 10\n    廢紙 噸 4\n    廢電池 噸 6\n能源總量 MWh 9\n電力 MWh 5\n"
                       "天然氣 MWh 4\n用水量 噸 3")
    [t] = detect_tables(lines, None)
    assert [(r.label, r.level, r.parent) for r in t.rows] == [
        ("廢棄物總量", 0, None), ("廢紙", 1, 0), ("廢電池", 1, 0),
        ("能源總量", 0, None), ("電力", 1, 3), ("天然氣", 1, 3), ("用水量", 0, None),
    ]


def test_kpi_list_without_period_header():
    lines = make_lines("本年度關鍵數據\n\n員工總數 人 1,435\n\n培訓總時數 小時 46,000\n\n投訴數量 宗 12")
    [t] = detect_tables(lines, None)
    assert [(c.label, c.period) for c in t.columns] == [("", None)]
    assert [texts(r) for r in t.rows] == [["1,435"], ["46,000"], ["12"]]


def test_prose_with_numbers_is_not_a_table():
    text = ("2024 年，公司已制定能耗同比下降 2%的目標，為此公司積極開展電子辦公、綠色出行等行動。\n"
            "報告期內，平台日均問診量（不含開方）增長至11,045次，較去年增加 2,000 次。\n"
            "Revenue grew 58.3% to RMB 30.68 billion, and the number of annual active users reached 2021\n"
            "the company hired 1,200 new employees in the year while turnover fell to 12.5 per cent in 2020\n")
    assert detect_tables(make_lines(text), None) == []


def test_blank_and_furniture_lines_are_skipped():
    lines = make_lines("指標 單位 2024 2023\n溫室氣體 噸 5 6\n公司名稱 2024 ESG 報告 12\n用水量 噸 7 8")
    lines[2].role = "header"
    [t] = detect_tables(lines, None)
    assert [r.label for r in t.rows] == ["溫室氣體", "用水量"]


def test_split_value_mark():
    assert split_value_mark("525(1)") == ("525", "(1)")
    assert split_value_mark("3,8362") == ("3,836", "2")
    assert split_value_mark("12.5") == ("12.5", None)
    assert split_value_mark("71.7%") == ("71.7%", None)


def test_periods_repeated_per_segment():
    lines = make_lines("二零一九年廢棄物數據\n總計 教育業務\n2019年 2018年 2019年 2018年\n無害廢棄物10, 11\n"
                       "總產生量 532.66公噸 434.28公噸 319.45公噸 276.53公噸\n回收量 154.12公噸 99.36公噸 不適用 不適用")
    [t] = detect_tables(lines, None)
    assert [(c.label, c.period) for c in t.columns] == [
        ("總計 2019年", "2019"), ("總計 2018年", "2018"), ("教育業務 2019年", "2019"), ("教育業務 2018年", "2018"),
    ]
    assert t.title == "二零一九年廢棄物數據"
    section, produced, recycled = t.rows
    assert (section.label, section.note, section.is_section) == ("無害廢棄物", "10, 11", True)
    assert (produced.unit, texts(produced)) == ("公噸", ["532.66", "434.28", "319.45", "276.53"])
    assert texts(recycled) == ["154.12", "99.36", None, None]


def test_fiscal_year_spellings_and_unit_line_under_the_header():
    lines = make_lines("Indicator FY2023/24 2022/23\n(Unit: MWh)\nElectricity 1,200 1,100\nDiesel 30 25")
    [t] = detect_tables(lines, None)
    assert [c.period for c in t.columns] == ["FY2024", "FY2023"]
    assert t.unit == "MWh"
    assert [r.label for r in t.rows] == ["Electricity", "Diesel"]
    lines = make_lines("指標 單位 2024財政年度 2023財政年度\n用電量 兆瓦時 1,200 1,100")
    [t] = detect_tables(lines, None)
    assert [c.period for c in t.columns] == ["FY2024", "FY2023"]


def test_values_on_both_sides_of_the_unit():
    lines = make_lines("Direct emission (Scope 1) 13,662 - kg N/A\nIndirect emission (Scope 2) 4,490,634 2,615,863 kg 71.7%")
    [t] = detect_tables(lines, None)
    assert [(r.label, r.unit, texts(r)) for r in t.rows] == [
        ("Direct emission (Scope 1)", "kg", ["13,662", None, None]),
        ("Indirect emission (Scope 2)", "kg", ["4,490,634", "2,615,863", "71.7%"]),
    ]


def test_shares_and_rates_are_never_made_parts_of_a_row():
    lines = make_lines("指標 單位 2023\n培訓覆蓋率 % 100\n男員工 % 60\n女員工 % 40\n人均用水量 噸/人 5\n辦公室 噸/人 2\n倉庫 噸/人 3")
    [t] = detect_tables(lines, None)
    assert all(r.parent is None and r.level == 0 for r in t.rows)


def test_sub_row_words_make_a_row_part_of_the_one_above(tmp_path):
    from esglens import parse

    p = tmp_path / "r.txt"
    p.write_text(
        "Example Limited ESG Report 2023\n"
        "Table 10: Anti-corruption\n"
        "KPI Unit 2023 2022\n"
        "Employees attending anti-corruption training number 1,965 1,742\n"
        "- of which directors number 9 9\n"
        "Anti-corruption training hours hours 3,930 3,484\n"
        "表2 废弃物\n"
        "指标 单位 2023年 2024年\n"
        "危险废物产生量 吨 1,993.3 2,033.9\n"
        "其中：废有机溶剂 吨 1,254.8 1,286.4\n"
        "废活性炭 吨 398.2 412.7\n"
        "其他危险废物 吨 340.3 334.8\n"
        "一般工业固体废物产生量 吨 6,015.3 6,208.9\n",
        encoding="utf-8",
    )
    doc = parse(p)
    first, second = doc.tables
    assert [(r.label, r.parent) for r in first.rows] == [
        ("Employees attending anti-corruption training", None), ("- of which directors", 0),
        ("Anti-corruption training hours", None)]
    # the sub-row word opens the group; the rows after it that complete the sum join it
    assert [r.parent for r in second.rows] == [None, 0, 0, 0, None]


def test_html_footnote_superscripts_are_marks_not_digits(tmp_path):
    from esglens import extract, parse

    p = tmp_path / "r.html"
    p.write_text(
        "<html><body><p>Example Power Limited ESG Report 2024, covering 1 January to 31 December 2024.</p>\n"
        "<table>\n<tr><th>Indicator</th><th>Unit</th><th>2023</th><th>2024</th></tr>\n"
        "<tr><td>Scope 2 emissions – market-based<sup>2</sup></td><td>tCO<sub>2</sub>e</td>"
        "<td>12,640</td><td>4,872<sup>3</sup></td></tr>\n"
        "<tr><td>Water withdrawal</td><td>m<sup>3</sup></td><td>1,200</td><td>1,100</td></tr>\n"
        "<tr><td>Electricity consumption</td><td>MWh</td><td>84,039</td><td>84,790</td></tr>\n"
        "<tr><td>Purchased from the grid</td><td>MWh</td><td>48,931</td><td>46,148</td></tr>\n"
        "<tr><td>Self-generated renewable electricity</td><td>MWh</td><td>35,108</td><td>38,642</td></tr>\n"
        "</table></body></html>",
        encoding="utf-8",
    )
    table = parse(p).tables[0]
    market, water, electricity, grid, own = table.rows
    assert (market.label, market.note, market.unit) == ("Scope 2 emissions – market-based", "2", "tCO2e")
    assert water.unit == "m³"
    # "rate" inside "generated" is no ratio mark: both parts add up to electricity
    assert grid.parent == 2 and own.parent == 2
    s2 = [f for f in extract(p) if f.metric == "ghg_scope2" and f.period == "2024"]
    assert [f.value for f in s2] == [4872]  # never 48,723


def test_a_bracketed_qualifier_wrapped_into_the_notes_column_finishes_the_label(tmp_path):
    from esglens import parse

    p = tmp_path / "r.txt"
    p.write_text(
        "Example Power plc Annual Report 2023\n"
        "Carbon 2023 2022 2021 Notes\n"
        "Group total Scope 2 ktCO2e 231 333 323 Group total Scope 2 covers all indirect emissions\n"
        "(location-based) associated with our electricity and heat consumption,\n"
        "across all sites.\n"
        "Group total Scope 2 ktCO2e 273 332 323\n"
        "(market-based)\n",
        encoding="utf-8",
    )
    rows = parse(p).tables[0].rows
    labels = [r.label for r in rows if not r.is_section]
    assert labels == ["Group total Scope 2 (location-based)", "Group total Scope 2 (market-based)"]


def test_gri_style_text_layer_numbers(tmp_path):
    """Space thousands separators, negatives in parentheses, letter footnotes, a unit in the title."""
    from esglens import extract, parse

    p = tmp_path / "r.txt"
    p.write_text(
        "Example Logistics Limited Sustainability Report 2023\n"
        "This report covers 1 January 2023 to 31 December 2023.\n\n"
        "Table 3.2  Greenhouse gas emissions (tonnes CO2e)\n"
        "                                                       2023          2022\n"
        "Total Scope 1                                        54 505        56 515\n"
        "  Location-based                                     53 064     56 927(b)\n"
        "Land use, net(c)                                      (640)         (580)\n"
        "Group total Scope 1 ktCO2e                              255           336\n",
        encoding="utf-8",
    )
    table = parse(p).tables[0]
    assert table.unit == "tonnes CO2e"
    rows = {r.label: [c.text if c else None for c in r.cells] for r in table.rows}
    assert rows["Total Scope 1"] == ["54,505", "56,515"]
    assert rows["Land use, net"] == ["(640)", "(580)"]
    assert rows["Group total Scope 1"] == ["255", "336"]  # "1" stays in the label
    s1 = [f for f in extract(p) if f.metric == "ghg_scope1" and f.period == "2022" and not f.dims]
    assert [f.value for f in s1][:1] == [56515]


def test_markdown_table_with_bilingual_header_and_unit_cells():
    from pathlib import Path

    from esglens import extract

    example = Path(__file__).resolve().parents[1] / "examples" / "sample-esg-2024.md"
    facts = extract(example)
    elec = [f for f in facts if f.metric == "electricity" and f.period == "2023"]
    assert [(f.value, f.raw_unit, f.line) for f in elec] == [(3370.2, "兆瓦時", 69)]
    intensity = [f for f in facts if f.metric == "energy_intensity" and f.period == "2024"]
    assert [(f.value, f.unit) for f in intensity] == [(3.22, "MWh/employee")]


def test_markdown_two_row_header_with_segments(tmp_path):
    from esglens import extract

    p = tmp_path / "r.md"
    p.write_text(
        "# 示例酒店集團 2024財年環境、社會及管治報告\n\n本報告涵蓋2023年7月1日至2024年6月30日（「2024財年」）。\n\n"
        "| 指標 Indicator | 單位 | 香港 Hong Kong | | 澳門 Macau | | 總計 Total | |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| | | 2024財年 | 2023財年 | 2024財年 | 2023財年 | 2024財年 | 2023財年 |\n"
        "| 用水量 Water consumption | 立方米 | 486,200 | 452,900 | 301,800 | 262,400 | 788,000 | 715,300 |\n",
        encoding="utf-8",
    )
    water = {(f.period, tuple(sorted(f.dims.items()))): f.value for f in extract(p) if f.metric == "water"}
    assert water[("FY2024", ())] == 788000  # the "總計 Total" columns are the total
    assert water[("FY2023", (("category", "澳門 Macau"),))] == 262400


def test_indented_rows_belong_to_the_group_heading_above_them(tmp_path):
    from esglens import extract

    p = tmp_path / "r.txt"
    p.write_text(
        "Example Logistics Limited Sustainability Report 2023\n"
        "This report covers 1 January 2023 to 31 December 2023. Our indirect emissions from electricity fell.\n"
        "Table 3.2  Greenhouse gas emissions (tonnes CO2e)\n"
        "                                                       2023          2022\n"
        "Scope 1 - direct emissions\n"
        "  Road fleet                                         50 143        51 799\n"
        "Total Scope 1                                        54 505        56 515\n"
        "Scope 2 - indirect emissions from electricity\n"
        "  Location-based                                     53 064        56 927\n"
        "  Market-based                                       46 077        52 983\n"
        "Indirect emissions from electricity are reported on both bases, as indirect emissions from electricity\n"
        "are the largest indirect emissions from electricity use of the Group.\n",
        encoding="utf-8",
    )
    s2 = {(f.period, f.dims.get("basis")): f.value for f in extract(p) if f.metric == "ghg_scope2"}
    assert s2[("2023", "location")] == 53064 and s2[("2022", "market")] == 52983
    assert not [f for f in extract(p) if f.metric == "ghg_scope1" and f.value in (53064, 46077)]


def test_html_group_cells_spanning_rows(tmp_path):
    from esglens import extract

    p = tmp_path / "r.html"
    p.write_text(
        "<html><body><p>Example Bank Limited ESG Report 2024, covering 1 January to 31 December 2024.</p>\n"
        "<table>\n<tr><th colspan=\"2\">Indicator</th><th>Unit</th><th>2024</th><th>2023</th></tr>\n"
        "<tr><th rowspan=\"3\">Scope 1</th><th>Refrigerants (HFCs)</th><td>tCO2e</td><td>197.5</td><td>212.2</td></tr>\n"
        "<tr><th>Company vehicles, petrol</th><td>tCO2e</td><td>128.7</td><td>135.5</td></tr>\n"
        "<tr><th>Total Scope 1</th><td>tCO2e</td><td>326.2</td><td>347.7</td></tr>\n"
        "<tr><th colspan=\"2\">Total employees</th><td>persons</td><td>4,286</td><td>4,412</td></tr>\n"
        "<tr><th rowspan=\"2\">By rank</th><th>Senior management</th><td>persons</td><td>246</td><td>252</td></tr>\n"
        "<tr><th>General staff</th><td>persons</td><td>4,040</td><td>4,160</td></tr>\n"
        "</table></body></html>",
        encoding="utf-8",
    )
    facts = extract(p)
    s1 = {(f.period, tuple(sorted(f.dims.items()))): f.value for f in facts if f.metric == "ghg_scope1"}
    assert s1[("2024", ())] == pytest.approx(326.2)  # "Scope 1 – Total Scope 1" is the total
    assert len([k for k in s1 if k[0] == "2024" and k[1]]) == 2
    ranks = {f.dims.get("rank"): f.value for f in facts if f.metric == "employees_total" and f.period == "2023"}
    assert ranks[None] == 4412 and ranks["senior management"] == 252


def test_units_after_the_values_and_letter_marks():
    from esglens.ingest.table_cells import parse_row

    assert parse_row("Scope 1 emissions 412.6 398.1 405.3 kt CO2e", 3).unit == "kt CO2e"
    row = parse_row("Scope 3 emissions 3,842 3,915 R 4,026 kt CO2e", 3)
    assert (row.label, row.values) == ("Scope 3 emissions", ["3,842", "3,915", "4,026"])  # R: restated
    # a caption ending in a year and a unit in brackets is no row
    assert parse_row("Table 3.3 Scope 3 emissions by category, 2023 (tonnes CO2e)", 1).values != ["2023"]


def test_a_total_under_its_sources_takes_them_even_when_one_year_does_not_add_up():
    from esglens.ingest.table_rows import assign_hierarchy
    from esglens.model import Cell, TableRow

    def row(label, *values, section=False):
        return TableRow(label=label, label_lines=[1], cells=[Cell(v, 1) for v in values] if not section else [None, None],
                        unit=None if section else "ML", is_section=section)

    rows = [row("Water withdrawal by source", section=True), row("Surface water", "8,412", "8,935"),
            row("Groundwater", "12,604", "12,188"), row("Third-party water", "1,046", "1,102"),
            row("Total water withdrawal", "22,062", "22,252"),  # 2022 printed 22,252 for 22,225
            row("Water discharged", "7,687", "7,413"), row("Water consumed", "14,375", "14,839")]
    assign_hierarchy(rows, [0] * len(rows))
    assert [r.parent for r in rows[1:4]] == [4, 4, 4] and rows[5].parent is None


def test_age_bands_written_with_dashes_under_a_bullet():
    from esglens.ingest.table_cells import parse_row

    assert parse_row("- 31 - 40 0 N/A", 2).label == "- 31 - 40"
    assert parse_row("- 41 - 50 1 29%", 2).values == ["1", "29%"]


def test_a_unit_line_between_title_and_header():
    lines = make_lines("表4 按地區劃分的供應商數量\n單位：家\n地區 2023年 2022年\n華東 1,124 1,046\n合計 2,486 2,317")
    [t] = detect_tables(lines, None)
    assert (t.title, t.unit) == ("表4 按地區劃分的供應商數量", "家")


# --- layouts met in the seventh held-out round ----------------------------------------------


def test_a_table_printed_one_row_per_year_is_read_one_row_per_metric():
    lines = make_lines(
        "表二：溫室氣體排放\n"
        "年份 範圍一排放 範圍二排放 排放總量\n"
        "（公噸二氧化碳當量） （公噸二氧化碳當量） （公噸二氧化碳當量）\n"
        "2023 1,862.4 108,415.6 110,278.0\n"
        "2022 1,935.7 112,284.3 114,220.0\n"
        "2021 2,016.8 - 115,919.3\n"
        "註1：範圍二排放以地點為基礎計算。")
    table = table_at(detect_tables(lines, Period("2023")), 4)
    assert table.layout == "transposed" and table.title == "表二：溫室氣體排放"
    assert [(c.label, c.period, c.line) for c in table.columns] == [("2023", "2023", 4), ("2022", "2022", 5),
                                                                    ("2021", "2021", 6)]
    scope2 = table.rows[1]
    assert scope2.label == "範圍二排放" and scope2.unit == "公噸二氧化碳當量" and scope2.unit_line == 3
    assert texts(scope2) == ["108,415.6", "112,284.3", None]
    assert [c.line for c in scope2.cells if c] == [4, 5]


def test_a_year_column_without_metric_names_is_no_transposed_table():
    # "Year 2023 2022" is an ordinary header; rows of years and numbers under it stay a normal table
    lines = make_lines("Year 2023 2022\nScope 1 emissions tCO2e 120 110\nScope 2 emissions tCO2e 300 280")
    tables = detect_tables(lines, Period("2023"))
    assert all(t.layout != "transposed" for t in tables)


@pytest.mark.parametrize("header, change", [
    ("Indicator Unit FY2024 FY2023 Change (%)", "Change (%)"),
    ("指标 单位 2024年 2023年 同比变化", "同比变化"),
    ("指標 單位 2024年 2023年 變化率（%）", "變化率（%）"),
])
def test_a_change_column_after_the_periods_is_no_period(header, change):
    lines = make_lines(f"{header}\nScope 1 emissions tCO2e 1,846.3 1,972.8 -6.4")
    [table] = detect_tables(lines, Period("2024"))
    assert [c.period for c in table.columns][-1] is None and table.columns[-1].label == change
    assert texts(table.rows[0])[:2] == ["1,846.3", "1,972.8"]


def test_region_column_heads_of_several_words_are_one_column_each():
    lines = make_lines("Indicator Unit Hong Kong Singapore Total\n"
                       "Water consumption m3 1,051,206 282,417 1,333,623")
    [table] = detect_tables(lines, Period("FY2024", fiscal=True))
    assert [c.label for c in table.columns] == ["Hong Kong", "Singapore", "Total"]


def test_bilingual_segment_names_in_a_pipe_row_are_not_breakdown_columns():
    lines = make_lines("| 指標 Indicator | 單位 | 香港 Hong Kong | | 澳門 Macau | |\n"
                       "|---|---|---|---|---|---|\n"
                       "| | | 2024財年 | 2023財年 | 2024財年 | 2023財年 |\n"
                       "| 柴油 Diesel | 公升 | 21,480 | 19,860 | 8,640 | 7,920 |")
    [table] = detect_tables(lines, Period("FY2024", fiscal=True))
    assert [c.period for c in table.columns] == ["FY2024", "FY2023", "FY2024", "FY2023"]


def test_square_metres_written_m2_close_an_intensity_unit():
    lines = make_lines("Indicator Unit FY2024 FY2023\nEnergy intensity4 kWh/m2 53.8 56.6\n"
                       "Average training hours per employee hours 21.6 19.8")
    [table] = detect_tables(lines, Period("FY2024", fiscal=True))
    energy, training = table.rows
    assert (energy.label, energy.unit, energy.note, texts(energy)) == ("Energy intensity", "kWh/m2", "4", ["53.8", "56.6"])
    assert (training.label, training.unit) == ("Average training hours per employee", "hours")


def test_a_numbered_section_heading_does_not_continue_the_last_row():
    lines = make_lines("地區 2023年 2022年\n華東 1,124 1,046\n境外 27 25\n合計 1,151 1,071\n（四）產品責任")
    [table] = detect_tables(lines, Period("2023"))
    assert table.rows[-1].label == "合計" and table.rows[-1].lines == [4]


def test_a_numbered_footnote_under_a_table_with_a_notes_column_ends_the_table():
    lines = make_lines("Indicator Note Unit FY2024 FY2023\nLost-time injury rate 13 per 200,000 hours worked 0.41 0.52\n"
                       "Lost days due to work injury days 386 452\n"
                       "13 Lost-time injury rate = lost-time injuries x 200,000 / total hours worked (6.82 million hours).\n"
                       "Our teams received 326 complaints in FY2024\n(FY2023: 358), mainly about air-conditioning.")
    [table] = detect_tables(lines, Period("FY2024", fiscal=True))
    assert table.last_line == 3 and [r.label for r in table.rows][-1] == "Lost days due to work injury"


def test_business_segments_between_the_unit_column_and_a_total_column_name_the_columns():
    lines = make_lines("指標 單位 物業投資 酒店 零售 總計\n外購電力 千瓦時 98,425,300 46,180,700 21,634,800 166,240,800")
    [table] = detect_tables(lines, Period("2024"))
    assert [c.label for c in table.columns] == ["物業投資", "酒店", "零售", "總計"]


def test_a_unit_in_brackets_in_the_headers_first_column_is_the_tables_unit():
    lines = make_lines("能源類型（千千瓦時） 2024年 2023年\n外購電力 166,420.8 171,356.4\n"
                       "範圍1排放來源（公噸二氧化碳當量） 2024年 2023年\n煤氣燃燒 5,236.4 5,409.7")
    first, second = detect_tables(lines, Period("2024"))
    assert (first.unit, second.unit) == ("千千瓦時", "公噸二氧化碳當量")


def test_a_chinese_label_wrapped_after_its_values_keeps_its_bracketed_end_but_not_the_next_heading():
    lines = make_lines("指標 單位 2024年 2023年\n範圍2能源間接溫室氣體 公噸二氧化碳當量 70,066.6 73,408.9\n排放（按地點基準）\n"
                       "範圍一排放量 公噸二氧化碳當量 38,379.0 40,714.4\n範圍二（能源間接排放）\n外購電力 公噸二氧化碳當量 220,434.6 228,796.9")
    [table] = detect_tables(lines, Period("2024"))
    labels = [r.label for r in table.rows]
    assert labels[0] == "範圍2能源間接溫室氣體排放（按地點基準）"
    assert "範圍一排放量" in labels and "範圍二（能源間接排放）" in labels
