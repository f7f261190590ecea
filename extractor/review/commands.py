"""``form4 review``: serve the review app, export the reviewed results, import Label Studio's
annotations."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from extractor.review.export import FORMATS, export
from extractor.review.store import Store

#: The database's name inside the review directory (hidden: it is not a filing).
DEFAULT_DB = ".form4-review.sqlite"
_LOCAL = ("127.0.0.1", "localhost", "::1")


def _db_path(root: Path, db: str | None) -> Path:
    return Path(db) if db else root / DEFAULT_DB


def _existing(root: Path, db: str | None) -> Store:
    path = _db_path(root, db)
    if not path.is_file():
        click.echo(f"form4: error: no review database at {path}; run `form4 review serve "
                   f"{root}` first", err=True)
        sys.exit(2)
    return Store(path)


def make_server(root: Path, db: Path, reviewer: str, host: str = "127.0.0.1",
                port: int = 0):  # type: ignore[no-untyped-def]
    """The review app's WSGI server, bound (``port`` 0: a free port), not yet serving."""
    from werkzeug.serving import make_server as werkzeug_server

    from extractor.review.app import create_app

    app = create_app(db, root, reviewer)
    server = werkzeug_server(host, port, app, threaded=True)
    if host in _LOCAL:  # only these Host headers reach the app (no DNS rebinding)
        app.config["FORM4_HOSTS"] = {f"{name}:{server.port}" for name in
                                     ("127.0.0.1", "localhost", "[::1]")}
    return server


@click.group("review")
def review() -> None:
    """Review doubtful values in a local web app and export the corrected results."""


@review.command("serve")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("--db", default=None, help=f"The review database (default DIR/{DEFAULT_DB}).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port to serve on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but localhost exposes the files to the network.")
@click.option("--reviewer", default=None, help="Your name in the audit trail (default: the "
                                               "login name).")
def serve_command(directory: str, db: str | None, port: int, host: str,
                  reviewer: str | None) -> None:
    """Extract what in DIRECTORY has no result yet, then serve the review app."""
    from extractor.review.intake import load_directory

    root = Path(directory)
    store = Store(_db_path(root, db))
    try:
        added, failed = load_directory(store, root, lambda line: click.echo(line, err=True))
        total = len(store.documents())
    finally:
        store.close()
    click.echo(f"form4: {added} added, {failed} could not be read, {total} in review", err=True)
    if host not in _LOCAL:
        click.echo(f"form4: warning: serving on {host}: anyone who can reach it can read and "
                   "change the review", err=True)
    server = make_server(root, _db_path(root, db), reviewer or getpass.getuser(), host, port)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"form4 review: http://{shown}:{server.port}/  (Ctrl-C stops)", err=False)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@review.command("export")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(),
              help="A directory (json, xml: one file per document) or a file (csv, "
                   "label-studio).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--db", default=None, help=f"The review database (default DIR/{DEFAULT_DB}).")
def export_command(directory: str, output: str, fmt: str, db: str | None) -> None:
    """Write the reviewed results of DIRECTORY: corrected values with confidence 1 and
    provenance `review`."""
    store = _existing(Path(directory), db)
    try:
        written = export(store, Path(output), fmt)
    finally:
        store.close()
    for doc, target in written:
        click.echo(f"{target}: {doc.name} · {doc.decided} decided, {doc.open} doubts left")
    click.echo(f"form4: {len(written)} documents exported", err=True)


@review.command("import-label-studio")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default=None, help=f"The review database (default DIR/{DEFAULT_DB}).")
@click.option("--reviewer", default=None,
              help="Name for the audit trail (default: the annotator Label Studio names).")
def import_command(directory: str, file: str, db: str | None, reviewer: str | None) -> None:
    """Take FILE, annotations exported from Label Studio (JSON), back as decisions."""
    from extractor.review.label_studio import import_annotations

    try:
        tasks = json.loads(Path(file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        click.echo(f"form4: error: {file}: not Label Studio's JSON export ({err})", err=True)
        sys.exit(2)
    if not isinstance(tasks, list):
        click.echo(f"form4: error: {file}: Label Studio's JSON export is a list of tasks",
                   err=True)
        sys.exit(2)
    store = _existing(Path(directory), db)
    try:
        report = import_annotations(store, tasks, reviewer)
    finally:
        store.close()
    for line in report.refused:
        click.echo(f"form4: refused: {line}", err=True)
    click.echo(f"form4: {report.corrected} corrected, {report.accepted} accepted, "
               f"{report.unchanged} unchanged, {len(report.refused)} refused")
    if report.refused:
        sys.exit(1)
