"""Markdown written by other PDF-to-markdown converters (bench/text_layouts/markdown.py, dev
seeds), made from the real filings in tests/fixtures/corpus/xml and read back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bench.text_layouts.markdown import draw_markdown_spec, markdown_form
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml
from tests.support.compare import compare_forms, tally

FILINGS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "xml")
                 .glob("*.xml"))
#: Development seeds covering every convention, with boxes as paragraphs and as a table.
SEEDS = (1000, 1002, 1003, 1014, 1015, 1021)
#: The fewest fields read right per document: the (A)/(D) side of a Table II amount whose
#: empty neighbour was dropped is not in the text, and is flagged.
MIN_ACCURACY = 0.85


def _read(tmp_path: Path, filing: Path, seed: int):
    truth = read_edgar_xml(filing.read_bytes())
    text, _ = markdown_form(truth, seed)
    path = tmp_path / f"{filing.stem}-{seed}.md.txt"
    path.write_text(text)
    return truth, extract(path)


def test_seeds_cover_the_conventions() -> None:
    specs = [draw_markdown_spec(seed) for seed in SEEDS]
    assert {s.family for s in specs} == {"md-drop-empty", "md-merge", "md-split", "md-broken"}
    assert {s.boxes for s in specs} == {"paragraphs", "label-table"}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("filing", FILINGS, ids=lambda p: p.stem)
def test_no_wrong_values(tmp_path: Path, filing: Path, seed: int) -> None:
    truth, got = _read(tmp_path, filing, seed)
    comparisons = compare_forms(truth, got)
    assert tally(comparisons)["wrong"] == 0
    # The converter prints box 5 once, for the first reporting person only.
    printed = [c for c in comparisons if not re.match(r"reporting_owners\[[1-9]\d*\]\.relation",
                                                      c.path)]
    assert tally(printed)["accuracy"] >= MIN_ACCURACY


def test_box1_as_lines_and_the_signature(tmp_path: Path) -> None:
    """Box 1 without sub-labels: name, street, "CITY ST ZIP" lines; a signature dated
    "Aug. 27, 2019"; box 5's marks written before the labels with empty boxes as nothing."""
    filing = next(p for p in FILINGS if p.stem.startswith("aapl_cook"))
    _, form = _read(tmp_path, filing, 1002)
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_name.value == "COOK TIMOTHY D"
    assert str(owner.rpt_owner_street1.value).upper() == "ONE APPLE PARK WAY"
    assert str(owner.rpt_owner_city.value).upper() == "CUPERTINO"
    assert (owner.rpt_owner_state.value, owner.rpt_owner_zip_code.value) == ("CA", "95014")
    rel = owner.relationship
    assert (rel.is_director.value, rel.is_officer.value, rel.is_ten_percent_owner.value) == (
        True, True, False)
    assert rel.officer_title.value == "Chief Executive Officer"
    signature = form.signatures[0]
    assert signature.signature_name.value == \
        "/s/ Sam Whittington, Attorney-in-Fact for Timothy D. Cook"
    assert signature.signature_date.value == dt.date(2019, 8, 27)


def test_joint_filers_from_repeated_box1(tmp_path: Path) -> None:
    filing = next(p for p in FILINGS if p.stem.startswith("flws_fund"))
    truth, form = _read(tmp_path, filing, 1014)
    assert [o.rpt_owner_name.value for o in form.reporting_owners] == \
        [o.rpt_owner_name.value for o in truth.reporting_owners]
    assert form.individual_or_joint_filing.value == "joint"


def test_footnotes_and_remarks_end_at_the_printed_notes(tmp_path: Path) -> None:
    """The "** Intentional misstatements" note after the last footnote is the form's own."""
    for filing in FILINGS:
        truth, form = _read(tmp_path, filing, 1003)
        assert [n.text.value for n in form.footnotes] == [n.text.value for n in truth.footnotes]
        assert form.remarks.value == truth.remarks.value
