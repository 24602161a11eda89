"""PDF reader: the text layer of each page, as lines in the order a reader sees them.

pypdfium2 gives the text in content-stream order, split into lines by pdfium. Some PDF writers
emit the runs of a line right-to-left, or a table column by column, so stream order is not
reading order. Each pdfium line is therefore placed on the page by the boxes of a few sampled
characters; lines whose samples run backwards are rebuilt character by character; then all
pieces are grouped by baseline and read left to right, top to bottom, so table cells drawn out
of order come back as one row. Only a page that is clearly two columns of prose (many baselines
split at one gutter with prose on both sides) is read column by column instead. Sampling keeps
the common in-order case cheap (a handful of box look-ups per line instead of one per character).
"""

from __future__ import annotations

import ctypes
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

SAMPLE_STEP = 32  # every n-th character of a line is located to check its order
WORD_GAP = 0.15  # a horizontal gap wider than this share of the line height reads as a space
SAME_LINE = 0.4  # vertical centres closer than this share of the height share a baseline
BACKSTEP = 0.1  # a sampled character further left than this share of the height is out of order
# Two columns of prose side by side are read column by column, not merged line by line. A page
# counts as two-column only when many baselines are split at one gutter by prose on both sides:
GUTTER = 1.5  # a gap wider than this many line heights may be a gutter
MIN_COLUMN_ROWS = 6  # baselines split at the gutter by prose on both sides
PROSE_SHARE = 0.8  # of all baselines split at the gutter, so that tables (numbers) never qualify
COLUMN_SPAN = 0.3  # each side spans at least this share of the page's text width
MAX_DIGIT_SHARE = 0.2  # more digits than this and a side reads as table cells, not prose

_SPACES = re.compile(r" {2,}")
_X0, _X1, _H, _TEXT = attrgetter("x0"), attrgetter("x1"), attrgetter("h"), attrgetter("text")


class PdfOpenError(Exception):
    """The file could not be opened as a PDF; ``problem`` says why in a user's words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


@dataclass(slots=True)
class Piece:
    """Text placed on the page: a whole pdfium line, or one character of a line rebuilt."""

    text: str
    x0: float
    x1: float
    y: float  # vertical centre
    h: float


@dataclass
class PdfPage:
    number: int  # 1-based
    lines: list[str]
    error: str | None = None


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open PDF bytes, translating pdfium's failures into a problem a user understands."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message or "security" in message:
            raise PdfOpenError("encrypted PDF (password protected); decrypt it first") from exc
        raise PdfOpenError(f"corrupt or truncated PDF ({exc})") from exc


def read_pages(data: bytes) -> list[PdfPage]:
    """Every page's text lines; a page that cannot be read carries an error instead."""
    doc = open_pdf(data)
    try:
        pages = []
        for index in range(len(doc)):
            try:
                pages.append(PdfPage(index + 1, _page_lines(doc, index)))
            except Exception as exc:  # one damaged page must not lose the rest of the report
                pages.append(PdfPage(index + 1, [], error=str(exc) or type(exc).__name__))
        return pages
    finally:
        doc.close()


def _page_lines(doc: pdfium.PdfDocument, index: int) -> list[str]:
    page = doc[index]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if len(text) != textpage.count_chars():
            # Characters outside the BMP make the string shorter than pdfium's index space;
            # box look-ups need one string position per pdfium character.
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD)
                           for i in range(textpage.count_chars()))
        pieces = _pieces(textpage.raw, text, page.get_rotation())
    finally:
        textpage.close()
        page.close()
    lines = (_join(row) for row in _in_columns(_rows(pieces)))
    # pdfium marks a hyphen that ends a printed line with U+FFFE; the reader saw "-".
    return [line.replace("\ufffe", "-") for line in lines if line]


# An FS_RECTF is read in one unpacking, not four attribute reads: four floats in this order.
_RECT = struct.Struct("4f")
assert [name for name, _ in pdfium_c.FS_RECTF._fields_] == ["left", "top", "right", "bottom"]
assert ctypes.sizeof(pdfium_c.FS_RECTF) == _RECT.size


