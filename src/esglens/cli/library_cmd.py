"""Library commands: ``add``, ``list``, ``show``, ``remove``, ``compare``, ``search`` and ``export``."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..formatting import fmt_number, fmt_share
from ..store import AddEvent, Library
from ..store import exports as exports_mod
from ..store.compare import BASES, PER, Comparison, known_metric
from . import app

console = Console()
err_console = Console(stderr=True)

DbOption = typer.Option(
    None, "--db", envvar="ESGLENS_DB", help="Library file (default: library.sqlite in the user's data directory)."
)


def _open(db: Path | None, create: bool = False) -> Library:
    """The library; only ``add`` creates one, the other commands say when there is none."""
    if not create and db is not None and not Path(db).exists():
        err_console.print(f"[red]error:[/] no library at {escape(str(db))}; create one with esglens add --db {escape(str(db))} FILES")
        raise typer.Exit(2)
    try:
        return Library(db)
    except Exception as exc:  # a path that is not a SQLite file, a folder without write access
        err_console.print(f"[red]error:[/] cannot open library {escape(str(db or ''))}: {escape(str(exc))}")
        raise typer.Exit(2)


@app.command()
def add(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (searched recursively)."),
    db: Path | None = DbOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes reading reports in parallel."),
) -> None:
    """Add reports to the library: read, extract, check and index each one (same content twice: skipped)."""
    with _open(db, create=True) as lib, Progress(
        TextColumn("[bold]adding"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.description}"), console=err_console, transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def on_event(event: AddEvent) -> None:
            name = Path(event.outcome.path).name
            bar.update(task, total=event.total, completed=event.done, description=escape(name))

        result = lib.add(paths, workers=workers, progress=on_event)
    for o in result.added:
        # soft_wrap: a file path is never broken over lines (people grep this output)
        console.print(f"[green]added[/]   #{o.report_id} {escape(o.path)}", soft_wrap=True)
    for o in result.skipped:
        console.print(f"[dim]skipped[/] {escape(o.path)} ({escape(o.message)})", soft_wrap=True)
    for o in result.failed:
        err_console.print(f"[red]failed[/]  {escape(o.path)}: {escape(o.message)}", soft_wrap=True)
    console.print(f"{len(result.added)} added, {len(result.skipped)} skipped, {len(result.failed)} failed")
    if result.failed:
        raise typer.Exit(1)


@app.command("list")
def list_reports(
    db: Path | None = DbOption,
    company: str | None = typer.Option(None, "--company", help="Only this company's reports."),
) -> None:
    """List the reports in the library."""
    with _open(db) as lib:
        reports = lib.list_reports(company=company)
    if not reports:
        console.print("The library is empty." if not company else f"No reports of {escape(company)}.")
        return
    table = Table("#", "company", "period", "format", "facts", "findings", "completeness", "file")
    for r in reports:
        table.add_row(
            str(r["id"]), escape(r["company"] or "?"), r["period"] or "?", r["format"], str(r["fact_count"]),
            str(r["finding_count"]), fmt_share(r["completeness"]), escape(r["filename"]),
        )
    console.print(table)


@app.command()
def show(
    ref: str = typer.Argument(..., help="A report (id, sha256 prefix, file name) or a company name."),
    db: Path | None = DbOption,
) -> None:
    """Show one report (facts and findings) or one company's reports."""
    with _open(db) as lib:
        report = lib.get_report(ref)
        if report is not None:
            _show_report(lib, report)
            return
        reports = lib.list_reports(company=ref) or lib.list_reports(company=ref, partial=True)
        if len(reports) == 1:  # a company with one report: show it
            _show_report(lib, lib.get_report(reports[0]["id"]))
            return
    if not reports:
        err_console.print(f"[red]error:[/] no report or company called {escape(ref)!r} in the library")
        raise typer.Exit(2)
    table = Table("#", "company", "period", "facts", "findings", "completeness", "file",
                  title=f"{len(reports)} report(s) matching {escape(ref)!r}")
    for r in reports:
        table.add_row(str(r["id"]), escape(r["company"] or "?"), r["period"] or "?", str(r["fact_count"]),
                      str(r["finding_count"]), fmt_share(r["completeness"]), escape(r["filename"]))
    console.print(table)


