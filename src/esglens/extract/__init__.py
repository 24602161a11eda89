"""Extraction: the document model -> facts (canonical metric, normalised value and unit, evidence).

Tables first, then prose; a value stated in both places is kept once, from the table.
"""

from __future__ import annotations

from ..facts import Fact
from ..model import Document
from .derive import derived_facts
from .prose_facts import from_prose
from .table_facts import from_tables
from .taxonomy import Taxonomy


def extract_facts(doc: Document) -> list[Fact]:
    tax = Taxonomy.load()
    stated = _merge(from_tables(doc, tax) + from_prose(doc, tax))
    return stated + derived_facts(stated, tax)


def _merge(facts: list[Fact]) -> list[Fact]:
    """One fact per metric, period and breakdown: the table's over the prose's, the surest first."""
    best: dict[tuple, Fact] = {}
    order: list[tuple] = []
    for f in facts:
        k = f.key()
        cur = best.get(k)
        if cur is None:
            best[k] = f
            order.append(k)
        elif _rank(f) > _rank(cur):
            best[k] = f
    return [best[k] for k in order]


def _rank(f: Fact) -> tuple:
    return (f.source == "table", f.confidence)
