"""Other renderers' layouts (bench/layouts, development seeds) read right where they once
flagged right values or lost them: sub-labels set before their values in a smaller type,
column headings set close with a word space between them or printed short, signatures
wrapped over their "/s/" or carried over a page break, and lone markers in empty cells."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bench.chromium import chromium_available, print_html_to_pdf
from bench.edgar_view import edgar_view_html
from bench.layouts import fill_official_form, render_layout
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.model import Form4
from tests.support.variants import long_remarks


@pytest.fixture(scope="module")
def dev_filings(corpus_xml: list[Path]) -> dict[str, Path]:
    return {p.stem: p for p in corpus_xml}


def _read(pdf: bytes, tmp_path: Path) -> Form4:
    out = tmp_path / "form.pdf"
    out.write_bytes(pdf)
    return extract(out)


def _truth(dev_filings: dict[str, Path], stem: str) -> Form4:
    return read_edgar_xml(dev_filings[stem].read_bytes())


def _flagged(form: Form4) -> list[str]:
    return [path for path, f in form.iter_fields() if f.needs_review]


def test_sub_labels_set_before_their_values_in_a_smaller_type(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # "STREET 1 TESLA ROAD", "CITY AUSTIN  STATE TX  ZIP CODE 78725": 7.1 pt labels, 8.2 pt values.
    pdf, _ = render_layout(_truth(dev_filings, "tsla_baglino_2023-07-27"), 1169)
    owner = _read(pdf, tmp_path).reporting_owners[0]
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == ("Austin", "TX", "78725")
    assert str(owner.rpt_owner_street2.value).upper() == "1 TESLA ROAD"
    assert not owner.rpt_owner_city.needs_review


def test_headings_set_a_word_space_apart_are_parted_by_their_aligned_lines(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # Table II's "Title of / Derivative / Security" beside "Conversion / or Exercise / Price
    # of": one space between the columns, the columns' lines aligned on their left edges.
    pdf, _ = render_layout(_truth(dev_filings, "goog_sergey_2022-04-13_22024550"), 1238)
    form = _read(pdf, tmp_path)
    first = form.derivative_table[0]
    assert first.conversion_or_exercise_price.value == 0
    assert first.direct_or_indirect_ownership.value == "D"
    assert not [p for p in _flagged(form) if p.startswith("derivative_table")]


def test_short_headings_are_found(dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # "Title and Amount of Underlying Securities", "No. of Derivative Securities Owned
    # Following Reported Trans.", "Ownership Form (D/I)".
    pdf, _ = render_layout(_truth(dev_filings, "amzn_ng_2024-04-12"), 1083)
    form = _read(pdf, tmp_path)
    row = form.derivative_table[0]
    assert (row.underlying_security_shares.value, row.shares_owned_following_transaction.value,
            row.direct_or_indirect_ownership.value) == (5952, 5952, "D")
    assert _flagged(form) == []


def test_a_signature_wrapped_after_by_keeps_its_signer(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # "SoftBank Vision Fund II-2 L.P., By :" / "/s/ SB Global Advisers Limited, its" / ...
    pdf, _ = render_layout(_truth(dev_filings, "betr_softbank_2024-12-09_8owners"), 1266)
    names = [str(s.signature_name.value) for s in _read(pdf, tmp_path).signatures]
    assert len(names) == 8
    assert names[2].startswith("SoftBank Vision Fund II-2 L.P., By : /s/ SB Global")


@pytest.mark.slow
def test_a_lone_marker_in_an_empty_date_cell_is_a_marker(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # The official form's rows whose nature of ownership is shrunk to fit its cell.
    form = _read(fill_official_form(_truth(dev_filings, "goog_sergey_2022-04-13_22024552"),
                                    1034), tmp_path)
    for row in form.derivative_table:
        assert row.exercise_date.footnote_ids == ("F6",)
        assert not row.exercise_date.needs_review


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("stem", "seed", "count"), [
    ("betr_softbank_2024-12-09_8owners", 1987, 8), ("txg_mammen_2023-05-11_23000035", 1903, 1)])
def test_signatures_cut_by_a_page_break(dev_filings: dict[str, Path], tmp_path: Path,
                                        stem: str, seed: int, count: int) -> None:
    # EDGAR's view printed: its Signatures table runs over the page break, the caption printed
    # once under the last signer (betr), or one signer's name cut in two (txg).
    if not chromium_available():
        pytest.skip("chromium is not installed")
    truth = _truth(dev_filings, stem)
    form = _read(print_html_to_pdf(edgar_view_html(truth, seed)), tmp_path)
    got = [(s.signature_name.value, s.signature_date.value) for s in form.signatures]
    assert got == [(s.signature_name.value, s.signature_date.value)
                   for s in truth.signatures][:count]
    assert form.remarks.value is None and len(got) == count


def test_remarks_go_on_under_the_official_forms_continued_explanation(
        dev_filings: dict[str, Path], tmp_path: Path) -> None:
    # Long remarks run off the official form's page and go on overleaf, under the heading
    # "Explanation of Responses (continued)".
    truth = long_remarks(_truth(dev_filings, "tsla_baglino_2023-07-27"), random.Random(7))
    form = _read(fill_official_form(truth, 1394), tmp_path)
    assert form.remarks.value == truth.remarks.value
    assert not form.remarks.needs_review
