"""EDGAR's HTML view of an ownership filing: its DOM as lines of cells, or flattened to text.

The SEC renders Forms 3, 4 and 5 from XML with an XSL stylesheet (revised over the years):
nested tables whose innermost rows hold labels, values and check marks.  Two readings:

* :func:`read_view` keeps the structure: every innermost table row is a :class:`ViewLine` of
  :class:`ViewCell` (its text lines, footnote references, check mark, colspan, heading or not),
  every run of text outside such rows a one-cell line, each with the table cells that enclose
  it (``scopes``), so a reader can tell which box a line lies in.  A one-cell bordered table
  holding at most a mark is a check box: it reads as that mark, not as a table.
* :func:`html_to_dump` flattens the same rows into the text-dump shape (``| a | b |``) for the
  markdown reader.

Nothing here depends on CSS class names: only on elements, table structure and text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree, html

from extractor.errors import UnreadableInputError

#: Elements that end a line of text outside the innermost tables.
_BLOCKS = {"p", "div", "br", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "li", "hr",
           "body", "thead", "tbody", "center"}
#: What HTML views draw in a checked box: a letter X or a check or ballot glyph.
CHECK_MARKS = frozenset({"X", "x", "✓", "✔", "☒", "☑", "■", "●", "⊠"})
_REF = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass(frozen=True, slots=True)
class ViewCell:
    """One table cell (or one run of text outside the innermost rows)."""

    #: Its text, line by line (a ``<br>`` or a block ends a line), white space collapsed,
    #: footnote references (superscripts) left out.
    lines: tuple[str, ...]
    #: Footnote ids of its superscripts, EDGAR style ("F2").
    refs: tuple[str, ...] = ()
    #: Whether the cell is a check box holding a mark, or holds a mark alone.
    mark: bool = False
    header: bool = False
    colspan: int = 1
    #: The texts of its separate inline elements when it has several ("<span>a</span><span>b
    #: </span>"): how the older views print an officer title and the "other" text in one cell.
    parts: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(line for line in self.lines if line)

    @property
    def marked_text(self) -> str:
        """The text with its footnote references as printed on paper: "Common Stock (2)"."""
        marks = "".join(f"({ref.removeprefix('F')})" for ref in self.refs)
        return f"{self.text} {marks}".strip() if marks else self.text


@dataclass(frozen=True, slots=True)
class ViewLine:
    """An innermost table row (``in_row``), or a run of text outside one (a single cell)."""

    cells: tuple[ViewCell, ...]
    in_row: bool
    #: Ids of the table cells enclosing the line, outermost first (the row's own cells not
    #: included): a box's lines are those whose scopes hold the box's cell.
    scopes: tuple[int, ...]
    #: Id of the innermost table enclosing the line (0: none), and the row's index in it.
    table: int = 0
    row: int = 0

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells if c.text)


@dataclass(frozen=True, slots=True)
class HtmlView:
    """The view as lines in document order, and its title."""

    lines: tuple[ViewLine, ...]
    title: str

    @property
    def flat(self) -> str:
        return "\n".join(line.text for line in self.lines)


def parse_html(text: str) -> html.HtmlElement:
    """The document's root with scripts, styles and the head dropped."""
    try:
        root = html.document_fromstring(text)
    except (ValueError, etree.ParserError) as err:
        raise UnreadableInputError(f"HTML cannot be parsed: {err}") from None
    title = root.findtext(".//title") or ""
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    root.set("data-title", " ".join(title.split()))
    return root


def _is_checkbox(table: html.HtmlElement) -> bool:
    """A one-cell table holding at most a mark: a drawn check box."""
    cells = table.xpath(".//td|.//th")
    return len(cells) == 1 and len(cells[0].text_content().strip()) <= 1 and \
        not cells[0].xpath(".//table")


def _is_leaf_row(row: html.HtmlElement) -> bool:
    return all(_is_checkbox(t) for t in row.iter("table"))


