"""Units as printed in reports: recognition, parsing, and conversion to the canonical units."""

from __future__ import annotations

import pytest

from esglens.units import UnitError, canonical_unit_for, is_unit, parse_unit, to_canonical

PRINTED_UNITS = [
    "噸", "公噸", "吨", "t", "tonnes", "千克", "公斤", "kg", "克",
    "噸二氧化碳當量", "吨二氧化碳当量", "tCO2e", "tCO₂e", "tCO2-e", "t CO2e", "ktCO2e", "MtCO2e", "千噸二氧化碳當量",
    "噸二氧化碳", "tCO2",
    "千瓦時", "kWh", "兆瓦時", "MWh", "GWh", "吉焦", "GJ", "TJ", "千克標準煤", "噸標準煤", "噸標煤", "千克標煤", "tce", "kgce",
    "立方米", "m³", "m3", "升", "L", "litres", "公升", "千升",
    "人", "名", "位", "人次", "%", "個", "家", "宗", "起", "件", "次", "小時", "hours", "天", "日", "days",
    "元", "萬元", "億元", "人民幣", "港元", "HK$", "RMB", "USD", "£", "GBP", "S$", "SGD",
    "噸/人", "噸二氧化碳當量/員工", "噸二氧化碳當量/百萬元收入", "千克/萬元營業收入", "kWh/m²", "MWh/平方米",
    "tCO2e/employee", "tCO2e per employee", "(MWh)", "（噸）",
    # as printed in the corpus KPI tables
    "千瓦時╱人", "噸標煤╱人", "千克標準煤/萬元營收", "噸/營業收入（萬元）", "千克/營業收入（萬元）", "噸二氧化碳當量/人",
]


@pytest.mark.parametrize("token", PRINTED_UNITS)
def test_printed_units_are_units(token):
    assert is_unit(token)


@pytest.mark.parametrize("token", ["2024", "68.13", "女性", "員工總數", "目標", "30歲以下", "", "  ", "Scope 1"])
def test_words_and_numbers_are_not_units(token):
    assert not is_unit(token)


def test_parse_keeps_gas_basis_and_kind():
    co2e = parse_unit("噸二氧化碳當量")
    co2 = parse_unit("噸二氧化碳")
    assert (co2e.unit, co2e.gas, co2e.kind) == ("tCO2e", "CO2e", "emissions")
    assert (co2.unit, co2.gas) == ("tCO2", "CO2")
    assert parse_unit("港元").currency == "HKD"
    assert parse_unit("HK$'000").multiplier == 1000
    assert parse_unit("人民幣百萬元").multiplier == 1e6
    assert parse_unit("%").kind == "percent"


def test_intensity_keeps_and_normalises_its_denominator():
    assert parse_unit("噸二氧化碳當量/人").canonical == "tCO2e/employee"
    assert parse_unit("噸二氧化碳當量/百萬元營業收入").canonical == "tCO2e/RMB million revenue"
    per_10k = parse_unit("千克/萬元營業收入")
    assert per_10k.denominator == "RMB million revenue" and per_10k.denominator_factor == 100
    assert parse_unit("kWh/m²").denominator == "m²"
    assert parse_unit("tCO2e per HK$ million revenue").denominator == "HKD million revenue"


@pytest.mark.parametrize(
    ("value", "raw", "target", "expected"),
    [
        (1000, "kWh", "MWh", 1.0),  # x1000 trap: kWh is not MWh
        (1000, "千瓦時", "MWh", 1.0),
        (5, "兆瓦時", "MWh", 5.0),
        (3.6, "GJ", "MWh", 1.0),
        (1, "tce", "MWh", 8.141),  # 29.3076 GJ
        (1000, "千克標準煤", "MWh", 8.141),
        (2, "萬千瓦時", "MWh", 20.0),
        (2, "kt", "t", 2000.0),
        (255, "ktCO2e", "tCO2e", 255000.0),
        (1500, "千克", "t", 1.5),
        (100, "升", "m³", 0.1),
        (2, "千升", "L", 2000.0),
        (2, "萬元", "RMB", 20000.0),
        (1.5, "億元", "RMB", 150000000.0),
        (1500, "千克/人", "t/employee", 1.5),
        (3, "噸二氧化碳當量/萬元營業收入", "tCO2e/RMB million revenue", 300.0),
        (0.2, "千克標準煤/萬元營收", "MWh/RMB million revenue", 0.2 * 100 * 8.141 / 1000),
        (7, "人", "persons", 7.0),
        (58.3, "%", "%", 58.3),
    ],
)
def test_to_canonical(value, raw, target, expected):
    assert to_canonical(value, raw, target) == pytest.approx(expected)


