"""The ``dyad`` command line: a thin layer over the library; only this package prints."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from dyad import __version__
from dyad.errors import DyadError
from dyad.settings import SETTINGS, Settings

DB_HELP = (
    "the database: a SQLite file (dyad.db, sqlite:///path) or a PostgreSQL URL "
    "(postgresql://user@host:port/db); default ./dyad.db, or $DYAD_DB"
)


def _db_option(f: Any) -> Any:
    return click.option(
        "--db",
        "db",
        type=str,
        envvar="DYAD_DB",
        default="dyad.db",
        show_default=True,
        help=DB_HELP,
    )(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dyad")
@click.option("-v", "--verbose", count=True, help="log more (-v info, -vv debug)")
def cli(verbose: int) -> None:
    """dyad reads news articles about relations between states into a sourced, dated record:
    persons, quotes, figures, publication dates and PLOVER events between states."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        # trafilatura and htmldate log every unparsable page at ERROR; dyad reports it itself.
        for noisy in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
            logging.getLogger(noisy).setLevel(logging.CRITICAL)


def _iso_date(value: str | None) -> str | None:
    from dyad.ingest.dates import parse_iso_date

    if value is None:
        return None
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_db_option
@click.option("--quiet", "-q", is_flag=True, help="no progress bar and no summary")
@click.option(
    "--published",
    callback=lambda ctx, param, value: _iso_date(value),
    help="publication date (YYYY[-MM[-DD]]) for every input; with --replace, re-analyses "
    "stored documents with it",
)
@click.option("--replace", is_flag=True, help="update documents whose id is stored with other text")
@click.option(
    "--meta",
    type=click.Path(exists=True, dir_okay=False),
    help="sidecar metadata (.csv, .tsv or .jsonl): a 'file' or 'id' column and any of url, "
    "outlet, published, title",
)
@click.option("--debug", is_flag=True, help="show the traceback of an internal error and stop")
@click.option(
    "--workers",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="processes that analyse documents (this one alone writes, in input order)",
)
@click.option(
    "--dask",
    "dask_local",
    metavar="local:N",
    help="analyse on a Dask LocalCluster of N worker processes started for the run "
    "(loopback only); this process alone writes, in input order",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="analyse on a running Dask cluster (its workers need dyad and its model installed); "
    "this process alone writes, in input order",
)
@click.option(
    "--max-file-bytes",
    type=int,
    default=None,
    help=f"refuse larger files (default {Settings().max_file_bytes:,})",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    quiet: bool,
    published: str | None,
    replace: bool,
    max_file_bytes: int | None,
    meta: str | None,
    debug: bool,
    workers: int,
    dask_local: str | None,
    scheduler: str | None,
) -> None:
    """Read articles (.txt, .html, .jsonl files or folders) into the database.

    A document whose content is already stored is skipped. Each bad input gets one line on
    stderr naming the file (and line); the rest still go in, and the exit status is 1. Files
    in folders that are no articles (.tsv, .md, .json, gold files) are skipped by name.
    """
    from dyad.ingest.meta import load_meta
    from dyad.pipeline import ingest as run_ingest
    from dyad.store import open_store

    dask = _dask_target(workers, dask_local, scheduler)
    settings = Settings.from_env(db=db, max_file_bytes=max_file_bytes)
    try:
        sidecar = load_meta(Path(meta)) if meta else None
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    progress = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm

        def progress(files: Any) -> Any:
            return tqdm(files, desc="ingest", unit="file", file=sys.stderr)

    try:
        with open_store(settings.db) as store:
            report = run_ingest(
                list(paths),
                store,
                settings,
                published=published,
                replace=replace,
                progress=progress,
                meta=sidecar,
                debug=debug,
                workers=workers,
                dask=dask,
            )
            counts = store.stats()
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    for skipped in report.ignored:
        click.echo(f"skipped: {skipped.path}: {skipped.reason}", err=True)
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.failed:
        click.echo(f"error: {error}", err=True)
    if not quiet:
        click.echo(
            f"{len(report.added)} added, {len(report.skipped)} already stored, "
            f"{len(report.failed)} failed; {settings.db} holds {counts['documents']} documents"
        )
    if report.failed:
        sys.exit(1)


