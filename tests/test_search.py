"""Search over the library's lines: either Chinese script finds the other, English works, hits highlighted."""

from __future__ import annotations

import pytest

import esglens
from esglens.model import Period
from esglens.store import Library
from esglens.store import search as search_mod

SIMPLIFIED = """绿源科技 2024 年环境、社会及管治报告
温室气体排放总量为 1,234 吨二氧化碳当量
本年度员工人数为 120 人
"""
TRADITIONAL = """綠源科技 2023 年環境、社會及管治報告
員工培訓時數合計 3,600 小時
溫室氣體排放
"""
ENGLISH = """Green Source 2024 ESG report
Scope 2 emissions (market-based) were 456 tCO2e
Water consumption [bold]fell[/bold] by 5% < 10% target & falling
Total water consumption in the year across all of the group's offices, warehouses and data centres was 9,000 m3
"""


def _add(lib: Library, tmp_path, name: str, body: str, company: str, period: str) -> int:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    doc = esglens.parse(path)
    doc.metadata.company = company
    doc.metadata.period = Period(period)
    return lib.add_document(doc).report_id


@pytest.fixture
def lib(tmp_path):
    library = Library(tmp_path / "lib.sqlite")
    _add(library, tmp_path, "hans.txt", SIMPLIFIED, "绿源科技", "2024")
    _add(library, tmp_path, "hant.txt", TRADITIONAL, "綠源科技有限公司", "2023")
    _add(library, tmp_path, "en.txt", ENGLISH, "Green Source Ltd", "2024")
    yield library
    library.close()


def _hits(lib, query, **kw):
    return [(h.filename, h.line) for h in lib.search(query, **kw)]


def test_traditional_query_finds_simplified_line_and_highlights_in_its_script(lib):
    hits = lib.search("溫室氣體排放總量")
    assert [(h.filename, h.line) for h in hits] == [("hans.txt", 2)]
    hit = hits[0]
    assert hit.company == "绿源科技" and hit.period == "2024"
    marked = [s for s, is_hit in hit.highlighted.segments if is_hit]
    assert "".join(marked) == "温室气体排放总量"
    assert hit.highlighted.text == "温室气体排放总量为 1,234 吨二氧化碳当量"


def test_simplified_query_finds_traditional_line(lib):
    assert _hits(lib, "员工培训") == [("hant.txt", 2)]
    hit = lib.search("员工培训")[0]
    assert hit.highlighted.html() == "<mark>員工培訓</mark>時數合計 3,600 小時"


def test_both_scripts_found_by_one_query(lib):
    assert sorted(_hits(lib, "温室气体排放")) == [("hans.txt", 2), ("hant.txt", 3)]
    # the shorter line (the term is most of it) ranks first under bm25
    assert _hits(lib, "溫室氣體排放")[0] == ("hant.txt", 3)


def test_english_is_case_insensitive_and_all_words_must_match(lib):
    assert _hits(lib, "SCOPE 2 Emissions") == [("en.txt", 2)]
    assert _hits(lib, "market-based") == [("en.txt", 2)]
    assert _hits(lib, "scope 3") == []
    assert _hits(lib, "water consumption")[0] == ("en.txt", 3)  # shorter line first
    assert len(_hits(lib, "water consumption")) == 2


def test_highlight_escapes_markup_from_the_report(lib):
    hit = lib.search("water fell")[0]
    assert hit.highlighted.text == "Water consumption [bold]fell[/bold] by 5% < 10% target & falling"
    assert hit.highlighted.html().endswith(" by 5% &lt; 10% target &amp; falling")
    assert "<mark>fell</mark>" in hit.highlighted.html()
    assert "\\[bold]" in hit.highlighted.rich()  # the report's own brackets are not Rich markup


def test_filters_and_limits(lib):
    assert sorted(_hits(lib, "绿源科技", company="綠源科技")) == [("hans.txt", 1), ("hant.txt", 1)]
    assert len(lib.search("绿源科技", limit=1)) == 1


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "NEAR(a b", "*", "  ", "：，。", "a:b^c", "'; DROP TABLE lines"])
def test_queries_with_fts_syntax_are_text_not_errors(lib, query):
    assert isinstance(lib.search(query), list)
    assert lib.counts()["lines"] > 0


def test_fold_and_tokens():
    assert search_mod.fold("溫室氣體ＡＢＣ") == "温室气体abc"
    assert "温室" in search_mod.tokens("溫室氣體排放").split()
    assert search_mod.fts_query("   ") is None
    # words in almost every line are neither indexed nor searched for
    assert "的" not in search_mod.tokens("我們的員工").split()
    assert search_mod.fts_query("的") is None


def test_corpus_search_across_scripts(tmp_path, corpus_file):
    news = corpus_file("jdhealth-results-2021-news.zh-hans.md")  # Simplified Chinese
    report = corpus_file("jdhealth-esg-2024.zh-hant.txt")  # Traditional Chinese
    with Library(tmp_path / "lib.sqlite") as library:
        assert len(library.add([news, report]).added) == 2
        # line 2675 of the Traditional report: 溫室氣體排放總量（範圍二） 噸二氧化碳當量 3,768.75 5,089.05
        assert (report.name, 2675) in _hits(library, "温室气体排放总量 范围二", limit=50)
        # lines 10, 11 and 16 of the Simplified news item name its 京东健康公益平台
        news_lines = {line for name, line in _hits(library, "京東健康公益平台", limit=50) if name == news.name}
        assert {10, 11, 16} <= news_lines


def test_chinese_numerals_and_digits_find_each_other():
    from esglens.store.search import fts_query, tokens

    assert tokens("範圍二溫室氣體排放") == tokens("范围2温室气体排放")
    assert fts_query("範圍2") == fts_query("范围二")
    assert "2" not in tokens("二氧化碳排放").split()  # a numeral inside a word stays in the word
