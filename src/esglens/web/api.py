"""The REST API under ``/api``: reports, facts, findings, comparison, search, upload and delete (JSON, OpenAPI)."""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..store import Library
from ..store.compare import known_metric
from . import labels, queries
from .app import LibraryDep, report_or_404, require_writer, settings_of
from .uploads import save_upload

router = APIRouter(prefix="/api", tags=["api"])

MAX_ID = 2**63 - 1  # SQLite's integer range: a larger id is a 4xx, not an overflow
ReportId = Path(..., ge=1, le=MAX_ID, description="The report's id in the library.")
PER_CHOICES = ("employees", "revenue")


class ErrorOut(BaseModel):
    error: str
    status: int


class ReportOut(BaseModel):
    id: int
    company: str | None
    period: str | None
    period_start: str | None
    period_end: str | None
    fiscal: bool
    title: str | None
    filename: str
    format: str
    language: str | None
    script: str | None
    standards: list[str]
    hkex_code_version: str | None
    pages: int | None
    line_count: int
    fact_count: int
    finding_count: int
    completeness: float | None
    sha256: str
    added_at: str
    warnings: list[str]


class FactOut(BaseModel):
    id: int
    report_id: int
    company: str | None
    metric: str
    label_en: str
    label_zh: str
    hkex: str | None
    gri: str | None
    value: float
    unit: str
    raw_value: str | None
    raw_unit: str | None
    period: str
    period_start: str | None
    period_end: str | None
    dims: dict[str, str]
    page: int | None
    line: int
    quote: str
    source: str
    confidence: float
    qualifier: str | None
    derived: bool
    label: str | None
    lines: list[int]
    table: int | None


class FindingOut(BaseModel):
    id: int
    report_id: int
    finding_id: str
    rule: str
    severity: str
    message: str
    aspect: str | None
    provision: str | None
    status: str | None
    facts: list[dict[str, Any]]
    lines: list[int]
    data: dict[str, Any]


class LineOut(BaseModel):
    no: int
    page: int | None
    role: str
    text: str


class CompareCellOut(BaseModel):
    value: float | None
    unit: str
    period: str
    source: str
    report_id: int
    line: int
    page: int | None
    quote: str
    raw_value: str | None
    metric_value: float
    denominator: float | None
    denominator_unit: str | None
    change_pct: float | None
    note: str | None


class CompareRowOut(BaseModel):
    company: str
    company_key: str
    cells: dict[str, CompareCellOut]


class StatedOut(BaseModel):
    value: float
    unit: str
    raw_value: str | None
    report_id: int
    report_period: str | None
    filename: str
    line: int
    page: int | None
    quote: str


class RestatementOut(BaseModel):
    company: str
    metric: str
    period: str
    dims: dict[str, str]
    original: StatedOut
    revised: StatedOut
    relative_change: float | None


class CompareOut(BaseModel):
    metric: str
    label_en: str
    label_zh: str
    per: str | None
    periods: list[str]
    rows: list[CompareRowOut]
    notes: list[str]
    restatements: list[RestatementOut]


class Segment(BaseModel):
    text: str
    hit: bool


class SearchHitOut(BaseModel):
    report_id: int
    company: str | None
    period: str | None
    filename: str
    page: int | None
    line: int
    text: str
    segments: list[Segment]
    score: float


class SearchOut(BaseModel):
    query: str
    hits: list[SearchHitOut]


class UploadOut(BaseModel):
    status: Literal["added", "skipped"]
    message: str
    report: ReportOut


class RemovedOut(BaseModel):
    removed: ReportOut


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 422: {"model": ErrorOut},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS, 401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut}, 415: {"model": ErrorOut},
}


# -- reading -----------------------------------------------------------------------------------


@router.get("/reports", response_model=list[ReportOut], responses=ERRORS)
def list_reports(
    company: str | None = Query(None, max_length=200, description="Only this company (name in any script)."),
    lib: Library = LibraryDep,
) -> list[dict]:
    """Every report in the library, by company then period."""
    return queries.with_completeness(lib, lib.list_reports(company=company, partial=bool(company)))


