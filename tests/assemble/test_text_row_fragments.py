"""Rows that are only a wrapped line of the row above (extractor/assemble/text_row_fragments.py):
joined to that row's title, passed only when the join makes a cut title whole."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bench.layouts import DEV_SEEDS, render_layout
from bench.text_layouts.pdftext import pdftotext, pdftotext_available
from extractor.assemble.edgar_xml import read_edgar_xml
from extractor.assemble.text_row_checks import title_doubt
from extractor.assemble.text_row_fragments import is_title_fragment, join_title_fragments
from extractor.model import DerivativeRow, Field, Form4
from extractor.validate import validate
from tests.support.compare import compare_forms

XML = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "xml"
needs_poppler = pytest.mark.skipif(not pdftotext_available(), reason="no pdftotext")


def _row(title: str, shares: str | None = None) -> DerivativeRow:
    return DerivativeRow(security_title=Field(title),
                         transaction_shares=Field(Decimal(shares) if shares else None))


def test_a_row_holding_only_a_title_is_a_fragment() -> None:
    assert is_title_fragment(_row("Stock Units"))
    assert not is_title_fragment(_row("Restricted", "150000"))
    assert not is_title_fragment(DerivativeRow())


def test_a_cut_title_made_whole_by_its_wrapped_lines_passes() -> None:
    rows = [_row("Restricted", "150000"), _row("Stock Units"), _row("Restricted", "118800"),
            _row("Stock Units")]
    joined = join_title_fragments(rows, title_doubt)
    assert [r.security_title.value for r in joined] == ["Restricted Stock Units"] * 2
    assert [r.transaction_shares.value for r in joined] == [Decimal("150000"), Decimal("118800")]
    assert not any(r.security_title.review_reason for r in joined)


def test_a_join_the_title_does_not_call_for_is_flagged_not_passed() -> None:
    # "Stock" could be whole: whether "Option (right to buy)" belongs to it is not certain
    rows = [_row("Stock", "200000"), _row("Option"), _row("(right"), _row("to buy)")]
    [joined] = join_title_fragments(rows, title_doubt)
    assert joined.security_title.value == "Stock Option (right to buy)"
    assert joined.security_title.review_reason
    # a title line before any row: no row to join it to, flagged
    first, _ = join_title_fragments([_row("Restricted"), _row("Stock Units", "5")], title_doubt)
    assert first.security_title.review_reason


def _layout_text(stem: str, seed: int) -> tuple[Form4, str]:
    assert seed in DEV_SEEDS
    truth = read_edgar_xml((XML / f"{stem}.xml").read_bytes())
    pdf, _ = render_layout(truth, seed)
    return truth, pdftotext(pdf, layout=True)


@needs_poppler
def test_wrapped_titles_of_pdftotext_layout_read_as_one_row_each(tmp_path: Path) -> None:
    from extractor import extract

    truth, text = _layout_text("mvis_markham_2026-06-08", 1631)
    path = tmp_path / "layout.txt"
    path.write_text(text)
    form = validate(extract(path))
    titles = [r.security_title for r in form.derivative_table]
    assert [t.value for t in titles] == ["Restricted Stock Units"] * 3
    assert not any(t.needs_review for t in titles)
    assert "wrong" not in {c.outcome for c in compare_forms(truth, form)}
