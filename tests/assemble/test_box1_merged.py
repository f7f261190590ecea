"""Box 1 merged into one cell, read by its label sequence (extractor/assemble/box1_merged.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.text_layouts.pdf_markdown import pdf_markdown_form
from extractor import extract
from extractor.assemble.box1_merged import read_merged_box1
from extractor.assemble.edgar_xml import read_edgar_xml


@pytest.mark.parametrize(("cell", "street", "city"), [
    # values under their captions: the street and the city line stand before them
    ("Sergey Brin Last: First: Middle: C/O ALPHABET INC. 1600 AMPHITHEATRE PKWY Street: "
     "MOUNTAIN VIEW CA 94043 City: State: Zip:", "C/O ALPHABET INC. 1600 AMPHITHEATRE PKWY",
     ("MOUNTAIN VIEW", "CA", "94043")),
    # "Caption: value", with the care-of line still before "Street"
    ("Dodge R Stanton Last: First: Middle: C/O DRAFTKINGS INC. Street: 222 BERKELEY STREET, "
     "5TH FLOOR City: BOSTON State: MA Zip: 02116",
     "C/O DRAFTKINGS INC. 222 BERKELEY STREET, 5TH FLOOR", ("BOSTON", "MA", "02116")),
    ("Markham Drew G (Last) (First) (Middle) (Street) 18390 NE 68TH STREET (City) REDMOND "
     "(State) WA (Zip/Postal Code) 98052 (Country)", "18390 NE 68TH STREET",
     ("REDMOND", "WA", "98052")),
])
def test_a_merged_box1_is_read_by_its_captions(cell: str, street: str,
                                               city: tuple[str, str, str]) -> None:
    owner = read_merged_box1(cell)
    assert owner is not None
    assert owner.rpt_owner_street1.value == street
    assert (owner.rpt_owner_city.value, owner.rpt_owner_state.value,
            owner.rpt_owner_zip_code.value) == city


def test_captions_out_of_order_are_not_read() -> None:
    assert read_merged_box1("Sergey Brin City: State: Zip: Last: First: Middle:") is None


def test_a_generated_merged_box1_reads(fixture_corpus: Path, tmp_path: Path) -> None:
    truth = read_edgar_xml((fixture_corpus / "xml" / "amzn_ng_2024-04-12.xml").read_bytes())
    path = tmp_path / "ng.md.txt"
    path.write_text(pdf_markdown_form(truth, 1379)[0])
    owner = extract(path).reporting_owners[0]
    assert (owner.rpt_owner_name.value, str(owner.rpt_owner_street1.value).upper()) == (
        "Ng Andrew Y.", "P.O. BOX 81226")
    assert (str(owner.rpt_owner_city.value).upper(), owner.rpt_owner_zip_code.value) == (
        "SEATTLE", "98108-1226")
