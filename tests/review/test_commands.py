"""``form4 review serve`` as a user runs it: it extracts what has no result, keeps it in
DIR/.form4-review.sqlite, prints its address on 127.0.0.1 and serves; run again, it extracts
nothing twice."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.review.commands import DEFAULT_DB
from tests.review.conftest import ROOT, _corpus


def _serve(root: Path) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "review", "serve", str(root), "--port", "0",
         "--reviewer", "cli-test"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env, cwd=ROOT)
    assert process.stdout is not None
    return process, process.stdout.readline()


def _stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    _, err = process.communicate(timeout=20)
    return err


def test_serve_prints_a_local_address_and_keeps_the_database(tmp_path: Path) -> None:
    root = tmp_path / "dir"
    root.mkdir()
    shutil.copy(_corpus("tsla_musk_2023-03-08.xml"), root / "tsla.xml")
    shutil.copy(ROOT / "samples" / "seed_cellectar_longcor_2017-09.txt", root / "seed.txt")
    process, line = _serve(root)
    try:
        assert line.startswith("form4 review: http://127.0.0.1:"), line
        url = line.split()[2]
        with urllib.request.urlopen(url, timeout=10) as response:
            page = response.read().decode()
        assert "seed.txt" in page and "tsla.xml" in page
    finally:
        err = _stop(process)
    assert "seed.txt: " in err and "2 added, 0 could not be read, 2 in review" in err
    assert (root / DEFAULT_DB).is_file()
    process, _ = _serve(root)
    err = _stop(process)
    assert "0 added, 0 could not be read, 2 in review" in err


def test_export_without_a_database_says_how_to_make_one(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", "export", str(tmp_path), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "run `form4 review serve" in result.output
