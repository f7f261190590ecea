"""Shared fixtures: where the read-only material in ../shared lives."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the tests need ../shared beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "000_effff0a7ef2ff334.txt"


@pytest.fixture(scope="session")
def corpus_xml(shared_dir: Path) -> list[Path]:
    return sorted((shared_dir / "corpus" / "xml").glob("*.xml"))
