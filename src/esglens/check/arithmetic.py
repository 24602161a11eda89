"""Arithmetic checks: totals equal their parts and printed intensities equal total over denominator.

Only printed facts are compared, each in its own unit basis (tCO2 is never compared with tCO2e), and
the tolerance is the rounding the report itself prints plus a small relative slack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..facts import Fact, FactSet, Finding
from .common import shown, describe, fact_lines, fact_record, fmt, is_printed, rounding, rules, slack, to_unit


@dataclass
class Comparison:
    expected: float  # what the parts (or the ratio) give
    printed: float
    allowed: float

    @property
    def difference(self) -> float:
        return self.printed - self.expected

    @property
    def holds(self) -> bool:
        return abs(self.difference) <= self.allowed

    def data(self) -> dict[str, Any]:
        return {"expected": self.expected, "printed": self.printed, "difference": self.difference,
                "allowed": self.allowed}


def _printed(facts: FactSet) -> list[Fact]:
    # "over 3,800" or "about 3,800" has no rounding to check against: only exact printings add up
    return [f for f in facts if is_printed(f) and not f.qualifier]


def _closest(candidates: list[Fact], anchor: Fact) -> Fact:
    """The candidate most likely printed with ``anchor``: same table first, then nearest line."""
    return min(candidates, key=lambda f: (f.table != anchor.table or anchor.table is None,
                                          abs((f.line or 0) - (anchor.line or 0))))


def _sum_comparison(total: Fact, parts: list[Fact], relative: float | None = None) -> Comparison | None:
    values = []
    for part in parts:
        converted = to_unit(part, total.unit)
        if converted is None:
            return None
        values.append(converted)
    expected = sum(v for v, _ in values)
    extra = relative * max(abs(total.value), abs(expected)) if relative is not None else slack(total.value, expected)
    allowed = rounding(total) + sum(r for _, r in values) + extra
    return Comparison(expected, total.value, allowed)


def _aspect(provision: str | None) -> str | None:
    return provision.split(".")[0] if provision else None


class _Emitter:
    """Collects findings, dropping repeats (a KPI table and an appendix often print the same numbers)."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self._seen: set[tuple] = set()
        self._ids: dict[str, int] = {}

    def emit(self, finding: Finding, signature: tuple) -> None:
        if signature in self._seen:
            return
        self._seen.add(signature)
        n = self._ids.get(finding.id, 0)
        self._ids[finding.id] = n + 1
        if n:
            finding.id = f"{finding.id}.{n + 1}"
        self.findings.append(finding)


def _dims_suffix(dims: dict[str, str]) -> str:
    return "".join(f".{k}={v}" for k, v in sorted(dims.items()))


def _sum_finding(rule_id: str, provision: str | None, total: Fact, parts: list[Fact], cmp: Comparison,
                 what: str, severity_fail: str) -> Finding:
    parts_text = " + ".join(f"{shown(p)} ({describe(p)})" for p in parts)
    if cmp.holds:
        severity, status = "info", "pass"
        message = (f"{what}: {parts_text} = {fmt(cmp.expected)} {total.unit}, matching the printed "
                   f"{shown(total)} (line {total.line}) within rounding.")
    else:
        severity, status = severity_fail, "fail"
        message = (f"{what}: {parts_text} = {fmt(cmp.expected)} {total.unit}, but the report prints "
                   f"{shown(total)} (line {total.line}); difference {fmt(cmp.difference)}, more than the "
                   f"{fmt(cmp.allowed)} rounding allows.")
    return Finding(
        id=f"{rule_id}.{total.metric}.{total.period}{_dims_suffix(total.dims)}", rule=rule_id,
        severity=severity, message=message, aspect=_aspect(provision), provision=provision, status=status,
        facts=[fact_record(total)] + [fact_record(p) for p in parts], lines=fact_lines([total, *parts]),
        data=cmp.data(),
    )


def _signature(rule_id: str, total: Fact, parts: Iterable[Fact]) -> tuple:
    return (rule_id, total.metric, total.period, tuple(sorted(total.dims.items())), round(total.value, 9),
            tuple(sorted((p.metric, tuple(sorted(p.dims.items())), round(p.value, 9)) for p in parts)))


# ---- totals = named parts ---------------------------------------------------------------------

def _part_for(facts: list[Fact], metric: str, period: str, carried: dict[str, str], carry: list[str],
              anchor: Fact) -> Fact | None:
    same_period = [f for f in facts if f.metric == metric and f.period == period]
    cands = [f for f in same_period if f.dims == carried]
    if not cands and carried and not any(k in f.dims for f in same_period for k in carry):
        cands = [f for f in same_period if not f.dims]  # a part that has no basis at all (scope 1)
    return _closest(cands, anchor) if cands else None


