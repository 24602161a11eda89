"""Year-over-year checks: a value that moves beyond the threshold between two periods of one report,
with the nearest sentence that explains it; and the same value printed twice with different numbers."""

from __future__ import annotations

import re
from typing import Any

from ..facts import Fact, FactSet, Finding
from ..model import Document
from .common import (shown, content_lines, describe, fact_lines, fact_record, is_printed, matching, matching_words,
                     rounding, rules, slack)
from .completeness import aspect_of, provisions_by_metric

_BRACKETS = re.compile(r"[（(\[【].*?[)）\]】]")
_NOT_LABEL = re.compile(r"[\s\d.,:：;；、/%-]+")


def _period_key(period: str) -> tuple[int, str]:
    m = re.search(r"\d{4}", period)
    return (int(m.group(0)) if m else 0, period)


def _series(facts: FactSet) -> dict[tuple, dict[str, list[Fact]]]:
    groups: dict[tuple, dict[str, list[Fact]]] = {}
    for f in facts:
        if not is_printed(f):
            continue
        key = (f.metric, tuple(sorted(f.dims.items())), f.unit)
        groups.setdefault(key, {}).setdefault(f.period, []).append(f)
    return groups


def _bounds(doc: Document | None, fact: Fact) -> tuple[int, int]:
    if doc is not None and fact.table is not None:
        for t in doc.tables:
            if t.id == fact.table:
                return t.first_line, t.last_line
    lines = [n for n in [fact.line, *fact.lines] if n]
    return (min(lines), max(lines)) if lines else (0, 0)


def _label_core(fact: Fact) -> str:
    label = matching(_BRACKETS.sub("", fact.label or ""))
    label = _NOT_LABEL.sub("", label)
    return label if len(label) >= 2 else ""


_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ENDS_IN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?\s*[%*)）]*\s*$")


def _is_table_row(text: str) -> bool:
    """Values in a row ("Upstream transportation tCO2e 32,666 301,800 203,928 ..."): two numbers or more
    that are not years or note numbers, ending the line or three of them at least."""
    values = [n for n in _NUMBER.findall(text) if not _YEAR.fullmatch(n) and (len(n) > 1 or "." in n)]
    grouped = [n for n in values if "," in n or "." in n]  # 32,666 / 0.45: printed as KPI values
    return len(values) >= 3 or len(grouped) >= 2 or (len(values) >= 2 and bool(_ENDS_IN_NUMBER.search(text)))


def _paragraphs(doc: Document, first: int, last: int, notes: list[re.Pattern[str]], keep: set[int] = frozenset()
                ) -> list[tuple[int, str, str]]:
    """(first line, matching text, printed text) of each paragraph between two lines: consecutive lines
    with no blank line between them, a new note marker starting a new paragraph. Table rows are left
    out, except the lines in ``keep`` (the compared facts' own rows, which may carry a notes column)."""
    out: list[tuple[int, list[str], list[str]]] = []
    prev = None
    prev_tabular = False
    tabular_starts: set[int] = set()
    for no, text in content_lines(doc):
        if no < first or no > last:
            continue
        starts_note = any(p.search(text) for p in notes)
        # a table row (two numbers or more) stands alone: PDF text has no blank lines, and a table
        # read as one long "paragraph" would be cited from its header line
        tabular = _is_table_row(text)
        joined = out and prev == no - 1 and not starts_note and not tabular and not prev_tabular
        prev_tabular = tabular
        if joined:
            out[-1][1].append(text)
            out[-1][2].append((doc.line(no).text or doc.line(no).raw).strip())
        else:
            out.append((no, [text], [(doc.line(no).text or doc.line(no).raw).strip()]))
            tabular_starts.add(no) if tabular else None
        prev = no
    return [(no, _join(m), _join(t)) for no, m, t in out if no not in tabular_starts or no in keep]


def _join(pieces: list[str]) -> str:
    """Wrapped lines joined back: a space between Latin words, none between Chinese characters."""
    out = ""
    for piece in pieces:
        if out and piece and out[-1].isascii() and piece[0].isascii() and not out[-1].isspace():
            out += " "
        out += piece
    return out


