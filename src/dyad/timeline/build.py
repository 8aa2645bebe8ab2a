"""Keeping the timeline entries up to date as articles come in.

``update(store, doc_ids)`` re-clusters only the blocks (pair, type, year) that the given
documents' events fall in: the rest of the store is not read. Because a block's clustering
depends on the set of its events alone (``dyad.timeline.merge``), the entries are the same
whatever order the articles arrived in, and the same as ``rebuild(store)`` computes at once.

An entry's id is a hash of its *anchor*: the report of the earliest-published article (then
the lowest document id and event index). Later articles joining an entry keep its id; when an
older article is ingested later, or two entries merge, the id that disappears is kept as an
alias of the entry that now holds most of its events, so a link to it keeps working.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Sequence

from dyad.errors import StoreError
from dyad.events.cues import load_scores
from dyad.models import PRECISION_LEN
from dyad.store import entries as sql
from dyad.store.base import Connection, Store
from dyad.timeline.merge import Cluster, Report, cluster, names
from dyad.timeline.outlet import outlet_of

log = logging.getLogger(__name__)

# Gazetteer aliases that name a party (a state or body), not a place or an occasion; a seat
# of power ("the Kremlin said") names its government far more often than a place.
PARTY_KINDS = frozenset({"name", "demonym", "acronym", "seat"})


def update(store: Store, doc_ids: Iterable[str], extra_blocks: Iterable[sql.Block] = ()) -> int:
    """Merge the events of newly stored documents into the timeline; returns the blocks redone.

    ``extra_blocks`` are blocks to redo besides the documents' own (those of a replaced
    version of a document, whose events are gone).
    """
    conn = store.conn
    blocks: set[sql.Block] = set(extra_blocks)
    ids = list(doc_ids)
    try:
        with conn:
            for doc_id in ids:
                _prepare(conn, doc_id)
                blocks |= sql.doc_blocks(conn, doc_id)
            for block in sorted(blocks):
                redo_block(conn, block)
    except store.errors as exc:
        raise StoreError(f"{store.path}: could not merge {', '.join(ids)}: {exc}") from exc
    return len(blocks)


def rebuild(store: Store) -> int:
    """Recompute every entry (after a change of the merging rules); returns the blocks done."""
    conn = store.conn
    try:
        with conn:
            for doc_id in store.doc_ids():
                _prepare(conn, doc_id)
            conn.execute("DELETE FROM entries")
            blocks = sql.all_blocks(conn)
            for block in sorted(blocks):
                redo_block(conn, block)
    except store.errors as exc:
        raise StoreError(f"{store.path}: could not rebuild the timeline: {exc}") from exc
    return len(blocks)


def redo_block(conn: Connection, block: sql.Block) -> None:
    """Cluster one block's events and store its entries in place of the old ones."""
    events = sql.block_events(conn, block)
    by_key = {(e.doc_id, e.idx): e for e in events}
    reports = [
        Report(
            e.doc_id,
            e.idx,
            e.type,
            e.source,
            e.target,
            e.status,
            e.date,
            e.precision,
            e.published,
            e.text,
            default_dated=e.features[0] if e.features else _default_dated(e),
            names=e.features[1] if e.features else _names(e.text, (e.source, e.target)),
        )
        for e in events
    ]
    rows = [entry_row(c, block, by_key) for c in cluster(reports)]
    old = sql.block_entry_members(conn, block)
    sql.replace_block(conn, block, rows, _aliases(old, rows))


def entry_row(
    c: Cluster, block: sql.Block, events: dict[tuple[str, int], sql.BlockEvent]
) -> sql.EntryRow:
    """The entry a cluster of reports makes: its id, direction, status, mode and score."""
    members = sorted(c.members, key=lambda r: (r.published or "~", r.doc_id, r.idx))
    anchor = members[0]
    digest = hashlib.sha1(f"{anchor.doc_id}\x00{anchor.idx}".encode()).hexdigest()[:12]
    directions = Counter((r.source, r.target) for r in members)
    top = max(directions.values())
    source, target = next(
        (r.source, r.target) for r in members if directions[(r.source, r.target)] == top
    )
    status = entry_status([r.status for r in members])
    modes = Counter(events[r.key].mode for r in members if events[r.key].mode)
    mode = max(modes, key=lambda m: (modes[m], m)) if modes else None
    best = min(
        members,
        key=lambda r: (
            r.status != status,
            r.rank,
            (r.source, r.target) != (source, target),
            r.published or "~",
            r.doc_id,
            r.idx,
        ),
    )
    return sql.EntryRow(
        entry_id=f"e{digest}",
        block=block,
        source=source,
        target=target,
        date=c.date,
        precision=c.precision,
        status=status,
        mode=mode,
        score=load_scores().score(block[2], mode),
        sources=len(members),
        documents=len({r.doc_id for r in members}),
        best=best.key,
        members=tuple(r.key for r in members),
    )


def entry_status(statuses: Sequence[str]) -> str:
    """The status the evidence supports, ``statuses`` in the order the articles appeared.

    A report that it took place outweighs plans made before it (planned, then occurred, is
    occurred); otherwise the latest report that is not a plan decides (a claim, a denial),
    and an event only ever planned is planned.
    """
    if "occurred" in statuses:
        return "occurred"
    settled = [s for s in statuses if s != "planned"]
    return settled[-1] if settled else "planned"


def _names(text: str, pair: tuple[str, str] = ("", "")) -> frozenset[str]:
    """The names of an event's sentences but those of states and bodies (the parties, named
    by every report) and of the persons who hold, or held, an office of one of the pair's
    states (the parties' voices: "Xi said", "Putin told"; every word of their names): the
    other persons, places, occasions, deals."""
    from dyad.resolve.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    found = names(text)
    parties = {n for n in found if any(a.kind in PARTY_KINDS for a in gaz.lookup(n))}
    for n in found - parties:
        for office in gaz.offices_of(n):
            if office.state in pair:
                parties |= {w.lower() for w in office.name.split()}
    return frozenset(found - parties)


def _default_dated(e: sql.BlockEvent) -> bool:
    """Whether an event is dated to its article's own date (its day, or its month or year at
    that precision) for want of any time expression in its sentence (the coder's default): a
    day that may be a few days late, a month or year that only repeats the article's."""
    if e.date is None or e.precision is None or not e.published:
        return False
    if len(e.date) != PRECISION_LEN.get(e.precision) or e.date != e.published[: len(e.date)]:
        return False
    from dyad.dating.relative import find_time_expressions

    return not find_time_expressions(e.text, None)


def _aliases(old: dict[str, set[tuple[str, int]]], rows: Sequence[sql.EntryRow]) -> dict[str, str]:
    """Old ids that are gone -> the new entry holding most of their events."""
    out: dict[str, str] = {}
    live = {r.entry_id for r in rows}
    for old_id, keys in old.items():
        if old_id in live:
            continue
        scored = [(len(keys & set(r.members)), r.entry_id) for r in rows]
        overlap, new_id = max(scored, default=(0, ""))
        if overlap:
            out[old_id] = new_id
    return out


def _prepare(conn: Connection, doc_id: str) -> None:
    """Read once what merging needs of a new document: its outlet, and for each event whether
    its day is only a default and the names its sentences give."""
    origin = sql.document_origin(conn, doc_id)
    if origin is not None:
        sql.set_outlet(conn, doc_id, outlet_of(*origin))
    sql.set_features(
        conn,
        [
            (
                e.doc_id,
                e.idx,
                _default_dated(e),
                _names(e.sentences or e.text, (e.source, e.target)),
            )
            for e in sql.doc_events(conn, doc_id)
        ],
    )
