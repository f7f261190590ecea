"""Check marks beside check-box labels in a text dump.

A dump keeps a mark only as a character: "X", "(X)", "[X]", "☒", "✓".  An empty box survives as
"( )", "[ ]", "☐" — or, in a table-shaped dump (EDGAR's HTML view, markdown), as an empty cell
before the label in a group whose other boxes show their mark in that same cell position, or
as nothing before a label that opens its line while another label of its group opens with
its mark.
Where neither survives the box is unread (None), never assumed unchecked.
"""

from __future__ import annotations

import re

from extractor.layout.text_boxes import TextLayout
from extractor.model import Field, Provenance

# "n": ZapfDingbats' filled box (■) as PDF-to-text tools spell it, standing alone.
_MARK = re.compile(r"^(?:\(\s*[xX✓✔]\s*\)|\[\s*[xX✓✔]\s*\]|[☒☑✔✓■]|[xXn])$")
_MARK_BEFORE = re.compile(
    r"(?:\(\s*[xX✓✔]\s*\)|\[\s*[xX✓✔]\s*\]|[☒☑✔✓■]|(?<![\w/])[xXn]|_*[xX✓✔]_+)"
    r"(?:\s*<br>)?\s*\|?\s*$")
# A box typed as a line: "_____" empty, "__X__" marked.
_EMPTY_BEFORE = re.compile(r"(?:\(\s*\)|\[\s*\]|[☐□]|_{3,})\s*\|?\s*$")
CLEAN = 0.95


def _cell_before(layout: TextLayout, start: int) -> str | None:
    """The cell just before the cell that starts at flat offset ``start``, if the label starts
    its own markdown cell; otherwise None."""
    dump = layout.dump
    index = dump.line_at(start)
    line = dump.lines[index]
    if not line.is_table_row:
        return None
    offset = dump.line_starts[index]
    for position, cell in enumerate(line.cells):
        if offset <= start < offset + len(cell) + 3:
            if dump.flat[offset:start].strip(" |") or position == 0:
                return None  # the label is not at the start of its cell
            return line.cells[position - 1]
        offset += len(cell) + 3  # " | " between cells
    return None


def read_checkboxes(layout: TextLayout, keys: dict[str, str],
                    source: str = "text-dump") -> dict[str, Field]:
    """Read the check boxes ``keys`` (label key -> result name) of one group."""
    found: dict[str, Field] = {}
    cell_group: dict[str, str] = {}
    leading: dict[str, str] = {}  # what precedes a label in its own cell
    for key, name in keys.items():
        label = layout.find(key, "checkbox")
        if label is None:
            continue
        flat = layout.dump.flat
        shown = flat[label.start:label.end]
        before = flat[max(0, label.start - 6):label.start].split("\n")[-1]
        line_start = layout.dump.line_starts[layout.dump.line_at(label.start)]
        leading[name] = flat[line_start:label.start].rsplit("|", 1)[-1].strip()
        cell = _cell_before(layout, label.start)
        if cell is not None:
            cell_group[name] = cell
        if (cell is not None and _MARK.match(cell.strip())) or _MARK_BEFORE.search(before):
            found[name] = Field(True, CLEAN, Provenance(source, raw_text=before + shown))
        elif _EMPTY_BEFORE.search(before):
            found[name] = Field(False, CLEAN, Provenance(source, raw_text=before + shown))
    # Marks written before the labels, empty boxes as nothing ("X Director" over "10% Owner"):
    # a label that opens its cell bare, beside one that opens it with a mark, is unchecked.
    if any(_MARK.match(text) for text in leading.values()):
        for name, text in leading.items():
            if name not in found and not text:
                found[name] = Field(False, 0.9, Provenance(source, raw_text=text))
    # Table-shaped dumps: the mark column exists if any box in the group shows a mark in it.
    if any(_MARK.match(c.strip()) for c in cell_group.values()):
        for name, cell in cell_group.items():
            if name not in found and not cell.strip():
                found[name] = Field(False, 0.9, Provenance(source, raw_text=f"| {cell} |"))
    return found
