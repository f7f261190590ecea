"""form4: turn SEC Form 4 filings into clean structured data.

>>> from extractor import extract
>>> form = extract("samples/seed_cellectar_longcor_2017-09.txt")  # doctest: +SKIP
>>> form.issuer.issuer_trading_symbol.value                        # doctest: +SKIP
'CLRB'

Every value is a :class:`Field` with ``value``, ``confidence``, ``provenance``,
``footnote_ids`` and ``review_reason``; see :mod:`extractor.model`.
"""

from extractor.api import extract
from extractor.errors import (
    Form4Error,
    MissingDependencyError,
    NotAForm4Error,
    UnreadableInputError,
    UnsupportedInputError,
)
from extractor.model import (
    DerivativeRow,
    Field,
    Footnote,
    Form4,
    Issuer,
    NonDerivativeRow,
    Provenance,
    Relationship,
    ReportingOwner,
    ReviewItem,
    Signature,
)

__version__ = "0.1.0"

__all__ = [
    "DerivativeRow", "Field", "Footnote", "Form4", "Form4Error", "Issuer",
    "MissingDependencyError", "NonDerivativeRow", "NotAForm4Error", "Provenance", "Relationship",
    "ReportingOwner", "ReviewItem", "Signature", "UnreadableInputError", "UnsupportedInputError",
    "extract",
]
