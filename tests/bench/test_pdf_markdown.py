"""The seed-like markdown generator: another renderer's page converted as PDF-to-markdown
tools convert it, seeded, every value word still whole in the text."""

from __future__ import annotations

from pathlib import Path

from bench.text_layouts.pdf_markdown import draw_pdf_markdown_spec, pdf_markdown_form
from extractor.assemble.edgar_xml import read_edgar_xml


def test_seeded_and_values_kept(fixture_corpus: Path) -> None:
    form = read_edgar_xml((fixture_corpus / "xml" / "tsla_musk_2023-03-08.xml").read_bytes())
    text, spec = pdf_markdown_form(form, 1074)
    assert (text, spec) == pdf_markdown_form(form, 1074)
    assert spec.family == "md-pdfgrid"
    squeezed = " ".join(text.split())
    for value in ("Musk", "Elon", "AUSTIN", "78725", "411,056,826.00", "03/08/2023"):
        assert value in squeezed
    assert "|---|" in text


def test_conventions_vary_by_seed() -> None:
    specs = [draw_pdf_markdown_spec(seed) for seed in range(1000, 1030)]
    assert {s.family for s in specs} == {"md-pdfgrid", "md-html"}
    assert {s.grid for s in specs} == {"global", "spans"}
    assert {s.html for s in specs} == {"tags", "flat"}
