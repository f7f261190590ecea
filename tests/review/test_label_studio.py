"""Label Studio: tasks out with a rectangle and text per field, annotations back in as
decisions, through the CLI."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from extractor.cli import main
from extractor.export.json_schema import json_schema
from extractor.review.commands import DEFAULT_DB
from extractor.review.intake import load_directory
from extractor.review.store import Store
from tests.review.conftest import ROOT, doubted_result


def _dir(tmp_path: Path) -> Path:
    root = tmp_path / "dir"
    root.mkdir()
    pdf = root / "aapl.pdf"
    shutil.copy(ROOT / "samples" / "aapl_cook_2019-08-24_rendered.pdf", pdf)
    result = doubted_result(pdf, "aapl.pdf", {
        ("non_derivative_table", "0", "transaction_shares"): (0.41, "planted: smudged"),
        ("period_of_report",): (0.62, "planted: blurred")})
    (root / "aapl.json").write_text(json.dumps(result))
    store = Store(root / DEFAULT_DB)
    load_directory(store, root, lambda _: None)
    store.close()
    return root


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_label_studio_round_trip(tmp_path: Path) -> None:
    root = _dir(tmp_path)
    out = tmp_path / "tasks.json"
    code, text = _run("review", "export", str(root), "-o", str(out), "--format", "label-studio")
    assert code == 0, text
    tasks = json.loads(out.read_text())
    assert [t["data"]["form4_page"] for t in tasks] == [1, 2]  # a task per page
    assert tasks[0]["data"]["image"].startswith("data:image/png;base64,")
    assert "<TextArea" in (tmp_path / "tasks.label-config.xml").read_text()
    task = tasks[0]
    paths = task["data"]["form4_fields"]
    results = task["predictions"][0]["result"]
    texts = {paths[r["id"]]: r for r in results if r["type"] == "textarea"}
    shares = texts["non_derivative_table[0].transaction_shares"]
    assert shares["value"]["text"] == ["560000"] and shares["score"] == 0.41
    rect = next(r for r in results if r["type"] == "rectangle" and r["id"] == shares["id"])
    assert 0 < rect["value"]["x"] < 100 and 0 < rect["value"]["y"] < 100
    assert 0 < rect["value"]["width"] < 20 and rect["original_width"] > 1000
    assert task["predictions"][0]["score"] == 0.41

    # An annotator keeps the date, corrects the shares and mistypes a code.
    annotated = copy.deepcopy(task)
    result = copy.deepcopy(results)
    for r in result:
        name = paths.get(r["id"])
        if r["type"] == "textarea" and name == "non_derivative_table[0].transaction_shares":
            r["value"]["text"] = ["560,100"]
        if r["type"] == "textarea" and name == "non_derivative_table[0].transaction_code":
            r["value"]["text"] = ["Q"]
    annotated["annotations"] = [{"id": 1, "completed_by": {"email": "ann@example.com"},
                                 "was_cancelled": False, "result": result}]
    del annotated["predictions"]
    exported = tmp_path / "annotations.json"
    exported.write_text(json.dumps([annotated]))
    code, text = _run("review", "import-label-studio", str(root), str(exported))
    assert code == 1  # one annotation refused
    assert "1 corrected, 1 accepted" in text
    assert "transaction_code: not a transaction code: 'Q'" in text

    code, text = _run("review", "export", str(root), "-o", str(tmp_path / "json"))
    assert code == 0, text
    document = json.loads((tmp_path / "json" / "aapl.json").read_text())
    jsonschema.validate(document, json_schema())  # `reviewed` is part of the shipped schema
    shares_field = document["non_derivative_table"][0]["transaction_shares"]
    assert shares_field["value"] == 560100 and shares_field["confidence"] == 1
    assert shares_field["provenance"]["source"] == "review"
    assert document["period_of_report"]["confidence"] == 1
    assert document["period_of_report"]["review_reason"] is None
    who = {r["path"]: (r["action"], r["reviewer"]) for r in document["reviewed"]}
    assert who == {"period_of_report": ("accepted", "label-studio:ann@example.com"),
                   "non_derivative_table[0].transaction_shares":
                       ("corrected", "label-studio:ann@example.com")}

    # The same file again: what it changed is now stale, and refused.
    code, text = _run("review", "import-label-studio", str(root), str(exported))
    assert code == 1 and "changed in the review database since the export" in text
    store = Store(root / DEFAULT_DB)
    assert len(store.history(1)) == 2
    store.close()
