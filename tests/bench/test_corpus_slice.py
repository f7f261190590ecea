"""A small slice of the benchmark, run as a test: build the corpus for a few filings and hold
the dump kinds to the wrong-value target.  The whole benchmark is bench/accuracy.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> dict:
    xml_dir = tmp_path_factory.mktemp("xml")
    for name in ("tsla_musk_2023-03-08.xml", "nvda_shoquist_2023-06-21.xml"):
        (xml_dir / name).write_bytes((shared_dir / "corpus" / "xml" / name).read_bytes())
    corpus = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--xml-dir",
                    str(xml_dir), "--out", str(corpus), "--kinds", "pdf,md,ocr,legacy",
                    "--variants", "amendment,joint,pre2002", "--jobs", "2"],
                   check=True, capture_output=True, timeout=600)
    report_path = corpus / "report.json"
    subprocess.run([sys.executable, str(ROOT / "bench" / "accuracy.py"), "--corpus",
                    str(corpus), "--report", str(report_path), "--jobs", "2"],
                   check=True, capture_output=True, timeout=600)
    return json.loads(report_path.read_text())


def test_manifest_and_kinds(report: dict) -> None:
    assert {"markdown-dump", "ocr-text-dump", "pdf"} <= set(report)
    assert report["markdown-dump"]["documents"] == 2 + 2 * 3


@pytest.mark.parametrize("kind", ["markdown-dump", "ocr-text-dump"])
def test_dumps_meet_the_wrong_value_target(report: dict, kind: str) -> None:
    figures = report[kind]
    assert figures["failed"] == 0
    assert figures["wrong_rate"] <= 0.01, figures["wrong_values"]
    assert figures["accuracy"] >= 0.9


def test_legacy_ascii_kind_reads_back(report: dict) -> None:
    if "legacy-ascii" not in report:
        pytest.skip("bench/legacy_ascii.py (the legacy text writer) is not there yet")
    figures = report["legacy-ascii"]
    assert figures["wrong_rate"] <= 0.01, figures["wrong_values"]
