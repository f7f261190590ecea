"""Seeded variants of real filings: the code lives in tests/support/variants.py, which the
tests use too; the benchmark scripts keep this name."""

from tests.support.variants import TRUTH, VARIANTS

__all__ = ["TRUTH", "VARIANTS"]
