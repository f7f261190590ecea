"""The geometric reader's choices on layouts other than ours: which label governs a line,
remarks going on overleaf; and end to end, other renderers' Form 4s read right."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.chromium import chromium_available, print_html_to_pdf
from bench.edgar_view import edgar_view_html
from bench.layouts import DEV_SEEDS, fill_official_form
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.ingest.page import Word
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.reader import _beside_a_label, _cut_at_labels
from tests.support.compare import compare_forms, tally


def _word(text: str, x0: float, top: float, width: float = 20.0, height: float = 6.0) -> Word:
    return Word(text, x0, x0 + width, top, top + height, 1)


def _label(key: str, x0: float, top: float, width: float = 100.0) -> Anchor:
    return Anchor(key, "box", (_word(key, x0, top, width),), 100.0)


def test_a_far_label_at_the_height_of_a_wrapped_value_does_not_cut_it() -> None:
    # Box 6's option "Form filed by One Reporting / Person" wraps to the height of box 3's
    # label two columns to the left: box 6's own label, just above, governs the line.
    box6, box3 = _label("filing_type", 350, 185), _label("earliest_transaction", 209, 202)
    first, second = [_word("Form", 361, 194.4)], [_word("Person", 361, 201.2)]
    assert not _beside_a_label(second, [box6, box3])
    assert _cut_at_labels(first + second, [box6, box3]) == [first + second]


def test_values_typed_beside_their_captions_are_parted() -> None:
    # "Name:" and "Relationship to Issuer:" captions, each value typed to the right of its own.
    name, relation = _label("reporting_person", 50, 100, 60), _label("relationship", 50, 110, 60)
    first, second = [_word("Jane", 150, 100)], [_word("Director", 150, 110)]
    assert _beside_a_label(second, [name, relation])
    assert _cut_at_labels(first + second, [name, relation]) == [first, second]


@pytest.fixture(scope="module")
def dev_filings(corpus_xml: list[Path]) -> dict[str, Path]:
    return {p.stem: p for p in corpus_xml}


def _read_right(path: Path, pdf: bytes, tmp_path: Path) -> dict[str, float]:
    out = tmp_path / "form.pdf"
    out.write_bytes(pdf)
    return tally(compare_forms(read_edgar_xml(path.read_bytes()), extract(out)))


@pytest.mark.slow
@pytest.mark.parametrize("stem", ["goog_sergey_2022-04-13_22024552", "aapl_cook_2019-08-24",
                                  "betr_softbank_2024-12-09_8owners"])
def test_the_official_2026_form_filled_in_reads_with_nothing_wrong(
        dev_filings: dict[str, Path], stem: str, tmp_path: Path) -> None:
    # goog: footnote marks set on a line of their own under long prices; betr: eight owners
    # whose boxes the form's grid squeezes. What cannot be read surely is flagged, never wrong.
    path = dev_filings[stem]
    form = read_edgar_xml(path.read_bytes())
    result = _read_right(path, fill_official_form(form, DEV_SEEDS[0]), tmp_path)
    assert result["wrong"] == 0, result
    assert result["accuracy"] >= 0.9, result


@pytest.mark.browser
@pytest.mark.slow
def test_edgar_view_printed_by_chromium_reads_with_nothing_wrong(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    if not chromium_available():
        pytest.skip("chromium is not installed")
    path = dev_filings["aapl_cook_2019-08-24"]
    pdf = print_html_to_pdf(edgar_view_html(read_edgar_xml(path.read_bytes())))
    result = _read_right(path, pdf, tmp_path)
    assert result["wrong"] == 0, result
    assert result["accuracy"] >= 0.98
