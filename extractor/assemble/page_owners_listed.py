"""Owners listed outside box 1, and the owners of a form made one list.

EDGAR's view and investor-relations pages print a "Reporting Owners" table after the form;
an attached page may list further owners under "Joint Filer Information" (a name, address
lines and a "Relationship to Issuer:" line).  Those lists corroborate and complete the
owners read from box 1 (:mod:`extractor.assemble.page_owners`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from extractor.assemble.page_owners import (
    CHECK_FIELDS,
    RELATION_LINE,
    read_owner_box,
    relation_of,
    slots_by_content,
)
from extractor.assemble.page_values import text_of, value_of
from extractor.ingest.page import Word
from extractor.layout.geometric import BoxWords
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.lines import group_lines
from extractor.layout.geometric.tables import TableLayout
from extractor.model import Field, Relationship, ReportingOwner, map_fields


def read_owner_rows(table: TableLayout | None, source: str) -> list[ReportingOwner]:
    """One owner per row of the "Reporting Owners" table that EDGAR's view and investor-
    relations pages print after the form: name and address in the first column, the
    relationship as an "X" (or the officer's title) under its heading."""
    if table is None:
        return []
    out = []
    for row in table.rows:
        cells = {column.field: cell for column, cell in zip(table.columns, row.cells,
                                                            strict=True)}
        lines = group_lines(cells.get("owner", []))
        if not lines:
            continue
        slots = slots_by_content(lines)
        box = BoxWords(table.headings[0], [w for line in lines for w in line])
        owner = read_owner_box(dataclasses.replace(box, words=box.words), source) \
            if slots else ReportingOwner()
        relation: dict[str, Field] = {}
        for key, name in CHECK_FIELDS.items():
            words = cells.get(key, [])
            text = text_of(words).strip()
            relation[name] = value_of(bool(text), words or row.words, source)
            if text and text.upper() not in ("X", "[X]") and key in ("officer", "other"):
                relation["officer_title" if key == "officer" else "other_text"] = \
                    value_of(text, words, source)
        out.append(dataclasses.replace(owner, relationship=Relationship(**relation)))
    return out


def read_joint_filers(groups: Sequence[Sequence[Sequence[Word]]], source: str
                      ) -> list[ReportingOwner]:
    """The owners listed under "Joint Filer Information": a name, the address lines ending
    in the city line, and a "Relationship to Issuer: Director; Officer: CFO" line."""
    owners = []
    for lines in _rejoined(groups):
        relation = next((i for i, line in enumerate(lines)
                         if RELATION_LINE.match(text_of(line).strip())), None)
        address = lines[:relation] if relation is not None else lines
        if not address:
            continue
        box = BoxWords(Anchor("reporting_person", "box", tuple(address[0]), 0.0),
                       [w for line in address for w in line])
        owner = read_owner_box(box, source)
        if relation is not None:
            # The relationship follows its caption, on its line or the lines under it.
            said = [w for line in lines[relation:] for w in line]
            owner = dataclasses.replace(owner, relationship=relation_of(said, source))
        if _CONTINUING_CAPTION.match(text_of(lines[0]).strip()):
            owner = map_fields(owner, _flag_headless)
        owners.append(owner)
    return owners


_CONTINUING_CAPTION = re.compile(r"^(?:address|street|city|relationship)\b[^:]{0,30}:",
                                 re.IGNORECASE)


def _flag_headless(_: str, field: Field) -> Field:
    if field.value is None:
        return field
    return field.flagged("this owner's entry starts with its address, without a name: a page "
                         "break parts it from the entry before it")


def _rejoined(groups: Sequence[Sequence[Sequence[Word]]]) -> list[list[list[Word]]]:
    """The owners' groups, one split by a page break joined again: a group that starts with
    a caption after the name ("Address:", "Relationship to Issuer:") goes on the one before,
    when that one has no relationship line yet."""
    out: list[list[list[Word]]] = []
    for group in groups:
        lines = [list(line) for line in group if line]
        if not lines:
            continue
        if out and _CONTINUING_CAPTION.match(text_of(lines[0]).strip()) and not any(
                RELATION_LINE.match(text_of(line).strip()) for line in out[-1]):
            out[-1] += lines
        else:
            out.append(lines)
    return out


def _same_person(a: ReportingOwner, b: ReportingOwner) -> bool:
    first, second = (str(o.rpt_owner_name.value or "").casefold() for o in (a, b))
    return bool(first and second) and fuzz.token_sort_ratio(first, second) >= SAME_NAME


#: Two names at least this alike (rapidfuzz token-sort ratio) are one owner's.
SAME_NAME = 85.0


def merge_owners(boxed: list[ReportingOwner], listed: list[ReportingOwner], joint: bool
                 ) -> list[ReportingOwner]:
    """Box 1's owners, completed from the Reporting Owners table.

    A row that names an owner of box 1 corroborates it: only what box 1 lacks is taken.  A
    row that names someone else is a further reporting person when box 6 says the form is
    filed by more than one; otherwise it is kept, flagged, for a person to judge.
    """
    out = list(boxed)
    for row in listed:
        match = next((i for i, owner in enumerate(out) if _same_person(owner, row)), None)
        if match is None:
            if not out or joint:
                out.append(row)
            else:
                out.append(map_fields(row, _flag_unlisted))
            continue
        out[match] = _completed(out[match], row)
    return out


def fold_repeated_owners(owners: list[ReportingOwner]) -> list[ReportingOwner]:
    """The owners with a box printed again for one of them folded into the first: EDGAR's
    view lists every reporting person after the tables, box 1's owner too."""
    out: list[ReportingOwner] = []
    for owner in owners:
        key = " ".join(str(owner.rpt_owner_name.value or "").casefold().split())
        match = next((i for i, o in enumerate(out) if key and key == " ".join(
            str(o.rpt_owner_name.value or "").casefold().split())), None)
        if match is None:
            out.append(owner)
        else:
            out[match] = _completed(out[match], owner)
    return out


def _flag_unlisted(_: str, field: Field) -> Field:
    if field.value is None:
        return field
    return field.flagged("named in the Reporting Owners table, though box 6 does not say the "
                         "form is filed by more than one reporting person")


def _completed(owner: ReportingOwner, row: ReportingOwner) -> ReportingOwner:
    def fill(path: str, field: Field) -> Field:
        if field.value is not None:
            return field
        other = _get(row, path)
        return other if isinstance(other, Field) and other.value is not None else field

    return map_fields(owner, fill)


def _get(obj: object, path: str) -> object:
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj
