"""``form4 batch``: every input through a pool of workers, with the ledger keeping account.

One task per document.  The inputs are walked lazily and at most a few tasks per worker are
in flight, so memory stays flat however many files there are.  For each input, in order:

* its content is hashed; the ledger says whether it is done already (same content, output in
  place: skipped), failed before (skipped, still listed), or to be read (new, changed, or
  interrupted: ``running`` in the ledger when a run was killed);
* a worker reads it (:func:`~extractor.batch.worker.run_task`); the parent writes the output
  atomically (one file per input) or keeps it in the ledger (combined formats), then records
  the input as done in one transaction, so no result is ever written twice;
* at the end ``failures.csv`` and the combined files are made from the ledger.

A worker process that dies (killed, out of memory) breaks the local pool: the pool is made
anew and the documents it had are handed out again, up to :data:`MAX_ATTEMPTS` times.
"""

from __future__ import annotations

import glob
import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TextIO

from extractor.batch import combined
from extractor.batch.inputs import (
    Input,
    OutputDirError,
    check_writable_dir,
    count_inputs,
    iter_inputs,
)
from extractor.batch.ledger import Ledger, LedgerError
from extractor.batch.progress import Progress, Summary
from extractor.batch.worker import (
    COMBINED_FORMATS,
    PER_INPUT_SUFFIX,
    Task,
    TaskResult,
    init_worker,
    run_task,
)
from extractor.errors import Form4Error
from extractor.export.files import write_atomic

#: How often a document is handed out again after its worker died with it.
MAX_ATTEMPTS = 3
#: On Ctrl-C, how long the workers may take to finish the document in hand.
STOP_GRACE_SECONDS = 3.0


class BatchError(Exception):
    """The batch cannot start (bad arguments, output directory); ``str(err)`` is one line."""


class BatchInterrupted(Exception):
    """Ctrl-C: the work done so far is in the ledger."""

    def __init__(self, summary: Summary) -> None:
        super().__init__("interrupted")
        self.summary = summary


class Backend(Protocol):
    """Where tasks run: a local process pool or a Dask cluster."""

    #: Tasks in flight at most (a few per worker, so that none waits idle).
    capacity: int

    def submit(self, task: Task) -> None:
        """Hand ``task`` to a worker."""

    def wait(self) -> list[tuple[Task, TaskResult | None]]:
        """Tasks that finished (at least one); ``None``: the worker died, hand it out again."""

    def close(self, cancel: bool = False) -> None:
        """Stop the workers (``cancel``: without waiting for their tasks)."""


class LocalBackend:
    """A pool of worker processes on this machine, one document per task."""

    def __init__(self, workers: int, ocr_timeout: float | None) -> None:
        self.workers = workers
        self.capacity = 2 * workers
        self._ocr_timeout = ocr_timeout
        self._context = multiprocessing.get_context("forkserver")  # no fork of our threads
        self._context.set_forkserver_preload(["extractor.batch.worker", "extractor.api"])
        self._pool = self._new_pool()
        self._futures: dict[Future[TaskResult], Task] = {}

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self._context,
                                   initializer=init_worker, initargs=(self._ocr_timeout,))

    def submit(self, task: Task) -> None:
        self._futures[self._pool.submit(run_task, task)] = task

    def wait(self) -> list[tuple[Task, TaskResult | None]]:
        done, _ = wait(list(self._futures), return_when=FIRST_COMPLETED)
        finished: list[tuple[Task, TaskResult | None]] = []
        broken = False
        for future in done:
            task = self._futures.pop(future)
            try:
                finished.append((task, future.result()))
            except BrokenProcessPool:
                broken = True
                finished.append((task, None))
        if broken:  # every task still in the dead pool is lost with it: hand them out again
            finished.extend((task, None) for task in self._futures.values())
            self._futures.clear()
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
        return finished

    def close(self, cancel: bool = False) -> None:
        if not cancel:
            self._pool.shutdown(wait=True)
            return
        # Queued tasks are dropped and the workers finish the one in hand; a worker still busy
        # after the grace (a page in tesseract's hands) is killed.
        pool = self._pool
        processes = list((getattr(pool, "_processes", None) or {}).values())
        call_queue = getattr(pool, "_call_queue", None)
        result_queue = getattr(pool, "_result_queue", None)
        manager = getattr(pool, "_executor_manager_thread", None)
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for process in processes:
            process.join(timeout=max(0.0, deadline - time.monotonic()))
        survivors = [process for process in processes if process.is_alive()]
        if survivors:
            if call_queue is not None:  # its feeder thread may block on workers that are gone
                call_queue.cancel_join_thread()
            for process in survivors:
                process.terminate()
            for process in survivors:
                process.join(timeout=5)
                if process.is_alive():
                    process.kill()
                    process.join(timeout=5)
            # A worker killed while sending its result leaves half a message in the result
            # pipe; our end is its last writer, and closing it ends the pool's wait for the rest.
            writer = getattr(result_queue, "_writer", None)
            if writer is not None:
                writer.close()
        if manager is not None:
            manager.join(timeout=30)


