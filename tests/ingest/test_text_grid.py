"""Typed text as a page of positioned words: the grid, the rules a typist drew, check boxes."""

from __future__ import annotations

from extractor.ingest.text_grid import CHAR_WIDTH, LINE_HEIGHT, text_pages

TYPED = """\
1. Name and Address of Reporting Person     |2. Issuer Name and Ticker
   Adams Katherine L.                       |   Apple Inc. (AAPL)
   [X] Director   ( ) 10% Owner
------------------------------------------------------------
Common Stock     05/04/2022   --   S   9,136
SEC 1474 (9-02)                          Page 1 of 2
"""


def test_words_sit_on_the_monospace_grid() -> None:
    page, = text_pages(TYPED)
    adams = next(w for w in page.words if w.text == "Adams")
    assert (adams.x0, adams.top // LINE_HEIGHT) == (3 * CHAR_WIDTH, 1)
    # "--" in a row is an empty cell's mark, a word; the full-width dashes are a rule.
    assert "--" in [w.text for w in page.words]


def test_typed_rules_and_check_boxes() -> None:
    page, = text_pages(TYPED)
    texts = [w.text for w in page.words]
    assert "[X]" in texts and "( )" in texts and "|2." not in texts and "2." in texts
    walls = [r for r in page.rects if r.width < 1]
    assert len(walls) == 1 and walls[0].height == 2 * LINE_HEIGHT  # one wall over two lines
    assert any(r.width >= 50 * CHAR_WIDTH for r in page.rects)  # the dashed rule


def test_page_foot_is_furniture_and_form_feed_starts_a_page() -> None:
    pages = text_pages(TYPED + "\fRemarks:\n")
    assert [p.number for p in pages] == [1, 2]
    assert not {"SEC", "1474", "Page"} & {w.text for w in pages[0].words}
