"""Readers: turn a file's bytes into raw lines with page numbers, choosing the reader by content.

The content decides, the extension only breaks ties: ``%PDF`` bytes are a PDF whatever the name;
text is decoded (any common encoding), then read as Markdown (front matter or ``.md``), HTML
(a document or tag-dense text) or plain text. Anything else is an :class:`InputError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import markup, pdf, textfile


@dataclass
class RawLine:
    no: int  # 1-based, unique in the document
    text: str
    page: int | None = None


@dataclass
class RawDocument:
    format: str  # "pdf" | "text" | "markdown" | "html"
    data: bytes  # the file's bytes (for the content hash)
    lines: list[RawLine]
    encoding: str | None = None
    pages: int | None = None
    front_matter: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


PDF_MAGIC_WINDOW = 1024  # the PDF header may follow a little junk; readers accept it there
# Well-known binary formats a user might hand us by mistake, named in the error.
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (e.g. .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_MARKDOWN_SUFFIXES = frozenset((".md", ".markdown", ".mdown", ".mkd"))
_HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
_HTML_DOCUMENT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html\b)", re.I)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|table|tr|td|th|h[1-6]|li|ul|ol|a|img|b|strong)\b[^>]*>", re.I)
HTML_TAGS_PER_KB = 3  # tag density above which text without a doctype is read as HTML


def read(path: Path) -> RawDocument:
    """Read a report file into raw lines. Raises :class:`InputError` naming the problem."""
    data = _read_bytes(path)
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"%PDF-" in data[:PDF_MAGIC_WINDOW]:
        return _read_pdf(path, data)
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise InputError(str(path), f"binary file ({kind}), not a PDF, text, HTML or Markdown report")
    try:
        text, encoding = textfile.decode(data)
    except textfile.NotText as exc:
        raise InputError(str(path), f"binary file, not a PDF, text, HTML or Markdown report ({exc})") from exc
    text = text.lstrip("\ufeff")
    kind = _text_kind(path, text)
    if kind == "markdown":
        return _read_markdown(data, text, encoding)
    if kind == "html":
        return _read_html(data, text, encoding)
    return _read_text(data, text, encoding)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a report file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot be read ({exc.strerror or exc})") from exc


def _text_kind(path: Path, text: str) -> str:
    head = text[:4096]
    suffix = path.suffix.lower()
    if head.startswith("---") and markup.split_front_matter(text[:20000])[0]:
        return "markdown"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES or _HTML_DOCUMENT.match(head):
        return "html"
    tags = len(_HTML_TAG.findall(text[:65536]))
    if tags > HTML_TAGS_PER_KB * len(text[:65536].encode("utf-8")) / 1024:
        return "html"
    return "text"


def _read_text(data: bytes, text: str, encoding: str) -> RawDocument:
    lines = textfile.split_lines(text)
    if "\f" in text:
        return RawDocument("text", data, _paged_text_lines(lines), encoding, pages=text.rstrip().count("\f") + 1)
    return RawDocument("text", data, [RawLine(i, t) for i, t in enumerate(lines, start=1)], encoding)


def _paged_text_lines(lines: list[str]) -> list[RawLine]:
    """Text exported from a PDF (pdftotext) separates pages with form feeds: keep them as pages."""
    out, page = [], 1
    for no, line in enumerate(lines, start=1):
        text = line.lstrip("\f")
        page += len(line) - len(text)
        out.append(RawLine(no, text.replace("\f", ""), page))
        page += text.count("\f")
    return out


def _read_markdown(data: bytes, text: str, encoding: str) -> RawDocument:
    source = textfile.split_lines(text)
    front_matter, fm_lines = markup.split_front_matter("\n".join(source))
    by_line = markup.markdown_lines(source[fm_lines:], first_line=fm_lines + 1)
    return RawDocument("markdown", data, _source_lines(source, by_line, fm_lines), encoding,
                       front_matter=front_matter)


def _read_html(data: bytes, text: str, encoding: str) -> RawDocument:
    source = textfile.split_lines(text)
    by_line = markup.html_lines("\n".join(source))
    front_matter = {}
    title = re.search(r"<title[^>]*>(.*?)</title>", text[:65536], re.I | re.S)
    if title and title.group(1).strip():
        front_matter["title"] = " ".join(title.group(1).split())
    return RawDocument("html", data, _source_lines(source, by_line, 0), encoding, front_matter=front_matter)


def _source_lines(source: list[str], by_line: dict[int, str], skip: int) -> list[RawLine]:
    """Text lines at their source numbers; blank source lines kept, markup-only lines dropped."""
    out = []
    for no in range(skip + 1, len(source) + 1):
        if no in by_line:
            out.append(RawLine(no, by_line[no]))
        elif not source[no - 1].strip():
            out.append(RawLine(no, ""))
    return out


def _read_pdf(path: Path, data: bytes) -> RawDocument:
    try:
        pages = pdf.read_pages(data)
    except pdf.PdfOpenError as exc:
        raise InputError(str(path), exc.problem) from exc
    if not pages:
        raise InputError(str(path), "PDF has no pages")
    lines: list[RawLine] = []
    warnings = []
    for page in pages:
        if page.error is not None:
            warnings.append(f"page {page.number}: text could not be read ({page.error})")
        for text in page.lines:
            lines.append(RawLine(len(lines) + 1, text, page.number))
    if not lines:
        if warnings:
            raise InputError(str(path), "no page's text could be read; " + "; ".join(warnings[:3]))
        raise InputError(str(path), "no text layer (scanned PDF?): no page has extractable text")
    return RawDocument("pdf", data, lines, pages=len(pages), warnings=warnings)
