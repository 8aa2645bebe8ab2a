"""The SQL both stores share: writing a document with its facts, reading them back.

``RowStore`` runs it on ``self.conn`` (SQLite's ``?`` placeholders; the PostgreSQL store's
connection translates them). Subclasses open the connection and apply the migrations.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from dyad.errors import StoreError
from dyad.models import (
    Analysis,
    DateRef,
    Document,
    Event,
    Figure,
    Person,
    Provenance,
    Quote,
)
from dyad.store import entries
from dyad.store.base import Connection, Dialect, Mention, Sentence
from dyad.store.schema import MIGRATIONS

ANALYSES_BATCH = 200  # documents read a query by ``analyses`` (SQLite's limit is 32,766 ?s)
STAT_TABLES = ("documents", "sentences", "persons", "quotes", "figures", "events")


class RowStore:
    """The store's reads and writes over a ``Connection``; see ``dyad.store.base.Store``."""

    dialect: Dialect
    errors: tuple[type[Exception], ...]

    def __init__(self, conn: Any, path: str) -> None:
        self.conn: Connection = conn
        self.path = path

    def __enter__(self) -> RowStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- schema (per store) --------------------------------------------------

    def schema_version(self) -> int:
        raise NotImplementedError

    def migrate(self) -> int:
        raise NotImplementedError

    @staticmethod
    def latest_version() -> int:
        return len(MIGRATIONS)

    # -- writing -------------------------------------------------------------

    def has_hash(self, content_hash: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def has_doc_id(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row is not None

    def add(
        self,
        doc: Document,
        analysis: Analysis,
        sentences: Sequence[Sentence] = (),
        mentions: Sequence[Mention] = (),
        replace: bool = False,
    ) -> None:
        """Store a document and all that was read from it, in one transaction."""
        try:
            with self.conn:
                if replace:
                    self.conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
                self._insert_document(doc, analysis.published)
                self.conn.executemany(
                    'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?,?,?,?,?)',
                    [(doc.doc_id, i, s.start, s.end, s.text) for i, s in enumerate(sentences)],
                )
                self.conn.executemany(
                    'INSERT INTO mentions (doc_id, start, "end", label, text) VALUES (?,?,?,?,?)',
                    [(doc.doc_id, m.start, m.end, m.label, m.text) for m in mentions],
                )
                self._insert_facts(doc.doc_id, analysis)
        except self.errors as exc:
            raise StoreError(f"{self.path}: could not store {doc.doc_id}: {exc}") from exc

    def _insert_document(self, doc: Document, published: DateRef | None) -> None:
        self.conn.execute(
            "INSERT INTO documents (doc_id, source, content_hash, kind, url, title, "
            "published_meta, published_date, published_precision, published_evidence, "
            "original, text, offsets, ingested_at, outlet) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                doc.doc_id,
                doc.source_path,
                doc.content_hash,
                doc.kind,
                doc.url,
                doc.title,
                doc.published_meta,
                published.date if published else None,
                published.precision if published else None,
                published.evidence if published else None,
                doc.original,
                doc.text,
                json.dumps(doc.offsets),
                datetime.now(UTC).isoformat(timespec="seconds"),
                doc.outlet,
            ),
        )

    def _insert_facts(self, doc_id: str, a: Analysis) -> None:
        c = self.conn
        people: dict[str, Person] = {}  # one row a name: the first person of that name
        for p in a.persons:
            people.setdefault(p.name, p)
        c.executemany(
            "INSERT INTO persons (doc_id, idx, name, role, affiliation, state, start, "
            '"end", sentence) VALUES (?,?,?,?,?,?,?,?,?)',
            [
                (doc_id, i, p.name, p.role, p.affiliation, p.state, *_first(p.mentions))
                for i, p in enumerate(people.values())
            ],
        )
        c.executemany(
            'INSERT INTO person_mentions (doc_id, name, n, start, "end", sentence) '
            "VALUES (?,?,?,?,?,?)",
            [
                (doc_id, p.name, n, pv.start, pv.end, pv.sentence)
                for p in people.values()
                for n, pv in enumerate(p.mentions)
            ],
        )
        c.executemany(
            'INSERT INTO quotes (doc_id, idx, text, speaker, speaker_kind, start, "end", '
            "sentence) VALUES (?,?,?,?,?,?,?,?)",
            [
                (doc_id, i, q.text, q.speaker, q.speaker_kind, *_span(q.provenance))
                for i, q in enumerate(a.quotes)
            ],
        )
        c.executemany(
            'INSERT INTO figures (doc_id, idx, value, unit, year, measure, text, start, "end", '
            "sentence) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (doc_id, i, f.value + 0.0, f.unit, f.year, f.measure, f.text, *_span(f.provenance))
                for i, f in enumerate(a.figures)
            ],
        )
        c.executemany(
            "INSERT INTO events (doc_id, idx, event_id, type, mode, source, target, status, "
            "date, precision, date_evidence, score, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    i,
                    e.event_id,
                    e.type,
                    e.mode,
                    e.source,
                    e.target,
                    e.status,
                    e.date.date if e.date else None,
                    e.date.precision if e.date else None,
                    e.date.evidence if e.date else None,
                    e.score + 0.0,  # -0.0 is 0.0, as SQLite stores it
                    e.text,
                )
                for i, e in enumerate(a.events)
            ],
        )
        c.executemany(
            'INSERT INTO event_sentences (doc_id, event_idx, start, "end", sentence) '
            "VALUES (?,?,?,?,?)",
            [(doc_id, i, *_span(pv)) for i, e in enumerate(a.events) for pv in e.provenance],
        )

    # -- reading -------------------------------------------------------------

    def doc_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM documents ORDER BY doc_id")]

    def document(self, doc_id: str) -> Document:
        row = self.conn.execute(
            "SELECT doc_id, source, content_hash, original, text, title, url, published_meta, "
            "offsets, kind, outlet FROM documents WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no document {doc_id!r}")
        offsets = tuple((int(a), int(b)) for a, b in json.loads(row[8]))
        doc_id, source, content_hash, original, text, title, url, published_meta = row[:8]
        return Document(
            doc_id,
            source,
            content_hash,
            original,
            text,
            title,
            url,
            published_meta,
            offsets,
            row[9],
            row[10],
        )

    def analysis(self, doc_id: str) -> Analysis:
        found = self._analyses([doc_id]).get(doc_id)
        if found is None:
            raise StoreError(f"{self.path}: no document {doc_id!r}")
        return found

    def analyses(self) -> Iterator[Analysis]:
        """Every document's analysis in document order, read ``ANALYSES_BATCH`` documents a
        query (a server store pays a round trip per query)."""
        ids = self.doc_ids()
        for i in range(0, len(ids), ANALYSES_BATCH):
            chunk = ids[i : i + ANALYSES_BATCH]
            found = self._analyses(chunk)
            yield from (found[d] for d in chunk if d in found)

    def _analyses(self, doc_ids: Sequence[str]) -> dict[str, Analysis]:
        """The analyses of the given documents that are stored, by id."""
        c = self.conn
        where = f"doc_id IN ({','.join('?' * len(doc_ids))})"
        args = tuple(doc_ids)
        published: dict[str, DateRef | None] = {
            d: DateRef(date, precision, evidence or "") if date else None
            for d, date, precision, evidence in c.execute(
                "SELECT doc_id, published_date, published_precision, published_evidence "
                f"FROM documents WHERE {where}",
                args,
            )
        }
        said: dict[tuple[str, str], list[Provenance]] = {}
        for d, name, start, end, sent in c.execute(
            'SELECT doc_id, name, start, "end", sentence FROM person_mentions '
            f"WHERE {where} ORDER BY doc_id, name, n",
            args,
        ):
            said.setdefault((d, name), []).append(Provenance(d, start, end, sent))
        persons: dict[str, list[Person]] = {}
        for d, name, role, aff, state in c.execute(
            "SELECT doc_id, name, role, affiliation, state FROM persons "
            f"WHERE {where} ORDER BY doc_id, idx, start",
            args,
        ):
            mentions = tuple(said.get((d, name), ()))
            persons.setdefault(d, []).append(Person(name, role, aff, state, mentions))
        quotes: dict[str, list[Quote]] = {}
        for d, text, speaker, kind, start, end, sent in c.execute(
            'SELECT doc_id, text, speaker, speaker_kind, start, "end", sentence FROM quotes '
            f"WHERE {where} ORDER BY doc_id, idx",
            args,
        ):
            quotes.setdefault(d, []).append(
                Quote(text, speaker, Provenance(d, start, end, sent), kind)
            )
        figures: dict[str, list[Figure]] = {}
        for d, value, unit, year, measure, text, start, end, sent in c.execute(
            'SELECT doc_id, value, unit, year, measure, text, start, "end", sentence '
            f"FROM figures WHERE {where} ORDER BY doc_id, idx",
            args,
        ):
            figures.setdefault(d, []).append(
                Figure(value, unit, text, Provenance(d, start, end, sent), year, measure)
            )
        events = self._events(where, args)
        return {
            d: Analysis(
                d,
                pub,
                tuple(persons.get(d, ())),
                tuple(quotes.get(d, ())),
                tuple(figures.get(d, ())),
                tuple(events.get(d, ())),
            )
            for d, pub in published.items()
        }

    def _events(self, where: str, args: tuple[str, ...]) -> dict[str, list[Event]]:
        sentences: dict[tuple[str, int], list[Provenance]] = {}
        for d, idx, s, e, sent in self.conn.execute(
            'SELECT doc_id, event_idx, start, "end", sentence FROM event_sentences '
            f"WHERE {where} ORDER BY doc_id, event_idx, start",
            args,
        ):
            sentences.setdefault((d, idx), []).append(Provenance(d, s, e, sent))
        out: dict[str, list[Event]] = {}
        for row in self.conn.execute(
            "SELECT doc_id, idx, type, mode, source, target, status, date, precision, "
            f"date_evidence, score, text FROM events WHERE {where} ORDER BY doc_id, idx",
            args,
        ):
            d, idx, typ, mode, src, tgt, status, date, precision, evidence, score, text = row
            provenance = tuple(sentences.get((d, idx), ()))
            when = DateRef(date, precision, evidence or "") if date else None
            out.setdefault(d, []).append(
                Event(typ, src, tgt, status, when, text, provenance, mode, score)
            )
        return out

    def unmerged_doc_ids(self) -> list[str]:
        """Documents stored with events that are not yet merged into the timeline (the
        process that stored them stopped before merging): the next ingest merges them."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.doc_id FROM events e LEFT JOIN event_features f "
            "ON f.doc_id = e.doc_id AND f.event_idx = e.idx WHERE f.doc_id IS NULL "
            "ORDER BY e.doc_id"
        )
        return [r[0] for r in rows]

    def event_blocks(self, doc_id: str) -> set[tuple[str, str, str, str]]:
        """The timeline blocks (pair, type, year) of a document's events (see store.entries)."""
        return entries.doc_blocks(self.conn, doc_id)

    def entry_ids(self, doc_id: str) -> dict[int, str]:
        """The timeline entry of each of a document's events, by the event's index."""
        return entries.doc_entry_ids(self.conn, doc_id)

    def stats(self) -> dict[str, int]:
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in STAT_TABLES
        }


def _first(mentions: Sequence[Provenance]) -> tuple[int | None, int | None, str | None]:
    """The first mention's span and sentence (the persons table keeps it for browsing)."""
    if not mentions:
        return (None, None, None)
    return _span(mentions[0])


def _span(pv: Provenance) -> tuple[int, int, str]:
    return (pv.start, pv.end, pv.sentence)
