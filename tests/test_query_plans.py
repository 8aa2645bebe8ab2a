"""Every read path (export, list, eval, timeline, documents, the web's reads) is an indexed
query: SQLite's ``EXPLAIN QUERY PLAN`` of each statement they run shows no table scan, and a
document's facts come in order without a sort (so reads grow linearly with the store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dyad.export.formats import eval_record, full_record
from dyad.export.timeline import all_entries
from dyad.store.sqlite import SQLiteStore, open_store
from dyad.timeline import query
from dyad.timeline.model import TimelineFilter
from dyad.web import reads
from tests.web_articles import build_store

# Whole-table reads by design (the statement's own subject is every row): scans allowed.
WHOLE_TABLE = (
    "FROM persons p",
    "FROM quotes q JOIN documents d ON d.doc_id = q.doc_id WHERE 1 = 1 ORDER",
)


def _statements(store: SQLiteStore, read: Callable[[], object]) -> list[str]:
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        store.conn.set_trace_callback(None)
    return [s for s in dict.fromkeys(seen) if s.lstrip().upper().startswith("SELECT")]


def _plan(store: SQLiteStore, sql: str) -> list[str]:
    return [str(row[3]) for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]


def _reads(store: SQLiteStore) -> dict[str, Callable[[], object]]:
    ids = store.doc_ids()
    pair = query.list_dyads(store)[0]
    first = query.timeline(store, TimelineFilter(pair.a, pair.b))[0]
    return {
        "export/list/eval": lambda: [
            (eval_record(a, store.entry_ids(a.doc_id)), full_record(a)) for a in store.analyses()
        ],
        "document": lambda: (
            store.document(ids[0]),
            store.analysis(ids[0]),
            reads.document(store, ids[0]),
        ),
        "timeline": lambda: query.timeline(store, TimelineFilter(pair.a, pair.b)),
        "timeline page": lambda: query.timeline(store, TimelineFilter(pair.a, pair.b, limit=2)),
        "entry": lambda: query.entry(store, first.id),
        "index": lambda: query.index_series(store, pair.a, pair.b),
        "dyads": lambda: query.list_dyads(store),
        "timeline export": lambda: list(all_entries(store)),
        "quotes of a document": lambda: reads.quotes(store, None, ids[0], 10, 0),
        "persons": lambda: reads.persons(store, None, 10, 0),
        "search": lambda: reads.search(store, "border", 10, 0),
        "ingest checks": lambda: (
            store.has_hash("x"),
            store.has_doc_id("x"),
            store.event_blocks(ids[0]),
        ),
    }


def test_every_read_path_uses_indexes(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "w.db")) as store:
        checked = 0
        for name, read in _reads(store).items():
            for sql in _statements(store, read):
                plan = _plan(store, sql)
                checked += 1
                if "_config" in sql or any(w in sql for w in WHOLE_TABLE):
                    continue  # FTS5's own bookkeeping; whole-table aggregates
                # a subquery's rows (a page of entries) are read as they come: no table scan
                subqueries = {p.split()[-1] for p in plan if p.startswith("CO-ROUTINE")}
                full_scans = [
                    p
                    for p in plan
                    if p.startswith("SCAN")
                    and "USING" not in p
                    and "VIRTUAL TABLE" not in p
                    and p.split()[-1] not in subqueries
                ]
                assert not full_scans, f"{name}: {sql}\n{plan}"
        assert checked >= 15


def test_a_documents_facts_and_a_pairs_timeline_need_no_sort(tmp_path: Path) -> None:
    with open_store(build_store(tmp_path / "w.db")) as store:
        reads_ = _reads(store)
        for name in ("export/list/eval", "document", "timeline"):
            for sql in _statements(store, reads_[name]):
                plan = _plan(store, sql)
                if "JOIN entry_events m" in sql:
                    # the entries come in index order; only each entry's few sources (by their
                    # rank) are sorted
                    plan = [p for p in plan if p != "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY"]
                assert not [p for p in plan if "TEMP B-TREE" in p], f"{name}: {sql}\n{plan}"


def test_the_migration_moves_an_older_store_forward(tmp_path: Path) -> None:
    import sqlite3

    from dyad.store.schema import MIGRATIONS

    with open_store(build_store(tmp_path / "w.db")) as store:
        version = int(store.conn.execute("PRAGMA user_version").fetchone()[0])
        names = {
            r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        }
    assert version == len(MIGRATIONS) >= 6
    assert {"persons_doc_start", "quotes_speaker", "event_sentences_event", "entries_pair"} <= names
    # A store at migration 5 (before the indexes) is moved forward on open.
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        for number, script in enumerate(MIGRATIONS[:5], 1):
            conn.executescript(f"{script} PRAGMA user_version = {number};")
    with open_store(old) as store:
        assert int(store.conn.execute("PRAGMA user_version").fetchone()[0]) == len(MIGRATIONS)
