"""EDGAR's HTML view of an ownership filing, flattened into the text-dump shape.

The SEC renders Forms 3, 4 and 5 from XML with one stylesheet: nested tables whose innermost
rows hold the labels and values.  Each innermost row becomes a markdown row (``| a | b |``) and
each block of text outside a table a plain line, so the text-dump reader reads the result as it
reads any markdown dump, labels and all.
"""

from __future__ import annotations

from lxml import etree, html

from extractor.errors import UnreadableInputError

#: Elements that end a line of text outside the innermost tables.
_BLOCKS = {"p", "div", "br", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "li", "hr",
           "body"}


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
    try:
        root = html.document_fromstring(text)
    except (ValueError, etree.ParserError) as err:
        raise UnreadableInputError(f"HTML cannot be parsed: {err}") from None
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    lines: list[str] = []
    buffer: list[str] = []
    _walk(root, lines, buffer)
    _flush(lines, buffer)
    return "\n".join(lines)
