"""Labels of an HTML view found among its cells (extractor.layout.html_labels)."""

from __future__ import annotations

from extractor.layout.html_labels import label_score


def test_box_number_and_wording_do_not_matter() -> None:
    assert label_score("2a. Foreign Trading Symbol", "foreign_symbol") == 100
    assert label_score("3. Date of Earliest Transaction (Month/Day/Year)",
                       "earliest_transaction") >= 95
    assert label_score("5. Relationship of Reporting Person(s) to Issuer", "relationship") >= 95


def test_short_labels_match_the_whole_cell() -> None:
    assert label_score("Director", "director") == 100
    assert label_score("Director of Sales", "director") < 88
    assert label_score("Table I - Non-Derivative Securities Acquired, Disposed of, or "
                       "Beneficially Owned", "table1") > \
        label_score("Table I - Non-Derivative Securities Acquired, Disposed of, or "
                    "Beneficially Owned", "table2")
