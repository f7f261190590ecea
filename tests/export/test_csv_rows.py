import csv
import io
from pathlib import Path

from extractor import extract
from extractor.export.csv_rows import HEADER, to_csv


def test_one_line_per_row_with_header_fields(filings: list[Path]) -> None:
    path = next(p for p in filings if p.name.startswith("tsla_musk"))
    rows = list(csv.DictReader(io.StringIO(to_csv([(extract(path), str(path))]))))
    assert len(rows) == 4  # 2 in Table I, 2 in Table II
    assert [r["table"] for r in rows] == ["I", "I", "II", "II"]
    assert all(r["issuer_trading_symbol"] == "TSLA" for r in rows)
    assert rows[0]["transaction_shares"] == "5250"
    assert rows[0]["footnote_ids"] == "nature_of_ownership:F1"
    assert rows[2]["expiration_date"] == "2023-04-08"


def test_filing_without_rows_keeps_one_line(seed_path: Path) -> None:
    text = to_csv([(extract(seed_path), "seed")])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["issuer_name"] == "Cellectar Biosciences, Inc."
    assert "derivative_table" in rows[0]["review_reasons"]
    assert text.splitlines()[0].split(",") == HEADER
