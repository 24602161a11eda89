"""Accepting an uploaded report: size limit, type by content (not only by name), a server-chosen file name."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CHUNK = 1 << 20
SNIFF_BYTES = 64 * 1024

# What a file name's extension claims -> the kind its content must have.
EXTENSIONS = {
    ".pdf": "pdf", ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
}
SAVED_SUFFIX = {"pdf": ".pdf", "text": ".txt", "markdown": ".md", "html": ".html"}
ACCEPTED = "PDF, plain text, Markdown or HTML"
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


class UploadRejected(Exception):
    """An upload that is not accepted; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class SavedUpload:
    path: Path
    kind: str
    size: int
    sha256: str
    created: bool  # False when the same content was already stored from an earlier upload


def sniff(head: bytes) -> str | None:
    """The kind of a file from its first bytes: ``pdf``, ``html``, ``text`` or None (binary / unknown)."""
    if head.lstrip(b"\xef\xbb\xbf\r\n\t ").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16_kind(head)
    body = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(body[:4096]):
        return "html"
    return "text" if _looks_like_text(body) else None


def _utf16_kind(head: bytes) -> str | None:
    """UTF-16 with a byte-order mark (some Windows exports): text or HTML when it decodes."""
    try:
        text = head[: len(head) - len(head) % 2].decode("utf-16")
    except UnicodeDecodeError:
        return None
    if _HTML_START.match(text[:2048].lstrip("\ufeff").encode("utf-8")):
        return "html"
    return "text" if text.strip("\ufeff \r\n\t") else None


def _looks_like_text(data: bytes) -> bool:
    if not data.strip():
        return False
    if b"\x00" in data:  # every binary format has NULs early (UTF-16 with a BOM is handled above)
        return False
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 4:  # the sniffed prefix may cut a character in half
            return True
    from charset_normalizer import from_bytes

    return from_bytes(data).best() is not None


def kind_for(filename: str | None, head: bytes) -> str:
    """The accepted kind of an upload, checking the content against what the name claims."""
    found = sniff(head)
    suffix = Path(filename or "").suffix.lower()
    claimed = EXTENSIONS.get(suffix)
    if suffix and claimed is None:
        raise UploadRejected(415, f"files of type {suffix} are not accepted; upload a {ACCEPTED} file")
    if found is None:
        raise UploadRejected(415, f"the file is not a {ACCEPTED} file (its content is binary or unknown)")
    if claimed == "pdf" and found != "pdf":
        raise UploadRejected(415, "the file is named .pdf but its content is not a PDF")
    if claimed in ("text", "markdown", "html") and found == "pdf":
        raise UploadRejected(415, f"the file is named {suffix} but its content is a PDF")
    if found == "text" and claimed in ("markdown", "html"):
        return claimed  # Markdown is text; an HTML fragment may not start with a tag
    return found


def save_upload(stream: BinaryIO, filename: str | None, folder: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SavedUpload:
    """Copy an upload into ``folder`` under a name made from its content hash (never from ``filename``)."""
    folder.mkdir(parents=True, exist_ok=True)
    head = stream.read(SNIFF_BYTES)
    if not head:
        raise UploadRejected(400, "the uploaded file is empty")
    kind = kind_for(filename, head)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            chunk = head
            while chunk:
                size += len(chunk)
                if size > max_bytes:
                    raise UploadRejected(413, f"the file is larger than the {max_bytes // (1024 * 1024)} MB limit")
                digest.update(chunk)
                out.write(chunk)
                chunk = stream.read(CHUNK)
        sha = digest.hexdigest()
        final = folder / f"{sha[:32]}{SAVED_SUFFIX[kind]}"
        created = not final.exists()
        if created:
            os.replace(tmp, final)
        else:
            tmp.unlink()
        return SavedUpload(final, kind, size, sha, created)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
