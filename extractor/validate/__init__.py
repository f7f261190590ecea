"""Validate stage: cross-field rules, confidence thresholds, reasons for review."""

from extractor.validate.rules import validate

__all__ = ["validate"]
