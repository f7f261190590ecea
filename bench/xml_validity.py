"""Does every benchmark output validate as EDGAR XML once CIKs are supplied?

    .venv/bin/python bench/make_corpus.py --out bench/corpus --kinds pdf,md,ocr,legacy  # once
    .venv/bin/python bench/xml_validity.py [--corpus bench/corpus] [--out bench/xml-out]
                                           [--kinds pdf,markdown-dump]
    .venv/bin/form4 validate bench/xml-out                         # the same check, by hand

Every document of the corpus is extracted, given the CIKs through a ``--cik-map`` file made from
the truths (the tickers and owner names of the filings, as a user's map would hold them), and
written as ``OUT/<filing>/<document>.xml`` with its ``.review.json``, as ``form4 extract
--format xml --cik-map`` writes them.  Each output falls in one category:

* ``valid``: the output validates;
* ``held back``: it does not, and only because values flagged for review were left out: every
  problem is at an element the writer left out for review, which ``NAME.review.json`` lists with
  the value read.  This is a correct outcome, not a validity failure: the document is *not yet
  submittable* until a reviewer settles those values (``form4 review``), and form4 invented
  nothing.  It is counted apart from ``valid``;
* ``invalid``: a problem that no left-out value explains: a value read wrong without a flag, or
  a writer's fault.  A failure;
* ``no CIK``: the map had no CIK for the ticker or owner name read (a name read wrong). A failure;
* ``bad truth``: the truth itself does not validate, so neither can the output (a seeded
  variant beyond EDGAR's limits).  A failure of the benchmark's corpus;
* ``unread``: the extractor refused the document.  A failure.

Prints each problem with its category, a table per input kind with a total, the share that
passes (``valid`` + ``held back``), and every failing document with its problems.  Exits 1 when
there is a failure, 0 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from extractor import Form4Error, extract  # noqa: E402
from extractor.assemble.edgar_xml import read_edgar_xml  # noqa: E402
from extractor.export.ciks import apply_ciks, load_cik_map  # noqa: E402
from extractor.export.edgar_xml import Omission  # noqa: E402
from extractor.export.xml_output import CheckedXml, write_checked  # noqa: E402
from extractor.export.xml_rules import Problem  # noqa: E402
from extractor.export.xml_validation import validate_file  # noqa: E402

#: The categories, passes first (see the module's docstring).
CATEGORIES = ("valid", "held back", "invalid", "no CIK", "bad truth", "unread")
PASSES = ("valid", "held back")


@dataclass(slots=True)
class Report:
    """Counts per input kind and category, and every failing document with its problems."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: dict[str, tuple[str, list[str]]] = field(default_factory=dict)

    def total(self) -> Counter[str]:
        return sum(self.counts.values(), Counter())

    @property
    def passed(self) -> bool:
        total = self.total()
        return not any(total[c] for c in CATEGORIES if c not in PASSES)


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


def explains(omission: Omission, problem: Problem) -> bool:
    """Whether leaving out ``omission`` accounts for ``problem``: the problem is about the
    element the value was left out of (its container, or the element itself when only its
    footnote references were written) and names the element left out.

    >>> gone = Omission("/ownershipDocument/issuer/issuerCik", "issuer.issuer_cik", "")
    >>> explains(gone, Problem("/ownershipDocument/issuer/issuerName",
    ...                        "Element 'issuerName': This element is not expected. "
    ...                        "Expected is ( issuerCik )."))
    True
    >>> explains(gone, Problem("/ownershipDocument/issuer/issuerName", "too long"))
    False
    """
    missing_child = "Missing child" in problem.message
    container = problem.path if missing_child else problem.path.rsplit("/", 1)[0]
    if omission.xml_path == container:  # only the footnote references are left: no <value>
        return True
    if not omission.xml_path.startswith(container + "/"):
        return False
    below = re.sub(r"\[\d+\]$", "", omission.xml_path[len(container) + 1:].split("/")[0])
    return re.search(rf"\b{re.escape(below)}\b", problem.message) is not None


def _unexplained(problems: Iterable[Problem], omissions: Iterable[Omission]) -> list[Problem]:
    gone = list(omissions)
    return [p for p in problems if not any(explains(o, p) for o in gone)]


def classify(result: CheckedXml, truth_problems: list[Problem]) -> str:
    """The category of one output (``CATEGORIES``), given the problems of its truth."""
    if result.valid:
        return "valid"
    if truth_problems:
        return "bad truth"
    left = _unexplained(result.problems, result.xml.omitted)
    if not left:
        return "held back"
    if not _unexplained(left, result.xml.not_submittable):
        return "no CIK"
    return "invalid"


def check_corpus(corpus: Path, out: Path, kinds: Iterable[str] | None = None,
                 show: bool = True) -> Report:
    """Extract, write and check every document of ``corpus`` (of ``kinds``) into ``out``."""
    entries: list[dict[str, Any]] = json.loads((corpus / "manifest.json").read_text())
    wanted = set(kinds or ())
    if wanted:
        entries = [e for e in entries if e["kind"] in wanted]
    cik_map_path = out / "ciks.csv"
    write_cik_map(sorted({corpus / e["truth"] for e in entries}), cik_map_path)
    cik_map = load_cik_map(cik_map_path)
    truth_problems: dict[str, list[Problem]] = {}
    report = Report()
    for entry in entries:
        doc = corpus / entry["doc"]
        target = out / doc.parent.name / (doc.name.replace(".", "_") + ".xml")
        try:
            form = apply_ciks(extract(doc), cik_map=cik_map)
        except Form4Error as err:
            report.counts[entry["kind"]]["unread"] += 1
            report.failures[entry["doc"]] = ("unread", [str(err)])
            if show:
                print(f"{entry['doc']}: not read: {err}")
            continue
        result = write_checked(form, target, str(doc))
        if entry["truth"] not in truth_problems:
            truth_problems[entry["truth"]] = validate_file(corpus / entry["truth"])
        outcome = classify(result, truth_problems[entry["truth"]])
        report.counts[entry["kind"]][outcome] += 1
        if outcome not in PASSES:
            report.failures[str(target.relative_to(out))] = (
                outcome, [str(p) for p in result.problems])
        if show:
            for problem in result.problems:
                print(f"{target.relative_to(out)} [{outcome}]: {problem}")
    return report


def print_report(report: Report) -> None:
    print(f"\n{'kind':24} {'documents':>9} " + " ".join(f"{c:>9}" for c in CATEGORIES))
    rows = [*sorted(report.counts.items()), ("all kinds", report.total())]
    for kind, tally in rows:
        print(f"{kind:24} {sum(tally.values()):9} " +
              " ".join(f"{tally[c]:9}" for c in CATEGORIES))
    total = report.total()
    documents = sum(total.values())
    passes = sum(total[c] for c in PASSES)
    print(f"\npasses: {passes} of {documents} ({total['valid']} valid EDGAR XML, "
          f"{total['held back']} not yet submittable: flagged mandatory values left out and "
          "listed in NAME.review.json)")
    print(f"fails: {documents - passes} (" + ", ".join(
        f"{total[c]} {c}" for c in CATEGORIES if c not in PASSES) + ")")
    for name, (outcome, problems) in sorted(report.failures.items()):
        print(f"  {name} [{outcome}]")
        for problem in problems:
            print(f"    {problem}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "xml-out")
    parser.add_argument("--kinds", default=None, help="only these input kinds (comma list)")
    args = parser.parse_args()
    report = check_corpus(args.corpus, args.out, args.kinds.split(",") if args.kinds else None)
    print_report(report)
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
