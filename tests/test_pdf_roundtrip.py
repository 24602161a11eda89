"""A PDF written from corpus text with a CJK font reads back to the same lines, on the right pages,
in visual order even when the content stream draws a row right to left."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from esglens.ingest import parse, readers

FONT = "MSung-Light"  # a built-in Adobe-CNS1 (Traditional Chinese) CID font: no font file needed
LINES_PER_PAGE = 50
MAX_CHARS = 38  # fits the page width at 10 pt


@pytest.fixture(scope="module")
def cjk_font() -> str:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _corpus_lines(path: Path, count: int) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(line.split())
        if 4 <= len(line) <= MAX_CHARS:
            lines.append(line)
    return lines[:count]


def _write_pdf(path: Path, font: str, lines: list[str]) -> None:
    pdf = canvas.Canvas(str(path))
    for i, line in enumerate(lines):
        if i and i % LINES_PER_PAGE == 0:
            pdf.showPage()
        pdf.setFont(font, 10)
        pdf.drawString(40, 800 - 14 * (i % LINES_PER_PAGE), line)
    pdf.save()


def test_corpus_text_round_trips_through_pdf(tmp_path, corpus_file, cjk_font):
    lines = _corpus_lines(corpus_file("medlive-esg-2022.zh-hant.txt"), 130)
    assert len(lines) == 130
    path = tmp_path / "roundtrip.pdf"
    _write_pdf(path, cjk_font, lines)
    raw = readers.read(path)
    assert raw.format == "pdf" and raw.pages == 3
    assert [ln.text for ln in raw.lines] == lines
    assert [ln.page for ln in raw.lines] == [1 + i // LINES_PER_PAGE for i in range(len(lines))]
    assert [ln.no for ln in raw.lines] == list(range(1, len(lines) + 1))
    doc = parse(path)
    assert doc.pages == 3 and [ln.raw for ln in doc.lines] == lines


def test_row_drawn_right_to_left_reads_left_to_right(tmp_path, cjk_font):
    """Cells drawn last-column-first, and a label drawn glyph run by glyph run backwards."""
    path = tmp_path / "reversed.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(cjk_font, 10)
    cells = [(40, "範圍1（直接排放）"), (220, "公噸"), (300, "130.79"), (380, "147.68")]
    for x, text in reversed(cells):
        pdf.drawString(x, 700, text)
    # "報告期間" drawn as two runs, right run first: the stream says "期間報告".
    pdf.drawString(60, 650, "期間")
    pdf.drawString(40, 650, "報告")
    pdf.drawString(40, 600, "本集團於2019年1月1日至2019年12月31日")
    pdf.save()
    raw = readers.read(path)
    assert [ln.text for ln in raw.lines] == [
        "範圍1（直接排放） 公噸 130.79 147.68",
        "報告期間",
        "本集團於2019年1月1日至2019年12月31日",
    ]


def test_columns_drawn_one_after_another_join_by_baseline(tmp_path, cjk_font):
    """A table the writer drew column by column still reads row by row."""
    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(cjk_font, 10)
    rows = [("指標", "單位", "2024年", "2023年"), ("用電量", "千瓦時", "1,200", "1,100"), ("用水量", "立方米", "35", "40")]
    for col, x in enumerate((40, 200, 300, 400)):
        for r, row in enumerate(rows):
            pdf.drawString(x, 700 - 20 * r, row[col])
    pdf.save()
    assert [ln.text for ln in readers.read(path).lines] == [" ".join(row) for row in rows]


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_landscape_page_reads_as_displayed(tmp_path, rotation):
    """A landscape table on a portrait page carrying /Rotate: lines follow the displayed page."""
    width, height = 595, 842
    path = tmp_path / f"rotated{rotation}.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(width, height))
    pdf.setPageRotation(rotation)
    # Draw so that the text reads normally once the viewer turns the page (checked by rendering).
    if rotation == 90:
        pdf.translate(width, 0)
        pdf.rotate(90)
    elif rotation == 180:
        pdf.translate(width, height)
        pdf.rotate(180)
    else:
        pdf.translate(0, height)
        pdf.rotate(-90)
    top = (width if rotation in (90, 270) else height) - 60
    rows = [("Indicator", "Unit", "2024", "2023"), ("Scope 1", "tCO2e", "120", "130"), ("Water", "m3", "35", "40")]
    for r, row in enumerate(rows):
        for x, cell in zip((40, 300, 400, 500), row):
            pdf.drawString(x, top - 20 * r, cell)
    pdf.save()
    assert [ln.text for ln in readers.read(path).lines] == [" ".join(row) for row in rows]


def _two_column_page(path: Path, font: str, left: list[str], right: list[str], table: list[tuple[str, ...]]) -> None:
    pdf = canvas.Canvas(str(path))
    pdf.setFont(font, 14)
    pdf.drawString(40, 800, "Environment 環境")
    pdf.setFont(font, 10)
    for i, line in enumerate(left):  # the whole left column is written first, as layout tools do
        pdf.drawString(40, 770 - 14 * i, line)
    for i, line in enumerate(right):
        pdf.drawString(310, 770 - 14 * i, line)
    for i, row in enumerate(table):  # a full-width table under the columns
        for x, cell in zip((40, 250, 380, 480), row):
            pdf.drawString(x, 640 - 14 * i, cell)
    pdf.save()


def test_two_columns_of_prose_read_column_by_column(tmp_path, corpus_file, cjk_font):
    source = _corpus_lines(corpus_file("medlive-esg-2022.zh-hant.txt"), 400)
    prose = [ln for ln in source if 16 <= len(ln) <= 22 and sum(c.isdigit() for c in ln) == 0][:14]
    assert len(prose) == 14
    left, right = prose[:7], prose[7:]
    table = [("指標", "單位", "2022年", "2021年"), ("用電量", "千瓦時", "1,200", "1,300")]
    path = tmp_path / "two-columns.pdf"
    _two_column_page(path, cjk_font, left, right, table)
    lines = [ln.text for ln in readers.read(path).lines]
    assert lines == ["Environment 環境", *left, *right, "指標 單位 2022年 2021年", "用電量 千瓦時 1,200 1,300"]
