"""Which files a batch reads and what its outputs are called."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.batch.inputs import (
    OutputDirError,
    base_folder,
    check_writable_dir,
    count_inputs,
    iter_inputs,
)


def test_hidden_names_are_skipped_only_inside_a_directory(small_tree: Path) -> None:
    names = [item.rel for item in iter_inputs([str(small_tree)])]
    assert names == [
        "a/aapl_adams_2022-05-04.xml", "a/aapl_cook_2019-08-24.xml",
        "a/aapl_williams_2019-05-02.xml", "a/amzn_ng_2024-04-12.xml",
        "b/aapl_adams_2022-05-04.xml", "b/empty.txt", "b/form3_snow_garrett_2020-09-15.xml"]
    hidden = small_tree / "a" / ".hidden.xml"
    assert [item.rel for item in iter_inputs([str(hidden)])] == [".hidden.xml"]


def test_a_path_through_dot_dot_is_no_hidden_path(small_tree: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(small_tree / "a")
    items = list(iter_inputs(["../b"]))
    assert [item.shown for item in items] == [
        os.path.join("../b", "aapl_adams_2022-05-04.xml"), os.path.join("../b", "empty.txt"),
        os.path.join("../b", "form3_snow_garrett_2020-09-15.xml")]
    assert items[0].path == str(small_tree / "b" / "aapl_adams_2022-05-04.xml")
    assert items[0].rel == "aapl_adams_2022-05-04.xml"


def test_the_output_directory_inside_an_input_directory_is_not_read(small_tree: Path) -> None:
    out = small_tree / "b" / "out"
    out.mkdir()
    (out / "aapl_adams_2022-05-04.xml.json").write_text("{}")
    rels = [item.rel for item in iter_inputs([str(small_tree)], [str(out)])]
    assert not any(rel.startswith("b/out") for rel in rels) and len(rels) == 7
    assert count_inputs([str(small_tree)], [str(out)]) == 7


def test_names_mirror_the_tree_below_the_common_folder(small_tree: Path) -> None:
    a, b = small_tree / "a" / "aapl_adams_2022-05-04.xml", small_tree / "b" / "empty.txt"
    assert base_folder([str(a), str(b)]) == str(small_tree)
    assert [i.rel for i in iter_inputs([str(a), str(b)])] == ["a/aapl_adams_2022-05-04.xml",
                                                              "b/empty.txt"]
    assert [i.rel for i in iter_inputs([str(a)])] == ["aapl_adams_2022-05-04.xml"]


def test_an_output_directory_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(OutputDirError, match="cannot write there"):
        check_writable_dir(blocker / "out")
    with pytest.raises(OutputDirError, match="a file, not a directory"):
        check_writable_dir(blocker)
    check_writable_dir(tmp_path / "new" / "out")
    assert list((tmp_path / "new" / "out").iterdir()) == []
