"""Seed-like markdown of another renderer's page (bench/text_layouts/pdf_markdown.py, a dev
seed), made from a real filing in tests/fixtures/corpus/xml and read back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from bench.text_layouts.pdf_markdown import pdf_markdown_form
from extractor import extract
from extractor.assemble.edgar_xml import read_edgar_xml


def test_a_ruled_page_converted_to_markdown_reads(fixture_corpus: Path, tmp_path: Path) -> None:
    truth = read_edgar_xml((fixture_corpus / "xml" / "tsla_musk_2023-03-08.xml").read_bytes())
    path = tmp_path / "musk.md.txt"
    path.write_text(pdf_markdown_form(truth, 1074)[0])
    form = extract(path)
    owner = form.reporting_owners[0]
    want = truth.reporting_owners[0]
    assert (str(owner.rpt_owner_city.value).upper(), owner.rpt_owner_zip_code.value) == (
        want.rpt_owner_city.value, want.rpt_owner_zip_code.value)
    assert owner.relationship.is_director.value is True
    rows = form.non_derivative_table
    assert [r.security_title.value for r in rows] == ["Common Stock", "Common Stock"]
    assert rows[0].shares_owned_following_transaction.value == Decimal("411056826")
    assert not any(r.security_title.needs_review for r in rows)
