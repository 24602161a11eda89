"""Facts stated in running text: `人均培訓時長為32小時`, `累計捐贈超過2,000萬元`,
`revenue of HK$4.86 billion`, `412 employee volunteers`, and zeros in words.

Text exports wrap sentences over several lines, so body lines are joined into paragraphs
with a map from each character back to its line. A number becomes a fact only when its
metric is named in the same clause, its unit fits that metric, and the clause does not speak
of a change, a target or a ratio of something else. The metric is named close before the
number (`員工總數為1,250`), or right after it and its unit (`3,000 volunteer hours`,
`1,200 tonnes of hazardous waste`); a clause naming only a measure (`服務時數`) measures what
the sentence's previous clause named. A currency may be printed before the number (`HK$`,
`人民幣`), with an approximation before it (`約港幣150萬元`).
"""

from __future__ import annotations

import dataclasses
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
FOLLOWING = 48  # characters after a number in which a metric named after it is looked for
CURRENCY_LEAD = 12  # longest currency printed before a number (`人民幣`, `HK$`, `US$`)
_CJK = re.compile(r"[\u3400-\u9fff]")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_LINK_WORDS = {"of", "is", "was", "were", "are", ":", "="}
_GLUED_CODE = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,4}(?=\d)")  # RMB63.8億, HKD1.2m
_THOUSANDS_CURRENCY = re.compile(r"(?<=[$¥£€A-Za-z])['’]000\b")
_SEPARATOR = " # "  # joins the wording before a number to the wording after it: no synonym spans it


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


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
    sentence_breaks: re.Pattern
    skip_clause: re.Pattern
    skip_sentence: re.Pattern
    part_of: re.Pattern
    year_mention: re.Pattern
    year_after: re.Pattern
    share_of: re.Pattern
    list_marker: re.Pattern
    following_gap: re.Pattern
    following_counts: frozenset[str]
    carry_words: re.Pattern
    qualifiers: tuple[str, ...]  # longest first
    zeros: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = tomllib.loads(resources.files("esglens.data").joinpath("prose_rules.toml").read_text("utf-8"))
    vocab = tomllib.loads(resources.files("esglens.data").joinpath("units.toml").read_text("utf-8"))["numbers"]
    zeros = tuple(
        (z["metric"], re.compile("|".join(z["patterns"]), re.IGNORECASE)) for z in data["zero"]
    )
    return _Rules(
        clause_breaks=re.compile(data["clause"]["breaks"]),
        sentence_breaks=re.compile(data["clause"]["sentence_breaks"]),
        skip_clause=re.compile("|".join(data["clause"]["skip"]), re.IGNORECASE),
        skip_sentence=re.compile("|".join(data["clause"]["skip_sentence"]), re.IGNORECASE),
        part_of=re.compile(data["clause"]["part_of"], re.IGNORECASE),
        year_mention=re.compile(data["clause"]["year_mention"]),
        year_after=re.compile(data["clause"]["year_after"], re.IGNORECASE),
        share_of=re.compile(data["number"]["share_of"], re.IGNORECASE),
        list_marker=re.compile(data["number"]["list_marker"]),
        following_gap=re.compile(data["following"]["gap"], re.IGNORECASE),
        following_counts=frozenset(data["following"]["counts"]),
        carry_words=re.compile("|".join(data["carry"]["words"]), re.IGNORECASE),
        qualifiers=tuple(sorted(vocab["qualifiers"], key=len, reverse=True)),
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


@dataclass
class _Figure:
    """A number in a paragraph with what is printed around it: currency before, unit after."""

    span: numbers.NumberSpan
    start: int  # where the figure begins (a currency or qualifier printed before the number)
    unit_start: int  # where the unit printed after the number begins (= end when there is none)
    end: int  # where the figure ends (after its unit)
    raw_unit: str | None
    qualifier: str | None
    c_start: int  # its clause
    c_end: int
    window_start: int  # where the wording before it that may name its metric begins
    after_end: int  # where the wording after it that may name its metric ends


def _numbers_in(doc: Document, para: Paragraph, tax: Taxonomy, rules: _Rules) -> list[Fact]:
    out: list[Fact] = []
    spans = numbers.find_numbers(_unglue_codes(para.text))
    prev_end = 0  # the wording that names a metric never reaches back over an earlier figure
    taken: set[int] = set()  # spans read as a prior year's figure of the fact before them
    for i, span in enumerate(spans):
        if i in taken:
            prev_end = span.end
            continue
        c_start, c_end = _clause_bounds(para.text, span.start, rules)
        floor = max(c_start, prev_end)
        if rules.skip_clause.search(para.match[c_start:c_end]) or _in_factor_sentence(para, span.start, rules):
            prev_end = span.end
            continue
        next_start = spans[i + 1].start if i + 1 < len(spans) else len(para.text)
        fig = _figure(para, span, next_start, floor, c_start, c_end, rules)
        if fig is None:
            if span.number.percent or span.number.multiplier != 1:
                prev_end = span.end
            continue  # a year, a code or a list mark: part of the wording
        fact = (_fact_from_window(doc, para, tax, rules, fig)
                or _fact_from_following(doc, para, tax, rules, fig)
                or _fact_from_sentence(doc, para, tax, rules, fig))
        if fact is not None:
            out.append(fact)
            prior = _prior_year(doc, para, fact, fig, spans, i, rules)
            if prior is not None:
                out.append(prior[0])
                taken.add(prior[1])
        if fact is not None or fig.raw_unit or span.number.multiplier != 1:
            prev_end = fig.end
    return out


# "3,862家（2022年：3,715家）", "HK$3.8 million (2022: HK$2.9 million)": the prior year's figure in brackets
_PRIOR_YEAR = re.compile(r"\s*[（(]\s*(?:FY\s?)?(?P<year>(?:19|20)\d{2})(?:/(?P<end>\d{2}))?\s*(?:年度|年|財年|财年|財政年度)?\s*[:：]\s*")


# "5,832 volunteering hours (FY2023: 4,915 hours)": the name of what the number counts may stand
# between it and the bracket, in words only
_NAME_BEFORE_BRACKET = re.compile(r"(?:[^\W\d_]+(?:[\s-][^\W\d_]+){0,4}?)?"
                                  r"(?:\s*\b(?:in|during|for)\s+(?:FY\s?)?(?:19|20)\d\d)?(?=\s*[（(])", re.IGNORECASE)
# "1,184 suppliers in 2023 (2022: 1,126)": the figure is compared with the prior year's, so it is the
# whole population the noun names, not a subset of it
_COMPARED_AFTER = re.compile(r"\s*(?:(?:in|during|for)\s+(?:the\s+)?(?:year\s+)?(?:FY\s?)?(?:19|20)\d\d\s*)?"
                             r"[（(]\s*(?:FY\s?)?(?:19|20)\d\d\s*(?:年度?|財年|财年)?\s*[:：]", re.IGNORECASE)


def _prior_year(doc, para, fact: Fact, fig: _Figure, spans, i: int, rules) -> tuple[Fact, int] | None:
    m = _PRIOR_YEAR.match(para.text, fig.end)
    if m is None:
        name = _NAME_BEFORE_BRACKET.match(para.text, fig.end + 1) if para.text[fig.end : fig.end + 1] == " " else None
        m = _PRIOR_YEAR.match(para.text, name.end()) if name else None
    if m is None:
        return None
    k = next((j for j in range(i + 1, len(spans)) if spans[j].start >= m.end()), None)
    if k is None:
        return None
    span = spans[k]
    if span.start > m.end() + 10:  # only a currency or a qualifier may stand before the number (HK$'000)
        return None
    nxt = _figure(para, span, spans[k + 1].start if k + 1 < len(spans) else len(para.text), m.end(),
                  fig.c_start, max(fig.c_end, span.end), rules)
    if nxt is None:
        return None
    unit = nxt.raw_unit or fact.raw_unit
    metric = Taxonomy.load().metric(fact.metric)
    norm = normalise(span.number.value, unit, metric, percent=span.number.percent)
    if norm is None:
        return None
    year = _split_year_end(m.group("year"), m.group("end"))
    doc_period = doc.metadata.period
    period = f"FY{year}" if doc_period is not None and doc_period.fiscal or m.group("end") else year
    start, end = periods.bounds(period, doc_period)
    line = para.line_at(span.start)
    prior = dataclasses.replace(
        fact, value=norm.value, unit=norm.unit, raw_value=span.number.raw, raw_unit=unit, period=period,
        period_start=start, period_end=end, page=line.page, line=line.no,
        quote=_quote(para, line, span.start, nxt.end), qualifier=nxt.qualifier,
        lines=sorted({line.no}), confidence=round(fact.confidence * 0.95, 3))
    return prior, k


def _unglue_codes(text: str) -> str:
    """`RMB63.8億` -> `   63.8億`: a currency code glued to its number is not part of a name like
    `Scope1` or `PM2.5`, so it is blanked (offsets kept) for the number search."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0)) if _currency(m.group(0)) else m.group(0)

    text = _THOUSANDS_CURRENCY.sub(lambda m: " " * len(m.group(0)), text)  # HK$'000: a unit, not a number
    return _GLUED_CODE.sub(blank, text)


def _currency(token: str) -> bool:
    if not units.is_unit(token):
        return False
    parsed = units.parse_unit(token)
    return parsed.kind == "currency" and parsed.denominator is None


def _figure(para: Paragraph, span: numbers.NumberSpan, next_start: int, floor: int, c_start: int, c_end: int,
            rules: _Rules) -> _Figure | None:
    number = span.number
    if _PAGE_BEFORE.search(para.text, 0, span.start) or _PAGE_AFTER.match(para.text, span.end):
        return None  # "第5頁", "page 12", "pp. 86 to 91": a page reference
    if span.start > 1 and para.text[span.start - 1] in "-‐–" and para.text[span.start - 2].isalnum():
        return None  # glued by a hyphen: a code or the end of a range (GRI 403-9, 30-50), not a figure
    if number.percent:
        unit, unit_start, unit_end = "%", span.end, span.end
        if rules.share_of.match(para.match, span.end):
            return None  # "44% of our senior leaders": a share of what follows
    else:
        unit, unit_start, unit_end = _unit_after(para.text, span.end)
    bare = unit is None and number.multiplier == 1
    if bare and (_YEAR_LIKE.fullmatch(number.raw) or number.percent):
        return None
    if bare and re.fullmatch(r"\d{1,2}", number.raw) and rules.list_marker.match(para.text, span.end) \
            and (span.start == 0 or para.text[span.start - 1].isspace()):
        return None
    start, qualifier = span.start, number.qualifier  # the span starts at its qualifier (`港幣約150萬元`)
    lead = None if number.percent else _currency_before(para.text, span.start, floor)
    if lead is not None:
        start, currency = lead
        if unit is None:
            unit = currency
        elif _currency(unit):
            combined = currency + unit  # 港幣 ... 元: the currency before names the code
            unit = combined if _currency(combined) and units.parse_unit(combined).multiplier != 1 else currency
        if qualifier is None:
            qualifier, start = _qualifier_before(para.text, start, floor, rules)
    window_start = max(floor, start - WINDOW)
    while window_start > floor and _latin(para.text[window_start - 1]) and _latin(para.text[window_start]):
        window_start -= 1  # never cut a word in two ("evenue for the year was")
    return _Figure(span, start, unit_start, unit_end, unit, qualifier, c_start, c_end,
                   window_start=window_start, after_end=min(c_end, next_start, unit_end + FOLLOWING))


_PAGE_BEFORE = re.compile(r"(?:第|\b(?:pages?|pp?\.)\s?)$", re.IGNORECASE)
_PAGE_AFTER = re.compile(r"\s*(?:頁|页)")


def _currency_before(text: str, pos: int, floor: int) -> tuple[int, str] | None:
    """A currency printed before a number, with where it starts: `HK$4.86 billion`, `人民幣63.8億元`,
    `RMB 2.3 million`."""
    head_end = len(text[:pos].rstrip())
    for size in range(min(CURRENCY_LEAD, head_end - floor), 0, -1):
        start = head_end - size
        cand = text[start:head_end]
        if cand[0].isspace() or (len(cand) == 1 and _CJK.match(cand)):
            continue  # 元 alone follows its number, never leads it
        if _latin(cand[0]) and start > 0 and _latin(text[start - 1]):
            continue  # the end of a longer word
        if _currency(cand):
            return start, cand
    return None


def _qualifier_before(text: str, pos: int, floor: int, rules: _Rules) -> tuple[str | None, int]:
    """Approximate wording printed before a currency (`約港幣150萬元`, `over HK$1 million`)."""
    head = text[floor:pos].rstrip()
    low = head.casefold()
    for q in rules.qualifiers:
        if low.endswith(q.casefold()):
            q_start = floor + len(head) - len(q)
            if q.isascii() and q[0].isalpha() and q_start > 0 and text[q_start - 1].isalpha():
                continue
            return text[q_start : floor + len(head)], q_start
    return None, pos


def _unit_after(text: str, end: int) -> tuple[str | None, int, int]:
    """The unit printed right after a number, with where it begins and ends."""
    rest = text[end : end + 40]  # "MWh per HK$ million revenue" is a unit too
    stripped = rest.lstrip()
    offset = end + len(rest) - len(stripped)
    cut = re.search(r"[（(\[【，,；;。:：]", stripped)  # a bracket or a clause mark ends any unit
    if cut:
        stripped = stripped[: cut.start()]
    for size in range(min(len(stripped), 36), 0, -1):
        cand = stripped[:size]
        if not cand[-1].isalnum() and cand[-1] not in "%³²$£":
            continue  # a unit never ends in punctuation (`兆瓦時，`)
        if units.is_unit(cand):
            # A unit glued to following letters is part of a word (`t` in `tonnes` is fine, `h` in `he` not).
            nxt = stripped[size : size + 1]
            if cand.isascii() and nxt.isalpha() and nxt.isascii():
                continue
            return cand, offset, offset + size
    return None, end, end


def _fact_from_window(doc, para, tax, rules, fig: _Figure) -> Fact | None:
    """The metric named close before the number: `員工總數為1,250人`, `revenue of HK$4.86 billion`."""
    window = para.match[fig.window_start : fig.start]
    if _ENDS_WITH_CONJUNCTION.search(window):
        return None  # "All directors and 3,105 employees completed ...": the name before "and" is another item
    matches = [m for m in tax.match_label(window, fig.raw_unit) if m.score >= 0.5]
    # The metric named nearest to the number is the one the number measures.
    matches.sort(key=lambda m: (-(m.span[1] if m.span else 0), -m.score))
    bare = fig.raw_unit is None and fig.span.number.multiplier == 1
    for i, m in enumerate(matches):
        metric = tax.metric(m.metric)
        if bare and not _names_count_right_before(window, m, metric):
            continue
        if i == 0 and not _kind_fits(fig, metric):
            return None  # "召回產品139次": the number counts what is named next to it, not a share of it
        fact = _make_fact(doc, para, tax, rules, fig, m, metric, window.strip())
        if fact is not None:
            narrower = _narrowed_by_sentence(para, tax, rules, fig, metric)
            if narrower is not None:
                # The breakdown is the clause's own ("董事人均"), not one the earlier clause names.
                narrower = dataclasses.replace(narrower, dims=dict(m.dims))
                narrowed = _make_fact(doc, para, tax, rules, fig, narrower, tax.metric(narrower.metric), window.strip())
                fact = narrowed or fact
            return fact
    return None


_ENDS_WITH_CONJUNCTION = re.compile(r"(?:\b(?:and|or)|及|和|与|以及)\s*$")


def _in_factor_sentence(para: Paragraph, pos: int, rules: _Rules) -> bool:
    start = _sentence_start(para, pos, rules)
    m = rules.sentence_breaks.search(para.text, pos)
    return bool(rules.skip_sentence.search(para.match[start : m.start() if m else len(para.text)]))


def _sentence_start(para: Paragraph, pos: int, rules: _Rules) -> int:
    start = 0
    for m in rules.sentence_breaks.finditer(para.text, 0, pos):
        start = m.end()
    return start


def _narrowed_by_sentence(para, tax, rules, fig: _Figure, metric):
    """A narrower metric named earlier in the sentence is what the clause speaks of: in
    "在廉潔培訓方面，董事人均受訓時長為1小時" the average is of anti-corruption training."""
    start = _sentence_start(para, fig.c_start, rules)
    if start >= fig.c_start:
        return None
    earlier = para.match[start : fig.c_start]
    window = para.match[fig.window_start : fig.start]
    for n in tax.match_label(earlier + _SEPARATOR + window, fig.raw_unit):
        if n.score >= 0.5 and n.span and n.span[0] < len(earlier) and metric.id in tax.metric(n.metric).broader:
            return n
    return None


def _fact_from_following(doc, para, tax, rules, fig: _Figure) -> Fact | None:
    """The metric named right after the number and its unit: `412 employee volunteers`,
    `3,000 volunteer hours`, `1,200 tonnes of hazardous waste`, `300名員工參與義工服務`."""
    if fig.span.number.percent:
        return None  # "85% of employees ...": what follows a share is its base
    before = para.match[fig.window_start : fig.start]
    after = para.match[fig.span.end : fig.after_end]
    # The wording before stays in the label so that its targets, changes and "per" still count.
    label = before + _SEPARATOR + after
    offset = len(before) + len(_SEPARATOR)
    found = []
    for m in tax.match_label(label, fig.raw_unit):
        if m.score < 0.5 or not m.span or m.span[0] < offset:
            continue
        metric = tax.metric(m.metric)
        if metric.unit in ("persons", "count") and metric.id not in rules.following_counts \
                and not _COMPARED_AFTER.match(para.text, fig.span.end + m.span[1] - offset):
            continue  # a count before a noun may count a subset, unless a prior year's figure follows
        name_start = fig.span.end + m.span[0] - offset
        if name_start >= fig.end:
            gap = para.match[fig.span.end : fig.unit_start] + para.match[fig.end : name_start]
        elif name_start == fig.unit_start:
            gap = para.match[fig.span.end : name_start]  # the unit opens the name: "2 cases of corruption"
        else:
            continue
        if not rules.following_gap.fullmatch(gap):
            continue
        found.append((name_start, m, metric))
    for _, m, metric in sorted(found, key=lambda f: (f[0], -f[1].score)):
        label = para.text[fig.span.end : fig.span.end + m.span[1] - offset].strip()
        fact = _make_fact(doc, para, tax, rules, fig, m, metric, label)
        if fact is not None:
            return fact
    return None


def _fact_from_sentence(doc, para, tax, rules, fig: _Figure) -> Fact | None:
    """A clause naming only a measure (`累計服務時數超過2,000小時`) measures the activity named in
    the previous clause of its sentence (`逾300名員工參與義工服務`), when the unit fits."""
    window = para.match[fig.window_start : fig.start]
    if fig.raw_unit is None or not rules.carry_words.search(window):
        return None
    if any(m.score >= 0.5 for m in tax.match_label(window, None)):
        return None  # the clause names its own metric
    sentence_start = _sentence_start(para, fig.c_start, rules)
    if fig.c_start <= sentence_start:
        return None
    prev_start, _ = _clause_bounds(para.text, fig.c_start - 1, rules)
    prev_start = max(prev_start, sentence_start)
    previous = para.match[prev_start : fig.c_start]
    if rules.skip_clause.search(previous):
        return None
    # The activity named last in that clause; every start is tried, so a longer name that contains
    # the activity (參與義工服務 around 義工服務) does not hide it.
    for k in range(len(previous) - 1, -1, -1):
        if k and _CJK.match(previous[k - 1]) is None and previous[k - 1].isalnum() and previous[k].isalnum():
            continue  # inside a word
        for m in tax.match_label(previous[k:], fig.raw_unit):
            metric = tax.metric(m.metric)
            if m.score < 0.5 or (metric.unit in ("persons", "count") and metric.id not in rules.following_counts):
                continue
            fact = _make_fact(doc, para, tax, rules, fig, m, metric, (previous[k:] + " " + window).strip())
            if fact is not None:
                return fact
    return None


def _part_of_earlier(para, tax, rules, fig: _Figure, metric) -> bool:
    """An "其中 / of which" clause gives a part of the same metric named earlier in the sentence (or of
    a whole it does not name); one naming another metric ("of which 8,000 MWh of electricity") does not."""
    earlier = para.match[_sentence_start(para, fig.c_start, rules) : fig.c_start]
    named = {x.metric for x in tax.match_label(earlier) if x.score >= 0.5}
    return not named or metric.id in named


def _kind_fits(fig: _Figure, metric) -> bool:
    """A share is printed with its % sign (139次 is a count, not a recall rate); people are not
    counted in sessions or cases (23 場次)."""
    if metric.unit == "%":
        return fig.span.number.percent or fig.raw_unit == "%"
    if metric.unit == "persons" and fig.raw_unit:
        return units.parse_unit(fig.raw_unit).kind != "count"
    return True


def _make_fact(doc, para, tax, rules, fig: _Figure, m, metric, label: str) -> Fact | None:
    unit = fig.raw_unit
    label = _as_printed(para, label, fig.start)
    if not _kind_fits(fig, metric):
        return None
    if not m.dims and rules.part_of.match(para.match, fig.c_start) and _part_of_earlier(para, tax, rules, fig, metric):
        return None  # a part of what the sentence named before, and the part is not named: never a total
    norm = normalise(fig.span.number.value, unit, metric, percent=fig.span.number.percent)
    if norm is None:
        return None
    period = _period_of(doc, para.match[fig.c_start : fig.start], para.match[fig.end : fig.c_end], rules)
    if period is None:
        return None
    start, end = periods.bounds(period, doc.metadata.period)
    line = para.line_at(fig.span.start)
    return Fact(
        metric=metric.id, value=norm.value, unit=norm.unit, raw_value=fig.span.number.raw, raw_unit=unit,
        period=period, period_start=start, period_end=end, dims=_without_enumeration(dict(m.dims), label, para.text[max(0, fig.window_start - 20) : fig.start]),
        page=line.page, line=line.no, quote=_quote(para, line, fig.start, fig.end),
        source="prose", confidence=round(0.8 * m.score * norm.confidence, 3),
        hkex=metric.hkex, gri=metric.gri, qualifier=fig.qualifier,
        label=label, lines=sorted({line.no, para.line_at(max(fig.span.end - 1, fig.span.start)).no}),
    )


_LIST_SEPARATOR = re.compile(r"[、,，]|和|及|與|与|\band\b")


_COMPOUND_MANAGEMENT = re.compile(r"\b(?!senior\b|middle\b|top\b|general\b|junior\b|the\b|our\b|of\b|and\b)[a-z]+\s+management\b", re.I)


def _without_enumeration(dims: dict[str, str], label: str, before: str = "") -> dict[str, str]:
    """Several businesses listed in a sentence ("地產業務、旅遊業務和教育業務一共聘請1,478位員工") name
    the whole the figure covers, not a breakdown of it; "車輛柴油" (one category of two words) is one."""
    if ", " in dims.get("category", "") and _LIST_SEPARATOR.search(label):
        dims.pop("category")
    if dims.get("rank") == "management" and _COMPOUND_MANAGEMENT.search(f"{before} {label}"):
        dims.pop("rank")  # "our property management teams received ...": a trade, not a rank
    return dims


def _names_count_right_before(window: str, m, metric) -> bool:
    """A number printed without a unit is a head count only when a persons/count metric is named
    just before it ("a workforce of 17", "員工總數為1,250")."""
    if metric.unit not in ("persons", "count") or not m.span:
        return False
    gap = window[m.span[1] :].strip()
    return len(gap) <= 4 and all(w in _LINK_WORDS for w in gap.split()) if gap.isascii() else len(gap) <= 2


def _split_year_end(start: str, end: str | None) -> str:
    """"2022/23" is the fiscal year that ends in 2023."""
    if not end:
        return start
    year = int(start[:2] + end)
    return str(year + 100 if year < int(start) else year)


def _period_of(doc: Document, before: str, after: str, rules: _Rules) -> str | None:
    """The year a clause speaks of: a year named before the number, else one named right after it
    ("HK$4.86 billion in 2023"), else the report's period."""
    doc_period = doc.metadata.period
    years = rules.year_mention.findall(before)
    m = rules.year_after.match(after)
    if years or m:
        label = years[-1] if years else m.group(1)
        split = re.search(r"((?:19|20)\d\d)/(\d\d)", label)
        fiscal = label.upper().startswith("FY") or "财年" in label or "財年" in label or split is not None
        year = _split_year_end(*split.groups()) if split else re.search(r"(?:19|20)\d\d", label).group(0)
        if fiscal or (doc_period and doc_period.fiscal):
            return f"FY{year}"
        return year
    return doc_period.label if doc_period else None


def _as_printed(para: Paragraph, label: str, before: int) -> str:
    """The label in the report's own script: matching text maps back to the printed text position by
    position (the matching form has the text's length)."""
    label = label.strip()
    if not label or len(para.match) != len(para.text):
        return label
    i = para.match.rfind(label, 0, before + 1)
    return para.text[i : i + len(label)] if i >= 0 else label


def _quote(para: Paragraph, line: Line, start: int, end: int) -> str:
    """The part of the cited line around the number (the quote must occur in that line)."""
    text = line.text
    line_start = para.starts[para.lines.index(line)]
    lead = len(text) - len(text.lstrip())
    a = max(0, start - line_start - 30) + lead
    b = min(len(text), end - line_start + 12 + lead)
    # never cut a number in two at either end of the quote
    while b < len(text) and b > 0 and (text[b].isdigit() or text[b] in ".,") and text[b - 1].isdigit():
        b += 1
    while 0 < a < len(text) and (text[a - 1].isdigit() or text[a - 1] in ".,") and text[a].isdigit():
        a -= 1
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
