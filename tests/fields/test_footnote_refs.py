from extractor.fields.footnote_refs import footnote_id, split_footnote_refs


def test_trailing_markers_are_split_off() -> None:
    assert split_footnote_refs("by Trust (1)") == ("by Trust", ("F1",))
    assert split_footnote_refs("5,250(2)(3)") == ("5,250", ("F2", "F3"))
    assert split_footnote_refs("Common Stock¹") == ("Common Stock", ("F1",))


def test_text_in_parentheses_is_not_a_marker() -> None:
    assert split_footnote_refs("Stock Option (right to buy)") == ("Stock Option (right to buy)", ())
    assert split_footnote_refs("Class (A) Units") == ("Class (A) Units", ())


def test_footnote_id() -> None:
    assert footnote_id("(1)") == "F1"
    assert footnote_id("F12") == "F12"
    assert footnote_id("x") is None


def test_a_misread_footnote_number_is_put_back_in_the_run() -> None:
    from extractor.fields.footnote_refs import numbers_in_sequence

    assert numbers_in_sequence([1, 2, 3, 4, 6, 6, 7]) == [1, 2, 3, 4, 5, 6, 7]  # 5 read as 6
    assert numbers_in_sequence([4, 8, 6, 7, 8]) == [4, 5, 6, 7, 8]  # 5 read as 8
    assert numbers_in_sequence([1, 2, 2]) == [1, 2, 3]  # the last one
    assert numbers_in_sequence([1, 3, 4]) == [1, 3, 4]  # a real gap stays
    assert numbers_in_sequence([]) == []
