"""Damaged text dumps of a Form4, made the way real ones are damaged (seeded, reproducible).

* :func:`markdown_dump` - the shape of the seed dump: a PDF-to-markdown conversion of an
  investor-relations page.  The form's boxes land in wide markdown cells, labels are split across
  cells, clipped at their edges and misread (0/O, 1/l/I, 5/S, rn/m); table rows keep their cells;
  EDGAR's "Reporting Owners" and "Signatures" tables and the footnotes follow.
* :func:`ocr_text_dump` - what tesseract's plain text of a printed Form 4 looks like: boxes in
  reading order with labels above values, check marks as "X"/"[ ]", table rows as lines of
  words.

The dumps are made by tests/support/text_dumps.py (the tests use it too); this is the command.

Values are never damaged unless asked (``lost_cells``: the share of numeric table cells blanked,
as converters lose them); every blanked cell is recorded in :class:`Damage`.

    .venv/bin/python bench/text_dumps.py XML... --out DIR [--seed N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.text_dumps import Damage, markdown_dump, ocr_text_dump  # noqa: E402

__all__ = ["Damage", "main", "markdown_dump", "ocr_text_dump"]


def main() -> None:
    from extractor.assemble.edgar_xml import read_edgar_xml
    from extractor.export.files import write_atomic

    parser = argparse.ArgumentParser(description="Write damaged text dumps of EDGAR XML filings.")
    parser.add_argument("xml", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lost-cells", type=float, default=0.0,
                        help="share of numeric table cells to blank in the markdown dump")
    args = parser.parse_args()
    for path in args.xml:
        form = read_edgar_xml(path.read_bytes())
        damage = Damage()
        suffix = ".lost" if args.lost_cells else ""
        write_atomic(args.out / f"{path.stem}{suffix}.md.txt",
                     markdown_dump(form, args.seed, args.lost_cells, damage))
        if not args.lost_cells:
            write_atomic(args.out / f"{path.stem}.ocr.txt", ocr_text_dump(form, args.seed))
        print(f"{path.stem}: {args.out}; blanked cells: {damage.lost_cells}")


if __name__ == "__main__":
    main()
