"""Does every benchmark output validate as EDGAR XML once CIKs are supplied?

    .venv/bin/python bench/make_corpus.py --out bench/corpus      # once
    .venv/bin/python bench/xml_validity.py [--corpus bench/corpus] [--out bench/xml-out]
                                           [--kinds pdf,markdown-dump]
    .venv/bin/form4 validate bench/xml-out                         # the same check, by hand

Every document of the corpus is extracted, given the CIKs through a ``--cik-map`` file made from
the truths (the tickers and owner names of the filings, as a user's map would hold them), and
written as ``OUT/<filing>/<document>.xml`` with its ``.review.json``, as ``form4 extract
--format xml --cik-map`` writes them.  Prints each problem, then per input kind:

* ``valid``: the output validates;
* ``held back``: it does not because values flagged for review were left out (its
  ``.review.json`` lists them): the reader doubted them, the writer did not invent them;
* ``invalid``: it does not, with every value written: a value read wrong without a flag, or a
  writer's fault;
* ``bad truth``: the truth itself does not validate (a seeded variant beyond EDGAR's limits,
  such as 34 rows in Table I), so neither can the output.

Exits 1 when an output is ``invalid`` or a document could not be read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from extractor import Form4Error, extract  # noqa: E402
from extractor.assemble.edgar_xml import read_edgar_xml  # noqa: E402
from extractor.export.ciks import apply_ciks, load_cik_map  # noqa: E402
from extractor.export.xml_output import write_checked  # noqa: E402
from extractor.export.xml_validation import validate_file  # noqa: E402


def write_cik_map(truths: list[Path], target: Path) -> None:
    """A ``name or ticker,CIK`` CSV of every issuer ticker and owner name of ``truths``."""
    rows: dict[str, str] = {}
    for path in truths:
        truth = read_edgar_xml(path.read_bytes())
        if truth.issuer.issuer_cik.value and truth.issuer.issuer_trading_symbol.value:
            rows[str(truth.issuer.issuer_trading_symbol.value)] = str(truth.issuer.issuer_cik.value)
        for owner in truth.reporting_owners:
            if owner.rpt_owner_cik.value and owner.rpt_owner_name.value:
                rows[str(owner.rpt_owner_name.value)] = str(owner.rpt_owner_cik.value)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "cik"])
        writer.writerows(sorted(rows.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "xml-out")
    parser.add_argument("--kinds", default=None, help="only these input kinds (comma list)")
    args = parser.parse_args()
    entries = json.loads((args.corpus / "manifest.json").read_text())
    if args.kinds:
        entries = [e for e in entries if e["kind"] in args.kinds.split(",")]
    cik_map_path = args.out / "ciks.csv"
    write_cik_map(sorted({args.corpus / e["truth"] for e in entries}), cik_map_path)
    cik_map = load_cik_map(cik_map_path)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        doc = args.corpus / entry["doc"]
        target = args.out / doc.parent.name / (doc.name.replace(".", "_") + ".xml")
        try:
            form = apply_ciks(extract(doc), cik_map=cik_map)
        except Form4Error as err:
            counts[entry["kind"]]["unread"] += 1
            print(f"{entry['doc']}: not read: {err}")
            continue
        result = write_checked(form, target, str(doc))
        outcome = "valid" if result.valid else (
            "bad truth" if validate_file(args.corpus / entry["truth"]) else
            "held back" if result.xml.omitted else "invalid")
        counts[entry["kind"]][outcome] += 1
        for problem in result.problems:
            print(f"{target.relative_to(args.out)} [{outcome}]: {problem}")
    columns = ("valid", "held back", "invalid", "bad truth", "unread")
    print(f"{'kind':24} {'documents':>9} " + " ".join(f"{c:>9}" for c in columns))
    for kind, tally in sorted(counts.items()):
        print(f"{kind:24} {sum(tally.values()):9} " +
              " ".join(f"{tally[c]:9}" for c in columns))
    return 1 if any(t["invalid"] or t["unread"] for t in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
