"""One task: a real document in, a result or a failure record out (never an exception)."""

from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path

import pytest

from extractor.batch.worker import Task, count_pages, run_task

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _task(path: Path, fmt: str = "json", **extra: object) -> Task:
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return Task(str(path), str(path), sha, fmt, **extra)  # type: ignore[arg-type]


def test_an_xml_filing_to_json(shared_xml: list[Path]) -> None:
    result = run_task(_task(shared_xml[0]))
    assert result.ok and result.kind is None and result.pages == 1
    assert result.payload is not None
    document = json.loads(result.payload)
    assert document["issuer"]["issuer_trading_symbol"]["value"] == "AAPL"
    assert result.summary is not None and result.summary.startswith(f"{shared_xml[0]}: Form 4")


def test_combined_formats_keep_compressed_rows(shared_xml: list[Path]) -> None:
    result = run_task(_task(shared_xml[0], "parquet"))
    assert result.payload is not None
    tables = json.loads(zlib.decompress(result.payload))
    assert tables["filings"][0]["ISSUERNAME"] == "Apple Inc."
    line = run_task(_task(shared_xml[0], "jsonl", data=shared_xml[0].read_bytes()))
    assert line.payload is not None
    assert "\n" not in zlib.decompress(line.payload).decode()


def test_bad_input_is_a_record(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_task(_task(empty))
    assert (result.ok, result.kind, result.message) == (False, "bad-input", "the file is empty")
    missing = run_task(Task(str(tmp_path / "gone.xml"), "gone.xml", "", "json"))
    assert (missing.kind, missing.message) == ("bad-input", "no such file")


def test_an_extractor_bug_is_a_record(shared_xml: list[Path],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import extractor.api

    def broken(source: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr(extractor.api, "extract", broken)
    result = run_task(_task(shared_xml[0]))
    assert (result.ok, result.kind) == (False, "bug")
    assert result.message == "the extractor failed (ZeroDivisionError: division by zero)"


@pytest.mark.tesseract
def test_an_ocr_timeout_is_a_record_of_its_own() -> None:
    scan = SAMPLES / "tsla_musk_2023-03-08_scan300.png"
    from extractor.ingest import ocr

    before = ocr.READ_TIMEOUT_SECONDS
    try:
        result = run_task(_task(scan, ocr_timeout=0.001))
    finally:
        ocr.READ_TIMEOUT_SECONDS = before
    assert (result.ok, result.kind) == (False, "timeout")
    assert result.message == "tesseract did not finish reading the page in 0.001 s"
    assert result.pages == 1


def test_pages_are_counted() -> None:
    pdf = SAMPLES / "aapl_cook_2019-08-24_rendered.pdf"
    assert count_pages(pdf.read_bytes()) == 2  # the form and its continuation page
    assert count_pages(b"%PDF-1.4 not really") == 1
