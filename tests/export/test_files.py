from pathlib import Path

import pytest

from extractor.export.files import write_atomic


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    write_atomic(target, "first")
    write_atomic(target, b"second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["out.json"]


def test_failed_write_leaves_target_and_no_temp_file(tmp_path: Path) -> None:
    # Renaming over a non-empty directory fails after the temp file was written.
    target = tmp_path / "out.json"
    target.mkdir()
    (target / "keep").write_text("old")
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert (target / "keep").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
