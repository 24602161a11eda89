"""Benchmark of the library: adding the corpus (1 and 2 workers), then compare and search latency on >= 200 reports.

    .venv/bin/python bench/bench_library.py [--corpus DIR] [--reports 200] [--runs 21]

The large library is built from perturbed copies of the corpus text reports (numbers scaled, company
name replaced, so every copy is a distinct report with its own content hash), added through the normal
pipeline with two workers. When extraction yields few facts, synthetic fact rows are added so that the
compare query runs over a realistic number of facts; the output says how many.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import esglens  # noqa: E402
from esglens.store import Library  # noqa: E402
from esglens.store.prepare import dims_key  # noqa: E402

NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+")
COMPANIES = 60
STEMS = "甲乙丙丁戊己庚辛壬癸"  # synthetic company names: 綠源甲乙科技有限公司, ...
SEARCHES = ["溫室氣體排放", "温室气体排放", "员工培训", "範圍二", "scope 2 emissions", "water", "2024", "廢棄物 處理"]
COMPARES = [("ghg_scope2", None), ("ghg_scope2", "employees"), ("ghg_total", "revenue"), ("water", None)]
SYNTHETIC_METRICS = [
    ("ghg_scope1", "tCO2e"), ("ghg_scope2", "tCO2e"), ("ghg_total", "tCO2e"), ("energy_total", "MWh"),
    ("electricity", "MWh"), ("water", "m³"), ("employees_total", "persons"), ("revenue", "RMB"),
    ("turnover_rate", "%"), ("training_hours_avg", "h"), ("non_hazardous_waste", "t"), ("hazardous_waste", "t"),
]
SYNTHETIC_DIMS = [
    {}, {"gender": "female"}, {"gender": "male"}, {"region": "Hong Kong"}, {"region": "Mainland China"},
    {"age": "<30"}, {"age": "30-50"}, {"age": ">50"},
]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def median_time(fn, runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
        size = len(out) if hasattr(out, "__len__") else len(out.rows)
    return statistics.median(times), size


def bench_add(corpus: Path, workdir: Path) -> list[tuple[str, str]]:
    rows = []
    for workers in (1, 2):
        with Library(workdir / f"corpus-{workers}.sqlite") as lib:
            t = time.perf_counter()
            result = lib.add([corpus], workers=workers)
            dt = time.perf_counter() - t
            n = len(result.added)
            rate = n / dt * 60 if dt else 0
            rows.append((f"add corpus, {workers} worker(s)",
                         f"{n} added, {len(result.failed)} failed in {dt:.1f} s = {rate:.0f} reports/min"))
            for o in result.failed:
                rows.append(("  failed", f"{Path(o.path).name}: {o.message[:90]}"))
            t = time.perf_counter()
            again = lib.add([corpus], workers=workers)
            rows.append((f"add corpus again, {workers} worker(s)",
                         f"{len(again.skipped)} skipped in {time.perf_counter() - t:.2f} s"))
    return rows


def make_copies(corpus: Path, out: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    sources = sorted(p for p in corpus.glob("*.txt"))
    names = {p: esglens.parse(p).metadata.company for p in sources}
    factors = [rng.uniform(0.7, 1.3) for _ in range(COMPANIES)]
    for i in range(count):
        # company k owns copies k, k + 60, ...: different source reports (so several years), and one
        # scale factor, so that a value two of its reports state is stated alike (no false restatements)
        k = i % COMPANIES
        src = sources[(i // COMPANIES) % len(sources)]
        text = NUMBER.sub(lambda m: _scaled(m.group(0), factors[k]), src.read_text("utf-8"))
        if names[src]:
            text = text.replace(names[src], f"綠源{STEMS[k // 10]}{STEMS[k % 10]}科技有限公司")
        (out / f"copy-{i:04d}-{src.name}").write_text(f"副本 {i}\n" + text, encoding="utf-8")


def _scaled(number: str, factor: float) -> str:
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number.replace(",", "")) * factor
    return f"{value:,.{decimals}f}"


def top_up_facts(lib: Library, per_report: int, seed: int = 11) -> int:
    """Synthetic fact rows for reports that extraction gave few, so compare runs at a realistic size.

    Like real reports, each report states its year and the two before; a company's value for a period
    is the same in each of its reports, except for a few restated ones.
    """
    rng = random.Random(seed)
    rows = []
    for r in lib.list_reports():
        year = int(re.search(r"\d{4}", r["period"] or "2024").group(0))
        combos = [
            (metric, unit, str(year - back), dims)
            for metric, unit in SYNTHETIC_METRICS for back in range(3) for dims in SYNTHETIC_DIMS
        ]
        for k, (metric, unit, period, dims) in enumerate(combos[: max(0, per_report - r["fact_count"])]):
            stable = random.Random(f"{r['company_key']}|{metric}|{period}|{dims_key(dims)}")
            value = stable.uniform(10, 1e6) if metric != "revenue" else stable.uniform(1e7, 1e10)
            if rng.random() < 0.02:
                value *= rng.uniform(0.8, 1.2)  # a restatement
            rows.append((r["id"], metric, value, unit, f"{value:,.2f}", period, json.dumps(dims), dims_key(dims), k + 1))
    lib.conn.execute("BEGIN")
    lib.conn.executemany(
        "INSERT INTO facts (report_id, metric, value, unit, raw_value, period, dims, dims_key, line, source, derived) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'table', 0)",
        rows,
    )
    lib.conn.execute("COMMIT")
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("ESGLENS_CORPUS", REPO.parent / "shared" / "corpus")))
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--facts-per-report", type=int, default=300)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found at {args.corpus}")
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="esglens-bench-") as tmp:
        work = Path(tmp)
        rows += bench_add(args.corpus, work)

        copies = work / "copies"
        copies.mkdir()
        make_copies(args.corpus, copies, args.reports)
        with Library(work / "big.sqlite") as lib:
            t = time.perf_counter()
            result = lib.add([copies, args.corpus], workers=2)  # the originals bring English PDFs
            dt = time.perf_counter() - t
            rows.append((f"add {args.reports} copies + corpus, 2 workers",
                         f"{len(result.added)} added, {len(result.failed)} failed in {dt:.1f} s "
                         f"= {len(result.added) / dt * 60:.0f} reports/min"))
            extracted = lib.counts()["facts"]
            topped = top_up_facts(lib, args.facts_per_report)
            counts = lib.counts()
            companies = len({r["company_key"] for r in lib.list_reports()})
            rows.append(("library size", f"{counts['reports']} reports, {companies} companies, "
                         f"{counts['lines']:,} lines ({counts['line_search']:,} indexed), "
                         f"{counts['facts']:,} facts ({extracted:,} extracted, {topped:,} synthetic)"))
            rows.append(("library file", f"{(work / 'big.sqlite').stat().st_size / 1e6:.0f} MB"))
            lib.search("暖身")  # loads jieba's dictionary once, as a running server would have
            for metric, per in COMPARES:
                t, n = median_time(lambda: lib.compare(metric, per=per), args.runs)
                rows.append((f"compare {metric}" + (f" per {per}" if per else ""), f"{ms(t)}  ({n} companies)"))
            t, n = median_time(lib.restatements, args.runs)
            rows.append(("restatements (all metrics)", f"{ms(t)}  ({n} found)"))
            for q in SEARCHES:
                t, n = median_time(lambda: lib.search(q, limit=20), args.runs)
                rows.append((f"search {q!r} (top 20)", f"{ms(t)}  ({n} hits)"))
    width = max(len(a) for a, _ in rows)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"esglens library benchmark (median of {args.runs} runs; {os.cpu_count()} CPUs; load average {load})")
    for a, b in rows:
        print(f"{a:<{width}}  {b}")


if __name__ == "__main__":
    main()
