"""Exports open back in the tools analysts use: CSV in pandas, XLSX in openpyxl, Parquet in pyarrow."""

from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook

import esglens
from esglens.facts import Fact, Finding
from esglens.model import Period
from esglens.store import Library
from esglens.store import exports


@pytest.fixture
def lib(tmp_path):
    path = tmp_path / "report-2024.txt"
    path.write_text("綠源科技 2024\n溫室氣體排放（範圍二） 1,234.5 噸二氧化碳當量\n女性員工 60 人\n", encoding="utf-8")
    doc = esglens.parse(path)
    doc.metadata.company = "綠源科技有限公司"
    doc.metadata.period = Period("2024")
    facts = [
        Fact("ghg_scope2", 1234.5, "tCO2e", "1,234.5", "噸二氧化碳當量", "2024", line=2, quote="1,234.5",
             hkex="A1.2", label="溫室氣體排放（範圍二）"),
        Fact("employees_total", 60, "persons", "60", "人", "2024", dims={"gender": "female"}, line=3, quote="60"),
        Fact("other:formula_like", 1, "count", "1", None, "2024", line=3, quote="=1+1"),
    ]
    findings = [
        Finding("complete.A1.1", "completeness", "warning", "A1.1 排放物種類未披露", aspect="A1",
                provision="A1.1", status="missing", lines=[1], data={"expected": ["air_nox"]}),
    ]
    library = Library(tmp_path / "lib.sqlite")
    library.add_document(doc, facts, findings)
    library.report_path = str(path.resolve())
    library.report_sha = doc.sha256
    yield library
    library.close()


def test_csv_facts_with_evidence_open_in_pandas(lib, tmp_path):
    out = exports.export(lib, tmp_path / "facts.csv", "csv", "facts")
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert list(df.columns) == [c for c, _ in exports.COLUMNS["facts"]]
    assert len(df) == 3
    row = df[df.metric == "ghg_scope2"].iloc[0]
    assert row.value == 1234.5 and row.unit == "tCO2e" and row.raw_value == "1,234.5"
    assert row.quote == "1,234.5" and row.line == 2 and row.label == "溫室氣體排放（範圍二）"
    assert row.report_path == lib.report_path and row.sha256 == lib.report_sha
    assert row.company == "綠源科技有限公司"
    female = df[df.metric == "employees_total"].iloc[0]
    assert female.dims == '{"gender": "female"}'


def test_csv_findings(lib, tmp_path):
    out = exports.export(lib, tmp_path / "findings.csv", "csv", "findings")
    df = pd.read_csv(out, encoding="utf-8-sig")
    assert len(df) == 1
    assert df.iloc[0].message == "A1.1 排放物種類未披露" and df.iloc[0].status == "missing"
    assert df.iloc[0].sha256 == lib.report_sha


def test_xlsx_has_a_sheet_per_table_readable_headers_frozen_row(lib, tmp_path):
    out = exports.export(lib, tmp_path / "lib.xlsx", "xlsx", list(exports.TABLES))
    wb = load_workbook(out)
    assert wb.sheetnames == ["Facts", "Findings", "Reports"]
    facts = wb["Facts"]
    headers = [c.value for c in facts[1]]
    assert headers[:4] == ["Report ID", "Company", "Report period", "Metric"]
    assert {"Quote", "Page", "Line", "Report path", "Report SHA-256", "Value as printed"} <= set(headers)
    assert facts.freeze_panes == "A2"
    assert facts.max_row == 4  # header + 3 facts
    rows = [dict(zip(headers, [c.value for c in r])) for r in facts.iter_rows(min_row=2)]
    scope2 = next(r for r in rows if r["Metric"] == "ghg_scope2")
    assert scope2["Value"] == 1234.5 and scope2["Line"] == 2
    formula_like = next(r for r in rows if r["Metric"] == "other:formula_like")
    assert formula_like["Quote"] == "=1+1"  # kept as text, never turned into a formula
    assert wb["Findings"].freeze_panes == "A2" and wb["Findings"].max_row == 2
    assert wb["Reports"]["A2"].value == 1


