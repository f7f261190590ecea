"""Lay a Form 4 out from its pages: anchors, zones, boxes, tables, notes, fit."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from extractor.ingest.page import Page, Word
from extractor.knowledge import labels as K
from extractor.layout.geometric.anchor_wraps import complete_wrapped
from extractor.layout.geometric.anchors import Anchor, find_anchors
from extractor.layout.geometric.boxes import assign_to_boxes, garbled_sub_labels
from extractor.layout.geometric.checkmarks import (
    CheckReading,
    is_mark_word,
    marks_of,
    read_checks,
)
from extractor.layout.geometric.fit import layout_fit
from extractor.layout.geometric.form import BoxWords, FormLayout
from extractor.layout.geometric.lines import (
    Rules,
    group_lines,
    split_at_rules,
)
from extractor.layout.geometric.notes import NoteLines, SignatureWords
from extractor.layout.geometric.page_parts import OWNER_BOXES, PageParts, band_end, blocks
from extractor.layout.geometric.sections import (
    boxed,
    read_joint_filers,
    read_page_notes,
    read_remarks,
    read_signatures,
    remarks_go_on,
    signed_overleaf,
)
from extractor.layout.geometric.specs import (
    address_specs,
    column_specs,
    filing_specs,
    major_specs,
    relationship_specs,
)
from extractor.layout.geometric.tables import (
    TableLayout,
    TableRow,
    continue_table,
    lay_out_table,
)

#: A second instance of a label counts only when it matches about as well as the best one.
REPEAT_MARGIN = 8.0


#: Labels a page may print more than once: a signature caption per signer, box 1 per owner.
_REPEATED = ("signature_of_reporting_person", "reporting_person", "relationship")


def _keep_best_instances(anchors: list[Anchor]) -> list[Anchor]:
    """One instance of each label, its best; of the labels printed again and again, the ones
    that score near the best."""
    best: dict[str, Anchor] = {}
    for anchor in anchors:
        if anchor.key not in best or anchor.score > best[anchor.key].score:
            best[anchor.key] = anchor
    return [a for a in anchors if a.kind == "boilerplate" or a is best[a.key] or
            (a.key in _REPEATED and a.score >= best[a.key].score - REPEAT_MARGIN)]


def _read_page(page: Page) -> PageParts:
    rules = Rules.from_rects(page.rects, page.width, page.height)
    if rules.vertical:
        page = dataclasses.replace(page, words=tuple(split_at_rules(page.words, rules)))
    claimed: set[int] = set()
    anchors = _keep_best_instances(find_anchors(blocks(page.words, rules), major_specs(),
                                                claimed))
    claimed = {id(w) for a in anchors for w in a.words}
    anchors = complete_wrapped(anchors, page.words, major_specs(), claimed)
    for line in group_lines(w for w in page.words if id(w) not in claimed):
        if _is_furniture(line, page):
            claimed.update(id(w) for w in line)
    anchors += _untitled_tables(page, rules, anchors, claimed)
    return PageParts(page, rules, anchors, claimed)


#: A table whose title was not read is known by this many of the headings only it prints.
UNTITLED_TABLE_HEADINGS = 3


def _untitled_tables(page: Page, rules: Rules, anchors: Sequence[Anchor], claimed: set[int]
                     ) -> list[Anchor]:
    """Where a table's title did not read (OCR broke it up), the table is found by the
    column headings only it prints ("Conversion or Exercise Price" is Table II's): a title
    anchor is put, wordless, at the top of the first of them, so the bands of the page end
    and begin where the tables do."""
    keys = {a.key for a in anchors}
    if {"table1", "table2"} <= keys:
        return []
    free = [w for w in page.words if id(w) not in claimed]
    # Both tables' headings are looked for at once, so that a heading both print alike
    # ("Transaction Date") or nearly so ("Title of Security") goes to the better match.
    headings = find_anchors(blocks(free, rules), (*column_specs(K.TABLE1_2002, "table1"),
                                                   *column_specs(K.TABLE2_2002, "table2")),
                            set())
    out: list[Anchor] = []
    for key, own, other in (("table1", K.TABLE1_2002, K.TABLE2_2002),
                            ("table2", K.TABLE2_2002, K.TABLE1_2002)):
        if key in keys:
            continue
        distinct = {f"{key}:{c.number}" for c in own
                    if all(fuzz.ratio(c.heading, d.heading) < 90 for d in other)}
        found = [a for a in headings if a.key in distinct and a.score >= 85]
        titled = [a for a in anchors if a.key in ("table1", "table2")]
        if key == "table2":  # Table II prints under Table I
            found = [a for a in found if all(a.top > t.bottom for t in titled)]
        else:
            found = [a for a in found if all(a.bottom < t.top for t in titled)]
        if len({a.key for a in found}) < UNTITLED_TABLE_HEADINGS:
            continue
        top = min(a.top for a in found)
        left = min(a.x0 for a in found)
        mark = Word("", left, left, top - 1.0, top - 0.5, page.number)
        out.append(Anchor(key, "section", (mark,), min(a.score for a in found)))
    return out


#: What pages print at their head or foot: the form's number, the page's, a browser's date,
#: title and address when it printed the page.
_CONTINUED = r"FORM 4\s*(?:\(continued\)|[-–—]\s*continued)"
_FURNITURE = re.compile(
    r"^(?:(?:\*\s*)?(?:Form 4:\s*)?SEC 1474 \([\d-]+\)|Page \d+(?: of \d+)?|" + _CONTINUED +
    r"|SEC Form 4|\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?|(?:file|https?)://\S+|"
    r"\d+ ?/ ?\d+|sec\.gov\S*)(?:\s+(?:SEC 1474 \([\d-]+\)|Page \d+(?: of \d+)?|SEC FORM 4|"
    r"\d+ ?/ ?\d+|(?:file|https?)://\S+))*$", re.IGNORECASE)
#: Furniture lies in this share of the page at its head or its foot.
_MARGIN = 0.12


def _is_furniture(line: Sequence[Word], page: Page) -> bool:
    text = " ".join(w.text for w in line)
    top, bottom = min(w.top for w in line), max(w.bottom for w in line)
    in_margin = bottom < _MARGIN * page.height or top > (1 - _MARGIN) * page.height
    if re.fullmatch(r"(?i)(?:\*\s*)?(?:Form 4:\s*)?SEC 1474 \([\d-]+\)|" + _CONTINUED, text):
        return True
    return in_margin and bool(_FURNITURE.match(text))


def _revision(anchors: Sequence[Anchor]) -> K.FormRevision:
    keys = {a.key for a in anchors}
    texts = " ".join(a.text.lower() for a in anchors if a.key == "earliest_transaction")
    if keys & {"statement_month", "irs_number"}:
        return K.REVISIONS["pre-2002"]
    if "foreign_symbol" in keys or "required" in texts:
        return K.REVISIONS["2026"]
    if "rule_10b5_1" in keys:
        return K.REVISIONS["2023"]
    return K.REVISIONS["2002"]


def lay_out_form(pages: Sequence[Page]) -> FormLayout:
    """The Form 4 laid out over ``pages``."""
    parts = _without_instructions([_read_page(page) for page in pages])
    anchors = [a for p in parts for a in p.anchors]
    revision = _revision(anchors)
    boxes: dict[str, BoxWords] = {}
    more_owners: list[BoxWords] = []
    checks: dict[str, CheckReading] = {}
    tables: dict[str, TableLayout] = {}
    notes: list[NoteLines] = []
    remarks: list[Word] = []
    signatures: list[SignatureWords] = []
    joint_filers: list[list[list[Word]]] = []
    notes_open = remarks_open = False
    open_table: str | None = None
    previous: tuple[PageParts, set[int]] | None = None
    for part in parts:
        _read_header(part, revision, boxes, more_owners, checks)
        page_signatures, signed = read_signatures(part)
        if previous is not None:
            carried, overleaf = signed_overleaf(previous[0], page_signatures, part, previous[1])
            signatures += carried
            # The remarks or notes of the page before may have run on into those lines.
            remarks = [w for w in remarks if id(w) not in overleaf]
            for note in notes:
                note.words = [w for w in note.words if id(w) not in overleaf]
        signatures += page_signatures
        previous = (part, signed)
        if open_table is not None:
            tables[open_table].rows += _go_on(part, tables[open_table], signed)
        open_table = None
        for key, columns in (("table1", revision.table1), ("table2", revision.table2),
                             ("reporting_owners", K.REPORTING_OWNER_TABLE)):
            table = _read_table(part, key, columns, signed)
            if table is None:
                continue
            if key in tables:
                tables[key].rows += table.rows
            else:
                tables[key] = table
            if band_end(part, max(a.bottom for a in part.anchors if a.key == key) - 1,
                         owner_boxes=True) > part.page.height:
                open_table = key  # it runs to the page's foot: it may go on overleaf
        page_notes, runs_on = read_page_notes(part, signed, notes[-1] if notes_open else None)
        notes += page_notes
        notes_open = runs_on
        if remarks_open:
            remarks += remarks_go_on(part, signed)
        page_remarks, remarks_open = read_remarks(part, signed)
        remarks += page_remarks
        joint_filers += read_joint_filers(part, signed)
    fit = layout_fit(revision, anchors, tables)
    all_anchors = [*anchors, *(a for t in tables.values() for a in t.headings)]
    return FormLayout(revision, boxes, more_owners, checks, tables, notes, remarks, signatures,
                      all_anchors, fit, joint_filers)


#: A page printing this many of the header's box labels starts a form again.
_FORM_START_BOXES = 3


def _without_instructions(parts: list[PageParts]) -> list[PageParts]:
    """The pages without the official form's General Instructions printed with it: from
    their heading on, until a page starts a form again (their prose names boxes and tables
    and numbers its paragraphs as footnotes are)."""
    out: list[PageParts] = []
    reading = True
    for part in parts:
        boxes = {a.key for a in part.anchors if a.kind == "box" and a.score >= 90}
        if not reading and len(boxes) < _FORM_START_BOXES:
            continue
        reading = True
        heading = min((a.top for a in part.anchors if a.key == "general_instructions"),
                      default=None)
        if heading is not None:
            reading = False
            part.claimed.update(id(w) for w in part.page.words if w.top >= heading - 0.5)
            part.anchors = [a for a in part.anchors if a.top < heading - 0.5]
        out.append(part)
    return out


def _header_words(part: PageParts) -> tuple[list[Anchor], list[Word], float]:
    starts = [a.top for a in part.anchors if a.key in ("table1", "table2", "explanation")]
    # A list of further owners ends the header, unless it prints their boxes 1 and 5 again.
    starts += [a.top for a in part.anchors if a.key == "joint_filers" and not boxed(part, a)]
    bottom = min(starts, default=part.page.height + 1)
    labels = [a for a in part.anchors if a.kind == "box" and a.top < bottom]
    words = [w for w in part.page.words if id(w) not in part.claimed and w.top < bottom]
    return labels, words, bottom


def _read_header(part: PageParts, revision: K.FormRevision, boxes: dict[str, BoxWords],
                 more_owners: list[BoxWords], checks: dict[str, CheckReading]) -> None:
    labels, words, bottom = _header_words(part)
    _read_boxes(part, labels, words, boxes, more_owners, checks)
    # Further owners' boxes 1 and 5 printed after the tables.
    after = [a for a in part.anchors if a.kind == "box" and a.key in OWNER_BOXES and
             a.top >= bottom]
    if after:
        top = min(a.top for a in after)
        end = band_end(part, max(a.top for a in after))
        words = [w for w in part.page.words if id(w) not in part.claimed and
                 w.top >= top - 1 and w.bottom <= end + 0.5]
        _read_boxes(part, after, words, boxes, more_owners, checks, title_checks=False)


def _read_boxes(part: PageParts, labels: list[Anchor], words: list[Word],
                boxes: dict[str, BoxWords], more_owners: list[BoxWords],
                checks: dict[str, CheckReading], title_checks: bool = True) -> None:
    page_number = part.page.number
    marks = marks_of(words, part.page.rects, page_number)
    mark_words = {id(m.word) for m in marks if m.word is not None}
    if title_checks:
        titled = [a for a in part.anchors if a.kind == "title_check"]
        checks.update({k: v for k, v in read_checks(titled, marks).items()
                       if k not in checks or v.checked})
    if not labels:
        return
    values = [w for w in words if id(w) not in mark_words]
    pieces = [piece for block in blocks(values, part.rules)
              for piece in _cut_at_labels(block, labels)]
    assigned = assign_to_boxes(labels, pieces, part.rules)
    inner_specs = {"reporting_person": address_specs(), "relationship": relationship_specs(),
                   "filing_type": filing_specs()}
    for label in sorted(labels, key=lambda a: (a.top, a.x0)):
        box = BoxWords(label, assigned[label])
        specs = inner_specs.get(label.key)
        if specs:
            taken: set[int] = set()
            box.inner = _one_each(find_anchors(blocks(box.words, part.rules), specs, taken))
            taken = {id(w) for a in box.inner for w in a.words}
            if label.key == "reporting_person":
                box.inner += garbled_sub_labels([w for w in box.words if id(w) not in taken],
                                                box.inner, [s.key for s in specs])
                taken.update(id(w) for a in box.inner for w in a.words)
            box.words = [w for w in box.words if id(w) not in taken]
        found = read_checks([a for a in box.inner if a.kind == "check"], marks) \
            if label.key in ("relationship", "filing_type") else {}
        if label.key in ("reporting_person", "relationship") and label.key in boxes:
            # Boxes 1 and 5 printed again for a further owner.
            box.checks = found
            more_owners.append(box)
            continue
        if label.key not in boxes:
            boxes[label.key] = box
        for key, reading in found.items():
            if key not in checks or reading.checked:
                checks[key] = reading


def _cut_at_labels(block: list[Word], labels: Sequence[Anchor]) -> list[list[Word]]:
    """A block of values cut where a line of it stands beside another label: values typed in
    one column after captions ("Name:", "Relationship to Issuer:") belong to each caption."""
    lines = group_lines(block)
    if len(lines) < 2:
        return [block]
    pieces: list[list[Word]] = [[]]
    for index, line in enumerate(lines):
        if index and pieces[-1] and _beside_a_label(line, labels):
            pieces.append([])
        pieces[-1].extend(line)
    return pieces


def _beside_a_label(line: Sequence[Word], labels: Sequence[Anchor]) -> bool:
    """Whether a label to the left of ``line`` governs it: one at its height, nearer than the
    nearest label above it in its column (box 3's label beside box 6's second line is not)."""
    cy = sum(w.cy for w in line) / len(line)
    x0, x1, top = min(w.x0 for w in line), max(w.x1 for w in line), min(w.top for w in line)
    on_page = [a for a in labels if a.page == line[0].page]
    across = min((x0 - a.x1 for a in on_page
                  if a.top - 0.5 <= cy <= a.bottom + 0.5 and a.x1 <= x0 + 1), default=None)
    if across is None:
        return False
    down = min((top - a.bottom for a in on_page
                if a.bottom <= top + 0.5 and a.x0 < x1 and a.x1 > x0), default=None)
    return down is None or across < down


def _one_each(anchors: list[Anchor]) -> list[Anchor]:
    """A box's sub-labels, one of each: the best match, the fuller print of like ones (an
    officer's title "Officer" under "Officer (give title below)" is a value, not a label)."""
    best: dict[str, Anchor] = {}
    for a in anchors:
        held = best.get(a.key)
        if held is None or _sub_label_rank(a) > _sub_label_rank(held):
            best[a.key] = a
    return [a for a in anchors if best[a.key] is a]


def _sub_label_rank(anchor: Anchor) -> tuple[float, bool, int, float]:
    """How sure a sub-label is: its match, then whether it is set off as labels are
    ("(Street)", "Street:"; a value's "STREET," is not), its length, then the higher."""
    text = anchor.text.strip()
    set_off = text.startswith(("(", "[")) or text.endswith((")", ":", "]"))
    return (anchor.score, set_off, len(anchor.words), -anchor.top)


def _go_on(part: PageParts, table: TableLayout, signed: set[int]) -> list[TableRow]:
    """Rows of a table going on at the head of this page, above its first section."""
    top = min((a.top for a in part.anchors if a.kind in ("section", "box", "boilerplate")),
              default=part.page.height + 1)
    words = [w for w in part.page.words if id(w) not in part.claimed and id(w) not in signed
             and w.bottom <= top + 0.5]
    return continue_table(table, words, part.rules)


def _read_table(part: PageParts, key: str, columns: tuple[K.Column, ...], signed: set[int]
                ) -> TableLayout | None:
    titles = [a for a in part.anchors if a.key == key]
    if not titles:
        return None
    top = min(a.top for a in titles)
    bottom = band_end(part, max(a.bottom for a in titles) - 1, owner_boxes=True)
    words = [w for w in part.page.words if id(w) not in part.claimed and id(w) not in signed
             and top <= w.top and w.bottom <= bottom + 0.5]
    return lay_out_table(key, columns, words, part.rules, set(part.claimed))


__all__ = ["is_mark_word", "lay_out_form"]
