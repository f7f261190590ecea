"""Shared fixtures: the real filings shipped in tests/fixtures, the whole corpus in ../shared,
and the markers that skip a test when what it needs is not on this machine.

Markers (registered in pyproject.toml):

* ``corpus``    - reads ../shared (beside the repository); skipped when it is absent.  Tests
  asking for the ``shared_dir`` or ``corpus_xml`` fixture get the marker by themselves.
* ``tesseract`` - runs the tesseract OCR engine; skipped when its binary is not installed.
* ``browser``   - drives headless chromium; skipped when chromium is not installed.
* ``slow``      - takes more than a few seconds; ``pytest -m "not slow"`` leaves them out.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.paths import FIXTURE_CORPUS, MISSING_SHARED, ROOT, SEED, SHARED, has_shared

#: Fixtures that need something from outside the repository, and the marker a test asking
#: for one gets: ../shared, or tesseract (the review directory's scan is read when it is made).
_FIXTURE_MARKERS = {"shared_dir": "corpus", "corpus_xml": "corpus", "review_dir": "tesseract"}


def _chromium_available() -> bool:
    """As bench/chromium.py finds it (the review tests also need /usr/bin/chromedriver)."""
    return os.access("/usr/bin/chromium", os.X_OK) or shutil.which("chromium") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    skips = {
        "corpus": None if has_shared() else pytest.mark.skip(reason=MISSING_SHARED),
        "tesseract": None if shutil.which("tesseract") else pytest.mark.skip(
            reason="tesseract is not installed (scripts/install-system-packages.sh installs it)"),
        "browser": None if _chromium_available() else pytest.mark.skip(
            reason="chromium is not installed (scripts/install-system-packages.sh installs it)"),
    }
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in _FIXTURE_MARKERS:
                item.add_marker(_FIXTURE_MARKERS[fixture])
        for name, skip in skips.items():
            if skip is not None and item.get_closest_marker(name) is not None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def root_dir() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (read-only material beside the repository); the test is skipped without it."""
    if not has_shared():
        pytest.skip(MISSING_SHARED)
    return SHARED


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed dump, shipped in tests/fixtures/seeds (a copy of ../shared's)."""
    return SEED


@pytest.fixture(scope="session")
def fixture_corpus() -> Path:
    """tests/fixtures/corpus: a few real filings in ../shared/corpus's layout."""
    return FIXTURE_CORPUS


@pytest.fixture(scope="session")
def filings() -> list[Path]:
    """The EDGAR XML filings shipped in tests/fixtures/corpus/xml (ten of the corpus's 22)."""
    return sorted((FIXTURE_CORPUS / "xml").glob("*.xml"))


@pytest.fixture(scope="session")
def corpus_xml(shared_dir: Path) -> list[Path]:
    """Every EDGAR XML filing of ../shared/corpus/xml; the test is skipped without it."""
    return sorted((shared_dir / "corpus" / "xml").glob("*.xml"))
