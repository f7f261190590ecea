"""Field accuracy per input kind: the extractor against the truth, over the built corpus.

    .venv/bin/python bench/make_corpus.py            # once (see its options)
    .venv/bin/python bench/accuracy.py [--corpus bench/corpus] [--kinds a,b] [--jobs 2]
                                       [--report bench/accuracy.json]
                                       [--plot bench/accuracy-reliability.png]

Writes the report, its roll-ups and reliability bins beside it (``accuracy-reliability.json``)
and the reliability plot (``accuracy-reliability.png``).

Prints, per input kind: documents, failed documents (the extractor refused them), field
accuracy, wrong-value rate (a filled, unflagged field that is wrong), flagged-or-empty rate,
documents fully correct, and raw accuracy (values right whether flagged or not: how close a
reader that flags everything, like the first-cut scan reader, is to earning trust); then
accuracy per field group for each kind.  Writes the same figures
and every wrong value as JSON, so later changes can be compared.  Definitions: bench/compare.py.

Then whether a reviewer can act on the flags (issue 18), per input kind and per roll-up
(form4's renderings, development and evaluation layouts, scans by quality):

* **wrong values flagged**: of the values that are not the truth's (a wrong value, a value left
  empty that the truth has, a value emptied for review), the share the extraction flagged;
  target >= 95% on every input kind;
* **fields flagged**: the share of all compared fields flagged for review; target <= 10% on
  office200 scans, <= 2% on born-digital PDFs (form4's renderings, the drawn layouts, the
  official form and EDGAR prints; not their scans);
* **reliability**: every value read, by its confidence (bins ``CONFIDENCE_BINS``), against the
  share of them equal to the truth: a value with confidence 0.9 should be right at least 9
  times in 10.  Printed per roll-up and drawn as a PNG (``--plot``, matplotlib), with how many
  distinct confidence values each roll-up has (a few fixed steps say little).

Documents the extractor refused are counted under ``failed`` and left out of these three:
a refusal is loud, the flags are about silent values.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
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
            "comparisons": [(c.group, c.path, c.outcome, c.truth, c.got, c.value_matches,
                             c.confidence) for c in comparisons]}


def _as_comparisons(rows: list[Any]) -> list[Comparison]:
    return [Comparison(*row) if isinstance(row, (list, tuple)) else Comparison(**row)
            for row in rows]


#: Issue 18's targets: the share of wrong values flagged on every input kind, and the most of
#: all fields flagged by input class (``target_class``).
CATCH_TARGET = 0.95
FLAG_TARGETS = {"office200 scans": 0.10, "born-digital pdfs": 0.02}
#: Lower edges of the reliability bins; the last bin holds confidence 1.0 alone.
CONFIDENCE_BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0)
_QUALITY = re.compile(r"(clean300|office200|fax150|faded300)")


def is_scan(kind: str) -> bool:
    """``scan-office200``, ``scan-fax150-png``, ``layouts-eval/scan-official-office200``."""
    return kind.split("/")[-1].startswith("scan-")


def is_born_digital_pdf(kind: str) -> bool:
    """form4's renderings, drawn layouts, the official form filled in and EDGAR prints."""
    return not is_scan(kind) and (kind.startswith(("pdf", "layouts-", "edgar-print")))


def target_class(kind: str) -> str | None:
    """The ``FLAG_TARGETS`` class of an input kind, or None when no flag target applies."""
    if is_scan(kind):
        found = _QUALITY.search(kind)
        return "office200 scans" if found and found.group(1) == "office200" else None
    return "born-digital pdfs" if is_born_digital_pdf(kind) else None


def rollup(kind: str) -> str:
    """The roll-up a kind's reliability is reported in: split (development or evaluation
    layouts), then PDFs, scans of one quality or text."""
    split = kind.split("/")[0] + " " if kind.startswith("layouts-") else ""
    if is_scan(kind):
        found = _QUALITY.search(kind)
        return f"{split}scans {found.group(1) if found else 'other'}"
    return f"{split}pdfs" if is_born_digital_pdf(kind) else f"{split}text"


