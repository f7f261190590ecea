"""The form's knowledge, declared once: printed labels per revision and the closed code lists."""

from extractor.knowledge.codes import (
    ACQUIRED_DISPOSED_CODES,
    DIRECT_INDIRECT_CODES,
    ROW_TRANSACTION_CODES,
    STATE_CODES,
    TRANSACTION_CODES,
)
from extractor.knowledge.labels import REVISIONS, Column, FormRevision, Label

__all__ = [
    "ACQUIRED_DISPOSED_CODES", "DIRECT_INDIRECT_CODES", "REVISIONS", "ROW_TRANSACTION_CODES",
    "STATE_CODES", "TRANSACTION_CODES", "Column", "FormRevision", "Label",
]
