"""bench/accuracy.py's figures of trust (issue 18): the share of wrong values flagged, the
share of fields flagged, and reliability bins of confidence against the share right."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.accuracy import (
    flag_figures,
    plot_reliability,
    print_trust,
    reliability,
    rollup,
    target_class,
    trust,
)
from bench.compare import Comparison


def _c(outcome: str, matches: bool, confidence: float | None = 0.95) -> Comparison:
    return Comparison("header", "x", outcome, "a", "a" if matches else "b", matches, confidence)


@pytest.mark.parametrize(("kind", "expected", "group"), [
    ("pdf", "born-digital pdfs", "pdfs"),
    ("pdf-ir-site-style", "born-digital pdfs", "pdfs"),
    ("layouts-eval/paper-2026", "born-digital pdfs", "layouts-eval pdfs"),
    ("layouts-dev/official", "born-digital pdfs", "layouts-dev pdfs"),
    ("edgar-print/plain", "born-digital pdfs", "pdfs"),
    ("scan-office200", "office200 scans", "scans office200"),
    ("scan-office200-png", "office200 scans", "scans office200"),
    ("layouts-eval/scan-official-office200", "office200 scans", "layouts-eval scans office200"),
    ("layouts-eval/scan-fax150", None, "layouts-eval scans fax150"),
    ("scan-clean300", None, "scans clean300"),
    ("markdown-dump", None, "text"),
    ("tesseract-office200", None, "text"),
])
def test_kinds_answer_to_their_targets(kind: str, expected: str | None, group: str) -> None:
    assert target_class(kind) == expected
    assert rollup(kind) == group


def test_flag_figures_count_every_value_not_the_truths() -> None:
    comparisons = [
        *[_c("correct", True)] * 90,
        *[_c("flagged", True)] * 4,      # flagged and right: costs review time only
        *[_c("flagged", False)] * 3,     # flagged and wrong: caught
        _c("flagged", False, None),      # emptied for review: caught
        _c("wrong", False),              # silent
        _c("missing", False, None),      # the truth's value lost, unflagged: silent
    ]
    figures = flag_figures(comparisons)
    assert figures["fields"] == 100
    assert figures["flagged"] == 8
    assert figures["flag_rate"] == pytest.approx(0.08)
    assert figures["wrong_values"] == 6
    assert figures["wrong_flagged"] == 4
    assert figures["wrong_silent"] == 1
    assert figures["missing_silent"] == 1
    assert figures["catch_rate"] == pytest.approx(4 / 6)
    assert flag_figures([_c("correct", True)])["catch_rate"] == 1.0  # nothing to catch


def test_reliability_bins_confidence_against_share_right() -> None:
    comparisons = [
        *[_c("correct", True, 0.95)] * 9, _c("wrong", False, 0.95),
        _c("flagged", False, 0.55), _c("flagged", True, 0.52),
        _c("correct", True, 1.0),
        _c("missing", False, None),      # no value read: not in the table
    ]
    table = reliability(comparisons)
    assert table["values"] == 13
    bins = {b["low"]: b for b in table["bins"]}
    assert (bins[0.95]["values"], bins[0.95]["right"], bins[0.95]["share_right"]) == (10, 9, 0.9)
    assert bins[0.95]["high"] == 1.0
    assert bins[0.5]["share_right"] == 0.5
    assert bins[0.5]["mean_confidence"] == pytest.approx(0.535)
    assert (bins[1.0]["values"], bins[1.0]["share_right"]) == (1, 1.0)
    assert bins[0.8]["values"] == 0 and bins[0.8]["share_right"] is None
    assert table["distinct_confidences"] == 4
    assert table["most_common_confidence"] == 0.95
    assert table["most_common_share"] == pytest.approx(10 / 13)


def _result(kind: str, comparisons: list[Comparison], error: str | None = None) -> dict:
    return {"kind": kind, "error": error, "comparisons": [
        (c.group, c.path, c.outcome, c.truth, c.got, c.value_matches, c.confidence)
        for c in comparisons]}


def test_trust_rolls_kinds_up_and_leaves_refused_documents_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = [
        _result("pdf", [_c("correct", True)] * 99 + [_c("flagged", False, 0.4)]),
        _result("pdf-alternate-style", [_c("correct", True)] * 49 + [_c("wrong", False)]),
        _result("scan-office200", [_c("correct", True, 0.9)] * 8 + [_c("flagged", True, 0.6)]
                * 2),
        _result("pdf", [_c("missing", False, None)] * 50, error="not a Form 4"),
    ]
    figures = trust(results)
    assert figures["kinds"]["pdf"]["fields"] == 100  # the refused document is not counted
    assert figures["kinds"]["pdf"]["catch_rate"] == 1.0
    assert figures["kinds"]["pdf"]["target_class"] == "born-digital pdfs"
    assert figures["kinds"]["pdf-alternate-style"]["catch_rate"] == 0.0
    assert figures["rollups"]["pdfs"]["fields"] == 150
    assert figures["rollups"]["pdfs"]["wrong_values"] == 2
    assert figures["rollups"]["scans office200"]["flag_rate"] == pytest.approx(0.2)
    assert figures["all"]["values"] == 160
    print_trust(figures)
    lines = capsys.readouterr().out.splitlines()
    verdicts = {line.rsplit("  ", 1)[0].split("  ")[0]: line.split()[-1] for line in lines
                if line.startswith(("pdf", "scan", "text"))}
    # pdf: 1% flagged, all wrong values caught; the alternate style misses one silently; the
    # office200 scan flags 20% of its fields against a 10% target.
    assert verdicts == {"pdf": "ok", "pdf-alternate-style": "MISSED",
                        "scan-office200": "MISSED", "pdfs (all)": "MISSED",
                        "scans office200 (all)": "MISSED"}
    assert any("0.95-1.00" in line and "99.3%" in line for line in lines)  # 148 of 149
    target = tmp_path / "plot" / "reliability.png"
    plot_reliability(figures, target)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
