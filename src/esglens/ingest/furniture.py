"""Running headers and footers: text repeated on many pages, marked so it is not read as content.

With page numbers (PDF), a line near the top or bottom of a page whose digit-masked form recurs
near the top or bottom of at least 30% of the pages is furniture (page numbers included).
Without pages (text exports), a line is furniture when it recurs throughout the document —
spread over a large part of it, never in one cluster — or when it is a navigation bar (many
short labels) that recurs in slightly different arrangements. Table header rows that recur
(they name two or more periods) and sentences are never furniture.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Line

_EDGE_LINES = 3  # how many lines at each end of a page may be header/footer
_MIN_PAGE_SHARE = 0.3
_MIN_REPEATS = 3
_MIN_SPREAD = 0.3  # share of the document that a page-less repeat must span
_MIN_GAP = 8  # page-less repeats closer than this (median, in lines) are table or list content
_MIN_RUNNING_CHARS = 10  # a running footer names the company or report; short labels recur as content
_MAX_RUNNING_CHARS = 90  # longer lines are prose or navigation bars (handled on their own)
_NAV_MIN_LABELS = 4
_NAV_WIDE_LABELS = 6  # a recurring row of four labels is a table header; a bar names more sections
_NAV_OVERLAP = 0.6

# Runs written "[..][..]*" rather than "[..]+": `re` finds a pattern that opens with a plain
# character class much faster.
_DIGITS = re.compile(r"\d\d*")
_NON_KEY = re.compile(r"[\s|·•‧・][\s|·•‧・]*")
_SENTENCE_END = re.compile(r"[。；！？]|[.;!?](?:\s|$)")
_QUOTED_TITLE = re.compile(r"[《「『“\"].*[》」』”\"]")
_PERIOD_TOKEN = re.compile(r"(?:FY\s?)?(?:19|20)\d{2}(?!\d)\s*(?:年|財年|财年)?")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d{2}")  # in every period token; found much faster


def mark_furniture(lines: list[Line]) -> None:
    """Set ``role`` to "header" or "footer" on running headers and footers, in place."""
    content = [ln for ln in lines if ln.role != "blank"]
    if not content:
        return
    if any(ln.page is not None for ln in content):
        _mark_paged(content)
    else:
        _mark_repeats(content)
        _mark_navigation_bars(content)


def _key(text: str) -> str:
    return _NON_KEY.sub("", _DIGITS.sub("#", text))


def _is_table_header(text: str) -> bool:
    # Each period token holds its own four year digits, so a line with fewer than two such
    # digit groups cannot have two tokens.
    return len(_YEAR_DIGITS.findall(text)) >= 2 and len(_PERIOD_TOKEN.findall(text)) >= 2


# --- paged documents -----------------------------------------------------------------------


def _mark_paged(content: list[Line]) -> None:
    pages: dict[int, list[Line]] = defaultdict(list)
    for ln in content:
        pages[ln.page or 0].append(ln)
    if len(pages) < 3:
        return
    edge: dict[str, set[int]] = defaultdict(set)
    positions: list[tuple[Line, str, str]] = []
    for page, page_lines in pages.items():
        n = len(page_lines)
        edges = range(n) if n <= 2 * _EDGE_LINES else (*range(_EDGE_LINES), *range(n - _EDGE_LINES, n))
        for i in edges:
            ln = page_lines[i]
            key = _key(ln.text)
            if key and not _is_table_header(ln.text):
                edge[key].add(page)
                # On a short page the zones meet: the upper half is header, the lower footer.
                positions.append((ln, key, "header" if i < min(_EDGE_LINES, n / 2) else "footer"))
    needed = max(_MIN_REPEATS, _MIN_PAGE_SHARE * len(pages))
    for ln, key, zone in positions:
        if len(edge[key]) >= needed and ln.role == "body":
            ln.role = zone


# --- page-less text exports ----------------------------------------------------------------


def _mark_repeats(content: list[Line]) -> None:
    where: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(content):
        if not _MIN_RUNNING_CHARS <= len(ln.text) <= _MAX_RUNNING_CHARS:
            continue
        key = _key(ln.text)
        if (
            len(key) >= _MIN_RUNNING_CHARS
            and not _SENTENCE_END.search(ln.text)
            and not _is_table_header(ln.text)
            and not _QUOTED_TITLE.fullmatch(ln.text)
        ):
            where[key].append(i)
    for indexes in where.values():
        if _spread_out(indexes, len(content)):
            for i in indexes:
                content[i].role = _role_by_position(content, i)
    _mark_page_numbers(content)


# a line that is nothing but a page number: "第4頁", "第 7 页 共 9 页", "- 3 -", "Page 4 of 23", "4 / 23"
_PAGE_NUMBER = re.compile(r"(?:第\s*\d{1,3}\s*[頁页](?:\s*共\s*\d{1,3}\s*[頁页])?|[-–—]\s*\d{1,3}\s*[-–—]"
                          r"|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})", re.IGNORECASE)


def _mark_page_numbers(content: list[Line]) -> None:
    """Page numbers of a text export: the same page-number form on several lines spread through it
    (too short for the running-line rule, and they would cut tables dumped across a page break)."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(content):
        text = ln.text.strip()
        if ln.role == "body" and len(text) <= 24 and _PAGE_NUMBER.fullmatch(text):
            where[_key(text)].append(i)
    for indexes in where.values():
        spread = indexes[-1] - indexes[0] >= _MIN_SPREAD * len(content)
        if len(indexes) >= _MIN_REPEATS or (len(indexes) >= 2 and spread):
            for i in indexes:
                content[i].role = "footer"


