"""Numbers as printed: table cells, prose figures, multipliers, footnote marks, qualifiers."""

from __future__ import annotations

import pytest

from esglens.numbers import chinese_number, chinese_year, find_numbers, is_null, parse_number, split_footnote


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,836.89", 3836.89),
        ("1587.000", 1587.0),
        ("204,951.84", 204951.84),
        ("0", 0.0),
        ("0.000007", 0.000007),
        ("(1,234)", -1234.0),
        ("-5.2", -5.2),
        ("1.23億", 123_000_000.0),
        ("2,000萬", 20_000_000.0),
        ("2.4万", 24_000.0),
        ("3.5千", 3_500.0),
        ("58.3%", 58.3),
        ("100%", 100.0),
    ],
)
def test_parse_number_values(text, value):
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["-", "—", "–", "N/A", "n/a", "不適用", "/", "", "  ", "abc", "員工總數"])
def test_empty_marks_and_words_are_not_numbers(text):
    assert parse_number(text) is None


def test_null_marks():
    assert is_null("不適用") and is_null("—") and is_null("N/A")
    assert not is_null("0")


def test_multiplier_and_percent_are_recorded():
    wan = parse_number("2,000萬")
    assert wan.multiplier == 1e4 and wan.raw == "2,000萬"
    pct = parse_number("58.3%")
    assert pct.percent and pct.value == 58.3
    assert not parse_number("58.3").percent


def test_qualifiers_kept_but_reached_is_not_an_approximation():
    assert parse_number("超過2,000萬").qualifier == "超過"
    assert parse_number("約58.3%").qualifier == "約"
    assert parse_number("over 1,000").qualifier == "over"
    assert parse_number("approximately 4,210").qualifier == "approximately"
    reached = parse_number("達到1.23億")
    assert reached.qualifier is None and reached.value == 123_000_000


def test_footnote_marks():
    assert split_footnote("68.13¹") == ("68.13", "1")
    assert split_footnote("12,345²") == ("12,345", "2")
    assert split_footnote("4,2102") == ("4,210", "2")  # digits glued after a full thousands group
    assert split_footnote("5*") == ("5", "*")
    assert split_footnote("3,836.89") == ("3,836.89", None)
    parsed = parse_number("68.13¹")
    assert parsed.value == 68.13 and parsed.note == "1"


def test_find_numbers_in_prose_with_offsets():
    text = "累計捐贈超過2,000萬元，年度活躍用戶數量達到1.23億，人均培訓時長為32小時"
    spans = find_numbers(text)
    assert [s.number.value for s in spans] == [20_000_000, 123_000_000, 32]
    first = spans[0]
    assert text[first.start:first.end] == "超過2,000萬" and first.number.qualifier == "超過"
    assert text[spans[2].start:spans[2].end] == "32"


def test_find_numbers_does_not_take_the_kilo_of_a_unit_as_a_multiplier():
    spans = find_numbers("外購電力1,482,187.78千瓦時")
    assert spans[0].number.value == pytest.approx(1482187.78)
    assert spans[0].number.multiplier == 1.0


def test_find_numbers_skips_names_and_brackets():
    text = "Scope 1 emissions were approximately 4,210 tCO2e (2022: 3,900); PM2.5 and COVID-19"
    values = [s.number.value for s in find_numbers(text)]
    assert 4210 in values and 3900 in values
    assert -19 not in values and 2.5 not in values
    approx = next(s for s in find_numbers(text) if s.number.value == 4210)
    assert approx.number.qualifier == "approximately"


def test_chinese_numerals_and_years():
    assert chinese_number("零") == 0
    assert chinese_number("三") == 3
    assert chinese_number("十二") == 12
    assert chinese_number("二十五") == 25
    assert chinese_number("一百零三") == 103
    assert chinese_number("員工") is None
    assert parse_number("三").value == 3
    assert chinese_year("二零一九") == 2019
    assert chinese_year("二〇二三年") == 2023
    assert chinese_year("十二") is None


def test_english_multipliers_glued_or_spelled_out():
    assert parse_number("3.5m").value == 3_500_000
    assert parse_number("2 million").value == 2_000_000
    values = {t: [s.number.value for s in find_numbers(t)] for t in ("HK$12.3bn", "2.5 million tonnes", "1,000 m of pipe", "50 m3")}
    assert values["HK$12.3bn"] == [12_300_000_000]
    assert values["2.5 million tonnes"] == [2_500_000]
    assert values["1,000 m of pipe"] == [1000]  # metres, not millions
    assert values["50 m3"] == [50]
