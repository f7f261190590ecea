from extractor.ingest.text_dump import read_text_dump


def test_markdown_rows_become_cells_and_separators_vanish() -> None:
    dump = read_text_dump("Title\n\n| a | b |  |\n|---|---|--|\n| \\emph{see} x | *y* |\nplain")
    assert [line.cells for line in dump.lines] == [("Title",), ("a", "b", ""), ("see x", "y"),
                                                   ("plain",)]
    assert [line.is_table_row for line in dump.lines] == [False, True, True, False]
    assert dump.flat.split("\n")[1] == "a | b | "
    assert dump.line_at(dump.flat.index("see")) == 2


def test_a_line_break_kept_outside_a_table_splits_the_line() -> None:
    dump = read_text_dump("Common<br>Stock 05/12/2023 P 84,603\nName<br/>\n")
    assert [line.cells for line in dump.lines] == [("Common",), ("Stock 05/12/2023 P 84,603",),
                                                  ("Name",)]
    assert [line.line_number for line in dump.lines] == [1, 1, 2]
