"""EDGAR's HTML view of a Form 4, written from the model, for printing to PDF with Chromium.

EDGAR shows every ownership filing as a web page its XSL stylesheet makes from the XML (the
"SEC Form 4" page at sec.gov); most Form 4 PDFs in the wild are that page printed from a
browser.  :func:`edgar_view_html` writes that page for any :class:`~extractor.model.Form4`,
table for table and box text for box text as the real views in ``shared/corpus/real`` have
them: the header with the OMB box and the check boxes, boxes 1-6 (2026: box 2a and a country
line), Table I and Table II with their numbered column headings, values formatted as EDGAR
formats them (dates MM/DD/YYYY, amounts with thousands separators, prices ``$208.99``,
footnote references as superscript ``(1)``), check boxes drawn as an "X" in a cell, the further
reporting persons of a joint filing after Table II, "Explanation of Responses", remarks and the
"** Signature of Reporting Person / Date" block.  It knows nothing of the reader (no
``extractor.render`` or ``extractor.knowledge``): only the model.

``seed=None`` gives the plain EDGAR page; a seed draws a :class:`~bench.edgar_view_look.Look`
(XSL era, fonts, scale, paper, margins, ...): see :mod:`bench.edgar_view_look`.  Print it with
:func:`bench.chromium.print_html_to_pdf`.
"""

from __future__ import annotations

import datetime as dt
import html
import random
from collections.abc import Iterable
from decimal import Decimal

from bench.edgar_view_look import Look, cik, draw_look, plain_look, stylesheet
from extractor.model import DerivativeRow, Field, Form4, NonDerivativeRow, ReportingOwner

#: The 2026 view spells out a US state and adds the country.
_STATES = dict(pair.split(" ", 1) for pair in (
    "AL ALABAMA|AK ALASKA|AZ ARIZONA|AR ARKANSAS|CA CALIFORNIA|CO COLORADO|CT CONNECTICUT|"
    "DE DELAWARE|DC DISTRICT OF COLUMBIA|FL FLORIDA|GA GEORGIA|HI HAWAII|ID IDAHO|"
    "IL ILLINOIS|IN INDIANA|IA IOWA|KS KANSAS|KY KENTUCKY|LA LOUISIANA|ME MAINE|MD MARYLAND|"
    "MA MASSACHUSETTS|MI MICHIGAN|MN MINNESOTA|MS MISSISSIPPI|MO MISSOURI|MT MONTANA|"
    "NE NEBRASKA|NV NEVADA|NH NEW HAMPSHIRE|NJ NEW JERSEY|NM NEW MEXICO|NY NEW YORK|"
    "NC NORTH CAROLINA|ND NORTH DAKOTA|OH OHIO|OK OKLAHOMA|OR OREGON|PA PENNSYLVANIA|"
    "RI RHODE ISLAND|SC SOUTH CAROLINA|SD SOUTH DAKOTA|TN TENNESSEE|TX TEXAS|UT UTAH|"
    "VT VERMONT|VA VIRGINIA|WA WASHINGTON|WV WEST VIRGINIA|WI WISCONSIN|WY WYOMING").split("|"))
_MSMALL = "MedSmallFormText"
_NOTES = (
    "Reminder: Report on a separate line for each class of securities beneficially owned "
    "directly or indirectly.",
    "* If the form is filed by more than one reporting person, \n<i>see</i>\n\nInstruction "
    "\n4\n\n(b)(v).",
    "** Intentional misstatements or omissions of facts constitute Federal Criminal Violations "
    "\n<i>See</i>\n\n18 U.S.C. 1001 and 15 U.S.C. 78ff(a).",
    "Note: File three copies of this Form, one of which must be manually signed. If space is "
    "insufficient, \n<i>see</i>\n\nInstruction 6 for procedure.",
    "<b>Persons who respond to the collection of information contained in this form are not "
    "required to respond unless the form displays a currently valid OMB Number.</b>",
)
_TABLE = '<table width="100%" border="1" cellspacing="0" cellpadding="4">'
_PLAIN = '<table border="0" width="100%">'


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _num(value: Decimal) -> str:
    """EDGAR's number format: thousands separators, no trailing zeros ("5,381.2", "0")."""
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):,f}"
    return f"{value.normalize():,f}"


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, Decimal):
        return _num(value)
    return str(value)


