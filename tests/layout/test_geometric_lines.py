"""How the geometric reader cuts a line into phrases: a text layer's boxes span the type, OCR's
hug the ink; a box's number belongs to its label."""

from __future__ import annotations

from extractor.ingest.page import Word
from extractor.layout.geometric.lines import Rules, group_lines, split_phrases

NO_RULES = Rules.from_rects((), 1000.0, 800.0)


def _line(spans: list[tuple[str, float, float]], top: float = 180.7, height: float = 4.08,
          size: float | None = None) -> list[Word]:
    return [Word(text, x0, x1, top, top + height, 1, 1.0 if size else 0.9, size)
            for text, x0, x1 in spans]


#: "4) If Amend., Date Original Filed" in a 6-point typewriter face as tesseract boxed it on a
#: clean 300 dpi scan (points), then box 6's label far to the right.
OCR_SPANS = [("4)", 31.0, 36.0), ("If", 41.0, 44.5), ("Amend.,", 48.1, 68.2),
             ("Date", 72.5, 85.3), ("Original", 88.9, 115.2), ("Filed", 119.5, 135.9),
             ("6)", 512.2, 517.0), ("Individual", 521.8, 553.0)]


def _texts(words: list[Word]) -> list[str]:
    return [" ".join(w.text for w in p.words) for p in split_phrases(words, NO_RULES)]


def test_ocr_words_of_one_label_are_one_phrase() -> None:
    assert _texts(_line(OCR_SPANS)) == ["4) If Amend., Date Original Filed", "6) Individual"]


def test_a_text_layers_words_are_measured_by_their_type() -> None:
    # A text layer's boxes span the type's height: the same gaps at 6-point boxes 4 points
    # high are still words of one phrase, but a gap of two type heights ends it.
    spans = [("Date", 72.5, 85.3), ("Original", 88.9, 115.2), ("Filed", 127.5, 143.9)]
    assert _texts(_line(spans, height=6.0, size=6.0)) == ["Date Original", "Filed"]


def test_a_line_of_raised_markers_rides_on_the_words_it_follows() -> None:
    row = _line([("159.94", 400.0, 420.0), ("468,198.00", 500.0, 535.0)], top=260.0,
                height=8.0)
    markers = _line([("2", 420.5, 423.0), ("3", 535.5, 538.0)], top=257.0, height=4.0)
    lines = group_lines(row + markers)
    assert [[w.text for w in line] for line in lines] == [["159.94", "2", "468,198.00", "3"]]


def test_lines_of_digits_alone_stay_lines() -> None:
    # A scan of a long filing: thousands of one-digit words, each a possible raised marker,
    # with no taller line to ride on.
    words = [Word(str(i % 10), 10.0 + 12 * (i % 60), 14.0 + 12 * (i % 60), 10.0 * (i // 60),
                  10.0 * (i // 60) + 4.0, 1, 0.9) for i in range(6000)]
    lines = group_lines(words)
    assert [len(line) for line in lines] == [60] * 100


def test_a_sub_label_set_off_as_labels_are_wins_over_a_values_word() -> None:
    from extractor.layout.geometric.anchors import find_anchors
    from extractor.layout.geometric.specs import address_specs

    # "33 BOYLSTON STREET, SUITE 3000" typed over its sub-label "Street:"; OCR's box of
    # "STREET," takes in the comma's tail, so the word stands apart as a label would.
    value = _line([("33", 40.0, 47.0), ("BOYLSTON", 52.0, 90.0)], top=300.0, height=7.0) + \
        _line([("STREET,", 95.0, 127.0)], top=300.0, height=9.0) + \
        _line([("SUITE", 132.0, 155.0), ("3000", 160.0, 178.0)], top=300.0, height=7.0)
    label = _line([("Street:", 40.0, 60.0)], top=309.0, height=5.0)
    found = find_anchors([value + label], address_specs())
    assert [(a.key, a.text) for a in found] == [("street", "Street:")]
