"""The KPI taxonomy: metric definitions, and matching a row label (plus its unit) to metrics and dims.

Data lives in data/taxonomy.toml. Labels in Traditional, Simplified or English go through one
normalisation (OpenCC t2s, NFKC, case-fold, connectors unified) that keeps a map back to the
original offsets, and one trie per lexicon finds every synonym in a single pass per start offset.
The most specific metric wins (`broader`), the unit and the label's wording pick the kind
(人均/密度/`X/人` -> intensity sibling, `%`/率 -> rate sibling), and a unit that cannot be
converted to the metric's canonical unit rules the metric out.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import units

_END = "\0"
_CONNECTORS = {"與": "和", "与": "和", "及": "和", "&": "和", "+": "和", "、": "和", "＆": "和"}
_SLASHES = {"╱": "/", "／": "/", "∕": "/"}
_DASHES = {"–": "-", "—": "-", "－": "-", "‐": "-", "‑": "-", "～": "~"}
_DROPPED = {"的"}
_BASIS_METRICS = {"ghg_scope2", "ghg_total", "ghg_intensity"}
_PER_PERSON_KINDS = {"time", "days", "persons", "count", "percent"}  # 小時/人 is an average, not an intensity
_PUNCT = set("()[]{}（）【】「」《》:：,，.。;；/\\-_~*#'\"“”‘’ ")


# ---- normalisation -------------------------------------------------------------------------------

def _t2s():
    from ..opencc_converters import converter

    return converter("t2s")


def _is_cjk(ch: str) -> bool:
    return not ch.isascii()


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


@lru_cache(maxsize=50_000)
def normalise(text: str) -> tuple[str, tuple[int, ...]]:
    """Matching form of `text` and, for each of its characters, the offset it came from in `text`."""
    chars: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        ch = _SLASHES.get(ch, _DASHES.get(ch, ch))
        for c in unicodedata.normalize("NFKC", ch).casefold():
            chars.append(c)
            pos.append(i)
    joined = "".join(chars)
    simplified = _t2s().convert(joined)
    if len(simplified) != len(joined):  # phrase rules changed the length: convert char by char
        simplified = "".join(_t2s().convert(c) or c for c in chars)
    out: list[str] = []
    out_pos: list[int] = []
    for k, c in enumerate(simplified):
        c = _CONNECTORS.get(c, c)
        if c in _DROPPED:
            continue
        if c.isspace():
            # Spaces matter between English words only: 範圍 1 == 範圍1, "scope 1" != "scope1x".
            prev = out[-1] if out else ""
            nxt = next((d for d in simplified[k + 1:] if not d.isspace()), "")
            if not prev or not nxt or _is_cjk(prev) or _is_cjk(nxt) or prev == " ":
                continue
            c = " "
        out.append(c)
        out_pos.append(pos[k])
    return "".join(out), tuple(out_pos)


def _key(text: str) -> str:
    return normalise(text)[0]


# ---- lexicon (a character trie) --------------------------------------------------------------------

@dataclass(frozen=True)
class _Hit:
    start: int  # offsets in the normalised text
    end: int
    payload: Any


class _Lexicon:
    """Every occurrence of any of its words in a normalised text; English words only at word boundaries."""

    def __init__(self) -> None:
        self._root: dict = {}

    def add(self, word: str, payload: Any) -> None:
        key = _key(word)
        if not key:
            return
        node = self._root
        for ch in key:
            node = node.setdefault(ch, {})
        node.setdefault(_END, []).append(payload)

    def find(self, s: str) -> list[_Hit]:
        hits: list[_Hit] = []
        root = self._root
        n = len(s)
        for i in range(n):
            if s[i] not in root or (i > 0 and _latin(s[i]) and _latin(s[i - 1])):
                continue  # inside an English word ("water" in "wastewater")
            node = root
            j = i
            while j < n and s[j] in node:
                node = node[s[j]]
                j += 1
                if _END in node and not (j < n and _latin(s[j - 1]) and _latin(s[j])):
                    hits.extend(_Hit(i, j, p) for p in node[_END])
        return hits


def _maximal(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits lying strictly inside a longer hit (回收無害廢棄物 hides 無害廢棄物)."""
    return [h for h in hits if not any(o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in hits)]


# ---- public types ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class MetricDef:
    id: str
    hkex: str
    gri: str
    unit: str  # canonical unit (intensities: default denominator; the printed one is kept)
    kind: str  # amount / intensity / rate / count
    label_en: str
    label_zh: str
    synonyms: dict[str, tuple[str, ...]]  # {"zh_hant": (...), "zh_hans": (...), "en": (...)}
    units: tuple[str, ...] = ()  # every accepted canonical unit, preferred first (fuels: L, t, MWh)
    broader: tuple[str, ...] = ()
    per: str | None = None
    per_dims: dict[str, str] = field(default_factory=dict)
    rate: str | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True)
