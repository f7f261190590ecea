"""Write a Form4 as a legacy EDGAR text filing: the pre-2002 paper form typed out in ASCII inside
an SGML submission, in the style of ``shared/corpus/real/legacy_ascii_form4_*.txt``.

Column widths are the real filing's, so long values wrap onto continuation lines and are cut
mid-word at column edges exactly as typists' templates cut them ("Options to Purchase Co" +
"mmon Stock", "2/7/0" + "0").
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from extractor.knowledge import labels as K
from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow
from extractor.render.values import footnote_markers

_RULE = "_" * 131
#: (width, field, kind) per typed column, as in the real filing's templates.
_TABLE1 = ((27, "security_title", "text"), (6, "transaction_date", "date"),
           (4, "transaction_code", "text"), (1, "transaction_timeliness", "v"),
           (18, "transaction_shares", "amount"), (3, "transaction_acquired_disposed_code", "text"),
           (11, "transaction_price_per_share", "price"),
           (19, "shares_owned_following_transaction", "amount"),
           (6, "direct_or_indirect_ownership", "text"), (27, "nature_of_ownership", "text"))
_TABLE2 = ((22, "security_title", "text"), (8, "conversion_or_exercise_price", "price"),
           (5, "transaction_date", "date"), (4, "transaction_code", "text"),
           (1, "transaction_timeliness", "v"), (11, "transaction_shares", "amount"),
           (3, "transaction_acquired_disposed_code", "text"), (5, "exercise_date", "date"),
           (5, "expiration_date", "date"), (12, "underlying_security_title", "text"),
           (7, "underlying_security_shares", "amount"),
           (7, "transaction_price_per_share", "price"),
           (12, "shares_owned_following_transaction", "amount"),
           (3, "direct_or_indirect_ownership", "text"), (12, "nature_of_ownership", "text"))

_HEAD1 = """\
 Table I -- Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned                                                 |
___________________________________________________________________________________________________________________________________|
1. Title of Security       |2.    |3.    |4.Securities Acquired (A)         |5.Amount of        |6.Dir |7.Nature of Indirect       |
                           | Transaction |  or Disposed of (D)              |  Securities       |ect   |  Beneficial Ownership     |
                           |      |      |                                  |  Beneficially     |(D)or |                           |
                           |      |    | |                  | A/|           |  Owned at         |Indir |                           |
                           | Date |Code|V|    Amount        | D |    Price  |  End of Month     |ect(I)|                           |
___________________________________________________________________________________________________________________________________|
<S>                        <C>    <C>  <C><C>               <C> <C>         <C>                 <C>    <C>"""
_HEAD2 = """\
 Table II -- Derivative Securitites Acquired, Disposed of, or Beneficially Owned                                                   |
___________________________________________________________________________________________________________________________________|
1.Title of Derivative |2.Con-  |3.   |4.    |5.Number of De |6.Date Exer|7.Title and Amount  |8.Price|9.Number    |10.|11.Nature of|
  Security            |version |Transaction | rivative Secu |cisable and|  of Underlying     |of Deri|of Deriva   |Dir|Indirect    |
                      |or Exer |     |      | rities Acqui  |Expiration |  Securities        |vative |tive        |ect|Beneficial  |
                      |cise    |     |      | red(A) or Dis |Date(Month/|                    |Secu   |Securities  |(D)|Ownership   |
                      |Price of|     |      | posed of(D)   |Day/Year)  |                    |rity   |Benefi      |or |            |
                      |Deriva- |     |      |               |Date |Expir|                    |       |ficially    |Ind|            |
                      |tive    |     |      |           | A/|Exer-|ation|   Title and Number |       |Owned at    |ire|            |
                      |Secu-   |     |    | |           | D |cisa-|Date |   of Shares        |       |End of      |ct |            |
                      |rity    |Date |Code|V|  Amount   |   |ble  |     |                    |       |Month       |(I)|            |
