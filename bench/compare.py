"""Compare an extracted Form4 with the truth (the filing's EDGAR XML read as a Form4).

Every field the truth fills, and every field the extraction fills, is one *comparison* with an
outcome:

* ``correct``  - the extraction has the truth's value (after normalisation) and did not flag it;
* ``wrong``    - the extraction filled a value, did not flag it, and it is not the truth's
                 (including a value where the truth has none): the silent errors users fear;
* ``flagged``  - the extraction flagged the field for review (whatever value it kept);
* ``missing``  - the truth has a value, the extraction left the field empty without a flag.

Normalisation: text is compared case-folded with white space collapsed; amounts and prices by
numeric value; dates as dates; booleans as booleans.  Table rows are aligned by content (the
row pairing with the most equal cells first), owners by name, footnotes by id.

The street is compared as the paper form prints it: one line.  EDGAR's split of that line into
``rptOwnerStreet1`` and ``rptOwnerStreet2`` is not printed anywhere, so street1 and street2 are
joined (and punctuation ignored) before comparing, as ``rpt_owner_street``.

Fields EDGAR XML has and no printed form shows (``NOT_PRINTED_FIELDS``: the CIKs, the equity
swap flag, the non-US address flag) are not compared: a reading of paper cannot have them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rapidfuzz import fuzz

from extractor.model import NOT_PRINTED_FIELDS, Field, Form4, ReportingOwner

OUTCOMES = ("correct", "wrong", "flagged", "missing")


@dataclass(frozen=True, slots=True)
class Comparison:
    group: str
    path: str
    outcome: str
    truth: Any
    got: Any
    #: Whether the extracted value equals the truth, flag or no flag: how good a reader's
    #: readings are before its review reasons, e.g. for the scan reader that flags everything.
    value_matches: bool = False
    #: The confidence the extraction gave its value (None when it has no value).
    confidence: float | None = None


def normalize_value(value: Any) -> Any:
    if isinstance(value, str):  # case, white space and trailing commas are not content
        return " ".join(value.casefold().split()).rstrip(",;")
    if isinstance(value, Decimal):
        return value.normalize()
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _compare(group: str, path: str, truth: Field, got: Field | None) -> list[Comparison]:
    out: list[Comparison] = []
    t = normalize_value(truth.value)
    g_field = got or Field()
    g = normalize_value(g_field.value)
    if t is not None or g is not None:
        if g_field.needs_review:
            outcome = "flagged"
        elif g is None:
            outcome = "missing"
        elif g == t:
            outcome = "correct"
        else:
            outcome = "wrong"
        out.append(Comparison(group, path, outcome, truth.value, g_field.value,
                              g is not None and g == t,
                              g_field.confidence if g is not None else None))
    if truth.footnote_ids or g_field.footnote_ids:
        same = tuple(truth.footnote_ids) == tuple(g_field.footnote_ids)
        outcome = "correct" if same else (
            "flagged" if g_field.needs_review else
            "missing" if not g_field.footnote_ids else "wrong")
        out.append(Comparison("footnote refs", f"{path}#footnotes", outcome,
                              truth.footnote_ids, g_field.footnote_ids, same))
    return out


def _compare_objects(group: str, prefix: str, truth: Any, got: Any | None) -> list[Comparison]:
    """Field by field over two dataclass instances of the same type (``got`` may be None)."""
    out: list[Comparison] = []
    for spec in dataclasses.fields(truth):
        if spec.name in NOT_PRINTED_FIELDS:
            continue
        value = getattr(truth, spec.name)
        other = getattr(got, spec.name) if got is not None else None
        path = f"{prefix}.{spec.name}"
        if isinstance(value, Field):
            out += _compare(group, path, value, other)
        elif dataclasses.is_dataclass(value):
            out += _compare_objects("relationship" if spec.name == "relationship" else group,
                                    path, value, other)
    return out


def _row_score(a: Any, b: Any) -> int:
    score = 0
    for spec in dataclasses.fields(a):
        x, y = getattr(a, spec.name), getattr(b, spec.name)
        if isinstance(x, Field) and x.value is not None and \
                normalize_value(x.value) == normalize_value(y.value):
            score += 1
    return score


def _align(truth: tuple, got: tuple, score: Any) -> list[tuple[Any, Any | None]]:
    """Pair each truth item with the extracted item it matches best (greedy, by score)."""
    candidates = sorted(((score(t, g), i, j) for i, t in enumerate(truth)
                         for j, g in enumerate(got)), reverse=True)
    used_t: set[int] = set()
    used_g: set[int] = set()
    pairs: dict[int, int] = {}
    for value, i, j in candidates:
        if value <= 0 or i in used_t or j in used_g:
            continue
        pairs[i] = j
        used_t.add(i)
        used_g.add(j)
    aligned = [(t, got[pairs[i]] if i in pairs else None) for i, t in enumerate(truth)]
    aligned += [(None, g) for j, g in enumerate(got) if j not in used_g]
    return aligned


def _street_line(owner: ReportingOwner) -> ReportingOwner:
    """The owner with street1 + street2 as one printed line in street1 (street2 emptied)."""
    parts = [f for f in (owner.rpt_owner_street1, owner.rpt_owner_street2) if f.value]
    if not parts:
        return owner
    joined = " ".join(re.sub(r"[^\w/#-]+", " ", str(f.value)) for f in parts)
    reason = next((f.review_reason for f in (owner.rpt_owner_street1, owner.rpt_owner_street2)
                   if f.review_reason), None)
    line = dataclasses.replace(parts[0], value=" ".join(joined.split()), review_reason=reason)
    return dataclasses.replace(owner, rpt_owner_street1=line, rpt_owner_street2=Field())


def _owner_score(a: ReportingOwner, b: ReportingOwner) -> float:
    first, second = _owner_name(a), _owner_name(b)
    if not first or not second:
        return 1.0  # a nameless owner (box 1 unread) pairs with an owner left unpaired
    return fuzz.ratio(first, second)


def _owner_name(owner: ReportingOwner) -> str:
    """The owner's name for pairing: the full name, or its parts when the full name was
    dropped for review (box 1 and the Reporting Owners table disagreeing on one letter); the
    owner is still that owner, and its other fields are compared with the truth's."""
    if owner.rpt_owner_name.value:
        return str(owner.rpt_owner_name.value).casefold()
    parts = (owner.last_name.value, owner.first_name.value, owner.middle_name.value)
    return " ".join(str(p) for p in parts if p).casefold()


