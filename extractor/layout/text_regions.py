"""Regions of a text dump: the lines of Table I and II, the Reporting Owners and Signatures
tables, footnotes and remarks.  Built on the labels :mod:`extractor.layout.text_boxes` found."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.ingest.text_dump import TextLine
from extractor.layout.text_boxes import LocatedLabel, TextLayout

#: Section labels that end a table region or a run of footnotes.
_SECTION_KINDS = ("section", "column")


@dataclass(frozen=True, slots=True)
class Region:
    """A span of the flat text and the lines that start inside it."""

    start: int
    end: int
    lines: tuple[TextLine, ...]


def lines_between(layout: TextLayout, start: int, end: int) -> tuple[TextLine, ...]:
    """Lines that start after offset ``start``'s line and before offset ``end``."""
    dump = layout.dump
    first = dump.line_at(start) + 1 if start > 0 else 0
    last = dump.line_at(end) if end < len(dump.flat) else len(dump.lines)
    return dump.lines[first:last]


def _end_of_section(layout: TextLayout, label: LocatedLabel, ignore: tuple[str, ...] = ()) -> int:
    for lab in layout.labels:
        if lab.start > label.end and lab.kind in _SECTION_KINDS and lab.key not in ignore:
            return lab.start
    return len(layout.dump.flat)


def table_regions(layout: TextLayout) -> tuple[Region | None, Region | None]:
    """The lines of Table I and of Table II, or None for a table whose heading is missing."""
    heading1 = layout.find("table1.heading")
    heading2 = layout.find("table2.heading")
    title1, title2 = layout.find("table1", "section"), layout.find("table2", "section")
    # A heading found on the wrong side of the other table's title is an accidental match
    # (Table II's headings share Table I's words): the table's title anchors it instead.
    stray = set()
    if heading1 and title2 and heading1.start > title2.start:
        stray.add(heading1.start)
        heading1 = None
    if heading2 and title1 and heading2.start < title1.start:
        stray.add(heading2.start)
        heading2 = None
    after_boxes = [lab.end for lab in layout.labels if lab.kind in ("box", "sublabel", "checkbox")]
    start1 = heading1.start if heading1 else title1.start if title1 and (
        title2 is None or title1.start < title2.start) else (
        max(after_boxes) if after_boxes else None)
    start2 = heading2.start if heading2 else title2.start if title2 else None
    regions: list[Region | None] = []
    for start, heading, stop_keys in (
        # A table continued on another page repeats its title and headings: not an end.
        (start1, heading1, ("table1.heading", "table1", "omb_approval")),
        (start2, heading2, ("table2.heading", "table2")),
    ):
        if start is None:
            regions.append(None)
            continue
        end = len(layout.dump.flat)
        for lab in layout.labels:
            if lab.start > start and lab.kind in _SECTION_KINDS and lab.key not in stop_keys \
                    and lab.start not in stray:
                end = lab.start
                break
        if heading is None and start2 is not None and start < start2:
            end = min(end, start2)
        regions.append(Region(start, end, lines_between(layout, start, end)))
    return regions[0], regions[1]


def section_region(layout: TextLayout, key: str, ignore: tuple[str, ...] = ()) -> Region | None:
    """The lines after section label ``key`` up to the next section label."""
    label = layout.find(key)
    if label is None:
        return None
    end = _end_of_section(layout, label, ignore)
    return Region(label.end, end, lines_between(layout, label.end, end))


def table_rows_after(layout: TextLayout, label: LocatedLabel) -> list[TextLine]:
    """The markdown rows that follow the row holding ``label``, up to the first non-table line."""
    dump = layout.dump
    rows: list[TextLine] = []
    for line in dump.lines[dump.line_at(label.start) + 1:]:
        if not line.is_table_row:
            break
        rows.append(line)
    return rows
