"""Reading a legacy EDGAR text filing (the pre-2002 paper Form 4 typed out in ASCII)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.assemble.legacy_ascii import looks_like_legacy_ascii, read_legacy_ascii
from extractor.errors import NotAForm4Error
from extractor.model import Form4
from tests.support.paths import FIXTURE_CORPUS

REAL = FIXTURE_CORPUS / "real"  # copies of ../shared/corpus/real files
LEGACY = REAL / "legacy_ascii_form4_prac_foster_2000-02_0001094891-00-000193.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return LEGACY.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def form(text: str) -> Form4:
    return read_legacy_ascii(text)


def test_document_level_values(form: Form4) -> None:
    assert form.form_revision == "pre-2002"
    assert form.source_kind == "legacy-ascii"
    assert form.document_type.value == "4"
    assert form.date_of_original_submission.value is None
    assert not form.date_of_original_submission.needs_review
    assert form.statement_month.value == "2000-02"
    assert form.period_of_report.value == dt.date(2000, 2, 29)
    assert form.period_of_report.confidence == 0.99  # the header's period agrees
    assert form.individual_or_joint_filing.value == "individual"
    assert form.not_subject_to_section16.value is False
    assert form.non_derivative_table == ()
    assert form.footnotes == ()
    assert form.review == ()


def test_issuer(form: Form4) -> None:
    assert form.issuer.issuer_name.value == "Productivity Technologies Corp."
    assert form.issuer.issuer_name.confidence == 0.99  # "PRODUCTIVITY TECHNOLOGIES CORP /"
    assert form.issuer.issuer_trading_symbol.value == "PRAC"
    assert form.issuer.issuer_name.provenance.source == "legacy-ascii"


def test_reporting_owner_from_the_printed_form(form: Form4) -> None:
    (owner,) = form.reporting_owners
    assert owner.rpt_owner_name.value == "Foster Alan H."
    assert owner.rpt_owner_name.confidence == 0.99  # header "FOSTER ALAN H" agrees
    assert (owner.last_name.value, owner.first_name.value, owner.middle_name.value) == \
        ("Foster", "Alan", "H.")
    # The header's address (509 Madison Ave) must not override the printed one.
    assert owner.rpt_owner_street1.value == "c/o Productivity Technologies Corp."
    assert owner.rpt_owner_street2.value == "520 Madison Avenue"
    assert owner.rpt_owner_city.value == "New York"
    assert owner.rpt_owner_state.value == "NY"
    assert owner.rpt_owner_zip_code.value == "10022"
    assert not owner.rpt_owner_state.needs_review  # the "USA" line is not a problem


def test_relationship(form: Form4) -> None:
    relationship = form.reporting_owners[0].relationship
    assert relationship.is_director.value is True
    assert relationship.is_officer.value is False
    assert relationship.is_ten_percent_owner.value is False
    assert relationship.is_other.value is False
    assert relationship.is_director.confidence == 0.99  # <RELATIONSHIP>DIRECTOR
    assert relationship.officer_title.value is None
    assert relationship.other_text.value is None


def test_signature(form: Form4) -> None:
    (signature,) = form.signatures
    assert signature.signature_name.value == "/s/ Alan H. Foster"
    assert signature.signature_date.value == dt.date(2000, 3, 13)


def test_table2_row_every_column(form: Form4) -> None:
    (row,) = form.derivative_table
    assert row.is_holding is False
    assert row.security_title.value == "Options to Purchase Common Stock"
    assert row.conversion_or_exercise_price.value == Decimal("1.375")
    assert row.transaction_date.value == dt.date(2000, 2, 7)
    assert row.deemed_execution_date.value is None
    assert row.transaction_code.value == "A"
    assert row.transaction_timeliness.value == "E"  # the "V" column is marked
    assert row.exercise_date.value == dt.date(2000, 2, 7)
    assert row.expiration_date.value == dt.date(2005, 2, 7)
    assert row.underlying_security_title.value == "Common Stock"
    assert row.underlying_security_shares.value == Decimal("12000")
    assert row.transaction_price_per_share.value is None  # typed "-"
    assert not row.transaction_price_per_share.needs_review
    assert row.shares_owned_following_transaction.value == Decimal("12000")
    assert row.direct_or_indirect_ownership.value == "D"
    assert row.nature_of_ownership.value is None  # typed "-"
    # Cells rebuilt from words cut at the column edge are trusted a little less.
    assert row.security_title.confidence == 0.9
    assert row.underlying_security_title.confidence == 0.95


def test_paired_amount_and_ad_code_are_flagged_not_guessed(form: Form4) -> None:
    row = form.derivative_table[0]
    # "12,000 -" under Amount with "A,D" under A/D: the paper form's (A) and (D) sub-columns
    # typed side by side.  The amount is printed; the direction is not stated unambiguously.
    assert row.transaction_shares.value == Decimal("12000")
    assert row.transaction_shares.needs_review
    assert row.transaction_shares.confidence < 0.8
    assert row.transaction_acquired_disposed_code.value is None
    reason = row.transaction_acquired_disposed_code.review_reason
    assert reason is not None and "A,D" in reason and "probably A" in reason
    flagged = {item.path for item in form.review_items()}
    assert flagged == {"derivative_table[0].transaction_shares",
                       "derivative_table[0].transaction_acquired_disposed_code"}


def test_looks_like_legacy_ascii(text: str) -> None:
    assert looks_like_legacy_ascii(text)
    xml = (REAL / "sgml_submission_txg_0001610717-23-000035.txt").read_text(encoding="utf-8")
    assert not looks_like_legacy_ascii(xml)
    assert not looks_like_legacy_ascii("FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP")


def test_header_disagreement_is_flagged_not_applied(text: str) -> None:
    changed = text.replace("FOSTER ALAN H", "SMITH JOHN Q").replace(
        "CONFORMED PERIOD OF REPORT:\t20000229", "CONFORMED PERIOD OF REPORT:\t20000131")
    form = read_legacy_ascii(changed)
    owner = form.reporting_owners[0]
    assert owner.rpt_owner_name.value == "Foster Alan H."
    assert "SMITH JOHN Q" in (owner.rpt_owner_name.review_reason or "")
    assert form.period_of_report.value == dt.date(2000, 2, 29)
    assert "2000-01-31" in (form.period_of_report.review_reason or "")


def test_bare_typed_form_without_sgml(text: str) -> None:
    start, end = text.index("<TEXT>") + len("<TEXT>"), text.index("</TEXT>")
    form = read_legacy_ascii(text[start:end])
    assert form.reporting_owners[0].rpt_owner_name.value == "Foster Alan H."
    assert form.reporting_owners[0].rpt_owner_name.confidence == 0.95  # nothing to corroborate
    assert form.derivative_table[0].expiration_date.value == dt.date(2005, 2, 7)


def _grid(*cells: str) -> str:
    """A Table I line with the real filing's column widths, each cell closed by a pipe."""
    widths = (27, 6, 4, 1, 18, 3, 11, 19, 6, 27)
    return "".join(cell.ljust(width) + "|" for cell, width in zip(cells, widths, strict=True))


