"""The check report: findings ordered worst first and grouped by HKEX aspect, with completeness
scores, rendered as a dict/JSON, Markdown or a standalone HTML page."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from importlib import resources
from typing import Any

from ..facts import Finding

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
STATUS_RANK = {"fail": 0, "missing": 1, "explained": 2, "pass": 3, "disclosed": 4}
ASPECT_ORDER = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "D"]


def sort_key(f: Finding) -> tuple:
    return (SEVERITY_RANK.get(f.severity, 3), STATUS_RANK.get(f.status or "", 5), f.id)


def aspect_key(aspect: str | None) -> tuple[int, str]:
    return (ASPECT_ORDER.index(aspect) if aspect in ASPECT_ORDER else len(ASPECT_ORDER), aspect or "")


@dataclass
class CheckReport:
    path: str | None
    findings: list[Finding]
    completeness: dict[str, Any] = field(default_factory=dict)  # {"aspects": {...}, "overall": {...}, "version"}
    region: str | None = None
    facts_count: int = 0
    content_index_lines: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.findings.sort(key=sort_key)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(f.severity == s for f in self.findings) for s in ("error", "warning", "info")}

    def by_rule(self, prefix: str) -> list[Finding]:
        return [f for f in self.findings if f.rule.startswith(prefix) or f.id.startswith(prefix)]

    def get(self, finding_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    def grouped(self) -> list[tuple[str, list[Finding]]]:
        """(aspect, findings worst first) with the aspect holding the worst finding first."""
        groups: dict[str, list[Finding]] = {}
        for f in self.findings:
            groups.setdefault(f.aspect or "general", []).append(f)
        return sorted(groups.items(), key=lambda kv: (sort_key(kv[1][0])[:2], aspect_key(kv[0])))

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "counts": self.counts, "region": self.region, "facts": self.facts_count,
            "completeness": self.completeness, "content_index_lines": self.content_index_lines,
            "findings": [asdict(f) for f in self.findings],
        }

    @property
    def completeness_score(self) -> float | None:
        """Overall HKEX completeness, 0..1 (disclosed or explained provisions over all in force); None
        for a report that does not follow the HKEX code (a London or Singapore report is not scored
        against it in the library, though its provision statuses stay available for reference)."""
        if self.completeness.get("applies") is False:
            return None
        overall = self.completeness.get("overall") or {}
        score = overall.get("score")
        return float(score) if isinstance(score, (int, float)) else None

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        c = self.counts
        out = [f"# esglens check: {self.path or 'report'}", "",
               f"{c['error']} errors, {c['warning']} warnings, {c['info']} info; {self.facts_count} facts; "
               f"HKEX code: {self.completeness.get('version_name', '?')}", "", "## HKEX completeness", "",
               "| aspect | disclosed | explained | missing | score |", "|---|---|---|---|---|"]
        aspects = self.completeness.get("aspects", {})
        for a in sorted(aspects, key=aspect_key):
            s = aspects[a]
            out.append(f"| {a} | {s['disclosed']} | {s['explained']} | {s['missing']} | {_pct(s['score'])} |")
        overall = self.completeness.get("overall")
        if overall:
            out.append(f"| **overall** | {overall['disclosed']} | {overall['explained']} | {overall['missing']} | "
                       f"**{_pct(overall['score'])}** |")
        for aspect, findings in self.grouped():
            out += ["", f"## {aspect}", ""]
            for f in findings:
                where = f" (lines {', '.join(map(str, f.lines[:6]))})" if f.lines else ""
                out.append(f"- **{f.severity}** `{f.id}`: {_md(f.message)}{where}")
                for line, quote in _quotes(f)[:6]:
                    out.append(f"  - line {line}: “{_md(quote)}”")
                if f.data.get("explanation"):
                    out.append(f"  - line {f.data['explanation_line']}: “{_md(f.data['explanation'][:200])}”")
        return "\n".join(out) + "\n"

    def to_html(self) -> str:
        from jinja2 import Environment, select_autoescape

        source = resources.files("esglens.web").joinpath("templates/check_report.html.j2").read_text(encoding="utf-8")
        env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
        env.filters["pct"] = _pct
        env.globals["quotes"] = _quotes
        return env.from_string(source).render(report=self, groups=self.grouped(), counts=self.counts)


def _pct(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.0%}"


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "\\<").replace("|", "\\|").replace("*", "\\*")


def _quotes(finding: Finding) -> list[tuple[int, str]]:
    """(line, quote) of each fact of a finding, each once."""
    seen: list[tuple[int, str]] = []
    for fact in finding.facts:
        item = (fact.get("line"), fact.get("quote") or "")
        if item[1] and item not in seen:
            seen.append(item)
    return seen
