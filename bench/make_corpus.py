"""Build the measuring corpus: every real filing (and seeded variants) as every input kind.

    .venv/bin/python bench/make_corpus.py [--out bench/corpus] [--limit N] [--jobs 2]
                                          [--seed 7] [--kinds pdf,scan,tess,md,ocr,legacy]

For each filing in ../shared/corpus/xml/ and each seeded variant (bench/variants.py):

* ``truth.xml``            the truth, as EDGAR XML (variants: the changed filing);
* ``form.pdf``             the project's rendering (born-digital PDF);
* ``form-alt.pdf``         the same in the alternate style (font, paper, margins, widths);
* ``form-ir.pdf``          the investor-relations look (A4, Reporting Owners and Signatures
                           tables, as in the seed);
* ``<q>.pdf``, ``<q>.png`` scans at clean300 / office200 / fax150 / faded300 (image-only
                           PDF; PNG of a one-page form);
* ``<q>.tess.txt``         the plain text tesseract makes of that scan;
* ``dump.md.txt``          a markdown-table dump with the seed's kinds of damage;
* ``dump.ocr.txt``         a tesseract-like plain text dump;
* ``legacy.txt``           the paper form typed out in ASCII, as pre-2003 EDGAR text filings;
* ``layout-<seed>.pdf``    the filing in layouts drawn by bench/layouts (other renderers'
                           looks), from development and evaluation seeds; kinds
                           ``layouts-dev/<family>`` and ``layouts-eval/<family>``;
* ``layout-<seed>-<q>.pdf`` scans of each split's first layout (``layouts-<split>/scan-<q>``);
* ``official-<seed>.pdf``  the SEC's blank 2026 form filled in (bench/layouts/official.py), one
                           development and one evaluation look (``layouts-<split>/official``),
                           and scans of both (``layouts-<split>/scan-official-<q>``);
* ``text-<seed>-*.txt``    text documents of any shape (bench/text_layouts): typed legacy
                           layouts, other converters' markdown, ``pdftotext`` plain and
                           ``-layout`` text, tesseract's text of scans, the XML in EDGAR
                           submission shapes; kinds ``text-dev/<family>``, ``text-eval/<family>``;
* ``edgar-<seed>.pdf``     EDGAR's HTML view of the filing printed to PDF by Chromium
                           (bench/edgar_view.py): one development and one evaluation look
                           (``layouts-<split>/edgar-print``) and the plain view
                           (``edgar-print/plain``);
* ``edgar-<seed>.html``    the same views as HTML, as saved from sec.gov
                           (``edgar-html-<split>/view``, ``edgar-html/plain``).

``manifest.json`` lists every document with its input kind and truth.  Everything is seeded and
reproducible; the folder is git-ignored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract's threads fight over 2 cores

from bench import scan as scans  # noqa: E402
from bench.variants import VARIANTS  # noqa: E402
from extractor.export.files import write_atomic  # noqa: E402
from extractor.model import Form4  # noqa: E402

SHARED = ROOT.parent / "shared"
ALL_KINDS = ("pdf", "scan", "tess", "md", "ocr", "legacy", "layouts", "layout-scans",
             "official", "edgar-print", "edgar-html", "text-typed", "text-md", "pdftotext",
             "submissions", "text-tess")
#: The text kinds (bench/text_layouts): documents per split are made by add_texts.
TEXT_KINDS = ("text-typed", "text-md", "pdftotext", "submissions", "text-tess")
#: Layouts drawn per document and split (bench/layouts): development seeds to look at,
#: evaluation seeds only to measure with.
LAYOUTS_PER_DOC = 2
#: Scans of drawn layouts: the first evaluation layout of each document at these qualities.
LAYOUT_SCAN_QUALITIES = ("clean300", "office200", "fax150")
#: How many filings each variant is applied to.
FILINGS_PER_VARIANT = 3


@dataclass(frozen=True, slots=True)
class Job:
    doc_id: str
    xml: Path
    variant: str | None
    seed: int
    out: Path
    kinds: tuple[str, ...]


def plan(xml_files: list[Path], seed: int, out: Path, kinds: tuple[str, ...],
         variants: tuple[str, ...] = tuple(VARIANTS)) -> list[Job]:
    """The documents to build: every filing, plus each variant on a seeded choice of filings."""
    rng = random.Random(seed)
    jobs = [Job(p.stem, p, None, seed, out, kinds) for p in xml_files]
    for name in variants:
        for path in rng.sample(xml_files, min(FILINGS_PER_VARIANT, len(xml_files))):
            jobs.append(Job(f"{path.stem}~{name}", path, name, seed, out, kinds))
    return jobs


def _truth(job: Job) -> tuple[Form4, str | None]:
    from extractor.assemble.edgar_xml import read_edgar_xml

    form = read_edgar_xml(job.xml.read_bytes())
    if job.variant is None:
        return form, None
    rng = random.Random(f"{job.seed}:{job.doc_id}")
    varied = VARIANTS[job.variant](form, rng)
    return varied, varied.form_revision


def build(job: Job) -> list[dict[str, str]]:
    """Write one document's files; return its manifest entries."""
    from extractor.export.edgar_xml import to_edgar_xml

    folder = job.out / job.doc_id
    form, revision = _truth(job)
    write_atomic(folder / "truth.xml", to_edgar_xml(form))
    entries: list[dict[str, str]] = []

    def add(name: str, kind: str, data: bytes | str) -> None:
        write_atomic(folder / name, data)
        entries.append({"doc": f"{job.doc_id}/{name}", "kind": kind,
                        "truth": f"{job.doc_id}/truth.xml", "filing": job.xml.stem,
                        "variant": job.variant or ""})

    rng = random.Random(f"{job.seed}:{job.doc_id}:docs")
    pdf = b""
    if {"pdf", "scan", "tess"} & set(job.kinds):
        from extractor.render import ALTERNATE_STYLE, IR_SITE_STYLE, render_pdf

        pdf = render_pdf(form, revision=revision)
        if "pdf" in job.kinds:
            add("form.pdf", "pdf", pdf)
            # A second look (serif font, legal paper, other margins and widths): the reader
            # must not be tied to one layout.
            add("form-alt.pdf", "pdf-alternate-style",
                render_pdf(form, revision=revision, style=ALTERNATE_STYLE))
            add("form-ir.pdf", "pdf-ir-site-style",
                render_pdf(form, revision=revision, style=IR_SITE_STYLE))
    if {"scan", "tess"} & set(job.kinds):
        import pytesseract

        for quality in scans.QUALITIES.values():
            stream = rng if quality.name in scans.FIRST_QUALITIES else \
                random.Random(f"{job.seed}:{job.doc_id}:{quality.name}")
            pages = scans.scan(pdf, quality, stream)
            if "scan" in job.kinds:
                add(f"{quality.name}.pdf", f"scan-{quality.name}",
                    scans.image_only_pdf(pages, quality.dpi))
                if len(pages) == 1:
                    add(f"{quality.name}.png", f"scan-{quality.name}-png",
                        scans.png_bytes(pages[0], quality.dpi))
            if "tess" in job.kinds:
                text = "\n\f".join(pytesseract.image_to_string(p) for p in pages)
                add(f"{quality.name}.tess.txt", f"tesseract-{quality.name}", text)
    if {"layouts", "layout-scans"} & set(job.kinds):
        _add_layouts(job, form, add)
    if "official" in job.kinds:
        _add_official(job, form, add, "layout-scans" in job.kinds)
    if "edgar-print" in job.kinds:
        _add_edgar_prints(job, form, add)
    if "edgar-html" in job.kinds:
        _add_edgar_views(job, form, add)
    if set(TEXT_KINDS) & set(job.kinds):
        from bench.text_layouts.corpus import add_texts

        add_texts(job.doc_id, job.kinds, form, to_edgar_xml(form).decode("utf-8"), layout_seeds,
                  add)
    if {"md", "ocr"} & set(job.kinds):
        from bench.text_dumps import markdown_dump, ocr_text_dump

        if "md" in job.kinds:
            add("dump.md.txt", "markdown-dump", markdown_dump(form, rng.randrange(1 << 30)))
        if "ocr" in job.kinds:
            add("dump.ocr.txt", "ocr-text-dump", ocr_text_dump(form, rng.randrange(1 << 30)))
    if "legacy" in job.kinds:
        try:
            from bench.legacy_ascii import legacy_ascii_filing
        except ImportError:
            pass
        else:
            add("legacy.txt", "legacy-ascii", legacy_ascii_filing(form))
    return entries


