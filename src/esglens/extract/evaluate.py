"""Scoring extracted facts against a hand-verified gold file: precision, recall and F1 by metric.

A gold record and a fact match when metric and period agree, both are totals or both are
breakdowns, the enumerated breakdown values (gender, age band, scope 2 basis, scope 3 category)
agree wherever either side gives one, and the values agree within the rounding the report
prints. Free-text breakdown values (a category or region as worded) are not compared: their
wording varies, and metric, period and value already pin the record. Derived facts are not
printed, so they are not scored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..facts import Fact

EXACT_DIMS = ("gender", "basis", "age", "scope3_category")
REL_TOL = 0.005


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    overall: Score
    by_metric: dict[str, Score]
    taxonomy: Score = field(default_factory=Score)  # metrics of the taxonomy only (no other:*)
    missed: list[dict[str, Any]] = field(default_factory=list)  # gold records not found
    spurious: list[Fact] = field(default_factory=list)  # facts not in the gold file

    def to_dict(self) -> dict[str, Any]:
        def row(s: Score) -> dict[str, Any]:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4), "f1": round(s.f1, 4)}

        return {
            "overall": row(self.overall),
            "taxonomy": row(self.taxonomy),
            "by_metric": {m: row(s) for m, s in sorted(self.by_metric.items())},
            "missed": self.missed,
            "spurious": [f.to_dict() for f in self.spurious],
        }


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON object ({exc.msg})") from None
    if not records:
        raise ValueError(f"{path}: no gold records (one JSON object per line expected)")
    return records


def _age(v: str) -> str:
    return v.replace(" ", "").replace("≤", "<=").replace("≥", ">=").replace("–", "-").replace("—", "-")


def _dims_agree(gold: dict[str, str], fact: dict[str, str]) -> bool:
    if bool(gold) != bool(fact):
        return False
    for k in EXACT_DIMS:
        if k in gold or k in fact:
            g, f = str(gold.get(k, "")).lower(), str(fact.get(k, "")).lower()
            if k == "age":
                g, f = _age(g), _age(f)
            if g != f:
                return False
    return True


def _values_agree(gold: float, fact: float) -> bool:
    if gold == fact:
        return True
    return abs(gold - fact) <= REL_TOL * max(abs(gold), abs(fact))


def _matches(g: dict[str, Any], f: Fact) -> bool:
    return (
        g["metric"] == f.metric
        and str(g["period"]) == f.period
        and _values_agree(float(g["value"]), f.value)
        and _dims_agree(g.get("dims") or {}, f.dims)
    )


def evaluate(gold: list[dict[str, Any]], facts: Iterable[Fact]) -> Evaluation:
    candidates = [f for f in facts if not f.derived]
    used = [False] * len(candidates)
    by_metric: dict[str, Score] = defaultdict(Score)
    missed = []
    for g in gold:
        hit = next((i for i, f in enumerate(candidates) if not used[i] and _matches(g, f)), None)
        if hit is None:
            by_metric[g["metric"]].fn += 1
            missed.append(g)
        else:
            used[hit] = True
            by_metric[g["metric"]].tp += 1
    spurious = [f for f, u in zip(candidates, used) if not u]
    for f in spurious:
        by_metric[f.metric].fp += 1
    overall = Score(
        tp=sum(s.tp for s in by_metric.values()),
        fp=sum(s.fp for s in by_metric.values()),
        fn=sum(s.fn for s in by_metric.values()),
    )
    named = [s for m, s in by_metric.items() if not m.startswith("other:")]
    taxonomy = Score(tp=sum(s.tp for s in named), fp=sum(s.fp for s in named), fn=sum(s.fn for s in named))
    return Evaluation(overall, dict(by_metric), taxonomy, missed, spurious)
