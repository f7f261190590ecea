"""The ``form4`` command line.

    form4 extract PATH... [--format json|xml|csv] [-o OUT]
                  [--cik-map FILE.csv] [--issuer-cik CIK] [--owner-cik CIK ...]
    form4 validate FILE.xml...
    form4 batch IN... -o OUTDIR [--workers N] [--format json|xml|jsonl|csv|parquet] [--resume]
                [--ocr-timeout S] [--dask SCHEDULER_ADDRESS [--send-bytes]]
    form4 render PATH -o FORM.pdf [--revision 2002|2023|pre-2002]
                 [--style default|alternate|ir-site]
    form4 schema [-o FILE]
    form4 review serve DIR [--db PATH] [--port N] [--reviewer NAME]
    form4 review export DIR -o OUT [--format json|xml|csv|label-studio]
    form4 review import-label-studio DIR FILE

Exit codes: 0 all inputs read; 2 at least one input could not be read (each such input gets one
line on stderr naming the file and the problem; the others are still processed) or bad usage;
1 the extractor failed on an input (a bug: one line on stderr names the file and the error, and
the other inputs are still processed); 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import click

from extractor.api import extract
from extractor.errors import Form4Error
from extractor.export.ciks import CIK, CikMap, CikMapError, apply_ciks, load_cik_map
from extractor.export.csv_rows import to_csv
from extractor.export.files import write_atomic
from extractor.export.json_document import to_json
from extractor.export.json_schema import json_schema
from extractor.export.xml_output import check_report, checked_xml, review_path, write_checked
from extractor.export.xml_validation import validate_file
from extractor.model import Form4

_EXTENSIONS = {"json": ".json", "xml": ".xml", "csv": ".csv"}


class _Usage(click.UsageError):
    exit_code = 2


def _expand(paths: tuple[str, ...], output: str | None = None) -> Iterator[Path]:
    """Paths as given; a directory stands for the files below it (sorted; hidden names inside
    it and the output directory ``output`` left out)."""
    from extractor.batch.inputs import iter_inputs

    for item in iter_inputs(paths, [output] if output else []):
        yield Path(item.shown)


def _target(output: str, path: Path, paths: tuple[str, ...], suffix: str) -> Path:
    """Where the output of ``path`` goes in directory ``output``: the input tree mirrored,
    the suffix added to the whole name (``a/x.pdf`` -> ``a/x.pdf.json``), so none collide."""
    import os

    from extractor.batch.inputs import base_folder

    rel = os.path.relpath(os.path.abspath(path), base_folder(paths))
    return Path(output) / (rel + suffix)


def _fail(message: str) -> NoReturn:
    """One line on stderr, exit 2: bad usage found before any work."""
    click.echo(f"form4: error: {message}", err=True)
    sys.exit(2)


class _Group(click.Group):
    """The command group; Ctrl-C is one line and exit code 130, not click's "Aborted!"."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("form4: interrupted", err=True)
            sys.exit(130)


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
    return to_csv([(form, path)])


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--cik-map", "cik_map_path", type=click.Path(dir_okay=False), default=None,
              help="CSV of 'name or ticker,CIK' lines: the CIKs printed forms do not carry.")
@click.option("--issuer-cik", default=None, help="The issuer's CIK (wins over one read).")
@click.option("--owner-cik", "owner_ciks", multiple=True,
              help="A reporting owner's CIK, in the owners' order (repeat for joint filings).")
def extract_command(paths: tuple[str, ...], fmt: str, output: str | None,
                    cik_map_path: str | None = None, issuer_cik: str | None = None,
                    owner_ciks: tuple[str, ...] = ()) -> None:
    """Extract Form 4 data from PATH... (PDFs, scans: PNG, JPEG, TIFF, image-only and
    searchable PDFs; text dumps, legacy EDGAR text filings, EDGAR XML).

    A directory stands for every file below it.  With several inputs and no -o, JSON is
    written as JSON Lines (one document per line) and CSV as one table.  XML is checked as
    `form4 validate` checks it (the result on stderr, per file); with -o, NAME.review.json
    beside NAME.xml lists the flagged values the XML leaves out.
    """
    cik_map = _load_cik_map(cik_map_path, issuer_cik, owner_ciks)
    output = None if output == "-" else output  # "-": standard output, as usual
    several = len(paths) > 1 or any(Path(p).is_dir() for p in paths)
    out_dir = output is not None and fmt != "csv" and (several or Path(output).is_dir())
    _check_output(output, fmt, several, out_dir)
    inputs = list(_expand(paths, output if out_dir else None))
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
        try:
            form = apply_ciks(form, issuer_cik, owner_ciks, cik_map)
        except ValueError as err:
            failures += 1
            click.echo(f"form4: error: {path}: {err}", err=True)
            continue
        if fmt == "xml":
            target = _target(output, path, paths, ".xml") if out_dir else output  # type: ignore[arg-type]
            _write_xml(form, name, target)
        elif out_dir:
            target = _target(output, path, paths, _EXTENSIONS[fmt])  # type: ignore[arg-type]
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


def _check_output(output: str | None, fmt: str, several: bool, out_dir: bool) -> None:
    """Refuse, before any work, an -o that cannot take the results (one line, exit 2)."""
    from extractor.batch.inputs import OutputDirError, check_writable_dir

    if output is None:
        return
    target = Path(output)
    if several and out_dir and not target.exists() and target.suffix.lower() in (
            ".json", ".jsonl", ".xml", ".csv"):
        _fail(f"-o {output}: several inputs need a directory (one file per input), not a "
              f"file name; give a directory, or --format csv for one table")
    if not out_dir and target.is_dir():
        _fail(f"-o {output}: a directory; give a file name for the {fmt.upper()} output")
    try:
        check_writable_dir(target if out_dir else target.parent)
    except OutputDirError as err:
        _fail(str(err))


