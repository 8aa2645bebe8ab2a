"""The web server's database access: read-only connections, one per request.

SQLite opens the file with ``mode=ro`` (URI) and ``PRAGMA query_only``; PostgreSQL opens a
session with ``default_transaction_read_only``: no request can write, whatever it sends. The
schema must already be current (``dyad ingest`` or ``dyad serve`` migrate it before the server
starts); a read-only connection never migrates.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from dyad.errors import StoreError
from dyad.store.base import Store, database_exists, is_postgres_url
from dyad.store.schema import MIGRATIONS
from dyad.store.sqlite import SQLiteStore, map_file

log = logging.getLogger(__name__)


def database_uri(path: str | Path) -> str:
    """The ``file:`` URI that opens ``path`` read-only (the path percent-encoded)."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def schema_version(path: str | Path) -> int:
    """The schema version (``PRAGMA user_version``) of the database at ``path``."""
    if is_postgres_url(path):
        with open_readonly(path) as store:
            try:
                return store.schema_version()
            except store.errors as exc:
                raise StoreError(f"{store.path}: not a dyad database: {exc}") from exc
    conn = _connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: not a dyad database: {exc}") from exc
    finally:
        conn.close()


def check_database(path: str | Path) -> None:
    """Raise ``StoreError`` unless ``path`` is a dyad database at the current schema."""
    if not database_exists(path) or not (is_postgres_url(path) or Path(path).is_file()):
        raise StoreError(f"{path}: no such database; run `dyad ingest PATH --db {path}` first")
    version = schema_version(path)
    if version != len(MIGRATIONS):
        raise StoreError(
            f"{path}: database schema is version {version}, this dyad reads {len(MIGRATIONS)}; "
            "open it once with a writing command (`dyad stats`) to migrate it"
        )


def open_readonly(path: str | Path) -> Store:
    """A store on ``path`` (a SQLite file or a PostgreSQL URL) that cannot write. The
    connection may be used from another thread than the one that opened it (FastAPI runs
    dependencies and handlers in a pool), never from two at once."""
    if is_postgres_url(path):
        from dyad.store.postgres import open_postgres

        return open_postgres(str(path), readonly=True)
    conn = _connect(path)
    try:
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        map_file(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot read the database: {exc}") from exc
    return SQLiteStore(conn, str(path))


def _connect(path: str | Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(database_uri(path), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database read-only: {exc}") from exc