class MetricMatch:
    metric: str  # the metric id; `definition` is its MetricDef
    score: float  # 0..1
    dims: dict[str, str]
    span: tuple[int, int]  # offsets of the matched wording in the label as given
    definition: MetricDef


_AGE_DASHES = str.maketrans({"–": "-", "—": "-", "～": "~"})
_AGE_UNIT = r"(?:週歲|周岁|歲|岁|周歲)"
_AGE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}?\s*(?:-|~|至|到|to)\s*(\d{{1,2}})\s*{_AGE_UNIT}"), "{0}-{1}"),
    (re.compile(r"(?:aged?|age group)\s*(?:between|from)?\s*(\d{1,2})\s*(?:-|~|to|and)\s*(\d{1,2})", re.I), "{0}-{1}"),
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}\s*(?:-|~|至|到)\s*(\d{{1,2}})"), "{0}-{1}"),
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}\s*(?:及|或|和)以下"), "<={0}"),
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}\s*以下"), "<{0}"),
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}\s*(?:及|或|和)以上"), ">={0}"),
    (re.compile(rf"(\d{{1,2}})\s*{_AGE_UNIT}\s*以上"), ">{0}"),
    (re.compile(r"(?:≤|<=|=<)\s*(\d{1,2})\b"), "<={0}"),
    (re.compile(r"(?:≥|>=|=>)\s*(\d{1,2})\b"), ">={0}"),
    (re.compile(r"(?:<|under|below|less than|younger than)\s*(?:the age of\s*)?(\d{1,2})\b", re.I), "<{0}"),
    (re.compile(r"(?:>|over|above|older than|more than)\s*(?:the age of\s*)?(\d{1,2})\b", re.I), ">{0}"),
    (re.compile(r"\b(\d{1,2})\s*(?:years?\s*(?:old\s*)?)?(?:and|or)\s*(?:under|below|younger)", re.I), "<={0}"),
    (re.compile(r"\b(\d{1,2})\s*(?:\+|(?:years?\s*(?:old\s*)?)?(?:and|or)\s*(?:above|over|older))", re.I), ">={0}"),
]
_BARE_RANGE = re.compile(r"^\s*(?:aged?\s*|age group\s*)?(\d{1,2})\s*(?:-|~|to)\s*(\d{1,2})\s*(?:years?(?:\s*old)?)?\s*$", re.I)
_AGE_CONTEXT = re.compile(r"(?:歲|岁|age|aged|years? old)", re.I)


def parse_age(label: str) -> str | None:
    """The age band a label names, written `<30`, `30-50`, `>50` (or `<=29`, `>=51` as banded)."""
    if not any(ch.isdigit() for ch in label):
        return None
    text = unicodedata.normalize("NFKC", label).translate(_AGE_DASHES)
    m = _BARE_RANGE.match(text)
    if m and int(m[1]) < int(m[2]):
        return f"{m[1]}-{m[2]}"
    for pattern, form in _AGE_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        numbers = [int(g) for g in m.groups()]
        if not all(10 <= v <= 90 for v in numbers) or (len(numbers) == 2 and numbers[0] >= numbers[1]):
            continue
        if form[0] in "<>" and not _AGE_CONTEXT.search(text) and not _looks_like_band(text, m):
            continue
        return form.format(*numbers)
    return None


def _looks_like_band(text: str, m: re.Match[str]) -> bool:
    """`Under 30` / `<30` alone in a row label is an age band; `less than 30 days` is not."""
    rest = (text[: m.start()] + text[m.end():]).strip(" ()（）:：-")
    return len(rest) <= 12 and not re.search(r"\d|day|hour|小時|天|%", rest, re.I)


# ---- the taxonomy --------------------------------------------------------------------------------