def _span(cls: str, text: object) -> str:
    return f'<span class="{cls}">{_e(text)}</span>'


def _refs(ids: Iterable[str]) -> str:
    return "".join(f'<span class="FootnoteData"><sup>({_e(i.removeprefix("F"))})</sup></span>'
                   for i in ids)


def _cell(field: Field, cls: str, align: str = "center", more: Iterable[str] = ()) -> str:
    """A table cell with the value (EDGAR's format) and its footnote references."""
    refs = _refs((*field.footnote_ids, *more))
    body = refs if field.value is None else _span(cls, _show(field.value)) + refs
    return f'<td align="{align}">{body}</td>'


def _price(field: Field, small: bool) -> str:
    dollar, data = ("SmallFormText", "SmallFormData") if small else ("FormText", "FormData")
    refs = _refs(field.footnote_ids)
    if field.value is None:
        return f'<td align="center">{refs}</td>'
    return (f'<td align="center"><span class="{dollar}">$</span>'
            f'{_span(data, _show(field.value))}{refs}</td>')


def _x(checked: object) -> str:
    return '<span class="FormData">X</span>' if checked else ""


def _link(name: str) -> str:
    return (f'<a href="/cgi-bin/browse-edgar?action=getcompany&amp;CIK={cik(name)}">'
            f"{_e(name)}</a>")


def _header(form: Form4, look: Look, name: str) -> str:
    boxes = [("Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations "
              "may continue. \n<i>See</i>\n\nInstruction 1(b).", form.not_subject_to_section16)]
    if look.era != "2003":
        boxes.append(("Check this box to indicate that a transaction was made pursuant to a "
                      "contract, instruction or written plan for the purchase or sale of equity "
                      "securities of the issuer that is intended to satisfy the affirmative "
                      "defense conditions of Rule 10b5-1(c). See Instruction 10. ",
                      form.aff10b5_one))
    omb = [("OMB Number:", "3235-0287")]
    if look.omb_expires:
        omb.append(("Expires:", look.omb_expires))
    omb_rows = "".join(f'<tr><td class="SmallFormText" colspan="3">{k}</td>'
                       f'<td class="SmallFormTextR">{_e(v)}</td></tr>' for k, v in omb)
    checks = "".join(
        f'<tr valign="middle"><td><table width="100%" border="1" cellpadding="0" '
        f'cellspacing="0"><tr><td>{_x(f.value) or "  "}</td></tr></table></td>'
        f'<td class="SmallFormText">{text}</td></tr>' for text, f in boxes)
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="4"><tr>'
        f'<td width="20%" colspan="2" valign="top" align="center" class="FormName">{name}</td>'
        '<td rowspan="2" width="60%" valign="middle" align="center">'
        '<span class="FormTitle">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</span><br>'
        f'<span class="{_MSMALL}">Washington, D.C. 20549</span><br><br>'
        '<span class="FormTitle">STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP</span><br><br>'
        f'<span class="{_MSMALL}">Filed pursuant to Section 16(a) of the Securities Exchange '
        f'Act of 1934</span><br><span class="{_MSMALL}">or Section 30(h) of the Investment '
        'Company Act of 1940</span></td>'
        '<td rowspan="2" width="20%" valign="top" align="center"><table width="100%" '
        'border="1" summary="OMB Approval Status Box"><tr><td class="FormTextC">OMB APPROVAL'
        '</td></tr><tr><td><table width="100%" border="0" summary="OMB Interior Box">'
        f'{omb_rows}<tr><td class="SmallFormText" colspan="4">Estimated average burden</td>'
        '</tr><tr><td class="SmallFormText" colspan="3">hours per response:</td>'
        '<td class="SmallFormTextR">0.5</td></tr></table></td></tr></table></td></tr>'
        f"{checks}</table>")


