"""The PostgreSQL store: the same tables, migrations and SQL as SQLite, on a shared server.

Many processes (``dyad ingest`` on several machines, a Dask cluster's workers) may write one
database. Every write transaction first takes one advisory lock, so writes follow each other as
in SQLite (one writer at a time, readers never blocked): a document and its timeline merge see
every document committed before them, and the timeline is the same as a serial run's. A
process killed mid-transaction leaves nothing: the server rolls it back.

``PgConnection`` gives dyad's SQL (written for SQLite) the ``sqlite3`` shape it expects:
``?`` placeholders, ``with conn:`` as one transaction, ``group_concat``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

import psycopg

from dyad.errors import StoreError
from dyad.store.base import Dialect
from dyad.store.rows import RowStore
from dyad.store.schema import MIGRATIONS, postgres_script

log = logging.getLogger(__name__)

WRITE_LOCK = 0x64796164  # "dyad": the advisory lock every write transaction holds
CONNECT_TIMEOUT_S = 10


# SQLite's functions dyad uses, as PostgreSQL's (the arguments hold no parentheses)
_FUNCTIONS = (
    (re.compile(r"group_concat\(([^,()]+),\s*char\(10\)\)"), r"string_agg(\1, E'\\n')"),
    (re.compile(r"json_group_array\(([^()]+)\)"), r"CAST(json_agg(\1) AS TEXT)"),
    (re.compile(r"\binstr\("), "strpos("),
)


def translate(sql: str) -> str:
    """SQLite's SQL as dyad writes it, in PostgreSQL's: ``?`` becomes ``%s`` outside quotes,
    ``%`` is escaped for the driver, and the few SQLite functions used are PostgreSQL's."""
    for pattern, replacement in _FUNCTIONS:
        sql = pattern.sub(replacement, sql)
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


class PgConnection:
    """A psycopg connection (autocommit: a read outside ``with`` is its own transaction)
    behaving as dyad's ``Connection``; ``with conn:`` nests as one transaction."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw
        self._sql: dict[str, str] = {}
        self._tx: list[AbstractContextManager[Any]] = []

    def _translated(self, sql: str) -> str:
        found = self._sql.get(sql)
        if found is None:
            found = self._sql[sql] = translate(sql)
        return found

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> psycopg.Cursor[Any]:
        return self.raw.execute(self._translated(sql), tuple(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> psycopg.Cursor[Any]:
        cur = self.raw.cursor()
        rows = [tuple(p) for p in parameters]
        if rows:
            cur.executemany(self._translated(sql), rows)
        return cur

    @property
    def in_transaction(self) -> bool:
        return bool(self._tx)

    def __enter__(self) -> PgConnection:
        if not self._tx:
            tx = self.raw.transaction()
            tx.__enter__()
            self._tx.append(tx)
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        else:
            self._tx.append(self._tx[0])
        return self

    def __exit__(self, *exc: Any) -> None:
        tx = self._tx.pop()
        if not self._tx:
            tx.__exit__(*exc)

    def close(self) -> None:
        self.raw.close()


class PostgresStore(RowStore):
    """dyad's database on a PostgreSQL server. Use ``open_store("postgresql://...")``."""

    dialect: Dialect = "postgresql"
    errors: tuple[type[Exception], ...] = (psycopg.Error,)
    conn: PgConnection

    def __init__(self, conn: PgConnection, path: str) -> None:
        super().__init__(conn, path)
        self.conn = conn

    def __enter__(self) -> PostgresStore:
        return self

    def schema_version(self) -> int:
        exists = self.conn.execute("SELECT to_regclass('dyad_schema') IS NOT NULL").fetchone()
        if not (exists and exists[0]):
            return 0
        row = self.conn.execute("SELECT max(version) FROM dyad_schema").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self) -> int:
        """Apply the migrations not yet applied (under the write lock, so two processes
        opening a new database apply each once); returns the schema version."""
        try:
            with self.conn:
                version = self.schema_version()
                if version == 0:
                    self.conn.raw.execute("CREATE TABLE dyad_schema (version BIGINT NOT NULL)")
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    self.conn.raw.execute(postgres_script(number, script).encode())
                    self.conn.raw.execute(
                        "INSERT INTO dyad_schema (version) VALUES (%s)", (number,)
                    )
                    log.info("%s: schema migrated to version %d", self.path, number)
        except psycopg.Error as exc:
            raise StoreError(f"{self.path}: migration failed: {exc}") from exc
        return len(MIGRATIONS)


def shown_url(url: str) -> str:
    """The URL without its password (for messages)."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", url)


def open_postgres(url: str, *, readonly: bool = False) -> PostgresStore:
    """Connect to the PostgreSQL database ``url`` and bring its schema up to date; with
    ``readonly``, a session that cannot write (the web server's) and migrates nothing."""
    shown = shown_url(url)
    options = "-c default_transaction_read_only=on" if readonly else ""
    try:
        raw = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, options=options
        )
    except psycopg.Error as exc:
        raise StoreError(f"{shown}: cannot open the database: {exc}") from exc
    store = PostgresStore(PgConnection(raw), shown)
    if readonly:
        return store
    try:
        store.migrate()
    except StoreError:
        store.close()
        raise
    return store