@router.get("/reports/{report_id}", response_model=ReportOut, responses=ERRORS)
def get_report(report_id: int = ReportId, lib: Library = LibraryDep) -> dict:
    """One report's metadata."""
    return queries.with_completeness(lib, [report_or_404(lib, report_id)])[0]


@router.get("/reports/{report_id}/facts", response_model=list[FactOut], responses=ERRORS)
def report_facts(
    report_id: int = ReportId,
    metric: str | None = Query(None, max_length=100, description="Metric id; a trailing * matches a prefix."),
    period: str | None = Query(None, max_length=20),
    lib: Library = LibraryDep,
) -> list[dict]:
    """The facts of one report, each with its evidence (page, line, quote)."""
    report_or_404(lib, report_id)
    return [fact_out(f) for f in lib.facts(report=report_id, metric=metric, period=period)]


@router.get("/facts", response_model=list[FactOut], responses=ERRORS)
def facts(
    company: str | None = Query(None, max_length=200),
    metric: str | None = Query(None, max_length=100, description="Metric id; a trailing * matches a prefix."),
    period: str | None = Query(None, max_length=20, description='"2024" or "FY2024".'),
    totals_only: bool = Query(False, description="Leave out breakdowns (dims)."),
    limit: int = Query(1000, ge=1, le=10000),
    offset: int = Query(0, ge=0, le=MAX_ID),
    lib: Library = LibraryDep,
) -> list[dict]:
    """Facts across the library, filtered by company, metric and period."""
    rows = lib.facts(company=company, metric=metric, period=period, totals_only=totals_only, limit=limit,
                     offset=offset)
    return [fact_out(f) for f in rows]


@router.get("/reports/{report_id}/findings", response_model=list[FindingOut], responses=ERRORS)
def findings(
    report_id: int = ReportId,
    severity: Literal["error", "warning", "info"] | None = Query(None),
    lib: Library = LibraryDep,
) -> list[dict]:
    """The check findings of one report, worst first."""
    report_or_404(lib, report_id)
    return worst_first(lib.findings(report=report_id, severity=severity))


@router.get("/reports/{report_id}/lines", response_model=list[LineOut], responses=ERRORS)
def lines(
    report_id: int = ReportId,
    start: int = Query(1, ge=1, le=MAX_ID),
    end: int | None = Query(None, ge=1, le=MAX_ID, description="Inclusive; at most 500 lines per request."),
    lib: Library = LibraryDep,
) -> list[dict]:
    """Lines of a report's text: the evidence around a fact."""
    report_or_404(lib, report_id)
    last = min(end if end is not None else start + 499, start + 499)
    if last < start:
        raise HTTPException(400, "end must not be before start")
    return lib.lines(report_id, start, last)


@router.get("/compare", response_model=CompareOut, responses=ERRORS)
def compare(
    metric: str = Query(..., min_length=1, max_length=100, description="Metric id, e.g. ghg_scope2."),
    per: Literal["employees", "revenue"] | None = Query(None, description="Divide by employees or revenue."),
    years: str | None = Query(None, max_length=20, description='A year or a range: "2024", "2022:2024".'),
    basis: Literal["location", "market"] | None = Query(
        None, description="Scope 2 basis; by default the basis-free total, else the location-based value."),
    lib: Library = LibraryDep,
) -> dict:
    """Companies x periods of one metric, with intensities, year-over-year change and restatements."""
    if not known_metric(metric):
        raise HTTPException(400, f"unknown metric {metric!r}: use a taxonomy id (e.g. ghg_scope2) or other:<name>")
    result = lib.compare(metric, per=per, years=parse_years(years), basis=basis)
    label = labels.metric_label(metric)
    return {
        "metric": result.metric, "label_en": label.en, "label_zh": label.zh, "per": result.per,
        "periods": result.periods, "notes": result.notes,
        "rows": [{"company": r.company, "company_key": r.company_key,
                  "cells": {p: vars(c) for p, c in r.cells.items()}} for r in result.rows],
        "restatements": [restatement_out(r) for r in lib.restatements(metric=metric)],
    }