@dataclass(frozen=True, slots=True)
class Options:
    """How a batch runs."""

    fmt: str = "json"
    workers: int | None = None
    ocr_timeout: float | None = None
    dask_address: str | None = None
    #: Dask only: send each input's bytes with its task (workers without the shared disk).
    send_bytes: bool = False
    retry_failed: bool = False


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Run:
    """One run of a batch: the loop that feeds a backend and books what comes back."""

    def __init__(self, outdir: Path, options: Options, ledger: Ledger, backend: Backend,
                 progress: Progress) -> None:
        self.outdir = outdir
        self.options = options
        self.ledger = ledger
        self.backend = backend
        self.progress = progress
        self.inflight: dict[str, Input] = {}

    def feed(self, item: Input) -> None:
        """Skip ``item``, record it as failed, or hand it to a worker."""
        from extractor.api import load

        try:
            data = load(item.path)[0]
        except Form4Error as err:  # vanished or unreadable: a record like any failure
            self.ledger.start(item.path, item.shown, item.rel, "", 0)
            self._book(item, TaskResult(item.path, False, "bad-input", str(err)))
            return
        sha256 = _hash(data)
        entry = self.ledger.lookup(item.path)
        if entry is not None and entry.sha256 == sha256:
            if entry.run == self.ledger.run:  # given twice in this run (overlapping arguments)
                self.progress.skip(duplicate=True)
                return
            if entry.status == "done" and self._output_kept(item.path, entry.output):
                self.progress.skip()
                return
            if entry.status == "failed" and not self.options.retry_failed:
                self.progress.skip(failed=True)
                return
        if entry is not None and entry.status == "running":  # killed mid-write, perhaps
            self._remove_temporaries(item)
        self.ledger.start(item.path, item.shown, item.rel, sha256, len(data))
        self._submit(item, sha256, data)
        while len(self.inflight) >= self.backend.capacity:
            self.collect()

    def _submit(self, item: Input, sha256: str, data: bytes | None) -> None:
        send = self.options.dask_address is None or self.options.send_bytes
        self.inflight[item.path] = item
        self.backend.submit(Task(item.path, item.shown, sha256, self.options.fmt,
                                 data if send and data is not None else None,
                                 self.options.ocr_timeout))

    def _remove_temporaries(self, item: Input) -> None:
        """Delete the temporary file a killed run may have left while writing ``item``'s
        output (write_atomic's ``.NAME.*.tmp``)."""
        suffix = PER_INPUT_SUFFIX.get(self.options.fmt)
        if suffix is not None:
            target = self.outdir / (item.rel + suffix)
            for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
                stale.unlink(missing_ok=True)

    def _output_kept(self, path: str, output: str | None) -> bool:
        if self.options.fmt in COMBINED_FORMATS:
            return self.ledger.has_result(path)
        return output is not None and (self.outdir / output).is_file()

    def collect(self) -> None:
        """Book the tasks that finished; hand out again those whose worker died."""
        for task, result in self.backend.wait():
            item = self.inflight.pop(task.path)
            if result is None:
                entry = self.ledger.lookup(task.path)
                if entry is not None and entry.attempts < MAX_ATTEMPTS:
                    self.ledger.start(item.path, item.shown, item.rel, task.sha256,
                                      entry_size(task))
                    self.inflight[item.path] = item
                    self.backend.submit(task)
                    continue
                result = TaskResult(task.path, False, "bug", "the worker process died "
                                    "reading it (killed, or out of memory)")
            self._book(item, result)

    def _book(self, item: Input, result: TaskResult) -> None:
        fmt = self.options.fmt
        if result.ok and fmt in PER_INPUT_SUFFIX:
            name = item.rel + PER_INPUT_SUFFIX[fmt]
            assert result.payload is not None
            write_atomic(self.outdir / name, result.payload)
            self.ledger.finish(result, output=name)
        elif result.ok:
            self.ledger.finish(result, keep=result.payload)
        else:
            self.ledger.finish(result)
            self.progress.message(f"form4: error: {item.shown}: {result.message}")
        self.progress.update(result)

    def drain(self) -> None:
        """Wait for every task still in flight."""
        while self.inflight:
            self.collect()