def _dask_target(workers: int, local: str | None, scheduler: str | None) -> str | None:
    """The one way of running in parallel the options name (``--workers``, ``--dask`` or
    ``--scheduler``), as ``ingest``'s ``dask`` argument."""
    given = [
        f
        for f, on in (("--workers", workers > 1), ("--dask", local), ("--scheduler", scheduler))
        if on
    ]
    if len(given) > 1:
        raise click.UsageError(f"{' and '.join(given)} are ways of running in parallel: give one")
    for option, value in (("--dask", local), ("--scheduler", scheduler)):
        if value is None:
            continue
        from dyad.cluster import local_workers

        try:
            n = local_workers(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint=option) from exc
        if (n is None) != (option == "--scheduler"):
            want = "tcp://HOST:PORT" if option == "--scheduler" else "local:N"
            raise click.BadParameter(f"{value!r}: expected {want}", param_hint=option)
        return value
    return None


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["eval", "json", "csv", "parquet", "plover", "gdelt"]),
    default="eval",
    show_default=True,
    help="eval: SPEC.md's dyad-eval/1 (event_id = timeline entry); json: everything with "
    "provenance; csv: one row per fact, a column per field; parquet: timeline entries and "
    "events (-o FOLDER); plover: PLOVER-style JSON records of the entries; gdelt: a GDELT-like "
    "TSV of the entries",
)
@_db_option
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="file to write (default stdout); for parquet, the folder to write into",
)
def export(fmt: str, db: str, output: str | None) -> None:
    """Export what the database holds: per document (eval, json, csv) or per timeline entry
    (parquet, plover, gdelt)."""
    from dyad.export import timeline as tl
    from dyad.export.formats import write
    from dyad.store import open_store

    _require_db(db)
    with open_store(db) as store:
        if fmt == "parquet":
            if not output:
                raise click.ClickException("--format parquet needs -o FOLDER")
            paths = tl.write_parquet(store, output)
            click.echo(f"written {', '.join(str(p) for p in paths)}", err=True)
            return
        by_entry = {"plover": tl.write_plover, "gdelt": tl.write_gdelt}.get(fmt)
        if output:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                if by_entry:
                    n = by_entry(store, fh)
                    click.echo(f"{n} timeline entries written to {output}", err=True)
                else:
                    n = write(store.analyses(), fmt, fh, store.entry_ids)
                    click.echo(f"{n} documents written to {output}", err=True)
        elif by_entry:
            by_entry(store, sys.stdout)
        else:
            write(store.analyses(), fmt, sys.stdout, store.entry_ids)


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@_db_option
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
def eval_cmd(gold: str, db: str, as_json: bool) -> None:
    """Score the database against a gold file in dyad-eval/1 format (see SPEC.md)."""
    from dyad.evaluate import load_records, report_lines, score
    from dyad.export.formats import eval_record
    from dyad.store import open_store

    _require_db(db)
    try:
        gold_docs = load_records(gold)
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    with open_store(db) as store:
        pred = {a.doc_id: eval_record(a, store.entry_ids(a.doc_id)) for a in store.analyses()}
    result = score(gold_docs, pred)
    if as_json:
        click.echo(json.dumps(result, indent=2))
    else:
        click.echo("\n".join(report_lines(result)))


@cli.command()
@_db_option
@click.option("--json", "as_json", is_flag=True, help="print the counts as JSON")
def stats(db: str, as_json: bool) -> None:
    """Count documents, sentences, persons, quotes, figures and events in the database."""
    from dyad.store import open_store

    _require_db(db)
    with open_store(db) as store:
        counts = store.stats()
    if as_json:
        click.echo(json.dumps(counts))
        return
    for name, n in counts.items():
        click.echo(f"{name:>10}: {n}")


@cli.command("list")
@_db_option
def list_cmd(db: str) -> None:
    """One line per document: id, publication date, and how many facts were read from it."""
    from dyad.store import open_store

    _require_db(db)
    with open_store(db) as store:
        click.echo(f"{'document':<28} {'published':<11} persons quotes figures events")
        for a in store.analyses():
            when = a.published.date if a.published else "undated"
            click.echo(
                f"{a.doc_id[:28]:<28} {when:<11} {len(a.persons):>7} {len(a.quotes):>6} "
                f"{len(a.figures):>7} {len(a.events):>6}"
            )


@cli.command()
def settings() -> None:
    """List dyad's settings with their defaults and environment variables."""
    for s in SETTINGS:
        env = f" (${s.env})" if s.env else ""
        click.echo(f"{s.name} = {s.default!r}{env}: {s.help}")


def _require_db(db: str) -> None:
    from dyad.store.base import database_exists

    if not database_exists(db):
        raise click.ClickException(
            f"{db}: no such database; run `dyad ingest PATH --db {db}` first"
        )


def main() -> None:
    cli()


# the relationship record's commands register themselves on the group
from dyad.cli import timeline as _timeline  # noqa: E402, F401


def _add_commands() -> None:
    # Commands kept in their own modules (one per command group).
    from dyad.cli.serve import serve

    cli.add_command(serve)


_add_commands()
