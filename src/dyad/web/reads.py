"""What the API reads from the store besides the timeline: a document with its facts, quotes,
persons and full-text search over sentences. Every value from a request is a bound parameter."""

from __future__ import annotations

import json
import re

from dyad.errors import StoreError
from dyad.store.base import Store
from dyad.timeline.outlet import host_of
from dyad.web.schemas import (
    DocumentOut,
    PersonOut,
    QuoteOut,
    SearchHit,
    document_out,
)

MAX_SEARCH_TERMS = 16
_WORD = re.compile(r"\w+\*?")


def document(store: Store, doc_id: str) -> DocumentOut | None:
    """A document's text and every fact read from it, or None when it is not stored."""
    if not store.has_doc_id(doc_id):
        return None
    try:
        doc = store.document(doc_id)
        analysis = store.analysis(doc_id)
    except StoreError:  # removed between the two reads
        return None
    row = store.conn.execute("SELECT outlet FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    outlet = row[0] if row and row[0] else host_of(doc.url)
    return document_out(doc, analysis, outlet)


def quotes(
    store: Store, speaker: str | None, doc_id: str | None, limit: int, offset: int
) -> list[QuoteOut]:
    """Quotes whose speaker's name contains ``speaker`` (any case), newest article first;
    every quote when ``speaker`` is None; with ``doc_id``, that document's only."""
    sql = (
        "SELECT q.doc_id, d.title, d.published_date, q.text, q.speaker, q.speaker_kind, q.start, "
        'q."end", q.sentence FROM quotes q JOIN documents d ON d.doc_id = q.doc_id WHERE 1 = 1'
    )
    params: list[object] = []
    if speaker:
        sql += " AND instr(lower(q.speaker), lower(?)) > 0"
        params.append(speaker)
    if doc_id is not None:
        sql += " AND q.doc_id = ?"
        params.append(doc_id)
    sql += " ORDER BY d.published_date DESC NULLS LAST, q.doc_id, q.idx LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [
        QuoteOut(
            doc_id=r[0],
            title=r[1],
            published=r[2],
            text=r[3],
            speaker=r[4],
            speaker_kind=r[5],
            start=r[6],
            end=r[7],
            sentence=r[8],
        )
        for r in store.conn.execute(sql, params)
    ]


def persons(store: Store, name: str | None, limit: int, offset: int) -> list[PersonOut]:
    """The persons named in the store (one row per name over all documents) with their roles,
    states and counts of documents and quotes; those quoted most first."""
    sql = (
        "SELECT p.name, json_group_array(DISTINCT p.role), json_group_array(DISTINCT p.state), "
        "COUNT(DISTINCT p.doc_id), "
        "(SELECT COUNT(*) FROM quotes q WHERE q.speaker = p.name) AS n_quotes "
        "FROM persons p"
    )
    params: list[object] = []
    if name:
        sql += " WHERE instr(lower(p.name), lower(?)) > 0"
        params.append(name)
    sql += " GROUP BY p.name ORDER BY n_quotes DESC, COUNT(DISTINCT p.doc_id) DESC, p.name"
    sql += " LIMIT ? OFFSET ?"
    params += [limit, offset]
    out = []
    for name_, roles, states, docs, n_quotes in store.conn.execute(sql, params):
        out.append(
            PersonOut(
                name=name_,
                roles=_present(roles),
                states=_present(states),
                documents=docs,
                quotes=n_quotes,
            )
        )
    return out


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query that cannot be malformed: each word a quoted phrase
    (a trailing ``*`` kept as a prefix search), all required. None when there is no word."""
    terms = []
    for word in _WORD.findall(text)[:MAX_SEARCH_TERMS]:
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def search(store: Store, text: str, limit: int, offset: int) -> list[SearchHit]:
    """Sentences that contain every word of ``text`` (case and accents ignored), best first."""
    if store.dialect == "postgresql":
        return _search_postgres(store, text, limit, offset)
    query = fts_query(text)
    if query is None:
        return []
    rows = store.conn.execute(
        'SELECT s.doc_id, d.title, d.published_date, s.text, s.start, s."end" '
        "FROM sentences_fts f "
        "JOIN sentences s ON s.doc_id = f.doc_id AND s.idx = f.idx "
        "JOIN documents d ON d.doc_id = s.doc_id "
        "WHERE sentences_fts MATCH ? ORDER BY f.rank, s.doc_id, s.idx LIMIT ? OFFSET ?",
        (query, limit, offset),
    )
    return [
        SearchHit(doc_id=r[0], title=r[1], published=r[2], sentence=r[3], start=r[4], end=r[5])
        for r in rows
    ]


def _search_postgres(store: Store, text: str, limit: int, offset: int) -> list[SearchHit]:
    """``search`` on PostgreSQL: its full-text index on sentences (migration 5), each word a
    lexeme (``word*`` a prefix), all required; best ``ts_rank`` first. Unlike FTS5 it does
    not fold accents."""
    terms = []
    for word in _WORD.findall(text)[:MAX_SEARCH_TERMS]:
        prefix = word.endswith("*")
        word = word.rstrip("*").lower()
        if word:
            terms.append(f"'{word}'" + (":*" if prefix else ""))
    if not terms:
        return []
    rows = store.conn.execute(
        'SELECT s.doc_id, d.title, d.published_date, s.text, s.start, s."end" '
        "FROM sentences s JOIN documents d ON d.doc_id = s.doc_id, "
        "to_tsquery('simple', ?) q WHERE to_tsvector('simple', s.text) @@ q "
        "ORDER BY ts_rank(to_tsvector('simple', s.text), q) DESC, s.doc_id, s.idx "
        "LIMIT ? OFFSET ?",
        (" & ".join(terms), limit, offset),
    )
    return [
        SearchHit(doc_id=r[0], title=r[1], published=r[2], sentence=r[3], start=r[4], end=r[5])
        for r in rows
    ]


def _present(json_array: str) -> list[str]:
    return sorted(v for v in json.loads(json_array) if v)
