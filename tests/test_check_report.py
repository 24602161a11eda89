"""The check report's orderings and renderings, and the ``esglens check`` command."""

from __future__ import annotations

import json

import pytest
from check_helpers import fact, facts
from typer.testing import CliRunner

import esglens
from esglens.check import run_checks
from esglens.cli import _register, app

REPORT = """\
溫室氣體排放
指標 單位 2024 年數據 2023 年數據
溫室氣體排放總量（範圍一+範圍二） 噸二氧化碳當量 3,900.00 5,263.71
溫室氣體排放總量（範圍一） 噸二氧化碳當量 68.13 174.66
溫室氣體排放總量（範圍二） 噸二氧化碳當量 3,768.75 5,089.05
"""


def _facts(doc=None):
    return facts(fact("ghg_total", "3,900.00", "2024", line=3), fact("ghg_scope1", "68.13", "2024", line=4),
                 fact("ghg_scope2", "3,768.75", "2024", line=5), fact("ghg_total", "5,263.71", "2023", line=3),
                 fact("ghg_scope1", "174.66", "2023", line=4), fact("ghg_scope2", "5,089.05", "2023", line=5),
                 document=doc)


def test_findings_are_sorted_worst_first_and_grouped_by_aspect():
    report = run_checks(None, _facts())
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert report.findings[0].id == "arith.ghg_scopes.ghg_total.2024"
    groups = report.grouped()
    assert groups[0][0] == "A1"
    assert report.counts["error"] == 1


def test_json_markdown_and_html_carry_the_evidence(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = esglens.parse(path)
    report = run_checks(doc, _facts(doc))
    data = json.loads(report.to_json())
    first = data["findings"][0]
    assert first["severity"] == "error" and first["facts"][0]["line"] == 3
    assert {"aspects", "overall"} <= set(data["completeness"])
    assert data["completeness"]["aspects"]["A1"]["disclosed"] >= 1  # A1.2 by the scope figures
    assert run_checks(None, _facts()).completeness == {}  # no text: completeness is not judged
    md = report.to_markdown()
    assert "## A1" in md and "**error** `arith.ghg_scopes.ghg_total.2024`" in md
    page = report.to_html()
    assert page.startswith("<!doctype html>") and "<style>" in page and "<link" not in page
    assert "arith.ghg_scopes.ghg_total.2024" in page and "3,836.88" in page


@pytest.fixture()
def cli(monkeypatch):
    # the command runs the whole pipeline; its extraction is replaced by fixed facts here
    import importlib

    extract_module = importlib.import_module("esglens.extract")  # the package, not the API function
    monkeypatch.setattr(extract_module, "extract_facts", lambda doc: list(_facts()))
    _register()
    return CliRunner()


def test_cli_formats(cli, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    out = cli.invoke(app, ["check", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["counts"]["error"] == 1
    html_path = tmp_path / "r.html"
    out = cli.invoke(app, ["check", str(path), "--format", "html", "--output", str(html_path)])
    assert out.exit_code == 0 and "3,836.88" in html_path.read_text(encoding="utf-8")
    out = cli.invoke(app, ["check", str(path)])
    assert out.exit_code == 0 and "A1" in out.stdout and "error" in out.stdout
    assert "arith.ghg_scopes.ghg_total.2023" not in out.stdout  # a passing sum is hidden by default
    out = cli.invoke(app, ["check", str(path), "--all"])
    assert "arith.ghg_scopes.ghg_total.2023" in out.stdout.replace("\n", "")


def test_cli_bad_input_is_an_error_line_and_exit_2(cli, tmp_path):
    out = cli.invoke(app, ["check", str(tmp_path / "missing.pdf")])
    assert out.exit_code == 2
    assert out.stderr.startswith("error: ")
    out = cli.invoke(app, ["check", str(tmp_path / "missing.pdf"), "--format", "xml"])
    assert out.exit_code == 2


def test_api_check_accepts_a_path_twice(cli, tmp_path):
    # importing esglens.check (the package) must not break the esglens.check(...) function
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    first = esglens.check(path)
    second = esglens.check(path)
    assert first.counts == second.counts and first.counts["error"] == 1
