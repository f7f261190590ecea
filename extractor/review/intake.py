"""What a review directory holds: inputs form4 reads and form4 JSON results, paired; what has
no result yet is extracted, and each document is kept in the store with its page images."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extractor.api import extract
from extractor.errors import Form4Error
from extractor.ingest.detect import InputKind, detect_kind
from extractor.model import Form4
from extractor.review.json_form import form_from_json, is_result
from extractor.review.store import Store

#: Files in the directory that are documentation or the review's own, not filings.
_SKIPPED_SUFFIXES = {".md", ".rst", ".sqlite", ".sqlite-wal", ".sqlite-shm", ".xsd"}
#: Page images are kept at this resolution: sharp enough to read print, small enough to serve.
VIEW_DPI = 110
#: At most this many pages of a document are kept as images.
MAX_PAGES = 30


@dataclass(frozen=True, slots=True)
class Source:
    """One document of the directory: its name (path relative to the directory), its input
    file and its form4 JSON result, either of which may be missing."""

    name: str
    input: Path | None
    result: Path | None


def inside(root: Path, candidate: Path) -> bool:
    """Whether ``candidate`` resolves (symlinks followed, ``..`` taken) to a path in ``root``."""
    try:
        return candidate.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _files(root: Path) -> list[Path]:
    out = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in _SKIPPED_SUFFIXES or not inside(root, path):
            continue  # a symlink out of the directory is never read
        out.append(path)
    return out


def _result_of(path: Path) -> dict | None:
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if is_result(data) else None


def find_sources(root: Path) -> list[Source]:
    """Every document of ``root``: a result is paired with the input its ``source_path``
    names (or one beside it with the same stem), an input without a result stands alone."""
    files = _files(root)
    results = {p: r for p in files if (r := _result_of(p)) is not None}
    inputs = [p for p in files if p not in results]
    by_resolved = {i.resolve(): i for i in inputs}
    paired: dict[Path, Path] = {}
    for path, data in results.items():
        named = str(data.get("source_path") or "")
        candidates = [root / named, Path(named), path.parent / Path(named).name] if named else []
        candidates += [p for p in inputs if p.parent == path.parent and p.stem == path.stem]
        match = next((by_resolved[c.resolve()] for c in candidates
                      if c.resolve() in by_resolved), None)
        if match is not None and match not in paired.values():
            paired[path] = match
    sources = [Source(str(i.relative_to(root)), i, r) for r, i in paired.items()]
    taken = set(paired.values())
    sources += [Source(str(r.relative_to(root)), None, r) for r in results if r not in paired]
    sources += [Source(str(i.relative_to(root)), i, None) for i in inputs if i not in taken]
    return sorted(sources, key=lambda s: s.name)


def _png(image: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)  # type: ignore[attr-defined]
    return out.getvalue()


def page_images(data: bytes) -> list[tuple[bytes, float, float]]:
    """The pages of a PDF or image file as PNGs, each with its width and height in points
    (boxes are in points from the page's top-left corner); none for text and XML."""
    kind = detect_kind(data)
    pages: list[tuple[bytes, float, float]] = []
    if kind is InputKind.PDF:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
        try:
            for index in range(min(len(document), MAX_PAGES)):
                page = document[index]
                width, height = page.get_size()
                image = page.render(scale=VIEW_DPI / 72).to_pil()
                pages.append((_png(image), float(width), float(height)))
        finally:
            document.close()
    elif kind is InputKind.IMAGE:
        from extractor.ingest.images import load_images

        for frame in load_images(data):
            if frame.number > MAX_PAGES:
                break
            image = frame.image
            width, height = image.width * 72 / frame.dpi, image.height * 72 / frame.dpi
            scale = min(1.0, VIEW_DPI / frame.dpi)
            if scale < 1:
                image = image.resize((round(image.width * scale), round(image.height * scale)))
            pages.append((_png(image), width, height))
    return pages


def load_directory(store: Store, root: Path, echo: Callable[[str], None]) -> tuple[int, int]:
    """Bring every document of ``root`` not yet in ``store`` into it, extracting those without
    a result; returns (documents added, documents that could not be read)."""
    added = failed = 0
    for source in find_sources(root):
        if store.has_document(source.name):
            continue
        data = source.input.read_bytes() if source.input is not None else None
        try:
            form: Form4
            if source.result is not None:
                form = form_from_json(json.loads(source.result.read_text(encoding="utf-8")))
            else:
                assert data is not None
                form = extract(data)
            pages = page_images(data) if data is not None else []
        except Form4Error as err:
            failed += 1
            echo(f"form4: error: {source.name}: {err}")
            continue
        except Exception as err:  # one bad file must not keep the others from review
            failed += 1
            echo(f"form4: error: {source.name}: could not be prepared for review "
                 f"({type(err).__name__}: {str(err)[:200]})")
            continue
        store.add_document(source.name, form, data, pages)
        added += 1
        echo(f"{source.name}: {len(form.review_items())} to review"
             f"{'' if source.result is None else ' (from ' + source.result.name + ')'}")
    return added, failed
