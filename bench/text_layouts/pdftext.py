"""What poppler's ``pdftotext`` makes of a PDF: plain reading-order text or ``-layout`` text
(the page's words placed on a monospace grid)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path


def pdftotext(pdf: bytes, layout: bool) -> str:
    """The text of ``pdf`` as ``pdftotext`` (``-layout`` when ``layout``) writes it."""
    with tempfile.TemporaryDirectory(prefix="pdftotext-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(pdf)
        args = ["pdftotext", *(["-layout"] if layout else []), str(source), "-"]
        return subprocess.run(args, check=True, capture_output=True, timeout=120).stdout \
            .decode("utf-8", errors="replace")


def pdftotext_available() -> bool:
    try:
        subprocess.run(["pdftotext", "-v"], capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return False
    return True
