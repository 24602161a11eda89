"""The library's SQLite file: where it lives, how a connection is opened, and the schema migrations."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import platformdirs

DB_ENV = "ESGLENS_DB"
DB_FILENAME = "library.sqlite"

# Each entry upgrades the schema by one version (PRAGMA user_version); never edit a shipped entry,
# append a new one, so existing libraries are upgraded in place.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE reports (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        filename TEXT NOT NULL,
        format TEXT NOT NULL,
        title TEXT,
        company TEXT,
        company_key TEXT NOT NULL DEFAULT '',
        period TEXT,
        period_start TEXT,
        period_end TEXT,
        fiscal INTEGER NOT NULL DEFAULT 0,
        language TEXT,
        script TEXT,
        standards TEXT NOT NULL DEFAULT '[]',
        hkex_code_version TEXT,
        pages INTEGER,
        line_count INTEGER NOT NULL DEFAULT 0,
        fact_count INTEGER NOT NULL DEFAULT 0,
        finding_count INTEGER NOT NULL DEFAULT 0,
        completeness REAL,
        warnings TEXT NOT NULL DEFAULT '[]',
        added_at TEXT NOT NULL
    );
    CREATE INDEX reports_company ON reports(company_key, period);

    CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        no INTEGER NOT NULL,
        page INTEGER,
        role TEXT NOT NULL,
        text TEXT NOT NULL,
        match TEXT NOT NULL,
        UNIQUE (report_id, no)
    );

    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        metric TEXT NOT NULL,
        hkex TEXT,
        gri TEXT,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        raw_value TEXT,
        raw_unit TEXT,
        period TEXT NOT NULL,
        period_start TEXT,
        period_end TEXT,
        dims TEXT NOT NULL DEFAULT '{}',
        dims_key TEXT NOT NULL DEFAULT '',
        page INTEGER,
        line INTEGER NOT NULL DEFAULT 0,
        quote TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT 'table',
        confidence REAL NOT NULL DEFAULT 1.0,
        qualifier TEXT,
        derived INTEGER NOT NULL DEFAULT 0,
        label TEXT,
        lines TEXT NOT NULL DEFAULT '[]',
        table_id INTEGER
    );
    CREATE INDEX facts_metric ON facts(metric, dims_key, period, derived, report_id, value);
    CREATE INDEX facts_report ON facts(report_id, metric, period, dims_key);

    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        message TEXT NOT NULL,
        aspect TEXT,
        provision TEXT,
        status TEXT,
        facts TEXT NOT NULL DEFAULT '[]',
        lines TEXT NOT NULL DEFAULT '[]',
        data TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX findings_report ON findings(report_id);

    -- rowid = lines.id; tokens = the line's matching form cut by jieba, space separated
    CREATE VIRTUAL TABLE line_search USING fts5(tokens);
    """,
]


def default_path() -> Path:
    """``$ESGLENS_DB`` when set, else ``library.sqlite`` in the user's data directory."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("esglens")) / DB_FILENAME


def connect(path: str | Path | None = None) -> sqlite3.Connection:
    """Open (creating and migrating when needed) the library file.

    The connection is in autocommit mode: writers open their own ``BEGIN IMMEDIATE`` transaction so
    that one report's rows land together or not at all.
    """
    db_path = Path(path).expanduser() if path is not None else default_path()
    if str(db_path) != ":memory:":
        db_path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(db_path), isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA busy_timeout=10000")
    migrate(conn)
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to the newest version; returns that version."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {int(number)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    # executescript() would commit behind our back; split on complete statements instead.
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
