"""Speed and memory of the extractor per input kind, next to the floor it sits on.

    .venv/bin/python bench/speed.py [PATH ...] [--repeat N] [--limit N]

Without paths it measures ``samples/`` and, when built, the born-digital PDFs of
``bench/corpus/`` (``form.pdf``, ``form-alt.pdf``) and its first ``--scans`` 300 dpi scans
(``clean300.png``).  Per input kind it prints documents, pages, ms per page (median of
--repeat runs) and pages per second, next to the floor our work sits on, measured on the same
pages in the same run, and the ratio of the two: for PDFs pdfplumber's own ``extract_words``;
for scans one bare tesseract call (``pytesseract.image_to_data``) per page image.  Then the
process's peak resident memory and the peak Python heap.
Figures to read, not assertions: no test depends on machine speed.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.api import load, read_form  # noqa: E402
from extractor.validate import validate  # noqa: E402


def _files(paths: list[str], limit: int | None, scans: int) -> list[Path]:
    if not paths:
        corpus = ROOT / "bench" / "corpus"
        pdfs = sorted(corpus.glob("*/form.pdf"))[:limit] + \
            sorted(corpus.glob("*/form-alt.pdf"))[:limit]
        images = sorted(corpus.glob("*/clean300.png"))[:scans]
        return sorted(p for p in (ROOT / "samples").iterdir() if p.suffix != ".md") + pdfs + \
            images
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".md")
                   if path.is_dir() else [path])
    return out[:limit] if limit else out


def _median_seconds(action: object, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def _words_floor(data: bytes) -> tuple[int, object]:
    import pdfplumber

    def run() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_words()

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = len(pdf.pages)
    return pages, run


def _ocr_floor(data: bytes) -> tuple[int, object]:
    """One bare tesseract call per page image, as a user would make it."""
    import pytesseract

    from extractor.ingest.images import load_images, rasterize_pdf

    pages = list(rasterize_pdf(data) if data.startswith(b"%PDF") else load_images(data))

    def run() -> None:
        for page in pages:
            pytesseract.image_to_data(page.image)

    return len(pages), run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="at most N files per group")
    parser.add_argument("--scans", type=int, default=3,
                        help="how many of the corpus's 300 dpi scans to measure (default 3)")
    args = parser.parse_args()

    ours: dict[str, list[float]] = defaultdict(list)
    floor: dict[str, list[float]] = defaultdict(list)
    pages: dict[str, int] = defaultdict(int)
    heap = 0
    for path in _files(args.paths, args.limit, args.scans):
        data, _ = load(path)
        kind = validate(read_form(data)).source_kind  # warm-up, and the kind it was read as
        if kind == "pdf":
            kind = "pdf (alternate)" if path.name == "form-alt.pdf" else "pdf"
        count = 1
        if kind == "ocr":
            count, run_floor = _ocr_floor(data)
            floor[kind].append(_median_seconds(run_floor, args.repeat))
        elif data.startswith(b"%PDF"):
            count, run_floor = _words_floor(data)
            floor[kind].append(_median_seconds(run_floor, args.repeat))
        ours[kind].append(_median_seconds(lambda d=data: validate(read_form(d)), args.repeat))
        pages[kind] += count
        tracemalloc.start()
        validate(read_form(data))
        heap = max(heap, tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()

    print(f"{'input kind':<17}{'docs':>5}{'pages':>6}{'ms/page':>9}{'pages/s':>9}"
          f"{'floor ms/page':>15}{'ratio':>7}")
    for kind in sorted(ours):
        ms = sum(ours[kind]) * 1000 / pages[kind]
        line = f"{kind:<17}{len(ours[kind]):>5}{pages[kind]:>6}{ms:>9.1f}{1000 / ms:>9.1f}"
        if floor[kind]:
            base = sum(floor[kind]) * 1000 / pages[kind]
            line += f"{base:>15.1f}{ms / base:>7.2f}"
        print(line)
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak_rss:.0f} MB; "
          f"peak Python heap while extracting one document: {heap / 2**20:.1f} MB")
    print("floor = pdfplumber's extract_words on every page of the same PDFs (pdf kinds); "
          "one bare tesseract image_to_data call per page image (ocr); same run")


if __name__ == "__main__":
    main()