def layout_seeds(doc_id: str, split: str) -> list[int]:
    """The layout seeds of a document in a split: spread over the split's range by a hash of
    the document's id, so every build draws the same layouts."""
    from bench.layouts import DEV_SEEDS, EVAL_SEEDS

    seeds = DEV_SEEDS if split == "dev" else EVAL_SEEDS
    start = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % len(seeds)
    return [seeds[(start + i * 397) % len(seeds)] for i in range(LAYOUTS_PER_DOC)]


def _add_layouts(job: Job, form: Form4, add: Callable[[str, str, bytes | str], None]) -> None:
    """Drawn layouts of ``form`` ("layouts-eval/paper-2026"), and scans of the first layout
    of each split ("layouts-eval/scan-fax150"): development scans to look at, evaluation
    scans only to measure with."""
    from bench.layouts import render_layout

    for split in ("dev", "eval"):
        for index, seed in enumerate(layout_seeds(job.doc_id, split)):
            pdf, spec = render_layout(form, seed)
            if "layouts" in job.kinds:
                add(f"layout-{seed}.pdf", f"layouts-{split}/{spec.family}", pdf)
            if "layout-scans" in job.kinds and index == 0:
                for name in LAYOUT_SCAN_QUALITIES:
                    quality = scans.QUALITIES[name]
                    pages = scans.scan(pdf, quality, random.Random(f"{seed}:{name}"))
                    add(f"layout-{seed}-{name}.pdf", f"layouts-{split}/scan-{name}",
                        scans.image_only_pdf(pages, quality.dpi))