@router.get("/search", response_model=SearchOut, responses=ERRORS)
def search(
    q: str = Query(..., min_length=1, max_length=200, description="Words, Chinese in either script or English."),
    limit: int = Query(20, ge=1, le=200),
    company: str | None = Query(None, max_length=200),
    lib: Library = LibraryDep,
) -> dict:
    """Lines matching every word of the query, best first, with the hits marked."""
    hits = lib.search(q, limit=limit, company=company)
    return {
        "query": q,
        "hits": [
            {**{k: getattr(h, k) for k in ("report_id", "company", "period", "filename", "page", "line", "text",
                                             "score")},
             "segments": [{"text": t, "hit": hit} for t, hit in h.highlighted.segments]}
            for h in hits
        ],
    }


# -- writing -----------------------------------------------------------------------------------


@router.post(
    "/reports", response_model=UploadOut, status_code=201, responses=WRITE_ERRORS,
    dependencies=[Depends(require_writer)],
)
def upload(request: Request, file: UploadFile = File(..., description="PDF, text, Markdown or HTML."),
           lib: Library = LibraryDep) -> JSONResponse | dict:
    """Add a report: read, extract, check and index it. The same content twice is not added again."""
    outcome, report = add_upload(request, lib, file)
    body = {"status": outcome, "message": "" if outcome == "added" else "already in the library", "report": report}
    if outcome == "skipped":
        return JSONResponse(UploadOut(**body).model_dump(), status_code=200)
    return body


@router.delete("/reports/{report_id}", response_model=RemovedOut, responses=WRITE_ERRORS,
               dependencies=[Depends(require_writer)])
def delete(report_id: int = ReportId, lib: Library = LibraryDep) -> dict:
    """Remove a report and everything stored for it."""
    report_or_404(lib, report_id)
    return {"removed": lib.remove(report_id)}


# -- shared with the pages -----------------------------------------------------------------------


def add_upload(request: Request, lib: Library, file: UploadFile) -> tuple[str, dict]:
    """Save the upload under a server-chosen name and add it; ("added" | "skipped", report) or a 4xx."""
    settings = settings_of(request)
    saved = save_upload(file.file, file.filename, settings.upload_dir, settings.max_upload_bytes)
    result = lib.add([saved.path])
    if result.failed:
        if saved.created:
            saved.path.unlink(missing_ok=True)
        raise HTTPException(422, f"the report could not be read: {result.failed[0].message}")
    outcome = result.added[0] if result.added else result.skipped[0]
    if outcome.status == "skipped" and saved.created:
        saved.path.unlink(missing_ok=True)  # the library holds this content from another file already
    shown = display_name(file.filename)
    if outcome.status == "added" and shown:
        lib.set_filename(int(outcome.report_id), shown)  # people know their file by its name, not its hash
    return outcome.status, queries.with_completeness(lib, [report_or_404(lib, int(outcome.report_id))])[0]


def display_name(filename: str | None) -> str | None:
    """The uploaded file's own name, for display only: no folders, no control characters, 200 at most."""
    if not filename:
        return None
    name = re.split(r"[\\/]", filename)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:200] or None


def fact_out(f: dict) -> dict:
    label = labels.metric_label(f["metric"])
    return {**f, "label_en": label.en, "label_zh": label.zh}


def worst_first(findings: list[dict]) -> list[dict]:
    return sorted(findings, key=lambda g: (labels.SEVERITY_ORDER.get(g["severity"], 9), g["id"]))


def restatement_out(r: Any) -> dict:
    d = r.to_dict()
    change = d["relative_change"]
    d["relative_change"] = None if change in (float("inf"), float("-inf")) else change
    return d


_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[:\-–]\s*(\d{4})\s*)?$")


def parse_years(text: str | None) -> tuple[int, int] | None:
    """``"2022:2024"`` (or ``2022-2024``) -> (2022, 2024); ``"2024"`` -> (2024, 2024); junk -> 422."""
    if not text:
        return None
    m = _YEARS.match(text)
    if not m:
        raise HTTPException(422, f"years must be a year or a range like 2022:2024, not {text!r}")
    a, b = int(m.group(1)), int(m.group(2) or m.group(1))
    return (min(a, b), max(a, b))
