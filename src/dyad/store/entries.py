"""SQL of the relationship record: timeline entries, the events they merge, their sources.

``dyad.timeline`` decides which events are one entry; this module only reads and writes rows.
Every read path has its index (schema migration 3): a pair's entries by ``entries_pair``, a
block's by ``entries_block``, an entry's events by ``entry_events_entry``, a block's events
by ``events_block``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.models import TimelineFilter
from dyad.store.base import Connection

Block = tuple[str, str, str, str]  # (a, b, type, year) with a < b; year '' when undated


@dataclass(frozen=True)
class BlockEvent:
    """An event row with what merging reads of its document."""

    doc_id: str
    idx: int
    type: str
    source: str
    target: str
    status: str
    date: str | None
    precision: str | None
    mode: str | None
    text: str
    published: str | None
    sentences: str = ""  # every sentence of the event in its document, one a line
    features: tuple[bool, frozenset[str]] | None = None  # (default_dated, names) if computed


@dataclass(frozen=True)
class EntryRow:
    entry_id: str
    block: Block
    source: str
    target: str
    date: str | None
    precision: str | None
    status: str
    mode: str | None
    score: float
    sources: int
    documents: int
    best: tuple[str, int]
    members: tuple[tuple[str, int], ...]  # (doc_id, event_idx), in the order of evidence

    @property
    def sort_key(self) -> str:
        return self.date or "~"  # undated entries sort last


ENTRY_COLUMNS = (
    "entry_id, a, b, type, source, target, date, precision, status, mode, score, sources, "
    "documents, best_doc, best_idx"
)
N_ENTRY = len(ENTRY_COLUMNS.split(","))
# What the timeline shows of each event of an entry (its source), copied into its
# ``entry_events`` row when the entry is written (migration 8), so that a pair's timeline reads
# two tables, not five: its document's outlet, URL and date, the event's own date, precision and
# status, and the sentence that gave the event's text (else its first sentence, else the text,
# at 0-0). Events, their sentences and a document's URL and date never change once stored, and
# a document's outlet is set before its events are merged (``timeline.build``); a replaced
# document's entries are written anew.
SOURCE_COLUMNS = 'outlet, url, published, date, precision, status, start, "end", sentence'
_SENTENCES = (
    "(SELECT s.{} FROM event_sentences s WHERE s.doc_id = e.doc_id AND s.event_idx = e.idx{} "
    "ORDER BY s.start LIMIT 1)"
)


def _chosen(column: str, otherwise: str) -> str:
    """A column of the sentence that gave an event's text, else of its first, else
    ``otherwise`` (SQLite's ORDER BY in a subquery cannot name the outer row: two lookups)."""
    own = _SENTENCES.format(column, " AND s.sentence = e.text")
    return f"coalesce({own}, {_SENTENCES.format(column, '')}, {otherwise})"


# SOURCE_COLUMNS of an event ``e`` (of ``SOURCE_FROM``, with its document ``d``)
SOURCE_VALUES = ", ".join(
    (
        "d.outlet, d.url, d.published_date, e.date, e.precision, e.status",
        _chosen("start", "0"),
        _chosen('"end"', "0"),
        _chosen("sentence", "e.text"),
    )
)
SOURCE_FROM = "FROM events e JOIN documents d ON d.doc_id = e.doc_id"


def block_of(a: str, b: str, type_: str, date: str | None) -> Block:
    lo, hi = sorted((a, b))
    return (lo, hi, type_, date[:4] if date else "")


def doc_blocks(conn: Connection, doc_id: str) -> set[Block]:
    """The blocks of a document's events."""
    rows = conn.execute(
        "SELECT source, target, type, date FROM events WHERE doc_id = ?", (doc_id,)
    ).fetchall()
    return {block_of(s, t, ty, d) for s, t, ty, d in rows}


def all_blocks(conn: Connection) -> set[Block]:
    rows = conn.execute("SELECT DISTINCT source, target, type, substr(date, 1, 4) FROM events")
    return {block_of(s, t, ty, d) for s, t, ty, d in rows}


def block_events(conn: Connection, block: Block) -> list[BlockEvent]:
    """Every event of a block (both directions of the pair), with its article's date."""
    a, b, type_, year = block
    args: tuple[str, ...] = ()
    when = "e.date IS NULL"
    if year:
        when, args = "e.date >= ? AND e.date < ?", (year, f"{int(year) + 1:04d}")
    sql = (
        "SELECT e.doc_id, e.idx, e.type, e.source, e.target, e.status, e.date, e.precision, "
        "e.mode, e.text, d.published_date, f.default_dated, f.names "
        "FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "LEFT JOIN event_features f ON f.doc_id = e.doc_id AND f.event_idx = e.idx "
        f"WHERE e.type = ? AND e.source = ? AND e.target = ? AND {when}"
    )
    out: list[BlockEvent] = []
    directions = [(a, b), (b, a)] if a != b else [(a, b)]
    for s, t in directions:
        for row in conn.execute(sql, (type_, s, t, *args)):
            doc_id, idx, ty, src, tgt, status, date, precision, mode, text, published = row[:11]
            out.append(
                BlockEvent(
                    doc_id,
                    idx,
                    ty,
                    src,
                    tgt,
                    status,
                    date,
                    precision,
                    mode,
                    text,
                    published,
                    features=None if row[11] is None else _features(row[11], row[12]),
                )
            )
    return out


def _features(default_dated: int, names: str) -> tuple[bool, frozenset[str]]:
    return bool(default_dated), frozenset(n for n in names.split("\n") if n)


def doc_events(conn: Connection, doc_id: str) -> list[BlockEvent]:
    """A document's events with every sentence of each (to compute their features)."""
    rows = conn.execute(
        "SELECT e.doc_id, e.idx, e.type, e.source, e.target, e.status, e.date, e.precision, "
        "e.mode, e.text, d.published_date, (SELECT group_concat(s.sentence, char(10)) "
        "FROM event_sentences s WHERE s.doc_id = e.doc_id AND s.event_idx = e.idx) "
        "FROM events e JOIN documents d ON d.doc_id = e.doc_id WHERE e.doc_id = ?",
        (doc_id,),
    ).fetchall()
    out = []
    for row in rows:
        doc, idx, ty, src, tgt, status, date, precision, mode, text, published, sents = row
        out.append(
            BlockEvent(
                doc, idx, ty, src, tgt, status, date, precision, mode, text, published, sents or ""
            )
        )
    return out


def set_features(conn: Connection, rows: Iterable[tuple[str, int, bool, frozenset[str]]]) -> None:
    """Store (doc_id, event_idx, default_dated, names) of events."""
    conn.executemany(
        "INSERT INTO event_features (doc_id, event_idx, default_dated, names) VALUES (?,?,?,?) "
        "ON CONFLICT (doc_id, event_idx) DO UPDATE "
        "SET default_dated = excluded.default_dated, names = excluded.names",
        [(d, i, int(dd), "\n".join(sorted(n))) for d, i, dd, n in rows],
    )


def block_entry_members(conn: Connection, block: Block) -> dict[str, set[tuple[str, int]]]:
    """The entries of a block now stored, with their events (to carry ids over as aliases)."""
    out: dict[str, set[tuple[str, int]]] = {}
    for entry_id, doc_id, idx in conn.execute(
        "SELECT n.entry_id, m.doc_id, m.event_idx FROM entries n "
        "JOIN entry_events m ON m.entry_id = n.entry_id "
        "WHERE n.a = ? AND n.b = ? AND n.type = ? AND n.year = ?",
        block,
    ):
        out.setdefault(entry_id, set()).add((doc_id, idx))
    return out


def replace_block(
    conn: Connection, block: Block, rows: Sequence[EntryRow], aliases: dict[str, str]
) -> None:
    """Replace a block's entries (the caller holds the transaction)."""
    conn.execute("DELETE FROM entries WHERE a = ? AND b = ? AND type = ? AND year = ?", block)
    conn.executemany(
        f"INSERT INTO entries ({ENTRY_COLUMNS}, year, sort_key) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                r.entry_id,
                block[0],
                block[1],
                block[2],
                r.source,
                r.target,
                r.date,
                r.precision,
                r.status,
                r.mode,
                r.score,
                r.sources,
                r.documents,
                r.best[0],
                r.best[1],
                block[3],
                r.sort_key,
            )
            for r in rows
        ],
    )
    conn.executemany(
        f"INSERT INTO entry_events (entry_id, rank, doc_id, event_idx, {SOURCE_COLUMNS}) "
        f"SELECT ?, ?, e.doc_id, e.idx, {SOURCE_VALUES} {SOURCE_FROM} "
        "WHERE e.doc_id = ? AND e.idx = ?",
        [(r.entry_id, n, d, i) for r in rows for n, (d, i) in enumerate(r.members)],
    )
    live = {r.entry_id for r in rows}
    conn.executemany(
        "INSERT INTO entry_aliases (alias, entry_id) VALUES (?,?) "
        "ON CONFLICT (alias) DO UPDATE SET entry_id = excluded.entry_id",
        [(old, new) for old, new in aliases.items() if old not in live],
    )
    # an id that is an entry again is no longer an alias of another
    conn.executemany("DELETE FROM entry_aliases WHERE alias = ?", [(i,) for i in live])