def check_sums(facts: FactSet, emitter: _Emitter) -> None:
    printed = _printed(facts)
    for rule in rules().get("sum", []):
        carry = list(rule.get("carry", []))
        for total in printed:
            if total.metric != rule["total"] or any(k not in carry for k in total.dims):
                continue
            parts = [_part_for(printed, m, total.period, dict(total.dims), carry, total) for m in rule["parts"]]
            if any(p is None for p in parts):
                continue
            cmp = _sum_comparison(total, parts, rule.get("relative_slack"))  # type: ignore[arg-type]
            if cmp is None:
                continue
            finding = _sum_finding(rule["id"], rule.get("provision"), total, parts, cmp,  # type: ignore[arg-type]
                                   rule.get("explain", "Sum"), rule.get("severity", "error"))
            if not cmp.holds:
                _note_matching_total(finding, printed, total, cmp)
            emitter.emit(finding, _signature(rule["id"], total, parts))  # type: ignore[arg-type]


def _note_matching_total(finding: Finding, printed: list[Fact], total: Fact, cmp: Comparison) -> None:
    """When another printed total of the same period equals the parts, the failing one probably covers
    a narrower scope (a segment, or the other basis): a warning pointing at both, not an error."""
    for other in printed:
        if other is total or other.metric != total.metric or other.period != total.period:
            continue
        if abs(other.value - cmp.expected) <= rounding(other) + cmp.allowed:
            finding.severity = "warning"
            finding.message += (f" Another printed {other.metric} at line {other.line} ({shown(other)}) equals the sum,"
                                f" so the figure at line {total.line} may cover a narrower scope.")
            finding.lines = sorted(set(finding.lines + [other.line]))
            finding.data["matching_total_line"] = other.line
            return


# ---- totals = rows broken down by one dims key ------------------------------------------------

def _breakdown_parts(printed: list[Fact], total: Fact, key: str) -> list[Fact]:
    # a part may also carry its own label as a category ("外購的商品和服務-自用商品" beside "其他外購的
    # 商品和服務", both scope 3 category 1)
    rows = [f for f in printed if f.metric == total.metric and f.period == total.period
            and key in f.dims and all(f.dims.get(k) == v for k, v in total.dims.items())
            and (len(f.dims) == len(total.dims) + 1
                 or key != "category" and "category" not in total.dims and len(f.dims) == len(total.dims) + 2
                 and "category" in f.dims)]
    if total.table is not None and any(f.table == total.table for f in rows):
        # sub-rows printed under this total; the same breakdown elsewhere is another presentation
        rows = [f for f in rows if f.table == total.table]
    # one fact per row: the same (dims, value) printed again elsewhere is a repeat, but two rows that
    # share dims with different values (two sources mapped to one category) are both parts
    by_value: dict[tuple[str, str, float], Fact] = {}
    for f in rows:
        k = (f.dims[key], f.dims.get("category", "") if key != "category" else "", round(f.value, 9))
        if k not in by_value or _closest([by_value[k], f], total) is f:
            by_value[k] = f
    return sorted(by_value.values(), key=lambda f: f.line or 0)


_PARTITION_KEYS = {"gender", "age", "basis", "employment_type", "scope3_category"}


def _sibling_rows(printed: list[Fact], total: Fact, parts: list[Fact], key: str) -> list[Fact]:
    """Rows of the same table, among or right after ``parts``, broken down under another single key."""
    if total.table is None or not parts:
        return []
    first = min(f.line or 0 for f in parts)
    last = max(f.line or 0 for f in parts)
    out = []
    for f in printed:
        extra = set(f.dims) - set(total.dims)
        if (f.metric == total.metric and f.period == total.period and f.table == total.table
                and len(extra) == 1 and not extra & (_PARTITION_KEYS | {key})
                and all(f.dims.get(k) == v for k, v in total.dims.items())
                and first <= (f.line or 0) <= last + 3):
            out.append(f)
    return out


def _row_levels(facts: FactSet) -> dict[tuple[int, int], int]:
    """(table id, line) -> how deep the row sits under other rows of its table ("of which ..." under a
    part is one level below that part), read from the document the facts came from."""
    document = facts.document
    levels: dict[tuple[int, int], int] = {}
    for table in getattr(document, "tables", None) or []:
        for row in table.rows:
            for line in row.lines:
                levels.setdefault((table.id, line), row.level)
    return levels


