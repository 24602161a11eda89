"""Extraction benchmark: parse and extraction time per corpus report, and facts per second.

    .venv/bin/python bench/bench_extract.py [--corpus DIR] [--repeat N]

Times are the best of N runs of CPU time on one core (process_time), so a busy machine
disturbs them less than wall-clock time.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from esglens.extract import extract_facts
from esglens.extract.taxonomy import Taxonomy
from esglens.ingest import parse

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ESGLENS_CORPUS", REPO.parent / "shared" / "corpus"))


def best(repeat: int, fn):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return min(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    Taxonomy.load()  # loaded once per process; not part of a report's cost
    files = sorted(p for p in args.corpus.rglob("*")
                   if p.suffix in (".txt", ".md", ".pdf", ".html") and p.name.lower() != "readme.md")
    print(f"{'file':40} {'size':>8} {'parse':>8} {'extract':>8} {'total':>8} {'facts':>6} {'facts/s':>8}")
    for path in files:
        t_parse, doc = best(args.repeat, lambda: parse(path))
        t_extract, facts = best(args.repeat, lambda: extract_facts(doc))
        total = t_parse + t_extract
        print(f"{path.name:40} {path.stat().st_size / 1024:7.0f}K {t_parse * 1000:6.0f}ms {t_extract * 1000:6.0f}ms "
              f"{total * 1000:6.0f}ms {len(facts):6d} {len(facts) / total:8.0f}")


if __name__ == "__main__":
    main()
