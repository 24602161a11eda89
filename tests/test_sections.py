"""Section headings from layout: numbered headings, standalone titles, Markdown headings."""

from __future__ import annotations

from esglens.ingest.normalize import normalize_line
from esglens.ingest.sections import detect_sections
from esglens.model import Line


def _lines(texts: list[str], page: int | None = None) -> list[Line]:
    lines = [Line(no=i + 1, raw=t, text=normalize_line(t), page=page) for i, t in enumerate(texts)]
    for ln in lines:
        if not ln.text:
            ln.role = "blank"
    return lines


def _all(sections):
    return [s for root in sections for s in root.walk()]


PROSE = "本集團嚴格遵守相關法律法規，並持續完善內部管理制度，以確保業務穩健發展。"


def test_numbered_headings_nest_by_style_and_depth() -> None:
    lines = _lines([
        "第一章 環境", "", PROSE, "",
        "一、排放物", "", PROSE, "",
        "1.1 溫室氣體", "", PROSE, "",
        "1.2 廢棄物", "", PROSE, "",
        "二、資源使用", "", PROSE,
    ])
    roots = detect_sections(lines)
    assert [s.title for s in roots] == ["第一章 環境"]
    chapter = roots[0]
    assert [s.title for s in chapter.children] == ["一、排放物", "二、資源使用"]
    assert [s.title for s in chapter.children[0].children] == ["1.1 溫室氣體", "1.2 廢棄物"]
    assert {ln.no for ln in lines if ln.role == "heading"} == {1, 5, 9, 13, 17}


def test_sentences_table_rows_and_captions_are_not_headings() -> None:
    lines = _lines([
        "員工總數 人 1,250 1,175", "",
        "1. 本集團於年內完成了兩座污水處理廠的節能改造工程。", "",
        "圖：排放趨勢", "",
        "2024年", "",
        PROSE,
    ])
    assert detect_sections(lines) == []
    assert all(ln.role != "heading" for ln in lines)


def test_markdown_headings() -> None:
    lines = _lines(["# 環境 Environment", "", PROSE, "## 排放物 Emissions", PROSE, "## 資源使用", PROSE, "# 社會", PROSE])
    roots = detect_sections(lines)
    assert [s.title for s in roots] == ["環境 Environment", "社會"]
    assert [s.title for s in roots[0].children] == ["排放物 Emissions", "資源使用"]


def _corpus_lines(path) -> list[Line]:
    return _lines(path.read_text(encoding="utf-8").split("\n"))


def test_corpus_numbered_sections(corpus_file) -> None:
    lines = _corpus_lines(corpus_file("alihealth-esg-fy2024.zh-hant.txt"))
    sections = _all(detect_sections(lines))
    by_line = {s.line: s for s in sections}
    # Read in the file: "1.1<TAB>管治架構" (line 156) and " 1.2<TAB>風險內控" (line 204).
    assert by_line[156].title == "1.1 管治架構"
    assert by_line[204].title == "1.2 風險內控"
    assert by_line[156].level == by_line[204].level
    assert by_line[5].title == "編製依據"  # a standalone title over its paragraph
    assert 174 not in by_line  # "委員會 主要職責": a table header
    assert lines[173].role == "body"


def test_corpus_standalone_titles(corpus_file) -> None:
    lines = _corpus_lines(corpus_file("jdhealth-esg-2024.zh-hant.txt"))
    titles = {s.line: s.title for s in _all(detect_sections(lines))}
    for no, title in [(5, "信息來源"), (14, "報告批准與獲取"), (19, "免責聲明"), (33, "報告簡介")]:
        assert titles.get(no) == title
    assert 97 not in titles  # a wrapped prose line: "京東健康旗下的京東互聯網醫院，是國內首批取得互聯"
    assert 1348 not in titles  # a board table row
    assert 7 not in titles  # the report's first sentence


def test_bundled_example_sections() -> None:
    from pathlib import Path

    import esglens

    doc = esglens.parse(Path(__file__).resolve().parents[1] / "examples" / "sample-esg-2024.md")
    by_title = {s.title: s for root in doc.sections for s in root.walk()}
    assert [c.title for c in by_title["環境 Environment"].children][:2] == ["排放物 Emissions", "資源使用 Use of resources"]
    assert "僱傭 Employment" in [c.title for c in by_title["社會 Social"].children]
    assert doc.line(by_title["社會 Social"].line).role == "heading"
