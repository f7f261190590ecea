"""The benchmark's comparison pairs extracted owners with the filing's owners before comparing
their fields, also when an owner's full name was dropped for review."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from bench.compare import compare_forms
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.model import Field


def test_owner_with_a_dropped_name_is_still_compared_as_that_owner(corpus_xml: list[Path]
                                                                   ) -> None:
    truth = read_edgar_xml(next(p for p in corpus_xml if p.name.startswith("aapl_cook"))
                           .read_bytes())
    owner = truth.reporting_owners[0]
    dropped = Field(None, 0.0, review_reason="box 1 and the table disagree")
    got = dataclasses.replace(truth, reporting_owners=(
        dataclasses.replace(owner, rpt_owner_name=dropped),))
    by_path = {c.path: c for c in compare_forms(truth, got)}
    assert by_path["reporting_owners[0].rpt_owner_name"].outcome == "flagged"
    assert by_path["reporting_owners[0].rpt_owner_city"].outcome == "correct"
    assert not any(path.startswith("reporting_owners[1]") for path in by_path)
    # An owner whose name was not read at all pairs with the filing's one owner.
    nameless = dataclasses.replace(owner, rpt_owner_name=Field(), last_name=Field(),
                                   first_name=Field(), middle_name=Field())
    got = dataclasses.replace(truth, reporting_owners=(nameless,))
    by_path = {c.path: c for c in compare_forms(truth, got)}
    assert by_path["reporting_owners[0].relationship.is_director"].outcome == "correct"
    assert not any(path.startswith("reporting_owners[1]") for path in by_path)