def _load_cik_map(path: str | None, issuer_cik: str | None,
                  owner_ciks: tuple[str, ...]) -> CikMap | None:
    """The --cik-map file, after the CIK options are checked (bad usage exits 2)."""
    for value in (issuer_cik, *owner_ciks):
        if value is not None and not CIK.fullmatch(value):
            raise _Usage(f"CIK {value!r} is not 1 to 10 digits")
    try:
        return load_cik_map(path) if path else None
    except CikMapError as err:
        raise _Usage(f"--cik-map: {err}") from None


def _write_xml(form: Form4, name: str, target: str | Path | None) -> None:
    """Write (or print) the XML of ``form``, checked; the check's result goes to stderr."""
    if target is None:
        result = checked_xml(form)
        _write_stdout(result.xml.data)
        review = None
    else:
        result = write_checked(form, target, name)
        review = review_path(target)
        click.echo(summary_line(name, form))
    for line in check_report(name, result, review):
        click.echo(line, err=True)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True)
def validate_command(paths: tuple[str, ...]) -> None:
    """Check EDGAR ownershipDocument XML files (a directory: its *.xml files) against the
    SEC's Form 4 schema, shipped and extended (docs/xml-schema.md), and the specification's
    rules the schema cannot express.  Each problem is printed with its element path.

    Exit codes: 0 every file is valid; 2 at least one is not, or cannot be read.
    """
    files = [c for raw in paths for c in (sorted(Path(raw).rglob("*.xml"))
                                          if Path(raw).is_dir() else [Path(raw)])]
    invalid = 0
    for path in files:
        try:
            problems = validate_file(path)
        except OSError as err:
            invalid += 1
            click.echo(f"form4: error: {path}: cannot be read ({err.strerror or err})", err=True)
            continue
        invalid += bool(problems)
        for problem in problems:
            click.echo(f"{path}: {problem}")
        click.echo(f"{path}: {'valid' if not problems else f'{len(problems)} problem(s)'}")
    if len(files) > 1:
        click.echo(f"form4: {len(files) - invalid} of {len(files)} valid", err=True)
    sys.exit(2 if invalid or not files else 0)


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


@main.command("batch")
@click.argument("paths", nargs=-1)
@click.option("-o", "--output", "outdir", type=click.Path(), required=True,
              help="Output directory: the outputs, the ledger (form4-ledger.sqlite) and "
                   "failures.csv.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes.  Default: one per core.")
@click.option("--format", "fmt", type=click.Choice(["json", "xml", "jsonl", "csv", "parquet"]),
              default="json", show_default=True,
              help="json, xml: one file per input, the input tree mirrored; jsonl: one "
                   "filings.jsonl; csv, parquet: one table per level (filings, "
                   "reporting_owners, non_derivative, derivative, footnotes).")
@click.option("--resume", is_flag=True,
              help="Go on with the batch in OUTDIR; without IN, its inputs as last given.  "
                   "(Running the same command again does the same.)")
@click.option("--retry-failed", is_flag=True, help="Read again the inputs that failed before.")
@click.option("--ocr-timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds tesseract may take over one page before the input fails as a "
                   "timeout.  Default: 60.")
@click.option("--dask", "dask_address", default=None, metavar="SCHEDULER_ADDRESS",
              help="Run the tasks on this Dask cluster (tcp://host:8786); the workers read "
                   "the inputs from the same paths.")
@click.option("--send-bytes", is_flag=True,
              help="With --dask: send each input's bytes with its task (workers that do not "
                   "share the input paths).")
def batch_command(paths: tuple[str, ...], outdir: str, workers: int | None, fmt: str,
                  resume: bool, retry_failed: bool, ocr_timeout: float | None,
                  dask_address: str | None, send_bytes: bool) -> None:
    """Convert every filing in IN... (files and directories) into OUTDIR on all cores, with a
    ledger that lets an interrupted run go on where it stopped (docs/batch.md)."""
    from extractor.batch.runner import BatchError, BatchInterrupted, Options, run_batch

    if not paths and not resume:
        _fail("give IN... (files or directories), or --resume to go on with the batch in "
              f"{outdir}")
    options = Options(fmt=fmt, workers=workers, ocr_timeout=ocr_timeout,
                      dask_address=dask_address, send_bytes=send_bytes,
                      retry_failed=retry_failed)
    try:
        outcome = run_batch(paths, outdir, options)
    except BatchError as err:
        _fail(str(err))
    except BatchInterrupted as stop:
        click.echo(stop.summary.line(), err=True)
        click.echo(f"form4: interrupted; the work done is kept in {outdir}: run the same "
                   "command again to go on", err=True)
        sys.exit(130)
    from extractor.batch.combined import describe

    click.echo(outcome.summary.line(), err=True)
    click.echo(f"form4: results: {describe(Path(outdir), fmt)}", err=True)
    if outcome.failures:
        click.echo(f"form4: {sum(outcome.failures.values())} failures listed in "
                   f"{Path(outdir) / 'failures.csv'}", err=True)
    sys.exit(1 if outcome.failures.get("bug") else 2 if outcome.failures else 0)


def _add_review() -> None:
    from extractor.review.commands import review  # its Flask import waits for `form4 review`

    main.add_command(review)


_add_review()


if __name__ == "__main__":  # pragma: no cover
    main()
