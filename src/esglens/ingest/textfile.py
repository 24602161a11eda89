"""Text decoding: a text file's bytes -> str in whatever common encoding it was written in."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01  # more control characters than this and the "text" is binary data
PREFERRED_ON_TIE = ("big5", "big5hkscs", "gb18030", "cp1252")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class NotText(Exception):
    """The bytes do not decode as text in any encoding we can recognise."""


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding. Raises :class:`NotText` for binary data."""
    text, encoding = _decode(data)
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise NotText("control characters throughout")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise NotText(f"starts with a {encoding} byte-order mark but does not decode") from exc
    try:
        return data.decode("utf-8"), "utf-8"  # the common case, and the cheapest check
    except UnicodeDecodeError:
        pass
    best = _best_match(data)
    if best is None:
        raise NotText("no text encoding fits its bytes")
    return str(best), best.encoding


def _best_match(data: bytes):
    """charset-normalizer's best guess; among guesses it scores the same, the encoding most
    reports are written in (it often ties cp1252 with its Central European cousin cp1250)."""
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    tied = [m for m in matches if m.chaos == best.chaos and m.coherence == best.coherence]
    for encoding in PREFERRED_ON_TIE:
        for match in tied:
            if match.encoding == encoding:
                return match
    return best


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: only CR, LF and CRLF end a line (not form feeds etc.)."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it does not start another
    return lines
