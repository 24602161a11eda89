"""The library: reports, facts, findings and searchable lines in one SQLite file (see :class:`Library`)."""

from __future__ import annotations

from .compare import Comparison, CompareCell, CompareRow, Restatement, StatedValue
from .db import default_path
from .library import AddEvent, AddResult, FileOutcome, Library, SearchHit, collect_files
from .prepare import company_key

__all__ = [
    "AddEvent", "AddResult", "CompareCell", "CompareRow", "Comparison", "FileOutcome", "Library", "Restatement",
    "SearchHit", "StatedValue", "collect_files", "company_key", "default_path",
]
