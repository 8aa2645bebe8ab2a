"""The SQLite store: migrations, one transaction per document, round trips of every record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.models import Analysis, DateRef, Document, Event, Figure, Person, Provenance, Quote
from dyad.store.schema import MIGRATIONS
from dyad.store.sqlite import Mention, Sentence, open_store


def _doc(doc_id: str = "d1", h: str = "h1") -> Document:
    return Document(doc_id, f"{doc_id}.txt", h, "orig text", "clean text", offsets=((0, 0),))


def _analysis(doc_id: str = "d1") -> Analysis:
    prov = Provenance(doc_id, 0, 5, "clean text")
    return Analysis(
        doc_id,
        DateRef("2020-05-01", "day", "dateline"),
        persons=(Person("Ana Lopez", "minister", None, "PER", (prov,)),),
        quotes=(Quote("we will talk again soon", "Ana Lopez", prov, "person"),),
        figures=(Figure(3e9, "USD", "$3 billion", prov, 2019, "trade"),),
        events=(
            Event("CONSULT", "PER", "CHL", "occurred", DateRef("2020-04", "month"), "met", (prov,)),
        ),
    )


def test_migrations_bring_a_new_database_to_the_latest_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(MIGRATIONS)
    with open_store(tmp_path / "a.db") as store:  # reopening applies nothing twice
        assert store.migrate() == len(MIGRATIONS)


def test_round_trip(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        store.add(
            _doc(), _analysis(), [Sentence(0, 10, "clean text")], [Mention(0, 5, "GPE", "clean")]
        )
        assert store.analysis("d1") == _analysis()
        assert store.document("d1").offsets == ((0, 0),)
        assert store.stats()["events"] == 1
        assert store.has_hash("h1") and not store.has_hash("h2")


def test_a_failed_document_leaves_nothing_half_written(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        store.add(_doc(), _analysis())
        bad = _doc("d2", "h2")
        broken = Analysis("d2", None, quotes=(_analysis().quotes[0],) * 1)
        # a duplicate quote index is impossible; force a failure with a duplicate document id
        with pytest.raises(StoreError):
            store.add(_doc("d1", "h3"), broken)
        store.add(bad, Analysis("d2", None))
        assert store.doc_ids() == ["d1", "d2"]
        assert store.stats()["quotes"] == 1


def test_unwritable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        open_store(blocker / "sub" / "a.db")


def test_tables_are_plain_sqlite(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        store.add(_doc(), _analysis())
    conn = sqlite3.connect(tmp_path / "a.db")
    rows = conn.execute("SELECT type, source, target, date FROM events").fetchall()
    assert rows == [("CONSULT", "PER", "CHL", "2020-04")]