class Taxonomy:
    """The metric definitions and the matchers built from data/taxonomy.toml."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._metrics = {mid: _metric_def(mid, raw) for mid, raw in data["metric"].items()}
        self._metric_lex = _Lexicon()
        for m in self._metrics.values():
            for words in m.synonyms.values():
                for w in words:
                    self._metric_lex.add(w, m.id)
        self._exclude_lex = _Lexicon()
        for m in self._metrics.values():
            for w in m.exclude:
                self._exclude_lex.add(w, m.id)
        self._markers = _Lexicon()
        for kind, words in data["markers"].items():
            for w in words:
                self._markers.add(w, kind)
        self._negatives = _Lexicon()
        for kind, words in data["negatives"].items():
            for w in words:
                self._negatives.add(w, kind)
        self._dims = _Lexicon()
        for key, values in data["dims"].items():
            for value, words in values.items():
                if key in {"region", "category_source", "category_fuel"}:
                    self._dims.add(value, (key, value))  # the English canonical name is wording too
                for w in words:
                    self._dims.add(w, (key, value))

    @classmethod
    def load(cls) -> Taxonomy:
        return _load()

    @property
    def metrics(self) -> list[MetricDef]:
        return list(self._metrics.values())

    def metric(self, metric_id: str | MetricDef) -> MetricDef:
        """The definition of `metric_id`; KeyError for an unknown id."""
        if isinstance(metric_id, MetricDef):
            return metric_id
        return self._metrics[metric_id]

    def has_metric(self, metric_id: str) -> bool:
        return metric_id in self._metrics

    # -- dims

    def match_dims(self, label: str) -> dict[str, str]:
        """The breakdown a label names: `車輛柴油` -> {"category": "vehicles, diesel"}, `女性員工` -> {"gender": "female"}."""
        s, pos = normalise(label)
        return self._dims_in(label, s, pos, blocked=[])

    def _dims_in(self, label: str, s: str, pos: tuple[int, ...], blocked: list[tuple[int, int]]) -> dict[str, str]:
        hits = [h for h in _maximal(self._dims.find(s)) if not any(b0 <= h.start and h.end <= b1 for b0, b1 in blocked)
                and not s.startswith("$", h.end)]  # "HK$ million" names a currency, not a region
        dims: dict[str, str] = {}
        categories: list[str] = []  # in printed order: 車輛柴油 -> "vehicles, diesel", 電力（經營場所）-> "electricity, premises"
        for h in sorted(hits, key=lambda h: h.start):
            key, value = h.payload
            if key in ("category_source", "category_fuel"):
                if value not in categories:
                    categories.append(value)
            else:
                dims.setdefault(key, value)
        if categories:
            dims["category"] = ", ".join(categories)
        age = parse_age(label)
        if age:
            dims["age"] = age
        return dims

    # -- metrics

    def negated(self, label: str) -> bool:
        """The label says it is not a disclosed quantity (a target, a change, biogenic CO2 ...)."""
        s, _ = normalise(label)
        return any(h.payload == "all" for h in self._negatives.find(s))

    def match_label(self, label: str, unit: str | None = None) -> list[MetricMatch]:
        """Metrics a row label (and its unit, when known) names, best first; [] for targets, changes, shares."""
        s, pos = normalise(label)
        if not s:
            return []
        negatives = {h.payload for h in self._negatives.find(s)}
        if "all" in negatives:
            return []
        parsed = _parse_unit_or_none(unit)
        markers = self._markers.find(s)
        rate_markers = [h for h in markers if h.payload == "rate"]
        scan = _Scan(
            label=label, s=s, pos=pos, unit=unit, parsed=parsed,
            per_markers=[h for h in markers if h.payload == "per" and not _inside(h, rate_markers)],  # not "per cent"
            rate_markers=rate_markers,
            share_words="amount" in negatives,
            content=sum(1 for c in s if c not in _PUNCT and not c.isdigit()),
        )
        excluded = {h.payload for h in self._exclude_lex.find(s)}
        hits = [h for h in _maximal(self._metric_lex.find(s))
                if h.payload not in excluded and not any(b0 <= h.start and h.end <= b1 for b0, b1 in scan.denominator_spans)]
        found = {h.payload for h in hits}
        hits = [h for h in hits if not any(h.payload in self._metrics[o].broader for o in found if o != h.payload)]
        best: dict[str, MetricMatch] = {}
        for h in hits:
            match = self._candidate(scan, h, [o for o in hits if o.payload == h.payload])
            if match and (match.metric not in best or match.score > best[match.metric].score):
                best[match.metric] = match
        return sorted(best.values(), key=lambda m: -m.score)

    def _candidate(self, scan: _Scan, hit: _Hit, own_hits: list[_Hit]) -> MetricMatch | None:
        """The match one synonym hit gives, after the label's wording and unit picked the metric's kind."""
        metric = self._metrics[hit.payload]
        covered = set(range(hit.start, hit.end))
        extra_dims: dict[str, str] = {}
        penalty = 0.0
        if scan.per_wanted and metric.kind in ("amount", "count"):
            if metric.per:
                extra_dims = dict(metric.per_dims)
                metric = self._metrics[metric.per]
                covered.update(i for m in scan.per_markers for i in range(m.start, m.end))
            elif scan.parsed and scan.parsed.denominator and scan.parsed.kind not in _PER_PERSON_KINDS:
                return None
            else:
                penalty += 0.15
        if scan.rate_wanted and metric.kind != "rate":
            if metric.rate:
                metric = self._metrics[metric.rate]
                covered.update(i for m in scan.rate_markers for i in range(m.start, m.end))
            elif scan.parsed and scan.parsed.kind == "percent":
                return None
            else:
                penalty += 0.15
        if scan.share_words and metric.kind in ("amount", "count"):
            return None
        if scan.unit and not _unit_fits(scan.unit, metric):
            return None
        # The metric's own wording (外購電力 of electricity) is not a breakdown of it.
        blocked = [(h.start, h.end) for h in own_hits]
        # "emissions per GWh of electricity generation": what follows "per" describes the denominator.
        blocked += scan.denominator_spans
        dims = {**self._dims_in(scan.label, scan.s, scan.pos, blocked), **extra_dims}
        if metric.id not in _BASIS_METRICS:
            dims.pop("basis", None)  # location/market only qualifies figures that include scope 2
        if metric.id != "ghg_scope3":
            dims.pop("scope3_category", None)
        for d in _maximal(self._dims.find(scan.s)):
            if not any(b0 <= d.start and d.end <= b1 for b0, b1 in blocked):
                covered.update(range(d.start, d.end))
        score = 0.55 + 0.4 * scan.coverage(covered) + (0.05 if scan.unit else 0.0) - penalty
        if scan.parsed and not _same_kind(scan.parsed, metric):
            score -= 0.1  # 次 is a count, 人次 persons, kg of "emissions" a mass: prefer an exact fit
        span = (scan.pos[hit.start], scan.pos[hit.end - 1] + 1)
        return MetricMatch(metric.id, round(max(0.0, min(1.0, score)), 3), dims, span, metric)


@dataclass
class _Scan:
    """One label being matched: its normalised form, unit and the wording that qualifies any metric in it."""

    label: str
    s: str
    pos: tuple[int, ...]
    unit: str | None
    parsed: units.ParsedUnit | None
    per_markers: list[_Hit]
    rate_markers: list[_Hit]
    share_words: bool
    content: int  # characters that carry meaning (no punctuation, no digits)

    @property
    def denominator_spans(self) -> list[tuple[int, int]]:
        """`per GWh of electricity generation`, `單位營業收入`: wording about the denominator, not the metric."""
        return [(m.start, _phrase_end(self.s, m.end) if self.s.startswith("per", m.start) else m.end) for m in self.per_markers]

    @property
    def per_wanted(self) -> bool:
        return bool(self.per_markers) or bool(self.parsed and self.parsed.denominator)

    @property
    def rate_wanted(self) -> bool:
        return bool(self.rate_markers) or bool(self.parsed and self.parsed.kind == "percent")

    def coverage(self, covered: set[int]) -> float:
        """Share of the label's meaningful characters explained by the metric, its markers and dims."""
        if not self.content:
            return 1.0
        n = sum(1 for i in covered if i < len(self.s) and self.s[i] not in _PUNCT and not self.s[i].isdigit())
        return min(1.0, n / self.content)


