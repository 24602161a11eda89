"""``esglens check FILE``: the check report as a Rich table grouped by HKEX aspect, or JSON/Markdown/HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import InputError
from . import app

_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def _render_table(report, show_all: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    c = report.counts
    console.print(f"[bold]{report.path}[/bold]: {c['error']} errors, {c['warning']} warnings, {c['info']} info; "
                  f"{report.facts_count} facts; {report.completeness.get('version_name', '')}")
    overall = report.completeness.get("overall")
    if overall:
        reference = "" if report.completeness.get("applies", True) else \
            " [dim](for reference only: the report does not say it follows the HKEX code)[/dim]"
        console.print(f"HKEX completeness: {overall['score']:.0%} ({overall['disclosed']} disclosed, "
                      f"{overall['explained']} explained, {overall['missing']} missing){reference}")
    for aspect, findings in report.grouped():
        hidden = 0 if show_all else sum(f.severity == "info" for f in findings)
        findings = findings if show_all else [f for f in findings if f.severity != "info"]
        score = report.completeness.get("aspects", {}).get(aspect, {}).get("score")
        title = f"{aspect}" + (f" — completeness {score:.0%}" if score is not None else "")
        table = Table(title=title, title_justify="left", show_lines=False, expand=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("finding", ratio=3)
        table.add_column("lines", max_width=18, overflow="fold")
        for f in findings:
            table.add_row(f"[{_STYLE.get(f.severity, '')}]{f.severity}[/]", f"{f.message}\n[dim]{f.id}[/dim]",
                          ", ".join(map(str, f.lines[:6])))
        if findings:
            console.print(table)
        else:
            console.print(f"[bold]{title}[/bold]: nothing to flag")
        if hidden:
            console.print(f"[dim]  {hidden} passing checks and disclosures not shown (--all shows them)[/dim]")


@app.command()
def check(
    file: Path = typer.Argument(..., help="Report file: PDF, text, HTML or Markdown."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | md | html"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    show_all: bool = typer.Option(False, "--all", "-a", help="Table: also list passing checks and disclosures."),
) -> None:
    """Check a report: arithmetic, year over year, implied factors, HKEX completeness, content index."""
    from ..check import check_source

    if fmt not in ("table", "json", "md", "html"):
        typer.echo(f"error: unknown format {fmt!r} (table, json, md, html)", err=True)
        raise typer.Exit(2)
    try:
        report = check_source(file)
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if fmt == "table" and output is None:
        _render_table(report, show_all)
        return
    text = {"json": report.to_json, "md": report.to_markdown, "html": report.to_html,
            "table": report.to_markdown}[fmt]()
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}")
