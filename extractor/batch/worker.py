"""The task for one document, as a worker runs it (in a local process or on a Dask worker).

A task carries the input's path (read by the worker: a shared disk) or its bytes, and comes
back as a :class:`TaskResult`: the output to write (one file per input) or to keep in the
ledger (combined formats), or a failure record.  A failure never escapes as an exception:
bad input, a timeout and an extractor bug are each a record, and the batch goes on.
"""

from __future__ import annotations

import json
import os
import signal
import time
import zlib
from dataclasses import dataclass
from typing import Literal

from extractor.errors import Form4Error, OcrTimeoutError

FailureKind = Literal["bad-input", "timeout", "bug"]

#: The suffix of each format's output: per input (json, xml) or one combined set.
PER_INPUT_SUFFIX = {"json": ".json", "xml": ".xml"}
COMBINED_FORMATS = ("jsonl", "csv", "parquet")
FORMATS = (*PER_INPUT_SUFFIX, *COMBINED_FORMATS)


@dataclass(frozen=True, slots=True)
class Task:
    """One document to read."""

    path: str
    #: The path as the user gave it: outputs name the input this way.
    shown: str
    sha256: str
    fmt: str
    #: The input's bytes when they are sent with the task; None: the worker reads ``path``.
    data: bytes | None = None
    ocr_timeout: float | None = None


@dataclass(frozen=True, slots=True)
class TaskResult:
    """What became of one task."""

    path: str
    ok: bool
    kind: FailureKind | None = None
    message: str | None = None
    pages: int = 0
    seconds: float = 0.0
    #: How many values or findings the extractor flagged for review.
    flagged: int = 0
    #: Per-input formats: the output file's bytes.  Combined: zlib-compressed JSON for the
    #: ledger (a JSON Lines line, or the table rows of :func:`~extractor.batch.tables.form_tables`).
    payload: bytes | None = None
    #: The one-line summary of what was read (``form4 extract``'s line).
    summary: str | None = None


def init_worker(ocr_timeout: float | None = None) -> None:
    """Set up a worker process: one tesseract thread, Ctrl-C left to the parent."""
    os.environ["OMP_THREAD_LIMIT"] = "1"  # tesseract's threads fight over the cores otherwise
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us; no traceback per worker
    _set_ocr_timeout(ocr_timeout)


def _set_ocr_timeout(seconds: float | None) -> None:
    if seconds is not None:
        from extractor.ingest import ocr

        ocr.READ_TIMEOUT_SECONDS = seconds


def count_pages(data: bytes) -> int:
    """Pages of a PDF, frames of an image; a text, HTML or XML filing counts as one page."""
    from extractor.ingest.detect import InputKind, detect_kind

    try:
        kind = detect_kind(data)
        if kind is InputKind.PDF:
            import pypdfium2

            document = pypdfium2.PdfDocument(data)
            try:
                return max(1, len(document))
            finally:
                document.close()
        if kind is InputKind.IMAGE:
            import io

            from PIL import Image

            with Image.open(io.BytesIO(data)) as image:
                return max(1, int(getattr(image, "n_frames", 1)))
    except Exception:  # a file too broken to count is still one document
        return 1
    return 1


def _first_line(err: BaseException) -> str:
    return (str(err).splitlines() or [""])[0][:300]


def run_task(task: Task) -> TaskResult:
    """Read one document and render its output; every failure becomes a record."""
    from extractor.api import load

    os.environ["OMP_THREAD_LIMIT"] = "1"  # a Dask worker did not run init_worker
    _set_ocr_timeout(task.ocr_timeout)
    start = time.perf_counter()
    pages = 0
    try:
        data = task.data if task.data is not None else load(task.path)[0]
        pages = count_pages(data)
        from extractor.api import extract

        form = extract(data)
        from extractor.cli import summary_line

        payload = render(form, task)
        return TaskResult(task.path, True, pages=pages, seconds=time.perf_counter() - start,
                          flagged=len(form.review_items()), payload=payload,
                          summary=summary_line(task.shown, form))
    except OcrTimeoutError as err:
        return _failed(task, "timeout", str(err), pages, start)
    except Form4Error as err:
        return _failed(task, "bad-input", str(err), pages, start)
    except Exception as err:  # a bug must not cost the batch the files after it
        message = f"the extractor failed ({type(err).__name__}: {_first_line(err)})"
        return _failed(task, "bug", message, pages, start)


def _failed(task: Task, kind: FailureKind, message: str, pages: int,
            start: float) -> TaskResult:
    return TaskResult(task.path, False, kind, message, pages, time.perf_counter() - start)


def render(form: object, task: Task) -> bytes:
    """The output of ``form`` in the task's format (see :attr:`TaskResult.payload`)."""
    from extractor.export.json_document import to_json
    from extractor.model import Form4

    assert isinstance(form, Form4)
    if task.fmt == "json":
        return (to_json(form, task.shown) + "\n").encode("utf-8")
    if task.fmt == "xml":
        from extractor.export.edgar_xml import to_edgar_xml

        return to_edgar_xml(form)
    if task.fmt == "jsonl":
        text = to_json(form, task.shown, indent=None)
    else:
        from extractor.batch.tables import filing_id, form_tables

        text = json.dumps(form_tables(form, filing_id(task.sha256), task.shown),
                          ensure_ascii=False)
    return zlib.compress(text.encode("utf-8"), 6)
