"""What dyad asks of a database: the ``Store`` protocol, and ``open_store(url)`` choosing one.

Two stores implement it: ``SQLiteStore`` (``store/sqlite.py``, the default: a file) and
``PostgresStore`` (``store/postgres.py``: a server shared by many processes or machines).
The timeline (``dyad.timeline``, ``store/entries.py``) and the web's reads run their SQL on
``store.conn``: a DB-API-like ``Connection`` taking SQLite's ``?`` placeholders, whose
``with conn:`` is one transaction (commit, or rollback on an exception). The PostgreSQL store's
connection translates that SQL (``store/dialect.py``); both stores run the same migrations
(``store/schema.py``).

A URL chooses the store: ``dyad.db`` or ``sqlite:///path/dyad.db`` (``sqlite:///:memory:``)
is a SQLite file, ``postgresql://user@host:port/db`` (or ``postgres://``) a PostgreSQL
database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from dyad.models import Analysis, Document

Dialect = Literal["sqlite", "postgresql"]
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    text: str


class Cursor(Protocol):
    """The rows of one statement."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of ``sqlite3.Connection`` dyad's SQL uses (``?`` placeholders)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...

    def __enter__(self) -> Any: ...

    def __exit__(self, *exc: Any) -> Any: ...

    def close(self) -> None: ...


@runtime_checkable
class Store(Protocol):
    """dyad's database: documents with what was read from them, and the timeline entries.

    ``add`` stores a document in one transaction; reading back (``document``, ``analysis``)
    gives what was stored, field for field.
    """

    path: str  # the file or URL it was opened on (without a password)
    dialect: Dialect
    errors: tuple[type[Exception], ...]  # what the driver raises (wrapped as StoreError)

    @property
    def conn(self) -> Connection: ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def migrate(self) -> int: ...

    def schema_version(self) -> int: ...

    def has_hash(self, content_hash: str) -> bool: ...

    def has_doc_id(self, doc_id: str) -> bool: ...

    def add(
        self,
        doc: Document,
        analysis: Analysis,
        sentences: Sequence[Sentence] = (),
        mentions: Sequence[Mention] = (),
        replace: bool = False,
    ) -> None: ...

    def doc_ids(self) -> list[str]: ...

    def document(self, doc_id: str) -> Document: ...

    def analysis(self, doc_id: str) -> Analysis: ...

    def analyses(self) -> Iterator[Analysis]: ...

    def unmerged_doc_ids(self) -> list[str]: ...

    def event_blocks(self, doc_id: str) -> set[tuple[str, str, str, str]]: ...

    def entry_ids(self, doc_id: str) -> dict[int, str]: ...

    def stats(self) -> dict[str, int]: ...


def is_postgres_url(url: str | Path) -> bool:
    return str(url).startswith(POSTGRES_SCHEMES)


def sqlite_path(url: str | Path) -> str:
    """The file a SQLite URL or plain path names (``sqlite:///a.db`` is ``a.db``,
    ``sqlite:////tmp/a.db`` is ``/tmp/a.db``)."""
    text = str(url)
    if text.startswith("sqlite://"):
        rest = text[len("sqlite://") :]
        return rest[1:] if rest.startswith("/") else rest
    return text


def database_exists(url: str | Path) -> bool:
    """Whether ``url`` can name an existing database without opening it: a SQLite file must
    exist; a PostgreSQL URL is taken to (connecting tells)."""
    return is_postgres_url(url) or Path(sqlite_path(url)).exists()


def open_store(url: str | Path) -> Store:
    """Open (creating and migrating as needed) the store ``url`` names."""
    if is_postgres_url(url):
        from dyad.store.postgres import open_postgres

        return open_postgres(str(url))
    from dyad.store.sqlite import open_sqlite

    return open_sqlite(sqlite_path(url))
