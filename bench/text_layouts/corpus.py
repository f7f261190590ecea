"""The text documents of one filing for bench/make_corpus.py, per development and evaluation
split: kinds ``text-<split>/<family>`` ("text-eval/typed-pipe", "text-dev/pdftotext-layout")."""

from __future__ import annotations

import random
from collections.abc import Callable

from extractor.model import Form4

Add = Callable[[str, str, bytes | str], None]
Seeds = Callable[[str, str], list[int]]
#: Scan qualities whose tesseract text is measured (bench/scan.py's names).
TESS_QUALITIES = ("clean300", "office200")


def add_texts(doc_id: str, kinds: tuple[str, ...], form: Form4, xml: str, seeds: Seeds,
              add: Add) -> None:
    """Write every text document ``kinds`` asks for, through ``add(name, kind, data)``."""
    for split in ("dev", "eval"):
        if "text-typed" in kinds:
            from bench.text_layouts.typed import typed_form

            for seed in seeds(f"{doc_id}:typed", split):
                text, spec = typed_form(form, seed)
                add(f"text-{seed}-typed.txt", f"text-{split}/{spec.family}", text)
        if "text-md" in kinds:
            from bench.text_layouts.markdown import markdown_form

            for seed in seeds(f"{doc_id}:markdown", split):
                text, mspec = markdown_form(form, seed)
                add(f"text-{seed}-md.txt", f"text-{split}/{mspec.family}", text)
            from bench.text_layouts.pdf_markdown import pdf_markdown_form

            for seed in seeds(f"{doc_id}:pdf-markdown", split):
                text, pspec = pdf_markdown_form(form, seed)
                add(f"text-{seed}-pdfmd.txt", f"text-{split}/{pspec.family}", text)
        if "submissions" in kinds:
            from bench.text_layouts.envelope import wrap_submission

            seed = seeds(f"{doc_id}:submission", split)[0]
            shape = random.Random(seed).choice(("submission", "pem", "exhibits"))
            body = xml.split("?>", 1)[1].strip() if xml.lstrip().startswith("<?xml") else xml
            add(f"text-{seed}-xml.txt", f"text-{split}/xml-{shape}",
                wrap_submission(form, body, shape, seed, is_xml=True))
        if {"pdftotext", "text-tess"} & set(kinds):
            _add_pdf_texts(doc_id, kinds, form, split, seeds, add)


def _add_pdf_texts(doc_id: str, kinds: tuple[str, ...], form: Form4, split: str, seeds: Seeds,
                   add: Add) -> None:
    """``pdftotext`` of a drawn layout (bench/layouts) and, in development, of the project's
    own rendering; tesseract's plain text of scans of the drawn layout."""
    from bench.layouts import render_layout
    from bench.text_layouts.pdftext import pdftotext

    seed = seeds(f"{doc_id}:pdftotext", split)[0]
    pdf, _ = render_layout(form, seed)
    if "pdftotext" in kinds:
        for layout in (False, True):
            mode = "layout" if layout else "plain"
            add(f"text-{seed}-pdftotext-{mode}.txt", f"text-{split}/pdftotext-{mode}",
                pdftotext(pdf, layout))
        if split == "dev":
            from extractor.render import render_pdf

            own = render_pdf(form)
            for layout in (False, True):
                mode = "layout" if layout else "plain"
                add(f"text-own-pdftotext-{mode}.txt", f"text-dev/pdftotext-own-{mode}",
                    pdftotext(own, layout))
    if "text-tess" in kinds:
        import pytesseract

        from bench import scan as scans

        for name in TESS_QUALITIES:
            pages = scans.scan(pdf, scans.QUALITIES[name], random.Random(f"{seed}:{name}"))
            text = "\n\f".join(pytesseract.image_to_string(p) for p in pages)
            add(f"text-{seed}-tess-{name}.txt", f"text-{split}/tess-{name}", text)
