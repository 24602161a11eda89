"""``esglens parse FILE``: the document model, as a readable summary or as JSON."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable
from rich.tree import Tree

from ..errors import InputError
from ..ingest import parse as parse_document
from ..model import Document, Metadata, Section, Table
from . import app

SECTION_DEPTH = 2  # levels of the section tree shown in the summary
TABLE_PREVIEW_ROWS = 3


@app.command()
def parse(
    file: Path = typer.Argument(..., help="Report file: PDF, text, HTML or Markdown."),
    json_out: bool = typer.Option(False, "--json", help="Write the full document model as JSON."),
) -> None:
    """Read a report and show what esglens sees in it."""
    try:
        doc = parse_document(file)
    except InputError as exc:
        typer.echo(f"error: {exc.path}: {exc.problem}", err=True)
        raise typer.Exit(2)
    except Exception as exc:  # a bug, not bad input: one line for a batch, the trace on request
        if os.environ.get("ESGLENS_DEBUG"):
            raise
        typer.echo(f"error: {file}: internal error ({type(exc).__name__}: {exc}); "
                   "set ESGLENS_DEBUG=1 for the traceback", err=True)
        raise typer.Exit(1)
    if json_out:
        sys.stdout.write(doc.to_json(indent=1) + "\n")
        return
    print_summary(doc, Console())


def print_summary(doc: Document, console: Console) -> None:
    """Everything the model holds, briefly: file, lines, metadata, sections, tables."""
    console.print(_overview(doc))
    if doc.warnings:
        for warning in doc.warnings:
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    console.print(_sections(doc.sections))
    if not doc.tables:
        console.print("[bold]Tables[/bold]: none recognised")
    for table in doc.tables:
        console.print(_table_heading(table))
        console.print(_table(table))


def _overview(doc: Document) -> RichTable:
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    content = sum(1 for ln in doc.lines if ln.is_content)
    furniture = sum(1 for ln in doc.lines if ln.role in ("header", "footer"))
    rows = [
        ("File", doc.path),
        ("Format", doc.format + (f" ({doc.encoding})" if doc.encoding else "")),
        ("Pages", str(doc.pages) if doc.pages else "-"),
        ("Lines", f"{len(doc.lines)} ({content} content, {furniture} header/footer)"),
        *_metadata_rows(doc.metadata),
        ("Tables", str(len(doc.tables))),
    ]
    for key, value in rows:
        grid.add_row(key, escape(value))
    return grid


def _metadata_rows(meta: Metadata) -> list[tuple[str, str]]:
    period = "-"
    if meta.period is not None:
        span = " to ".join(d for d in (meta.period.start, meta.period.end) if d)
        period = meta.period.label + (f" ({span})" if span else "") + (" fiscal" if meta.period.fiscal else "")
    language = (meta.language or "-") + (f" / {meta.script}" if meta.script else "")
    standards = ", ".join(meta.standards) or "-"
    if meta.hkex_code_version:
        standards += f" (HKEX {meta.hkex_code_version})"
    rows = [
        ("Title", meta.title or "-"),
        ("Company", meta.company or "-"),
        ("Period", period),
        ("Language", language),
        ("Standards", standards),
    ]
    if meta.date:
        rows.append(("Date", meta.date))
    return rows


def _sections(sections: list[Section]) -> Tree:
    tree = Tree(f"[bold]Sections[/bold] ({sum(1 for s in sections for _ in s.walk())})")

    def add(node: Tree, section: Section, depth: int) -> None:
        where = f"line {section.line}" + (f", p.{section.page}" if section.page else "")
        child = node.add(f"{escape(section.title)} [dim]({where})[/dim]")
        if depth < SECTION_DEPTH:
            for sub in section.children:
                add(child, sub, depth + 1)

    for section in sections:
        add(tree, section, 1)
    return tree


def _table_heading(table: Table) -> str:
    where = f"lines {table.first_line}-{table.last_line}" + (f", p.{table.page}" if table.page else "")
    title = f": {escape(table.title)}" if table.title else ""
    return f"[bold]Table {table.id}[/bold]{title} [dim]({where}, layout {table.layout}, {len(table.rows)} rows)[/dim]"


def _table(table: Table) -> RichTable:
    out = RichTable(caption="…" if len(table.rows) > TABLE_PREVIEW_ROWS else None)
    out.add_column("label")
    out.add_column("unit")
    for col in table.columns:
        period = f" ({col.period})" if col.period and col.period != col.label else ""
        out.add_column(escape(col.label + period))
    for row in table.rows[:TABLE_PREVIEW_ROWS]:
        cells = (escape(c.text) if c else "" for c in row.cells)
        out.add_row(escape(row.label), escape(row.unit or ""), *cells)
    return out
