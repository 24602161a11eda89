"""The server-rendered pages: library overview, report with evidence, comparison charts, search, upload."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from fastapi import APIRouter, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from ..store import Library
from ..store.compare import Comparison, year_of
from . import charts, labels, queries
from .api import MAX_ID, add_upload, parse_years, restatement_out, worst_first
from .app import LibraryDep, check_same_origin, report_or_404, settings_of, token_matches
from .uploads import UploadRejected

router = APIRouter(include_in_schema=False)
ReportId = Path(..., ge=1, le=MAX_ID)
EVIDENCE_CONTEXT = 3  # lines shown above and below a fact's line
PAGE_CONTEXT = 15
PER_WORDS = {"employees": "per employee", "revenue": "per million revenue"}


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("nav", "")
    context["token_required"] = settings_of(request).token is not None
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


# -- overview ------------------------------------------------------------------------------------


@dataclass
class CompanyRow:
    name: str
    cells: dict[str, list[dict]] = field(default_factory=dict)  # period -> reports


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, lib: Library = LibraryDep) -> HTMLResponse:
    reports = queries.with_completeness(lib, lib.list_reports())
    rows: dict[str, CompanyRow] = {}
    for r in reports:
        key = r["company_key"] or f"#{r['id']}"
        row = rows.setdefault(key, CompanyRow(r["company"] or r["filename"]))
        row.cells.setdefault(r["period"] or "?", []).append(r)
    periods = sorted({p for row in rows.values() for p in row.cells}, key=_period_order)
    ordered = sorted(rows.values(), key=lambda row: row.name.casefold())
    # totals from the report rows: counting the line and search tables would scan them
    counts = {k: sum(r[f"{k[:-1]}_count"] for r in reports) for k in ("facts", "findings", "lines")}
    return render(request, "overview.html.j2", nav="overview", rows=ordered, periods=periods,
                  counts={"reports": len(reports), **counts}, reports=reports)


def _period_order(period: str) -> tuple[int, str]:
    return (year_of(period) or 0, period)


# -- one report ----------------------------------------------------------------------------------


@dataclass
class AspectGroup:
    aspect: str
    title_en: str
    title_zh: str
    facts: list[dict]


@router.get("/reports/{report_id}", response_class=HTMLResponse)
def report_page(request: Request, report_id: int = ReportId, lib: Library = LibraryDep) -> HTMLResponse:
    report = queries.with_completeness(lib, [report_or_404(lib, report_id)])[0]
    facts = lib.facts(report=report_id)
    text = _lines_near(lib, report_id, [f["line"] for f in facts])
    for f in facts:
        f["evidence"] = _evidence_html(f, text)
    findings = worst_first(lib.findings(report=report_id))
    severities = Counter(g["severity"] for g in findings)
    return render(request, "report.html.j2", report=report, groups=_by_aspect(facts), fact_total=len(facts),
                  severities=severities, coverage=_coverage(findings),
                  shown=[g for g in findings if g["severity"] != "info"],
                  info=[g for g in findings if g["severity"] == "info"])


@dataclass
class AspectCoverage:
    aspect: str
    title_en: str
    met: int  # provisions disclosed or explained
    total: int

    @property
    def state(self) -> str:
        return "full" if self.met == self.total else "none" if self.met == 0 else "part"


def _coverage(findings: list[dict]) -> list[AspectCoverage]:
    """HKEX comply-or-explain status per aspect, from the completeness findings."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for g in findings:
        if g["rule"] == queries.COMPLETENESS_RULE:
            counts[g["aspect"] or labels.aspect_of(g["provision"])][g["status"] in ("disclosed", "explained")] += 1
    return [
        AspectCoverage(a, labels.aspect_title(a)[0], counts[a][True], sum(counts[a].values()))
        for a in sorted(counts, key=labels.aspect_sort_key)
    ]