def test_table1_rows_typed_into_the_real_layout(text: str) -> None:
    marker = "<S>                        <C>    <C>  <C><C>"
    at = text.index("\n", text.index(marker)) + 1
    rows = "\n".join([
        _grid("Common Stock", "2/7/00", "P", "", "1,000", "A", "$2.50", "11,000", "D", ""),
        _grid("Common Stock", "", "", "", "", "", "", "5,000", "I",
              "By the Alan H. Foster Famil"),
        _grid("", "", "", "", "", "", "", "", "", "y Trust (1)"),
    ]) + "\n"
    typed = text[:at] + rows + text[at:]
    typed = typed.replace("Explanation of Responses:\n",
                          "Explanation of Responses:\n(1) Held by a trust for his\n"
                          "    children.\n")
    form = read_legacy_ascii(typed)
    first, second = form.non_derivative_table
    assert first.is_holding is False
    assert first.security_title.value == "Common Stock"
    assert first.transaction_date.value == dt.date(2000, 2, 7)
    assert first.transaction_code.value == "P"
    assert first.transaction_timeliness.value is None
    assert first.transaction_shares.value == Decimal("1000")
    assert first.transaction_acquired_disposed_code.value == "A"
    assert first.transaction_price_per_share.value == Decimal("2.50")
    assert first.shares_owned_following_transaction.value == Decimal("11000")
    assert first.direct_or_indirect_ownership.value == "D"
    assert second.is_holding is True
    assert second.shares_owned_following_transaction.value == Decimal("5000")
    assert second.direct_or_indirect_ownership.value == "I"
    assert second.nature_of_ownership.value == "By the Alan H. Foster Family Trust"
    assert second.nature_of_ownership.footnote_ids == ("F1",)
    assert form.footnote_text("F1") == "Held by a trust for his children."
    assert len(form.derivative_table) == 1


def test_form3_submission_is_not_a_form4(text: str) -> None:
    form3 = text.replace("CONFORMED SUBMISSION TYPE:\t4", "CONFORMED SUBMISSION TYPE:\t3") \
        .replace("<TYPE>4", "<TYPE>3")
    with pytest.raises(NotAForm4Error, match="form type 3"):
        read_legacy_ascii(form3)


@pytest.mark.parametrize("body", [
    "ANNUAL REPORT\nThe company had a good year.\n",
    "FORM 3\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\n1. Name and Address\n",
])
def test_typed_document_that_is_not_a_form4(body: str) -> None:
    text = f"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n"
    with pytest.raises(NotAForm4Error) as err:
        read_legacy_ascii(text)
    assert "\n" not in str(err.value)


def test_variants_of_the_boxes(text: str) -> None:
    typed = text.replace("( ) Officer (give title below)", "(X) Officer (give title below)") \
        .replace("   (specify below)\n", "   (specify below)\n   Chief Financial Officer\n") \
        .replace("   February 29,2000\n", "   February 2000\n") \
        .replace("(Month/Year)\n\n6.", "(Month/Year)\n   01/2000\n6.") \
        .replace("( ) Form filed by More", "(X) Form filed by More")
    form = read_legacy_ascii(typed)
    relationship = form.reporting_owners[0].relationship
    assert relationship.is_officer.value is True
    assert "DIRECTOR" in (relationship.is_officer.review_reason or "")  # header disagrees
    assert relationship.officer_title.value == "Chief Financial Officer"
    # Only the month is printed: the header's period, in that month, stands for it.
    assert form.statement_month.value == "2000-02"
    assert form.period_of_report.value == dt.date(2000, 2, 29)
    assert form.period_of_report.confidence == 0.85
    # Box 5 asks for Month/Year only: an amendment, but no day to report.
    assert form.document_type.value == "4/A"
    assert "form type 4" in (form.document_type.review_reason or "")
    assert form.date_of_original_submission.value is None
    assert form.date_of_original_submission.needs_review
    # Both lines of box 7 checked: flagged, not guessed.
    assert form.individual_or_joint_filing.value is None
    assert form.individual_or_joint_filing.needs_review
