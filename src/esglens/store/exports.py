"""Exports of the library for analysts' tools: facts (with evidence) and findings as CSV, XLSX or Parquet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .library import Library
from .spreadsheet import csv_safe, put_xlsx

FORMATS = ("csv", "xlsx", "parquet")
TABLES = ("facts", "findings", "reports")

# Machine names (CSV and Parquet headers, stable for scripts) and the readable header used in XLSX.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "facts": [
        ("report_id", "Report ID"), ("company", "Company"), ("report_period", "Report period"),
        ("metric", "Metric"), ("hkex", "HKEX KPI"), ("gri", "GRI"), ("period", "Period"),
        ("period_start", "Period start"), ("period_end", "Period end"), ("dims", "Breakdown"),
        ("value", "Value"), ("unit", "Unit"), ("raw_value", "Value as printed"), ("raw_unit", "Unit as printed"),
        ("qualifier", "Qualifier"), ("source", "Source"), ("derived", "Derived by esglens"),
        ("confidence", "Confidence"), ("label", "Label in report"), ("quote", "Quote"), ("page", "Page"),
        ("line", "Line"), ("report_filename", "Report file"), ("report_path", "Report path"),
        ("sha256", "Report SHA-256"),
        # added columns go last, so that scripts reading columns by position keep working
        ("company_key", "Company key (one name per company, any script)"),
    ],
    "findings": [
        ("report_id", "Report ID"), ("company", "Company"), ("report_period", "Report period"),
        ("finding_id", "Finding ID"), ("rule", "Rule"), ("severity", "Severity"), ("status", "Status"),
        ("aspect", "HKEX aspect"), ("provision", "HKEX provision"), ("message", "Message"),
        ("lines", "Lines"), ("facts", "Facts"), ("data", "Data"), ("report_filename", "Report file"),
        ("report_path", "Report path"), ("sha256", "Report SHA-256"),
    ],
    "reports": [
        ("id", "Report ID"), ("company", "Company"), ("period", "Period"), ("period_start", "Period start"),
        ("period_end", "Period end"), ("fiscal", "Fiscal year"), ("title", "Title"), ("language", "Language"),
        ("script", "Script"), ("standards", "Standards"), ("format", "Format"), ("pages", "Pages"),
        ("fact_count", "Facts"), ("finding_count", "Findings"), ("completeness", "Completeness"),
        ("filename", "File"), ("path", "Path"), ("sha256", "SHA-256"), ("added_at", "Added (UTC)"),
        ("company_key", "Company key (one name per company, any script)"),
    ],
}
_NUMERIC = {"report_id", "id", "value", "confidence", "page", "line", "pages", "fact_count", "finding_count",
            "completeness"}
_BOOL = {"derived", "fiscal"}


def table_records(library: Library, what: str, **filters: Any) -> list[dict[str, Any]]:
    """The rows of one export table with exactly the export columns; lists and dicts as JSON text."""
    if what == "facts":
        rows = library.facts(**filters)
    elif what == "findings":
        rows = library.findings(**filters)
    elif what == "reports":
        rows = library.list_reports(**filters)
    else:
        raise ValueError(f"nothing to export called {what!r}; choose one of {', '.join(TABLES)}")
    names = [c for c, _ in COLUMNS[what]]
    return [{c: _cell(r.get(c)) for c in names} for r in rows]


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return value


def export(library: Library, path: str | Path, fmt: str, what: str | list[str] = "facts", **filters: Any) -> Path:
    """Write ``what`` (one table, or several for xlsx: one sheet each) to ``path`` in ``fmt``."""
    path = Path(path)
    tables = [what] if isinstance(what, str) else list(what)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt != "xlsx" and len(tables) != 1:
        raise ValueError(f"{fmt} holds one table; export {', '.join(tables)} one at a time or use xlsx")
    path.parent.mkdir(parents=True, exist_ok=True)
    records = {t: table_records(library, t, **_filters_for(t, filters)) for t in tables}
    if fmt == "csv":
        write_csv(records[tables[0]], tables[0], path)
    elif fmt == "parquet":
        write_parquet(records[tables[0]], tables[0], path)
    else:
        write_xlsx(records, path)
    return path


def _filters_for(what: str, filters: dict[str, Any]) -> dict[str, Any]:
    # company narrows every table; the other filters (metric, period, ...) only the facts
    return filters if what == "facts" else {k: v for k, v in filters.items() if k == "company"}


def write_csv(records: list[dict[str, Any]], what: str, path: Path) -> None:
    import csv

    names = [c for c, _ in COLUMNS[what]]
    # utf-8-sig so that Excel opens Chinese text correctly
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=names)
        writer.writeheader()
        writer.writerows({k: csv_safe(v) for k, v in r.items()} for r in records)


def write_parquet(records: list[dict[str, Any]], what: str, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def kind(name: str):
        if name in _BOOL:
            return pa.bool_()
        if name in ("value", "confidence", "completeness"):
            return pa.float64()
        if name in _NUMERIC:
            return pa.int64()
        return pa.string()

    schema = pa.schema([(c, kind(c)) for c, _ in COLUMNS[what]])
    pq.write_table(pa.Table.from_pylist(records, schema=schema), path)


def write_xlsx(tables: dict[str, list[dict[str, Any]]], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for what, records in tables.items():
        ws = wb.create_sheet(title=what.capitalize())
        columns = COLUMNS[what]
        ws.append([header for _, header in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row_no, r in enumerate(records, start=2):
            for col_no, (name, _) in enumerate(columns, start=1):
                _put(ws.cell(row=row_no, column=col_no), r[name])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        for i, (name, header) in enumerate(columns, start=1):
            widest = max([len(header)] + [len(str(r[name] or "")) for r in records[:200]])
            ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, widest + 2))
    wb.save(path)


_put = put_xlsx