def _owner_box(owner: ReportingOwner, look: Look) -> str:
    """Box 1: the name as a link, the street, city / state / zip (2026: and the country)."""
    name = owner.rpt_owner_name.value or ""
    state = owner.rpt_owner_state.value or ""
    country = ""
    if look.era == "2026" and state.upper() in _STATES:
        state, country = f"\n\t\t\t\t{_STATES[state.upper()]}\n\t\t\t", "UNITED STATES"
    labels = "".join(f'<td width="33%" class="{_MSMALL}">({t})</td>' for t in
                     ("Last", "First", "Middle"))
    places = "".join(f'<td width="33%" class="{_MSMALL}">({t})</td>' for t in
                     ("City", "State", "Zip"))
    streets = "".join(f'<tr><td>{_span("FormData", f.value or "")}</td></tr>'
                      for f in (owner.rpt_owner_street1, owner.rpt_owner_street2))
    city = "".join(f'<td width="33%">{_span("FormData", v)}</td>' for v in
                   (owner.rpt_owner_city.value or "", state, owner.rpt_owner_zip_code.value or ""))
    text = (f'<span class="{_MSMALL}">1. Name and Address of Reporting Person<sup>*</sup>'
            f"</span>{_PLAIN}<tr><td>{_link(name)}</td></tr></table>"
            f'<hr width="98%">{_PLAIN}<tr>{labels}</tr></table>{_PLAIN}{streets}</table>'
            f'<hr width="98%"><span class="{_MSMALL}">(Street)</span>{_PLAIN}<tr>{city}</tr>'
            f'</table><hr width="98%">{_PLAIN}<tr>{places}</tr></table>')
    if look.era == "2026":
        text += (f'<hr width="98%">{_PLAIN}<tr><td width="33%" colspan="3">'
                 f'{_span("FormData", country)}</td></tr></table><hr width="98%">'
                 f'<span class="{_MSMALL}">(Country)</span>')
    return text


def _relationship(owner: ReportingOwner, look: Look, number: str) -> str:
    rel = owner.relationship
    title, other = rel.officer_title.value or "", rel.other_text.value or ""
    if look.era == "2003":
        texts = (f'<tr><td colspan="4" align="center">{_span("FormData", title)}'
                 f'{" " if title and other else ""}{_span("FormData", other)}</td></tr>')
    else:
        texts = ('<tr><td width="15%" align="center"></td><td width="35%" align="left" '
                 f'style="color: blue">{_e(title)}</td><td width="15%" align="center"></td>'
                 f'<td width="35%" align="left" style="color: blue">{_e(other)}</td></tr>')
    return (f'<span class="{_MSMALL}">{number}. Relationship of Reporting Person(s) to Issuer'
            f'\n      </span><br><span class="{_MSMALL}">(Check all applicable)</span>{_PLAIN}'
            f'<tr><td width="15%" align="center">{_x(rel.is_director.value)}</td>'
            f'<td width="35%" class="{_MSMALL}">Director</td><td width="15%" align="center">'
            f'{_x(rel.is_ten_percent_owner.value)}</td><td width="35%" class="{_MSMALL}">'
            f'10% Owner</td></tr><tr><td align="center">{_x(rel.is_officer.value)}</td>'
            f'<td class="{_MSMALL}">Officer (give title below)</td><td align="center">'
            f'{_x(rel.is_other.value)}</td><td class="{_MSMALL}">Other (specify below)</td>'
            f"</tr>{texts}</table>")