@lru_cache(maxsize=1)
def _loose_char_box() -> Callable[..., int]:
    """FPDFText_GetLooseCharBox without the argument checks pypdfium2 declares: called with the
    very objects those checks accept (the raw text page, an int, a reference to an FS_RECTF), it
    costs a third as much, which matters at a few look-ups per line of every page."""
    bound = pdfium_c.FPDFText_GetLooseCharBox
    unchecked = type(bound)(ctypes.cast(bound, ctypes.c_void_p).value)
    unchecked.restype = bound.restype
    return unchecked


class _Boxes:
    """Loose character boxes (font ascent/descent and advance) from pdfium, turned to the page
    as displayed when the page carries a /Rotate (landscape tables often do). Holds what a box
    look-up needs, bound once: the look-ups run per character sampled."""

    def __init__(self, raw_textpage, rotation: int = 0) -> None:
        self.raw = raw_textpage
        self.rotation = rotation % 360
        self.rect = pdfium_c.FS_RECTF()
        self.ref = ctypes.byref(self.rect)
        self.lookup = _loose_char_box()


def turn(left: float, right: float, bottom: float, top: float, rotation: int) -> tuple[float, float, float, float]:
    """A box in PDF user space as seen on a page displayed turned clockwise by ``rotation``."""
    if rotation == 90:
        return bottom, top, -right, -left
    if rotation == 180:
        return -right, -left, -top, -bottom
    if rotation == 270:
        return -top, -bottom, left, right
    return left, right, bottom, top


def _pieces(raw_textpage, text: str, rotation: int = 0) -> list[Piece]:
    boxes = _Boxes(raw_textpage, rotation)
    pieces: list[Piece] = []
    start = 0
    for segment in text.split("\r\n"):  # pdfium ends each of its lines with a generated CRLF
        end = start + len(segment)
        # Trim surrounding blanks so the sampled end characters are real glyphs.
        first = start + len(segment) - len(segment.lstrip())
        last = start + len(segment.rstrip())
        start = end + 2
        if first >= last:
            continue
        piece = _in_order_piece(boxes, text, first, last)
        if piece is not None:
            pieces.append(piece)
        else:
            pieces.extend(_char_pieces(boxes, text, first, last))
    return pieces


def _in_order_piece(boxes: _Boxes, text: str, start: int, end: int) -> Piece | None:
    """The line as one piece when sampled characters run left to right on one baseline.

    Written as one plain loop without calls but the look-up: it runs for every line of every page."""
    lookup, raw, ref, rect, rotation = boxes.lookup, boxes.raw, boxes.ref, boxes.rect, boxes.rotation
    unpack = _RECT.unpack_from
    h = 0.0
    low = high = first_left = prev_left = last_right = None
    last = end - 1
    if last - start < SAMPLE_STEP:
        samples = (start, last) if last > start else (start,)  # one character: one look-up
    else:
        samples = (*range(start, last, SAMPLE_STEP), last)
    for i in samples:
        if not lookup(raw, i, ref):
            continue
        left, top, right, bottom = unpack(rect)
        if rotation:
            left, right, bottom, top = turn(left, right, bottom, top, rotation)
        if top <= bottom:
            continue  # a generated character has no extent
        if top - bottom > h:
            h = top - bottom
        centre = (top + bottom) / 2
        if low is None:
            low = high = centre
            first_left = left
        else:
            if centre < low:
                low = centre
            elif centre > high:
                high = centre
            if left < prev_left - BACKSTEP * h:
                return None
        prev_left, last_right = left, right
    if low is None or high - low > SAME_LINE * h:
        return None
    return Piece(text[start:end], first_left, last_right, (low + high) / 2, h)


def _char_pieces(boxes: _Boxes, text: str, start: int, end: int) -> list[Piece]:
    """One piece per character (the box look-up inlined, as in ``_in_order_piece``: CJK reports
    send many lines this way)."""
    lookup, raw, ref, rect, rotation = boxes.lookup, boxes.raw, boxes.ref, boxes.rect, boxes.rotation
    unpack = _RECT.unpack_from
    pieces = []
    for i in range(start, end):
        if not lookup(raw, i, ref):
            continue
        left, top, right, bottom = unpack(rect)
        if rotation:
            left, right, bottom, top = turn(left, right, bottom, top, rotation)
        ch = text[i]
        if ch.isspace() and right - left <= 0:
            continue  # a space pdfium generated has no place; gaps bring it back
        pieces.append(Piece(ch, left, right, (bottom + top) / 2, (top - bottom) or 1.0))
    return pieces


