"""``dyad timeline``, ``dyad dyads``, ``dyad index``: the relationship record on the terminal."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from dataclasses import asdict
from typing import Any

import click

from dyad.cli import _db_option, _require_db, cli
from dyad.errors import DyadError
from dyad.export.timeline import entry_record
from dyad.timeline.model import TimelineEntry, TimelineFilter

ENTRY_FIELDS = (
    "id",
    "date",
    "precision",
    "type",
    "source",
    "target",
    "status",
    "mode",
    "score",
    "n_sources",
    "outlets",
)
SOURCE_FIELDS = (
    "doc_id",
    "outlet",
    "url",
    "published",
    "source_date",
    "source_precision",
    "source_status",
    "start",
    "end",
    "sentence",
)


@cli.command("timeline")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option("--from", "date_from", metavar="DATE", help="from this date (YYYY[-MM[-DD]])")
@click.option("--to", "date_to", metavar="DATE", help="up to this date (YYYY[-MM[-DD]])")
@click.option("--type", "types", multiple=True, metavar="T", help="PLOVER type (repeatable)")
@click.option(
    "--status",
    type=click.Choice(["occurred", "planned", "denied", "reported"]),
    help="only entries of this status",
)
@click.option("--min-sources", type=int, default=1, show_default=True, help="reported by N+")
@click.option("--outlet", help="only entries one of whose sources is from this outlet")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table: one line an entry; json: entries with every source; csv: a row per source",
)
def timeline_cmd(a: str, b: str, db: str, fmt: str, **options: Any) -> None:
    """The timeline of a pair of states (ISO codes or names: CHN RUS, "China" "Russia"):
    one entry per real event, merged over every article that reports it, in date order."""
    from dyad.store import open_store
    from dyad.timeline.query import state_code, timeline

    _require_db(db)
    # the filter options are named as TimelineFilter's fields
    where = TimelineFilter(a, b, **options)
    try:
        with open_store(db) as store:
            entries = timeline(store, where)
        pair = (state_code(a), state_code(b))
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps([entry_record(e) for e in entries], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        write_entries_csv(entries, sys.stdout)
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        for line in table_lines(entries, width):
            click.echo(line)
        docs = len({s.doc_id for e in entries for s in e.sources})
        click.echo(f"{len(entries)} entries from {docs} documents ({pair[0]}-{pair[1]})", err=True)


def write_entries_csv(entries: list[TimelineEntry], out: Any) -> int:
    """One row per source of each entry, the entry's fields repeated; returns the rows."""
    writer = csv.DictWriter(out, fieldnames=ENTRY_FIELDS + SOURCE_FIELDS)
    writer.writeheader()
    n = 0
    for e in entries:
        base = {
            "id": e.id,
            "date": e.date or "",
            "precision": e.precision or "",
            "type": e.type,
            "source": e.source,
            "target": e.target,
            "status": e.status,
            "mode": e.mode or "",
            "score": e.score,
            "n_sources": len(e.sources),
            "outlets": "; ".join(e.outlets),
        }
        for s in e.sources:
            writer.writerow(
                base
                | {
                    "doc_id": s.doc_id,
                    "outlet": s.outlet or "",
                    "url": s.url or "",
                    "published": s.published or "",
                    "source_date": s.date or "",
                    "source_precision": s.precision or "",
                    "source_status": s.status,
                    "start": s.start,
                    "end": s.end,
                    "sentence": s.sentence,
                }
            )
            n += 1
    return n


def table_lines(entries: list[TimelineEntry], width: int = 120) -> list[str]:
    """The entries as a table ``width`` characters wide: date, type, direction, status, the
    number of sources, the outlets (document ids where no outlet is known) and the best
    source's sentence, cut to fit."""
    head = f"{'date':<10} {'type':<9} {'dir':<7} {'status':<8} {'n':>2}  "
    fixed = len(head)
    room = max(width - fixed, 20)
    who_w = min(24, room // 3)
    text_w = max(room - who_w - 2, 10)
    lines = [head + f"{'outlets':<{who_w}}  text"]
    for e in entries:
        who = ", ".join(e.outlets) or ", ".join(dict.fromkeys(s.doc_id for s in e.sources))
        text = " ".join(e.sources[0].sentence.split()) if e.sources else ""
        lines.append(
            f"{e.date or '?':<10} {e.type:<9} {_arrow(e):<7} {e.status:<8} {len(e.sources):>2}  "
            f"{_cut(who, who_w):<{who_w}}  {_cut(text, text_w)}"
        )
    return lines


def _arrow(e: TimelineEntry) -> str:
    return f"{e.source}>{e.target}"


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: max(n - 1, 0)] + "…"


@cli.command("dyads")
@_db_option
@click.option("--json", "as_json", is_flag=True, help="print the pairs as JSON")
def dyads_cmd(db: str, as_json: bool) -> None:
    """The pairs of states in the database, with their entry counts and date ranges."""
    from dyad.store import open_store
    from dyad.timeline.query import list_dyads

    _require_db(db)
    with open_store(db) as store:
        pairs = list_dyads(store)
    if as_json:
        click.echo(json.dumps([asdict(p) for p in pairs], indent=2))
        return
    click.echo(f"{'pair':<12} {'entries':>7} {'documents':>9}  {'first':<10}  last")
    for p in pairs:
        click.echo(
            f"{p.a + '-' + p.b:<12} {p.entries:>7} {p.documents:>9}  {p.first or '?':<10}  "
            f"{p.last or '?'}"
        )


@cli.command("index")
@click.argument("a")
@click.argument("b")
@_db_option
@click.option(
    "--by",
    type=click.Choice(["month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="the period of the series",
)
@click.option(
    "--plot",
    type=click.Path(dir_okay=False),
    help="also draw the series to FILE.svg or FILE.png",
)
@click.option("--json", "as_json", is_flag=True, help="print the series as JSON")
def index_cmd(a: str, b: str, db: str, by: str, plot: str | None, as_json: bool) -> None:
    """The cooperation-conflict index of a pair: PLOVER scores of its timeline entries (each
    counted once, however many articles report it), with entries and documents per period."""
    from dyad.store import open_store
    from dyad.timeline.query import index_series, state_code

    _require_db(db)
    try:
        with open_store(db) as store:
            series = index_series(store, a, b, by=by)
        pair = (state_code(a), state_code(b))
        if plot:
            from dyad.timeline.plot import plot_index

            plot_index(series, plot, title=f"{pair[0]}–{pair[1]} cooperation–conflict, by {by}")
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps([asdict(p) for p in series], indent=2))
    else:
        click.echo(
            f"{'period':<8} {'score':>6} {'coop':>7} {'conflict':>8} {'entries':>7} {'docs':>5}"
        )
        for p in series:
            click.echo(
                f"{p.period:<8} {p.score:>6.2f} {p.cooperation:>7.1f} {p.conflict:>8.1f} "
                f"{p.entries:>7} {p.documents:>5}"
            )
    if plot:
        click.echo(f"plot written to {plot}", err=True)


@cli.command("rebuild")
@_db_option
def rebuild_cmd(db: str) -> None:
    """Recompute every timeline entry from the stored events (after upgrading dyad, whose
    merging rules may have changed, or on a database made before the timeline existed)."""
    from dyad.store import open_store
    from dyad.timeline.build import rebuild

    _require_db(db)
    try:
        with open_store(db) as store:
            blocks = rebuild(store)
            n = len(store.conn.execute("SELECT entry_id FROM entries").fetchall())
    except DyadError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{n} timeline entries from {blocks} blocks")
