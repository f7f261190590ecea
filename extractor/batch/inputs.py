"""Which files a batch reads, and where each one's output goes.

A path given on the command line is read whatever its name (``../shared/x.xml`` is no hidden
file); inside a directory given, hidden names (``.git``, ``.DS_Store``), documentation
(``.md``, ``.rst``) and the output directory itself are left out.  Directories are walked in
sorted order one at a time, so the list of inputs is never held in memory.

Outputs mirror the input tree: each input's name relative to the common folder of all the
paths given, with the output's suffix added to the whole file name (``a/x.pdf`` ->
``a/x.pdf.json``), so ``a/x.pdf`` and ``b/x.pdf``, or ``x.pdf`` and ``x.xml``, never collide.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: Files inside a directory argument that are documentation, not filings.
SKIPPED_SUFFIXES = frozenset({".md", ".rst"})


@dataclass(frozen=True, slots=True)
class Input:
    """One input file: its path as given (for messages), absolute path, and mirrored name."""

    shown: str
    path: str
    #: The input's name relative to the common folder of the arguments, POSIX style.
    rel: str


def _absolute(raw: str) -> str:
    return os.path.abspath(raw)  # no symlink resolution: names follow what the user typed


def base_folder(arguments: Iterable[str]) -> str:
    """The folder the outputs' names are relative to: the common folder of the arguments (a
    directory argument counts as itself, a file as the folder it is in)."""
    folders = []
    for raw in arguments:
        path = _absolute(raw)
        folders.append(path if os.path.isdir(path) else os.path.dirname(path))
    return os.path.commonpath(folders) if folders else os.getcwd()


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def iter_inputs(arguments: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Input]:
    """Every input file the arguments stand for, in order; ``exclude``: folders (the output
    directory) whose files are never inputs."""
    arguments = list(arguments)
    base = base_folder(arguments)
    excluded = [os.path.realpath(p) for p in exclude]
    for raw in arguments:
        path = _absolute(raw)
        if not os.path.isdir(path):
            yield Input(raw, path, _relative(path, base))
            continue
        for folder, dirs, files in os.walk(path):
            real = os.path.realpath(folder)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not any(
                _inside(os.path.join(real, d), e) for e in excluded))
            for name in sorted(files):
                if name.startswith(".") or Path(name).suffix.lower() in SKIPPED_SUFFIXES:
                    continue
                full = os.path.join(folder, name)
                shown = os.path.join(raw, os.path.relpath(full, path))
                yield Input(shown, full, _relative(full, base))


def count_inputs(arguments: Iterable[str], exclude: Iterable[str] = ()) -> int:
    """How many inputs :func:`iter_inputs` yields (for the progress bar's total)."""
    return sum(1 for _ in iter_inputs(arguments, exclude))


def _relative(path: str, base: str) -> str:
    rel = os.path.relpath(path, base)
    return PurePosixPath(*Path(rel).parts).as_posix()


def output_name(rel: str, suffix: str) -> str:
    """The output file's name (relative to OUTDIR) of the input named ``rel``.

    >>> output_name("a/x.pdf", ".json")
    'a/x.pdf.json'
    """
    return rel + suffix


class OutputDirError(Exception):
    """The output directory cannot be written; ``str(err)`` is one line."""


def check_writable_dir(outdir: str | os.PathLike[str]) -> None:
    """Make ``outdir`` and write a file in it, so that a directory that cannot be written is
    found before the work, not after it."""
    import tempfile

    path = Path(outdir)
    if path.exists() and not path.is_dir():
        raise OutputDirError(f"-o {outdir}: a file, not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".form4-probe-", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        raise OutputDirError(f"-o {outdir}: cannot write there "
                             f"({err.strerror or type(err).__name__})") from None
