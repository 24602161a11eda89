"""``esglens extract FILE`` and ``esglens eval GOLD FILE``."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..facts import FACT_FIELDS, FactSet
from ..store.spreadsheet import csv_safe
from . import app


class FactFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


def _load(file: Path) -> FactSet:
    import esglens

    try:
        return esglens.extract(file)
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)


def _flat(record: dict) -> dict:
    out = dict(record)
    out["dims"] = json.dumps(record["dims"], ensure_ascii=False) if record["dims"] else ""
    out["lines"] = " ".join(str(n) for n in record["lines"])
    return out


@app.command()
def extract(
    file: Path = typer.Argument(..., help="Report file: PDF, text, HTML or Markdown."),
    fmt: FactFormat = typer.Option(FactFormat.table, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout (required for xlsx)."),
) -> None:
    """Extract every quantitative KPI as facts with their evidence."""
    facts = _load(file)
    if fmt is FactFormat.xlsx:
        if output is None:
            typer.echo("error: --format xlsx needs --output FILE.xlsx", err=True)
            raise typer.Exit(2)
        from ..store.spreadsheet import write_xlsx_sheet

        rows = [[_flat(r)[k] for k in FACT_FIELDS] for r in facts.to_records()]
        write_xlsx_sheet(output, "facts", list(FACT_FIELDS), rows)
        typer.echo(f"{len(facts)} facts written to {output}", err=True)
        return
    if fmt is FactFormat.jsonl:
        text = facts.to_jsonl()
    elif fmt is FactFormat.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=FACT_FIELDS)
        writer.writeheader()
        writer.writerows({k: csv_safe(v) for k, v in _flat(r).items()} for r in facts.to_records())
        text = buf.getvalue()
    else:
        _print_table(facts, output)
        return
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _print_table(facts: FactSet, output: Path | None) -> None:
    console = Console(file=open(output, "w", encoding="utf-8") if output else None, width=160 if output else None)
    doc = facts.document
    meta = doc.metadata
    period = meta.period.label if meta.period else "?"
    console.print(f"[bold]{doc.path}[/] — {meta.company or 'company unknown'}, period {period}: {len(facts)} facts")
    # on a narrow terminal the less needed columns go first; the breakdown never disappears,
    # or a gender row would look like a second total
    columns = ["metric", "HKEX", "period", "breakdown", "value", "unit", "as printed", "where", "src"]
    width = console.width
    for col, needs in (("src", 150), ("HKEX", 130), ("as printed", 110)):
        if width < needs:
            columns.remove(col)
    table = Table(show_lines=False, box=box.SIMPLE_HEAD, pad_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold", min_width=16 if col == "breakdown" else None,
                         no_wrap=col in ("metric", "HKEX", "period", "value", "where"))
    for f in facts:
        where = (f"p{f.page} " if f.page else "") + f"L{f.line}"
        dims = ", ".join(f"{k}={v}" for k, v in f.dims.items())
        printed = f"{f.qualifier + ' ' if f.qualifier else ''}{f.raw_value} {f.raw_unit or ''}".strip()
        cells = {"metric": f.metric, "HKEX": f.hkex or "", "period": f.period, "breakdown": dims,
                 "value": f"{f.value:,.10g}", "unit": f.unit, "as printed": printed, "where": where,
                 "src": "derived" if f.derived else f.source}
        table.add_row(*(cells[c] for c in columns))
    console.print(table)


@app.command("eval")
def eval_(
    gold: Path = typer.Argument(..., help="Gold file (JSON lines) written by reading the report."),
    file: Path = typer.Argument(..., help="The report the gold file describes."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List missed gold records and spurious facts."),
) -> None:
    """Score extraction against a gold file: precision, recall and F1 by metric and overall."""
    from ..extract.evaluate import evaluate, load_gold

    try:
        records = load_gold(gold)
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {gold}: {exc}", err=True)
        raise typer.Exit(2)
    result = evaluate(records, _load(file))
    if json_out:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
        return
    console = Console()
    table = Table(title=f"{file.name} vs {gold.name}")
    for col in ("metric", "gold", "found", "tp", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "metric" else "left")
    for metric, s in sorted(result.by_metric.items()):
        table.add_row(metric, str(s.tp + s.fn), str(s.tp + s.fp), str(s.tp),
                      f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    for name, o in (("taxonomy metrics", result.taxonomy), ("overall", result.overall)):
        table.add_row(f"[bold]{name}", str(o.tp + o.fn), str(o.tp + o.fp), str(o.tp),
                      f"[bold]{o.precision:.3f}", f"[bold]{o.recall:.3f}", f"[bold]{o.f1:.3f}")
    console.print(table)
    if errors:
        for g in result.missed:
            console.print(f"[red]missed[/] {g['metric']} {g['period']} {g.get('dims') or {}} {g['value']} "
                          f"(line {g.get('line')}, page {g.get('page')})")
        for f in result.spurious:
            console.print(f"[yellow]spurious[/] {f.metric} {f.period} {f.dims} {f.value} {f.unit} "
                          f"(line {f.line}): {f.quote[:80]}")