def _boxes(form: Form4, look: Look) -> str:
    owner = form.reporting_owners[0] if form.reporting_owners else ReportingOwner()
    issuer = form.issuer.issuer_name.value or ""
    symbol = form.issuer.issuer_trading_symbol.value or ""
    box2 = (f'<span class="{_MSMALL}">2. Issuer Name <b>and</b> Ticker or Trading Symbol\n'
            f'      </span><br>{_link(issuer)}\n     [ {_span("FormData", symbol)} ]\n   ')
    period, original = form.period_of_report.value, form.date_of_original_submission.value
    box3 = (f'<span class="{_MSMALL}">3. Date of Earliest Transaction\n         '
            f'(Month/Day/Year)</span><br>{_span("FormData", _show(period)) if period else ""}')
    box4 = (f'<span class="{_MSMALL}">4. If Amendment, Date of Original Filed\n         '
            f'(Month/Day/Year)</span><br>'
            f'{_span("FormData", _show(original)) if original else "<br>"}')
    joint = len(form.reporting_owners) > 1 or form.individual_or_joint_filing.value == "joint"
    box6 = (f'<span class="{_MSMALL}">6. Individual or Joint/Group Filing (Check Applicable '
            f'Line)\n      </span>{_PLAIN}<tr><td width="15%" align="center">{_x(not joint)}'
            f'</td><td width="85%" class="{_MSMALL}">Form filed by One Reporting Person</td>'
            f'</tr><tr><td width="15%" align="center">{_x(joint)}</td><td width="85%" '
            f'class="{_MSMALL}">Form filed by More than One Reporting Person</td></tr></table>')
    box1, box5 = _owner_box(owner, look), _relationship(owner, look, "5")
    if look.era == "2026":
        rows = (f'<tr><td rowspan="4" width="35%" valign="top">{box1}</td>'
                f'<td width="35%" valign="top">{box2}</td><td rowspan="2" valign="top">{box5}'
                f'</td></tr><tr><td valign="top"><span class="{_MSMALL}">2a. Foreign Trading '
                f'Symbol\n\t\t <br></span></td></tr><tr><td valign="top">{box3}</td>'
                f'<td valign="top" rowspan="2">{box6}</td></tr>'
                f'<tr><td valign="top" rowspan="1">{box4}</td></tr>')
    else:
        rows = (f'<tr><td rowspan="3" width="35%" valign="top">{box1}</td>'
                f'<td width="35%" valign="top">{box2}</td><td rowspan="2" valign="top">{box5}'
                f'</td></tr><tr><td valign="top">{box3}</td></tr>'
                f'<tr><td valign="top">{box4}</td><td valign="top">{box6}</td></tr>')
    return f"{_TABLE}{rows}</table>"


def _th(width: int, text: str, span: str = 'rowspan="2"', cls: str = "SmallFormText") -> str:
    return (f'<th width="{width}%" valign="top" {span} align="left" class="{cls}">'
            f"{text}</th>")


def _sub(width: int, text: str, bottom: bool = False) -> str:
    valign = ' valign="bottom"' if bottom else ""
    return f'<th width="{width}%"{valign} align="center" class="SmallFormText">{text}</th>'


def _table_i(rows: tuple[NonDerivativeRow, ...]) -> str:
    head = (
        '<thead><tr><th width="100%" valign="top" colspan="11" align="center" '
        'class="FormTextC"><b>Table I - Non-Derivative Securities Acquired, Disposed of, or '
        'Beneficially Owned</b></th></tr><tr>'
        + _th(36, "1. Title of Security (Instr. \n      3)\n   ", cls=_MSMALL)
        + _th(6, "2. Transaction Date\n      (Month/Day/Year)")
        + _th(5, "2A. Deemed Execution Date, if any\n      (Month/Day/Year)")
        + _th(7, "3. Transaction Code (Instr. \n      8)\n   ", 'colspan="2"')
        + _th(19, "4. Securities Acquired (A) or Disposed Of (D) (Instr. \n      3, 4 and 5)"
              "\n   ", 'colspan="3"')
        + _th(11, "5. \n      Amount of Securities Beneficially Owned Following Reported "
              "Transaction(s) (Instr. \n      3 and 4)\n   ")
        + _th(9, "6. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   ")
        + _th(8, "7. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   ")
        + "</tr><tr>" + _sub(4, "Code") + _sub(3, "V") + _sub(8, "Amount")
        + _sub(5, "(A) or (D)") + _sub(6, "Price") + "</tr></thead>")
    body = "".join(
        "<tr>" + _cell(r.security_title, "FormData", "left")
        + _cell(r.transaction_date, "FormData") + _cell(r.deemed_execution_date, "FormData")
        + _cell(r.transaction_code, "SmallFormData")
        + _cell(r.transaction_timeliness, "SmallFormData")
        + _cell(r.transaction_shares, "FormData")
        + _cell(r.transaction_acquired_disposed_code, "FormData")
        + _price(r.transaction_price_per_share, small=False)
        + _cell(r.shares_owned_following_transaction, "FormData")
        + _cell(r.direct_or_indirect_ownership, "FormData")
        + _cell(r.nature_of_ownership, "FormData", "left") + "</tr>" for r in rows)
    return f"{_TABLE}{head}{f'<tbody>{body}</tbody>' if rows else ''}</table>"


