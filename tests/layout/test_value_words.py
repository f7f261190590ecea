"""Finding a value's own words among laid lines, and the box a reviewer is shown."""

from __future__ import annotations

from extractor.ingest.pdf_words import Word
from extractor.layout.pdf_blocks import LaidLine
from extractor.layout.value_words import find_value_runs, value_boxes


def _line(texts: list[str], top: float, page: int = 1) -> LaidLine:
    words, x = [], 20.0
    for text in texts:
        words.append(Word(text, x, x + 6 * len(text), top, top + 8, page))
        x += 6 * len(text) + 10
    return LaidLine(" ".join(texts), page, (words[0].x0, top, words[-1].x1, top + 8),
                    tuple(words))


ROW = _line(["Option", "M", "5,250", "Common", "Stock", "5,250", "$0.00", "0"], 400)


def _box_x(texts: list[str], first: int) -> float:
    return 20.0 + sum(6 * len(t) + 10 for t in texts[:first])


def test_like_numbers_in_a_row_each_get_their_own_cell() -> None:
    """Table II: visited in the model's order (price before the underlying amount), looked
    for in the printed order; the (A)/(D) code was read from the number's own cell."""
    prefix = "derivative_table[0]."
    placed = [(prefix + "security_title", 0, "Option"),
              (prefix + "transaction_code", 0, "M"),
              (prefix + "transaction_shares", 0, "5,250"),
              (prefix + "transaction_price_per_share", 0, "$0.00"),
              (prefix + "transaction_acquired_disposed_code", 0, "5,250"),
              (prefix + "underlying_security_title", 0, "Common Stock"),
              (prefix + "underlying_security_shares", 0, "5,250"),
              (prefix + "shares_owned_following_transaction", 0, "0")]
    boxes = value_boxes([ROW], placed)
    texts = ROW.text.split()
    assert boxes[prefix + "transaction_shares"][0] == _box_x(texts, 2)
    assert boxes[prefix + "transaction_acquired_disposed_code"] == \
        boxes[prefix + "transaction_shares"]
    assert boxes[prefix + "underlying_security_shares"][0] == _box_x(texts, 5)
    assert boxes[prefix + "underlying_security_title"] == (
        _box_x(texts, 3), 400, _box_x(texts, 4) + 30, 408)
    assert boxes[prefix + "transaction_price_per_share"][0] == _box_x(texts, 6)


def test_a_value_that_could_be_either_of_two_cells_keeps_its_lines_box() -> None:
    # Printed right of a value found right of both "5,250"s: which one it is is not known.
    placed = [("derivative_table[0].shares_owned_following_transaction", 0, "0"),
              ("derivative_table[0].nature_of_ownership", 0, "5,250")]
    assert set(value_boxes([ROW], placed)) == {
        "derivative_table[0].shares_owned_following_transaction"}


def test_a_value_over_two_lines_and_words_among_others() -> None:
    laid = [_line(["C/O", "TESLA,", "INC."], 100), _line(["1", "TESLA", "ROAD"], 110),
            _line(["AUSTIN", "TX", "78725"], 140)]
    assert find_value_runs(laid, 0, "C/O TESLA, INC.\n1 TESLA ROAD") == [(0, 0, 3), (1, 0, 3)]
    boxes = value_boxes(laid, [("street", 0, "C/O TESLA, INC.\n1 TESLA ROAD"),
                               ("street2", 0, "1 TESLA ROAD"), ("state", 2, "TX"),
                               ("missing", 2, "CA")])
    assert boxes["street"][1:] == (100, boxes["street"][2], 118)
    assert boxes["street2"][1] == 110
    assert boxes["state"][0] == _box_x(["AUSTIN"], 1)
    assert "missing" not in boxes