def set_outlet(conn: Connection, doc_id: str, outlet: str | None) -> None:
    """The outlet found from a document's URL or page, unless metadata already named one."""
    conn.execute(
        "UPDATE documents SET outlet = ? WHERE doc_id = ? AND outlet IS NULL", (outlet, doc_id)
    )


def document_origin(conn: Connection, doc_id: str) -> tuple[str | None, str, str] | None:
    """(url, kind, original) of a document, to find its outlet."""
    row = conn.execute(
        "SELECT url, kind, original FROM documents WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


# -- reading ------------------------------------------------------------------


def pair_entries(conn: Connection, where: TimelineFilter) -> list[tuple[object, ...]]:
    """The entries of a pair (``where.a``, ``where.b``: codes) that ``where`` keeps, in date
    order: an indexed range scan of ``entries_pair``."""
    sql, args = pair_query(where)
    return [tuple(r) for r in conn.execute(sql, args)]


# An entry's date compared with a bound at the coarser of their two precisions: a month entry
# is inside a range that starts on a day of that month, and a day entry inside one that ends
# with its month ("2021-03-02" is not after "2021-03"). The ? are the bound, cut to the
# length of the shorter (SQL that SQLite and PostgreSQL both read).
_AT_COARSER = (
    "(CASE WHEN length(date) < {n} THEN date {op} substr(?, 1, length(date)) "
    "ELSE substr(date, 1, {n}) {op} ? END)"
)
NO_LIMIT = 2**62  # LIMIT without a bound, in SQL both stores read


def pair_query(where: TimelineFilter) -> tuple[str, list[object]]:
    """The SQL and arguments of ``pair_entries`` (tests check its query plan).

    An entry is inside ``date_from``..``date_to`` when its date, at its own precision, agrees
    with the range: a month entry is inside a range that starts on a day of that month.
    ``where.outlet`` is no column of ``entries`` (it is read from the sources): with one, the
    query gives every entry the other conditions keep and the caller cuts the page.
    """
    lo, hi = sorted((where.a, where.b))
    conditions = ["a = ?", "b = ?"]
    args: list[object] = [lo, hi]
    date_from, date_to = where.date_from, where.date_to
    if date_from:
        conditions.append(f"sort_key >= ? AND {_AT_COARSER.format(op='>=', n=len(date_from))}")
        args += [date_from[:4], date_from, date_from]
    if date_to:
        conditions.append(f"sort_key < ? AND {_AT_COARSER.format(op='<=', n=len(date_to))}")
        args += [f"{int(date_to[:4]) + 1:04d}", date_to, date_to]
    if where.types:
        conditions.append(f"type IN ({','.join('?' * len(where.types))})")
        args += [t.upper() for t in where.types]
    if where.status:
        conditions.append("status = ?")
        args.append(where.status)
    if where.min_sources > 1:
        conditions.append("documents >= ?")
        args.append(where.min_sources)
    sql = f"SELECT {ENTRY_COLUMNS}, sort_key FROM entries WHERE {' AND '.join(conditions)} "
    sql += "ORDER BY sort_key, type, entry_id"
    if not where.outlet and (where.limit is not None or where.offset):
        sql += " LIMIT ? OFFSET ?"
        args += [NO_LIMIT if where.limit is None else where.limit, where.offset]
    return sql, args


def with_sources(entries_sql: str) -> str:
    """An entries query (``ENTRY_COLUMNS`` and ``sort_key``, as ``pair_query`` selects them)
    with the sources of each entry: one statement, a row a source (its doc_id, event_idx and
    ``SOURCE_COLUMNS`` after the entry's columns), the entries in date order (as
    ``pair_query``), an entry's sources in their order of evidence. A page (``LIMIT``) is cut
    from the entries, not from these rows; an entry without sources has one row of NULLs."""
    columns = ", ".join(f"p.{c.strip()}" for c in ENTRY_COLUMNS.split(","))
    sources = ", ".join(f"m.{c.strip()}" for c in SOURCE_COLUMNS.split(","))
    return (
        f"SELECT {columns}, m.doc_id, m.event_idx, {sources} FROM ({entries_sql}) p "
        "LEFT JOIN entry_events m ON m.entry_id = p.entry_id "
        "ORDER BY p.sort_key, p.type, p.entry_id, m.rank"
    )


EntrySources = tuple[tuple[Any, ...], list[tuple[Any, ...]]]


def pair_entries_with_sources(conn: Connection, where: TimelineFilter) -> list[EntrySources]:
    """The entries ``pair_entries`` gives, each with its sources (``grouped``), in one query."""
    sql, args = pair_query(where)
    return grouped(conn.execute(with_sources(sql), args))


def entry_with_sources(conn: Connection, entry_id: str) -> EntrySources | None:
    """One entry by id (or by an id it had before a merge: an alias), with its sources."""
    live = live_entry_id(conn, entry_id)
    if live is None:
        return None
    sql = f"SELECT {ENTRY_COLUMNS}, sort_key FROM entries WHERE entry_id = ?"
    found = grouped(conn.execute(with_sources(sql), (live,)))
    return found[0] if found else None


def grouped(rows: Iterable[Sequence[Any]]) -> list[EntrySources]:
    """Rows of ``with_sources`` as (an entry's columns, the rows of its sources)."""
    out: list[EntrySources] = []
    current: object = None
    for row in rows:
        if row[0] != current:
            current = row[0]
            out.append((tuple(row[:N_ENTRY]), []))
        if row[N_ENTRY] is not None:  # else an entry without sources
            out[-1][1].append(tuple(row))
    return out


def live_entry_id(conn: Connection, entry_id: str) -> str | None:
    """``entry_id`` if it is an entry's, else the entry it is an alias of (or None)."""
    if conn.execute("SELECT 1 FROM entries WHERE entry_id = ?", (entry_id,)).fetchone():
        return entry_id
    alias = conn.execute("SELECT entry_id FROM entry_aliases WHERE alias = ?", (entry_id,))
    found = alias.fetchone()
    if found is None or found[0] == entry_id:
        return None
    return live_entry_id(conn, str(found[0]))


def dyad_rows(conn: Connection) -> list[tuple[str, str, int, int, str | None, str | None]]:
    """(a, b, entries, documents, first date, last date) of every pair with entries."""
    rows = conn.execute(
        "SELECT n.a, n.b, COUNT(DISTINCT n.entry_id), COUNT(DISTINCT m.doc_id), "
        "MIN(n.date), MAX(n.date) FROM entries n JOIN entry_events m ON m.entry_id = n.entry_id "
        "GROUP BY n.a, n.b ORDER BY COUNT(DISTINCT n.entry_id) DESC, n.a, n.b"
    ).fetchall()
    return [(str(a), str(b), int(n), int(d), f, la) for a, b, n, d, f, la in rows]


def pair_entry_docs(conn: Connection, a: str, b: str) -> list[tuple[str, str]]:
    """(entry_id, doc_id) of a pair's entries."""
    lo, hi = sorted((a, b))
    return [
        (str(e), str(d))
        for e, d in conn.execute(
            "SELECT n.entry_id, m.doc_id FROM entries n "
            "JOIN entry_events m ON m.entry_id = n.entry_id WHERE n.a = ? AND n.b = ?",
            (lo, hi),
        )
    ]


def doc_entry_ids(conn: Connection, doc_id: str) -> dict[int, str]:
    """The entry of each of a document's events."""
    return {
        int(i): str(e)
        for i, e in conn.execute(
            "SELECT event_idx, entry_id FROM entry_events WHERE doc_id = ?", (doc_id,)
        )
    }
