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


@dataclass(frozen=True)
class SourceRow:
    entry_id: str
    doc_id: str
    event_idx: int
    outlet: str | None
    url: str | None
    published: str | None
    sentence: str
    start: int
    end: int
    date: str | None
    precision: str | None
    status: str
    text: str


ENTRY_COLUMNS = (
    "entry_id, a, b, type, source, target, date, precision, status, mode, score, sources, "
    "documents, best_doc, best_idx"
)


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
        "INSERT INTO entry_events (entry_id, doc_id, event_idx, rank) VALUES (?,?,?,?)",
        [(r.entry_id, d, i, n) for r in rows for n, (d, i) in enumerate(r.members)],
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
    sql = f"SELECT {ENTRY_COLUMNS} FROM entries WHERE {' AND '.join(conditions)} "
    sql += "ORDER BY sort_key, type, entry_id"
    if not where.outlet and (where.limit is not None or where.offset):
        sql += " LIMIT ? OFFSET ?"
        args += [NO_LIMIT if where.limit is None else where.limit, where.offset]
    return sql, args


def entry_row(conn: Connection, entry_id: str) -> tuple[object, ...] | None:
    row = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE entry_id = ?", (entry_id,))
    found = row.fetchone()
    if found is None:
        alias = conn.execute(
            "SELECT entry_id FROM entry_aliases WHERE alias = ?", (entry_id,)
        ).fetchone()
        if alias is None or alias[0] == entry_id:
            return None
        return entry_row(conn, str(alias[0]))
    return tuple(found)


def entry_sources(conn: Connection, entry_ids: Iterable[str]) -> list[SourceRow]:
    """The sources of entries, in their order of evidence, each with the sentence that gave
    its event's text (else its first); one query per 500 entries."""
    ids = list(entry_ids)
    out: list[SourceRow] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT m.entry_id, m.doc_id, m.event_idx, d.outlet, d.url, d.published_date, "
            'e.date, e.precision, e.status, e.text, s.start, s."end", s.sentence '
            "FROM entry_events m "
            "JOIN events e ON e.doc_id = m.doc_id AND e.idx = m.event_idx "
            "JOIN documents d ON d.doc_id = m.doc_id "
            "LEFT JOIN event_sentences s ON s.doc_id = m.doc_id AND s.event_idx = m.event_idx "
            f"WHERE m.entry_id IN ({marks}) ORDER BY m.entry_id, m.rank, s.start",
            chunk,
        ).fetchall()
        chosen: dict[tuple[str, str, int], tuple[Any, ...]] = {}
        for row in rows:
            key = (str(row[0]), str(row[1]), int(row[2]))
            first = chosen.get(key)
            if first is None or (row[12] == row[9] and first[12] != first[9]):
                chosen[key] = tuple(row)
        for row in chosen.values():
            entry_id, doc_id, idx, outlet, url, published, date, precision, status, text = row[:10]
            start, end, sentence = row[10:13]
            out.append(
                SourceRow(
                    str(entry_id),
                    str(doc_id),
                    int(idx),
                    outlet,
                    url,
                    published,
                    str(sentence if sentence is not None else text),
                    int(start) if start is not None else 0,
                    int(end) if end is not None else 0,
                    date,
                    precision,
                    str(status),
                    str(text),
                )
            )
    return out


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
