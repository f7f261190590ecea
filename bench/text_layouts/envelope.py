"""The EDGAR submission around a filing's document, in the shapes EDGAR has used.

* ``sec-document``: the dissemination header (``<SEC-DOCUMENT>``, ``<SEC-HEADER>`` with
  indented ``KEY: VALUE`` lines) and one ``<DOCUMENT>``;
* ``pem``: the same inside a ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` envelope, every line
  that starts with "-" stuffed to "- -" (RFC 934);
* ``submission``: the compact ``<SUBMISSION>`` header, nested tags on one line;
* ``exhibits``: a dissemination header, the form, then exhibits (a power of attorney);
* ``none``: the document alone.
"""

from __future__ import annotations

import random

from extractor.model import Form4

SHAPES = ("sec-document", "pem", "submission", "exhibits", "none")


def _accession(form: Form4, rng: random.Random) -> str:
    year = form.period_of_report.value.year % 100 if form.period_of_report.value else 0
    return f"0000{rng.randint(900000, 999999)}-{year:02d}-{rng.randint(1, 999999):06d}"


def _doc(kind: str, text: str, sequence: int, filename: str) -> str:
    return (f"<DOCUMENT>\n<TYPE>{kind}\n<SEQUENCE>{sequence}\n<FILENAME>{filename}\n"
            f"<TEXT>\n{text}\n</TEXT>\n</DOCUMENT>")


def _indented_header(form: Form4, accession: str, count: int) -> str:
    period = form.period_of_report.value
    kind = form.document_type.value or "4"
    lines = [f"ACCESSION NUMBER:\t\t{accession}", f"CONFORMED SUBMISSION TYPE:\t{kind}",
             f"PUBLIC DOCUMENT COUNT:\t\t{count}"]
    if period:
        lines.append(f"CONFORMED PERIOD OF REPORT:\t{period:%Y%m%d}")
    lines += ["", "REPORTING-OWNER:\t", ""]
    for owner in form.reporting_owners:
        lines += ["\tOWNER DATA:\t", f"\t\tCOMPANY CONFORMED NAME:\t\t\t"
                  f"{str(owner.rpt_owner_name.value or '').upper()}", ""]
    lines += ["ISSUER:\t\t", "", "\tCOMPANY DATA:\t",
              f"\t\tCOMPANY CONFORMED NAME:\t\t\t{str(form.issuer.issuer_name.value).upper()}"]
    return "\n".join(lines)


def wrap_submission(form: Form4, text: str, shape: str, seed: int, is_xml: bool = False) -> str:
    """``text`` (the form: typed text, or EDGAR XML when ``is_xml``) in the ``shape`` named."""
    if shape == "none":
        return text
    rng = random.Random(f"envelope:{seed}")
    accession = _accession(form, rng)
    kind = form.document_type.value or "4"
    body = f"<XML>\n{text}\n</XML>" if is_xml else text
    name = "form4.xml" if is_xml else "form4.txt"
    if shape == "submission":
        owners = "".join(f"<REPORTING-OWNER><OWNER-DATA><CONFORMED-NAME>{o.rpt_owner_name.value}"
                         "</OWNER-DATA></REPORTING-OWNER>" for o in form.reporting_owners)
        head = (f"<SUBMISSION>\n<ACCESSION-NUMBER>{accession}<TYPE>{kind}"
                f"<PUBLIC-DOCUMENT-COUNT>1{owners}<ISSUER><COMPANY-DATA><CONFORMED-NAME>"
                f"{form.issuer.issuer_name.value}</COMPANY-DATA></ISSUER>")
        flat = body.replace("\n", "") if is_xml else body
        return f"{head}{_doc(kind, flat, 1, name)}\n</SUBMISSION>\n"
    documents = [_doc(kind, body, 1, name)]
    if shape == "exhibits":
        poa = ("POWER OF ATTORNEY\n\nKnow all by these presents, that the undersigned hereby "
               "constitutes and appoints the signatory of this Form 4 to execute Forms 3, 4 and 5."
               "\n\n1. Name and Address of Reporting Person: see the filing.")
        documents.append(_doc("EX-24", poa, 2, "poa.txt"))
    header = _indented_header(form, accession, len(documents))
    date = f"{form.period_of_report.value:%Y%m%d}" if form.period_of_report.value else "20000101"
    submission = (f"<SEC-DOCUMENT>{accession}.txt : {date}\n<SEC-HEADER>{accession}.hdr.sgml : "
                  f"{date}\n{header}\n</SEC-HEADER>\n" + "\n".join(documents)
                  + "\n</SEC-DOCUMENT>\n")
    if shape != "pem":
        return submission
    stuffed = "\n".join(f"- {line}" if line.startswith("-") else line
                        for line in submission.split("\n"))
    return ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n"
            "Originator-Name: webmaster@www.sec.gov\nOriginator-Key-Asymmetric:\n"
            " MFgwCgYEVQgBAQICAf8DSgAwRwJAW2sNKK9AVtBzYZmr6aGjlWyK3XmZv3dTINen\n"
            "MIC-Info: RSA-MD5,RSA,\n AGwlpSBGtkvnNr0MEMTBvTRPvrxBQ2VtA==\n\n"
            f"{stuffed}\n-----END PRIVACY-ENHANCED MESSAGE-----\n")
