"""End to end in headless Chromium: upload through the form, open a fact's evidence, see the comparison chart.

Also takes screenshots of the main pages. They go to a temporary folder, so that running the tests
never changes tracked files; `make screenshots` (ESGLENS_SCREENSHOTS=docs/screenshots) refreshes the
ones the README shows.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from test_web_api import build_library

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# a small report as a user would upload it; line 5 prints the scope 2 figure
UPLOADED = """丙科技有限公司
2024年环境、社会及管治报告

温室气体排放
范围二温室气体排放量（吨二氧化碳当量） 3,000
员工总数（人） 600
"""
CORPUS_TEXTS = ["jdhealth-esg-2024.zh-hant.txt", "medlive-esg-2022.zh-hant.txt", "alihealth-esg-fy2024.zh-hant.txt"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser test skipped")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """uvicorn on a free loopback port in a thread, over a library of synthetic (and corpus) reports."""
    import uvicorn

    from esglens.store import Library
    from esglens.web.app import create_app

    from conftest import CORPUS

    folder = tmp_path_factory.mktemp("web")
    ids = build_library(folder)
    corpus = [CORPUS / n for n in CORPUS_TEXTS if (CORPUS / n).exists()]
    if corpus:  # real reports make the screenshots show what users see
        with Library(ids["db"]) as lib:
            lib.add(corpus)
    port = _free_port()
    config = uvicorn.Config(create_app(ids["db"]), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "ids": ids, "folder": folder, "corpus": bool(corpus)}
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    p = context.new_page()
    p.set_default_timeout(20000)
    yield p
    context.close()


def test_upload_through_the_form_then_open_a_fact(server, page, tmp_path):
    report = tmp_path / "new-report.txt"
    report.write_text(UPLOADED, encoding="utf-8")
    page.goto(server["url"] + "/upload")
    page.set_input_files("input[name=file]", str(report))
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/reports/*?uploaded=added")
    assert "Report added to the library" in page.inner_text("main")
    assert "丙科技有限公司" in page.inner_text("h1")
    fact = page.locator("details.fact", has_text="Scope 2 GHG emissions").first
    fact.locator("summary").click()
    cited = fact.locator(".evidence li.main")
    assert cited.is_visible() and cited.get_attribute("value") == "5" and "3,000" in cited.inner_text()
    # a wrong file is refused with a message on the page, not an error screen
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    page.goto(server["url"] + "/upload")
    page.set_input_files("input[name=file]", str(bad))
    page.click("form.upload button[type=submit]")
    assert "not accepted" in page.inner_text("[role=alert]")


def test_open_a_fact_and_see_its_evidence(server, page):
    page.goto(f"{server['url']}/reports/{server['ids']['a']}")
    fact = page.locator("details.fact", has_text="範圍二溫室氣體排放量").first
    evidence = fact.locator(".evidence")
    assert not evidence.is_visible()
    fact.locator("summary").click()
    assert evidence.is_visible()
    cited = evidence.locator("li.main")
    assert cited.count() == 1
    # line 4 of the report prints the value: 範圍二溫室氣體排放量（噸二氧化碳當量） 1,000 1,200
    assert "1,000" in cited.inner_text() and cited.get_attribute("value") == "4"
    assert evidence.locator("li").count() >= 4  # the lines around it


def test_comparison_chart_is_drawn(server, page):
    page.goto(server["url"] + "/compare?metric=ghg_scope2&per=employees")
    bars = page.locator("svg.bar-chart g.bar rect")
    assert bars.count() >= 2
    assert all(float(bars.nth(i).get_attribute("width")) > 0 for i in range(bars.count()))
    box = page.locator("svg.bar-chart").bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 60  # really laid out, not just in the HTML
    assert page.locator("svg.line-chart polyline").count() >= 1
    # the per-employee toggle changes the numbers: 乙公司 2024 is 3,000 t / 600 staff = 5
    row = page.locator("table.numbers tr", has_text="乙公司").inner_text().split()
    assert "5" in row and "tCO2e/employee" in row


def test_api_docs_work_offline(server, page):
    external = []
    page.on("request", lambda r: external.append(r.url) if not r.url.startswith(server["url"]) else None)
    page.goto(server["url"] + "/docs")
    page.wait_for_selector(".swagger-ui .title")
    assert "esglens" in page.inner_text(".swagger-ui .title")
    assert page.locator(".opblock-summary-path", has_text="/api/compare").count() == 1
    assert external == []  # everything the docs page needs is served by esglens itself


def test_screenshots_of_the_main_pages(server, page, tmp_path):
    wanted = os.environ.get("ESGLENS_SCREENshots")
    shots = (REPO / wanted) if wanted and not Path(wanted).is_absolute() else Path(wanted) if wanted else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    url = server["url"]
    page.goto(url + "/")
    page.screenshot(path=str(shots / "overview.png"), full_page=True)

    report_id = server["ids"]["a"]
    if server["corpus"]:
        link = page.locator("table.list a", has_text="京東健康")
        if link.count():
            report_id = int(link.first.get_attribute("href").rsplit("/", 1)[1])
    page.goto(f"{url}/reports/{report_id}")
    first_fact = page.locator("details.fact").first
    if first_fact.count():
        first_fact.locator("summary").click()
    page.screenshot(path=str(shots / "report.png"), full_page=True, clip=_clip(page))

    page.goto(url + "/compare?metric=ghg_scope2")
    page.screenshot(path=str(shots / "compare.png"), full_page=True)

    page.goto(url + "/search?q=溫室氣體排放")
    page.screenshot(path=str(shots / "search.png"), full_page=True, clip=_clip(page))
    for name in ("overview", "report", "compare", "search"):
        assert (shots / f"{name}.png").stat().st_size > 10_000


def _clip(page) -> dict:
    # long pages are cut to the first two screens: enough to show the page, small enough for a README
    height = min(page.evaluate("document.documentElement.scrollHeight"), 1800)
    return {"x": 0, "y": 0, "width": 1280, "height": height}