def entry_size(task: Task) -> int:
    """The size the ledger records for a task handed out again."""
    return len(task.data) if task.data is not None else os.path.getsize(task.path)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a finished run leaves: its summary and the ledger's failures by kind."""

    summary: Summary
    failures: dict[str, int]


def _arguments(arguments: Sequence[str], ledger: Ledger) -> list[str]:
    if arguments:
        ledger.set_meta("arguments", json.dumps([os.path.abspath(a) for a in arguments]))
        return list(arguments)
    recorded = ledger.meta("arguments")
    if recorded is None:
        raise BatchError("no inputs given, and the output directory has no batch to resume")
    return list(json.loads(recorded))


def make_backend(options: Options) -> Backend:
    """The backend the options ask for."""
    if options.dask_address is not None:
        from extractor.batch.dask_runner import DaskBackend

        return DaskBackend(options.dask_address)
    return LocalBackend(options.workers or default_workers(), options.ocr_timeout)


def run_batch(arguments: Sequence[str], outdir: str | os.PathLike[str],
              options: Options = Options(), stream: TextIO | None = None,
              live: bool | None = None, interval: float = 10.0) -> Outcome:
    """Run the batch of ``arguments`` (files and directories; none: resume the batch in
    ``outdir``) into ``outdir``.  Raises :class:`BatchError` before any work when it cannot
    run, :class:`BatchInterrupted` on Ctrl-C."""
    out = Path(outdir)
    if options.fmt not in (*PER_INPUT_SUFFIX, *COMBINED_FORMATS):
        raise BatchError(f"unknown format {options.fmt}")
    for raw in arguments:
        if os.path.isdir(raw) and os.path.realpath(raw) == os.path.realpath(out):
            raise BatchError(f"-o {outdir}: the output directory cannot be an input directory")
    try:
        check_writable_dir(out)
        ledger = Ledger(out, options.fmt)
    except (LedgerError, OutputDirError) as err:
        raise BatchError(str(err)) from None
    with ledger:
        for stale in out.glob(".*.tmp"):  # a killed run's half-written failures.csv or tables
            stale.unlink(missing_ok=True)
        given = _arguments(arguments, ledger)
        missing = [a for a in given if not os.path.exists(a)]
        if missing and len(missing) == len(given):
            raise BatchError(f"{missing[0]}: no such file or directory")
        progress = Progress(count_inputs(given, [str(out)]), stream, live, interval)
        backend = make_backend(options)
        run = _Run(out, options, ledger, backend, progress)
        try:
            for item in iter_inputs(given, [str(out)]):
                run.feed(item)
            run.drain()
        except KeyboardInterrupt:
            backend.close(cancel=True)
            combined.write_failures(ledger, out)
            raise BatchInterrupted(progress.close()) from None
        except BaseException:
            backend.close(cancel=True)
            raise
        backend.close()
        combined.write_failures(ledger, out)
        combined.write_combined(ledger, out, options.fmt)
        failures: dict[str, int] = {}
        for failure in ledger.failures():
            failures[failure.kind] = failures.get(failure.kind, 0) + 1
        return Outcome(progress.close(), failures)
