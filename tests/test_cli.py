"""The ``form4`` command, run as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

FORM4 = [sys.executable, "-m", "extractor.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FORM4, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_json_to_stdout(seed_path: Path) -> None:
    result = run("extract", str(seed_path))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["issuer"]["issuer_trading_symbol"]["value"] == "CLRB"


def test_xml_format(seed_path: Path) -> None:
    result = run("extract", str(seed_path), "--format", "xml")
    assert result.returncode == 0, result.stderr
    root = etree.fromstring(result.stdout.encode())
    assert root.tag == "ownershipDocument"
    assert root.findtext("issuer/issuerTradingSymbol") == "CLRB"
    assert root.findtext("periodOfReport") == "2017-09-18"
    assert root.findtext("reportingOwner/reportingOwnerAddress/rptOwnerZipCode") == "53716"
    assert root.find("issuer/issuerCik") is None  # not printed on the paper form
    assert root.find("derivativeTable") is None   # lost rows are not invented


def test_csv_format_to_file(seed_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("extract", str(seed_path), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows[0]["reporting_owners"] == "Longcor Jarrod"
    assert "CLRB" in result.stdout  # the summary line


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the file is empty"),
    (bytes(range(256)) * 8, "binary data"),
    (b"Dear shareholder, our annual meeting is on May 5.", "no Form 4"),
    (b"%PDF-1.4 this is not a real pdf", "corrupt or unreadable PDF"),
    # A text about the form: its labels are there, a filing's values are not.
    (b"Form 4. Statement of Changes in Beneficial Ownership.\n1. Name and Address of Reporting "
     b"Person\n2. Issuer Name and Ticker or Trading Symbol\n3. Date of Earliest Transaction\n"
     b"Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n",
     "no issuer, reporting person, date, table row or check mark"),
])
def test_bad_input_one_line_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("extract", str(bad))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"form4: error: {bad}: ")
    assert message in lines[0]
    assert result.stdout == ""


def test_a_scan_without_tesseract_installed_says_how_to_install_it() -> None:
    """tesseract not on the PATH (a machine set up without it): one line, exit 2."""
    import os

    scan = Path(__file__).parents[1] / "samples" / "tsla_musk_2023-03-08_scan300.png"
    result = subprocess.run([*FORM4, "extract", str(scan)], capture_output=True, text=True,
                            timeout=120, env={**os.environ, "PATH": "/nonexistent"})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"form4: error: {scan}: the tesseract OCR program is not installed; on Debian: "
        "sudo apt-get install tesseract-ocr (or run the project's make setup)"]


def test_form3_is_not_a_form4(shared_dir: Path) -> None:
    form3 = next((shared_dir / "corpus" / "xml_form3_5").glob("form3_*.xml"))
    result = run("extract", str(form3))
    assert result.returncode == 2
    assert "not a Form 4" in result.stderr


def test_several_paths_other_files_still_processed(seed_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "out"
    result = run("extract", str(empty), str(seed_path), str(missing), "-o", str(out))
    assert result.returncode == 2
    assert f"{empty}: the file is empty" in result.stderr
    assert f"{missing}: no such file" in result.stderr
    assert "1 read, 2 failed" in result.stderr
    written = json.loads((out / f"{seed_path.stem}.json").read_text())
    assert written["issuer"]["issuer_name"]["value"] == "Cellectar Biosciences, Inc."
    assert sorted(p.name for p in out.iterdir()) == [f"{seed_path.stem}.json"]


def test_a_failure_of_the_extractor_on_one_file_does_not_stop_the_batch(
        seed_path: Path, corpus_xml: list[Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met on one file is one line naming the file; the files after it are written,
    and the exit code (1) tells a bug from bad input (2)."""
    from click.testing import CliRunner

    from extractor import cli

    def extract_with_a_bug(path: Path):  # type: ignore[no-untyped-def]
        if Path(path) == seed_path:
            raise RuntimeError("a field\nover two lines")
        return real_extract(path)

    real_extract = cli.extract
    monkeypatch.setattr(cli, "extract", extract_with_a_bug)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["extract", str(seed_path), str(corpus_xml[0]),
                                           "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("form4: error")]
    assert errors == [f"form4: error: {seed_path}: the extractor failed (RuntimeError: a field); "
                      "this is a bug, please report it with the file"]
    assert "1 read, 1 failed" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{corpus_xml[0].stem}.json"]


def test_several_json_to_stdout_are_json_lines(seed_path: Path, corpus_xml: list[Path]) -> None:
    result = run("extract", str(seed_path), str(corpus_xml[0]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source_path"] for line in lines] == [str(seed_path),
                                                                   str(corpus_xml[0])]


def test_several_xml_need_a_directory(seed_path: Path, corpus_xml: list[Path]) -> None:
    result = run("extract", str(seed_path), str(corpus_xml[0]), "--format", "xml")
    assert result.returncode == 2
    assert "-o DIRECTORY" in result.stderr


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "form4 extraction result"
    assert "Form4" not in schema["$defs"] and "ReportingOwner" in schema["$defs"]


def test_render_command(corpus_xml: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    path = next(p for p in corpus_xml if p.name.startswith("tsla_musk"))
    result = run("render", str(path), "-o", str(out), "--style", "alternate")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Tesla, Inc." in result.stdout
    bad = run("render", str(tmp_path / "missing.xml"), "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and "no such file" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()
