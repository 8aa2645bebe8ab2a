"""The database schema, as numbered migrations, one list for every store.

SQLite records the last applied in ``PRAGMA user_version``, PostgreSQL in ``dyad_schema``.
The scripts are SQLite's SQL; ``postgres_script`` gives PostgreSQL's: the same tables with its
types (``BIGINT``, ``DOUBLE PRECISION``, text compared byte by byte as SQLite does, so every
``ORDER BY`` agrees), and its own full-text index where SQLite has FTS5 (``POSTGRES_ONLY``).

Tables are plain and denormalised enough that `datasette dyad.db` can browse them as they are:
each fact row carries its document id, its character span in the cleaned text and its sentence.
"""

from __future__ import annotations

import re

from dyad.store.entries import SOURCE_COLUMNS, SOURCE_FROM, SOURCE_VALUES

MIGRATIONS: tuple[str, ...] = (
    # 1: documents and the parse
    """
    CREATE TABLE documents (
        doc_id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        url TEXT,
        title TEXT,
        published_meta TEXT,
        published_date TEXT,
        published_precision TEXT,
        published_evidence TEXT,
        original TEXT NOT NULL,
        text TEXT NOT NULL,
        offsets TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE sentences (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    """,
    # 2: extracted facts
    """
    CREATE TABLE persons (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT,
        affiliation TEXT,
        state TEXT,
        start INTEGER,
        "end" INTEGER,
        sentence TEXT,
        PRIMARY KEY (doc_id, name)
    );
    CREATE TABLE quotes (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_kind TEXT,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE figures (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        year INTEGER,
        measure TEXT,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        status TEXT NOT NULL,
        date TEXT,
        precision TEXT,
        score REAL NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE INDEX events_pair ON events(source, target);
    CREATE TABLE event_sentences (
        doc_id TEXT NOT NULL,
        event_idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        FOREIGN KEY (doc_id, event_idx) REFERENCES events(doc_id, idx) ON DELETE CASCADE
    );
    """,
    # 3: the relationship record: timeline entries merged across documents (dyad.timeline)
    """
    ALTER TABLE documents ADD COLUMN outlet TEXT;
    CREATE INDEX events_block ON events(type, source, target, date);
    CREATE TABLE entries (
        entry_id TEXT PRIMARY KEY,
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        type TEXT NOT NULL,
        year TEXT NOT NULL,
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        date TEXT,
        precision TEXT,
        sort_key TEXT NOT NULL,
        status TEXT NOT NULL,
        mode TEXT,
        score REAL NOT NULL,
        sources INTEGER NOT NULL,
        documents INTEGER NOT NULL,
        best_doc TEXT NOT NULL,
        best_idx INTEGER NOT NULL
    );
    CREATE INDEX entries_pair ON entries(a, b, sort_key);
    CREATE INDEX entries_block ON entries(a, b, type, year);
    CREATE TABLE entry_events (
        entry_id TEXT NOT NULL REFERENCES entries(entry_id) ON DELETE CASCADE,
        doc_id TEXT NOT NULL,
        event_idx INTEGER NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (doc_id, event_idx),
        FOREIGN KEY (doc_id, event_idx) REFERENCES events(doc_id, idx) ON DELETE CASCADE
    );
    CREATE INDEX entry_events_entry ON entry_events(entry_id, rank);
    CREATE TABLE entry_aliases (
        alias TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL
    );
    CREATE INDEX event_sentences_event ON event_sentences(doc_id, event_idx);
    """,
    # 4: what merging reads of each event, computed once when its document is merged
    """
    CREATE TABLE event_features (
        doc_id TEXT NOT NULL,
        event_idx INTEGER NOT NULL,
        default_dated INTEGER NOT NULL,
        names TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_idx),
        FOREIGN KEY (doc_id, event_idx) REFERENCES events(doc_id, idx) ON DELETE CASCADE
    );
    """,
    # 5: full-text search over sentences (the web page's search box). A copy of each sentence
    # with its document and index, kept in step by triggers: sentences are only ever removed
    # with their document.
    """
    CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, doc_id UNINDEXED, idx UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO sentences_fts (text, doc_id, idx) SELECT text, doc_id, idx FROM sentences;
    CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
        INSERT INTO sentences_fts (text, doc_id, idx) VALUES (new.text, new.doc_id, new.idx);
    END;
    CREATE TRIGGER sentences_fts_delete AFTER DELETE ON documents BEGIN
        DELETE FROM sentences_fts WHERE doc_id = old.doc_id;
    END;
    """,
    # 6: every read path indexed and sort-free per document (tests/test_query_plans.py):
    # a document's persons in text order, its events' sentences, and a pair's timeline (ties
    # of a day broken by type and id) in order without a sort;
    # the quotes of a speaker (the web's persons list counted them by a scan per name).
    """
    CREATE INDEX persons_doc_start ON persons(doc_id, start);
    DROP INDEX event_sentences_event;
    CREATE INDEX event_sentences_event ON event_sentences(doc_id, event_idx, start);
    CREATE INDEX quotes_speaker ON quotes(speaker);
    DROP INDEX entries_pair;
    CREATE INDEX entries_pair ON entries(a, b, sort_key, type, entry_id);
    """,
    # 7: nothing read is lost on the way back: every mention of a person (not only the first)
    # and the order of persons, and the evidence of an event's date
    """
    ALTER TABLE persons ADD COLUMN idx INTEGER;
    CREATE INDEX persons_doc_idx ON persons(doc_id, idx, start);
    CREATE TABLE person_mentions (
        doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        n INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        PRIMARY KEY (doc_id, name, n)
    );
    INSERT INTO person_mentions (doc_id, name, n, start, "end", sentence)
        SELECT doc_id, name, 0, start, "end", coalesce(sentence, '') FROM persons
        WHERE start IS NOT NULL;
    ALTER TABLE events ADD COLUMN date_evidence TEXT;
    """,
    # 8: what the timeline shows of each source of an entry, in its entry_events row
    # (store/entries.py, SOURCE_COLUMNS): a pair's timeline reads two tables, not five
    """
    ALTER TABLE entry_events ADD COLUMN outlet TEXT;
    ALTER TABLE entry_events ADD COLUMN url TEXT;
    ALTER TABLE entry_events ADD COLUMN published TEXT;
    ALTER TABLE entry_events ADD COLUMN date TEXT;
    ALTER TABLE entry_events ADD COLUMN precision TEXT;
    ALTER TABLE entry_events ADD COLUMN status TEXT;
    ALTER TABLE entry_events ADD COLUMN start INTEGER;
    ALTER TABLE entry_events ADD COLUMN "end" INTEGER;
    ALTER TABLE entry_events ADD COLUMN sentence TEXT;
    """
    + f"UPDATE entry_events SET ({SOURCE_COLUMNS}) = (SELECT {SOURCE_VALUES} {SOURCE_FROM} "
    + "WHERE e.doc_id = entry_events.doc_id AND e.idx = entry_events.event_idx);",
)

# PostgreSQL's own text of a migration where SQLite's has no equivalent: full-text search over
# sentences is an expression index (``web.reads`` queries ``to_tsvector('simple', text)``).
POSTGRES_ONLY: dict[int, str] = {
    5: "CREATE INDEX sentences_fts ON sentences USING GIN (to_tsvector('simple', text));",
}

_TYPES = {"INTEGER": "BIGINT", "REAL": "DOUBLE PRECISION", "TEXT": 'TEXT COLLATE "C"'}


def postgres_script(number: int, script: str) -> str:
    """Migration ``number`` (1-based) in PostgreSQL's SQL."""
    script = POSTGRES_ONLY.get(number, script)
    return re.sub(r"\b(INTEGER|REAL|TEXT)\b", lambda m: _TYPES[m.group(1)], script)
