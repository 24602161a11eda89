"""Facts stated in running text: `人均培訓時長為32小時`, `累計捐贈超過2,000萬元`, and zeros in words.

Text exports wrap sentences over several lines, so body lines are joined into paragraphs
with a map from each character back to its line. A number becomes a fact only when a
metric is named close before it in the same clause, its unit fits that metric, and the
clause does not speak of a change, a target or a ratio of something else.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import numbers, units
from ..facts import Fact
from ..model import Document, Line
from . import periods
from .resolve import normalise
from .taxonomy import Taxonomy

WINDOW = 24  # characters before a number in which its metric must be named
_CJK = re.compile(r"[\u3400-\u9fff]")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_LINK_WORDS = {"of", "is", "was", "were", "are", ":", "="}


@dataclass
class Paragraph:
    text: str
    match: str
    starts: list[int]  # offset in text where each line begins
    lines: list[Line]

    def line_at(self, offset: int) -> Line:
        return self.lines[bisect_right(self.starts, offset) - 1]


@dataclass(frozen=True)
class _Rules:
    clause_breaks: re.Pattern
    skip_clause: re.Pattern
    year_mention: re.Pattern
    zeros: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = tomllib.loads(resources.files("esglens.data").joinpath("prose_rules.toml").read_text("utf-8"))
    zeros = tuple(
        (z["metric"], re.compile("|".join(z["patterns"]), re.IGNORECASE)) for z in data["zero"]
    )
    return _Rules(
        clause_breaks=re.compile(data["clause"]["breaks"]),
        skip_clause=re.compile("|".join(data["clause"]["skip"]), re.IGNORECASE),
        year_mention=re.compile(data["clause"]["year_mention"]),
        zeros=zeros,
    )


def paragraphs(doc: Document) -> list[Paragraph]:
    """Body text outside tables, joined across the line breaks of the layout."""
    in_table = set()
    for t in doc.tables:
        in_table.update(range(t.first_line, t.last_line + 1))
    out: list[Paragraph] = []
    cur: list[Line] = []

    def flush() -> None:
        if cur:
            out.append(_join(cur))
            cur.clear()

    for ln in doc.lines:
        if ln.role != "body" or ln.no in in_table or not ln.text.strip():
            flush()
            continue
        cur.append(ln)
    flush()
    return out


def _join(lines: list[Line]) -> Paragraph:
    text_parts: list[str] = []
    match_parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for ln in lines:
        piece = ln.text.strip()
        mpiece = ln.match.strip() if len(ln.match.strip()) == len(piece) else piece
        if text_parts:
            prev = text_parts[-1]
            # CJK text wraps without a space; Latin text wraps at a space.
            sep = "" if (_CJK.match(prev[-1:]) or _CJK.match(piece[:1])) else " "
            text_parts.append(sep)
            match_parts.append(sep)
            pos += len(sep)
        starts.append(pos)
        text_parts.append(piece)
        match_parts.append(mpiece)
        pos += len(piece)
    return Paragraph("".join(text_parts), "".join(match_parts), starts, list(lines))


def from_prose(doc: Document, tax: Taxonomy) -> list[Fact]:
    rules = _rules()
    facts: list[Fact] = []
    for para in paragraphs(doc):
        facts.extend(_numbers_in(doc, para, tax, rules))
        facts.extend(_zeros_in(doc, para, tax, rules))
    return facts


def _clause_bounds(text: str, pos: int, rules: _Rules) -> tuple[int, int]:
    start = 0
    for m in rules.clause_breaks.finditer(text, 0, pos):
        start = m.end()
    m = rules.clause_breaks.search(text, pos)
    return start, (m.start() if m else len(text))


def _numbers_in(doc: Document, para: Paragraph, tax: Taxonomy, rules: _Rules) -> list[Fact]:
    out: list[Fact] = []
    prev_end = 0
    for span in numbers.find_numbers(para.text):
        c_start, c_end = _clause_bounds(para.text, span.start, rules)
        clause = para.match[c_start:c_end]
        window_start = max(c_start, prev_end, span.start - WINDOW)
        prev_end = span.end
        if rules.skip_clause.search(clause):
            continue
        raw_unit = _unit_after(para.text, span.end) if not span.number.percent else "%"
        bare = raw_unit is None and span.number.multiplier == 1
        if bare and (_YEAR_LIKE.fullmatch(span.number.raw) or span.number.percent):
            continue
        window = para.match[window_start : span.start]
        fact = _fact_from_window(doc, para, tax, rules, span, raw_unit, window, c_start)
        if fact is not None:
            out.append(fact)
    return out


def _unit_after(text: str, end: int) -> str | None:
    rest = text[end : end + 16]
    stripped = rest.lstrip()
    for size in range(min(len(stripped), 14), 0, -1):
        cand = stripped[:size]
        if not cand[-1].isalnum() and cand[-1] not in "%³²$£":
            continue  # a unit never ends in punctuation (`兆瓦時，`)
        if units.is_unit(cand):
            # A unit glued to following letters is part of a word (`t` in `tonnes` is fine, `h` in `he` not).
            nxt = stripped[size : size + 1]
            if cand.isascii() and nxt.isalpha() and nxt.isascii():
                continue
            return cand
    return None


def _fact_from_window(doc, para, tax, rules, span, raw_unit, window, clause_start) -> Fact | None:
    matches = [m for m in tax.match_label(window, raw_unit) if m.score >= 0.5]
    # The metric named nearest to the number is the one the number measures.
    matches.sort(key=lambda m: (-(m.span[1] if m.span else 0), -m.score))
    bare = raw_unit is None and span.number.multiplier == 1
    for m in matches:
        metric = tax.metric(m.metric)
        if bare and not _names_count_right_before(window, m, metric):
            continue
        norm = normalise(span.number.value, raw_unit, metric, percent=span.number.percent)
        if norm is None:
            continue
        period = _period_of(doc, para.match[clause_start : span.start], rules)
        if period is None:
            return None
        start, end = periods.bounds(period, doc.metadata.period)
        line = para.line_at(span.start)
        return Fact(
            metric=metric.id, value=norm.value, unit=norm.unit, raw_value=span.number.raw, raw_unit=raw_unit,
            period=period, period_start=start, period_end=end, dims=dict(m.dims),
            page=line.page, line=line.no, quote=_quote(para, line, span.start, span.end),
            source="prose", confidence=round(0.8 * m.score * norm.confidence, 3),
            hkex=metric.hkex, gri=metric.gri, qualifier=span.number.qualifier,
            label=window.strip(), lines=sorted({line.no, para.line_at(max(span.end - 1, span.start)).no}),
        )
    return None


def _names_count_right_before(window: str, m, metric) -> bool:
    """A number printed without a unit is a head count only when a persons/count metric is named
    just before it ("a workforce of 17", "員工總數為1,250")."""
    if metric.unit not in ("persons", "count") or not m.span:
        return False
    gap = window[m.span[1] :].strip()
    return len(gap) <= 4 and all(w in _LINK_WORDS for w in gap.split()) if gap.isascii() else len(gap) <= 2


def _period_of(doc: Document, before: str, rules: _Rules) -> str | None:
    """The year a clause speaks of: a year named before the number, else the report's period."""
    doc_period = doc.metadata.period
    years = rules.year_mention.findall(before)
    if years:
        label = years[-1]
        fiscal = label.upper().startswith("FY") or "财年" in label or "財年" in label
        year = re.search(r"(?:19|20)\d\d", label).group(0)
        if fiscal or (doc_period and doc_period.fiscal):
            return f"FY{year}"
        return year
    return doc_period.label if doc_period else None