def _show_report(lib: Library, report: dict) -> None:
    console.print(f"[bold]#{report['id']} {escape(report['company'] or '?')} {report['period'] or ''}[/]")
    for key in ("title", "path", "format", "pages", "language", "script", "standards", "sha256", "added_at"):
        if report.get(key):
            console.print(f"  {key}: {escape(str(report[key]))}")
    facts = lib.facts(report=report["id"])
    table = Table("metric", "period", "breakdown", "value", "unit", "source", "line", title=f"{len(facts)} facts")
    for f in facts:
        dims = ", ".join(f"{k}={v}" for k, v in f["dims"].items())
        source = "derived" if f["derived"] else f["source"]
        table.add_row(f["metric"], f["period"], escape(dims), fmt_number(f["value"]), escape(f["unit"]),
                      source, str(f["line"]) + (f" p.{f['page']}" if f["page"] else ""))
    console.print(table)
    findings = lib.findings(report=report["id"])
    if findings:
        ft = Table("severity", "rule", "message", title=f"{len(findings)} findings")
        for g in findings:
            ft.add_row(g["severity"], escape(g["rule"]), escape(g["message"]))
        console.print(ft)


@app.command()
def remove(
    ref: str = typer.Argument(..., help="The report: id, sha256 prefix or file name."),
    db: Path | None = DbOption,
) -> None:
    """Remove a report and everything stored for it."""
    with _open(db) as lib:
        removed = lib.remove(ref)
    if removed is None:
        err_console.print(f"[red]error:[/] no report {escape(ref)!r} in the library")
        raise typer.Exit(2)
    console.print(f"removed #{removed['id']} {escape(removed['filename'])}")


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2022:2024"`` -> (2022, 2024); ``"2024"`` -> (2024, 2024)."""
    if not text:
        return None
    first, _, last = text.partition(":")
    try:
        a, b = int(first), int(last or first)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a year or a range like 2022:2024", param_hint="--years")
    return (min(a, b), max(a, b))


@app.command()
def compare(
    metric: str = typer.Option(..., "--metric", "-m", help="Metric id, e.g. ghg_scope2."),
    per: str | None = typer.Option(None, "--per", help=f"Divide by: {' | '.join(PER)}."),
    years: str | None = typer.Option(None, "--years", help="A year or a range, e.g. 2022:2024."),
    basis: str | None = typer.Option(
        None, "--basis", help="Scope 2 basis: location | market (default: the basis-free total, else location)."),
    db: Path | None = DbOption,
    json_out: bool = typer.Option(False, "--json", help="Write the comparison as JSON records."),
) -> None:
    """Compare companies and years on one metric, with year-over-year change and restatements."""
    if per is not None and per not in PER:
        raise typer.BadParameter(f"choose one of {', '.join(PER)}", param_hint="--per")
    if basis is not None and basis not in BASES:
        raise typer.BadParameter(f"choose one of {', '.join(BASES)}", param_hint="--basis")
    if not known_metric(metric):
        raise typer.BadParameter(f"unknown metric {metric!r}; metric ids are in docs/conventions.md "
                                 "(e.g. ghg_scope2, water, employees_total) or other:<name>", param_hint="--metric")
    span = parse_years(years)
    with _open(db) as lib:
        result = lib.compare(metric, per=per, years=span, basis=basis)
        restated = lib.restatements(metric=metric)
    if json_out:
        records = {"comparison": result.to_records(), "notes": result.notes,
                   "restatements": [r.to_dict() for r in restated]}
        typer.echo(json.dumps(records, ensure_ascii=False, indent=1))
        return
    _print_comparison(result)
    if restated:
        rt = Table("company", "period", "breakdown", "original", "revised", "change", title="Restatements")
        for r in restated:
            rt.add_row(
                escape(r.company), r.period, escape(", ".join(f"{k}={v}" for k, v in r.dims.items())),
                f"{fmt_number(r.original.value)} ({escape(r.original.filename)} l.{r.original.line})",
                f"{fmt_number(r.revised.value)} ({escape(r.revised.filename)} l.{r.revised.line})",
                f"{r.relative_change * 100:+.1f}%",
            )
        console.print(rt)


