"""Readers: every corpus file reads, the reader is chosen by content, encodings are detected, markup
keeps source line numbers, and PDF lines come out in the order a reader sees them."""

from __future__ import annotations

import codecs
import hashlib
import json

import pytest
from typer.testing import CliRunner

from esglens.cli import _register, app
from esglens.ingest import markup, parse, readers, textfile
from esglens.model import Document

_register()

TEXT_EXPORTS = ["alihealth-esg-fy2024.zh-hant.txt", "jdhealth-esg-2024.zh-hant.txt", "medlive-esg-2022.zh-hant.txt"]
PDFS = {"pdf/drax-2023-en.pdf": 17, "pdf/sinocloud-2023-en.pdf": 23, "pdf/fullshare-2019-tc.pdf": 35}


def _texts(raw: readers.RawDocument) -> list[str]:
    return [ln.text for ln in raw.lines]


# --- corpus -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_text_export_lines_keep_source_numbers(corpus_file, name):
    path = corpus_file(name)
    raw = readers.read(path)
    source = path.read_text(encoding="utf-8").splitlines()
    assert raw.format == "text" and raw.encoding == "utf-8" and raw.pages is None
    assert [ln.no for ln in raw.lines] == list(range(1, len(source) + 1))
    assert _texts(raw) == source


def test_text_export_known_lines(corpus_file):
    raw = readers.read(corpus_file("alihealth-esg-fy2024.zh-hant.txt"))
    by_no = {ln.no: ln.text for ln in raw.lines}
    assert by_no[24] == "如無特殊說明，本報告中的「元」指「人民幣」。"
    assert by_no[11].startswith("報告時間跨度為2023年4月1日至2024年3月31日")
    medlive = readers.read(corpus_file("medlive-esg-2022.zh-hant.txt"))
    assert medlive.lines[0].text == " 關於本報告"  # the export starts with a space


@pytest.mark.parametrize("name,pages", sorted(PDFS.items()))
def test_corpus_pdf_reads(corpus_file, name, pages):
    raw = readers.read(corpus_file(name))
    assert raw.format == "pdf" and raw.pages == pages and not raw.warnings
    assert [ln.no for ln in raw.lines] == list(range(1, len(raw.lines) + 1))
    assert {ln.page for ln in raw.lines} == set(range(1, pages + 1))
    assert all(ln.text.strip() for ln in raw.lines)
    pages_seen = [ln.page for ln in raw.lines]
    assert pages_seen == sorted(pages_seen)


def test_reversed_runs_read_in_visual_order(corpus_file):
    """This PDF's text layer emits the runs of many lines right to left; the page shows them
    left to right (checked against the rendered page)."""
    raw = readers.read(corpus_file("pdf/fullshare-2019-tc.pdf"))
    page3 = [ln.text for ln in raw.lines if ln.page == 3]
    assert "豐盛控股有限公司（「豐盛控股」或「本公司」），連同其附屬公司（統稱為「本集團」或「我們」）欣然呈報本財政" in page3
    assert "年度的環境、社會及管治報告（「本報告」），披露及匯報由2019年1月1日至2019年12月31日（「報告期」）期間本" in page3
    assert "(I) 南京總部及香港辦公室;" in page3
    page18 = [ln.text for ln in raw.lines if ln.page == 18]
    assert "南京總部及香港辦公室2 地產業務3 旅遊業務 教育業務 總計" in page18
    assert ("氮氧化物 0.00千克 1.12千克 8.22千克 3.76千克 647.85千克 518.48千克 249.93千克 "
            "405.10千克 906.00千克 928.47千克") in page18
    assert ("懸浮顆粒 0.00千克 0.08千克 0.61千克 0.28千克 10.10千克 13.26千克 4.72千克 "
            "12.77千克 15.42千克 26.38千克") in page18


def test_table_rows_in_visual_order_english(corpus_file):
    raw = readers.read(corpus_file("pdf/drax-2023-en.pdf"))
    page3 = [ln.text for ln in raw.lines if ln.page == 3]
    assert "Datapoint Unit 2023 2022 2021 Notes" in page3
    assert "Purchased goods and services tCO2e 891,672 783,329 674,418" in page3
    assert "Group total Scope 1 and 2 ktCO2e 486 669 1,255" in page3
    sinocloud = readers.read(corpus_file("pdf/sinocloud-2023-en.pdf"))
    page17 = [ln.text for ln in sinocloud.lines if ln.page == 17]
    assert "Greenhouse Gas Emission FY2023 FY2022 % Change" in page17
    assert "Indirect emission (Scope 2) 4,490,634 2,615,863 kg 71.7%" in page17
    # pdfium marks the hyphen that ends a printed line with U+FFFE; the page shows "-".
    assert not any("\ufffe" in ln.text for ln in raw.lines)
    assert "across all sites. For 2023 we have updated the location-" in page3


