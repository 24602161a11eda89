"""Turning one report file into everything the library stores, before any database write.

Parsing, extraction, checks and search tokenisation are the slow part of adding a report; they run
here, in worker processes when asked, and hand back one picklable :class:`PreparedReport` that the main
process writes in a single transaction.
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ..errors import InputError
from ..facts import Fact, Finding
from ..model import Document
from . import search


@dataclass
class PreparedLine:
    no: int
    page: int | None
    role: str
    text: str
    match: str
    tokens: str  # jieba words of the folded line, space separated ("" for lines not searched)


@dataclass
class PreparedReport:
    sha256: str
    path: str
    filename: str
    format: str
    title: str | None
    company: str | None
    company_key: str
    period: str | None
    period_start: str | None
    period_end: str | None
    fiscal: bool
    language: str | None
    script: str | None
    standards: list[str]
    hkex_code_version: str | None
    pages: int | None
    lines: list[PreparedLine]
    facts: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    completeness: float | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class PrepareFailure:
    path: str
    message: str


def prepare_file(path: str) -> PreparedReport | PrepareFailure:
    """Parse, extract and check one file. Never raises for a bad file: returns the failure instead."""
    try:
        from .. import parse

        doc = parse(path)
    except InputError as exc:
        return PrepareFailure(str(path), exc.problem)
    except Exception as exc:  # a reader bug must not stop the batch; the user still sees what failed
        return PrepareFailure(str(path), f"could not be read ({type(exc).__name__}: {exc})")
    try:
        from ..extract import extract_facts

        facts = list(extract_facts(doc))
    except Exception as exc:
        return PrepareFailure(str(path), f"extraction failed ({type(exc).__name__}: {exc})")
    findings, completeness, warnings = run_checks_guarded(doc, facts)
    return prepare_document(doc, facts, findings, completeness, warnings)


def run_checks_guarded(doc: Document, facts: list[Fact]) -> tuple[list[Finding], float | None, list[str]]:
    """The check stage when it is installed; a check crash costs the findings, not the report."""
    try:
        from ..check import run_checks
    except ImportError:
        return [], None, []
    from ..facts import FactSet

    try:
        report = run_checks(doc, FactSet(facts, document=doc))
    except Exception as exc:
        return [], None, [f"checks failed ({type(exc).__name__}: {exc})"]
    findings = list(getattr(report, "findings", None) or [])
    return findings, report.completeness_score, []


def prepare_document(
    doc: Document,
    facts: Iterable[Fact],
    findings: Iterable[Finding] = (),
    completeness: float | None = None,
    warnings: Iterable[str] = (),
) -> PreparedReport:
    """What the library stores for an already parsed document and its facts and findings."""
    meta = doc.metadata
    period = meta.period
    return PreparedReport(
        sha256=doc.sha256,
        path=str(Path(doc.path).resolve()) if doc.path else "",
        filename=Path(doc.path).name if doc.path else "",
        format=doc.format,
        title=meta.title,
        company=meta.company,
        company_key=company_key(meta.company),
        period=period.label if period else None,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        fiscal=bool(period.fiscal) if period else False,
        language=meta.language,
        script=meta.script,
        standards=list(meta.standards),
        hkex_code_version=meta.hkex_code_version,
        pages=doc.pages,
        lines=[_prepare_line(ln) for ln in doc.lines],
        facts=[f.to_dict() for f in facts],
        findings=[f.to_dict() for f in findings],
        completeness=completeness,
        warnings=list(doc.warnings) + list(warnings),
    )


def _prepare_line(ln) -> PreparedLine:
    text = ln.text or ln.raw
    # running headers and footers repeat on every page: indexing them would drown real hits
    searchable = ln.is_content and text.strip()
    return PreparedLine(
        no=ln.no, page=ln.page, role=ln.role, text=text, match=ln.match or "",
        tokens=search.tokens(ln.match or text) if searchable else "",
    )


@lru_cache(maxsize=1)
def _legal_suffixes() -> tuple[str, ...]:
    data = tomllib.loads(resources.files("esglens.data").joinpath("company_forms.toml").read_text("utf-8"))
    return tuple(sorted({_squeeze(search.fold(s)) for s in data["suffixes"]}, key=len, reverse=True))


def _squeeze(text: str) -> str:
    # Spaces, punctuation and symbols carry no identity: "JD.com, Inc." == "JD com Inc"
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def company_key(name: str | None) -> str:
    """The grouping key of a company name: one script, case-folded, no spaces/punctuation/legal form.

    ``""`` when the report names no company (such reports are never grouped with each other).
    """
    if not name:
        return ""
    key = _squeeze(search.fold(name))
    stripped = True
    while stripped:
        stripped = False
        for suffix in _legal_suffixes():
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
                break
    return key


def dims_key(dims: dict[str, str] | None) -> str:
    """A canonical text for a breakdown, equal for equal dims whatever their order; ``""`` for the total."""
    if not dims:
        return ""
    return json.dumps(dict(sorted(dims.items())), ensure_ascii=False, separators=(",", ":"))

