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


def test_a_worded_date_is_one_word_and_a_date_run_into_a_word_is_parted() -> None:
    page, = text_pages("   Feb. 29, 2000    May 15, 2026, and\n"
                       "By: /s/ Jane Doe, General Counsel03/07/2025   OfficerApr. 28, 2025\n")
    texts = [w.text for w in page.words]
    assert "Feb. 29, 2000" in texts and "May 15, 2026," in texts
    assert {"Counsel", "03/07/2025", "Officer", "Apr. 28, 2025"} <= set(texts)


def test_one_typed_space_is_a_word_space_two_end_a_phrase() -> None:
    from extractor.layout.geometric.lines import PHRASE_GAP

    page, = text_pages("Other (specify)  Chief\n")
    other, specify, chief = page.words
    height = other.bottom - other.top
    assert specify.x0 - other.x1 < PHRASE_GAP * height < chief.x0 - specify.x1
