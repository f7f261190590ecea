"""Validate stage: cross-field rules, confidence thresholds, reasons for review."""

from extractor.validate.rules import require_filing_values, validate

__all__ = ["require_filing_values", "validate"]