def test_markdown_front_matter_and_inline_html(corpus_file):
    path = corpus_file("jdhealth-results-2021-news.zh-hans.md")
    raw = readers.read(path)
    assert raw.format == "markdown" and raw.encoding == "utf-8"
    assert raw.front_matter["title"] == "京东健康公布2021年全年业绩 推出公益平台、探索医疗健康公益服务新模式"
    assert raw.front_matter["date"] == "2022-03-28 19:13:15 +0800"
    assert raw.front_matter["layout"] == "post"
    by_no = {ln.no: ln.text for ln in raw.lines}
    assert min(by_no) == 8  # lines 1-7 are front matter; line 8 is the first paragraph
    assert by_no[8].startswith("2022年3月28日，京东健康股份有限公司(股票简称“京东健康”，6618.HK)发布2021年全年业绩公告。")
    assert by_no[16].endswith("惠及更广泛的用户群体。 （文章来源：南方网）")
    assert by_no[20] == "返回南方网新闻｜返回首页"
    assert by_no[18] == "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203282325355237"
    assert not any("<" in t or ">" in t for t in by_no.values())


# --- choosing the reader by content -------------------------------------------------------------

def test_pdf_found_by_magic_not_extension(tmp_path, corpus_file):
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(corpus_file("pdf/drax-2023-en.pdf").read_bytes())
    assert readers.read(disguised).format == "pdf"


def test_html_by_content(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(
        "<!DOCTYPE html>\n<html><head><title>ESG Report 2024</title><style>p{color:red}</style>\n"
        "<script>var x = 1;\n</script></head>\n<body>\n"
        "<h1>Emissions</h1><p>Scope 1 &amp; 2 rose.</p><!-- a comment -->\n"
        "<p>First<br>second</p>\n"
        "<table>\n<tr><th>指標</th><th>單位</th><th>2024年</th><th>2023年</th></tr>\n"
        "<tr>\n  <td>範圍1<br>直接</td>\n  <td>噸</td>\n  <td>1,234</td>\n  <td>1,100</td>\n</tr>\n"
        "</table>\n</body></html>\n",
        encoding="utf-8",
    )
    raw = readers.read(page)
    assert raw.format == "html"
    assert raw.front_matter["title"] == "ESG Report 2024"
    by_no = {ln.no: ln.text for ln in raw.lines}
    assert by_no[6] == "Emissions Scope 1 & 2 rose."
    assert by_no[7] == "First second"
    assert by_no[9] == "指標 | 單位 | 2024年 | 2023年"
    assert by_no[10] == "範圍1 直接 | 噸 | 1,234 | 1,100"
    assert not any(n in by_no for n in (11, 12, 13, 14, 15))  # the row's cells sit on line 10
    assert not any("var x" in t or "color" in t for t in by_no.values())


def test_markdown_pipe_table_and_syntax(tmp_path):
    md = tmp_path / "note.md"
    md.write_text(
        "# Environmental KPIs\n\nSee [the index](http://x.y) and **bold** text.\n\n"
        "| Indicator | Unit | 2024 | 2023 |\n|---|---|---:|---:|\n| Scope 1 | tCO2e | 120 | 130 |\n",
        encoding="utf-8",
    )
    raw = readers.read(md)
    assert raw.format == "markdown" and raw.front_matter == {}
    by_no = {ln.no: ln.text for ln in raw.lines}
    assert by_no[1] == "# Environmental KPIs"  # heading marks stay for the section detector
    assert by_no[3] == "See the index and bold text."
    assert by_no[5] == "Indicator | Unit | 2024 | 2023"
    assert 6 not in by_no
    assert by_no[7] == "Scope 1 | tCO2e | 120 | 130"


def test_front_matter_parser():
    fm, n = markup.split_front_matter('---\ntitle: "A: B"\ndate: 2024-01-02\ntags: [esg, "gri"]\n---\nbody')
    assert n == 5
    assert fm == {"title": "A: B", "date": "2024-01-02", "tags": ["esg", "gri"]}
    assert markup.split_front_matter("---\nnot closed\n") == ({}, 0)


# --- encodings ----------------------------------------------------------------------------------

def _losslessly_encodable(lines: list[str], encoding: str) -> list[str]:
    out = []
    for line in lines:
        try:
            line.encode(encoding)
        except UnicodeEncodeError:
            continue
        out.append(line)
    return out


@pytest.mark.parametrize("encoding", ["big5", "gb18030"])
def test_legacy_chinese_encodings_parse_like_utf8(tmp_path, corpus_file, encoding):
    source = corpus_file("medlive-esg-2022.zh-hant.txt").read_text(encoding="utf-8").splitlines()
    lines = _losslessly_encodable(source, encoding)
    assert len(lines) > 0.9 * len(source)
    utf8 = tmp_path / "utf8.txt"
    legacy = tmp_path / f"{encoding}.txt"
    utf8.write_text("\n".join(lines) + "\n", encoding="utf-8")
    legacy.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    raw = readers.read(legacy)
    assert codecs.lookup(raw.encoding).name == codecs.lookup(encoding).name
    assert _texts(raw) == lines
    assert parse(legacy).text == parse(utf8).text


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8-sig", codecs.BOM_UTF8), ("utf-16", None), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", None),
])
def test_unicode_variants(tmp_path, corpus_file, encoding, bom):
    lines = corpus_file("alihealth-esg-fy2024.zh-hant.txt").read_text(encoding="utf-8").splitlines()[:200]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    if bom and not data.startswith(bom):
        data = bom + data
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    raw = readers.read(path)
    assert _texts(raw) == lines
    assert "\ufeff" not in raw.lines[0].text