class _Walker:
    """Walks the DOM in document order, emitting lines with their enclosing cells."""

    def __init__(self) -> None:
        self.lines: list[ViewLine] = []
        self.buffer: list[str] = []
        self.scopes: list[int] = []
        self.tables: list[int] = [0]
        self.rows: dict[int, int] = {}
        self.ids: dict[html.HtmlElement, int] = {}

    def id_of(self, element: html.HtmlElement) -> int:
        return self.ids.setdefault(element, len(self.ids) + 1)

    def walk(self, element: html.HtmlElement) -> None:
        if not isinstance(element.tag, str):  # comments, processing instructions
            return
        tag = element.tag
        if tag == "table" and _is_checkbox(element):
            self.buffer.append(" " + element.text_content().strip() + " ")
            return
        if tag == "tr":
            table = self.tables[-1]
            index = self.rows.get(table, 0)
            self.rows[table] = index + 1
            if _is_leaf_row(element):
                self.flush()
                cells = tuple(read_cell(c) for c in element if c.tag in ("td", "th"))
                if cells:
                    self.lines.append(ViewLine(cells, True, tuple(self.scopes), table, index))
                return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if tag in ("td", "th"):
            self.scopes.append(self.id_of(element))
        if tag == "table":
            self.tables.append(self.id_of(element))
        if element.text:
            self.buffer.append(element.text)
        for child in element:
            self.walk(child)
            if child.tail:
                self.buffer.append(child.tail)
        if block:
            self.flush()
        if tag in ("td", "th"):
            self.scopes.pop()
        if tag == "table":
            self.tables.pop()

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer.clear()
        if text:
            cell = ViewCell((text,), mark=text in CHECK_MARKS)
            self.lines.append(ViewLine((cell,), False, tuple(self.scopes), self.tables[-1]))


def read_cell(cell: html.HtmlElement) -> ViewCell:
    """A table cell's lines, footnote references, mark and inline parts."""
    lines: list[str] = []
    buffer: list[str] = []
    refs: list[str] = []

    def end_line() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            lines.append(text)
        buffer.clear()

    def walk(element: html.HtmlElement) -> None:
        if not isinstance(element.tag, str):
            return
        if element.tag == "sup" and (m := _REF.match(element.text_content().strip())):
            refs.append(f"F{int(m[1])}")  # kept apart: "30,104" + "1" must not become one number
            return
        block = element.tag in _BLOCKS and element is not cell
        if block:
            end_line()
        if element.text:
            buffer.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            end_line()

    walk(cell)
    end_line()
    children = [c for c in cell if isinstance(c.tag, str) and c.tag not in ("br", "sup")]
    parts = tuple(" ".join(c.text_content().split()) for c in children) \
        if len(children) > 1 else ()
    text = " ".join(lines)
    try:
        colspan = max(1, int(cell.get("colspan") or 1))
    except ValueError:
        colspan = 1
    return ViewCell(tuple(lines), tuple(refs), text.strip() in CHECK_MARKS,
                    cell.tag == "th", colspan, parts)


def read_view(text: str) -> HtmlView:
    """The HTML view as lines of cells in document order (see :class:`ViewLine`)."""
    root = parse_html(text)
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return HtmlView(tuple(walker.lines), root.get("data-title") or "")


# --- the flattened reading ------------------------------------------------------------------------

def _cell_text(cell: html.HtmlElement) -> str:
    return " ".join(cell.text_content().split()).replace("|", "/")


def _walk(element: html.HtmlElement, lines: list[str], buffer: list[str]) -> None:
    """Emit innermost table rows as markdown rows, any other text as plain lines, in order."""
    if not isinstance(element.tag, str):  # comments, processing instructions
        return
    if element.tag == "tr" and not element.xpath(".//table"):
        _flush(lines, buffer)
        cells = [_cell_text(c) for c in element if c.tag in ("td", "th")]
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
        return
    block = element.tag in _BLOCKS
    if block:
        _flush(lines, buffer)
    if element.text:
        buffer.append(element.text)
    for child in element:
        _walk(child, lines, buffer)
        if child.tail:
            buffer.append(child.tail)
    if block:
        _flush(lines, buffer)


def _flush(lines: list[str], buffer: list[str]) -> None:
    text = " ".join("".join(buffer).split())
    if text:
        lines.append(text)
    buffer.clear()


def html_to_dump(text: str) -> str:
    """The HTML view as markdown rows (innermost table rows) and plain lines (other text)."""
    root = parse_html(text)
    lines: list[str] = []
    buffer: list[str] = []
    _walk(root, lines, buffer)
    _flush(lines, buffer)
    return "\n".join(lines)
