"""The ``form4`` command line.

    form4 extract PATH... [--format json|xml|csv] [-o OUT]
    form4 render PATH -o FORM.pdf [--revision 2002|2023|pre-2002]
                 [--style default|alternate|ir-site]
    form4 schema [-o FILE]

Exit codes: 0 all inputs read; 2 at least one input could not be read (each such input gets one
line on stderr naming the file and the problem; the others are still processed) or bad usage;
1 the extractor failed on an input (a bug: one line on stderr names the file and the error, and
the other inputs are still processed).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from extractor.api import extract
from extractor.errors import Form4Error
from extractor.export.csv_rows import to_csv
from extractor.export.files import write_atomic
from extractor.export.json_document import to_json
from extractor.export.json_schema import json_schema
from extractor.model import Form4

_EXTENSIONS = {"json": ".json", "xml": ".xml", "csv": ".csv"}
#: Files inside a directory argument that are documentation, not filings.
_SKIPPED_SUFFIXES = {".md", ".rst"}


class _Usage(click.UsageError):
    exit_code = 2


def _expand(paths: tuple[str, ...]) -> Iterator[Path]:
    """Paths as given; a directory stands for the files below it (sorted, no hidden files)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.parts) and \
                        child.suffix.lower() not in _SKIPPED_SUFFIXES:
                    yield child
        else:
            yield path


def summary_line(path: str, form: Form4) -> str:
    """One line that says what was read from ``path`` and how much needs review."""
    owners = ", ".join(str(o.rpt_owner_name.value or "?") for o in form.reporting_owners) or "?"
    flagged = len(form.review_items())
    period = form.period_of_report.value
    issuer = form.issuer
    return (f"{path}: Form {form.document_type.value or '?'} [{form.source_kind}] "
            f"{issuer.issuer_name.value or '?'} ({issuer.issuer_trading_symbol.value or '?'})"
            f" · {owners} · {period.isoformat() if period else 'no date'} · "
            f"{len(form.non_derivative_table)} Table I / {len(form.derivative_table)} Table II "
            f"rows"
            f" · {flagged} to review")


def _render(form: Form4, fmt: str, path: str, compact: bool = False) -> str | bytes:
    if fmt == "json":
        return to_json(form, path, indent=None if compact else 2) + "\n"
    if fmt == "xml":
        from extractor.export.edgar_xml import to_edgar_xml

        return to_edgar_xml(form)
    return to_csv([(form, path)])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="form4")
def main() -> None:
    """Turn SEC Form 4 filings into structured data."""


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "xml", "csv"]), default="json",
              show_default=True, help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(), default=None,
              help="Output file, or directory (one file per input) for several inputs. "
                   "Default: standard output.")
def extract_command(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Extract Form 4 data from PATH... (PDFs, scans: PNG, JPEG, TIFF, image-only and
    searchable PDFs; text dumps, legacy EDGAR text filings, EDGAR XML).

    A directory stands for every file below it.  With several inputs and no -o, JSON is
    written as JSON Lines (one document per line) and CSV as one table.
    """
    inputs = list(_expand(paths))
    several = len(inputs) > 1 or any(Path(p).is_dir() for p in paths)
    out_dir = output is not None and fmt != "csv" and (several or Path(output).is_dir())
    if several and fmt == "xml" and output is None:
        raise _Usage("several inputs as XML need -o DIRECTORY (one XML document per file)")
    if out_dir and Path(output).exists() and not Path(output).is_dir():  # type: ignore[arg-type]
        raise _Usage(f"-o {output}: several inputs need a directory, not a file")

    failures = bugs = 0
    done: list[tuple[Form4, str]] = []
    for path in inputs:
        try:
            form = extract(path)
        except Form4Error as err:
            failures += 1
            click.echo(f"form4: error: {path}: {err}", err=True)
            continue
        except Exception as err:  # a bug must not cost a batch the files after it
            bugs += 1
            detail = (str(err).splitlines() or [""])[0][:200]
            click.echo(f"form4: error: {path}: the extractor failed ({type(err).__name__}: "
                       f"{detail}); this is a bug, please report it with the file", err=True)
            continue
        name = str(path)
        if out_dir:
            target = Path(output) / (path.stem + _EXTENSIONS[fmt])  # type: ignore[arg-type]
            write_atomic(target, _render(form, fmt, name))
            click.echo(summary_line(name, form))
        elif fmt != "csv":
            data = _render(form, fmt, name, compact=several)
            if output is not None:
                write_atomic(output, data)
                click.echo(summary_line(name, form))
            else:
                _write_stdout(data)
        done.append((form, name))

    if fmt == "csv" and done:
        text = to_csv(done)
        if output is not None:
            write_atomic(output, text)
            for form, name in done:
                click.echo(summary_line(name, form))
        else:
            _write_stdout(text)
    if several:
        click.echo(f"form4: {len(done)} read, {failures + bugs} failed", err=True)
    if bugs:
        sys.exit(1)
    if failures:
        sys.exit(2)


def _write_stdout(data: str | bytes) -> None:
    if isinstance(data, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(data)


@main.command("render")
@click.argument("path")
@click.option("-o", "--output", type=click.Path(), required=True, help="The PDF to write.")
@click.option("--revision", type=click.Choice(["2002", "2023", "pre-2002"]), default=None,
              help="Printed revision of the form (default: the filing's own, else 2002, or "
                   "2023 when the Rule 10b5-1 box is checked).")
@click.option("--style", "style_name", type=click.Choice(["default", "alternate", "ir-site"]),
              default="default", show_default=True,
              help="Look of the page: 'alternate' is a serif, legal-size variant; 'ir-site' "
                   "prints the Reporting Owners and Signatures tables as investor-relations "
                   "pages do.")
def render_command(path: str, output: str, revision: str | None, style_name: str) -> None:
    """Render PATH (EDGAR XML, or anything `extract` reads) as a Form 4 PDF."""
    from extractor.render import ALTERNATE_STYLE, DEFAULT_STYLE, IR_SITE_STYLE, render_pdf

    try:
        form = extract(path)
    except Form4Error as err:
        click.echo(f"form4: error: {path}: {err}", err=True)
        sys.exit(2)
    style = {"alternate": ALTERNATE_STYLE, "ir-site": IR_SITE_STYLE}.get(style_name,
                                                                        DEFAULT_STYLE)
    write_atomic(output, render_pdf(form, revision=revision, style=style))
    click.echo(f"{output}: {summary_line(path, form)}")


@main.command("schema")
@click.option("-o", "--output", type=click.Path(), default=None, help="Write to this file.")
def schema_command(output: str | None) -> None:
    """Print the JSON Schema of `form4 extract --format json` output."""
    text = json.dumps(json_schema(), indent=2) + "\n"
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    main()
