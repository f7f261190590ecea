"""The one place the Chromium program is wrapped: print an HTML page to PDF, headless, offline.

Benchmarks print EDGAR's HTML view of a filing (see :mod:`bench.edgar_view`) the way a user
does from a browser.  Each print starts a fresh ``/usr/bin/chromium --headless`` with its own
throw-away profile and no network services, loads the page from a ``file://`` URL in a temporary
directory and lets Chromium write the PDF; about a second a page on this machine.  Chromium's
own header and footer (date, title, URL, page numbers) are switched off: a page that wants them
draws them itself with CSS ``@page`` margin boxes.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"

#: Flags that work offline here: no sandbox (we may run as root), no GPU, no QUIC, no
#: first-run, sync, component-update or background network traffic.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
)


class ChromiumError(RuntimeError):
    """Chromium is missing, failed, timed out or wrote no PDF; the message is one line."""


def chromium_available() -> bool:
    """Whether the Chromium program is installed and executable."""
    return os.access(CHROMIUM, os.X_OK) or shutil.which("chromium") is not None


def _program() -> str:
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    found = shutil.which("chromium")
    if found is None:
        raise ChromiumError(f"chromium is not installed ({CHROMIUM} missing); "
                            "run scripts/install-system-packages.sh")
    return found


def _last_line(text: bytes) -> str:
    """The last meaningful line of Chromium's stderr (it logs much harmless D-Bus noise)."""
    lines = [line.strip() for line in text.decode("utf-8", "replace").splitlines()]
    useful = [line for line in lines if line and "dbus" not in line.lower()]
    return (useful or lines or ["no output"])[-1][:300]


def print_html_to_pdf(html: str | bytes, *, timeout: float = 60) -> bytes:
    """Print ``html`` to PDF with headless Chromium and return the PDF's bytes.

    The page is printed as Chromium prints it (paper size, margins and scale come from the
    page's own CSS ``@page`` and ``zoom``; without them, Letter with Chromium's default
    margins).  Relative links and images resolve against an empty temporary directory, so the
    page must be self-contained.  Raises :class:`ChromiumError` when Chromium is missing,
    exits with an error, writes no PDF, or runs longer than ``timeout`` seconds (its whole
    process group is then killed).
    """
    program = _program()
    data = html.encode("utf-8") if isinstance(html, str) else html
    with tempfile.TemporaryDirectory(prefix="form4-chromium-") as tmp:
        page, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        page.write_bytes(data)
        command = [program, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
                   f"--print-to-pdf={out}", page.as_uri()]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            message = f"chromium timed out after {timeout:g} s printing the page"
            raise ChromiumError(message) from None
        finally:
            if process.poll() is None:
                _kill_group(process)
        if process.returncode != 0:
            raise ChromiumError(f"chromium exited with status {process.returncode}: "
                                f"{_last_line(stderr)}")
        pdf = out.read_bytes() if out.is_file() else b""
        if not pdf.startswith(b"%PDF"):
            raise ChromiumError(f"chromium wrote no PDF: {_last_line(stderr)}")
        return pdf


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill Chromium with every helper process it started (they share its process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


__all__ = ["ChromiumError", "chromium_available", "print_html_to_pdf"]
