"""CIKs from an SGML submission header: EDGAR's own keys, which no printed form carries.

The header is EDGAR's index data.  Its CIKs are the keys EDGAR filed the submission under,
so they are taken as they stand (confidence 1.0), the issuer's from the subject company and
each owner's from the header owner whose conformed name matches the owner read from the form.
"""

from __future__ import annotations

import dataclasses
import re

from rapidfuzz import fuzz

from extractor.ingest.sgml import SgmlHeader
from extractor.model import Field, Form4, Provenance

#: How alike (token sort ratio) a form's owner name and a header's conformed name must be.
_SAME_OWNER = 70


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).casefold().split())


def _cik(value: str | None, source: str, what: str) -> Field:
    if not value or not value.strip().isdigit():
        return Field()
    raw = f"SGML header, {what}: CENTRAL INDEX KEY {value.strip()}"
    return Field(value.strip(), 1.0, Provenance(source, raw_text=raw))


def with_header_ciks(form: Form4, header: SgmlHeader | None, source: str) -> Form4:
    """``form`` with the issuer's and the owners' CIKs the header gives (where none is read)."""
    if header is None:
        return form
    issuer = form.issuer
    if issuer.issuer_cik.value is None and header.subject_company_cik:
        issuer = dataclasses.replace(issuer, issuer_cik=_cik(
            header.subject_company_cik, source, "subject company"))
    owners = []
    candidates = [o for o in header.reporting_owners if o.cik]
    for owner in form.reporting_owners:
        name = _plain(str(owner.rpt_owner_name.value or ""))
        if owner.rpt_owner_cik.value is None and candidates:
            score, best = max(((fuzz.token_sort_ratio(name, _plain(o.conformed_name)), o)
                               for o in candidates), key=lambda pair: pair[0])
            # One owner on each side is the same person even when the form's name was not read.
            if score >= _SAME_OWNER or (len(candidates) == 1 == len(form.reporting_owners)):
                owner = dataclasses.replace(owner, rpt_owner_cik=_cik(
                    best.cik, source, f"reporting owner {best.conformed_name}"))
        owners.append(owner)
    return dataclasses.replace(form, issuer=issuer, reporting_owners=tuple(owners))
