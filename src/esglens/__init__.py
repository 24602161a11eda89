"""esglens: turn ESG / sustainability reports into verified, comparable data.

The importable API comes first; the CLI and the web app are thin layers over it::

    import esglens
    doc = esglens.parse("report.pdf")          # the document model
    facts = esglens.extract("report.pdf")      # FactSet; facts.to_pandas()
    report = esglens.check("report.pdf")       # findings
"""

from __future__ import annotations

from pathlib import Path

# The stage packages are imported first: `esglens.extract` and `esglens.check` then name the
# functions below, not the packages (importing a subpackage later would otherwise rebind them).
from . import check as _check_stage  # noqa: F401
from . import extract as _extract_stage  # noqa: F401
from .errors import EsglensError, InputError
from .facts import Fact, FactSet, Finding
from .ingest import parse
from .model import Document

__version__ = "0.1.0"


def extract(source: str | Path | Document) -> FactSet:
    """Extract every quantitative KPI of a report as facts with evidence."""
    from .extract import extract_facts  # the stage package, bound above

    doc = source if isinstance(source, Document) else parse(source)
    return FactSet(extract_facts(doc), document=doc)


def check(source: str | Path | Document | FactSet):
    """Run the consistency, year-over-year, implied-factor, completeness and content-index checks."""
    from .check import run_checks

    if isinstance(source, FactSet):
        facts = source
    else:
        facts = extract(source)
    return run_checks(facts.document, facts)


__all__ = [
    "Document", "EsglensError", "Fact", "FactSet", "Finding", "InputError",
    "check", "extract", "parse", "__version__",
]
