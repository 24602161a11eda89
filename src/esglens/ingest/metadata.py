"""Document metadata from the text: company, reporting period, language and script, standards.

Everything is inferred from wording and layout, driven by data/metadata.toml (entity suffixes,
title phrases, period wording) and data/standards.toml (how each standard is named); front
matter (title, date), when the source has it, takes precedence for the title and date.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

from ..model import Line, Metadata, Period
from .normalize import to_simplified

_SAMPLE_CHARS = 120_000  # language/script need only a sample; big reports stay fast
_SCRIPT_SAMPLE = 20_000  # Han characters: enough to tell the scripts apart
_TRADITIONAL_SHARE = 0.03  # Traditional prose: typically 15-30% of characters differ
_EARLY_SHARE = 0.15  # the first 15% of a report (cover, "about this report") weighs more


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = resources.files("esglens.data")
    rules = tomllib.loads(data.joinpath("metadata.toml").read_text(encoding="utf-8"))
    rules["standards"] = tomllib.loads(data.joinpath("standards.toml").read_text(encoding="utf-8"))
    return rules


def detect_metadata(lines: list[Line], front_matter: dict[str, Any], filename: str) -> Metadata:
    """Title, company, period, language, script and standards of a report."""
    content = [ln for ln in lines if ln.role != "blank"]
    body = [ln for ln in content if ln.is_content]
    language = _language(body)
    meta = Metadata(language=language)
    meta.script = _script(body) if language == "zh" else None
    fm_title = front_matter.get("title")
    meta.title = str(fm_title).strip() if fm_title else _title(content)
    if front_matter.get("date"):
        meta.date = str(front_matter["date"])[:10]
    meta.company = _company(content, language, front_matter)
    meta.period, source = _period(body, meta.title)
    if source:
        meta.extra["period_source"] = source
    meta.standards, meta.hkex_code_version = _standards(body)
    return meta


# --- language and script -------------------------------------------------------------------

_LATIN = re.compile(r"[A-Za-z]")
# Runs rather than single characters: far fewer matches to count ("[..][..]*" scans faster than "[..]+").
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff][\u3400-\u4dbf\u4e00-\u9fff]*")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z]*")


def _sample(lines: list[Line]) -> str:
    parts, size = [], 0
    for ln in lines:
        parts.append(ln.text)
        size += len(ln.text)
        if size > _SAMPLE_CHARS:
            break
    return "\n".join(parts)


def _language(lines: list[Line]) -> str | None:
    text = _sample(lines)
    han, latin = sum(map(len, _HAN_RUN.findall(text))), sum(map(len, _LATIN_RUN.findall(text)))
    if not han and not latin:
        return None
    # One Chinese character carries about as much as an English word of ~4-5 letters.
    return "zh" if han * 4 >= latin else "en"


def _script(lines: list[Line]) -> str | None:
    """Traditional text changes in many places when converted to Simplified; Simplified text
    hardly at all (a few characters shared by both scripts aside)."""
    text = "".join(_HAN_RUN.findall(_sample(lines)))[:_SCRIPT_SAMPLE]
    if not text:
        return None
    changed = sum(a != b for a, b in zip(text, to_simplified(text)))
    return "hant" if changed > _TRADITIONAL_SHARE * len(text) else "hans"


# --- title ---------------------------------------------------------------------------------

_YEAR = r"(?:(?:19|20)\d{2}|[二][〇零○Ｏ一二三四五六七八九]{3})"


@lru_cache(maxsize=1)
def _title_re() -> re.Pattern[str]:
    rules = _rules()["title"]
    phrases = "|".join(re.escape(p) for p in rules["zh_phrases"] + rules["en_phrases"])
    return re.compile(
        rf"{_YEAR}\s*(?:年度?|財年|财年)?\s*(?:{phrases})|(?:{phrases})\s*{_YEAR}", re.IGNORECASE
    )


def _title(lines: list[Line]) -> str | None:
    pattern = _title_re()
    for ln in lines[:80]:
        m = pattern.search(ln.text)
        if m:
            return m.group(0).strip()
    return None


# --- company -------------------------------------------------------------------------------


def _company(lines: list[Line], language: str | None, front_matter: dict[str, Any]) -> str | None:
    for key in ("company", "issuer", "organization"):
        if front_matter.get(key):
            return str(front_matter[key]).strip()
    early = max(1, int(len(lines) * _EARLY_SHARE))
    weights = [3 if i < early or not ln.is_content else 1 for i, ln in enumerate(lines)]
    zh = _zh_entities([ln.text for ln in lines], weights)
    en: Counter[str] = Counter()
    for i in _naming_en_suffix([ln.text for ln in lines]):
        for name in _en_entities(lines[i].text):
            en[name] += weights[i]
    first, second = (zh, en) if language != "en" else (en, zh)
    for counts in (first, second):
        if counts:
            return counts.most_common(1)[0][0]
    return None


@lru_cache(maxsize=1)
def _zh_suffix_re() -> re.Pattern[str]:
    suffixes = sorted(_rules()["company"]["zh_suffixes"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


_ZH_NAME_CHARS = re.compile(r"[\u4e00-\u9fff]+")
_MAX_NAME = 20


def _excluded(name: str) -> bool:
    return any(w.lower() in name.lower() for w in _rules()["company"]["exclude_words"])


def _zh_entities(texts: list[str], weights: list[int]) -> Counter[str]:
    """Chinese legal-entity names with their weighted frequency.

    Chinese has no spaces, so where a name starts is unknown: every spelling grown backwards
    from the legal suffix is counted, and each mention takes the longest spelling that is still
    about as frequent as the shortest one (longer spellings that swallow the words before the
    name are rare)."""
    mentions: list[tuple[str, str, int]] = []  # (characters before the suffix, suffix, weight)
    for text, weight in zip(texts, weights):
        if "公司" not in text:
            continue
        for chunk in _ZH_NAME_CHARS.findall(text):
            for m in _zh_suffix_re().finditer(chunk):
                before = chunk[max(0, m.start() - _MAX_NAME) : m.start()]
                if len(before) >= 2:
                    mentions.append((before, m.group(0), weight))
    spellings: Counter[str] = Counter()
    for before, suffix, _ in mentions:
        for k in range(2, len(before) + 1):
            spellings[before[-k:] + suffix] += 1
    function_chars = _rules()["company"]["leading_function_chars"]
    names: Counter[str] = Counter()
    for before, suffix, weight in mentions:
        k = 2
        if spellings[before[-2:] + suffix] == 1:
            name = _strip_leading(before, function_chars)
        else:
            # Grow while nearly every mention of the shorter spelling has the longer one too.
            while k < len(before) and spellings[before[-k - 1 :] + suffix] >= max(
                2, 0.8 * spellings[before[-k:] + suffix]
            ):
                k += 1
            name = before[-k:]
        if len(name) >= 2 and not _excluded(name + suffix):
            names[name + suffix] += weight
    return names


def _strip_leading(name: str, function_chars: str) -> str:
    """Cut a lone mention after the last function character (為, 的, 由…) near its start."""
    for i in range(min(len(name) - 2, 8), -1, -1):
        if name[i] in function_chars:
            return name[i + 1 :]
    return name


_EN_ENTITY_RE: re.Pattern[str] | None = None


def _en_entity_re() -> re.Pattern[str]:
    global _EN_ENTITY_RE
    if _EN_ENTITY_RE is None:
        suffixes = sorted(_rules()["company"]["en_suffixes"], key=len, reverse=True)
        alt = "|".join(re.escape(s) for s in suffixes)
        # One to five capitalised words, then the legal suffix as its own word(s).
        _EN_ENTITY_RE = re.compile(
            rf"\b((?:[A-Z][\w&'’.-]*\s+){{1,5}}?)({alt})(?![\w])"
        )
    return _EN_ENTITY_RE


@lru_cache(maxsize=1)
def _en_suffix_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in _rules()["company"]["en_suffixes"]))


def _naming_en_suffix(texts: list[str]) -> list[int]:
    """Indexes of the texts holding an English legal suffix: only they can name an entity, and
    one scan over all of them is much faster than the entity pattern on each."""
    joined = "\n".join(texts)
    ends = list(accumulate(len(t) + 1 for t in texts))  # where each text's separator ends
    found: list[int] = []
    for m in _en_suffix_re().finditer(joined):
        i = bisect_right(ends, m.start())
        if not found or found[-1] != i:
            found.append(i)
    return found


_EN_STOP = {"The", "A", "An", "Of", "By", "From", "For", "And", "In", "On", "To", "With", "At", "As", "This"}


def _en_entities(text: str) -> list[str]:
    if not _LATIN.search(text):
        return []
    names = []
    for m in _en_entity_re().finditer(text):
        words = m.group(1).split()
        while words and words[0] in _EN_STOP:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words + [m.group(2)])
        if not _excluded(name):
            names.append(name)
    return names


# --- period --------------------------------------------------------------------------------


_FISCAL_PREFIXES = ("financial ", "fiscal ")  # may stand before "year ended"
_FY_WORDS = ("財年", "财年", "財政年度", "财政年度")  # "2024財年": a year before one of these is fiscal


@lru_cache(maxsize=1)
def _period_patterns() -> dict[str, re.Pattern[str]]:
    months = "|".join(m.capitalize() + "|" + m for m in _rules()["period"]["months"])
    zh_date = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    zh_date_no_year = r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    en_dmy = rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({months})\s*,?\s*(\d{{4}})?"
    en_dmy_full = rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({months})\s*,?\s*(\d{{4}})"
    en_mdy = rf"({months})\s+(\d{{1,2}}),?\s*(\d{{4}})?"
    en_mdy_full = rf"({months})\s+(\d{{1,2}}),?\s*(\d{{4}})"
    fiscal = "|".join(map(re.escape, _FISCAL_PREFIXES))
    fy_words = "|".join(map(re.escape, _FY_WORDS))
    return {
        "en_range_mdy": re.compile(rf"{en_mdy}\s*(?:to|until|through|–|-|—)\s*{en_mdy_full}"),
        "zh_range": re.compile(rf"{zh_date}\s*(?:起\s*)?(?:至|到|－|-|–|—|~|～)\s*{zh_date_no_year}"),
        "en_range": re.compile(rf"{en_dmy}\s*(?:to|until|through|–|-|—)\s*{en_dmy_full}"),
        "zh_year_ended": re.compile(rf"截至\s*{zh_date}\s*止\s*(?:的)?\s*(財政年度|财政年度|財年|财年|年度)"),
        "en_year_ended": re.compile(
            rf"({fiscal})?year ended\s+(?:on\s+)?{en_dmy_full}", re.IGNORECASE
        ),
        "fy_token": re.compile(
            rf"(?<![A-Za-z])FY\s?((?:19|20)\d{{2}}|\d{{2}})(?!\d)|((?:19|20)\d{{2}})\s*(?:{fy_words})"
        ),
    }


# --- fast scanning for the period patterns ----------------------------------------------------
# Most period patterns open with a digit, an optional word or a look-behind, so `re` tries them
# at every position of the report, which on a long report costs more than the rest of the
# metadata together. Each match holds a word that a literal scan finds fast (a month name,
# "year ended", 年, FY) at a known distance from where the match starts; the patterns are tried
# only at those starts, which yields exactly the matches of `finditer` over the whole text.


def _overlapping(words: list[str]) -> bool:
    """Whether an occurrence of one word can start inside an occurrence of another (or itself),
    so that a left-to-right scan for the words would miss some occurrences."""
    folded = [w.casefold() for w in words]
    return any(
        b.startswith(a[k:]) or a[k:].startswith(b) for a in folded for b in folded for k in range(1, len(a))
    )


class _Spots:
    """Every position where one of some literal words starts, found in one regex scan."""

    def __init__(self, words: list[str], flags: int = 0) -> None:
        alternation = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        # A look-ahead finds overlapping occurrences too, but is tried at every position.
        self._re = re.compile(f"(?=(?:{alternation}))" if _overlapping(words) else alternation, flags)

    def __call__(self, text: str) -> list[int]:
        return [m.start() for m in self._re.finditer(text)]


@lru_cache(maxsize=1)
def _period_spots() -> dict[str, _Spots]:
    months = [spelling for m in _rules()["period"]["months"] for spelling in (m.capitalize(), m)]
    return {
        "month": _Spots(months),
        "year_ended": _Spots(["year ended"], re.IGNORECASE),
        "year": _Spots(["年"]),
        "fy": _Spots(["FY"]),
        "fy_word": _Spots(list(_FY_WORDS)),
    }


def _space_start(text: str, i: int) -> int:
    """Where the run of whitespace that ends at ``i`` starts (``i`` when there is none)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, trying the pattern only at ``starts``: every position where a
    match can start must be among them (others are harmless)."""
    found, end = [], 0
    for pos in sorted(set(starts)):
        if pos >= end and (m := pattern.match(text, pos)):
            found.append(m)
            end = m.end()
    return found


def _four_digits_before(text: str, spots: list[int]) -> list[int]:
    """Where a match starts that has four digits, maybe spaces, then a word found at ``spots``."""
    starts = (_space_start(text, q) - 4 for q in spots)
    return [p for p in starts if p >= 0]


def _period_matches(text: str, name: str, months: list[int] | None = None) -> list[re.Match[str]]:
    """``_period_patterns()[name].finditer(text)`` as a list, found fast (but for "zh_year_ended",
    which opens with a literal and scans fast by itself). ``months``: where month names start,
    when already known."""
    pattern, spots = _period_patterns()[name], _period_spots()
    if months is None and name in ("en_range", "en_range_mdy"):
        months = spots["month"](text)
    if name == "zh_range":  # "2024 年1月1日至…"
        starts = _four_digits_before(text, spots["year"](text))
    elif name == "en_range":  # "1st January 2024 to …": a day before the spaces before the month
        starts = []
        for q in months:
            space = _space_start(text, q)
            if space < q:
                starts += range(max(0, space - 4), space)
    elif name == "en_range_mdy":  # "January 1, 2024 to …"
        starts = months
    elif name == "en_year_ended":  # "(financial |fiscal )year ended …"
        offsets = (0, *map(len, _FISCAL_PREFIXES))
        starts = [max(0, q - k) for q in spots["year_ended"](text) for k in offsets]
    elif name == "fy_token":  # "FY2024", "2024財年"
        starts = spots["fy"](text) + _four_digits_before(text, spots["fy_word"](text))
    else:
        return list(pattern.finditer(text))
    return _matches_at(pattern, text, starts)


def _month_no(name: str) -> int:
    return _rules()["period"]["months"].index(name.lower()) + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _period_from_range(start: date, end: date) -> Period | None:
    if not 350 <= (end - start).days <= 380:
        return None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return Period(str(end.year), start.isoformat(), end.isoformat())
    return Period(f"FY{end.year}", start.isoformat(), end.isoformat(), fiscal=True)


def _period_ending(end: date) -> Period:
    start = _safe_date(end.year - 1, end.month, end.day) or (end - timedelta(days=365))
    return _period_from_range(start + timedelta(days=1), end) or Period(str(end.year))


def _range_candidates(text: str) -> list[tuple[int, Period]]:
    pats = _period_patterns()
    found: list[tuple[int, Period]] = []
    for m in _period_matches(text, "zh_range"):
        y1, m1, d1, y2, m2, d2 = m.groups()
        start = _safe_date(int(y1), int(m1), int(d1))
        end = _safe_date(int(y2 or y1), int(m2), int(d2))
        if start and end and (p := _period_from_range(start, end)):
            found.append((m.start(), p))
    for pos, (d1, mon1, y1, d2, mon2, y2) in _english_ranges(text):
        end = _safe_date(int(y2), _month_no(mon2), int(d2))
        start = _safe_date(int(y1 or y2), _month_no(mon1), int(d1))
        if start and end and start > end and not y1:
            start = _safe_date(int(y2) - 1, _month_no(mon1), int(d1))
        if start and end and (p := _period_from_range(start, end)):
            found.append((pos, p))
    for m in pats["zh_year_ended"].finditer(text):
        y, mo, d = (int(g) for g in m.groups()[:3])
        if end := _safe_date(y, mo, d):
            found.append((m.start(), _period_ending(end)))
    for m in _period_matches(text, "en_year_ended"):
        d, mon, y = m.group(2), m.group(3), m.group(4)
        if end := _safe_date(int(y), _month_no(mon), int(d)):
            found.append((m.start(), _period_ending(end)))
    return found


def _english_ranges(text: str) -> list[tuple[int, tuple[str, ...]]]:
    """English date ranges as (position, (day, month, year, day, month, year))."""
    months = _period_spots()["month"](text)
    found = [(m.start(), m.groups()) for m in _period_matches(text, "en_range", months)]
    for m in _period_matches(text, "en_range_mdy", months):  # "January 1, 2024 to December 31, 2024"
        mon1, d1, y1, mon2, d2, y2 = m.groups()
        found.append((m.start(), (d1, mon1, y1, d2, mon2, y2)))
    return found


def _zh_numeral_year(text: str) -> int | None:
    digits = _rules()["period"]["zh_digits"]
    if len(text) == 4 and all(c in digits for c in text):
        return int("".join(str(digits[c]) for c in text))
    return None


_ZH_DATE = re.compile(r"(?P<y>[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
                      r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日")


def _zh_small_number(text: str) -> int:
    """一 .. 三十一, as days and months are written."""
    digits = _rules()["period"]["zh_digits"]
    if "十" not in text:
        return int(digits[text]) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    return (int(digits[tens]) if tens else 1) * 10 + (int(digits[ones]) if ones else 0)


def _digit_dates(text: str) -> str:
    """"二零二三年四月一日" -> "2023年4月1日" (the same length is not kept: only used to find the period)."""
    digits = _rules()["period"]["zh_digits"]

    def repl(m: re.Match[str]) -> str:
        year = "".join(str(digits[c]) for c in m["y"])
        month, day = _zh_small_number(m["m"]), _zh_small_number(m["d"])
        return f"{year}年{month}月{day}日" if 1 <= month <= 12 and 1 <= day <= 31 else m.group(0)

    return _ZH_DATE.sub(repl, text)


def _period(lines: list[Line], title: str | None) -> tuple[Period | None, str | None]:
    text = _digit_dates("\n".join(ln.text for ln in lines))
    early_chars = len(text) * _EARLY_SHARE
    scores: Counter[tuple[str, str | None, str | None, bool]] = Counter()
    for pos, p in _range_candidates(text):
        scores[(p.label, p.start, p.end, p.fiscal)] += 3 if pos < early_chars else 1
    if scores:
        (label, start, end, fiscal), _ = scores.most_common(1)[0]
        return Period(label, start, end, fiscal), "date range"

    fy_years = Counter()
    for m in _period_matches(text, "fy_token"):
        year = m.group(1) or m.group(2)
        fy_years[int(year) if len(year) == 4 else _century(int(year))] += 1
    if fy_years:
        return Period(f"FY{fy_years.most_common(1)[0][0]}", fiscal=True), "fiscal-year label"

    for pattern in _rules()["period"]["results_patterns"]:
        m = re.search(pattern, text[:20_000], re.IGNORECASE)
        if m:
            return _calendar(int(m.group(1))), "results wording"

    year = _year_in(title or "") or _most_frequent_year(text[: int(early_chars) + 2000])
    if year:
        return _calendar(year), "year in title" if _year_in(title or "") else "most frequent year"
    # A publication date alone does not say which year is reported (usually the one before).
    return None, None


def _century(two_digits: int) -> int:
    return (2000 if two_digits < 70 else 1900) + two_digits


def _calendar(year: int) -> Period:
    return Period(str(year), f"{year}-01-01", f"{year}-12-31")


_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


def _year_in(text: str) -> int | None:
    for m in _YEAR_RE.finditer(text):
        y = m.group(1)
        return int(y) if y.isdigit() else _zh_numeral_year(y)
    return None


def _most_frequent_year(text: str) -> int | None:
    years = Counter()
    for m in re.finditer(rf"({_YEAR})\s*年", text):
        y = m.group(1)
        value = int(y) if y.isdigit() else _zh_numeral_year(y)
        if value:
            years[value] += 1
    for m in re.finditer(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,%])", text):
        years[int(m.group(1))] += 1
    return years.most_common(1)[0][0] if years else None


# --- standards -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _standard_patterns() -> tuple[list[tuple[str, "_AnyOf"]], list[tuple[str, "_AnyOf"]]]:
    data = _rules()["standards"]
    standards = [(s["name"], _AnyOf(s["patterns"])) for s in data["standard"]]
    versions = [(v["version"], _AnyOf(v["patterns"])) for v in data["hkex_code_version"]]
    return standards, versions


class _AnyOf:
    """Patterns tried one by one: each starts with a literal, which `re` finds fast; joined into
    one alternation they would be tried at every position of the report. A pattern is only tried
    where its literal first occurs (``str.find`` outruns `re` at finding a literal), and not at
    all when the report does not hold the literal."""

    def __init__(self, patterns: list[str]) -> None:
        self._patterns = [(re.compile(p), _literal_prefix(p)) for p in patterns]

    def search(self, text: str) -> bool:
        for pattern, prefix in self._patterns:
            at = text.find(prefix) if prefix else 0
            if at >= 0 and pattern.search(text, at):
                return True
        return False


_REGEX_SYNTAX = frozenset(".^$*+?{}[]\\|()")


def _literal_prefix(pattern: str) -> str:
    """The literal text that every match of ``pattern`` starts with ("" when unsure)."""
    depth, i = 0, 0
    while i < len(pattern):  # an alternation outside any group: no common start
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":
            i = _class_end(pattern, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ""
        i += 1
    n = 0
    while n < len(pattern) and pattern[n] not in _REGEX_SYNTAX:
        n += 1
    if n < len(pattern) and pattern[n] in "*+?{":
        n -= 1  # the last character is repeated, or optional
    return pattern[: max(n, 0)]


def _class_end(pattern: str, start: int) -> int:
    """The index of the "]" closing the character class opened at ``start``."""
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1  # a "]" first in the class is a member
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _standards(lines: list[Line]) -> tuple[list[str], str | None]:
    text = "\n".join(ln.match or ln.text.lower() for ln in lines)
    standards, versions = _standard_patterns()
    found = [name for name, pattern in standards if pattern.search(text)]
    version = next((v for v, pattern in versions if pattern.search(text)), None)
    if version and "HKEX ESG Code" not in found:
        found.insert(0, "HKEX ESG Code")
    return found, version
