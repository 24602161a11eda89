"""Line normalisation and the matching form, on hand-made and real corpus lines."""

from __future__ import annotations

import pytest

from esglens.ingest.normalize import matching_form, matching_forms, normalize_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\u2f45法", "方法"),  # KANGXI RADICAL SQUARE
        ("\u2f08員", "人員"),  # KANGXI RADICAL MAN
        ("\u2edb險", "风險"),  # CJK RADICAL C-SIMPLIFIED WIND
        ("\u2ecb輛", "车輛"),  # CJK RADICAL C-SIMPLIFIED CART
        ("\u2ed3期", "长期"),  # CJK RADICAL C-SIMPLIFIED LONG
        ("\u2ed4店", "门店"),  # CJK RADICAL C-SIMPLIFIED GATE
        ("\u2ed7水", "雨水"),  # CJK RADICAL RAIN
        ("\uf9a8牌", "令牌"),  # CJK COMPATIBILITY IDEOGRAPH-F9A8
        ("\U0002f800", "\u4e3d"),  # CJK COMPATIBILITY IDEOGRAPH-2F800
        ("２０２４年", "2024年"),
        ("ＧＲＩ ｓｔａｎｄａｒｄｓ", "GRI standards"),
        ("ﬁnancial", "financial"),
    ],
)
def test_compatibility_forms_become_ordinary_characters(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("總耗水量 m³ 41,250", "總耗水量 m³ 41,250"),
        ("辦公面積 5,000 ㎡", "辦公面積 5,000 m²"),
        ("用水 1,200 ㎥", "用水 1,200 m³"),
        ("耗電 ㎾h", "耗電 kWh"),
        ("天然氣 ㎏", "天然氣 kg"),
    ],
)
def test_units_keep_their_exponent(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


def test_cjk_punctuation_is_kept_as_printed() -> None:
    assert normalize_line("溫室氣體（範圍一）「報告期」，環境、社會") == "溫室氣體（範圍一）「報告期」，環境、社會"


def test_invisible_characters_removed_and_space_runs_collapsed_not_removed() -> None:
    assert normalize_line("排放\u200b量\u00a0 噸   120.5\t135.2 ") == "排放量 噸 120.5 135.2"
    assert normalize_line("\ufeff 報告") == "報告"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("集 團 氣 候", "集團氣候"),
        ("環 境 、 社 會", "環境、社會"),
        ("遇 上 有 所 區 別 。 同 時 ， 我 們", "遇上有所區別。同時，我們"),
    ],
)
def test_spaced_out_characters_are_joined(raw: str, expected: str) -> None:
    assert normalize_line(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "員工總數 人 500 600",  # label, unit, values
        "有 有 有",  # yes/no cells of a board table
        "主席 劉強東 男 提名委員會主席 有 有 有",
        "噸 人 次",  # a unit column glued into one line
        "男 女",
        "集 團 2024 年",  # never across a number
    ],
)
def test_table_cells_are_not_glued(raw: str) -> None:
    assert normalize_line(raw) == raw


def test_spaced_out_corpus_line_is_joined(corpus_file) -> None:
    lines = corpus_file("jdhealth-esg-2024.zh-hant.txt").read_text(encoding="utf-8").split("\n")
    assert lines[2639] == "集 團 氣 候 變 化 的 期 待 ，"  # line 2640, read in the file
    assert normalize_line(lines[2639]) == "集團氣候變化的期待，"
    assert lines[1365] == "有 有 有"  # line 1366: a board-committee table row
    assert normalize_line(lines[1365]) == "有 有 有"


def test_matching_form_is_simplified_casefolded_and_ascii_punctuated() -> None:
    assert matching_form("環境、社會及管治報告（範圍一）：ＧＲＩ") == "环境、社会及管治报告(范围一):gri"


def test_traditional_and_simplified_share_one_matching_form() -> None:
    assert matching_form("溫室氣體排放總量") == matching_form("温室气体排放总量")
    assert matching_form("員工總數，僱傭") == matching_form("员工总数，雇佣")


@pytest.mark.parametrize("text", ["溫室氣體（範圍二，基於市場）", "İstanbul Straße", "頭髮 發展 乾燥", ""])
def test_matching_form_has_the_length_of_the_text(text: str) -> None:
    assert len(matching_form(text)) == len(text)


def test_batch_matching_forms_equal_single_ones(corpus_file) -> None:
    raw = corpus_file("alihealth-esg-fy2024.zh-hant.txt").read_text(encoding="utf-8").split("\n")
    texts = [normalize_line(r) for r in raw]
    batch = matching_forms(texts)
    assert batch == [matching_form(t) for t in texts]
    assert all(len(m) == len(t) for m, t in zip(batch, texts))
