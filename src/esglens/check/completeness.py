"""HKEX ESG Reporting Code completeness: each provision in force is disclosed, explained or missing.

The version of the Code is chosen by the first day of the reporting period. Evidence is a fact with
one of the provision's metrics, or narrative lines matching its keywords outside the content index;
an explanation is a "not applicable / not material" statement next to the provision's subject or in
the report's own index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..facts import FactSet, Finding
from ..model import Document
from .common import content_lines, fact_record, is_printed, load_data, matching_words, rules
from .content_index import ContentIndex

_DIGIT = re.compile(r"\d")


def hkex_code() -> dict[str, Any]:
    return load_data("hkex_code.toml")


@lru_cache(maxsize=1)
def provisions_by_metric() -> dict[str, str]:
    """metric id -> the provision it evidences in the 2020 Guide (first listed wins)."""
    out: dict[str, str] = {}
    for p in hkex_code()["provision"]:
        if "versions" in p:
            continue
        for m in p["metrics"]:
            out.setdefault(m, p["id"])
    return out


def all_codes() -> set[str]:
    return {p["id"] for p in hkex_code()["provision"] if p["kind"] != "climate"}


def _period_start(doc: Document | None, facts: FactSet) -> date | None:
    period = doc.metadata.period if doc is not None else None
    try:
        if period is not None and period.start:
            return date.fromisoformat(period.start)
        if period is not None and period.end:
            return date.fromisoformat(period.end) - timedelta(days=364)
    except ValueError:
        pass
    label = period.label if period is not None else _latest_period(facts)
    m = re.search(r"(\d{4})", label or "")
    if not m:
        return None
    year = int(m.group(1))
    if label.upper().startswith("FY"):
        return date(year - 1, 4, 1)  # the commonest fiscal year end in Hong Kong is 31 March
    return date(year, 1, 1)


def _latest_period(facts: FactSet) -> str | None:
    periods = sorted({f.period for f in facts if f.period}, key=lambda p: re.sub(r"\D", "", p))
    return periods[-1] if periods else None


def select_version(doc: Document | None, facts: FactSet) -> dict[str, Any]:
    """The Code version in force for the report's period (the latest one when the period is unknown)."""
    versions = hkex_code()["version"]
    start = _period_start(doc, facts)
    if start is None:
        return versions[-1]
    chosen = versions[0]
    for v in versions:
        if start >= date.fromisoformat(v["applies_from"]):
            chosen = v
    return chosen


def provisions_for(version: dict[str, Any]) -> list[dict[str, Any]]:
    removed = set(version.get("removed", []))
    return [p for p in hkex_code()["provision"]
            if p["id"] not in removed and version["id"] in p.get("versions", [version["id"]])]


def aspect_of(provision_id: str) -> str:
    return "D" if provision_id.startswith("D.") else provision_id.split(".")[0]


@dataclass
class Status:
    provision: dict[str, Any]
    status: str  # disclosed | explained | missing
    how: str  # "facts" | "narrative" | "statement" | "index" | ""
    lines: list[int] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)


def _keyword_lines(doc: Document, keywords: tuple[str, ...], index: ContentIndex) -> list[tuple[int, str]]:
    return [(no, text) for no, text in content_lines(doc)
            if not index.covers(no) and any(k in text for k in keywords)]


def _explanation(doc: Document, hits: list[tuple[int, str]]) -> list[int]:
    """Lines that say the subject of ``hits`` does not apply or is not material."""
    cfg = rules()["completeness"]
    words = matching_words(tuple(cfg["explain_words"]))
    window = int(cfg["explain_window"])
    lines = content_lines(doc)
    pos = {no: i for i, (no, _) in enumerate(lines)}
    found = []
    for no, _ in hits:
        i = pos[no]
        for j in range(i, min(len(lines), i + window + 1)):
            if any(w in lines[j][1] for w in words):
                found.append(lines[j][0])
                break
    return sorted(set(found))


def _in_table(doc: Document, no: int) -> bool:
    # KPI tables dumped column by column put labels and numbers on different lines
    return any(t.first_line <= no <= t.last_line for t in doc.tables)


def _has_figure(doc: Document, no: int, text: str) -> bool:
    zero = matching_words(tuple(rules()["completeness"].get("zero_words", [])))
    return bool(_DIGIT.search(text)) or _in_table(doc, no) or any(w in text for w in zero)


