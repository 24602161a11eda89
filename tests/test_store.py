"""The library file: adding reports (idempotent, one transaction each, bad files skipped), removing, lookups."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import esglens
from esglens.facts import Fact
from esglens.model import Period
from esglens.store import Library, company_key, db
from esglens.store import library as library_mod

TEXT_REPORTS = [
    "alihealth-esg-fy2024.zh-hant.txt",
    "jdhealth-esg-2024.zh-hant.txt",
    "medlive-esg-2022.zh-hant.txt",
    "jdhealth-results-2021-news.zh-hans.md",
]


def _line_count(path: Path) -> int:
    return len(path.read_text("utf-8").splitlines())


@pytest.fixture
def corpus_texts(corpus_file) -> list[Path]:
    return [corpus_file(name) for name in TEXT_REPORTS]


def _synthetic(tmp_path: Path, name: str, body: str, company: str, period: str):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    doc = esglens.parse(path)
    doc.metadata.company = company
    doc.metadata.period = Period(period)
    return doc


def test_new_library_has_schema_wal_and_foreign_keys(tmp_path):
    with Library(tmp_path / "lib.sqlite") as lib:
        assert lib.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert lib.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)
        assert lib.counts() == {"reports": 0, "lines": 0, "facts": 0, "findings": 0, "line_search": 0}
    # reopening does not migrate twice
    with Library(tmp_path / "lib.sqlite") as lib:
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == len(db.MIGRATIONS)


def test_default_path_follows_env(tmp_path, monkeypatch):
    monkeypatch.setenv("ESGLENS_DB", str(tmp_path / "x" / "env.sqlite"))
    assert db.default_path() == tmp_path / "x" / "env.sqlite"
    with Library() as lib:
        assert lib.path == tmp_path / "x" / "env.sqlite"
    assert (tmp_path / "x" / "env.sqlite").exists()


def test_corpus_round_trip_add_twice_changes_nothing(tmp_path, corpus_texts):
    with Library(tmp_path / "lib.sqlite") as lib:
        first = lib.add(corpus_texts)
        assert [o.message for o in first.failed] == []
        assert len(first.added) == len(corpus_texts)
        counts = lib.counts()
        second = lib.add(corpus_texts)
        assert second.added == [] and second.failed == []
        assert len(second.skipped) == len(corpus_texts)
        assert lib.counts() == counts
        for path in corpus_texts:
            report = lib.get_report(path.name)
            assert report is not None and report["sha256"] == library_mod.file_sha256(path)
            if path.suffix == ".txt":  # text exports: one stored line per line of the file
                assert report["line_count"] == _line_count(path)
                assert len(lib.lines(report["id"])) == _line_count(path)


def test_same_file_in_one_batch_and_folder_readme_are_not_added_twice(tmp_path, corpus_file):
    folder = tmp_path / "reports"
    folder.mkdir()
    src = corpus_file("medlive-esg-2022.zh-hant.txt")
    shutil.copy(src, folder / "a.txt")
    shutil.copy(src, folder / "b.txt")
    (folder / "README.md").write_text("# my reports\n", encoding="utf-8")
    with Library(tmp_path / "lib.sqlite") as lib:
        result = lib.add([folder])
        assert len(result.added) == 1 and len(result.skipped) == 1
        assert lib.counts()["reports"] == 1


def test_modified_file_is_a_new_report(tmp_path, corpus_file):
    copy = tmp_path / "report.txt"
    shutil.copy(corpus_file("medlive-esg-2022.zh-hant.txt"), copy)
    with Library(tmp_path / "lib.sqlite") as lib:
        assert len(lib.add([copy]).added) == 1
        with copy.open("a", encoding="utf-8") as fh:
            fh.write("\n修訂版\n")
        assert len(lib.add([copy]).added) == 1
        assert lib.counts()["reports"] == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_bad_files_are_reported_and_the_rest_land(tmp_path, corpus_file, workers):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(corpus_file("medlive-esg-2022.zh-hant.txt"), folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not a pdf \x00\x01\x02")
    with Library(tmp_path / "lib.sqlite") as lib:
        result = lib.add([folder, tmp_path / "missing.txt"], workers=workers)
        assert [Path(o.path).name for o in result.added] == ["good.txt"]
        failed = {Path(o.path).name: o.message for o in result.failed}
        assert set(failed) == {"empty.txt", "broken.pdf", "missing.txt"}
        assert all(failed.values())  # every failure says what went wrong
        assert lib.counts()["reports"] == 1


def test_interrupted_write_leaves_no_partial_report(tmp_path, corpus_file, monkeypatch):
    src = corpus_file("medlive-esg-2022.zh-hant.txt")

    def interrupt(conn, report_id, prepared):  # after the report row and its lines are written
        assert conn.execute("SELECT COUNT(*) FROM lines WHERE report_id = ?", (report_id,)).fetchone()[0] > 0
        raise KeyboardInterrupt

    with Library(tmp_path / "lib.sqlite") as lib:
        monkeypatch.setattr(library_mod, "_insert_facts", interrupt)
        with pytest.raises(KeyboardInterrupt):
            lib.add([src])
        assert lib.counts() == {"reports": 0, "lines": 0, "facts": 0, "findings": 0, "line_search": 0}
        monkeypatch.undo()
        assert len(lib.add([src]).added) == 1


def test_failure_while_writing_one_report_rolls_it_back_and_the_batch_goes_on(tmp_path, corpus_file, monkeypatch):
    bad = corpus_file("medlive-esg-2022.zh-hant.txt")
    good = corpus_file("alihealth-esg-fy2024.zh-hant.txt")
    real = library_mod._insert_facts

    def fail_for_bad(conn, report_id, prepared):
        if prepared.filename == bad.name:
            raise RuntimeError("disk hiccup")
        real(conn, report_id, prepared)

    monkeypatch.setattr(library_mod, "_insert_facts", fail_for_bad)
    with Library(tmp_path / "lib.sqlite") as lib:
        result = lib.add([bad, good])
        assert [Path(o.path).name for o in result.failed] == [bad.name]
        assert "disk hiccup" in result.failed[0].message
        assert [Path(o.path).name for o in result.added] == [good.name]
        (only,) = lib.list_reports()
        assert only["filename"] == good.name
        assert lib.counts()["lines"] == _line_count(good)


def test_two_workers_store_the_same_as_one(tmp_path, corpus_texts):
    with Library(tmp_path / "one.sqlite") as one, Library(tmp_path / "two.sqlite") as two:
        r1 = one.add(corpus_texts, workers=1)
        r2 = two.add(corpus_texts, workers=2)
        assert len(r1.added) == len(r2.added) == len(corpus_texts)
        assert one.counts() == two.counts()
        assert {r["sha256"] for r in one.list_reports()} == {r["sha256"] for r in two.list_reports()}


def test_add_document_with_facts_and_remove_everything(tmp_path):
    doc = _synthetic(tmp_path, "r.txt", "溫室氣體排放\n範圍二 1,234 噸\n", "綠源科技有限公司", "2024")
    fact = Fact("ghg_scope2", 1234.0, "tCO2e", "1,234", "噸", "2024", line=2, quote="1,234", dims={})
    with Library(tmp_path / "lib.sqlite") as lib:
        outcome = lib.add_document(doc, [fact])
        assert outcome.status == "added"
        assert lib.add_document(doc, [fact]).status == "skipped"
        (stored,) = lib.facts(company="绿源科技")
        assert (stored["value"], stored["line"], stored["quote"], stored["dims"]) == (1234.0, 2, "1,234", {})
        assert lib.remove(outcome.report_id)["id"] == outcome.report_id
        assert lib.counts() == {"reports": 0, "lines": 0, "facts": 0, "findings": 0, "line_search": 0}
        assert lib.remove(outcome.report_id) is None


def test_get_report_by_id_hash_prefix_and_name(tmp_path):
    doc = _synthetic(tmp_path, "green-2024.txt", "報告\n", "Green Co", "2024")
    with Library(tmp_path / "lib.sqlite") as lib:
        rid = lib.add_document(doc).report_id
        assert lib.get_report(rid)["id"] == rid
        assert lib.get_report(str(rid))["id"] == rid
        assert lib.get_report(doc.sha256[:8])["id"] == rid
        assert lib.get_report("green-2024.txt")["id"] == rid
        assert lib.get_report("nothing-like-it") is None


def test_company_key_groups_scripts_punctuation_and_legal_forms():
    assert company_key("綠源科技控股有限公司") == company_key("绿源科技") == "绿源科技"
    assert company_key("Green Source Holdings Ltd.") == company_key("green source") == "greensource"
    assert company_key("Green-Source International Limited") == "greensource"
    assert company_key(None) == ""
    assert company_key("Limited") == "limited"  # never stripped to nothing


def test_library_rejects_a_file_that_is_not_sqlite(tmp_path):
    bogus = tmp_path / "not.sqlite"
    bogus.write_bytes(b"hello, this is text" * 100)
    with pytest.raises(sqlite3.DatabaseError):
        Library(bogus)
