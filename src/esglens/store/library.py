"""The library: many reports in one SQLite file, and the importable API over it.

    from esglens.store import Library
    with Library("reports.sqlite") as lib:
        result = lib.add(["reports/"], workers=2)
        lib.compare("ghg_scope2", per="employees", years=(2022, 2024))
        lib.search("溫室氣體")

The CLI, the web app and the REST API are thin layers over this class.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..facts import Fact, Finding
from ..model import Document
from . import compare as compare_mod
from . import db, search
from .prepare import PreparedReport, PrepareFailure, company_key, dims_key, prepare_document, prepare_file

REPORT_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".html", ".htm"}
NOT_REPORTS = {"readme", "license", "licence", "changelog"}


@dataclass
class FileOutcome:
    path: str
    status: str  # "added" | "skipped" | "failed"
    message: str = ""
    report_id: int | None = None


@dataclass
class AddResult:
    added: list[FileOutcome] = field(default_factory=list)
    skipped: list[FileOutcome] = field(default_factory=list)
    failed: list[FileOutcome] = field(default_factory=list)

    def record(self, outcome: FileOutcome) -> None:
        getattr(self, outcome.status).append(outcome)

    @property
    def done(self) -> int:
        return len(self.added) + len(self.skipped) + len(self.failed)


@dataclass
class AddEvent:
    """Sent to ``progress`` after each file: what happened to it and how far the batch is."""

    outcome: FileOutcome
    done: int
    total: int


@dataclass
class SearchHit:
    report_id: int
    company: str | None
    period: str | None
    filename: str
    page: int | None
    line: int
    text: str
    highlighted: search.Highlighted
    score: float  # bm25: lower is better


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileOutcome]]:
    """The report files named by ``paths`` (folders searched recursively), and the paths that are not there."""
    files: list[Path] = []
    missing: list[FileOutcome] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if _looks_like_report(f)))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(FileOutcome(str(p), "failed", "no such file or folder"))
    unique = list(dict.fromkeys(f.resolve() for f in files))
    return unique, missing


def _looks_like_report(path: Path) -> bool:
    # A folder's README / LICENSE describes the folder; a file named on the command line is always taken.
    return (
        path.is_file()
        and path.suffix.lower() in REPORT_SUFFIXES
        and path.stem.lower() not in NOT_REPORTS
        and not path.name.startswith(".")
    )


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Library:
    """One SQLite library file. Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else db.default_path()
        self.conn = db.connect(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- adding -------------------------------------------------------------------------------

    def add(
        self,
        paths: Iterable[str | Path],
        workers: int = 1,
        progress: Callable[[AddEvent], None] | None = None,
    ) -> AddResult:
        """Ingest, extract and check report files (or folders of them) into the library.

        A file whose content is already in the library is skipped; a file that cannot be read is
        reported in ``failed`` and the rest go on. Parsing runs in ``workers`` processes (1 = in this
        process); every write happens here, one transaction per report.
        """
        if isinstance(paths, (str, Path)):
            paths = [paths]
        files, missing = collect_files(paths)
        result = AddResult()
        total = len(files) + len(missing)

        def done(outcome: FileOutcome) -> None:
            result.record(outcome)
            if progress:
                progress(AddEvent(outcome, result.done, total))

        for outcome in missing:
            done(outcome)
        todo = self._new_files(files, done)
        if workers <= 1 or len(todo) <= 1:
            for path, sha in todo:
                done(self._store(prepare_file(str(path)), sha))
        else:
            self._add_parallel(todo, workers, done)
        return result

    def _new_files(self, files: list[Path], done: Callable[[FileOutcome], None]) -> list[tuple[Path, str]]:
        todo: list[tuple[Path, str]] = []
        seen: set[str] = set()
        for path in files:
            try:
                sha = file_sha256(path)
            except OSError as exc:
                done(FileOutcome(str(path), "failed", f"cannot be read ({exc.strerror or exc})"))
                continue
            existing = self.conn.execute("SELECT id FROM reports WHERE sha256 = ?", (sha,)).fetchone()
            if existing or sha in seen:
                rid = existing["id"] if existing else None
                done(FileOutcome(str(path), "skipped", "already in the library", rid))
                continue
            seen.add(sha)
            todo.append((path, sha))
        return todo

    def _add_parallel(self, todo: list[tuple[Path, str]], workers: int, done: Callable[[FileOutcome], None]) -> None:
        pool = ProcessPoolExecutor(max_workers=workers)
        try:
            futures = {pool.submit(prepare_file, str(path)): (path, sha) for path, sha in todo}
            for future in as_completed(futures):
                path, sha = futures[future]
                try:
                    prepared = future.result()
                except Exception as exc:  # a worker died (out of memory, killed): that file fails
                    prepared = PrepareFailure(str(path), f"worker failed ({type(exc).__name__}: {exc})")
                done(self._store(prepared, sha))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()

    def _store(self, prepared: PreparedReport | PrepareFailure, sha: str | None = None) -> FileOutcome:
        if isinstance(prepared, PrepareFailure):
            return FileOutcome(prepared.path, "failed", prepared.message)
        if sha:
            # the hash the skip test used, so a second add of the same bytes is always recognised
            prepared.sha256 = sha
        try:
            report_id = write_report(self.conn, prepared)
        except sqlite3.IntegrityError as exc:
            row = self.conn.execute("SELECT id FROM reports WHERE sha256 = ?", (prepared.sha256,)).fetchone()
            if row is None:  # a constraint other than the content hash: bad data, not a duplicate
                return FileOutcome(prepared.path, "failed", f"could not be stored ({exc})")
            return FileOutcome(prepared.path, "skipped", "already in the library", row["id"])
        except Exception as exc:  # bad data in one report must not stop the batch
            return FileOutcome(prepared.path, "failed", f"could not be stored ({exc})")
        return FileOutcome(prepared.path, "added", "", report_id)

    def add_document(
        self,
        doc: Document,
        facts: Iterable[Fact] = (),
        findings: Iterable[Finding] = (),
        completeness: float | None = None,
    ) -> FileOutcome:
        """Store an already parsed document with the given facts and findings (no extraction run)."""
        return self._store(prepare_document(doc, facts, findings, completeness))

    # -- reports ------------------------------------------------------------------------------

    def list_reports(self, company: str | None = None, partial: bool = False) -> list[dict[str, Any]]:
        """Reports, by company then period; ``company`` matches the normalised name (or part of it)."""
        sql = "SELECT * FROM reports"
        args: list[Any] = []
        if company and partial:
            sql += " WHERE instr(company_key, ?) > 0"
            args.append(company_key(company))
        elif company:
            sql += " WHERE company_key = ?"
            args.append(company_key(company))
        sql += " ORDER BY company_key, period, id"
        return [_report_dict(r) for r in self.conn.execute(sql, args)]

    def get_report(self, ref: str | int) -> dict[str, Any] | None:
        """A report by id, sha256 (or a prefix of 6+ hex digits), file name or path."""
        text = str(ref).strip()
        row = None
        if text.isdigit():
            row = self.conn.execute("SELECT * FROM reports WHERE id = ?", (int(text),)).fetchone()
        if row is None and len(text) >= 6 and all(c in "0123456789abcdefABCDEF" for c in text):
            rows = self.conn.execute(
                "SELECT * FROM reports WHERE sha256 >= ? AND sha256 < ? LIMIT 2", (text.lower(), text.lower() + "g")
            ).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            row = self.conn.execute(
                "SELECT * FROM reports WHERE path = ? OR filename = ? ORDER BY id DESC LIMIT 1",
                (str(Path(text).expanduser().resolve()), text),
            ).fetchone()
        return _report_dict(row) if row else None

    def companies(self) -> list[dict[str, Any]]:
        """Each company (grouped by its normalised name) with its periods and report count."""
        rows = self.conn.execute(
            """SELECT company_key, MAX(company) AS company, COUNT(*) AS reports,
                      GROUP_CONCAT(DISTINCT period) AS periods, AVG(completeness) AS completeness
               FROM reports WHERE company_key != '' GROUP BY company_key ORDER BY company_key"""
        ).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["periods"] = sorted((r["periods"] or "").split(",")) if r["periods"] else []
            out.append(d)
        return out

    def set_filename(self, report_id: int, name: str) -> None:
        """The file name shown for a report (an upload's original name; the stored path is unchanged)."""
        with self.conn:
            self.conn.execute("UPDATE reports SET filename = ? WHERE id = ?", (name, report_id))

    def remove(self, ref: str | int) -> dict[str, Any] | None:
        """Delete a report and everything stored for it; returns the removed report, or None."""
        report = self.get_report(ref)
        if report is None:
            return None
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(
                "DELETE FROM line_search WHERE rowid IN (SELECT id FROM lines WHERE report_id = ?)", (report["id"],)
            )
            self.conn.execute("DELETE FROM reports WHERE id = ?", (report["id"],))
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return report

    def lines(self, report_id: int, start: int = 1, end: int | None = None) -> list[dict[str, Any]]:
        """Lines ``start..end`` (inclusive, 1-based ``no``) of a report, e.g. the evidence around a fact."""
        rows = self.conn.execute(
            "SELECT no, page, role, text FROM lines WHERE report_id = ? AND no >= ? AND no <= ? ORDER BY no",
            (report_id, start, end if end is not None else 2**62),
        )
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        """How many rows each table holds (reports, lines, facts, findings, indexed lines)."""
        return {
            t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]  # table names are constants
            for t in ("reports", "lines", "facts", "findings", "line_search")
        }

    # -- facts and findings -------------------------------------------------------------------

    def facts(
        self,
        company: str | None = None,
        metric: str | None = None,
        period: str | None = None,
        report: int | None = None,
        totals_only: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Facts with their report's identity and evidence, filtered; ``metric`` may end in ``*``."""
        where, args = _fact_filters(company, metric, period, report)
        if totals_only:
            where.append("f.dims_key = ''")
        sql = (
            "SELECT f.*, r.company, r.company_key, r.period AS report_period, r.path AS report_path, "
            "r.filename AS report_filename, r.sha256 FROM facts f JOIN reports r ON r.id = f.report_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY r.company_key, f.report_id, f.metric, f.period, f.dims_key, f.id"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [int(limit), int(offset)]
        return [_fact_dict(r) for r in self.conn.execute(sql, args)]

    def findings(
        self, report: int | None = None, company: str | None = None, severity: str | None = None
    ) -> list[dict[str, Any]]:
        where, args = [], []
        if report is not None:
            where.append("g.report_id = ?")
            args.append(int(report))
        if company:
            where.append("instr(r.company_key, ?) > 0")
            args.append(company_key(company))
        if severity:
            where.append("g.severity = ?")
            args.append(severity)
        sql = (
            "SELECT g.*, r.company, r.period AS report_period, r.path AS report_path, "
            "r.filename AS report_filename, r.sha256 FROM findings g JOIN reports r ON r.id = g.report_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY g.report_id, g.id"
        )
        out = []
        for r in self.conn.execute(sql, args):
            d = dict(r)
            for k in ("facts", "lines", "data"):
                d[k] = json.loads(d[k])
            out.append(d)
        return out

    # -- analysis -----------------------------------------------------------------------------

    def compare(
        self, metric: str, per: str | None = None, years: tuple[int, int] | Sequence[int] | None = None,
        basis: str | None = None,
    ) -> compare_mod.Comparison:
        """Companies x periods of a metric's totals; see :func:`esglens.store.compare.compare`."""
        return compare_mod.compare(self.conn, metric, per=per, years=years, basis=basis)

    def restatements(self, metric: str | None = None, company: str | None = None) -> list[compare_mod.Restatement]:
        """Values of one company, metric, period and breakdown that differ between two reports."""
        return compare_mod.restatements(self.conn, metric=metric, company=company_key(company) if company else None)

    def search(
        self, query: str, limit: int = 20, company: str | None = None, report: int | None = None
    ) -> list[SearchHit]:
        """Lines matching every word of ``query`` (any script, or English), best first (bm25)."""
        match = search.fts_query(query)
        if match is None:
            return []
        cols = "l.report_id, l.no, l.page, l.text, r.company, r.period, r.filename"
        if company is None and report is None:
            # rank inside FTS5 first, so only the returned lines are joined
            sql = (
                f"SELECT {cols}, hits.score FROM (SELECT rowid AS id, rank AS score FROM line_search "
                f"WHERE line_search MATCH ? ORDER BY rank LIMIT ?) hits "
                "JOIN lines l ON l.id = hits.id JOIN reports r ON r.id = l.report_id ORDER BY hits.score"
            )
            args: list[Any] = [match, int(limit)]
        else:
            sql = (
                f"SELECT {cols}, line_search.rank AS score FROM line_search "
                "JOIN lines l ON l.id = line_search.rowid JOIN reports r ON r.id = l.report_id "
                "WHERE line_search MATCH ?"
            )
            args = [match]
            if company:
                sql += " AND instr(r.company_key, ?) > 0"
                args.append(company_key(company))
            if report is not None:
                sql += " AND l.report_id = ?"
                args.append(int(report))
            sql += " ORDER BY line_search.rank LIMIT ?"
            args.append(int(limit))
        terms = search.query_terms(query)
        return [
            SearchHit(
                report_id=r["report_id"], company=r["company"], period=r["period"], filename=r["filename"],
                page=r["page"], line=r["no"], text=r["text"], highlighted=search.highlight(r["text"], terms),
                score=r["score"],
            )
            for r in self.conn.execute(sql, args)
        ]


def _fact_filters(company, metric, period, report) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if company:
        where.append("instr(r.company_key, ?) > 0")
        args.append(company_key(company))
    if metric:
        if metric.endswith("*"):
            where.append("f.metric LIKE ? ESCAPE '\\'")
            args.append(metric[:-1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        else:
            where.append("f.metric = ?")
            args.append(metric)
    if period:
        where.append("f.period = ?")
        args.append(str(period))
    if report is not None:
        where.append("f.report_id = ?")
        args.append(int(report))
    return where, args


def _report_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["standards"] = json.loads(d["standards"])
    d["warnings"] = json.loads(d["warnings"])
    d["fiscal"] = bool(d["fiscal"])
    return d


def _fact_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["dims"] = json.loads(d["dims"])
    d["lines"] = json.loads(d["lines"])
    d["derived"] = bool(d["derived"])
    d["table"] = d.pop("table_id")
    return d


# -- writing one report: one transaction --------------------------------------------------------


def write_report(conn: sqlite3.Connection, prepared: PreparedReport) -> int:
    """Insert a prepared report with its lines, search index, facts and findings, all or nothing.

    Any exception, KeyboardInterrupt included, rolls the whole report back and is re-raised.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        report_id = _insert_report(conn, prepared)
        _insert_lines(conn, report_id, prepared)
        _insert_facts(conn, report_id, prepared)
        _insert_findings(conn, report_id, prepared)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return report_id


def _insert_report(conn: sqlite3.Connection, p: PreparedReport) -> int:
    cur = conn.execute(
        """INSERT INTO reports (sha256, path, filename, format, title, company, company_key, period,
               period_start, period_end, fiscal, language, script, standards, hkex_code_version, pages,
               line_count, fact_count, finding_count, completeness, warnings, added_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            p.sha256, p.path, p.filename, p.format, p.title, p.company, p.company_key, p.period,
            p.period_start, p.period_end, int(p.fiscal), p.language, p.script,
            json.dumps(p.standards, ensure_ascii=False), p.hkex_code_version, p.pages, len(p.lines),
            len(p.facts), len(p.findings), p.completeness, json.dumps(p.warnings, ensure_ascii=False),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
    )
    return int(cur.lastrowid)


def _insert_lines(conn: sqlite3.Connection, report_id: int, p: PreparedReport) -> None:
    # Ids are assigned here (the write lock is held) so the search rows can share them as rowids.
    first = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM lines").fetchone()[0]
    conn.executemany(
        "INSERT INTO lines (id, report_id, no, page, role, text, match) VALUES (?, ?, ?, ?, ?, ?, ?)",
        ((first + i, report_id, ln.no, ln.page, ln.role, ln.text, ln.match) for i, ln in enumerate(p.lines)),
    )
    conn.executemany(
        "INSERT INTO line_search (rowid, tokens) VALUES (?, ?)",
        ((first + i, ln.tokens) for i, ln in enumerate(p.lines) if ln.tokens),
    )


def _insert_facts(conn: sqlite3.Connection, report_id: int, p: PreparedReport) -> None:
    conn.executemany(
        """INSERT INTO facts (report_id, metric, hkex, gri, value, unit, raw_value, raw_unit, period,
               period_start, period_end, dims, dims_key, page, line, quote, source, confidence, qualifier,
               derived, label, lines, table_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                report_id, f["metric"], f.get("hkex"), f.get("gri"), float(f["value"]), f["unit"],
                f.get("raw_value"), f.get("raw_unit"), str(f["period"]), f.get("period_start"),
                f.get("period_end"), json.dumps(f.get("dims") or {}, ensure_ascii=False),
                dims_key(f.get("dims")), f.get("page"), int(f.get("line") or 0), f.get("quote") or "",
                f.get("source") or "table", float(f.get("confidence", 1.0)), f.get("qualifier"),
                int(bool(f.get("derived"))), f.get("label"), json.dumps(f.get("lines") or []), f.get("table"),
            )
            for f in p.facts
        ),
    )


def _insert_findings(conn: sqlite3.Connection, report_id: int, p: PreparedReport) -> None:
    conn.executemany(
        """INSERT INTO findings (report_id, finding_id, rule, severity, message, aspect, provision, status,
               facts, lines, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                report_id, g["id"], g["rule"], g["severity"], g["message"], g.get("aspect"), g.get("provision"),
                g.get("status"), json.dumps(g.get("facts") or [], ensure_ascii=False, default=str),
                json.dumps(g.get("lines") or []), json.dumps(g.get("data") or {}, ensure_ascii=False, default=str),
            )
            for g in p.findings
        ),
    )