def explanation(doc: Document | None, facts: list[Fact], rising: bool | None = None) -> tuple[int, str] | None:
    """The paragraph near the facts' table most likely to explain a change: the most restatement or
    method words, or the row's own label with a word of rise or fall; notes and nearer text win ties."""
    if doc is None:
        return None
    cfg = rules()["yoy"]
    explain = matching_words(tuple(cfg["explain_words"]))
    change = matching_words(tuple(cfg["change_words"]))
    rise = matching_words(tuple(cfg.get("rise_words", [])))
    fall = matching_words(tuple(cfg.get("fall_words", [])))
    notes = [re.compile(p) for p in cfg["note_markers"]]
    first = min(_bounds(doc, f)[0] for f in facts) - int(cfg["window_before"])
    last = max(_bounds(doc, f)[1] for f in facts) + int(cfg["window_after"])
    own = {n for f in facts for n in [f.line, *f.lines]}
    labels = {c for c in (_label_core(f) for f in facts) if c}
    anchor = max(f.line for f in facts)
    best: tuple[float, int, str] | None = None
    for no, text, printed in _paragraphs(doc, first, last, notes, keep=own):
        explain_hits = min(3, sum(w in text for w in explain))
        if no in own and not explain_hits:
            continue  # the row itself explains only through a notes column ("... due to a reclassification")
        has_label = any(lab in text for lab in labels)
        has_change = any(w in text for w in change)
        if not (explain_hits or (has_label and has_change)):
            continue
        is_note = any(p.search(text) for p in notes)
        score = 2 * explain_hits + 2 * has_label + is_note + has_change - abs(no - anchor) / 100
        if rising is not None:  # a note about the same direction beats one about the opposite
            same = any(w in text for w in (rise if rising else fall))
            opposite = any(w in text for w in (fall if rising else rise))
            score += 2 * same - 2 * (opposite and not same)
        if best is None or score > best[0]:
            best = (score, no, printed)
    return (best[1], best[2]) if best else None


def _pick(facts: list[Fact]) -> Fact:
    return min(facts, key=lambda f: f.line or 0)


def _jump(prev: Fact, cur: Fact, threshold: float) -> float | None:
    """The relative change when it exceeds the threshold even at the edge of printed rounding."""
    delta = abs(cur.value - prev.value) - rounding(cur) - rounding(prev)
    if delta <= 0:
        return None
    if prev.value == 0:
        return float("inf")
    if delta / (abs(prev.value) + rounding(prev)) <= threshold:
        return None
    return (cur.value - prev.value) / abs(prev.value)


def _jump_finding(doc: Document | None, prev: Fact, cur: Fact, change: float, severity: str) -> Finding:
    found = explanation(doc, [prev, cur], rising=cur.value > prev.value)
    pct = "from zero" if change == float("inf") else f"{change:+.0%}"
    verb = "rose" if cur.value > prev.value else "fell"
    message = (f"{describe(cur)[: -len(cur.period) - 1]} {verb} from {shown(prev)} ({prev.period}) to "
               f"{shown(cur)} {cur.unit} ({cur.period}), {pct}.")
    message += (f" Possible explanation at line {found[0]}: \"{found[1][:160]}\"" if found
                else " No explanation was found near the table.")
    provision = provisions_by_metric().get(cur.metric)
    return Finding(
        id=f"yoy.{cur.metric}.{prev.period}-{cur.period}" + "".join(f".{k}={v}" for k, v in sorted(cur.dims.items())),
        rule="yoy.change", severity=severity, message=message,
        aspect=aspect_of(provision) if provision else None, provision=provision, status="fail",
        facts=[fact_record(prev), fact_record(cur)],
        lines=sorted(set(fact_lines([prev, cur]) + ([found[0]] if found else []))),
        data={"change": None if change == float("inf") else change, "explained": bool(found),
              "explanation_line": found[0] if found else None, "explanation": found[1] if found else None},
    )


def _mismatch(facts: list[Fact]) -> tuple[Fact, Fact] | None:
    """Two printings of one value (same metric, dims, period, unit) that disagree beyond rounding."""
    for i, a in enumerate(facts):
        for b in facts[i + 1:]:
            if a.qualifier or b.qualifier:  # "about 3,800" is not a second printing of 3,836.89
                continue
            if a.table is not None and a.table == b.table:  # two rows of one table are two things
                continue
            if abs(a.value - b.value) > rounding(a) + rounding(b) + slack(a.value, b.value):
                return a, b
    return None


def check_year_over_year(doc: Document | None, facts: FactSet) -> list[Finding]:
    cfg: dict[str, Any] = rules()["yoy"]
    threshold, severity = float(cfg["threshold"]), cfg["severity"]
    findings: list[Finding] = []
    for (metric, _, unit), by_period in _series(facts).items():
        for period, same in by_period.items():
            pair = _mismatch(same)
            if pair:
                a, b = pair
                provision = provisions_by_metric().get(metric)
                findings.append(Finding(
                    id=f"consistency.{metric}.{period}" + "".join(f".{k}={v}" for k, v in sorted(a.dims.items())),
                    rule="consistency.repeat", severity="warning", status="fail",
                    aspect=aspect_of(provision) if provision else None, provision=provision,
                    message=(f"{describe(a)} is printed as {shown(a)} {unit} at line {a.line} but as "
                             f"{shown(b)} {unit} at line {b.line}."),
                    facts=[fact_record(a), fact_record(b)], lines=fact_lines([a, b])))
        periods = sorted(by_period, key=_period_key)
        for prev_p, cur_p in zip(periods, periods[1:]):
            prev, cur = _pick(by_period[prev_p]), _pick(by_period[cur_p])
            if unit in cfg.get("count_units", []) and max(abs(prev.value), abs(cur.value)) < cfg.get("min_count", 0):
                continue
            change = _jump(prev, cur, threshold)
            if change is not None:
                level = cfg.get("breakdown_severity", severity) if cur.dims else severity
                findings.append(_jump_finding(doc, prev, cur, change, level))
    return findings