def _add_official(job: Job, form: Form4, add: Callable[[str, str, bytes | str], None],
                  with_scans: bool) -> None:
    """The official blank filled in with a development and an evaluation look."""
    from bench.layouts import fill_official_form

    for split in ("dev", "eval"):
        seed = layout_seeds(f"{job.doc_id}:official", split)[0]
        pdf = fill_official_form(form, seed)
        add(f"official-{seed}.pdf", f"layouts-{split}/official", pdf)
        if with_scans:
            for name in LAYOUT_SCAN_QUALITIES:
                quality = scans.QUALITIES[name]
                pages = scans.scan(pdf, quality, random.Random(f"official:{seed}:{name}"))
                add(f"official-{seed}-{name}.pdf", f"layouts-{split}/scan-official-{name}",
                    scans.image_only_pdf(pages, quality.dpi))


def _add_edgar_views(job: Job, form: Form4,
                     add: Callable[[str, str, bytes | str], None]) -> None:
    """EDGAR's HTML view itself, as users save it from sec.gov: the plain page, a development
    and an evaluation look (the same seeds as the printed ones)."""
    from bench.edgar_view import edgar_view_html

    add("edgar-plain.html", "edgar-html/plain", edgar_view_html(form))
    for split in ("dev", "eval"):
        seed = layout_seeds(f"{job.doc_id}:edgar", split)[0]
        add(f"edgar-{seed}.html", f"edgar-html-{split}/view", edgar_view_html(form, seed))


def _add_edgar_prints(job: Job, form: Form4,
                      add: Callable[[str, str, bytes | str], None]) -> None:
    """EDGAR's view printed by Chromium: the plain page, a development and an evaluation look."""
    from bench.chromium import chromium_available, print_html_to_pdf
    from bench.edgar_view import edgar_view_html

    if not chromium_available():
        print(f"{job.doc_id}: chromium is not installed; no EDGAR prints", file=sys.stderr)
        return
    add("edgar-plain.pdf", "edgar-print/plain", print_html_to_pdf(edgar_view_html(form)))
    for split in ("dev", "eval"):
        seed = layout_seeds(f"{job.doc_id}:edgar", split)[0]
        add(f"edgar-{seed}.pdf", f"layouts-{split}/edgar-print",
            print_html_to_pdf(edgar_view_html(form, seed)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--xml-dir", type=Path, default=SHARED / "corpus" / "xml")
    parser.add_argument("--limit", type=int, default=None, help="only the first N filings")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--kinds", default=",".join(ALL_KINDS))
    parser.add_argument("--variants", default=",".join(VARIANTS),
                        help="comma-separated variants to add, or 'none'")
    args = parser.parse_args()

    kinds = tuple(k for k in args.kinds.split(",") if k)
    unknown = set(kinds) - set(ALL_KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    xml_files = sorted(args.xml_dir.glob("*.xml"))[: args.limit]
    variants = tuple(v for v in args.variants.split(",") if v and v != "none")
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {', '.join(sorted(unknown))}")
    jobs = plan(xml_files, args.seed, args.out, kinds, variants)
    started = time.perf_counter()
    manifest: list[dict[str, str]] = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for index, entries in enumerate(pool.map(build, jobs), start=1):
            manifest.extend(entries)
            print(f"[{index}/{len(jobs)}] {jobs[index - 1].doc_id}: {len(entries)} documents",
                  flush=True)
    write_atomic(args.out / "manifest.json", json.dumps(manifest, indent=1))
    print(f"{len(manifest)} documents from {len(jobs)} filings/variants in "
          f"{time.perf_counter() - started:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
