"""Where the tests' documents live.

``tests/fixtures/corpus`` holds copies of a few real public filings from ``../shared/corpus``
(same sub-folders, same names; tests/fixtures/README.md says where each came from), so the core
tests run from any clone.  The whole corpus in ``../shared`` (read-only, beside the repository)
is only needed by the tests marked ``corpus``; they are skipped without it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
#: Copies of a few files of ../shared/corpus, in its layout (xml/, xml_form3_5/, real/).
FIXTURE_CORPUS = FIXTURES / "corpus"
#: The seed dump (a copy of ../shared/seeds/000_effff0a7ef2ff334.txt).
SEED = FIXTURES / "seeds" / "000_effff0a7ef2ff334.txt"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
MISSING_SHARED = (f"{SHARED} is missing: this test reads the whole corpus in ../shared beside "
                  "the repository (the tests under tests/fixtures run without it)")


def has_shared() -> bool:
    return SHARED_CORPUS.is_dir()


def fixture_xml(prefix: str) -> Path:
    """The shipped EDGAR XML filing whose name starts with ``prefix``."""
    matches = sorted((FIXTURE_CORPUS / "xml").glob(f"{prefix}*.xml"))
    if not matches:
        raise FileNotFoundError(f"no filing {prefix}* in {FIXTURE_CORPUS / 'xml'}")
    return matches[0]
