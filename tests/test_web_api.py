"""The REST API and the pages through FastAPI's test client: reads, filters, compare, search, uploads, safety."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import esglens
from esglens.facts import Fact, Finding
from esglens.model import Period
from esglens.store import Library
from esglens.web.app import create_app

# Two companies, one Traditional and one Simplified report, and a later report of the first company that
# restates its 2024 scope 2 figure. Every fact cites the line that prints its value.
REPORT_A_2024 = """甲公司 2024年環境、社會及管治報告

溫室氣體排放
範圍二溫室氣體排放量（噸二氧化碳當量） 1,000 1,200
僱員總數（人） 100
本集團持續推動節能減排。
"""
REPORT_B_2024 = """乙公司 2024年环境、社会及管治报告

温室气体排放
范围二温室气体排放量（吨二氧化碳当量） 3,000
员工总数（人） 600
"""
REPORT_A_2025 = """甲公司 2025年環境、社會及管治報告

溫室氣體排放
範圍二溫室氣體排放量（噸二氧化碳當量） 900 1,050
僱員總數（人） 90 100
"""


def _fact(metric, value, unit, raw, period, line, quote, hkex, dims=None):
    return Fact(metric, value, unit, raw, None, period, line=line, quote=quote, hkex=hkex, dims=dims or {},
                lines=[line])


def _add(lib: Library, folder: Path, name: str, text: str, company: str, period: str, facts, findings=()):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    doc = esglens.parse(path)
    doc.metadata.company = company
    doc.metadata.period = Period(period)
    outcome = lib.add_document(doc, facts, findings, completeness=0.75)
    assert outcome.status == "added", outcome.message
    return outcome.report_id


def build_library(folder: Path) -> dict[str, int]:
    """A library of three small synthetic reports; returns their ids."""
    db_path = folder / "lib.sqlite"
    with Library(db_path) as lib:
        a = _add(lib, folder, "a-2024.txt", REPORT_A_2024, "甲公司", "2024", [
            _fact("ghg_scope2", 1000.0, "tCO2e", "1,000", "2024", 4, "1,000", "A1.2"),
            _fact("ghg_scope2", 1200.0, "tCO2e", "1,200", "2023", 4, "1,200", "A1.2"),
            _fact("employees_total", 100.0, "persons", "100", "2024", 5, "100", "B1.1"),
        ], [
            Finding("yoy.ghg_scope2", "yoy", "info", "Scope 2 fell 16.7% from 2023.", "A1", "A1.2", lines=[4]),
            Finding("arith.ghg_total", "arithmetic", "error", "Scope 1 + 2 does not add up.", "A1", "A1.2", lines=[4]),
            Finding("compl.B2.1", "completeness", "warning", "B2.1 is neither disclosed nor explained.", "B2", "B2.1"),
        ])
        b = _add(lib, folder, "b-2024.txt", REPORT_B_2024, "乙公司", "2024", [
            _fact("ghg_scope2", 3000.0, "tCO2e", "3,000", "2024", 4, "3,000", "A1.2"),
            _fact("employees_total", 600.0, "persons", "600", "2024", 5, "600", "B1.1"),
        ])
        a2 = _add(lib, folder, "a-2025.txt", REPORT_A_2025, "甲公司", "2025", [
            _fact("ghg_scope2", 900.0, "tCO2e", "900", "2025", 4, "900", "A1.2"),
            _fact("ghg_scope2", 1050.0, "tCO2e", "1,050", "2024", 4, "1,050", "A1.2"),
            _fact("employees_total", 90.0, "persons", "90", "2025", 5, "90", "B1.1"),
            _fact("employees_total", 100.0, "persons", "100", "2024", 5, "100", "B1.1"),
        ])
    return {"a": a, "b": b, "a2": a2, "db": str(db_path)}


@pytest.fixture
def lib_ids(tmp_path) -> dict:
    return build_library(tmp_path)


@pytest.fixture
def client(lib_ids) -> TestClient:
    return TestClient(create_app(lib_ids["db"]))


def _pipeline_ready() -> str | None:
    try:
        import esglens.extract  # noqa: F401
    except Exception as exc:
        return f"extraction cannot be imported yet ({exc}): uploads cannot be added"
    return None


# -- reading -------------------------------------------------------------------------------------


def test_list_and_get_reports(client, lib_ids):
    reports = client.get("/api/reports").json()
    assert [(r["company"], r["period"]) for r in reports] == [("乙公司", "2024"), ("甲公司", "2024"), ("甲公司", "2025")]
    one = client.get(f"/api/reports/{lib_ids['a']}").json()
    assert one["filename"] == "a-2024.txt" and one["fact_count"] == 3 and one["finding_count"] == 3
    assert "path" not in one  # the server's file system stays private
    assert [r["id"] for r in client.get("/api/reports", params={"company": "甲公司"}).json()] == [lib_ids["a"], lib_ids["a2"]]


def test_report_facts_carry_bilingual_labels_and_evidence(client, lib_ids):
    facts = client.get(f"/api/reports/{lib_ids['a']}/facts").json()
    scope2 = [f for f in facts if f["metric"] == "ghg_scope2"]
    assert sorted(f["value"] for f in scope2) == [1000.0, 1200.0]
    assert all(f["line"] == 4 and f["hkex"] == "A1.2" for f in scope2)
    assert scope2[0]["label_en"] == "Scope 2 GHG emissions" and "範圍二" in scope2[0]["label_zh"]
    lines = client.get(f"/api/reports/{lib_ids['a']}/lines", params={"start": 3, "end": 5}).json()
    assert [ln["no"] for ln in lines] == [3, 4, 5]
    assert "1,000" in lines[1]["text"]


def test_facts_filter_by_company_metric_and_period(client):
    got = client.get("/api/facts", params={"company": "甲公司", "metric": "ghg_scope2"}).json()
    assert sorted((f["period"], f["value"]) for f in got) == [("2023", 1200.0), ("2024", 1000.0), ("2024", 1050.0),
                                                              ("2025", 900.0)]
    got = client.get("/api/facts", params={"company": "甲公司", "metric": "ghg_scope2", "period": "2023"}).json()
    assert [f["value"] for f in got] == [1200.0]
    everyone = client.get("/api/facts", params={"metric": "employees_total", "period": "2024"}).json()
    assert sorted(f["value"] for f in everyone) == [100.0, 100.0, 600.0]  # 甲 in both its reports


def test_findings_come_worst_first(client, lib_ids):
    got = client.get(f"/api/reports/{lib_ids['a']}/findings").json()
    assert [g["severity"] for g in got] == ["error", "warning", "info"]
    only = client.get(f"/api/reports/{lib_ids['a']}/findings", params={"severity": "info"}).json()
    assert [g["finding_id"] for g in only] == ["yoy.ghg_scope2"]


def test_compare_totals_per_employee_years_and_restatement(client):
    got = client.get("/api/compare", params={"metric": "ghg_scope2"}).json()
    cells = {(r["company"], p): c["value"] for r in got["rows"] for p, c in r["cells"].items()}
    # the later report's restated 2024 value replaces the original
    assert cells == {("甲公司", "2023"): 1200.0, ("甲公司", "2024"): 1050.0, ("甲公司", "2025"): 900.0,
                     ("乙公司", "2024"): 3000.0}
    assert [(r["period"], r["original"]["value"], r["revised"]["value"]) for r in got["restatements"]] == [
        ("2024", 1000.0, 1050.0)]
    per = client.get("/api/compare", params={"metric": "ghg_scope2", "per": "employees", "years": "2024"}).json()
    assert per["periods"] == ["2024"]
    values = {r["company"]: r["cells"]["2024"]["value"] for r in per["rows"]}
    assert values["乙公司"] == pytest.approx(5.0)  # 3,000 t / 600 staff
    assert values["甲公司"] == pytest.approx(10.5)  # restated 1,050 t / the same report's 100 staff of 2024
    span = client.get("/api/compare", params={"metric": "ghg_scope2", "years": "2024:2025"}).json()
    assert span["periods"] == ["2024", "2025"]


@pytest.mark.parametrize("query", ["溫室氣體", "温室气体"])
def test_search_finds_both_scripts(client, lib_ids, query):
    hits = client.get("/api/search", params={"q": query}).json()["hits"]
    found = {(h["report_id"], h["line"]) for h in hits}
    for rid in (lib_ids["a"], lib_ids["b"], lib_ids["a2"]):
        assert (rid, 3) in found and (rid, 4) in found
    heading = next(h for h in hits if h["report_id"] == lib_ids["b"] and h["line"] == 3)
    assert [s["text"] for s in heading["segments"] if s["hit"]] == ["温室气体"]


def test_search_in_a_corpus_report(tmp_path, corpus_file):
    path = corpus_file("medlive-esg-2022.zh-hant.txt")
    db_path = tmp_path / "lib.sqlite"
    with Library(db_path) as lib:
        rid = lib.add_document(esglens.parse(path)).report_id
    client = TestClient(create_app(str(db_path)))
    hits = client.get("/api/search", params={"q": "温室气体排放", "limit": 50}).json()["hits"]
    # line 2024 of the file is the heading "溫室氣體排放" (read in the file)
    assert any(h["report_id"] == rid and h["line"] == 2024 and h["text"] == "溫室氣體排放" for h in hits)
    page = client.get(f"/reports/{rid}/lines", params={"around": 2024})
    assert page.status_code == 200 and 'id="L2024"' in page.text and "溫室氣體排放" in page.text


# -- pages ---------------------------------------------------------------------------------------


def test_pages_render(client, lib_ids):
    overview = client.get("/").text
    assert "甲公司" in overview and "乙公司" in overview and f'href="/reports/{lib_ids["a"]}"' in overview
    report = client.get(f"/reports/{lib_ids['a']}").text
    assert "範圍二溫室氣體排放量" in report and "Scope 2 GHG emissions" in report
    assert report.index("Scope 1 + 2 does not add up.") < report.index("Scope 2 fell 16.7%")  # worst first
    assert '<li value="4" class="main">' in report  # the cited line of the evidence is highlighted
    compare = client.get("/compare", params={"metric": "ghg_scope2", "per": "employees"}).text
    assert 'class="chart bar-chart"' in compare and "<rect" in compare
    search = client.get("/search", params={"q": "溫室氣體"}).text
    assert "<mark>温室气体</mark>" in search and "<mark>溫室氣體</mark>" in search


# -- uploads -------------------------------------------------------------------------------------


def _upload(client, name: str, data: bytes, headers=None, url="/api/reports", **form):
    return client.post(url, files={"file": (name, io.BytesIO(data), "application/octet-stream")}, data=form or None,
                       headers=headers or {})


def test_upload_adds_a_report_and_twice_changes_nothing(client, lib_ids):
    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    first = _upload(client, "../../etc/passwd.txt", REPORT_B_2024.replace("乙公司", "丙公司").encode())
    assert first.status_code == 201, first.text
    report = first.json()["report"]
    assert first.json()["status"] == "added" and report["line_count"] == 5
    # the name is shown as uploaded, without its folders; the file itself is stored under a server-chosen name
    assert report["filename"] == "passwd.txt"
    with Library(lib_ids["db"]) as lib:
        stored = lib.get_report(report["id"])["path"]
    assert ".." not in stored and not stored.endswith("passwd.txt")
    again = _upload(client, "copy.txt", REPORT_B_2024.replace("乙公司", "丙公司").encode())
    assert again.status_code == 200 and again.json()["status"] == "skipped"
    assert again.json()["report"]["id"] == report["id"]


def test_upload_of_a_utf16_text_report_is_accepted(client):
    reason = _pipeline_ready()
    if reason:
        pytest.skip(reason)
    got = _upload(client, "utf16.txt", REPORT_B_2024.replace("乙公司", "丁公司").encode("utf-16"))
    assert got.status_code == 201, got.text
    assert got.json()["report"]["line_count"] == 5


def test_upload_too_big(lib_ids):
    small = TestClient(create_app(lib_ids["db"], max_upload_bytes=1024))
    over_file_limit = _upload(small, "big.txt", ("溫室氣體排放 " * 400).encode())
    assert over_file_limit.status_code == 413 and "1024" not in over_file_limit.json()["error"]
    assert "limit" in over_file_limit.json()["error"]
    over_request_limit = _upload(small, "huge.txt", b"a" * (3 * 1024 * 1024))
    assert over_request_limit.status_code == 413 and "limit" in over_request_limit.json()["error"]


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("report.pdf", b"just some text, no PDF here\n", "not a PDF"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "content is a PDF"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not accepted"),
        ("report.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "binary"),
        ("noext", b"\x00\x01\x02\x03" * 50, "binary"),
        ("empty.txt", b"", "empty"),
    ],
)
def test_upload_wrong_type(client, name, data, problem):
    got = _upload(client, name, data)
    assert got.status_code in (400, 415)
    assert problem in got.json()["error"]
    assert client.get("/api/reports").json().__len__() == 3


def test_upload_form_shows_errors_as_a_page(client):
    got = _upload(client, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00", url="/upload")
    assert got.status_code == 415 and "text/html" in got.headers["content-type"]
    assert 'role="alert"' in got.text and "not accepted" in got.text


def test_writes_need_the_token_when_one_is_configured(lib_ids):
    client = TestClient(create_app(lib_ids["db"], token="s3cret-token"))
    rid = lib_ids["b"]
    assert client.delete(f"/api/reports/{rid}").status_code == 401
    assert client.delete(f"/api/reports/{rid}", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert _upload(client, "x.txt", b"hello\n").status_code == 401
    form = _upload(client, "x.txt", b"hello\n", url="/upload", token="wrong")
    assert form.status_code == 401 and "token" in form.text
    assert client.post(f"/reports/{rid}/delete", data={"token": "nope"}).status_code == 401
    assert client.get(f"/api/reports/{rid}").status_code == 200  # still there; reads need no token
    ok = client.delete(f"/api/reports/{rid}", headers={"Authorization": "Bearer s3cret-token"})
    assert ok.status_code == 200 and ok.json()["removed"]["id"] == rid
    assert client.get(f"/api/reports/{rid}").status_code == 404
    # the right token passes the form's check too (the content is then judged on its own)
    assert _upload(client, "x.png", b"\x89PNG", url="/upload", token="s3cret-token").status_code == 415


def test_writes_from_another_site_are_refused(client, lib_ids):
    got = client.delete(f"/api/reports/{lib_ids['b']}", headers={"Origin": "http://evil.example"})
    assert got.status_code == 403
    got = client.post(f"/reports/{lib_ids['b']}/delete", headers={"Origin": "http://evil.example"})
    assert got.status_code == 403
    assert client.get(f"/api/reports/{lib_ids['b']}").status_code == 200


def test_delete_without_token_on_loopback_and_unknown_id(client, lib_ids):
    assert client.delete(f"/api/reports/{lib_ids['b']}").status_code == 200
    assert client.delete(f"/api/reports/{lib_ids['b']}").status_code == 404
    assert len(client.get("/api/reports").json()) == 2


# -- garbage in, 4xx out -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, url, status",
    [
        ("get", "/api/reports/abc", 422),
        ("get", "/api/reports/0", 422),
        ("get", "/api/reports/-5", 422),
        ("get", "/api/reports/99999999999999999999999", 422),
        ("get", "/api/reports/424242", 404),
        ("get", "/api/reports/424242/facts", 404),
        ("get", "/api/reports/424242/findings", 404),
        ("get", "/api/reports/1/lines?start=10&end=2", 400),
        ("get", "/api/reports/1/findings?severity=fatal", 422),
        ("get", "/api/compare", 422),
        ("get", "/api/compare?metric=ghg_scope2&per=bogus", 422),
        ("get", "/api/compare?metric=ghg_scope2&years=last-year", 422),
        ("get", "/api/search", 422),
        ("get", "/api/search?q=", 422),
        ("get", "/api/search?q=" + "x" * 300, 422),
        ("get", "/api/search?q=abc&limit=0", 422),
        ("get", "/api/facts?limit=-1", 422),
        ("get", "/api/facts?offset=99999999999999999999999", 422),
        ("get", "/api/nothing-here", 404),
        ("get", "/api/reports/..%2F..%2Fetc%2Fpasswd", 404),
        ("get", "/static/..%2Fapp.py", 404),
        ("get", "/static/%2E%2E/%2E%2E/store/db.py", 404),
        ("post", "/api/reports", 422),
        ("delete", "/api/reports/abc", 422),
        ("put", "/api/reports/1", 405),
    ],
)
def test_malformed_requests_get_a_clear_4xx(client, method, url, status):
    got = getattr(client, method)(url)
    assert got.status_code == status
    body = got.json()
    assert body["status"] == status and isinstance(body["error"], str) and body["error"]


def test_search_syntax_characters_are_text_not_fts_operators(client):
    for q in ['"unclosed', "a OR b AND", "NEAR(x y)", "*", "-(^)"]:
        got = client.get("/api/search", params={"q": q})
        assert got.status_code == 200, (q, got.text)


def test_json_body_instead_of_a_form_is_a_4xx(client):
    got = client.post("/api/reports", json={"file": "/etc/passwd"})
    assert got.status_code == 422 and "file" in got.json()["error"]


def test_openapi_lists_the_api_and_docs_need_no_cdn(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/reports", "/api/reports/{report_id}", "/api/reports/{report_id}/facts", "/api/facts",
                 "/api/reports/{report_id}/findings", "/api/compare", "/api/search"):
        assert path in spec["paths"]
    assert set(spec["paths"]["/api/reports"]) == {"get", "post"}
    assert "delete" in spec["paths"]["/api/reports/{report_id}"]
    docs = client.get("/docs").text
    assert "/static/swagger-ui-bundle.js" in docs and "cdn" not in docs
    assert client.get("/static/swagger-ui-bundle.js").status_code == 200


def test_pages_answer_bad_input_with_html_4xx(client):
    got = client.get("/reports/abc", headers={"Accept": "text/html"})
    assert got.status_code == 422 and "<h1>422</h1>" in got.text
    assert client.get("/reports/424242", headers={"Accept": "text/html"}).status_code == 404
    assert client.get("/compare", params={"years": "nope", "metric": "x"}).status_code == 422
    assert client.get("/compare", params={"metric": "ghg_scope2", "per": "x"}).status_code == 422
    assert client.get("/compare", params={"metric": "no_such_metric"}).status_code == 200


@pytest.mark.parametrize(
    "host, local",
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True), ("[::1]", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False)],
)
def test_serve_treats_only_loopback_as_local(host, local):
    from esglens.cli.web_cmd import is_loopback

    assert is_loopback(host) is local


def test_serve_off_loopback_always_has_a_token(tmp_path, monkeypatch):
    import uvicorn
    from typer.testing import CliRunner

    from esglens.cli import _register, app as cli_app

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda web_app, host, port, **kw: served.update(app=web_app, host=host))
    _register()
    out = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "lib.sqlite"), "--host", "0.0.0.0"])
    assert out.exit_code == 0, out.output
    token = served["app"].state.settings.token
    assert token and token in out.output and served["host"] == "0.0.0.0"
    out = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "lib.sqlite")])
    assert out.exit_code == 0 and served["host"] == "127.0.0.1" and served["app"].state.settings.token is None
