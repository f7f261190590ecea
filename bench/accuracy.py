"""Field accuracy per input kind: the extractor against the truth, over the built corpus.

    .venv/bin/python bench/make_corpus.py            # once (see its options)
    .venv/bin/python bench/accuracy.py [--corpus bench/corpus] [--kinds a,b] [--jobs 2]
                                       [--report bench/accuracy.json]

Prints, per input kind: documents, failed documents (the extractor refused them), field
accuracy, wrong-value rate (a filled, unflagged field that is wrong), flagged-or-empty rate,
documents fully correct, and raw accuracy (values right whether flagged or not: how close a
reader that flags everything, like the first-cut scan reader, is to earning trust); then
accuracy per field group for each kind.  Writes the same figures
and every wrong value as JSON, so later changes can be compared.  Definitions: bench/compare.py.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from bench.compare import Comparison, compare_forms, tally  # noqa: E402
from extractor import Form4Error, extract  # noqa: E402
from extractor.assemble.edgar_xml import read_edgar_xml  # noqa: E402
from extractor.export.files import write_atomic  # noqa: E402
from extractor.model import Form4  # noqa: E402


def evaluate(entry: dict[str, str], corpus: Path) -> dict[str, Any]:
    """Extract one document and compare it with its truth."""
    truth = read_edgar_xml((corpus / entry["truth"]).read_bytes())
    started = time.perf_counter()
    error = None
    try:
        got = extract(corpus / entry["doc"])
    except Form4Error as err:
        got, error = Form4(), str(err)
    seconds = time.perf_counter() - started
    comparisons = compare_forms(truth, got)
    return {**entry, "error": error, "seconds": seconds,
            "comparisons": [(c.group, c.path, c.outcome, c.truth, c.got, c.value_matches)
                            for c in comparisons]}


def _as_comparisons(rows: list[Any]) -> list[Comparison]:
    return [Comparison(*row) if isinstance(row, (list, tuple)) else Comparison(**row)
            for row in rows]


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        by_kind[result["kind"]].append(result)
    summary: dict[str, Any] = {}
    for kind, docs in sorted(by_kind.items()):
        everything = [c for d in docs for c in _as_comparisons(d["comparisons"])]
        groups: dict[str, list[Comparison]] = defaultdict(list)
        for c in everything:
            groups[c.group].append(c)
        perfect = sum(1 for d in docs if not d["error"] and all(
            c.outcome == "correct" for c in _as_comparisons(d["comparisons"])))
        summary[kind] = {
            "documents": len(docs),
            "failed": sum(1 for d in docs if d["error"]),
            "fully_correct": perfect,
            "seconds_per_document": sum(d["seconds"] for d in docs) / len(docs),
            **tally(everything),
            "groups": {g: tally(cs) for g, cs in sorted(groups.items())},
            "wrong_values": [{"doc": d["doc"], "path": c.path, "truth": c.truth, "got": c.got}
                             for d in docs for c in _as_comparisons(d["comparisons"])
                             if c.outcome == "wrong"],
            "errors": sorted({d["error"] for d in docs if d["error"]}),
        }
    return summary


def print_summary(summary: dict[str, Any]) -> None:
    print(f"{'input kind':<26}{'docs':>5}{'failed':>7}{'accuracy':>10}{'wrong':>8}"
          f"{'flag/empty':>11}{'perfect':>9}{'s/doc':>7}{'raw acc':>9}")
    for kind, s in summary.items():
        print(f"{kind:<26}{s['documents']:>5}{s['failed']:>7}{s['accuracy']:>10.2%}"
              f"{s['wrong_rate']:>8.2%}{s['flagged_or_empty_rate']:>11.2%}"
              f"{s['fully_correct']:>9}{s['seconds_per_document']:>7.2f}"
              f"{s['raw_accuracy']:>9.2%}")
    rollups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for kind, s in summary.items():
        if "/" in kind:
            looks = "scans" if "/scan-" in kind else "pdfs"
            rollups[f"{kind.split('/')[0]} {looks}"].append(s)
    for split, parts in sorted(rollups.items()):
        fields = sum(p["fields"] for p in parts)
        correct = sum(p["accuracy"] * p["fields"] for p in parts)
        wrong = sum(p["wrong_rate"] * p["fields"] for p in parts)
        print(f"{split + ' (all)':<26}{sum(p['documents'] for p in parts):>5}"
              f"{sum(p['failed'] for p in parts):>7}{correct / max(fields, 1):>10.2%}"
              f"{wrong / max(fields, 1):>8.2%}")
    print("raw acc: values equal to the truth whether flagged or not (a reader's readings "
          "before its review reasons)")
    for kind, s in summary.items():
        groups = "  ".join(f"{g} {t['accuracy']:.1%}/{t['wrong_rate']:.1%}"
                           for g, t in s["groups"].items())
        print(f"\n{kind}: accuracy/wrong per group: {groups}")
        for error in s["errors"][:5]:
            print(f"  refused: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--kinds", default="", help="comma-separated input kinds (default all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report", type=Path, default=ROOT / "bench" / "accuracy.json")
    args = parser.parse_args()

    manifest = json.loads((args.corpus / "manifest.json").read_text())
    kinds = {k for k in args.kinds.split(",") if k}
    entries = [e for e in manifest if not kinds or e["kind"] in kinds]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(evaluate, entries, [args.corpus] * len(entries)))
    summary = summarize(results)
    print_summary(summary)
    write_atomic(args.report, json.dumps(summary, indent=1, default=str))
    print(f"\nreport: {args.report}")


if __name__ == "__main__":
    main()
