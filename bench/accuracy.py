"""Extraction accuracy on every gold file: the corpus reports (tests/gold) and the held-out reports
(tests/heldout). Prints a Markdown table of precision and recall, on the taxonomy's metrics and on all
records.

    .venv/bin/python bench/accuracy.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import esglens
from esglens.extract.evaluate import Score, evaluate, load_gold

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = Path(os.environ.get("ESGLENS_CORPUS", REPO.parent / "shared" / "corpus"))


def pairs(corpus: Path) -> list[tuple[str, Path, Path]]:
    out = []
    reports = {p.name.rsplit(".", 1)[0]: p for p in corpus.rglob("*") if p.is_file()} if corpus.is_dir() else {}
    for gold in sorted((REPO / "tests" / "gold").glob("*.jsonl")):
        if gold.stem in reports:
            out.append(("corpus", gold, reports[gold.stem]))
    for gold in sorted((REPO / "tests" / "heldout").glob("*.jsonl")):
        report = next((p for p in gold.parent.iterdir() if p.suffix != ".jsonl" and p.name.startswith(gold.stem + ".")
                       or p.stem == gold.stem and p.suffix != ".jsonl"), None)
        if report is not None:
            out.append(("held-out", gold, report))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    print("| set | report | gold records | taxonomy precision | taxonomy recall | all precision | all recall |")
    print("|---|---|---|---|---|---|---|")
    pooled: dict[str, list[Score]] = {}
    for kind, gold, report in pairs(args.corpus):
        result = evaluate(load_gold(gold), esglens.extract(report))
        t, o = result.taxonomy, result.overall
        print(f"| {kind} | {report.name} | {o.tp + o.fn} | {t.precision:.3f} | {t.recall:.3f} | "
              f"{o.precision:.3f} | {o.recall:.3f} |")
        sums = pooled.setdefault(kind, [Score(), Score()])
        for total, part in zip(sums, (t, o)):
            total.tp, total.fp, total.fn = total.tp + part.tp, total.fp + part.fp, total.fn + part.fn
    for kind, (t, o) in pooled.items():  # every gold record counts once: larger reports weigh more
        print(f"| {kind}, pooled | all {kind} reports | {o.tp + o.fn} | {t.precision:.3f} | {t.recall:.3f} | "
              f"{o.precision:.3f} | {o.recall:.3f} |")


if __name__ == "__main__":
    main()
