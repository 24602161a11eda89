"""Document metadata: company, period (calendar and fiscal), language, script, standards."""

from __future__ import annotations

import pytest

import esglens
from esglens.ingest.metadata import detect_metadata
from esglens.ingest.normalize import matching_forms, normalize_line
from esglens.model import Line, Period


def _meta(texts: list[str], front_matter: dict | None = None):
    norm = [normalize_line(t) for t in texts]
    lines = [Line(no=i + 1, raw=t, text=n, match=m) for i, (t, n, m) in enumerate(zip(texts, norm, matching_forms(norm)))]
    return detect_metadata(lines, front_matter or {}, "report.txt")


# Values below were read in each corpus file (company names, period sentences, standards cited).
CORPUS = {
    "jdhealth-esg-2024.zh-hant.txt": dict(
        company="京東健康股份有限公司", period=Period("2024", "2024-01-01", "2024-12-31"), script="hant",
        language="zh", standards={"HKEX ESG Code", "GRI", "TCFD", "IFRS S2", "SDGs", "GHG Protocol"},
        hkex="Appendix C2",
    ),
    "alihealth-esg-fy2024.zh-hant.txt": dict(
        company="阿里健康信息技術有限公司", period=Period("FY2024", "2023-04-01", "2024-03-31", fiscal=True),
        script="hant", language="zh", standards={"HKEX ESG Code", "IFRS S2"}, hkex="Appendix C2",
    ),
    "medlive-esg-2022.zh-hant.txt": dict(
        company="醫脈通科技有限公司", period=Period("2022", "2022-01-01", "2022-12-31"), script="hant",
        language="zh", standards={"HKEX ESG Code", "GRI", "SDGs"}, hkex="Appendix 27",
    ),
    "jdhealth-results-2021-news.zh-hans.md": dict(
        company="京东健康股份有限公司", period=Period("2021", "2021-01-01", "2021-12-31"), script="hans",
        language="zh", standards=set(), hkex=None,
    ),
    "pdf/fullshare-2019-tc.pdf": dict(
        company="豐盛控股有限公司", period=Period("2019", "2019-01-01", "2019-12-31"), script="hant",
        language="zh", standards={"HKEX ESG Code"}, hkex="Appendix 27",
    ),
    "pdf/sinocloud-2023-en.pdf": dict(
        company="SinoCloud Group Limited", period=Period("FY2023", "2022-07-01", "2023-06-30", fiscal=True),
        script=None, language="en", standards={"GRI", "TCFD", "SGX"}, hkex=None,
    ),
    "pdf/drax-2023-en.pdf": dict(
        company="Drax Group plc", period=Period("2023", "2023-01-01", "2023-12-31"), script=None,
        language="en", standards={"GHG Protocol"}, hkex=None,
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_metadata(corpus_file, name: str) -> None:
    expected = CORPUS[name]
    meta = esglens.parse(corpus_file(name)).metadata
    assert meta.company == expected["company"]
    assert meta.period == expected["period"]
    assert meta.language == expected["language"]
    assert meta.script == expected["script"]
    assert set(meta.standards) == expected["standards"]
    assert meta.hkex_code_version == expected["hkex"]


def test_news_item_takes_title_and_date_from_front_matter(corpus_file) -> None:
    meta = esglens.parse(corpus_file("jdhealth-results-2021-news.zh-hans.md")).metadata
    assert meta.title.startswith("京东健康公布2021年全年业绩")
    assert meta.date == "2022-03-28"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The reporting period is from 1 April 2023 to 31 March 2024.", Period("FY2024", "2023-04-01", "2024-03-31", True)),
        ("本報告涵蓋截至2024年3月31日止財政年度。", Period("FY2024", "2023-04-01", "2024-03-31", True)),
        ("This report covers the year ended 31 December 2023.", Period("2023", "2023-01-01", "2023-12-31")),
        ("Data cover July 1, 2023 through June 30, 2024.", Period("FY2024", "2023-07-01", "2024-06-30", True)),
        ("報告期為2024年1月1日至2024年12月31日。", Period("2024", "2024-01-01", "2024-12-31")),
        ("報告期為2023年7月1日至2024年6月30日。", Period("FY2024", "2023-07-01", "2024-06-30", True)),
        ("二零一九年環境、社會及管治報告", Period("2019", "2019-01-01", "2019-12-31")),
    ],
)
def test_period_wording(sentence: str, period: Period) -> None:
    assert _meta([sentence]).period == period


def test_fiscal_label_without_dates() -> None:
    meta = _meta(["Sustainability highlights for FY2024 and targets for FY2025.", "In FY2024 we cut energy use."])
    assert meta.period == Period("FY2024", fiscal=True)


def test_standards_need_the_word_itself() -> None:
    meta = _meta([
        "Agricultural programmes grew; the IFRS accounting results are in the annual report.",
        "非國際財務報告準則指標下淨利潤增長。",
    ])
    assert meta.standards == []
    meta = _meta(["We report with reference to the GRI Standards, the ISSB's IFRS S2 and the SASB standards."])
    assert set(meta.standards) == {"GRI", "IFRS S2", "SASB"}


def test_company_from_english_and_chinese_text() -> None:
    meta = _meta([
        "Qingchuan Environmental Technology Co., Ltd. Sustainability Report 2024",
        "Qingchuan Environmental Technology Co., Ltd. (the Company) treats wastewater.",
        "Shares are listed on The Stock Exchange of Hong Kong Limited.",
    ])
    assert meta.company == "Qingchuan Environmental Technology Co., Ltd."
    assert meta.language == "en"
    meta = _meta(["本報告由青川環境科技股份有限公司編製。", "青川環境科技股份有限公司致力於水處理。", "本公司於香港聯合交易所有限公司上市。"])
    assert meta.company == "青川環境科技股份有限公司"
    assert meta.script == "hant"


def test_bundled_example(tmp_path) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "sample-esg-2024.md"
    meta = esglens.parse(example).metadata
    assert meta.company == "青川環境科技股份有限公司"
    assert meta.period == Period("2024", "2024-01-01", "2024-12-31")
    assert meta.script == "hant"
    assert {"HKEX ESG Code", "GRI"} <= set(meta.standards)
    assert meta.hkex_code_version == "Appendix C2"


def test_fiscal_year_written_in_chinese_numerals(tmp_path):
    from esglens import parse

    p = tmp_path / "r.txt"
    p.write_text("富港示例超市控股有限公司\n二零二三/二四財政年度 環境、社會及管治報告\n"
                 "本報告涵蓋本集團於二零二三年四月一日至二零二四年三月三十一\n日止財政年度（「2024財年」）的表現。比較數字為2023財年。\n"
                 "2023財年的數據見附錄。2023財年目標已達成。\n", encoding="utf-8")
    period = parse(p).metadata.period
    assert (period.label, period.start, period.end) == ("FY2024", "2023-04-01", "2024-03-31")
