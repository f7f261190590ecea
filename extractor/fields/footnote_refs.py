"""Footnote references printed next to values: "(1)", "(2)(3)", superscript digits."""

from __future__ import annotations

import re

_REF = re.compile(r"\((\d{1,2})\)")
_TRAILING_REFS = re.compile(r"(?:\s*\(\d{1,2}\))+\s*$")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def split_footnote_refs(text: str) -> tuple[str, tuple[str, ...]]:
    """Split trailing footnote markers off a cell: ``"by Trust (1)"`` -> ``("by Trust", ("F1",))``.

    Only markers at the end of the cell are taken: "(A)" or "(right to buy)" inside a title are
    text, and a number in parentheses in the middle of a title is left alone.
    """
    text = text.strip()
    superscripts = re.search(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+$", text)
    if superscripts:
        digits = superscripts[0].translate(_SUPERSCRIPTS)
        return text[: superscripts.start()].rstrip(), (f"F{int(digits)}",)
    m = _TRAILING_REFS.search(text)
    if not m:
        return text, ()
    ids = tuple(f"F{int(n)}" for n in _REF.findall(m[0]))
    return text[: m.start()].rstrip(), ids


def footnote_id(marker: str) -> str | None:
    """"(1)" or "1" or "F1" -> "F1"; None if ``marker`` is not a footnote marker."""
    m = re.fullmatch(r"\s*\(?F?(\d{1,2})\)?\s*", marker)
    return f"F{int(m[1])}" if m else None


def numbers_in_sequence(numbers: list[int]) -> list[int]:
    """Footnote numbers as printed in the explanation, with a misread one put back in the run.

    Footnotes run 1, 2, 3...: a number that breaks the run where its neighbours keep it (a
    blurred 5 read as 6 or 8) is the number the run needs; any other number stays as read.

    >>> numbers_in_sequence([1, 2, 3, 4, 6, 6, 7]), numbers_in_sequence([3, 8, 5])
    ([1, 2, 3, 4, 5, 6, 7], [3, 4, 5])
    >>> numbers_in_sequence([1, 2, 2]), numbers_in_sequence([1, 3, 4])
    ([1, 2, 3], [1, 3, 4])
    """
    out = list(numbers)
    for i in range(1, len(out)):
        before = out[i - 1]
        after = out[i + 1] if i + 1 < len(out) else None
        if out[i] != before + 1 and (after == before + 2 or (after is None and
                                                              out[i] == before)):
            out[i] = before + 1
    return out