def _extra(group: str, path: str, got: Any) -> list[Comparison]:
    """Every filled field of an extracted item that the truth does not have: all wrong."""
    blank = type(got)()
    return [c for c in _compare_objects(group, path, blank, got) if c.outcome != "missing"]


def compare_forms(truth: Form4, got: Form4) -> list[Comparison]:
    """Every comparison between ``truth`` and ``got``."""
    out: list[Comparison] = []
    out += _compare("header", "document_type", truth.document_type, got.document_type)
    out += _compare("header", "period_of_report", truth.period_of_report, got.period_of_report)
    out += _compare("header", "date_of_original_submission", truth.date_of_original_submission,
                    got.date_of_original_submission)
    out += _compare_objects("issuer", "issuer", truth.issuer, got.issuer)
    for index, (t, g) in enumerate(_align(truth.reporting_owners, got.reporting_owners,
                                          _owner_score)):
        path = f"reporting_owners[{index}]"
        t, g = (_street_line(o) if o is not None else None for o in (t, g))
        out += _compare_objects("owners", path, t, g) if t is not None else _extra(
            "owners", path, g)
    for name, group in (("non_derivative_table", "table I"), ("derivative_table", "table II")):
        for index, (t, g) in enumerate(_align(getattr(truth, name), getattr(got, name),
                                              _row_score)):
            path = f"{name}[{index}]"
            out += _compare_objects(group, path, t, g) if t is not None else _extra(
                group, path, g)
    got_notes = {n.footnote_id: n for n in got.footnotes}
    for note in truth.footnotes:
        other = got_notes.pop(note.footnote_id, None)
        out += _compare("footnotes", f"footnotes.{note.footnote_id}", note.text,
                        other.text if other else None)
    for note_id, note in got_notes.items():
        out += _compare("footnotes", f"footnotes.{note_id}", Field(), note.text)
    out += _compare("remarks", "remarks", truth.remarks, got.remarks)
    for index, (t, g) in enumerate(_align(truth.signatures, got.signatures,
                                          lambda a, b: _row_score(a, b) + 1)):
        path = f"signatures[{index}]"
        out += _compare_objects("signature", path, t, g) if t is not None else _extra(
            "signature", path, g)
    return out


def tally(comparisons: list[Comparison]) -> dict[str, float]:
    """Counts and rates: accuracy = correct / truth-valued comparisons; wrong rate = wrong /
    all comparisons; flagged-or-empty = (flagged + missing) / truth-valued comparisons."""
    counts = Counter(c.outcome for c in comparisons)
    total = len(comparisons)
    valued = [c for c in comparisons if c.truth not in (None, ())]
    truth_valued = len(valued)
    doubted = sum(1 for c in valued if c.outcome in ("flagged", "missing"))
    return {
        "fields": total,
        **{k: counts[k] for k in OUTCOMES},
        "accuracy": counts["correct"] / truth_valued if truth_valued else 1.0,
        "wrong_rate": counts["wrong"] / total if total else 0.0,
        "flagged_or_empty_rate": doubted / truth_valued if truth_valued else 0.0,
        "raw_accuracy": sum(1 for c in valued if c.value_matches) / truth_valued
        if truth_valued else 1.0,
    }