def _print_comparison(result: Comparison) -> None:
    if not result.rows:
        console.print(f"No reported totals of {escape(result.metric)} in the library.")
        return
    cells_all = [c for row in result.rows for c in row.cells.values()]
    units = sorted({c.unit for c in cells_all if c.value is not None} or {c.unit for c in cells_all})
    title = f"{result.metric}" + (f" per {result.per}" if result.per else "") + f" ({', '.join(units)})"
    derived = any(c.source == "derived" for c in cells_all)
    table = Table("company", *result.periods, title=escape(title),
                  caption="* derived by esglens, not printed" if derived else None)
    for row in result.rows:
        cells = []
        for period in result.periods:
            c = row.cells.get(period)
            if c is None:
                cells.append("")
                continue
            text = fmt_number(c.value) + ("*" if c.source == "derived" else "")
            if c.change_pct is not None:
                colour = "red" if c.change_pct > 0 else "green"
                text += f" [{colour}]({c.change_pct:+.1f}%)[/]"
            cells.append(text)
        table.add_row(escape(row.company), *cells)
    console.print(table)
    for note in result.notes:
        console.print(f"[yellow]note:[/] {escape(note)}")


@app.command("search")
def search_cmd(
    query: list[str] = typer.Argument(..., help="Words to find (Chinese in either script, or English)."),
    db: Path | None = DbOption,
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000),
    company: str | None = typer.Option(None, "--company", help="Only this company's reports."),
) -> None:
    """Search every line in the library; best matches first, hits highlighted."""
    text = " ".join(query)
    with _open(db) as lib:
        hits = lib.search(text, limit=limit, company=company)
    if not hits:
        console.print(f"Nothing found for {escape(text)!r}.")
        return
    for h in hits:
        where = f"{h.filename} " + (f"p.{h.page} " if h.page else "") + f"l.{h.line}"
        who = " ".join(x for x in (h.company, h.period) if x)
        console.print(f"[cyan]{escape(where)}[/] [dim]{escape(who)}[/]  {h.highlighted.rich()}")


@app.command()
def export(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv | xlsx | parquet"),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: esglens-<what>.<format>)."),
    what: str | None = typer.Option(
        None, "--what", help="facts | findings | reports (xlsx: default all three, one sheet each; else facts)."
    ),
    db: Path | None = DbOption,
    company: str | None = typer.Option(None, "--company", help="Only this company's facts."),
    metric: str | None = typer.Option(None, "--metric", help="Only this metric (a trailing * matches a prefix)."),
) -> None:
    """Export facts (with evidence: quote, page, line, report file and hash) and findings."""
    if fmt not in exports_mod.FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(exports_mod.FORMATS)}", param_hint="--format")
    if what is not None and what not in exports_mod.TABLES:
        raise typer.BadParameter(f"choose one of {', '.join(exports_mod.TABLES)}", param_hint="--what")
    tables: str | list[str] = what or (list(exports_mod.TABLES) if fmt == "xlsx" else "facts")
    name = what or ("library" if fmt == "xlsx" else "facts")
    target = output or Path(f"esglens-{name}.{fmt}")
    filters = {k: v for k, v in (("company", company), ("metric", metric)) if v}
    with _open(db) as lib:
        try:
            path = exports_mod.export(lib, target, fmt, tables, **filters)
        except (ValueError, OSError) as exc:
            err_console.print(f"[red]error:[/] {escape(str(exc))}")
            raise typer.Exit(2)
    console.print(f"wrote {escape(str(path))}")
