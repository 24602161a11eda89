"""Facts (extracted KPI values) and findings (check results): the records every later stage shares."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, Iterator

# Field order of the JSONL/CSV outputs; scripts depend on these names (issue: KPI extraction).
FACT_FIELDS = [
    "metric", "hkex", "gri", "value", "unit", "raw_value", "raw_unit", "period", "period_start",
    "period_end", "dims", "page", "line", "quote", "source", "confidence", "qualifier", "derived",
    "label", "lines", "table",
]


@dataclass
class Fact:
    metric: str  # canonical id from the taxonomy, or "other:<snake_case>"
    value: float  # normalised to ``unit``
    unit: str  # canonical unit of the metric (intensities keep their denominator)
    raw_value: str  # exactly as printed
    raw_unit: str | None  # exactly as printed (None when the report prints none)
    period: str  # "2024", "FY2024"
    period_start: str | None = None
    period_end: str | None = None
    dims: dict[str, str] = field(default_factory=dict)  # breakdown; {} for the total
    page: int | None = None
    line: int = 0  # 1-based line of the value; ``quote`` occurs in that line's text
    quote: str = ""
    source: str = "table"  # "table" | "prose" | "derived"
    confidence: float = 1.0
    hkex: str | None = None
    gri: str | None = None
    qualifier: str | None = None  # "超過", "約", "over", ... kept from the wording
    derived: bool = False  # computed by esglens, never printed in the report
    label: str | None = None  # the row label or phrase the metric was recognised from
    lines: list[int] = field(default_factory=list)  # every line the fact was assembled from
    table: int | None = None  # Table.id when source == "table"

    def key(self) -> tuple:
        return (self.metric, self.period, tuple(sorted(self.dims.items())))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: d[k] for k in FACT_FIELDS}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        return cls(**{k: d[k] for k in FACT_FIELDS if k in d})


@dataclass
class Finding:
    """One result of a check: something that adds up, does not, is missing, or is claimed falsely."""

    id: str  # stable within a report, e.g. "arith.ghg_total.2024"
    rule: str  # rule id from the check rules data file
    severity: str  # "error" | "warning" | "info"
    message: str  # one sentence a person understands
    aspect: str | None = None  # HKEX aspect, e.g. "A1"
    provision: str | None = None  # HKEX provision, e.g. "A1.2"
    status: str | None = None  # for completeness: "disclosed" | "explained" | "missing"; "pass"/"fail" otherwise
    facts: list[dict[str, Any]] = field(default_factory=list)  # {metric, period, dims, value, unit, line, quote}
    lines: list[int] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # numbers behind the message

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class FactSet:
    """The facts extracted from one document, with conversions for analysts' tools."""

    def __init__(self, facts: Iterable[Fact], document: Any = None) -> None:
        self.facts = list(facts)
        self.document = document

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def __getitem__(self, i: int) -> Fact:
        return self.facts[i]

    def where(self, metric: str | None = None, period: str | None = None, **dims: str) -> list[Fact]:
        out = []
        for f in self.facts:
            if metric is not None and f.metric != metric:
                continue
            if period is not None and f.period != period:
                continue
            if any(f.dims.get(k) != v for k, v in dims.items()):
                continue
            out.append(f)
        return out

    def totals(self, metric: str, period: str | None = None) -> list[Fact]:
        return [f for f in self.where(metric, period) if not f.dims]

    def to_records(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in self.facts]

    def to_jsonl(self) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.to_records())

    def to_pandas(self):  # -> pandas.DataFrame
        import pandas as pd

        return pd.DataFrame(self.to_records(), columns=FACT_FIELDS)