def _inside(hit: _Hit, others: list[_Hit]) -> bool:
    return any(o.start <= hit.start and hit.end <= o.end and o != hit for o in others)


def _phrase_end(s: str, start: int) -> int:
    """Where the phrase running from `start` ends: the next separator (- , ; ( ), or the end."""
    ends = [i for i in (s.find(c, start) for c in "-,;(和") if i != -1]
    return min(ends, default=len(s))


def _metric_def(mid: str, raw: dict[str, Any]) -> MetricDef:
    unit = raw["unit"]
    return MetricDef(
        id=mid,
        hkex=raw.get("hkex", ""),
        gri=raw.get("gri", ""),
        unit=unit,
        kind=raw["kind"],
        label_en=raw["label_en"],
        label_zh=raw["label_zh"],
        synonyms={k: tuple(raw.get(k, ())) for k in ("zh_hant", "zh_hans", "en")},
        units=tuple(raw.get("units", [unit])),
        broader=tuple(raw.get("broader", ())),
        per=raw.get("per"),
        per_dims=dict(raw.get("per_dims", {})),
        rate=raw.get("rate"),
        exclude=tuple(raw.get("exclude", ())),
    )


def _parse_unit_or_none(unit: str | None) -> units.ParsedUnit | None:
    if not unit:
        return None
    try:
        return units.parse_unit(unit)
    except units.UnitError:
        return None


def _same_kind(parsed: units.ParsedUnit, metric: MetricDef) -> bool:
    own = _parse_unit_or_none(metric.unit)
    return own is not None and own.kind == parsed.kind


def _unit_fits(unit: str, metric: MetricDef) -> bool:
    if _parse_unit_or_none(unit) is None:
        return True  # an unreadable unit neither confirms nor refutes the label
    try:
        units.canonical_unit_for(unit, metric.units, metric=metric.id)
    except units.UnitError:
        return False
    return True


@lru_cache(maxsize=1)
def _load() -> Taxonomy:
    with resources.files("esglens.data").joinpath("taxonomy.toml").open("rb") as f:
        return Taxonomy(tomllib.load(f))