def test_western_single_byte_text(tmp_path):
    text = "Scope 1 emissions were 1,234 tCO2e — café, résumé, naïve.\n" * 40
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    raw = readers.read(path)
    assert raw.encoding == "cp1252"
    assert raw.lines[0].text == "Scope 1 emissions were 1,234 tCO2e — café, résumé, naïve."


def test_decode_prefers_utf8():
    assert textfile.decode("報告 2024".encode("utf-8")) == ("報告 2024", "utf-8")


def test_form_feeds_become_pages(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("page one\nstill one\n\fpage two\n\fpage three\n", encoding="utf-8")
    raw = readers.read(path)
    assert [(ln.no, ln.text, ln.page) for ln in raw.lines] == [
        (1, "page one", 1), (2, "still one", 1), (3, "page two", 2), (4, "page three", 3)]
    assert raw.pages == 3


def test_unreadable_page_is_a_warning(tmp_path, corpus_file, monkeypatch):
    from esglens.ingest import pdf

    real = pdf._page_lines

    def flaky(doc, index):
        if index == 1:
            raise RuntimeError("broken content stream")
        return real(doc, index)

    monkeypatch.setattr(pdf, "_page_lines", flaky)
    raw = readers.read(corpus_file("pdf/drax-2023-en.pdf"))
    assert raw.warnings == ["page 2: text could not be read (broken content stream)"]
    assert 2 not in {ln.page for ln in raw.lines} and 3 in {ln.page for ln in raw.lines}
    assert raw.pages == 17


def test_every_corpus_file_parses(corpus_dir):
    files = [p for p in corpus_dir.rglob("*") if p.is_file() and p.name != "README.md"]
    assert len(files) >= 7
    for path in files:
        doc = parse(path)
        assert doc.format == {".pdf": "pdf", ".md": "markdown", ".txt": "text"}[path.suffix]
        assert sum(1 for ln in doc.lines if ln.is_content) > 10
        assert len({ln.no for ln in doc.lines}) == len(doc.lines)


# --- esglens parse ------------------------------------------------------------------------------

def test_cli_summary_and_json(corpus_file):
    path = corpus_file("jdhealth-results-2021-news.zh-hans.md")
    runner = CliRunner()
    summary = runner.invoke(app, ["parse", str(path)])
    assert summary.exit_code == 0, summary.output
    assert "markdown (utf-8)" in summary.stdout
    assert "jdhealth-results-2021-news.zh-hans.md" in summary.stdout
    assert "Sections" in summary.stdout and "Tables" in summary.stdout
    as_json = runner.invoke(app, ["parse", str(path), "--json"])
    assert as_json.exit_code == 0
    doc = Document.from_dict(json.loads(as_json.stdout))
    assert doc.format == "markdown" and doc.encoding == "utf-8" and doc.path == str(path)
    assert doc.line(8).raw.startswith("2022年3月28日，京东健康股份有限公司")
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_summary_of_pdf(corpus_file):
    result = CliRunner().invoke(app, ["parse", str(corpus_file("pdf/drax-2023-en.pdf"))])
    assert result.exit_code == 0, result.output
    assert "Pages" in result.stdout and "17" in result.stdout
