"""The ``form4`` command, run as a user runs it: a real subprocess, real files."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.support.paths import FIXTURE_CORPUS

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


def test_form3_is_not_a_form4(fixture_corpus: Path) -> None:
    form3 = next((fixture_corpus / "xml_form3_5").glob("form3_*.xml"))
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
    outputs = sorted(out.rglob("*.json"))  # the input tree mirrored, the whole name kept
    assert [p.name for p in outputs] == [f"{seed_path.name}.json"]
    written = json.loads(outputs[0].read_text())
    assert written["issuer"]["issuer_name"]["value"] == "Cellectar Biosciences, Inc."


def test_a_failure_of_the_extractor_on_one_file_does_not_stop_the_batch(
        seed_path: Path, filings: list[Path], tmp_path: Path,
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
    result = CliRunner().invoke(cli.main, ["extract", str(seed_path), str(filings[0]),
                                           "-o", str(out)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("form4: error")]
    assert errors == [f"form4: error: {seed_path}: the extractor failed (RuntimeError: a field); "
                      "this is a bug, please report it with the file"]
    assert "1 read, 1 failed" in result.stderr
    assert sorted(p.name for p in out.rglob("*.json")) == [f"{filings[0].name}.json"]


def test_several_json_to_stdout_are_json_lines(seed_path: Path, filings: list[Path]) -> None:
    result = run("extract", str(seed_path), str(filings[0]))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source_path"] for line in lines] == [str(seed_path),
                                                                   str(filings[0])]


def test_several_xml_need_a_directory(seed_path: Path, filings: list[Path]) -> None:
    result = run("extract", str(seed_path), str(filings[0]), "--format", "xml")
    assert result.returncode == 2
    assert "-o DIRECTORY" in result.stderr


def test_schema_command_prints_the_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "form4 extraction result"
    assert "Form4" not in schema["$defs"] and "ReportingOwner" in schema["$defs"]


def test_render_command(filings: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "form.pdf"
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    result = run("render", str(path), "-o", str(out), "--style", "alternate")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Tesla, Inc." in result.stdout
    bad = run("render", str(tmp_path / "missing.xml"), "-o", str(tmp_path / "x.pdf"))
    assert bad.returncode == 2 and "no such file" in bad.stderr
    assert not (tmp_path / "x.pdf").exists()


def _shared_xml() -> list[Path]:
    """The EDGAR XML filings shipped in tests/fixtures (copies of ../shared's)."""
    return sorted((FIXTURE_CORPUS / "xml").glob("*.xml"))


def test_a_path_through_dot_dot_is_no_hidden_path(tmp_path: Path) -> None:
    xml = tmp_path / "xml"
    xml.mkdir()
    for source in _shared_xml()[:2]:
        (xml / source.name).write_bytes(source.read_bytes())
    (tmp_path / "work").mkdir()
    result = run("extract", "../xml", "-o", "out", cwd=tmp_path / "work")
    assert result.returncode == 0, result.stderr
    assert "form4: 2 read, 0 failed" in result.stderr
    assert len(list((tmp_path / "work" / "out").rglob("*.json"))) == 2


def test_outputs_never_collide_and_are_not_read_back(tmp_path: Path) -> None:
    first, second = _shared_xml()[:2]
    tree = tmp_path / "in"
    for folder, source in (("a", first), ("b", second)):
        (tree / folder).mkdir(parents=True)
        (tree / folder / "x.xml").write_bytes(source.read_bytes())
    (tree / "a" / "x.txt").write_bytes(second.read_bytes())  # same stem, other suffix
    out = tree / "out"  # inside the input directory
    for _ in range(2):
        result = run("extract", str(tree), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert "form4: 3 read, 0 failed" in result.stderr  # not its own outputs as well
    names = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert names == ["a/x.txt.json", "a/x.xml.json", "b/x.xml.json"]
    documents = {n: json.loads((out / n).read_text()) for n in names}
    assert documents["a/x.xml.json"]["source_path"] == str(tree / "a" / "x.xml")
    assert documents["b/x.xml.json"]["source_path"] == str(tree / "b" / "x.xml")


def test_output_problems_are_one_line_before_the_work(tmp_path: Path) -> None:
    first, second = (str(p) for p in _shared_xml()[:2])
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    cases = [
        (["extract", first, second, "-o", str(blocker / "out")], "cannot write there"),
        (["extract", first, second, "-o", str(tmp_path / "x.json")], "need a directory"),
        (["extract", first, "--format", "csv", "-o", str(tmp_path)], "a directory"),
        (["batch", first, "-o", str(blocker)], "a file, not a directory"),
        (["batch", "-o", str(tmp_path / "new")], "--resume"),
    ]
    for args, message in cases:
        result = run(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("form4: error: "), lines
        assert message in lines[0]
        assert result.stdout == ""
    assert not (tmp_path / "x.json").exists() and not (tmp_path / "new").exists()


def test_dash_is_standard_output(tmp_path: Path) -> None:
    source = _shared_xml()[0]
    result = run("extract", str(source), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["issuer"]["issuer_trading_symbol"]["value"] == "AAPL"
    assert list(tmp_path.iterdir()) == []


def _many(tmp_path: Path, count: int, largest: bool = False) -> Path:
    tree = tmp_path / "in"
    tree.mkdir()
    sources = _shared_xml()
    if largest:  # results larger than a pipe's buffer: a worker can be stopped mid-send
        sources = sorted(sources, key=lambda path: -path.stat().st_size)[:2]
    for index in range(count):
        source = sources[index % len(sources)]
        (tree / f"{index:04d}_{source.name}").write_bytes(
            source.read_bytes() + f"<!-- {index} -->".encode())
    return tree


def _interrupt_when(process: subprocess.Popen[str], ready: Callable[[], bool]) -> str:
    import os
    import signal
    import time

    deadline = time.monotonic() + 60
    while not ready():
        assert process.poll() is None, "it ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
    _, stderr = process.communicate(timeout=180)  # a hang fails; a busy machine does not
    return stderr


def test_ctrl_c_is_exit_130_with_one_line(tmp_path: Path) -> None:
    tree = _many(tmp_path, 600, largest=True)
    out = tmp_path / "out"
    extract_run = subprocess.Popen([*FORM4, "extract", str(tree), "-o", str(out)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True)
    stderr = _interrupt_when(extract_run, lambda: out.is_dir() and any(out.iterdir()))
    assert extract_run.returncode == 130
    assert stderr.strip().splitlines()[-1] == "form4: interrupted"
    assert "Traceback" not in stderr

    batch_out = tmp_path / "batch"
    batch_run = subprocess.Popen([*FORM4, "batch", str(tree), "-o", str(batch_out),
                                  "--workers", "2"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True, start_new_session=True)
    stderr = _interrupt_when(batch_run, lambda: len(list(batch_out.glob("*.json"))) >= 50)
    assert batch_run.returncode == 130
    assert stderr.strip().splitlines()[-1].startswith("form4: interrupted; the work done is kept")
    assert "Traceback" not in stderr
    again = run("batch", str(tree), "-o", str(batch_out))
    assert again.returncode == 0, again.stderr
    assert " done before" in again.stderr
    assert len(list(batch_out.glob("*.json"))) == 600


def test_batch_command(tmp_path: Path) -> None:
    tree = _many(tmp_path, 5)
    (tree / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("batch", str(tree), "-o", str(out), "--format", "csv", "--workers", "2")
    assert result.returncode == 2, result.stderr  # one input could not be read
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"form4: error: {tree / 'empty.txt'}: the file is empty"
    assert "form4: 5 read (0 with values to review), 1 failed (1 bad input);" in lines[1]
    assert lines[2].startswith("form4: results: ") and lines[3].endswith("failures.csv")
    with open(out / "filings.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 5
