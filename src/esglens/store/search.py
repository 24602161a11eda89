"""Full-text search over report lines: one script, jieba words, FTS5 queries and hit highlighting.

Chinese has no spaces, so FTS5 cannot split it by itself. Every line is folded to one form
(Simplified, case-folded) and cut into words by jieba; the words, joined by spaces, are what FTS5
indexes. A query goes through the same folding and cutting, so a Traditional query finds a Simplified
line and the reverse.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rich.markup import escape as rich_escape

_WORD_CHARS = re.compile(r"\w", re.UNICODE)


def _t2s():
    from ..opencc_converters import converter

    return converter("t2s")


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def fold(text: str) -> str:
    """The one-script matching form: NFKC, Simplified, case-folded.

    Idempotent, so it is safe on a ``Line.match`` that ingestion already folded.
    """
    return _t2s().convert(unicodedata.normalize("NFKC", text)).casefold()


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("esglens.data").joinpath("search_stopwords.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def words(folded: str) -> list[str]:
    """jieba's search-mode words of an already folded text, without punctuation, spaces and stop words.

    Search mode also yields the shorter dictionary words inside a long word, so a query for a part
    of a compound still finds it.
    """
    stop = stopwords()
    out = []
    for w in _jieba().cut_for_search(folded):
        w = _NUMERALS.get(w.strip(), w.strip())  # "范围二" finds "范围2" and the reverse
        if w and w not in stop and _WORD_CHARS.search(w):
            out.append(w)
    return out


# a Chinese numeral standing alone as a word is its digit, in the index and in queries alike
_NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def tokens(text: str) -> str:
    """The space-separated index form of a line (what goes into the FTS5 table)."""
    return " ".join(words(fold(text)))


def fts_query(query: str) -> str | None:
    """An FTS5 MATCH expression for a user's query: every word must occur (AND).

    Each word is quoted, so characters that mean something to FTS5 (``"*:^()``, ``AND``/``OR``)
    in a user's query are searched for as text, never interpreted. ``None`` when the query has no words.
    """
    seen: list[str] = []
    for w in words(fold(query)):
        if w not in seen:
            seen.append(w)
    if not seen:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in seen)


def query_terms(query: str) -> list[str]:
    """The folded words of a query, longest first (for highlighting)."""
    return sorted(set(words(fold(query))), key=len, reverse=True)


@dataclass
class Highlighted:
    """A line's original text cut into plain and hit segments."""

    segments: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s for s, _ in self.segments)

    def rich(self, style: str = "bold reverse") -> str:
        return "".join(f"[{style}]{rich_escape(s)}[/]" if hit else rich_escape(s) for s, hit in self.segments)

    def html(self) -> str:
        return "".join(f"<mark>{html.escape(s)}</mark>" if hit else html.escape(s) for s, hit in self.segments)


def highlight(text: str, terms: list[str]) -> Highlighted:
    """Mark where the (folded) query terms occur in the original ``text``, whatever its script."""
    folded, origin = _fold_with_offsets(text)
    hit = [False] * len(text)
    for term in terms:
        start = folded.find(term)
        while start >= 0 and term:
            for i in range(start, start + len(term)):
                hit[origin[i]] = True
            start = folded.find(term, start + len(term))
    return Highlighted(_segments(text, hit))


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    # Folding the whole line keeps OpenCC's phrase conversions; when that changes the length,
    # fold character by character so every folded character still points at its original one.
    whole = fold(text)
    if len(whole) == len(text):
        return whole, list(range(len(text)))
    parts, origin = [], []
    for i, ch in enumerate(text):
        f = fold(ch)
        parts.append(f)
        origin.extend([i] * len(f))
    return "".join(parts), origin


def _segments(text: str, hit: list[bool]) -> list[tuple[str, bool]]:
    segments: list[tuple[str, bool]] = []
    for ch, h in zip(text, hit):
        if segments and segments[-1][1] == h:
            segments[-1] = (segments[-1][0] + ch, h)
        else:
            segments.append((ch, h))
    return segments