def flag_figures(comparisons: Iterable[Comparison]) -> dict[str, Any]:
    """How well the flags point at what is wrong: the wrong values (any value not equal to
    the truth's, empty or not, flagged or not) and the share of them flagged, and the share
    of all fields flagged."""
    counts: Counter[str] = Counter()
    for c in comparisons:
        flagged = c.outcome == "flagged"
        counts["fields"] += 1
        counts["flagged"] += flagged
        if not c.value_matches:
            counts["wrong_values"] += 1
            counts["wrong_flagged"] += flagged
            counts["wrong_silent"] += c.outcome == "wrong"
            counts["missing_silent"] += c.outcome == "missing"
    return {
        **{k: counts[k] for k in ("fields", "flagged", "wrong_values", "wrong_flagged",
                                  "wrong_silent", "missing_silent")},
        "catch_rate": counts["wrong_flagged"] / counts["wrong_values"]
        if counts["wrong_values"] else 1.0,
        "flag_rate": counts["flagged"] / counts["fields"] if counts["fields"] else 0.0,
    }


def _bin(confidence: float) -> int:
    return max(i for i, edge in enumerate(CONFIDENCE_BINS) if confidence >= edge)


def reliability(comparisons: Iterable[Comparison]) -> dict[str, Any]:
    """Every value read, binned by its confidence, against the share equal to the truth."""
    values = [c for c in comparisons if c.confidence is not None]
    bins: list[dict[str, Any]] = []
    for index, low in enumerate(CONFIDENCE_BINS):
        inside = [c for c in values if _bin(float(c.confidence)) == index]  # type: ignore[arg-type]
        high = CONFIDENCE_BINS[index + 1] if index + 1 < len(CONFIDENCE_BINS) else 1.0
        right = sum(1 for c in inside if c.value_matches)
        bins.append({"low": low, "high": high, "values": len(inside), "right": right,
                     "share_right": right / len(inside) if inside else None,
                     "mean_confidence": sum(float(c.confidence) for c in inside)  # type: ignore[arg-type]
                     / len(inside) if inside else None})
    steps = Counter(round(float(c.confidence), 4) for c in values)  # type: ignore[arg-type]
    common, common_count = steps.most_common(1)[0] if steps else (None, 0)
    return {"values": len(values), "bins": bins, "distinct_confidences": len(steps),
            "most_common_confidence": common,
            "most_common_share": common_count / len(values) if values else 0.0}


