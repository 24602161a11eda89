"""Checks: arithmetic, year over year, implied factors, HKEX completeness, content-index truth.

``run_checks(document, facts)`` runs them all and returns a :class:`CheckReport`.
"""

from __future__ import annotations

from pathlib import Path

from ..facts import FactSet, Finding
from ..model import Document
from .arithmetic import check_arithmetic
from .completeness import all_codes, check_completeness, select_version
from .content_index import ContentIndex, check_content_index, check_gri_index, find_content_index
from .factors import check_factors, detect_region
from .report import CheckReport
from .yoy import check_year_over_year


def run_checks(document: Document | None, facts: FactSet) -> CheckReport:
    """Every check on one report; ``document`` may be None when only facts are known."""
    if document is None:
        document = facts.document
    index = find_content_index(document, all_codes()) if document is not None else ContentIndex([], {})
    findings: list[Finding] = []
    findings += check_arithmetic(facts)
    findings += check_year_over_year(document, facts)
    findings += check_factors(document, facts)
    scores: dict = {}
    if document is not None:  # without the text, explanations and narrative cannot be judged
        completeness_findings, statuses, scores = check_completeness(document, facts, index)
        findings += completeness_findings
        findings += check_content_index(index, statuses, facts, select_version(document, facts))
        findings += check_gri_index(index, facts, document)
    return CheckReport(
        path=document.path if document is not None else None, findings=findings, completeness=scores,
        region=detect_region(document), facts_count=len(facts),
        content_index_lines=[list(r) for r in index.regions + index.gri_regions],
    )


def check_source(source: str | Path | Document | FactSet) -> CheckReport:
    """Extract (unless given facts) and check one report."""
    if isinstance(source, FactSet):
        return run_checks(source.document, source)
    from ..extract import extract_facts
    from ..ingest import parse

    doc = source if isinstance(source, Document) else parse(source)
    return run_checks(doc, FactSet(extract_facts(doc), document=doc))


__all__ = ["CheckReport", "check_source", "run_checks"]