def assess(provision: dict[str, Any], doc: Document | None, facts: FactSet, index: ContentIndex) -> Status:
    """The status of one provision with its evidence."""
    metrics = set(provision["metrics"])
    evidence = [f for f in facts if f.metric in metrics and is_printed(f)]
    if evidence:
        evidence.sort(key=lambda f: (bool(f.dims), f.line))
        return Status(provision, "disclosed", "facts", sorted({f.line for f in evidence[:8]}),
                      [fact_record(f) for f in evidence[:8]])
    hits = _keyword_lines(doc, matching_words(tuple(provision["keywords"])), index) if doc else []
    explained = _explanation(doc, hits) if doc else []
    narrative = [no for no, text in hits if no not in explained]
    if metrics:
        # a quantitative KPI needs a figure: a keyword line with a number, not just the topic named
        narrative = [no for no, text in hits if no not in explained and _has_figure(doc, no, text)]
    if narrative:
        return Status(provision, "disclosed", "narrative", narrative[:8])
    if explained:
        return Status(provision, "explained", "statement", explained[:5])
    claim = index.claims.get(provision["id"])
    if claim is not None and claim.status == "not_applicable":
        return Status(provision, "explained", "index", claim.lines)
    return Status(provision, "missing", "")


def hkex_applies(doc: Document | None, index: ContentIndex) -> bool:
    """Whether the report says it follows the HKEX code (or carries an HKEX index)."""
    if index.found:
        return True
    if doc is None:
        return True  # nothing says otherwise
    meta = doc.metadata
    return bool(meta.hkex_code_version) or any("hkex" in s.lower() for s in meta.standards) or not meta.standards


def _finding(st: Status, version: dict[str, Any], applies: bool = True) -> Finding:
    p = st.provision
    pid = p["id"]
    title = p["en"]
    if st.status == "disclosed":
        how = "figures" if st.how == "facts" else "narrative"
        message = f"{pid} ({title}) is disclosed: {how} at line(s) {', '.join(map(str, st.lines[:5]))}."
        severity = "info"
    elif st.status == "explained":
        where = "the content index" if st.how == "index" else "the report"
        message = (f"{pid} ({title}) is not disclosed but {where} explains why (not applicable / not material)"
                   f" at line(s) {', '.join(map(str, st.lines[:5]))}.")
        severity = "info"
    else:
        message = (f"{pid} ({title}) is missing: no figure, narrative or explanation found "
                   f"({version['name']}).")
        severity = "warning" if applies else "info"
        if not applies:
            message = message[:-1] + "; the report does not say it follows the HKEX code, so this is for reference."
    return Finding(
        id=f"hkex.{pid}", rule="hkex.completeness", severity=severity, message=message,
        aspect=aspect_of(pid), provision=pid, status=st.status, facts=st.facts, lines=st.lines,
        data={"how": st.how, "kind": p["kind"], "title_zh": p["zh"], "version": version["id"]},
    )


def score(statuses: list[Status]) -> dict[str, Any]:
    """Per aspect and overall: share of provisions disclosed or explained (comply or explain)."""
    by_aspect: dict[str, list[Status]] = {}
    for st in statuses:
        by_aspect.setdefault(aspect_of(st.provision["id"]), []).append(st)

    def summary(group: list[Status]) -> dict[str, Any]:
        counts = {s: sum(st.status == s for st in group) for s in ("disclosed", "explained", "missing")}
        n = len(group)
        return counts | {"provisions": n,
                         "score": round((counts["disclosed"] + counts["explained"]) / n, 3) if n else None}

    return {"aspects": {a: summary(g) for a, g in by_aspect.items()}, "overall": summary(statuses)}


def check_completeness(doc: Document | None, facts: FactSet, index: ContentIndex
                       ) -> tuple[list[Finding], list[Status], dict[str, Any]]:
    version = select_version(doc, facts)
    statuses = [assess(p, doc, facts, index) for p in provisions_for(version)]
    applies = hkex_applies(doc, index)
    findings = [_finding(st, version, applies) for st in statuses]
    return findings, statuses, score(statuses) | {"version": version["id"], "version_name": version["name"],
                                                  "applies": applies}
