"""The text-document generator: seeded, reproducible, and every value still in the text."""

from __future__ import annotations

from pathlib import Path

from bench.text_layouts.markdown import markdown_form
from bench.text_layouts.typed import typed_form
from extractor.assemble.edgar_xml import read_edgar_xml


def test_same_seed_same_document_other_seed_other_look(fixture_corpus: Path) -> None:
    form = read_edgar_xml((fixture_corpus / "xml" / "goog_sergey_2022-04-13_22024550.xml")
                          .read_bytes())
    assert typed_form(form, 1003) == typed_form(form, 1003)
    looks = {typed_form(form, seed)[1].family for seed in range(1000, 1012)}
    assert looks == {"typed-pipe", "typed-dashes", "typed-spaces"}
    conventions = {markdown_form(form, seed)[1].family for seed in range(1000, 1020)}
    assert conventions == {"md-drop-empty", "md-merge", "md-split", "md-broken"}


def test_values_are_printed_whatever_the_look(fixture_corpus: Path) -> None:
    form = read_edgar_xml((fixture_corpus / "xml" / "aapl_adams_2022-05-04.xml").read_bytes())
    for seed in range(1000, 1006):
        for text in (typed_form(form, seed)[0], markdown_form(form, seed)[0]):
            squeezed = " ".join(text.split())
            assert "Adams Katherine L." in squeezed and "468" in squeezed
            assert "Sam Whittington" in squeezed
