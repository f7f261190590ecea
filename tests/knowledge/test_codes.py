"""Closed lists of the form (extractor.knowledge.codes)."""

from __future__ import annotations

from extractor.knowledge.codes import STATE_CODES, STATE_NAME_CODES


def test_every_state_name_gives_its_code() -> None:
    assert STATE_NAME_CODES["CALIFORNIA"] == "CA"
    assert STATE_NAME_CODES["DISTRICT OF COLUMBIA"] == "DC"
    assert all(STATE_NAME_CODES[name.upper()] == code for code, name in STATE_CODES.items())
