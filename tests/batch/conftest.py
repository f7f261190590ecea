"""Fixtures for the batch tests: real filings, copied into trees the tests can change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.paths import FIXTURE_CORPUS

ROOT = Path(__file__).resolve().parents[2]
#: Real filings shipped in tests/fixtures (copies of ../shared/corpus/xml files).
SHARED_XML = FIXTURE_CORPUS / "xml"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared_xml() -> list[Path]:
    """The EDGAR XML filings shipped in tests/fixtures/corpus/xml."""
    return sorted(SHARED_XML.glob("*.xml"))


def make_copies(sources: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` distinct inputs under ``folder`` (two levels of sub-folders): the sources
    in turn, each copy made distinct by a trailing XML comment (another content hash, the
    same filing read)."""
    made = []
    for index in range(count):
        source = sources[index % len(sources)]
        target = folder / f"part{index % 3}" / f"{index:04d}_{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes() + f"\n<!-- copy {index} -->\n".encode())
        made.append(target)
    return made


@pytest.fixture
def small_tree(tmp_path: Path, shared_xml: list[Path]) -> Path:
    """A folder of real inputs: XML filings in two sub-folders (one name in both), a Form 3,
    an empty file, a hidden file and a README."""
    tree = tmp_path / "in"
    (tree / "a").mkdir(parents=True)
    (tree / "b").mkdir()
    for source in shared_xml[:4]:
        shutil.copy(source, tree / "a" / source.name)
    musk = next(p for p in shared_xml if p.name.startswith("tsla_musk"))
    shutil.copy(musk, tree / "b" / shared_xml[0].name)  # same name as a/..., other filing
    form3 = SHARED_XML.parent / "xml_form3_5" / "form3_snow_garrett_2020-09-15.xml"
    shutil.copy(form3, tree / "b" / form3.name)
    (tree / "b" / "empty.txt").write_bytes(b"")
    (tree / "a" / ".hidden.xml").write_bytes(shared_xml[0].read_bytes())
    (tree / "README.md").write_text("not a filing\n")
    return tree
