"""Numbers as printed in reports: table cells and figures in prose, to float values.

Handles thousands separators, accounting negatives `(1,234)`, empty-cell marks (`-`, `N/A`,
`不適用` -> None), 萬/億/千/million multipliers, percentages, footnote marks, approximate
qualifiers (`超過`, `約`, `over`), simple Chinese numerals and Chinese-digit years. The
vocabulary (null tokens, qualifiers, multipliers) lives in data/units.toml under [numbers].
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class ParsedNumber:
    value: float  # multiplier applied; a percentage keeps its printed figure (58.3% -> 58.3)
    raw: str  # the number as printed, qualifier and footnote excluded
    multiplier: float = 1.0  # 萬 -> 1e4 (already applied to value)
    qualifier: str | None = None  # approximate wording as printed (超過, 約, over ...)
    percent: bool = False
    note: str | None = None  # footnote marker glued to the number (¹, *, 2 in `4,2102`)


@dataclass(frozen=True)
class NumberSpan:
    start: int  # offsets in the searched text, covering qualifier .. multiplier/percent
    end: int
    number: ParsedNumber


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKS = "*#†‡^※"
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"萬": 10_000, "万": 10_000, "億": 100_000_000, "亿": 100_000_000}
_DIGITS = r"(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?|\.\d+"


@lru_cache(maxsize=1)
def _vocab() -> dict:
    with resources.files("esglens.data").joinpath("units.toml").open("rb") as f:
        return tomllib.load(f)["numbers"]


@lru_cache(maxsize=1)
def _nulls() -> frozenset[str]:
    return frozenset(t.casefold() for t in _vocab()["null_tokens"])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _number_re() -> re.Pattern[str]:
    v = _vocab()
    cn_mult = [m for m in v["multipliers"] if not m.isascii()]
    en_words = [m for m in v["multipliers"] if m.isascii() and len(m) > 2]
    en_short = [m for m in v["multipliers"] if m.isascii() and len(m) <= 2]  # "3.5m", never "1,000 m"
    not_unit = "".join(f"(?!{re.escape(u[1:])})" for u in v["unit_starts"])  # after 千
    return re.compile(
        rf"(?:(?P<qual>{_alternation(v['qualifiers'])})\s*)?"
        rf"(?:(?:{_alternation(v['plain_lead'])})\s*)?"
        rf"(?P<sign>[-−–])?(?P<open>\()?"
        rf"(?P<num>{_DIGITS})"
        rf"(?P<close>\))?"
        rf"(?:\s*(?P<cnmult>{_alternation(cn_mult)}){not_unit}"
        rf"|(?P<enmult>\s?(?:{_alternation(en_words)})|{_alternation(en_short)})(?![A-Za-z0-9²³]))?"
        rf"(?P<pct>\s*[%％])?"
        rf"(?P<note>[{_SUPERSCRIPTS}]+)?",
        re.IGNORECASE,
    )


def is_null(text: str) -> bool:
    """True for cells that print "no value": `-`, `—`, `N/A`, `不適用`, `/`."""
    return unicodedata.normalize("NFKC", text).strip().casefold() in _nulls() or text.strip() in _nulls()


def split_footnote(token: str) -> tuple[str, str | None]:
    """Split a footnote mark off a printed number: `68.13¹` -> (`68.13`, `1`), `4,2102` -> (`4,210`, `2`).

    Digits glued after a well-formed thousands group are a footnote; other glued digits cannot be
    told apart from the number and are left to the caller (which may know the column's precision).
    """
    s = token.strip()
    m = re.search(rf"(?:[{_SUPERSCRIPTS}]+|[{_MARKS}]+|\s*[(\[（［]\s*\d{{1,2}}\s*[)\]）］]|\s*(?:註|注|附註|note)\s*\d{{1,2}})$",
                  s, re.IGNORECASE)
    if m and m.start() > 0:
        mark = m.group(0).strip()
        note = unicodedata.normalize("NFKC", mark).strip("()[]（）［］註注附note ") if mark[0] not in _MARKS else mark
        return s[: m.start()].rstrip(), note or mark
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+)(\d{1,2})(\.\d+)?", s)
    if m and not m.group(3):
        return m.group(1), m.group(2)
    return s, None


def _to_float(digits: str) -> float:
    return float(digits.replace(",", "").replace("，", ""))


def parse_number(text: str) -> ParsedNumber | None:
    """The number a table cell or short token prints, or None for empty marks and non-numbers."""
    if text is None:
        return None
    if not text.strip() or is_null(text):
        return None
    core, note = split_footnote(text)  # before NFKC, which turns ¹ into a plain 1
    core = unicodedata.normalize("NFKC", core).strip()
    m = _number_re().fullmatch(core)
    if m is None:
        cn = chinese_number(core)
        return ParsedNumber(float(cn), core, note=note) if cn is not None else None
    if bool(m["open"]) != bool(m["close"]):
        return None
    return _from_match(m, note)


def _from_match(m: re.Match[str], note: str | None) -> ParsedNumber:
    value = _to_float(m["num"])
    if m["open"] or m["sign"]:
        value = -value
    mult_word = m["cnmult"] or (m["enmult"].strip() if m["enmult"] else None)
    multiplier = _vocab()["multipliers"].get(mult_word, _vocab()["multipliers"].get((mult_word or "").lower(), 1.0)) if mult_word else 1.0
    if m["note"]:
        note = unicodedata.normalize("NFKC", m["note"])
    raw_start = m.start("sign") if m["sign"] else m.start("open") if m["open"] else m.start("num")
    close_end = m.end("close") if m["open"] else -1
    raw_end = max(e for e in (m.end("num"), close_end, m.end("cnmult"), m.end("enmult"), m.end("pct")) if e != -1)
    raw = m.string[raw_start:raw_end].strip()
    qualifier = m["qual"]
    return ParsedNumber(float(f"{value * multiplier:.12g}"), raw, float(multiplier), qualifier, bool(m["pct"]), note)


def find_numbers(text: str) -> list[NumberSpan]:
    """Every number in prose with its offsets: `累計捐贈超過2,000萬元` -> 20,000,000 (qualifier 超過)."""
    out: list[NumberSpan] = []
    for m in _number_re().finditer(text):
        if not m["num"]:
            continue
        if m["open"] and not m["close"]:
            # "(2023: 5)" style openings: the bracket is not an accounting negative.
            value = _to_float(m["num"])
            number = ParsedNumber(value, m["num"], 1.0, m["qual"], False, None)
            out.append(NumberSpan(m.start("num"), m.end("num"), number))
            continue
        start = m.start("qual") if m["qual"] else m.start("sign") if m["sign"] else m.start("open") if m["open"] else m.start("num")
        # A leading hyphen glued to a word (`COVID-19`, `2023-2024`) is not a minus sign.
        if m["sign"] and m.start("sign") > 0 and text[m.start("sign") - 1].isalnum():
            number = _from_match(m, None)
            number = ParsedNumber(abs(number.value), number.raw.lstrip("-−–"), number.multiplier,
                                  number.qualifier, number.percent, number.note)
            out.append(NumberSpan(m.start("num"), m.end(), number))
            continue
        if m.start("num") > 0 and (text[m.start("num") - 1].isascii() and text[m.start("num") - 1].isalpha()):
            continue  # Scope1, A1.2, PM2.5: part of a name, not a figure
        end = m.end() if m["open"] or not m["close"] else m.start("close")
        out.append(NumberSpan(start, end, _from_match(m, None)))
    return out


def chinese_number(text: str) -> int | None:
    """Simple Chinese numerals for counts: `零`, `三`, `十二`, `二十五`, `一百零三`, `兩萬` (None otherwise)."""
    s = text.strip()
    if not s or any(ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG for ch in s):
        return None
    total = section = digit = 0
    seen_digit = False
    for ch in s:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
            seen_digit = True
        elif ch in _CN_UNITS:
            section += (digit if seen_digit else 1) * _CN_UNITS[ch]
            digit, seen_digit = 0, False
        else:
            total += (section + digit) * _CN_BIG[ch]
            section = digit = 0
            seen_digit = False
    return total + section + digit


def chinese_year(text: str) -> int | None:
    """A year written digit by digit in Chinese: `二零一九` / `二〇二三` -> 2019 / 2023."""
    s = text.strip().removesuffix("年")
    if len(s) != 4 or any(ch not in _CN_DIGITS for ch in s):
        return None
    return int("".join(str(_CN_DIGITS[ch]) for ch in s))
