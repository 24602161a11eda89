"""Ingestion: a report file in any supported form -> one :class:`~esglens.model.Document`.

Stages, each in its own module:
``readers`` (bytes -> raw lines with page numbers) -> ``normalize`` (repair each line, keep the raw)
-> ``furniture`` (running headers/footers) -> ``metadata`` -> ``sections`` -> ``tables``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from ..model import Document, Line
from . import furniture, metadata, normalize, readers, sections, tables


def parse(path: str | Path) -> Document:
    """Read a report (PDF, text, HTML or Markdown) into the document model.

    Raises :class:`~esglens.errors.InputError` naming the file and the problem when the file
    cannot be read as a report.
    """
    p = Path(path)
    raw = readers.read(p)
    lines = [
        Line(no=rl.no, raw=rl.text, text=normalize.normalize_line(rl.text), page=rl.page)
        for rl in raw.lines
    ]
    for ln, match in zip(lines, normalize.matching_forms([ln.text for ln in lines])):
        ln.match = match
        if not ln.text.strip():
            ln.role = "blank"
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