___________________________________________________________________________________________________________________________________|
<S>                   <C>      <C>   <C>  <C><C>        <C> <C>   <C>   <C>          <C>     <C>     <C>          <C> <C>"""


def _short_date(value: dt.date) -> str:
    return f"{value.month}/{value.day}/{value.year % 100:02d}"


def _cell(field: Field, kind: str) -> str:
    value = field.value
    if kind == "v":
        text = "V" if value == "E" else ""
    elif value is None:
        text = ""
    elif kind == "date":
        text = _short_date(value)  # type: ignore[arg-type]
    elif kind in ("amount", "price") and isinstance(value, Decimal):
        text = f"{value:,f}"
        if "." in text and kind == "amount":
            text = text.rstrip("0").rstrip(".")
        text = f"${text}" if kind == "price" else text
    else:
        text = str(value)
    markers = footnote_markers(field) if kind != "v" else ""
    return f"{text}{markers}" if text else markers


def _typed_row(row: NonDerivativeRow | DerivativeRow,
               columns: tuple[tuple[int, str, str], ...]) -> list[str]:
    """The row's lines: each cell cut into its column width, continued on further lines."""
    cells = [_cell(getattr(row, name), kind) for _, name, kind in columns]
    depth = max(1, *(-(-len(c) // w) for c, (w, _, _) in zip(cells, columns, strict=True)))
    lines = []
    for line in range(depth):
        parts = [c[line * w:(line + 1) * w].ljust(w) for c, (w, _, _) in
                 zip(cells, columns, strict=True)]
        lines.append("|".join(parts) + "|")
    return lines


def _mark(checked: object) -> str:
    return "(X)" if checked else "( )"


def legacy_ascii_filing(form: Form4, seed: int = 0) -> str:
    """``form`` as an SGML submission holding the typed pre-2002 form."""
    rng = random.Random(seed)
    owner = form.reporting_owners[0]
    rel = owner.relationship
    period = form.period_of_report.value or dt.date(2000, 1, 1)
    accession = f"0000{rng.randint(900000, 999999)}-{period.year % 100:02d}-" \
                f"{rng.randint(1, 999999):06d}"
    amendment = form.document_type.value == "4/A"
    header = [
        f"<SEC-DOCUMENT>{accession}.txt : {period:%Y%m%d}",
        f"<SEC-HEADER>{accession}.hdr.sgml : {period:%Y%m%d}",
        f"ACCESSION NUMBER:\t\t{accession}",
        f"CONFORMED SUBMISSION TYPE:\t{'4/A' if amendment else '4'}",
        "PUBLIC DOCUMENT COUNT:\t\t1",
        f"CONFORMED PERIOD OF REPORT:\t{period:%Y%m%d}", "",
        "SUBJECT COMPANY:", "", "\tCOMPANY DATA:",
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{str(form.issuer.issuer_name.value).upper()}", ""]
    for each in form.reporting_owners:
        header += ["<REPORTING-OWNER>", "", "COMPANY DATA:",
                   f"\tCOMPANY CONFORMED NAME:\t\t\t{str(each.rpt_owner_name.value).upper()}",
                   "</REPORTING-OWNER>"]
    header += ["</SEC-HEADER>", "<DOCUMENT>", f"<TYPE>{'4/A' if amendment else '4'}",
               "<SEQUENCE>1", f"<DESCRIPTION>FORM 4 - {period:%B %d, %Y}".upper(), "<TEXT>", ""]
    boxes = {b.key: b for b in K.BOXES_PRE_2002}

    def box(key: str) -> str:
        return f"{boxes[key].number}. {boxes[key].text}"

    name = f"{owner.last_name.value or owner.rpt_owner_name.value}"
    if owner.first_name.value:
        name += f", {owner.first_name.value}" + (f" {owner.middle_name.value}"
                                                 if owner.middle_name.value else "")
    body = ["UNITED STATES SECURITIES AND EXCHANGE COMMISSION", "WASHINGTON, D.C. 20549",
            "FORM 4", "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP",
            f"{_mark(form.not_subject_to_section16.value)} Check this box if no longer subject "
            "to Section 16.", "Form 4 or Form 5 obligations may continue. See Instructions 1(b).",
            box("reporting_person").rstrip("*"), f"   {name}"]
    body += [f"   {f.value}" for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
             if f.value]
    body += [f"   {owner.rpt_owner_city.value}, {owner.rpt_owner_state.value}  "
             f"{owner.rpt_owner_zip_code.value}", "   USA",
             box("issuer"), f"   {form.issuer.issuer_name.value}",
             f"   {form.issuer.issuer_trading_symbol.value}", box("irs_number"), "",
             box("statement_month"), f"   {period:%B %d,%Y}", box("amendment")]
    original = form.date_of_original_submission.value
    body.append(f"   {original:%B %Y}" if original else "")
    title = rel.officer_title.value or rel.other_text.value or ""
    joint = len(form.reporting_owners) > 1
    body += [box("relationship"),
             f"   {_mark(rel.is_director.value)} Director {_mark(rel.is_ten_percent_owner.value)}"
             f" 10% Owner {_mark(rel.is_officer.value)} Officer (give title below) "
             f"{_mark(rel.is_other.value)} Other", "   (specify below)", f"   {title}", "",
             box("filing_type"), f"   {_mark(not joint)} Form filed by One Reporting Person",
             f"   {_mark(joint)} Form filed by More than One Reporting Person",
             "<TABLE>", "<CAPTION>", _RULE, _HEAD1]
    for row in form.non_derivative_table:
        body += _typed_row(row, _TABLE1)
    body += [_RULE + "|", "<CAPTION>", _RULE, _HEAD2]
    for drow in form.derivative_table:
        body += _typed_row(drow, _TABLE2)
        body.append("- " + "-" * 129 + "|")
    body += [_RULE + "|", "</TABLE>", "Explanation of Responses:"]
    body += [f"({n.footnote_id.removeprefix('F')}) {n.text.value}" for n in form.footnotes]
    if form.remarks.value:
        body += ["Remarks:", str(form.remarks.value)]
    for signature in form.signatures:
        when = signature.signature_date.value
        body += ["SIGNATURE OF REPORTING PERSON", f"  {signature.signature_name.value}", "DATE",
                 f"{when:%B %d, %Y}" if when else ""]
    return "\n".join(header + body + ["", "</TEXT>", "</DOCUMENT>", "</SEC-DOCUMENT>"]) + "\n"
