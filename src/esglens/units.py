"""Units as printed in reports: recognise them, parse them, and convert values to canonical units.

Spellings and factors live in data/units.toml. Multipliers (萬, 億, 千, million, kt) are applied
before pint; pint converts between canonical units (kWh -> MWh, L -> m³, tce -> MWh). tCO2e and
tCO2 are separate pint dimensions, so a CO2-only figure is never relabelled CO2e.

Typical use by extraction::

    unit = canonical_unit_for(raw_unit, metric.units, metric=metric.id)
    value = to_canonical(raw_value, raw_unit, unit, metric=metric.id)

`metric_unit` may be one unit or a sequence of accepted units (fuels: L, t or MWh). Pass
`metric=` so that tonnes of water become m³ (1 t = 1 m³) only for water metrics; without it a
mass printed for a m³ metric is read as water, the common case in reports.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import EsglensError


class UnitError(EsglensError, ValueError):
    """A unit that is not recognised, or that cannot be converted to the requested one."""


@dataclass(frozen=True)
class ParsedUnit:
    raw: str
    unit: str  # canonical numerator, a name known to the pint registry ("t", "MWh", "tCO2e", "RMB" ...)
    multiplier: float  # printed value x multiplier = value in `unit` (千噸 -> 1000)
    kind: str  # mass/energy/volume/emissions/count/persons/percent/time/days/currency/area
    denominator: str | None = None  # intensities: "employee", "m²", "RMB million revenue", or as printed
    denominator_factor: float = 1.0  # value per printed denominator x factor = value per `denominator`
    gas: str | None = None  # "CO2e" / "CO2" / None
    currency: str | None = None

    @property
    def canonical(self) -> str:
        """The canonical unit string of this unit (numerator, and denominator when an intensity)."""
        return f"{self.unit}/{self.denominator}" if self.denominator else self.unit


@dataclass(frozen=True)
class _Entry:
    unit: str
    multiplier: float
    kind: str
    gas: str | None
    currency: str | None


_PHYSICAL_PER_PERSON_OK = {"time", "days", "percent", "persons", "count"}
_SPLIT = re.compile(r"\s*(?:/|／|╱|∕|\bper\b|(?<=.)每)\s*", re.IGNORECASE)
_BRACKETED = re.compile(r"^(?P<out>[^（(\[【]*)[（(\[【](?P<in>[^）)\]】]*)[）)\]】](?P<tail>.*)$")
_FOOTNOTE_TAIL = re.compile(r"(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,2}|[*#†‡])$")
_NUMERIC = re.compile(r"[\d,.\s+\-−]+")
_BRACKETS = re.compile(r"[()（）\[\]【】]")
_DROP = re.compile(r"[\s\-_.·•,:：]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with resources.files("esglens.data").joinpath("units.toml").open("rb") as f:
        return tomllib.load(f)


def _t2s():
    from .opencc_converters import converter

    return converter("t2s")


@lru_cache(maxsize=20000)
def norm(text: str) -> str:
    """The lookup key of a unit spelling: Simplified, NFKC, lower case, no spaces/hyphens/dots."""
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    s = _t2s().convert(s).lower()
    return _DROP.sub("", s).strip("()（）[]【】")


@lru_cache(maxsize=1)
def _spellings() -> dict[str, _Entry]:
    table: dict[str, _Entry] = {}
    for item in _data()["unit"]:
        entry = _Entry(item["unit"], float(item.get("multiplier", 1)), item["kind"], item.get("gas"), item.get("currency"))
        for spelling in item["spellings"]:
            table.setdefault(norm(spelling), entry)
    return table


@lru_cache(maxsize=1)
def _affixes() -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    mult = _data()["multipliers"]

    def ordered(d: dict[str, float]) -> list[tuple[str, float]]:
        return sorted(((norm(k), float(v)) for k, v in d.items()), key=lambda kv: -len(kv[0]))

    return ordered(mult["prefix"]), ordered(mult["suffix"])


@lru_cache(maxsize=1)
def _denominators() -> tuple[dict[str, str], list[str], list[str]]:
    den = _data()["denominators"]
    word_lists = {"revenue_words", "strip_prefixes"}
    table = {norm(s): canon for canon, spellings in den.items() if canon not in word_lists for s in spellings}
    revenue = sorted((norm(w) for w in den["revenue_words"]), key=len, reverse=True)
    prefixes = sorted((norm(w) for w in den["strip_prefixes"]), key=len, reverse=True)
    return table, revenue, prefixes


@lru_cache(maxsize=1)
def _spelling_chars() -> frozenset[str]:
    """Every character of every spelling, multiplier and bracket, as printed and as normalised."""
    words: list[str] = []
    data = _data()
    for section in ("unit", "case_sensitive"):
        for item in data.get(section, []):
            words.extend(item["spellings"])
    for table in data["multipliers"].values():
        words.extend(table)
    for table in data["denominators"].values():
        words.extend(table if isinstance(table, list) else [])
    words.extend(["（）()[]【】'’", "0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹*#†‡"])
    chars: set[str] = set()
    for w in words:
        chars.update(_folded(w))
        chars.update(norm(w))
    return frozenset(chars)


def _folded(text: str) -> set[str]:
    return {c for c in unicodedata.normalize("NFKC", text).casefold() if not c.isspace()}


@lru_cache(maxsize=1)
def _case_sensitive() -> dict[str, _Entry]:
    table: dict[str, _Entry] = {}
    for item in _data().get("case_sensitive", []):
        entry = _Entry(item["unit"], float(item.get("multiplier", 1)), item["kind"], item.get("gas"), item.get("currency"))
        for spelling in item["spellings"]:
            table[_case_key(spelling)] = entry
    return table


def _case_key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _simple(key: str) -> tuple[_Entry, float] | None:
    """A unit without denominator (normalised key) -> its entry and the extra multiplier."""
    if not key:
        return None
    table = _spellings()
    if key in table:
        return table[key], 1.0
    prefixes, suffixes = _affixes()
    for word, factor in prefixes:
        if key.startswith(word) and key[len(word):] in table:
            return table[key[len(word):]], factor
    for word, factor in suffixes:
        rest = key[: -len(word)] if key.endswith(word) else None
        if rest:
            found = _simple(rest) if rest != key else None
            if found and found[0].kind == "currency":
                return found[0], found[1] * factor
    return _currency_prefixed(key)


def _currency_prefixed(key: str) -> tuple[_Entry, float] | None:
    """`人民幣百萬元`, `港幣千元`, `hk$百萬`: the leading currency names the code, the rest the multiplier."""
    table = _spellings()
    for n in range(len(key) - 1, 0, -1):
        head, rest = key[:n], key[n:]
        entry = table.get(head)
        if entry is None or entry.kind != "currency":
            continue
        prefixes, suffixes = _affixes()
        factors = dict(prefixes) | dict(suffixes)
        if rest in factors:
            return entry, factors[rest]
        inner = _simple(rest)
        if inner and inner[0].kind == "currency":
            return entry, inner[0].multiplier * inner[1]
    return None


def _numerator(text: str) -> tuple[_Entry, float] | None:
    exact = _case_sensitive().get(_case_key(text))
    if exact is not None:
        return exact, 1.0
    found = _simple(norm(text))
    if found:
        return found
    m = _BRACKETED.match(text.strip())
    if m:  # 噸二氧化碳當量(tCO2e), (MWh), 噸(附註1); but 用水量(立方米) is a label carrying its unit
        outside = (m["out"] + m["tail"]).strip()
        if not outside:
            return _simple(norm(m["in"]))
        return _simple(norm(outside))
    return None


def _denominator(text: str) -> tuple[str, float]:
    """The canonical denominator of an intensity and the factor to it (per 萬元 -> per RMB million: x100)."""
    table, revenue_words, prefixes = _denominators()
    key = _BRACKETS.sub("", norm(text))
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix):]
            break
    if key in table:
        return table[key], 1.0
    stripped = key
    for word in revenue_words:
        stripped = stripped.replace(word, "")
    money = _simple(stripped) if stripped else None
    if money is None and stripped:
        prefixes, _ = _affixes()
        factor = dict(prefixes).get(stripped)  # "百萬" alone: Chinese reports mean RMB
        if factor is not None:
            money = (_spellings()[norm("元")], factor)
    if money and money[0].kind == "currency":
        amount = money[0].multiplier * money[1]
        return f"{money[0].currency} million revenue", 1e6 / amount
    return key, 1.0  # as printed (normalised), so the same denominator reads the same everywhere


def parse_unit(raw: str) -> ParsedUnit:
    """Parse a printed unit (`噸二氧化碳當量/百萬元營業收入`, `(MWh)`, `千克`, `HK$'000`, `噸²` with its footnote)."""
    parsed = _parse_or_none(raw) if raw else None
    if parsed is None:
        raise UnitError(f"unknown unit {raw!r}")
    return parsed


@lru_cache(maxsize=50_000)
def _parse_or_none(raw: str) -> ParsedUnit | None:
    """parse_unit without the exception, cached both ways: table detection asks about every token."""
    text = raw.strip()
    if not text:
        return None
    if not _SPLIT.search(text) and not _BRACKETS.search(text) and not _spelling_chars().issuperset(_folded(text)):
        return None  # a character no unit spelling uses: skip the full parse (most tokens of a page)
    try:
        return _parse(raw, text)
    except UnitError:
        m = _FOOTNOTE_TAIL.search(text)
        if m and m.start() > 0:  # 噸二氧化碳當量2: a footnote mark glued to the unit (m3, tCO2 parse first)
            try:
                return _parse(raw, text[: m.start()])
            except UnitError:
                return None
        return None


def _parse(raw: str, text: str) -> ParsedUnit:
    parts = _SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        found = _numerator(parts[0])
        if found is None:
            raise UnitError(f"unknown unit {raw!r}")
        den, factor = _denominator(parts[1])
        entry, mult = found
        return ParsedUnit(raw, entry.unit, entry.multiplier * mult, entry.kind, den, factor, entry.gas, entry.currency)
    found = _numerator(text)
    if found is None:
        raise UnitError(f"unknown unit {raw!r}")
    entry, mult = found
    return ParsedUnit(raw, entry.unit, entry.multiplier * mult, entry.kind, None, 1.0, entry.gas, entry.currency)


def is_unit(token: str) -> bool:
    """True when `token` is a unit as printed in reports (`噸`, `tCO2e`, `千瓦時`, `人`, `%`, `X/人`)."""
    if not token or len(token) > 60 or _NUMERIC.fullmatch(token.strip()):
        return False
    parsed = _parse_or_none(token)
    if parsed is None:
        return False
    # "kWh/30" is a value split in two, not a unit: a denominator printed as digits names nothing
    return not (parsed.denominator and any(ch in "0123456789" for ch in parsed.denominator))


# ---- pint -----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _registry():
    import pint

    ureg = pint.UnitRegistry()
    for definition in _data()["pint"]["definitions"]:
        ureg.define(definition)
    return ureg


def _pint_name(unit: str) -> str:
    return _data()["pint"]["names"].get(unit, unit)


@lru_cache(maxsize=512)
def _factor(src: str, dst: str) -> float:
    """How many `dst` one `src` is; UnitError when the dimensions differ (tCO2 -> tCO2e included)."""
    if src == dst:
        return 1.0
    import pint

    ureg = _registry()
    try:
        return float(ureg.Quantity(1.0, _pint_name(src)).to(_pint_name(dst)).magnitude)
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError) as exc:
        raise UnitError(f"cannot convert {src} to {dst}") from exc


def _compatible(src: str, dst: str) -> bool:
    try:
        _factor(src, dst)
    except UnitError:
        return False
    return True


@lru_cache(maxsize=256)
def _kind_of(unit: str) -> str | None:
    for entry in _spellings().values():
        if entry.unit == unit and entry.multiplier == 1:
            return entry.kind
    return None


def _is_water(metric: str | None) -> bool:
    return metric is None or metric in _data()["water"]["metrics"]


def _split_target(target: str) -> tuple[str, str | None]:
    num, _, den = target.partition("/")
    return num, (den or None)


def _numerator_target(pu: ParsedUnit, target_num: str, metric: str | None, *, loose: bool) -> str | None:
    """The canonical numerator this printed unit converts to under `target_num`, or None.

    The loose pass (persons/count relabelling, water mass -> volume) runs only after no accepted
    unit converts strictly, so diesel in 噸 stays `t` when the metric accepts t.
    """
    if pu.gas == "CO2" and target_num == "tCO2e":
        return "tCO2"  # the stated gas basis is kept, never relabelled
    if _compatible(pu.unit, target_num):
        return target_num
    if not loose:
        return None
    if {pu.kind, _kind_of(target_num)} == {"persons", "count"}:
        return target_num  # 名 / 家 / 宗 count the same way: only the label differs
    if pu.kind == "mass" and _kind_of(target_num) == "volume" and _is_water(metric):
        return target_num
    if pu.kind == "mass" and target_num == "tCO2e":
        return target_num  # "GHG emissions ... kg": the label names the gas, the unit only the mass
    return None


def canonical_unit_for(raw_unit: str, metric_unit: str | Sequence[str], *, metric: str | None = None) -> str:
    """The canonical unit a value printed in `raw_unit` gets under a metric whose unit is `metric_unit`.

    Intensities keep the printed denominator, normalised (`噸/人` -> `t/employee`, `/萬元` -> per
    RMB million). Raises UnitError when the unit does not fit the metric.
    """
    pu = parse_unit(raw_unit)
    targets = [metric_unit] if isinstance(metric_unit, str) else list(metric_unit)
    for loose in (False, True):
        for target in targets:
            num, den = _split_target(target)
            result = _numerator_target(pu, num, metric, loose=loose)
            if result is None:
                continue
            if den:
                if pu.denominator:
                    return f"{result}/{pu.denominator}"
                continue
            if pu.denominator and pu.kind not in _PHYSICAL_PER_PERSON_OK:
                continue
            return result
    raise UnitError(f"unit {raw_unit!r} does not fit {metric_unit!r}")


def to_canonical(value: float, raw_unit: str, target_unit: str, *, metric: str | None = None) -> float:
    """`value` printed in `raw_unit`, converted to `target_unit` (multipliers first, then pint)."""
    pu = parse_unit(raw_unit)
    num, den = _split_target(target_unit)
    v = value * pu.multiplier
    if num == pu.unit or {pu.kind, _kind_of(num)} == {"persons", "count"}:
        pass
    elif pu.kind == "mass" and _kind_of(num) == "volume":
        if not _is_water(metric):
            raise UnitError(f"{raw_unit!r} is a mass; only water converts to {num} (1 t = 1 m³)")
        v = v * _factor(pu.unit, "t") * _factor("m³", num)
    elif pu.kind == "mass" and num in ("tCO2e", "tCO2"):
        v = v * _factor(pu.unit, "t") * _factor("tCO2e" if num == "tCO2e" else "tCO2", num)
    else:
        v = v * _factor(pu.unit, num)
    if den:
        if pu.denominator != den:
            raise UnitError(f"{raw_unit!r} is not per {den}")
        v *= pu.denominator_factor
    elif pu.denominator and pu.kind not in _PHYSICAL_PER_PERSON_OK:
        raise UnitError(f"{raw_unit!r} is an intensity, {target_unit!r} is not")
    return float(f"{v:.12g}")  # drop binary noise (100 L -> 0.1 m³, not 0.10000000000000002)


def kind_canonical(kind: str) -> str | None:
    """The default canonical unit of a kind (`mass` -> `t`), for metrics that accept several kinds."""
    return _data()["kind_canonical"].get(kind)
