"""Find the report's own HKEX content index and read what it claims for each provision.

A content index is a dense run of provision codes (A1, A1.1, ... B8.2; for GRI 302-1, 305-1, ...):
at least ``min_codes`` distinct codes with no more than a page-length gap between them. Each code's
claim is the text from the code to the next code: a page or section reference, a "not applicable"
statement, or a note that the provision was deleted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document
from .common import content_lines, matching_words, rules

_CODE = re.compile(r"(?<![a-z0-9.])([ab][1-8])(?:\.(\d{1,2}))?(?![0-9a-z])")
# GRI topic disclosures 201-1 .. 419-1 (GRI 2 general disclosures are not tested against figures)
_GRI = re.compile(r"(?<![\d.\-/])([2-4]\d{2}-\d{1,2})(?![\d\-/])")


@dataclass
class Claim:
    code: str  # provision id as the Code writes it: "A1", "A1.1"
    line: int
    status: str  # "referenced" | "not_applicable" | "removed" | "blank"
    text: str  # the claim as printed (code to next code), joined
    lines: list[int] = field(default_factory=list)


@dataclass
class ContentIndex:
    regions: list[tuple[int, int]]
    claims: dict[str, Claim]
    gri_regions: list[tuple[int, int]] = field(default_factory=list)
    gri_claims: dict[str, Claim] = field(default_factory=dict)

    def covers(self, line: int) -> bool:
        """Whether ``line`` is part of an index (HKEX or GRI): index rows are claims, not evidence."""
        return any(a <= line <= b for a, b in self.regions + self.gri_regions)

    @property
    def found(self) -> bool:
        return bool(self.claims)


def _gri_codes_in(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in _GRI.finditer(text)]


def _codes_in(text: str, known: set[str]) -> list[tuple[int, str]]:
    out = []
    for m in _CODE.finditer(text):
        code = m.group(1).upper() + (f".{m.group(2)}" if m.group(2) else "")
        if code in known:
            out.append((m.start(), code))
    return out


def _regions(hits: list[tuple[int, str]], span: int, min_codes: int) -> list[tuple[int, int]]:
    """Runs of code lines, no two more than a page-length apart, with enough distinct codes."""
    regions: list[tuple[int, int]] = []
    run: list[tuple[int, str]] = []
    gap = max(40, span // 10)
    for hit in hits + [(10**12, "")]:
        if run and hit[0] - run[-1][0] > gap:
            if len({c for _, c in run}) >= min_codes:
                # the last claim runs a few lines past its code
                regions.append((run[0][0], run[-1][0] + 8))
            run = []
        run.append(hit)
    return regions


def _claim_status(text_match: str) -> str:
    na_words = matching_words(tuple(rules()["content_index"]["not_applicable_words"]))
    if any(w in text_match for w in na_words):
        return "not_applicable"
    if any(w in text_match for w in matching_words(tuple(rules()["content_index"]["removed_words"]))):
        return "removed"
    rest = re.sub(r"[\s\-–—/:：。.、,，;；()（）]", "", text_match)
    return "referenced" if rest else "blank"


def find_content_index(doc: Document, known_codes: set[str]) -> ContentIndex:
    """The HKEX (and GRI) content index of ``doc`` (empty when the report has none)."""
    cfg = rules()["content_index"]
    regions, claims = _find(doc, lambda text: _codes_in(text, known_codes), int(cfg["span"]), int(cfg["min_codes"]))
    gcfg = rules().get("gri", {})
    gri_regions, gri_claims = _find(doc, _gri_codes_in, int(gcfg.get("span", 600)), int(gcfg.get("min_codes", 8)))
    return ContentIndex(regions, claims, gri_regions, gri_claims)


def _find(doc: Document, codes_in, span: int, min_codes: int) -> tuple[list[tuple[int, int]], dict[str, Claim]]:
    lines = content_lines(doc)
    by_no = {no: (text, i) for i, (no, text) in enumerate(lines)}
    hits = [(no, code) for no, text in lines for _, code in codes_in(text)]
    regions = _regions(hits, span, min_codes)
    claims: dict[str, Claim] = {}
    for a, b in regions:
        occurrences = [(no, pos, code) for no, text in lines if a <= no <= b for pos, code in codes_in(text)]
        for k, (no, pos, code) in enumerate(occurrences):
            end_no, end_pos = (occurrences[k + 1][0], occurrences[k + 1][1]) if k + 1 < len(occurrences) \
                else (min(b, no + 8), None)
            parts, nos = [], []
            i = by_no[no][1]
            while i < len(lines) and lines[i][0] <= end_no:
                cur_no, cur = lines[i]
                start = pos if cur_no == no else 0
                stop = end_pos if (cur_no == end_no and end_pos is not None) else len(cur)
                if cur_no == end_no and end_pos is not None and cur_no != no and stop == 0:
                    break
                piece = cur[start:stop] if stop >= start else cur[start:]
                if piece.strip():
                    parts.append(piece)
                    nos.append(cur_no)
                i += 1
                if cur_no - no > 10:
                    break
            claim_text = " ".join(parts)[len(code):]
            claim = Claim(code, no, _claim_status(claim_text), _original_text(doc, nos), nos)
            if code not in claims or claims[code].status == "blank":
                claims[code] = claim
    return regions, claims


def _original_text(doc: Document, nos: list[int]) -> str:
    return " ".join((doc.line(n).text or doc.line(n).raw).strip() for n in nos)


def _aspect(code: str) -> str:
    return code.split(".")[0]


def check_content_index(index: ContentIndex, statuses: list, facts, version: dict) -> list:
    """Compare the index's claims with the evidence found: false claims, unclaimed disclosures,
    "not applicable" contradicted by a printed number."""
    from ..facts import Finding
    from .common import fact_record, is_printed

    findings: list[Finding] = []
    if not index.found:
        return [Finding(id="index.none", rule="index.found", severity="info",
                        message="No HKEX content index was found in the report; its claims cannot be checked.",
                        status="missing")]
    removed = set(version.get("removed", []))
    by_id = {st.provision["id"]: st for st in statuses}
    for code, claim in sorted(index.claims.items(), key=lambda kv: kv[1].line):
        st = by_id.get(code)
        base = dict(rule="index.claim", aspect=_aspect(code), provision=code, lines=claim.lines,
                    data={"claim": claim.status, "claim_text": claim.text[:300]})
        if st is None:
            if code in removed and claim.status not in ("removed", "not_applicable"):
                findings.append(Finding(
                    id=f"index.{code}.superseded", severity="info", status="pass",
                    message=(f"The index lists {code}, which the Code version for this period "
                             f"({version['name']}) no longer has; it moved to "
                             f"{version.get('moved', {}).get(code, 'the climate-related disclosures')}."),
                    **base))
            continue
        metrics = set(st.provision["metrics"])
        numbers = [f for f in facts if f.metric in metrics and is_printed(f)]
        if claim.status == "not_applicable" and numbers:
            first = min(numbers, key=lambda f: f.line)
            findings.append(Finding(
                id=f"index.{code}.na_contradicted", severity="error", status="fail",
                message=(f"The index says {code} is not applicable (line {claim.line}), but the report discloses "
                         f"{first.metric} = {first.raw_value} {first.raw_unit or ''} at line {first.line}.").replace(" .", "."),
                facts=[fact_record(f) for f in numbers[:5]], **{**base, "lines": claim.lines + [first.line]}))
        elif claim.status == "not_applicable":
            findings.append(Finding(
                id=f"index.{code}.na", severity="info", status="pass",
                message=(f"The index says {code} is not applicable (line {claim.line}); no figure for it was "
                         f"found in the report, so the claim is consistent."), **base))
        elif claim.status == "removed":
            in_force = st.status != "missing"
            findings.append(Finding(
                id=f"index.{code}.marked_removed", severity="info" if in_force else "warning",
                status="pass" if in_force else "fail",
                message=(f"The index marks {code} as deleted (line {claim.line}), but it is still in force for this "
                         f"period ({version['name']}); "
                         + ("the report discloses it anyway." if in_force else "nothing in the report covers it.")),
                **base))
        elif claim.status == "referenced" and st.status == "missing":
            findings.append(Finding(
                id=f"index.{code}.unsupported", severity="warning", status="fail",
                message=(f"The index claims {code} is disclosed (\"{claim.text[:80]}\", line {claim.line}), but no "
                         f"figure, narrative or explanation for it was found in the report."), **base))
        elif claim.status == "referenced":
            findings.append(Finding(
                id=f"index.{code}.supported", severity="info", status="pass",
                message=f"The index claim for {code} (line {claim.line}) is backed by evidence at line(s) "
                        f"{', '.join(map(str, st.lines[:5]))}.", **base))
    # an index kept at aspect level ("Aspect A1 Emissions: Table 1") claims the aspect's KPIs with it
    kpi_level = {_aspect(code) for code in index.claims if "." in code}
    whole_aspects = {code for code, c in index.claims.items()
                     if "." not in code and c.status == "referenced" and code not in kpi_level}
    for st in statuses:
        pid = st.provision["id"]
        if pid in index.claims or st.provision["kind"] == "climate" or st.how != "facts":
            continue
        if _aspect(pid) in whole_aspects:
            continue
        findings.append(Finding(
            id=f"index.{pid}.unclaimed", rule="index.unclaimed", severity="warning", status="fail",
            aspect=_aspect(pid), provision=pid, facts=st.facts, lines=st.lines,
            message=(f"The report discloses figures for {pid} (line(s) {', '.join(map(str, st.lines[:5]))}) "
                     f"but its content index does not list {pid}.")))
    return findings


def _narrative_figure(doc: Document | None, index: ContentIndex, provision: str | None) -> int | None:
    """A line outside the indexes naming the provision's subject next to a number."""
    from .completeness import hkex_code

    if doc is None or provision is None:
        return None
    spec = next((p for p in hkex_code()["provision"] if p["id"] == provision), None)
    words = matching_words(tuple(spec["keywords"])) if spec else ()
    for no, text in content_lines(doc):
        if not index.covers(no) and any(w in text for w in words) and re.search(r"\d", text):
            return no
    return None


