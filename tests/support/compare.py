"""The benchmark's field-by-field comparison of an extracted filing with its truth.

The code still lives in bench/compare.py (being edited in parallel); it moves here next, and
bench/compare.py then imports it from here.  Until then the tests reach it only through this
module, so the move changes no test.
"""

from bench.compare import Comparison, compare_forms, tally

__all__ = ["Comparison", "compare_forms", "tally"]
