"""Read-only summaries the pages need that the library does not offer yet (parameterised SQL over its tables)."""

from __future__ import annotations

from ..store import Library


def reported_metrics(lib: Library) -> list[tuple[str, int]]:
    """Each metric stated as a total somewhere in the library, with how many reports state it."""
    rows = lib.conn.execute(
        "SELECT metric, COUNT(DISTINCT report_id) AS n FROM facts WHERE dims_key = '' GROUP BY metric"
    ).fetchall()
    return [(r["metric"], r["n"]) for r in rows]


def reported_years(lib: Library) -> list[int]:
    """The years of the periods facts are stated for (for the comparison's year pickers)."""
    rows = lib.conn.execute("SELECT DISTINCT period FROM facts WHERE dims_key = ''").fetchall()
    years = set()
    for r in rows:
        digits = "".join(ch for ch in r["period"] if ch.isdigit())
        if len(digits) == 4:
            years.add(int(digits))
    return sorted(years)


COMPLETENESS_RULE = "hkex.completeness"  # the check stage's rule id for comply-or-explain status findings


def completeness_scores(lib: Library, report_id: int | None = None) -> dict[int, float]:
    """Share of HKEX provisions disclosed or explained, per report, from the stored completeness findings.

    The check stage scores completeness the same way; the pages use this when the library stored no score.
    """
    sql = (
        "SELECT report_id, SUM(status IN ('disclosed', 'explained')) AS met, COUNT(*) AS n "
        "FROM findings WHERE rule = ?"
    )
    args: list = [COMPLETENESS_RULE]
    if report_id is not None:
        sql += " AND report_id = ?"
        args.append(int(report_id))
    rows = lib.conn.execute(sql + " GROUP BY report_id", args).fetchall()
    return {r["report_id"]: round(r["met"] / r["n"], 3) for r in rows if r["n"]}


def with_completeness(lib: Library, reports: list[dict]) -> list[dict]:
    """The reports, each with a completeness score (the stored one, else the one from its findings)."""
    missing = [r for r in reports if r.get("completeness") is None]
    if missing:
        scores = completeness_scores(lib, missing[0]["id"] if len(reports) == 1 else None)
        for r in missing:
            r["completeness"] = scores.get(r["id"])
    return reports