def trust(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The flag figures per input kind and per roll-up, and reliability per roll-up."""
    read = [r for r in results if not r["error"]]
    by_kind: dict[str, list[Comparison]] = defaultdict(list)
    for result in read:
        by_kind[result["kind"]] += _as_comparisons(result["comparisons"])
    by_rollup: dict[str, list[Comparison]] = defaultdict(list)
    classes: dict[str, set[str | None]] = defaultdict(set)
    for kind, comparisons in by_kind.items():
        by_rollup[rollup(kind)] += comparisons
        classes[rollup(kind)].add(target_class(kind))
    return {
        "kinds": {kind: {**flag_figures(cs), "target_class": target_class(kind)}
                  for kind, cs in sorted(by_kind.items())},
        "rollups": {name: {**flag_figures(cs), "reliability": reliability(cs),
                           "target_class": next(iter(classes[name]))
                           if len(classes[name]) == 1 else None}
                    for name, cs in sorted(by_rollup.items())},
        "all": reliability(c for cs in by_kind.values() for c in cs),
    }


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def print_trust(figures: dict[str, Any]) -> None:
    print(f"\nflags a reviewer can act on (targets: >= {CATCH_TARGET:.0%} of wrong values "
          "flagged on every kind; fields flagged <= "
          + ", ".join(f"{v:.0%} on {k}" for k, v in FLAG_TARGETS.items()) + ")")
    print(f"{'input kind':<40}{'fields':>7}{'flagged':>9}{'target':>8}{'wrong':>7}"
          f"{'caught':>8}{'silent':>7}{'empty':>6}  verdict")
    rows = [*figures["kinds"].items(), *((f"{n} (all)", f) for n, f in
                                         figures["rollups"].items())]
    for name, f in rows:
        limit = FLAG_TARGETS.get(f.get("target_class") or "")
        ok = f["catch_rate"] >= CATCH_TARGET and (limit is None or f["flag_rate"] <= limit)
        verdict = _verdict(ok)
        print(f"{name:<40}{f['fields']:>7}{f['flag_rate']:>9.2%}"
              f"{f'{limit:.0%}' if limit is not None else '-':>8}{f['wrong_values']:>7}"
              f"{f['catch_rate']:>8.1%}{f['wrong_silent']:>7}{f['missing_silent']:>6}  {verdict}")
    print("wrong: values not the truth's; caught: the share of them flagged; silent: wrong and "
          "unflagged; empty: the truth's value missing, unflagged")
    for name, f in [*figures["rollups"].items(), ("all kinds", {"reliability": figures["all"]})]:
        r = f["reliability"]
        print(f"\nreliability, {name}: {r['values']} values, {r['distinct_confidences']} "
              f"distinct confidences ({r['most_common_share']:.0%} at "
              f"{r['most_common_confidence']})")
        print(f"  {'confidence':<12}{'values':>7}{'right':>8}{'mean conf':>10}")
        for b in r["bins"]:
            if not b["values"]:
                continue
            label = "1.0" if b["low"] == 1.0 else f"{b['low']:.2f}-{b['high']:.2f}"
            short = " below its confidence" if b["share_right"] + 1e-9 < b["low"] else ""
            print(f"  {label:<12}{b['values']:>7}{b['share_right']:>8.1%}"
                  f"{b['mean_confidence']:>10.3f}{short}")


def plot_reliability(figures: dict[str, Any], target: Path) -> None:
    """Share right against confidence per roll-up (left) and values per bin (right), as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (curve, counts) = plt.subplots(1, 2, figsize=(12, 5.5))
    curve.plot([0, 1], [0, 1], linestyle="--", color="grey", label="right as often as sure")
    labels = [f"{b['low']:.2f}" if b["low"] < 1 else "1.0" for b in figures["all"]["bins"]]
    width = 0.8 / max(len(figures["rollups"]), 1)
    for index, (name, f) in enumerate(figures["rollups"].items()):
        bins = [b for b in f["reliability"]["bins"] if b["values"]]
        curve.plot([b["mean_confidence"] for b in bins], [b["share_right"] for b in bins],
                   marker="o", label=f"{name} ({f['reliability']['values']})")
        counts.bar([i + index * width for i in range(len(labels))],
                   [b["values"] for b in f["reliability"]["bins"]], width, label=name)
    curve.set(xlabel="confidence (mean of the bin)", ylabel="share of values right",
              xlim=(0.0, 1.02), ylim=(0.0, 1.02), title="Reliability: confidence against right")
    curve.legend(fontsize=7, loc="lower right")
    curve.grid(alpha=0.3)
    counts.set_xticks([i + 0.4 - width / 2 for i in range(len(labels))], labels)
    counts.set(xlabel="confidence bin (lower edge)", ylabel="values", yscale="log",
               title="Values per confidence bin")
    counts.legend(fontsize=7)
    fig.tight_layout()
    target.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(target, dpi=110)
    plt.close(fig)


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
    parser.add_argument("--plot", type=Path, default=None,
                        help="reliability PNG (default: the report's name + -reliability.png)")
    args = parser.parse_args()

    manifest = json.loads((args.corpus / "manifest.json").read_text())
    kinds = {k for k in args.kinds.split(",") if k}
    entries = [e for e in manifest if not kinds or e["kind"] in kinds]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(evaluate, entries, [args.corpus] * len(entries)))
    summary = summarize(results)
    print_summary(summary)
    figures = trust(results)
    print_trust(figures)
    for kind, flags in figures["kinds"].items():
        summary[kind]["flags"] = flags
    plot = args.plot or args.report.with_name(f"{args.report.stem}-reliability.png")
    plot_reliability(figures, plot)
    write_atomic(args.report, json.dumps(summary, indent=1, default=str))
    rollups = args.report.with_name(f"{args.report.stem}-reliability.json")
    write_atomic(rollups, json.dumps({"rollups": figures["rollups"], "all": figures["all"]},
                                     indent=1))
    print(f"\nreport: {args.report} (flag figures per kind under 'flags')\n"
          f"roll-ups and reliability: {rollups}\nreliability plot: {plot}")


if __name__ == "__main__":
    main()