def _table_ii(rows: tuple[DerivativeRow, ...]) -> str:
    head = (
        '<thead><tr><th width="100%" valign="top" colspan="16" align="center" '
        'class="FormTextC"><b>Table II - Derivative Securities Acquired, Disposed of, or '
        'Beneficially Owned</b><br><b>(e.g., puts, calls, warrants, options, convertible '
        'securities)</b></th></tr><tr>'
        + _th(13, "1. Title of Derivative Security (Instr. \n      3)\n   ")
        + _th(5, "2. Conversion or Exercise Price of Derivative Security\n   ")
        + _th(5, "3. Transaction Date\n      (Month/Day/Year)")
        + _th(5, "3A. Deemed Execution Date, if any\n      (Month/Day/Year)")
        + _th(9, "4. Transaction Code (Instr. \n      8)\n   ", 'colspan="2"')
        + _th(10, "5. \n      Number of Derivative Securities Acquired (A) or Disposed of (D) "
              "(Instr. \n      3, 4 and 5)\n   ", 'colspan="2"')
        + _th(9, "6. Date Exercisable and Expiration Date \n      (Month/Day/Year)",
              'colspan="2"')
        + _th(17, "7. Title and Amount of Securities Underlying Derivative Security (Instr. "
              "\n      3 and 4)\n   ", 'colspan="2"')
        + _th(6, "8. Price of Derivative Security (Instr. \n      5)\n   ")
        + _th(6, "9. \n      Number of derivative Securities Beneficially Owned Following "
              "Reported Transaction(s) (Instr. \n      4)\n   ")
        + _th(6, "10. Ownership Form: Direct (D) or Indirect (I) (Instr. \n      4)\n   ")
        + _th(7, "11. Nature of Indirect Beneficial Ownership (Instr. \n      4)\n   ")
        + "</tr><tr>" + "".join(_sub(w, t, True) for w, t in (
            (4, "Code"), (4, "V"), (5, "(A)"), (5, "(D)"), (5, "Date Exercisable"),
            (4, "Expiration Date"), (10, "Title"), (7, "Amount or Number of Shares")))
        + "</tr></thead>")
    body = []
    for r in rows:
        code = r.transaction_acquired_disposed_code
        shares = _cell(r.transaction_shares, "SmallFormData", more=code.footnote_ids)
        acquired, disposed = ((shares, '<td align="center"></td>') if code.value != "D"
                              else ('<td align="center"></td>', shares))
        body.append(
            "<tr>" + _cell(r.security_title, "SmallFormData", "left")
            + _price(r.conversion_or_exercise_price, small=True)
            + _cell(r.transaction_date, "SmallFormData")
            + _cell(r.deemed_execution_date, "SmallFormData")
            + _cell(r.transaction_code, "SmallFormData")
            + _cell(r.transaction_timeliness, "SmallFormData") + acquired + disposed
            + _cell(r.exercise_date, "SmallFormData") + _cell(r.expiration_date, "SmallFormData")
            + _cell(r.underlying_security_title, "SmallFormData")
            + _cell(r.underlying_security_shares, "FormData")
            + _price(r.transaction_price_per_share, small=True)
            + _cell(r.shares_owned_following_transaction, "SmallFormData")
            + _cell(r.direct_or_indirect_ownership, "SmallFormData")
            + _cell(r.nature_of_ownership, "SmallFormData", "left") + "</tr>")
    joined = "".join(body)
    return f"{_TABLE}{head}{f'<tbody>{joined}</tbody>' if rows else ''}</table>"


def _all_owners(form: Form4, look: Look) -> str:
    """A joint filing's reporting persons, each with its relationship, after Table II."""
    if len(form.reporting_owners) < 2:
        return ""
    cells = "".join(f'<tr><td valign="top">{_owner_box(o, look)}</td></tr><tr><td valign="top">'
                    f"{_relationship(o, look, '1')}</td></tr>" for o in form.reporting_owners)
    return f'<table width="40%" border="1" cellspacing="0" cellpadding="4">{cells}</table>'


