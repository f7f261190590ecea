"""What the geometric layout of a Form 4 finds: the words of each box, the check-box
readings, the tables, notes and signatures, and how well the page fits the form."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.ingest.page import Word
from extractor.knowledge import labels as K
from extractor.layout.geometric.anchors import Anchor
from extractor.layout.geometric.checkmarks import CheckReading
from extractor.layout.geometric.notes import NoteLines, SignatureWords
from extractor.layout.geometric.tables import TableLayout


@dataclass(slots=True)
class BoxWords:
    """A numbered box: its label, the value words under or beside it, and the labels printed
    inside it (box 1's "(Last)" ... "(Country)", box 5's check boxes)."""

    label: Anchor
    words: list[Word] = field(default_factory=list)
    inner: list[Anchor] = field(default_factory=list)
    #: The check boxes read inside it, for a box 5 printed again for a further owner.
    checks: dict[str, CheckReading] = field(default_factory=dict)

    def inner_label(self, key: str) -> Anchor | None:
        return next((a for a in self.inner if a.key == key), None)


@dataclass(frozen=True, slots=True)
class LayoutFit:
    """How well the pages make sense as a Form 4.

    ``found`` of ``expected`` labels of the recognised revision were located, with a mean match
    score of ``mean_score`` (0-100); ``problems`` says what does not fit (labels out of the
    form's order, a table without headings).
    """

    found: int
    expected: int
    mean_score: float
    problems: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        return self.found / self.expected if self.expected else 0.0


@dataclass(slots=True)
class FormLayout:
    """Everything the layout stage located, for the field parsers to read."""

    revision: K.FormRevision
    boxes: dict[str, BoxWords]
    #: Boxes 1 and 5 printed again for each further reporting owner, in page order.
    more_owners: list[BoxWords]
    checks: dict[str, CheckReading]
    tables: dict[str, TableLayout]
    notes: list[NoteLines]
    remarks: list[Word]
    signatures: list[SignatureWords]
    anchors: list[Anchor]
    fit: LayoutFit
    #: Owners listed on an attached page ("Joint Filer Information"): each its lines.
    joint_filers: list[list[list[Word]]] = field(default_factory=list)
