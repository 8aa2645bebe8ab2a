"""The stores (SQLite and a real PostgreSQL server) behind one protocol: migrations, one
transaction per document, and round trips that give back every field of every record."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.models import Analysis, DateRef, Document, Event, Figure, Person, Provenance, Quote
from dyad.store import Store, open_store
from dyad.store.base import Mention, Sentence, sqlite_path
from dyad.store.schema import MIGRATIONS, postgres_script
from dyad.store.sqlite import SQLiteStore


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


def _full(doc_id: str = "d9") -> tuple[Document, Analysis]:
    """A document and an analysis using every field, with many mentions and sentences."""
    text = "Minister Ana Lopez met Jon Berg. Lopez said talks went well. Berg agreed. Lopez left."
    doc = Document(
        doc_id, "in/d9.html", "h9", "<p>" + text + "</p>", text, "Talks", "https://x.example/a",
        "2020-05-02", ((0, 3), (40, 43)), "html", "Example Wire",
    )  # fmt: skip
    ana = [Provenance(doc_id, 9, 18, text[:32]), Provenance(doc_id, 33, 38, text[33:60]),
           Provenance(doc_id, 74, 79, text[74:])]  # fmt: skip
    berg = [Provenance(doc_id, 23, 31, text[:32]), Provenance(doc_id, 61, 65, text[61:73])]
    return doc, Analysis(
        doc_id,
        DateRef("2020-05-02", "day", "meta: article:published_time"),
        persons=(
            Person("Jon Berg", None, "Trade Council", None, tuple(berg)),
            Person("Ana Lopez", "foreign minister", None, "PER", tuple(ana)),
            Person("Unnamed Envoy", "envoy", None, "CHL"),
        ),
        quotes=(
            Quote("talks went well", "Ana Lopez", ana[1], "person"),
            Quote("fine", None, berg[1]),
            Quote("we agree", "Trade Council", berg[1], "organisation"),
        ),
        figures=(
            Figure(2.5e9, "USD", "$2.5 billion", ana[1], 2019, "bilateral trade"),
            Figure(12.0, "percent", "12%", ana[1]),
        ),
        events=(
            Event("CONSULT", "PER", "CHL", "occurred", DateRef("2020-04-30", "day",
                  "'on Thursday' from the publication date"), "Lopez met Berg",
                  (ana[0], ana[1]), "visit", 1.5),
            Event("COOPERATE", "CHL", "PER", "planned", None, "talks", (berg[1],), None, 3.25),
            Event("ACCUSE", "PER", "CHL", "denied", DateRef("2020", "year"), "denied", (), None,
                  -2.0),
        ),
    )  # fmt: skip


def test_a_url_chooses_the_store(tmp_path: Path) -> None:
    assert sqlite_path("sqlite:///out/a.db") == "out/a.db"
    assert sqlite_path("sqlite:////tmp/a.db") == "/tmp/a.db"
    assert sqlite_path("a.db") == "a.db"
    with open_store(f"sqlite:///{tmp_path}/b.db") as store:
        assert isinstance(store, SQLiteStore) and isinstance(store, Store)
    assert (tmp_path / "b.db").is_file()


def test_migrations_bring_a_new_database_to_the_latest_version(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.schema_version() == len(MIGRATIONS)
    with open_store(store_url) as store:  # reopening applies nothing twice
        assert store.migrate() == len(MIGRATIONS)
        assert store.schema_version() == len(MIGRATIONS)


def test_sqlite_records_its_version_in_user_version(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(MIGRATIONS)


def test_postgres_migrations_are_the_same_list_translated() -> None:
    for number, script in enumerate(MIGRATIONS, start=1):
        pg = postgres_script(number, script)
        assert "REAL" not in pg and "INTEGER" not in pg
        if "fts5" not in script:
            assert pg.count("CREATE TABLE") == script.count("CREATE TABLE")


def test_round_trip(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(
            _doc(), _analysis(), [Sentence(0, 10, "clean text")], [Mention(0, 5, "GPE", "clean")]
        )
        assert store.analysis("d1") == _analysis()
        assert store.document("d1").offsets == ((0, 0),)
        assert store.stats()["events"] == 1
        assert store.has_hash("h1") and not store.has_hash("h2")


def test_a_full_analysis_comes_back_whole(store_url: str) -> None:
    doc, analysis = _full()
    with open_store(store_url) as store:
        store.add(doc, analysis, [Sentence(0, 32, doc.text[:32])])
    with open_store(store_url) as store:  # read back through a new connection
        assert store.document(doc.doc_id) == doc
        back = store.analysis(doc.doc_id)
        assert len(back.persons[1].mentions) == 3  # every mention, not only the first
        assert back.events[0].date == analysis.events[0].date  # its evidence too
        assert [e.score for e in back.events] == [1.5, 3.25, -2.0]
        assert back == analysis
        assert list(store.analyses()) == [analysis]


def test_a_failed_document_leaves_nothing_half_written(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add(_doc(), _analysis())
        bad = _doc("d2", "h2")
        broken = Analysis("d2", None, quotes=(_analysis().quotes[0],) * 1)
        # a duplicate quote index is impossible; force a failure with a duplicate document id
        with pytest.raises(StoreError):
            store.add(_doc("d1", "h3"), broken)
        store.add(bad, Analysis("d2", None))
        assert store.doc_ids() == ["d1", "d2"]
        assert store.stats()["quotes"] == 1


def test_replace_rewrites_a_document(store_url: str) -> None:
    doc, analysis = _full()
    with open_store(store_url) as store:
        store.add(doc, _analysis(doc.doc_id))
        store.add(doc, analysis, replace=True)
        assert store.analysis(doc.doc_id) == analysis
        assert store.stats()["events"] == 3


def test_a_missing_document_is_a_store_error(store_url: str) -> None:
    with open_store(store_url) as store, pytest.raises(StoreError):
        store.analysis("nope")


def test_unwritable_path_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        open_store(blocker / "sub" / "a.db")


def test_an_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(err.value)  # the password is never shown


def test_tables_are_plain_sqlite(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.db") as store:
        store.add(_doc(), _analysis())
    conn = sqlite3.connect(tmp_path / "a.db")
    rows = conn.execute("SELECT type, source, target, date FROM events").fetchall()
    assert rows == [("CONSULT", "PER", "CHL", "2020-04")]


def test_a_version_6_database_keeps_its_persons_first_mention(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for number, script in enumerate(MIGRATIONS[:6], start=1):
        conn.executescript(f"{script} PRAGMA user_version = {number};")
    conn.execute(
        "INSERT INTO documents (doc_id, source, content_hash, kind, original, text, offsets, "
        "ingested_at) VALUES ('d1', 'd1.txt', 'h1', 'text', 'x', 'x', '[]', 'now')"
    )
    conn.execute(
        'INSERT INTO persons (doc_id, name, role, start, "end", sentence) '
        "VALUES ('d1', 'Ana Lopez', 'minister', 3, 12, 'She spoke.')"
    )
    conn.commit()
    conn.close()
    with open_store(db) as store:
        (person,) = store.analysis("d1").persons
    assert person.mentions == (Provenance("d1", 3, 12, "She spoke."),)


def test_a_negative_zero_score_comes_back_as_zero_on_every_store(store_url: str) -> None:
    doc = _doc()
    base = _analysis()
    event = base.events[0]
    zero = Event(event.type, event.source, event.target, event.status, event.date, event.text,
                 event.provenance, None, -0.0)  # fmt: skip
    with open_store(store_url) as store:
        store.add(doc, Analysis(doc.doc_id, None, events=(zero,)))
        (back,) = store.analysis(doc.doc_id).events
    assert math.copysign(1.0, back.score) == 1.0  # exports print 0.0 on both stores
