"""Throughput and memory of ``form4 batch``, next to the bare engines at the same worker count.

    .venv/bin/python bench/batch_speed.py [--copies 3] [--scans 4] [--xml 100 1000 3000]
                                          [--workers 1 2] [--dask]

Inputs are made in a temporary folder from ``../shared/corpus/xml``: born-digital PDFs that
``form4 render`` draws from each filing (``--copies`` times the 22 filings), scans (the
sample 300 dpi page, ``--scans`` copies) and ``--xml`` distinct copies of the XML filings.
For each worker count it runs ``form4 batch`` as a user does (a subprocess, ``--format
json``) and prints pages per second from its summary, beside the bare engine's pages per
second on the same pages with the same number of processes (pdfplumber ``extract_words``;
tesseract ``image_to_data``).  Memory: the peak resident set of the parent and of the
largest worker, sampled every 50 ms, for XML batches of each ``--xml`` size (flat in the
number of files).  ``--dask``: the same PDF batch on a ``distributed.LocalCluster`` (2 worker
processes), and the cluster's own cost per task: 2,000 tasks that do nothing, submitted and
gathered as the batch does.
Figures to read, not assertions.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "xml"
SCAN = ROOT / "samples" / "tsla_musk_2023-03-08_scan300.png"


def _make_pdfs(folder: Path, copies: int) -> list[Path]:
    from extractor.api import extract
    from extractor.render import render_pdf

    folder.mkdir(parents=True)
    made = []
    for source in sorted(CORPUS.glob("*.xml")):
        data = render_pdf(extract(source))
        for copy in range(copies):
            target = folder / f"{source.stem}_{copy}.pdf"
            target.write_bytes(data)
            made.append(target)
    return made


def _make_copies(folder: Path, source: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        (folder / f"{index:05d}{source.suffix}").write_bytes(source.read_bytes())


def _make_xml(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    sources = sorted(CORPUS.glob("*.xml"))
    for index in range(count):
        source = sources[index % len(sources)]
        (folder / f"{index:05d}_{source.name}").write_bytes(
            source.read_bytes() + f"<!-- {index} -->".encode())


def _batch(args: list[str]) -> tuple[float, float, float, float]:
    """Run ``form4 batch``; pages/s and seconds from its summary, peak RSS (MiB) of the
    parent and of the largest worker."""
    import psutil

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    process = subprocess.Popen([sys.executable, "-m", "extractor.cli", "batch", *args],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=ROOT)
    parent = psutil.Process(process.pid)
    peak_parent = peak_worker = 0
    while process.poll() is None:
        try:
            peak_parent = max(peak_parent, parent.memory_info().rss)
            for child in parent.children(recursive=True):
                peak_worker = max(peak_worker, child.memory_info().rss)
        except psutil.Error:
            pass
        time.sleep(0.05)
    stderr = process.stderr.read() if process.stderr else ""
    found = re.search(r"; ([\d.]+) s, ([\d.]+) pages/s", stderr)
    if not found:
        raise SystemExit(f"no summary in: {stderr[-2000:]}")
    return float(found.group(2)), float(found.group(1)), peak_parent / 2**20, peak_worker / 2**20


def _plumber_pages(path: str) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
        return len(pdf.pages)


def _tesseract_pages(path: str) -> int:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import pytesseract
    from PIL import Image

    with Image.open(path) as image:
        pytesseract.image_to_data(image, config="--psm 11")
    return 1


def _bare(function: object, paths: list[Path], workers: int) -> float:
    """Pages per second of ``function`` over ``paths`` on ``workers`` processes."""
    start = time.perf_counter()
    with multiprocessing.get_context("forkserver").Pool(workers) as pool:
        pages = sum(pool.map(function, [str(p) for p in paths], chunksize=1))  # type: ignore[arg-type]
    return pages / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--scans", type=int, default=4)
    parser.add_argument("--xml", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--dask", action="store_true")
    options = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is missing")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        pdfs = _make_pdfs(base / "pdf", options.copies)
        _make_copies(base / "scan", SCAN, options.scans)
        scans = sorted((base / "scan").iterdir())
        print(f"inputs: {len(pdfs)} born-digital PDFs, {len(scans)} scans")
        local_seconds = {}
        for workers in options.workers:
            for kind, folder, engine, paths in (("pdf", "pdf", _plumber_pages, pdfs),
                                                ("scan", "scan", _tesseract_pages, scans)):
                if not paths:
                    continue
                out = base / f"out-{kind}-{workers}"
                rate, seconds, parent, worker = _batch(
                    [str(base / folder), "-o", str(out), "--workers", str(workers)])
                bare = _bare(engine, paths, workers)
                local_seconds[(kind, workers)] = seconds
                print(f"{kind:4} workers={workers}: form4 batch {rate:7.2f} pages/s "
                      f"({seconds:.1f} s); bare engine {bare:7.2f} pages/s; ratio "
                      f"{rate / bare:.2f}; peak RSS parent {parent:.0f} MiB, "
                      f"worker {worker:.0f} MiB")
        for count in options.xml:
            xml_folder = base / f"xml{count}"
            _make_xml(xml_folder, count)
            rate, seconds, parent, worker = _batch(
                [str(xml_folder), "-o", str(base / f"out-xml{count}"), "--format", "parquet",
                 "--workers", "2"])
            print(f"xml  {count:5d} inputs, 2 workers, parquet: {rate:7.1f} files/s "
                  f"({seconds:.1f} s); peak RSS parent {parent:.0f} MiB, "
                  f"worker {worker:.0f} MiB")
        if options.dask:
            _dask(base, len(pdfs), local_seconds.get(("pdf", 2)))


def _dask(base: Path, tasks: int, local: float | None) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        rate, seconds, _, _ = _batch([str(base / "pdf"), "-o", str(base / "out-dask"),
                                      "--dask", cluster.scheduler_address])
        with Client(cluster) as client:
            client.gather(client.map(_nothing, range(100), pure=False))  # warm up
            start = time.perf_counter()
            client.gather(client.map(_nothing, range(2000), pure=False))
            per_task = (time.perf_counter() - start) / 2000
    line = f"pdf  dask LocalCluster(2 processes): {rate:7.2f} pages/s ({seconds:.1f} s)"
    if local:
        line += f", local run {local:.1f} s"
    print(f"{line}; a task that does nothing: {per_task * 1000:.2f} ms ({tasks} PDF tasks)")


def _nothing(value: int) -> int:
    return value


if __name__ == "__main__":
    sys.stdout = io.TextIOWrapper(sys.stdout.buffer, line_buffering=True)
    main()