def test_parquet_round_trip_with_types(lib, tmp_path):
    import pyarrow.parquet as pq

    table = pq.read_table(exports.export(lib, tmp_path / "facts.parquet", "parquet", "facts"))
    assert table.num_rows == 3
    assert str(table.schema.field("value").type) == "double"
    assert str(table.schema.field("line").type) == "int64"
    assert str(table.schema.field("derived").type) == "bool"
    rows = table.to_pylist()
    scope2 = next(r for r in rows if r["metric"] == "ghg_scope2")
    assert (scope2["value"], scope2["quote"], scope2["sha256"]) == (1234.5, "1,234.5", lib.report_sha)


def test_empty_library_exports_headers_only(tmp_path):
    import pyarrow.parquet as pq

    with Library(tmp_path / "empty.sqlite") as empty:
        df = pd.read_csv(exports.export(empty, tmp_path / "e.csv", "csv", "facts"), encoding="utf-8-sig")
        assert len(df) == 0 and "quote" in df.columns
        assert pq.read_table(exports.export(empty, tmp_path / "e.parquet", "parquet", "findings")).num_rows == 0


def test_filters_and_bad_requests(lib, tmp_path):
    df = pd.read_csv(exports.export(lib, tmp_path / "f.csv", "csv", "facts", metric="ghg_*"), encoding="utf-8-sig")
    assert list(df.metric) == ["ghg_scope2"]
    with pytest.raises(ValueError):
        exports.export(lib, tmp_path / "x.doc", "doc", "facts")
    with pytest.raises(ValueError):
        exports.export(lib, tmp_path / "x.csv", "csv", ["facts", "findings"])
    with pytest.raises(ValueError):
        exports.export(lib, tmp_path / "x.csv", "csv", "secrets")


def test_report_text_never_becomes_a_spreadsheet_formula(tmp_path):
    import csv

    from typer.testing import CliRunner

    from esglens.cli import _register, app

    report = tmp_path / "r.txt"
    report.write_text(
        "Example Limited ESG Report 2023\nThe reporting period is 1 January 2023 to 31 December 2023.\n"
        "KPI Unit 2023 2022\n=HYPERLINK(\"x\") water m3 1,200 1,100\n-12 Scope 1 emissions tCO2e 50 60\n",
        encoding="utf-8")
    _register()
    out = CliRunner().invoke(app, ["extract", str(report), "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(out.stdout.splitlines()))
    quotes = {r["quote"] for r in rows}
    assert quotes and not any(q.startswith(("=", "-", "+", "@")) for q in quotes)
    assert "'-12 Scope 1 emissions tCO2e 50 60" in quotes
    assert {r["raw_value"] for r in rows} >= {"50", "60"}  # numbers stay as printed
    from esglens.store.spreadsheet import csv_safe
    assert csv_safe('=HYPERLINK("x")') == "'=HYPERLINK(\"x\")" and csv_safe("-12.5") == "-12.5"
    assert csv_safe("+5%") == "+5%" and csv_safe("@SUM(A1)") == "'@SUM(A1)" and csv_safe(3) == 3
    xlsx = tmp_path / "f.xlsx"
    assert CliRunner().invoke(app, ["extract", str(report), "--format", "xlsx", "-o", str(xlsx)]).exit_code == 0
    ws = load_workbook(xlsx)["facts"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if isinstance(c.value, str) and c.value.startswith("-12")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_exports_carry_a_company_key_that_joins_both_scripts(lib, tmp_path):
    out = exports.export(lib, tmp_path / "f.csv", "csv", "facts")
    df = pd.read_csv(out)
    assert list(df.columns)[-1] == "company_key"
    assert df["company_key"].notna().all()
