from extractor.ingest.text_dump import read_text_dump


def test_markdown_rows_become_cells_and_separators_vanish() -> None:
    dump = read_text_dump("Title\n\n| a | b |  |\n|---|---|--|\n| \\emph{see} x | *y* |\nplain")
    assert [line.cells for line in dump.lines] == [("Title",), ("a", "b", ""), ("see x", "y"),
                                                   ("plain",)]
    assert [line.is_table_row for line in dump.lines] == [False, True, True, False]
    assert dump.flat.split("\n")[1] == "a | b | "
    assert dump.line_at(dump.flat.index("see")) == 2
