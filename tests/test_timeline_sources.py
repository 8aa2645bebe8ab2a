"""A timeline entry reported by many articles gives every source, each with the sentence that
gave its event's text, on both stores: the whole timeline, a page of it, and the entry alone
(one statement reads a pair's entries with their sources, ``store.entries.with_sources``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dyad.models import Analysis, DateRef, Document, Event, Provenance
from dyad.store import open_store
from dyad.store.schema import MIGRATIONS
from dyad.timeline import build, query
from dyad.timeline.model import TimelineFilter

TALKS = "Kenya and Uganda held talks on the border on Monday."
BEFORE = "Officials gathered at the lakeside."  # a sentence before the event's own
N = 12


def _article(n: int, provenance: str) -> tuple[Document, Analysis]:
    """Article ``n`` reporting the talks; ``provenance`` says which sentences the event has:
    "both" (another, then its own), "other" (only another) or "none"."""
    doc_id = f"wire-{n:02d}"
    own_start = len(BEFORE) + 1
    text = f"{BEFORE} {TALKS}"
    sentences = {
        "both": (
            Provenance(doc_id, 0, len(BEFORE), BEFORE),
            Provenance(doc_id, own_start, own_start + len(TALKS), TALKS),
        ),
        "other": (Provenance(doc_id, 0, len(BEFORE), BEFORE),),
        "none": (),
    }[provenance]
    talks = Event(
        "CONSULT", "KEN", "UGA", "occurred", DateRef("2022-03-07", "day"), TALKS, sentences
    )
    doc = Document(
        doc_id, f"{doc_id}.txt", f"hash-{doc_id}", text, text, url=f"https://outlet{n}.test/a"
    )
    return doc, Analysis(doc_id, DateRef("2022-03-08", "day", "meta"), events=(talks,))


def _aid() -> tuple[Document, Analysis]:
    sentence = "Uganda sent food aid to Kenya in April."
    aid = Event(
        "AID",
        "UGA",
        "KEN",
        "occurred",
        DateRef("2022-04", "month"),
        sentence,
        (Provenance("aid", 0, len(sentence), sentence),),
    )
    doc = Document("aid", "aid.txt", "hash-aid", sentence, sentence)
    return doc, Analysis("aid", DateRef("2022-04-20", "day", "meta"), events=(aid,))


def test_an_entry_of_many_sources_gives_every_source(store_url: str) -> None:
    kinds = ["none", "other"] + ["both"] * (N - 2)
    with open_store(store_url) as store:
        for n, kind in enumerate(kinds):
            store.add(*_article(n, kind))
            build.update(store, [f"wire-{n:02d}"])
        store.add(*_aid())
        build.update(store, ["aid"])

        entries = query.timeline(store, TimelineFilter("UGA", "KEN"))
        assert [e.type for e in entries] == ["CONSULT", "AID"]
        talks = entries[0]
        assert len(talks.sources) == N
        assert {s.doc_id for s in talks.sources} == {f"wire-{n:02d}" for n in range(N)}
        assert len(talks.outlets) == N
        by_doc = {s.doc_id: s for s in talks.sources}
        # the event's own sentence where it has one, else its first, else its text
        assert (by_doc["wire-05"].sentence, by_doc["wire-05"].start) == (TALKS, len(BEFORE) + 1)
        assert (by_doc["wire-01"].sentence, by_doc["wire-01"].start) == (BEFORE, 0)
        assert (by_doc["wire-00"].sentence, by_doc["wire-00"].start) == (TALKS, 0)
        assert all(s.published == "2022-03-08" and s.status == "occurred" for s in talks.sources)

        # a page counts entries, not sources
        assert query.timeline(store, TimelineFilter("KEN", "UGA", limit=1)) == [talks]
        assert query.timeline(store, TimelineFilter("KEN", "UGA", offset=1)) == entries[1:]
        # one outlet keeps the entry with every source
        assert query.timeline(store, TimelineFilter("KEN", "UGA", outlet="outlet7.test")) == [talks]
        assert query.entry(store, talks.id) == talks
        assert query.entry(store, entries[1].id) == entries[1]


def test_migration_8_copies_the_sources_of_entries_stored_before(tmp_path: Path) -> None:
    """A store written before migration 8 (entry_events without the sources' columns) gives
    the same timeline once opened: the migration fills them as the merger writes them."""
    kinds = ["none", "other", "both", "both"]
    new = tmp_path / "new.db"
    with open_store(str(new)) as store:
        for n, kind in enumerate(kinds):
            store.add(*_article(n, kind))
            build.update(store, [f"wire-{n:02d}"])
        expected = query.timeline(store, TimelineFilter("KEN", "UGA"))
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        for number, script in enumerate(MIGRATIONS[:7], 1):
            conn.executescript(f"{script} PRAGMA user_version = {number};")
        conn.execute("ATTACH DATABASE ? AS new", (str(new),))
        for table in ("documents", "events", "event_sentences", "event_features", "entries"):
            conn.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")
        conn.execute(
            "INSERT INTO entry_events (entry_id, doc_id, event_idx, rank) "
            "SELECT entry_id, doc_id, event_idx, rank FROM new.entry_events"
        )
    with open_store(str(old)) as store:
        assert store.schema_version() == len(MIGRATIONS)
        assert query.timeline(store, TimelineFilter("KEN", "UGA")) == expected
    assert len(expected[0].sources) == len(kinds)