def _lines_near(lib: Library, report_id: int, cited: list[int]) -> dict[int, dict]:
    """The report's lines within the evidence context of the cited lines, fetched as merged ranges."""
    spans: list[list[int]] = []
    for n in sorted(set(n for n in cited if n > 0)):
        first, last = max(1, n - EVIDENCE_CONTEXT), n + EVIDENCE_CONTEXT
        if spans and first <= spans[-1][1] + 1:
            spans[-1][1] = last
        else:
            spans.append([first, last])
    return {ln["no"]: ln for first, last in spans for ln in lib.lines(report_id, first, last)}


def _evidence_html(fact: dict, text: dict[int, dict]) -> Markup:
    """The lines around a fact as an ordered list, its own line marked (built here: a page holds hundreds)."""
    cited = set(fact["lines"] or [])
    items = []
    for n in range(max(fact["line"] - EVIDENCE_CONTEXT, 1), fact["line"] + EVIDENCE_CONTEXT + 1):
        ln = text.get(n)
        if ln is None:
            continue
        kind = "main" if n == fact["line"] else "cited" if n in cited else ""
        page = f" · p.{ln['page']}" if ln["page"] else ""
        items.append(
            f'<li value="{n}" class="{kind}"><span class="no">{n}{page}</span>'
            f'<span class="text">{escape(ln["text"])}</span></li>'
        )
    return Markup(f'<ol class="source-lines">{"".join(items)}</ol>') if items else Markup("")


def _by_aspect(facts: list[dict]) -> list[AspectGroup]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for f in facts:
        grouped[labels.aspect_of(f["hkex"] or labels.metric_label(f["metric"]).hkex)].append(f)
    groups = []
    for aspect in sorted(grouped, key=labels.aspect_sort_key):
        ordered = sorted(
            grouped[aspect],
            key=lambda f: (labels.metric_label(f["metric"]).order, f["metric"], bool(f["dims"]), f["dims_key"],
                           -(year_of(f["period"]) or 0), f["line"]),
        )
        en, zh = labels.aspect_title(aspect)
        groups.append(AspectGroup(aspect, en, zh, ordered))
    return groups


@router.get("/reports/{report_id}/lines", response_class=HTMLResponse)
def report_lines(
    request: Request,
    report_id: int = ReportId,
    around: int = Query(1, ge=1, le=MAX_ID),
    lib: Library = LibraryDep,
) -> HTMLResponse:
    """The report's text around one line (a search hit, a fact's evidence), that line highlighted."""
    report = report_or_404(lib, report_id)
    start = max(1, around - PAGE_CONTEXT)
    shown = lib.lines(report_id, start, around + PAGE_CONTEXT)
    return render(request, "lines.html.j2", report=report, lines=shown, around=around,
                  earlier=max(1, start - PAGE_CONTEXT - 1) if start > 1 else None,
                  later=around + 2 * PAGE_CONTEXT + 1 if shown and shown[-1]["no"] < report["line_count"] else None)


@router.post("/reports/{report_id}/delete")
def delete_report(
    request: Request,
    report_id: int = ReportId,
    token: str | None = Form(None, max_length=500),
    lib: Library = LibraryDep,
) -> Response:
    check_same_origin(request)
    if not token_matches(request, token):
        raise HTTPException(401, "the token is missing or wrong; the report was not removed")
    report_or_404(lib, report_id)
    lib.remove(report_id)
    return RedirectResponse("/", status_code=303)


# -- comparison ----------------------------------------------------------------------------------


@router.get("/compare", response_class=HTMLResponse)
def compare_page(
    request: Request,
    metric: str | None = Query(None, max_length=100),
    per: Literal["employees", "revenue", ""] | None = Query(None),
    years: str | None = Query(None, max_length=20),
    year_from: int | None = Query(None, ge=1900, le=2200),
    year_to: int | None = Query(None, ge=1900, le=2200),
    period: str | None = Query(None, max_length=20, description="The period the bar chart shows."),
    lib: Library = LibraryDep,
) -> HTMLResponse:
    available = sorted(queries.reported_metrics(lib), key=lambda m: (labels.metric_label(m[0]).order, m[0]))
    all_years = queries.reported_years(lib)
    if not metric and available:
        metric = "ghg_total" if any(m == "ghg_total" for m, _ in available) else max(available, key=lambda m: m[1])[0]
    span = parse_years(years) if years else _span(year_from, year_to)
    context: dict[str, Any] = {
        "metrics": available, "metric": metric, "per": per or "", "all_years": all_years,
        "year_from": span[0] if span else None, "year_to": span[1] if span else None,
    }
    if metric:
        result = lib.compare(metric, per=per or None, years=span)
        context.update(_charts(result, period))
        context["restatements"] = [restatement_out(r) for r in lib.restatements(metric=metric)]
    return render(request, "compare.html.j2", nav="compare", **context)


