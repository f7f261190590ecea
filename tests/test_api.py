"""``extract`` accepts a path, bytes or text, and every reader's result fits the JSON Schema."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from extractor import UnreadableInputError, extract
from extractor.export.json_document import to_json_dict
from extractor.export.json_schema import json_schema


def test_path_bytes_and_text_agree(seed_path: Path) -> None:
    by_path = extract(seed_path)
    by_str_path = extract(str(seed_path))
    by_bytes = extract(seed_path.read_bytes())
    by_text = extract(seed_path.read_text())
    values = [[(p, f.value) for p, f in form.iter_fields()]
              for form in (by_path, by_str_path, by_bytes, by_text)]
    assert values[0] == values[1] == values[2] == values[3]


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInputError, match="directory"):
        extract(tmp_path)


def test_every_reader_fits_the_schema(root_dir: Path, corpus_xml: list[Path]) -> None:
    validator = jsonschema.Draft202012Validator(json_schema())
    paths = sorted((root_dir / "samples").glob("*.*")) + corpus_xml
    for path in paths:
        if path.suffix == ".md":
            continue
        validator.validate(to_json_dict(extract(path), str(path)))
