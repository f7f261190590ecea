import json
from pathlib import Path

import jsonschema

from extractor import extract
from extractor.export.json_document import to_json, to_json_dict
from extractor.export.json_schema import json_schema


def test_seed_json_validates_against_schema(seed_path: Path) -> None:
    document = to_json_dict(extract(seed_path), str(seed_path))
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert document["needs_review"] is True
    assert document["period_of_report"]["value"] == "2017-09-18"
    owner = document["reporting_owners"][0]
    assert owner["rpt_owner_zip_code"]["value"] == "53716"
    assert owner["relationship"]["is_officer"]["value"] is True
    # Box 1 cut the city ("MADISO | N"); the value and its provenance come from the table.
    assert owner["rpt_owner_city"]["value"] == "Madison"
    assert "MADISON, WI 53716" in owner["rpt_owner_city"]["provenance"]["raw_text"]
    assert document["footnotes"][0]["footnote_id"] == "F1"
    assert document["review"][0]["path"] == "derivative_table"


def test_schema_file_shipped_is_current(root_dir: Path) -> None:
    shipped = json.loads((root_dir / "schema" / "form4.schema.json").read_text())
    assert shipped == json_schema(), "run: form4 schema -o schema/form4.schema.json"


def test_amounts_are_numbers(filings: list[Path]) -> None:
    form = extract(next(p for p in filings if p.name.startswith("tsla_musk")))
    row = json.loads(to_json(form))["non_derivative_table"][0]
    assert row["transaction_shares"]["value"] == 5250
    assert row["transaction_price_per_share"]["value"] == 2.79
    assert row["nature_of_ownership"]["footnote_ids"] == ["F1"]
