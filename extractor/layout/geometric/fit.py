"""How well the pages make sense as a Form 4: the revision's labels found, and what is out
of the form's order."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extractor.knowledge import labels as K
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.form import LayoutFit
from extractor.layout.geometric.tables import TableLayout


def _column_order(number: str) -> tuple[int, str]:
    """"2A" sorts after "2" and before "3"."""
    digits = "".join(c for c in number if c.isdigit())
    return int(digits or 0), number[len(digits):]


def layout_fit(revision: K.FormRevision, anchors: Sequence[Anchor],
         tables: dict[str, TableLayout]) -> LayoutFit:
    """How many of the revision's labels were found, and what is out of the form's order."""
    expected = [b.key for b in revision.boxes if b.key != "rule_10b5_1"] + ["table1", "table2"]
    found = {a.key: a for a in anchors if a.key in expected}
    heading_count = len(revision.table1) + len(revision.table2)
    headings = sum(len({a.key for a in t.headings if a.kind == "column"})
                   for key, t in tables.items() if key in ("table1", "table2"))
    problems = []
    one, two = found.get("reporting_person"), found.get("issuer")
    if one and two and one.page == two.page and two.x0 < one.x0 - 5 and two.top >= one.top:
        problems.append("box 2 is printed left of box 1")
    for key, table in tables.items():
        if key not in ("table1", "table2"):
            continue
        numbered = sorted((a for a in table.headings if a.kind == "column"),
                          key=lambda a: _column_order(a.key.split(":")[1]))
        xs = [a.x0 for a in numbered]
        if any(b < a - 5 for a, b in itertools.pairwise(xs)):
            problems.append(f"{key}'s column headings are out of the form's order")
    scores = [a.score for a in found.values()]
    total = len(expected) + heading_count
    return LayoutFit(len(found) + headings, total,
                     sum(scores) / len(scores) if scores else 0.0, tuple(problems))