def _rows(pieces: list[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline, top of the page first."""
    rows: list[list[Piece]] = []
    anchor: Piece | None = None
    for piece in sorted(pieces, key=lambda p: -p.y):
        if anchor is not None and anchor.y - piece.y <= SAME_LINE * (piece.h if piece.h < anchor.h else anchor.h):
            rows[-1].append(piece)
        else:
            rows.append([piece])
            anchor = piece
    return rows


def _in_columns(rows: list[list[Piece]]) -> list[list[Piece]]:
    """Rows in reading order: on a two-column page, each band between full-width lines gives
    its left column first, then its right column; other pages keep their rows."""
    gutter = _gutter(rows)
    if gutter is None:
        return rows
    ordered: list[list[Piece]] = []
    left: list[list[Piece]] = []
    right: list[list[Piece]] = []
    for row in rows:
        lhs = [p for p in row if p.x1 <= gutter]
        rhs = [p for p in row if p.x0 >= gutter]
        across = len(lhs) + len(rhs) < len(row)
        if across or (lhs and rhs and not (_is_prose(lhs) and _is_prose(rhs))):
            # A line across the gutter, or a table row spread over both halves, closes the band.
            ordered += left + right + [row]
            left, right = [], []
            continue
        if lhs:
            left.append(lhs)
        if rhs:
            right.append(rhs)
    return ordered + left + right


def _gutter(rows: list[list[Piece]]) -> float | None:
    """The x of a gutter splitting many baselines with prose on both sides, if the page has one."""
    split = [row for row in rows if len(row) > 1]
    if len(split) < MIN_COLUMN_ROWS:
        return None
    x0 = min(map(_X0, chain.from_iterable(rows)))
    x1 = max(map(_X1, chain.from_iterable(rows)))
    min_span = COLUMN_SPAN * (x1 - x0)
    gaps: list[tuple[float, float, bool]] = []  # (start, end, prose on both sides)
    for row in split:
        row.sort(key=_X0)
        wide = GUTTER * min(map(_H, row))
        gap_start = row[0].x1
        for i in range(1, len(row)):
            piece = row[i]
            gap_end = piece.x0
            if gap_end - gap_start >= wide:
                prose = (gap_start - row[0].x0 >= min_span
                         and max(map(_X1, row[i:])) - gap_end >= min_span
                         and _is_prose(row[:i]) and _is_prose(row[i:]))
                gaps.append((gap_start, gap_end, prose))
            if piece.x1 > gap_start:
                gap_start = piece.x1
    best, best_votes = None, 0
    for start, end, prose in gaps:
        if not prose:
            continue  # only a gap with prose on both sides can be the gutter
        x = (start + end) / 2
        ballots = [p for s, e, p in gaps if s < x < e]
        votes = sum(ballots)
        if votes >= MIN_COLUMN_ROWS and votes >= PROSE_SHARE * len(ballots) and votes > best_votes:
            best, best_votes = x, votes
    return best


def _is_prose(pieces: list[Piece]) -> bool:
    text = "".join(map(_TEXT, pieces))
    letters = sum(map(str.isalpha, text))
    digits = sum(map(str.isdigit, text))
    return letters > 0 and digits <= MAX_DIGIT_SHARE * (letters + digits)


def _join(row: list[Piece]) -> str:
    if len(row) == 1:  # the common case: one pdfium line alone on its baseline
        text = row[0].text
        return _SPACES.sub(" ", text).strip() if "  " in text else text.strip()
    row.sort(key=_X0)
    parts = [row[0].text]
    right, first_h = row[0].x1, row[0].h
    for piece in row[1:]:
        gap = piece.x0 - right
        if gap > WORD_GAP * (first_h if first_h < piece.h else piece.h) and not parts[-1].endswith(" "):
            parts.append(" ")
        parts.append(piece.text)
        if piece.x1 > right:
            right = piece.x1
    return _SPACES.sub(" ", "".join(parts)).strip()
