"""Speed and memory of the extractor per input kind.

    .venv/bin/python bench/speed.py [PATH ...] [--repeat N]

Prints, per input kind: documents, ms per document (median over --repeat runs), documents per
second, and the peak Python heap (tracemalloc) while extracting.  Without paths it runs on
``samples/``.  Timings are figures to read, not assertions: no test depends on machine speed.
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

from extractor.api import load, read_form
from extractor.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def _files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths or [str(ROOT / "samples")]:
        path = Path(raw)
        out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix != ".md")
                   if path.is_dir() else [path])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    by_kind: dict[str, list[float]] = defaultdict(list)
    peaks: dict[str, int] = defaultdict(int)
    for path in _files(args.paths):
        data, _ = load(path)
        kind = validate(read_form(data)).source_kind  # warm-up, and the kind it was read as
        runs = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            validate(read_form(data))
            runs.append(time.perf_counter() - start)
        tracemalloc.start()
        validate(read_form(data))
        peaks[kind] = max(peaks[kind], tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        by_kind[kind].append(statistics.median(runs))

    print(f"{'input kind':<14} {'docs':>5} {'ms/doc':>9} {'docs/s':>9} {'peak heap MB':>13}")
    for kind, times in sorted(by_kind.items()):
        ms = statistics.mean(times) * 1000
        print(f"{kind:<14} {len(times):>5} {ms:>9.2f} {1000 / ms:>9.1f} "
              f"{peaks[kind] / 2**20:>13.2f}")


if __name__ == "__main__":
    main()
