"""Progress of a batch: a live bar on a terminal, plain lines otherwise, and the summary.

The bar (tqdm, on standard error) shows files done of all, pages per second, the time left
and the failures so far.  Not on a terminal (a log, CI), a line is printed every
``interval`` seconds instead.  Each failure is one line either way.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from extractor.batch.worker import TaskResult

_KIND_WORDS = {"bad-input": "bad input", "timeout": "timeout", "bug": "extractor bug"}


@dataclass
class Summary:
    """What a run did."""

    read: int = 0
    flagged: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    #: Inputs already done (or failed) in an earlier run, left alone.
    skipped: int = 0
    #: Of those, the ones that had failed (still listed in failures.csv).
    failed_before: int = 0
    #: Inputs left out as a second copy of an input already in this run.
    duplicates: int = 0
    pages: int = 0
    seconds: float = 0.0

    def add(self, result: TaskResult) -> None:
        """Count one finished task."""
        self.pages += result.pages
        if result.ok:
            self.read += 1
            self.flagged += result.flagged > 0
        else:
            self.failed[result.kind or "bug"] += 1

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        """The summary line: read, flagged, failed by reason, time, pages/s."""
        failed = sum(self.failed.values())
        reasons = ", ".join(f"{n} {_KIND_WORDS.get(kind, kind)}"
                            for kind, n in sorted(self.failed.items()))
        text = (f"form4: {self.read} read ({self.flagged} with values to review), "
                f"{failed} failed" + (f" ({reasons})" if reasons else ""))
        if self.skipped:
            text += f", {self.skipped} done before"
            if self.failed_before:
                text += f" ({self.failed_before} of them failed)"
        if self.duplicates:
            text += f", {self.duplicates} given twice"
        return text + f"; {self.seconds:.1f} s, {self.pages_per_second:.1f} pages/s"


class Progress:
    """Shows a run's progress on ``stream`` (standard error)."""

    def __init__(self, total: int, stream: TextIO | None = None, live: bool | None = None,
                 interval: float = 10.0) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.summary = Summary()
        self._start = time.monotonic()
        self._interval = interval
        self._last = self._start
        self._done = 0
        live = self.stream.isatty() if live is None else live
        self._bar = None
        if live:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit="file", dynamic_ncols=True,
                             smoothing=0.1)

    def skip(self, count: int = 1, duplicate: bool = False, failed: bool = False) -> None:
        """``count`` inputs need no work (done before, or given twice)."""
        if duplicate:
            self.summary.duplicates += count
        else:
            self.summary.skipped += count
            self.summary.failed_before += count if failed else 0
        self._advance(count)

    def update(self, result: TaskResult) -> None:
        """One task finished."""
        self.summary.add(result)
        self._advance(1)

    def message(self, line: str) -> None:
        """A line (a failure) printed above the bar."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def _status(self) -> str:
        elapsed = time.monotonic() - self._start
        rate = self.summary.pages / elapsed if elapsed > 0 else 0.0
        worked = self.summary.read + sum(self.summary.failed.values())
        left = self.total - self._done
        eta = elapsed / worked * left if worked else 0.0
        return (f"{rate:.1f} pages/s, {sum(self.summary.failed.values())} failed, "
                f"ETA {_clock(eta)}")

    def _advance(self, count: int) -> None:
        self._done += count
        now = time.monotonic()
        if self._bar is not None:
            self._bar.set_postfix_str(self._status(), refresh=False)
            self._bar.update(count)
        elif now - self._last >= self._interval:
            self._last = now
            print(f"form4: {self._done}/{self.total} files, {self._status()}",
                  file=self.stream, flush=True)

    def close(self) -> Summary:
        """Stop the bar; the summary with its time set."""
        if self._bar is not None:
            self._bar.close()
        self.summary.seconds = time.monotonic() - self._start
        return self.summary


def _clock(seconds: float) -> str:
    """``h:mm:ss``.

    >>> _clock(3725.2)
    '1:02:05'
    """
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
