"""Born-digital PDF ingest: pdfplumber's reader (old) against PDFium's (new), per page.

    .venv/bin/python bench/ingest_speed.py [--repeat N] [--limit N]

Renders the EDGAR XML filings of ../shared/corpus/xml/ with the project's renderer in its
three styles (default, alternate, IR site) and, when /usr/bin/chromium is there, prints
../shared/corpus/real's EDGAR HTML Form 4 to PDF with headless Chromium.  For each group it
prints pages, ``read_pdf`` ms per page old (:func:`read_pdf_with_pdfplumber`) and new
(:func:`read_pdf`, median of --repeat runs each), and pdftotext's time as the floor (the C
tool writing the same pages' text, all of a group's PDFs merged into one, its process start-up
timed on ``pdftotext -v`` taken off).  Then word agreement: the share of pdfplumber's words
for which the new reader has a word of the same text with every edge within 1 pt (and within
0.1 pt), and the new reader's word count.  Figures to read, not assertions: no test depends
on machine speed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.assemble.edgar_xml import read_edgar_xml  # noqa: E402
from extractor.ingest.page import Page, Word  # noqa: E402
from extractor.ingest.pdf_words import read_pdf, read_pdf_with_pdfplumber  # noqa: E402
from extractor.render import ALTERNATE_STYLE, IR_SITE_STYLE, render_pdf  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
CHROMIUM = Path("/usr/bin/chromium")
HTML = SHARED / "real" / "edgar_html_form4_aapl_newstead_2026-06-15.html"
STYLES = {"rendered (default)": None, "rendered (alternate)": ALTERNATE_STYLE,
          "rendered (IR site)": IR_SITE_STYLE}


def _median_seconds(action: Callable[[], object], repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _chromium_pdf(html: Path, out: Path) -> bytes | None:
    """``html`` printed to PDF by headless Chromium, or None when it cannot be."""
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                            "--no-first-run", "--disable-background-networking",
                            f"--user-data-dir={profile}", "--no-pdf-header-footer",
                            f"--print-to-pdf={out}", html.as_uri()],
                           capture_output=True, timeout=120, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    return out.read_bytes() if out.is_file() and out.stat().st_size else None


def _pdftotext_seconds(paths: list[Path], work: Path, repeat: int) -> float:
    """pdftotext's time on all of ``paths`` as one document (merged with PDFium), so that its
    start-up is paid once."""
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for path in paths:
        merged.import_pages(pdfium.PdfDocument(path))
    out = work / "merged.pdf"
    merged.save(out)
    return _median_seconds(lambda: subprocess.run(["pdftotext", str(out), "-"],
                                                  capture_output=True, check=True), repeat)


def _agreement(old: list[Page], new: list[Page], slack: float) -> tuple[int, int]:
    """How many of pdfplumber's words the new reader has (same text, page, every edge within
    ``slack`` points), out of how many."""
    found = total = 0
    for old_page, new_page in zip(old, new, strict=True):
        by_text: dict[str, list[Word]] = defaultdict(list)
        for word in new_page.words:
            by_text[word.text].append(word)
        for word in old_page.words:
            total += 1
            found += any(max(abs(word.x0 - w.x0), abs(word.x1 - w.x1), abs(word.top - w.top),
                             abs(word.bottom - w.bottom)) <= slack for w in by_text[word.text])
    return found, total


def _groups(work: Path, limit: int | None) -> dict[str, list[Path]]:
    groups: dict[str, list[Path]] = defaultdict(list)
    xmls = sorted((SHARED / "xml").glob("*.xml"))[:limit]
    for path in xmls:
        form = read_edgar_xml(path.read_bytes())
        for name, style in STYLES.items():
            out = work / f"{path.stem}-{len(groups[name])}.pdf"
            out.write_bytes(render_pdf(form, style=style))
            groups[name].append(out)
    if CHROMIUM.exists() and HTML.is_file():
        out = work / "chromium.pdf"
        if _chromium_pdf(HTML, out) is not None:
            groups["Chromium (EDGAR HTML)"].append(out)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="at most N XML filings")
    args = parser.parse_args()
    start_up: float | None = None
    if shutil.which("pdftotext"):
        start_up = _median_seconds(lambda: subprocess.run(["pdftotext", "-v"],
                                                          capture_output=True), args.repeat)
    print(f"{'PDFs':<22}{'docs':>5}{'pages':>6}{'old ms/pg':>11}{'new ms/pg':>11}"
          f"{'speed-up':>9}{'pdftotext':>11}{'words':>7}{'agree 1pt':>11}{'0.1pt':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in _groups(Path(tmp), args.limit).items():
            pages = words = found = total = close = 0
            old_s = new_s = floor_s = 0.0
            for path in paths:
                data = path.read_bytes()
                old, new = read_pdf_with_pdfplumber(data), read_pdf(data)  # and warm up
                pages += len(new)
                words += sum(len(page.words) for page in new)
                hit, count = _agreement(old, new, 1.0)
                found, total = found + hit, total + count
                close += _agreement(old, new, 0.1)[0]
                old_s += _median_seconds(lambda d=data: read_pdf_with_pdfplumber(d),
                                         max(1, args.repeat // 2))
                new_s += _median_seconds(lambda d=data: read_pdf(d), args.repeat)
            if start_up is not None:
                floor_s = max(0.0, _pdftotext_seconds(paths, Path(tmp), args.repeat) - start_up)
            old_ms, new_ms = old_s * 1000 / pages, new_s * 1000 / pages
            floor_text = f"{floor_s * 1000 / pages:>11.2f}" if start_up is not None else \
                f"{'-':>11}"
            print(f"{name:<22}{len(paths):>5}{pages:>6}{old_ms:>11.2f}{new_ms:>11.2f}"
                  f"{old_ms / new_ms:>8.1f}x{floor_text}{words:>7}{found / total:>11.2%}"
                  f"{close / total:>8.2%}")
    if start_up is not None:
        print(f"\npdftotext: ms per page of each group's PDFs merged into one, its process "
              f"start-up ({start_up * 1000:.1f} ms, pdftotext -v) taken off")


if __name__ == "__main__":
    main()
