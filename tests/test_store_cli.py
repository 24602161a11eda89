"""The library commands end to end: add, list, show, search, compare, export, remove."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from esglens.cli import _register, app
from esglens.facts import Fact
from esglens.store import Library

_register()
runner = CliRunner()


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "lib.sqlite"
    monkeypatch.setenv("ESGLENS_DB", str(path))
    monkeypatch.setenv("COLUMNS", "200")
    return path


def test_add_list_show_search_remove(db, tmp_path, corpus_file):
    src = corpus_file("medlive-esg-2022.zh-hant.txt")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(src, folder / "m.txt")
    (folder / "bad.txt").write_bytes(b"")
    result = runner.invoke(app, ["add", str(folder)])
    assert result.exit_code == 1  # one file failed: the exit code says so
    assert "1 added, 0 skipped, 1 failed" in result.output
    assert "bad.txt" in result.output
    again = runner.invoke(app, ["add", str(folder / "m.txt"), "--db", str(db)])
    assert again.exit_code == 0 and "0 added, 1 skipped" in again.output

    listed = runner.invoke(app, ["list"])
    assert listed.exit_code == 0 and "m.txt" in listed.output
    shown = runner.invoke(app, ["show", "m.txt"])
    assert shown.exit_code == 0 and "facts" in shown.output
    assert runner.invoke(app, ["show", "no-such-thing"]).exit_code == 2

    found = runner.invoke(app, ["search", "員工總數"])  # line 2186 of the report reads 員工總數
    assert found.exit_code == 0 and "l.2186" in found.output

    removed = runner.invoke(app, ["remove", "m.txt"])
    assert removed.exit_code == 0
    assert "empty" in runner.invoke(app, ["list"]).output


def test_compare_and_export(db, tmp_path):
    import esglens
    from esglens.model import Period

    with Library(db) as lib:
        for year, value, restated in (("2023", 100.0, None), ("2024", 80.0, 110.0)):
            path = tmp_path / f"r{year}.txt"
            path.write_text(f"Report {year}\nScope 2 {value}\n", encoding="utf-8")
            doc = esglens.parse(path)
            doc.metadata.company, doc.metadata.period = "Acme Ltd", Period(year)
            facts = [Fact("ghg_scope2", value, "tCO2e", str(value), "tCO2e", year, line=2, quote=str(value))]
            if restated:
                facts.append(Fact("ghg_scope2", restated, "tCO2e", str(restated), "tCO2e", "2023", line=2))
            lib.add_document(doc, facts)
    out = runner.invoke(app, ["compare", "--metric", "ghg_scope2", "--years", "2023:2024"])
    assert out.exit_code == 0, out.output
    assert "Acme Ltd" in out.output and "110" in out.output and "-27.3%" in out.output
    assert "Restatements" in out.output and "+10.0%" in out.output
    assert runner.invoke(app, ["compare", "--metric", "ghg_scope2", "--years", "20x3"]).exit_code == 2
    assert runner.invoke(app, ["compare", "--metric", "ghg_scope2", "--per", "floors"]).exit_code == 2

    for ref in ("ACME LIMITED", "acm"):  # the company by its name in any form, or part of it
        shown = runner.invoke(app, ["show", ref])
        assert shown.exit_code == 0 and "2 report(s)" in shown.output

    target = tmp_path / "out.xlsx"
    exported = runner.invoke(app, ["export", "--format", "xlsx", "--output", str(target)])
    assert exported.exit_code == 0, exported.output
    assert load_workbook(target).sheetnames == ["Facts", "Findings", "Reports"]
    assert runner.invoke(app, ["export", "--format", "docx"]).exit_code == 2


def test_numbers_shown_keep_the_printed_digits():
    from esglens.formatting import fmt_number, fmt_share

    assert fmt_number(174.66) == "174.66" and fmt_number(3836.89) == "3,836.89" and fmt_number(415.2) == "415.2"
    assert fmt_number(1000.0) == "1,000" and fmt_number(266.7999456) == "266.7999"
    assert fmt_number(0.00455896) == "0.00455896" and fmt_number(None) == "–"
    assert fmt_share(0.354) == "35%"


def test_reading_commands_never_create_a_library(tmp_path):
    from typer.testing import CliRunner

    from esglens.cli import _register, app

    _register()
    missing = tmp_path / "nowhere" / "lib.sqlite"
    for args in (["list"], ["search", "水"], ["compare", "--metric", "water"], ["show", "1"]):
        out = CliRunner().invoke(app, [*args, "--db", str(missing)])
        assert out.exit_code == 2 and "no library" in out.output, (args, out.output)
    assert not missing.parent.exists()


def test_eval_refuses_an_empty_gold_file(tmp_path):
    from typer.testing import CliRunner

    from esglens.cli import _register, app

    _register()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("Example Limited ESG Report 2023\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["eval", str(gold), str(report)])
    assert out.exit_code == 2 and "no gold records" in out.output
