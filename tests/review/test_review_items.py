"""The JSON's ``review`` items and the CSV's reasons, as a review queue reads them: every item
names a real path with its field's value, page and box; no reason shows a Python ``None``; a
reason's confidence is its field's; a CSV line that needs review says why."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from extractor import extract
from extractor.errors import Form4Error
from extractor.export.csv_rows import to_csv
from extractor.export.json_document import to_json_dict
from extractor.fields.table_rows import parse_row_words
from extractor.model import Form4, Provenance
from tests.review.conftest import ROOT, SHARED, fax_scan


def _resolve(form: Form4, path: str) -> Any:
    """The model object ``path`` names (a field, a row, a table), or KeyError."""
    node: Any = form
    for name, index in re.findall(r"([a-z_0-9]+)(?:\[(\d+)\])?", path):
        if not hasattr(node, name):
            raise KeyError(path)
        node = getattr(node, name)
        if index:
            node = node[int(index)]
    return node


@pytest.fixture(scope="module")
def forms(shared_dir: Path) -> list[tuple[str, Form4]]:
    """Real documents of ../shared (a ``corpus`` test: skipped without it) and the repository's."""
    paths = [*sorted((SHARED / "corpus" / "xml").glob("*.xml"))[:6],
             *sorted((SHARED / "corpus" / "real").glob("*.txt")),
             *sorted((SHARED / "corpus" / "real").glob("*form4*.html")),
             *(ROOT / "samples").glob("*.txt"),
             ROOT / "samples" / "aapl_cook_2019-08-24_rendered.pdf",
             *sorted((ROOT / "tests" / "fixtures" / "dumps").glob("*.txt"))]
    out = []
    for path in paths:
        try:
            out.append((path.name, extract(path)))
        except Form4Error:  # a Form 3 or 5 among the real files
            continue
    out.append(("fax150", extract(fax_scan())))
    return out


def test_items_name_real_paths_with_value_page_and_box(forms: list[tuple[str, Form4]]) -> None:
    checked = 0
    for name, form in forms:
        fields = dict(form.iter_fields())
        for entry in to_json_dict(form, name)["review"]:
            target = _resolve(form, entry["path"])  # raises for a path that names nothing
            field = fields.get(entry["path"])
            if field is None:
                assert entry["value"] is None and entry["box"] is None, (name, entry)
                assert not isinstance(target, str), (name, entry)
                continue
            checked += 1
            prov = field.provenance
            assert entry["confidence"] == round(field.confidence, 3)
            assert entry["page"] == (prov.page if prov else None)
            assert entry["box"] == (list(prov.bbox) if prov and prov.bbox else None)
    assert checked > 20
    fax = dict(forms)["fax150"]
    entry = next(e for e in to_json_dict(fax)["review"] if e["path"].endswith("zip_code"))
    assert entry["value"] and entry["page"] == 1 and len(entry["box"]) == 4


def test_no_reason_shows_none_and_confidences_agree(forms: list[tuple[str, Form4]]) -> None:
    for name, form in forms:
        fields = dict(form.iter_fields())
        for item in form.review_items():
            assert not re.search(r"\bNone\b", item.reason), (name, item)
            said = re.search(r"\bconfidence (\d\.\d\d)\b", item.reason)
            if said and item.path in fields:
                assert said.group(1) == f"{fields[item.path].confidence:.2f}", (name, item)


def test_a_row_that_cannot_be_read_says_where_it_ends() -> None:
    row, reason = parse_row_words(["Common", "Stock", "01/02/2020"], False, 0.85,
                                  Provenance("text-dump"))
    assert row is None and reason == "expected a transaction code at the end of the row"


def test_csv_lines_that_need_review_say_why(forms: list[tuple[str, Form4]]) -> None:
    for name, form in forms:
        lines = list(csv.DictReader(io.StringIO(to_csv([(form, name)]))))
        for line in lines:
            assert (line["needs_review"] == "1") == bool(line["review_reasons"]), (name, line)
        if form.needs_review:
            assert any(line["needs_review"] == "1" for line in lines), name
    fax = dict(forms)["fax150"]
    lines = list(csv.DictReader(io.StringIO(to_csv([(fax, "fax")]))))
    # The footnotes' doubts are in no CSV column, yet every line names them.
    assert all("footnotes[0].text: read by OCR" in line["review_reasons"] for line in lines)


def test_review_paths_never_point_at_nothing(tmp_path: Path) -> None:
    from extractor.model import Field, Footnote, Provenance
    from extractor.validate import validate

    form = Form4(footnotes=(Footnote("F1", Field("an orphan note", 0.95, Provenance("t"))),))
    paths = {i.path for i in validate(form).review_items()}
    assert "footnotes[0].text" in paths and "tables" not in paths
    assert not any(p.startswith("footnotes.F") for p in paths)