def _shallowest(parts: list[Fact], levels: dict[tuple[int, int], int]) -> list[Fact]:
    """A part of a part ("of which: fugitive methane" under "Fugitive emissions") is not added again."""
    depth = {id(f): levels.get((f.table, f.line)) for f in parts if f.table is not None}
    known = [d for d in depth.values() if d is not None]
    if len(set(known)) < 2:
        return parts
    top = min(known)
    return [f for f in parts if depth.get(id(f)) in (None, top)]


def _one_presentation(total: Fact, parts: list[Fact]) -> tuple[list[Fact], Comparison] | None:
    """Parts printed in several tables (by segment in one, by source in another) are separate
    breakdowns of the same total: each is compared on its own, and the one that fails is reported."""
    tables = sorted({f.table for f in parts}, key=lambda t: (t is None, t or 0))
    groups = [[f for f in parts if f.table == t] for t in tables] if len(tables) > 1 else [parts]
    compared = [(g, _sum_comparison(total, g)) for g in groups if len(g) >= 2]
    compared = [(g, c) for g, c in compared if c is not None]
    if not compared:
        return None
    failing = [(g, c) for g, c in compared if not c.holds]
    return max(failing, key=lambda gc: abs(gc[1].difference)) if failing else compared[0]


def check_breakdowns(facts: FactSet, emitter: _Emitter) -> None:
    printed = _printed(facts)
    provisions = _provision_of_metric()
    levels = _row_levels(facts)
    for rule in rules().get("breakdown", []):
        carry = list(rule.get("carry", []))
        for total in printed:
            if total.metric not in rule["metrics"] or any(k not in carry for k in total.dims):
                continue
            for key in rule["keys"]:
                parts = _shallowest(_breakdown_parts(printed, total, key), levels)
                if len(parts) < 2:
                    continue
                picked = _one_presentation(total, parts)
                if picked is None:
                    continue
                parts, cmp = picked
                if not cmp.holds and key in ("category", "region"):
                    # sibling rows whose label named a region or a source rather than a category
                    # ("－香港辦事處" among "－廣東鶴山廠區", "－越南平陽廠區"), or a place the region
                    # lexicon does not know ("越南" among "中國內地", "歐洲"), are parts too
                    more = _sibling_rows(printed, total, parts, key)
                    wider = _sum_comparison(total, parts + more) if more else None
                    if wider is not None and wider.holds:
                        parts, cmp = sorted(parts + more, key=lambda f: f.line or 0), wider
                severity = rule["severity_short"] if cmp.difference > 0 else rule["severity_over"]
                what = f"Rows by {key} of {total.metric}"
                if not cmp.holds and cmp.difference > 0 and key in ("category", "scope3_category", "region"):
                    what += " (the breakdown may be partial)"
                finding = _sum_finding(f"{rule['id']}.{key}", provisions.get(total.metric), total, parts,
                                       cmp, what, severity)
                emitter.emit(finding, _signature(f"{rule['id']}.{key}", total, parts))


def _provision_of_metric() -> dict[str, str]:
    from .completeness import provisions_by_metric

    return provisions_by_metric()


# ---- intensities ------------------------------------------------------------------------------

def _denominator(unit_tail: str) -> tuple[str, float, str | None] | None:
    """(denominator metric, scale, required unit) of the text after '/' in an intensity unit."""
    tail = unit_tail.strip().lower()
    mult = rules().get("multipliers", {})
    for d in rules().get("denominator", []):
        m = re.match(d["pattern"], tail)
        if not m:
            continue
        groups = m.groupdict()
        scale = float(d.get("scale", 1.0)) * float(mult.get(groups.get("mult") or "", 1.0))
        unit = groups["cur"].upper() if groups.get("cur") else None
        return d["metric"], scale, unit
    return None


def _numerator(printed: list[Fact], rule: dict[str, Any], period: str, unit: str, anchor: Fact
               ) -> tuple[float, float, list[Fact]] | None:
    for metric in rule.get("numerator", []):
        cands = [f for f in printed if f.metric == metric and f.period == period and not f.dims]
        if cands:
            f = _closest(cands, anchor)
            conv = to_unit(f, unit)
            if conv is not None:
                return conv[0], conv[1], [f]
    parts = []
    for metric in rule.get("numerator_parts", []):
        cands = [f for f in printed if f.metric == metric and f.period == period
                 and (not f.dims or f.dims == {"basis": "location"})]
        if not cands:
            return None
        parts.append(_closest(cands, anchor))
    if not parts:
        return None
    convs = [to_unit(p, unit) for p in parts]
    if any(c is None for c in convs):
        return None
    return sum(c[0] for c in convs), sum(c[1] for c in convs), parts  # type: ignore[index]