def test_water_tonnes_become_cubic_metres_only_for_water():
    assert canonical_unit_for("噸", "m³", metric="water") == "m³"
    assert to_canonical(11128.26, "噸", "m³", metric="water") == pytest.approx(11128.26)
    with pytest.raises(UnitError):
        canonical_unit_for("噸", "m³", metric="natural_gas")
    with pytest.raises(UnitError):
        to_canonical(5, "噸", "m³", metric="natural_gas")


def test_tco2_is_never_relabelled_tco2e():
    assert canonical_unit_for("噸二氧化碳", "tCO2e") == "tCO2"
    assert canonical_unit_for("tCO2/employee", "tCO2e/employee") == "tCO2/employee"
    with pytest.raises(UnitError):
        to_canonical(1.0, "tCO2", "tCO2e")
    with pytest.raises(UnitError):
        to_canonical(1.0, "tCO2e", "tCO2")


def test_canonical_unit_for_metric_units():
    assert canonical_unit_for("千瓦時", "MWh") == "MWh"
    assert canonical_unit_for("千克/人", "t/employee") == "t/employee"
    assert canonical_unit_for("噸二氧化碳當量/百萬元收入", "tCO2e/employee") == "tCO2e/RMB million revenue"
    assert canonical_unit_for("小時/人", "h") == "h"  # average hours per person is still hours
    assert canonical_unit_for("家", "count") == "count"
    assert canonical_unit_for("名", "persons") == "persons"
    # a fuel accepts volume, mass or energy: the printed kind is kept
    assert canonical_unit_for("噸", ["L", "t", "MWh"]) == "t"
    assert canonical_unit_for("公升", ["L", "t", "MWh"]) == "L"


@pytest.mark.parametrize(
    ("raw", "metric_unit"),
    [("千瓦時", "tCO2e"), ("人", "MWh"), ("tCO2e/employee", "tCO2e"), ("噸二氧化碳當量", "tCO2e/employee"), ("%", "persons")],
)
def test_incompatible_units_raise_a_value_error(raw, metric_unit):
    with pytest.raises(ValueError):
        canonical_unit_for(raw, metric_unit)


def test_unknown_unit_raises_unit_error():
    with pytest.raises(UnitError):
        parse_unit("furlongs per fortnight")


def test_greenhouse_gas_printed_in_plain_mass_is_converted_not_refused():
    # sinocloud-2023-en.pdf p.17: "Total greenhouse gas emission 4,504,296 2,615,863 kg"
    assert canonical_unit_for("kg", "tCO2e") == "tCO2e"
    assert to_canonical(4_504_296, "kg", "tCO2e") == pytest.approx(4504.296)


def test_denominator_words_are_normalised():
    # sinocloud-2023-en.pdf p.16: "kWh / number of rack", "m3 / number of staff"
    assert parse_unit("kWh / number of rack").canonical == "kWh/rack"
    assert parse_unit("m3 / number of staff").canonical == "m³/employee"
    assert parse_unit("噸/營業收入（萬元）").canonical == "t/RMB million revenue"


def test_a_label_carrying_its_unit_is_not_a_unit():
    assert not is_unit("用水量（立方米）")
    assert is_unit("（立方米）") and is_unit("噸(附註1)")


def test_footnote_marks_glued_to_a_unit():
    assert parse_unit("噸二氧化碳當量2").canonical == "tCO2e"
    assert parse_unit("噸¹").canonical == "t"
    assert parse_unit("m3").canonical == "m³"  # a digit that is part of the unit stays
    assert parse_unit("tCO2").gas == "CO2"


def test_letter_case_decides_million_tonnes_against_metric_tonnes():
    # x1,000,000 trap: MtCO2e is million tonnes, MTCO2e (US usage) metric tonnes
    assert to_canonical(1.2, "MtCO2e", "tCO2e") == pytest.approx(1_200_000)
    assert to_canonical(1.2, "MTCO2e", "tCO2e") == pytest.approx(1.2)
    assert to_canonical(3, "Mt", "t") == pytest.approx(3_000_000)
    assert to_canonical(3, "MT", "t") == pytest.approx(3)
