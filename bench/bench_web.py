"""Benchmark of the web app: server response times of the main pages and API endpoints.

    .venv/bin/python bench/bench_web.py [--corpus DIR] [--copies 0] [--runs 21] [--db PATH]

Builds a library from the corpus (plus ``--copies`` perturbed copies of its text reports, made as in
bench_library.py), serves it with uvicorn on a free loopback port and times each URL with httpx:
median and 90th percentile over ``--runs`` requests after one warm-up request (the first search
loads jieba's dictionary; its cold time is printed separately). ``--db`` keeps the library in that file
and reuses it when it exists, so a large library is built once.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402

from esglens.store import Library  # noqa: E402
from esglens.web.app import create_app  # noqa: E402

MAX_RUNS = 200


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(corpus: Path, work: Path, copies: int, db_path: Path | None = None) -> Path:
    if db_path is not None and db_path.exists():
        with Library(db_path) as lib:
            print(f"library: reusing {db_path}; {lib.counts()}")
        return db_path
    db_path = db_path or work / "web.sqlite"
    paths = [corpus]
    if copies:
        from bench_library import make_copies

        folder = work / "copies"
        folder.mkdir()
        make_copies(corpus, folder, copies)
        paths.append(folder)
    with Library(db_path) as lib:
        t = time.perf_counter()
        result = lib.add(paths, workers=2)
        print(f"library: {len(result.added)} reports added ({len(result.failed)} failed) in "
              f"{time.perf_counter() - t:.1f} s; {lib.counts()}")
    return db_path


def urls(db_path: Path) -> list[tuple[str, str]]:
    with Library(db_path) as lib:
        reports = lib.list_reports()
        biggest = max(reports, key=lambda r: r["fact_count"])
        some_line = next((f["line"] for f in lib.facts(report=biggest["id"], limit=1)), 1)
    rid = biggest["id"]
    return [
        ("page  overview /", "/"),
        (f"page  report ({biggest['fact_count']} facts, {biggest['finding_count']} findings)", f"/reports/{rid}"),
        ("page  report lines (evidence)", f"/reports/{rid}/lines?around={some_line}"),
        ("page  compare ghg_total", "/compare?metric=ghg_total"),
        ("page  compare ghg_scope2 per employee", "/compare?metric=ghg_scope2&per=employees"),
        ("page  search 溫室氣體排放", "/search?q=溫室氣體排放"),
        ("page  upload form", "/upload"),
        ("api   GET /api/reports", "/api/reports"),
        ("api   GET /api/reports/{id}", f"/api/reports/{rid}"),
        ("api   GET /api/reports/{id}/facts", f"/api/reports/{rid}/facts"),
        ("api   GET /api/reports/{id}/findings", f"/api/reports/{rid}/findings"),
        ("api   GET /api/facts?metric=ghg_scope2", "/api/facts?metric=ghg_scope2"),
        ("api   GET /api/compare ghg_scope2 per employee", "/api/compare?metric=ghg_scope2&per=employees"),
        ("api   GET /api/search 温室气体", "/api/search?q=温室气体"),
        ("api   GET /api/search scope 2 emissions", "/api/search?q=scope%202%20emissions"),
    ]


def time_url(client: httpx.Client, url: str, runs: int) -> tuple[float, float, int, int]:
    times, size, status = [], 0, 0
    client.get(url)  # warm-up
    for _ in range(runs):
        t = time.perf_counter()
        r = client.get(url)
        times.append(time.perf_counter() - t)
        size, status = len(r.content), r.status_code
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], size, status


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("ESGLENS_CORPUS", REPO.parent / "shared" / "corpus")))
    ap.add_argument("--copies", type=int, default=0, help="perturbed copies of the corpus text reports to add")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--db", type=Path, default=None, help="library file to keep and reuse")
    args = ap.parse_args()
    runs = max(1, min(args.runs, MAX_RUNS))
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="esglens-bench-web-") as tmp:
        db_path = build(args.corpus, Path(tmp), args.copies, args.db)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(str(db_path)), host="127.0.0.1", port=port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
                t = time.perf_counter()
                client.get("/api/search", params={"q": "暖身"})
                cold = time.perf_counter() - t
                rows = [(name, *time_url(client, url, runs)) for name, url in urls(db_path)]
        finally:
            server.should_exit = True
            thread.join(timeout=10)
    width = max(len(r[0]) for r in rows)
    print(f"esglens web benchmark: uvicorn on loopback, httpx, median / p90 of {runs} requests; {os.cpu_count()} CPUs")
    print(f"first search after start (loads jieba): {cold * 1000:.0f} ms")
    print(f"{'endpoint':<{width}}  {'median':>9}  {'p90':>9}  {'size':>9}  status")
    for name, median, p90, size, status in rows:
        print(f"{name:<{width}}  {median * 1000:7.1f}ms  {p90 * 1000:7.1f}ms  {size / 1024:7.1f}kB  {status}")


if __name__ == "__main__":
    main()