def check_ratios(facts: FactSet, emitter: _Emitter) -> None:
    printed = _printed(facts)
    for rule in rules().get("ratio", []):
        for fact in printed:
            if fact.metric != rule["metric"] or fact.dims or "/" not in fact.unit:
                continue
            num_unit, tail = fact.unit.split("/", 1)
            den_spec = _denominator(tail)
            if den_spec is None:
                continue
            den_metric, scale, den_unit = den_spec
            num = _numerator(printed, rule, fact.period, num_unit.strip(), fact)
            dens = [f for f in printed if f.metric == den_metric and f.period == fact.period and not f.dims
                    and (den_unit is None or f.unit == den_unit)]
            if num is None or not dens:
                continue
            den = _closest(dens, fact)
            if den.value == 0 or num[0] == 0:
                continue
            denominator = den.value / scale
            expected = num[0] / denominator
            allowed = (rounding(fact) + expected * (num[1] / abs(num[0]) + rounding(den) / abs(den.value))
                       + slack(fact.value, expected))
            cmp = Comparison(expected, fact.value, allowed)
            used = [*num[2], den]
            source = " + ".join(shown(f) for f in num[2])
            what = (f"Intensity {describe(fact)}: {source} {num_unit.strip()} / {fmt(denominator)} ({den.metric})"
                    f" = {fmt(expected)} {fact.unit}")
            if cmp.holds:
                severity, status = "info", "pass"
                message = f"{what}, matching the printed {shown(fact)} (line {fact.line}) within rounding."
            else:
                severity, status = "warning", "fail"
                message = (f"{what}, but the report prints {shown(fact)} (line {fact.line}); the denominator "
                           f"or the numerator may differ from the disclosed totals.")
            provision = rule.get("provision")
            finding = Finding(
                id=f"arith.intensity.{fact.metric}.{fact.period}", rule="arith.intensity", severity=severity,
                message=message, aspect=_aspect(provision), provision=provision, status=status,
                facts=[fact_record(fact)] + [fact_record(f) for f in used], lines=fact_lines([fact, *used]),
                data=cmp.data() | {"denominator": denominator},
            )
            emitter.emit(finding, _signature("arith.intensity", fact, used))


def check_containment(facts: FactSet, emitter: _Emitter) -> None:
    """A part larger than the whole that contains it ("electricity 3,787 MWh, total energy 3,716 MWh")."""
    printed = [f for f in _printed(facts) if not f.dims or f.dims.keys() == {"basis"}]
    for rule in rules().get("contains", []):
        for whole in (f for f in printed if f.metric == rule["whole"]):
            for part in printed:
                if part.metric not in rule["parts"] or part.period != whole.period:
                    continue
                if part.dims.get("basis", "location") != whole.dims.get("basis", "location"):
                    continue
                converted = to_unit(part, whole.unit)
                if converted is None:
                    continue
                value, rounding_part = converted
                if value <= whole.value + rounding_part + rounding(whole) + slack(whole.value, value):
                    continue
                message = (f"{describe(part)} is {shown(part)} {part.unit} (line {part.line}), more than "
                           f"{describe(whole)}, {shown(whole)} {whole.unit} (line {whole.line}), which includes it.")
                severity = rule["severity"]
                kinds = {_printed_kind(part), _printed_kind(whole)}
                if len(kinds) > 1 and kinds & {"tce", "kgce"}:
                    # printed in different kinds of unit (kWh beside tce): the report may convert otherwise
                    severity = "warning"
                    message += (f" The two are printed in different units ({part.raw_unit}, {whole.raw_unit}); "
                                "esglens converts tce at 29.3076 GJ (GB/T 2589), a report may use another factor.")
                finding = Finding(
                    id=f"{rule['id']}.{part.metric}.{whole.metric}.{whole.period}", rule=rule["id"],
                    severity=severity, message=message, aspect=_aspect(rule.get("provision")),
                    provision=rule.get("provision"), status="fail",
                    facts=[fact_record(whole), fact_record(part)], lines=fact_lines([whole, part]),
                    data={"part": value, "whole": whole.value})
                emitter.emit(finding, _signature(rule["id"], whole, [part]))


def _printed_kind(fact: Fact) -> str | None:
    from ..units import UnitError, parse_unit

    try:
        return parse_unit(fact.raw_unit).unit if fact.raw_unit else None
    except UnitError:
        return None


def check_arithmetic(facts: FactSet) -> list[Finding]:
    """Every sum and intensity the report lets us recompute, whether it holds or not."""
    emitter = _Emitter()
    check_containment(facts, emitter)
    check_sums(facts, emitter)
    check_breakdowns(facts, emitter)
    check_ratios(facts, emitter)
    return emitter.findings
