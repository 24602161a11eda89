"""Running headers and footers: paged (PDF) and page-less (text export) documents."""

from __future__ import annotations

import pytest

from esglens.ingest.furniture import mark_furniture
from esglens.ingest.normalize import normalize_line
from esglens.model import Line


def _text_lines(path) -> list[Line]:
    raw = path.read_text(encoding="utf-8").split("\n")
    lines = [Line(no=i + 1, raw=r, text=normalize_line(r)) for i, r in enumerate(raw)]
    for ln in lines:
        if not ln.text:
            ln.role = "blank"
    return lines


def _paged(pages: list[list[str]]) -> list[Line]:
    lines, no = [], 0
    for page_no, texts in enumerate(pages, start=1):
        for text in texts:
            no += 1
            lines.append(Line(no=no, raw=text, text=text, page=page_no))
    return lines


_TOPICS = ["Emissions", "Energy", "Water", "Waste", "Employees", "Training"]


def test_pdf_running_header_and_page_number_footer() -> None:
    pages = [
        ["Acme Group plc ESG Report 2024", f"{topic} rose by {n * 7}% on the year.",
         f"How we manage {topic.lower()}.", f"Page {n} of 6"]
        for n, topic in enumerate(_TOPICS, start=1)
    ]
    lines = _paged(pages)
    mark_furniture(lines)
    roles = {ln.text: ln.role for ln in lines}
    assert roles["Acme Group plc ESG Report 2024"] == "header"
    assert roles["Page 3 of 6"] == "footer"
    assert roles["Water rose by 21% on the year."] == "body"
    assert roles["How we manage water."] == "body"


def test_pdf_line_on_few_pages_is_not_furniture() -> None:
    pages = [["Chapter one", "Scope 1 emissions 120 tCO2e", "Page 1"]] + [
        [f"Text {n}", "Scope 1 emissions 120 tCO2e" if n == 2 else "Other", f"Page {n}"] for n in range(2, 11)
    ]
    lines = _paged(pages)
    mark_furniture(lines)
    assert [ln.role for ln in lines if ln.text == "Scope 1 emissions 120 tCO2e"] == ["body", "body"]
    assert {ln.role for ln in lines if ln.text.startswith("Page ")} == {"footer"}


def test_text_export_footer_is_marked(corpus_file) -> None:
    lines = _text_lines(corpus_file("alihealth-esg-fy2024.zh-hant.txt"))
    mark_furniture(lines)
    # Read in the file: the running footer "阿里健康信息技術有限公司 · 2024 環境、社會及管治報告".
    footer_lines = [46, 71, 90, 108, 121, 151, 801, 929, 1861]
    assert [ln.no for ln in lines if ln.role == "footer"] == footer_lines
    assert lines[44].text == "香港聯合交易所網站(www.hkex.com.hk)" and lines[44].role == "body"


def test_text_export_navigation_bar_is_marked(corpus_file) -> None:
    lines = _text_lines(corpus_file("jdhealth-esg-2024.zh-hant.txt"))
    mark_furniture(lines)
    # Navigation bars (section names glued in different orders) read in the file.
    for no in (1, 47, 182, 440, 706, 747):
        assert lines[no - 1].role == "header", (no, lines[no - 1].text)
    assert lines[4].text == "信息來源" and lines[4].role == "body"
    assert lines[6].role == "body"  # the first sentence of the report


def test_recurring_table_header_is_not_furniture(corpus_file) -> None:
    lines = _text_lines(corpus_file("medlive-esg-2022.zh-hant.txt"))
    mark_furniture(lines)
    headers = [ln for ln in lines if ln.text == "指標 單位 2021年數據 2022年數據"]
    assert len(headers) == 12  # counted in the file
    assert {ln.role for ln in headers} == {"body"}
    assert not any(ln.role in ("header", "footer") for ln in lines if "關鍵績效" == ln.text)


@pytest.mark.parametrize("name", ["sinocloud-2023-en.pdf", "drax-2023-en.pdf"])
def test_pdf_corpus_furniture(corpus_dir, name: str) -> None:
    import esglens

    doc = esglens.parse(corpus_dir / "pdf" / name)
    marked = {ln.text for ln in doc.lines if ln.role in ("header", "footer")}
    if name.startswith("sinocloud"):
        assert "Page 1 of 23" in marked and "Page 23 of 23" in marked  # top of every page
    else:
        assert "drax.com ESG Performance Report 2023 2" in marked  # bottom of every page
    assert not any("Scope" in t for t in marked)


def test_page_number_lines_of_a_text_export_are_furniture(tmp_path):
    from esglens import parse

    body = []
    for page in range(1, 5):
        body += [f"段落內容第{page}部分，本集團持續推進可持續發展。"] * 6 + [f"第{page}頁", ""]
    p = tmp_path / "r.txt"
    p.write_text("\n".join(body), encoding="utf-8")
    doc = parse(p)
    roles = {ln.text: ln.role for ln in doc.lines if ln.text.startswith("第")}
    assert roles == {"第1頁": "footer", "第2頁": "footer", "第3頁": "footer", "第4頁": "footer"}