def _quote(para: Paragraph, line: Line, start: int, end: int) -> str:
    """The part of the cited line around the number (the quote must occur in that line)."""
    text = line.text
    line_start = para.starts[para.lines.index(line)]
    lead = len(text) - len(text.lstrip())
    a = max(0, start - line_start - 30) + lead
    b = min(len(text), end - line_start + 12 + lead)
    return text[a:b].strip() or text.strip()


def _zeros_in(doc: Document, para: Paragraph, tax: Taxonomy, rules: _Rules) -> list[Fact]:
    out = []
    period = doc.metadata.period.label if doc.metadata.period else None
    if period is None:
        return out
    start, end = periods.bounds(period, doc.metadata.period)
    for metric_id, pattern in rules.zeros:
        m = pattern.search(para.match)
        if not m:
            continue
        metric = tax.metric(metric_id)
        line = para.line_at(m.start())
        out.append(
            Fact(
                metric=metric.id, value=0.0, unit=metric.unit, raw_value=para.text[m.start() : m.end()],
                raw_unit=None, period=period, period_start=start, period_end=end, dims={},
                page=line.page, line=line.no, quote=_quote(para, line, m.start(), m.end()),
                source="prose", confidence=0.75, hkex=metric.hkex, gri=metric.gri,
                label=para.text[m.start() : m.end()], lines=[line.no],
            )
        )
    return out
