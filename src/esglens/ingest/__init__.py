"""Ingestion: a report file in any supported form -> one :class:`~esglens.model.Document`.

Stages, each in its own module:
``readers`` (bytes -> raw lines with page numbers) -> ``normalize`` (repair each line, keep the raw)
-> ``furniture`` (running headers/footers) -> ``metadata`` -> ``sections`` -> ``tables``.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import InputError
from ..model import Document, Line
from . import furniture, metadata, normalize, readers, sections, tables


def parse(path: str | Path) -> Document:
    """Read a report (PDF, text, HTML or Markdown) into the document model.

    Raises :class:`~esglens.errors.InputError` naming the file and the problem when the file
    cannot be read as a report.
    """
    with _cycle_collection_paused():
        return _parse(Path(path))


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Parsing allocates tens of thousands of small objects (lines, pieces, cells) that form no
    reference cycles, so the cycle collector, triggered by every few hundred allocations, scans
    them again and again and frees nothing; that costs several percent of a parse. It is paused
    while parsing and resumed after (if it was on): anything cyclic is collected then."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(p: Path) -> Document:
    raw = readers.read(p)
    texts = [normalize.normalize_line(rl.text) for rl in raw.lines]
    lines = [
        Line(no=rl.no, raw=rl.text, text=text, match=match, page=rl.page, role="body" if text.strip() else "blank")
        for rl, text, match in zip(raw.lines, texts, normalize.matching_forms(texts))
    ]
    furniture.mark_furniture(lines)
    if not any(ln.is_content for ln in lines):
        raise InputError(str(p), "no readable text (a scanned PDF without a text layer, or an empty document)")
    meta = metadata.detect_metadata(lines, raw.front_matter, p.name)
    doc = Document(
        path=str(p),
        format=raw.format,
        sha256=hashlib.sha256(raw.data).hexdigest(),
        lines=lines,
        metadata=meta,
        pages=raw.pages,
        encoding=raw.encoding,
        warnings=list(raw.warnings),
    )
    doc.sections = sections.detect_sections(lines)
    doc.tables = tables.detect_tables(lines, meta.period)
    return doc