def check_gri_index(index: ContentIndex, facts, doc: Document | None = None) -> list:
    """GRI claims tested against the figures found: claimed without a figure, or "not applicable"
    while a figure is printed."""
    from ..facts import Finding
    from .common import fact_record, is_printed
    from .completeness import aspect_of, provisions_by_metric

    findings: list[Finding] = []
    metrics_of = rules().get("gri", {}).get("metrics", {})
    for code, claim in sorted(index.gri_claims.items(), key=lambda kv: kv[1].line):
        metrics = set(metrics_of.get(code, []))
        if not metrics:
            continue
        numbers = sorted((f for f in facts if f.metric in metrics and is_printed(f)), key=lambda f: f.line)
        provision = next((provisions_by_metric()[m] for m in metrics_of[code] if m in provisions_by_metric()), None)
        base = dict(rule="index.gri", aspect=aspect_of(provision) if provision else None, provision=provision,
                    data={"gri": code, "claim": claim.status, "claim_text": claim.text[:300]})
        if claim.status == "not_applicable" and numbers:
            findings.append(Finding(
                id=f"gri.{code}.na_contradicted", severity="error", status="fail", lines=claim.lines + [numbers[0].line],
                facts=[fact_record(f) for f in numbers[:5]],
                message=(f"The GRI index says {code} is not applicable (line {claim.line}), but the report prints "
                         f"{numbers[0].metric} = {numbers[0].raw_value} at line {numbers[0].line}."), **base))
        elif claim.status == "referenced" and not numbers and (line := _narrative_figure(doc, index, provision)):
            findings.append(Finding(
                id=f"gri.{code}.supported", severity="info", status="pass", lines=claim.lines + [line],
                message=f"The GRI index claim for {code} (line {claim.line}) is backed by a figure in the text at line {line}.",
                **base))
        elif claim.status == "referenced" and not numbers:
            findings.append(Finding(
                id=f"gri.{code}.unsupported", severity="warning", status="fail", lines=claim.lines,
                message=(f"The GRI index lists {code} (\"{claim.text[:80]}\", line {claim.line}), but no "
                         f"{' / '.join(sorted(metrics))} figure was found in the report."), **base))
        elif claim.status == "referenced":
            findings.append(Finding(
                id=f"gri.{code}.supported", severity="info", status="pass", lines=claim.lines + [numbers[0].line],
                facts=[fact_record(f) for f in numbers[:3]],
                message=f"The GRI index claim for {code} (line {claim.line}) is backed by figures, e.g. line {numbers[0].line}.",
                **base))
    return findings