def _span(first: int | None, last: int | None) -> tuple[int, int] | None:
    if first is None and last is None:
        return None
    a, b = first or last, last or first
    return (min(a, b), max(a, b))


def _charts(result: Comparison, period: str | None) -> dict[str, Any]:
    label = labels.metric_label(result.metric)
    units = Counter(c.unit for row in result.rows for c in row.cells.values() if c.value is not None)
    unit = units.most_common(1)[0][0] if units else ""
    counts = Counter(p for row in result.rows for p, c in row.cells.items() if c.value is not None and c.unit == unit)
    if period not in counts:
        # the period most companies report, the latest of those
        period = max(counts, key=lambda p: (counts[p], _period_order(p))) if counts else None
    title = f"{label.zh} {label.en}".strip() + (f" {PER_WORDS[result.per]}" if result.per else "")
    bars = [
        charts.Bar(row.company, c.value, "*" if c.source == "derived" else "")
        for row in result.rows
        if (c := row.cells.get(period)) is not None and c.value is not None and c.unit == unit
    ]
    bars.sort(key=lambda b: -b.value)
    series = [
        charts.Series(row.company, [(p, _value_in(row.cells.get(p), unit)) for p in result.periods])
        for row in result.rows
        if any(_value_in(row.cells.get(p), unit) is not None for p in result.periods)
    ]
    return {
        "result": result, "unit": unit, "period": period, "periods_with_values": sorted(counts, key=_period_order),
        "bar_svg": charts.bar_chart(f"{title}, {period}" if period else title, unit, bars),
        "line_svg": charts.line_chart(title, unit, result.periods, series) if len(result.periods) > 1 else "",
        "other_units": [u for u in units if u != unit],
    }


def _value_in(cell: Any, unit: str) -> float | None:
    return cell.value if cell is not None and cell.value is not None and cell.unit == unit else None


# -- search --------------------------------------------------------------------------------------


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = Query("", max_length=200),
    lib: Library = LibraryDep,
) -> HTMLResponse:
    hits = lib.search(q, limit=50) if q.strip() else []
    return render(request, "search.html.j2", nav="search", q=q, hits=hits)


# -- upload --------------------------------------------------------------------------------------


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> HTMLResponse:
    return render(request, "upload.html.j2", nav="upload", limit_mb=_limit_mb(request))


@router.post("/upload", response_class=HTMLResponse)
def upload_submit(
    request: Request,
    file: UploadFile | None = File(None),
    token: str | None = Form(None, max_length=500),
    lib: Library = LibraryDep,
) -> Response:
    def failed(status: int, message: str) -> HTMLResponse:
        return render(request, "upload.html.j2", status, nav="upload", error=message, limit_mb=_limit_mb(request))

    check_same_origin(request)
    if not token_matches(request, token):
        return failed(401, "The token is missing or wrong: this server needs it to add reports.")
    if file is None or not file.filename and file.size == 0:
        return failed(400, "Choose a report file to upload.")
    try:
        outcome, report = add_upload(request, lib, file)
    except UploadRejected as exc:
        return failed(exc.status, exc.message[0].upper() + exc.message[1:] + ".")
    except HTTPException as exc:
        return failed(exc.status_code, str(exc.detail))
    note = "added" if outcome == "added" else "already"
    return RedirectResponse(f"/reports/{report['id']}?uploaded={note}", status_code=303)


def _limit_mb(request: Request) -> int:
    return settings_of(request).max_upload_bytes // (1024 * 1024)