def _spread_out(indexes: list[int], total: int) -> bool:
    return _recurs(indexes) and indexes[-1] - indexes[0] >= _MIN_SPREAD * total


def _recurs(indexes: list[int]) -> bool:
    """Several times, and not as neighbouring rows of one table or list."""
    if len(indexes) < _MIN_REPEATS:
        return False
    gaps = sorted(b - a for a, b in zip(indexes, indexes[1:]))
    return gaps[len(gaps) // 2] >= _MIN_GAP


def _role_by_position(content: list[Line], i: int) -> str:
    """Without pages, a running line that opens the document is a header, otherwise a footer."""
    return "header" if i == 0 else "footer"


def _labels(text: str) -> list[str]:
    return [t for t in text.split(" ") if len(t) >= 2 and not t.isdigit()]


def _mark_navigation_bars(content: list[Line]) -> None:
    """Navigation bars: rows of section labels that recur with the labels glued differently."""
    candidates = []
    for i, ln in enumerate(content):
        labels = _labels(ln.text)
        if (
            len(labels) >= _NAV_MIN_LABELS
            # a bar names sections ("ENVIRONMENT SOCIAL GOVERNANCE", "關於本報告 環境 社會"); English
            # words in lower case ("indirect emissions from electricity") make a phrase, not a bar
            and sum(1 for t in labels if t[:1].islower()) <= 1
            and not _SENTENCE_END.search(ln.text)
            and not _is_table_header(ln.text)
            and sum(c.isdigit() for c in ln.text) <= 8
        ):
            candidates.append((i, labels, ln.text.replace(" ", "")))
    if len(candidates) < _MIN_REPEATS:
        return
    label_counts = {i: len(labels) for i, labels, _ in candidates}
    for i, labels, _ in candidates:
        similar = [j for j, _, glued in candidates if _overlap(labels, glued) >= _NAV_OVERLAP]
        # A navigation bar may only run through one part of the report (its opening chapters),
        # so it needs to recur, not to span the document.
        widest = max(label_counts[j] for j in similar)
        if _recurs(similar) and widest >= _NAV_WIDE_LABELS and content[i].role == "body":
            content[i].role = "header"


def _overlap(labels: list[str], glued: str) -> float:
    return sum(label in glued for label in labels) / len(labels)