def _owners_table(form: Form4) -> str:
    """The "Reporting Owners" table of the older "Ownership Submission" rendering."""
    rows = []
    for o in form.reporting_owners:
        rel = o.relationship
        place = ", ".join(v for v in (o.rpt_owner_city.value, o.rpt_owner_state.value) if v)
        lines = [o.rpt_owner_name.value, o.rpt_owner_street1.value, o.rpt_owner_street2.value,
                 f"{place} {o.rpt_owner_zip_code.value or ''}".strip()]
        rows.append(
            f'<tr><td class="FormData">{"<br>".join(_e(v) for v in lines if v)}</td>'
            f'<td align="center">{_x(rel.is_director.value)}</td><td align="center">'
            f'{_x(rel.is_ten_percent_owner.value)}</td><td class="FormData">'
            f'{_e(rel.officer_title.value or "")}</td><td class="FormData">'
            f'{_e(rel.other_text.value or "")}</td></tr>')
    heads = "".join(f'<th class="{_MSMALL}">{t}</th>' for t in
                    ("Director", "10% Owner", "Officer", "Other"))
    return ('<p class="FormTitle">Reporting Owners</p><table border="1" cellspacing="0" '
            'cellpadding="3"><tr><th rowspan="2" class="FormTextC">Reporting Owner Name / '
            'Address</th><th colspan="4" class="FormTextC">Relationships</th></tr>'
            f'<tr>{heads}</tr>{"".join(rows)}</table>')


def _explanations(form: Form4, look: Look) -> str:
    notes = "".join(f'<tr><td class="FootnoteData">{_e(n.footnote_id.removeprefix("F"))}. '
                    f'{_e(n.text.value or "")}</td></tr>' for n in form.footnotes)
    remarks = form.remarks.value
    if remarks or look.era == "2003":
        notes += ('<tr><td class="FormText"><b>Remarks:</b></td></tr>'
                  f'<tr><td class="FootnoteData">{_e(remarks or "")}</td></tr>')
    return (f'{_PLAIN}<tr><td class="{_MSMALL}"><b>Explanation of Responses:</b></td></tr>'
            f"{notes}</table>")


def _signatures(form: Form4, look: Look) -> str:
    signed = "".join(
        f'<tr><td width="60%"></td><td width="20%"><u>'
        f'{_span("FormData", s.signature_name.value or "")}</u></td><td width="20%"><u>'
        f'{_span("FormData", _show(s.signature_date.value) if s.signature_date.value else "")}'
        "</u></td></tr>" for s in form.signatures)
    notes = list(_NOTES) + (["<b>* Form 4: SEC 1474 (03-26)</b>"] if look.era == "2026" else [])
    rows = "".join(f'<tr><td colspan="3" class="{_MSMALL}">{n}</td></tr>' for n in notes)
    return (f'<table width="100%" border="0">{signed}<tr><td></td><td class="{_MSMALL}">'
            f'** Signature of Reporting Person</td><td class="{_MSMALL}">Date</td></tr>'
            f"{rows}</table>")


def edgar_view_html(form: Form4, seed: int | None = None, *, look: Look | None = None) -> str:
    """The HTML page EDGAR's XSL view shows for ``form``, ready to print.

    ``seed=None``: the plain EDGAR page (the XSL era of the filing's date, EDGAR's fonts,
    Chromium's default paper); a seed draws a reproducible variation (see
    :func:`bench.edgar_view_look.draw_look`); ``look`` gives one explicitly.
    """
    if look is None:
        look = plain_look(form) if seed is None else draw_look(form, random.Random(seed))
    kind = form.document_type.value or "4"
    title = f"SEC FORM {kind}"
    owners = _owners_table(form) if look.owners_table else ""
    return (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
        '"http://www.w3.org/TR/html4/loose.dtd">\n<html><head><meta http-equiv="Content-Type" '
        f'content="text/html; charset=UTF-8"><title>SEC FORM \n            {_e(kind)}</title>'
        f'<style type="text/css">\n{stylesheet(look, title)}\n</style></head><body>'
        f"SEC Form {_e(kind)} \n   {_header(form, look, f'FORM {_e(kind)}')}{_boxes(form, look)}"
        f"{_table_i(form.non_derivative_table)}{_table_ii(form.derivative_table)}"
        f"{_all_owners(form, look)}{owners}{_explanations(form, look)}"
        f"{_signatures(form, look)}</body></html>\n")


__all__ = ["Look", "edgar_view_html"]
