"""The SQLite store: one file, one transaction per document, so nothing half-written is left."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dyad.errors import StoreError
from dyad.store.base import Dialect, Mention, Sentence
from dyad.store.rows import RowStore
from dyad.store.schema import MIGRATIONS

__all__ = [
    "BUSY_TIMEOUT_S",
    "MMAP_BYTES",
    "Mention",
    "SQLiteStore",
    "Sentence",
    "map_file",
    "open_sqlite",
    "open_store",
]

BUSY_TIMEOUT_S = 60.0
# Reads go through a memory map of the file (up to this many bytes; SQLite caps it at its
# build's limit, 2 GB in the default one): a page the OS already caches is read in place, not
# copied into the connection's 2 MB page cache. A pair's timeline reads a few thousand pages
# scattered over the file; mapped, the whole timeline of a pair of the 1,000,000-event store
# of bench/stores.md costs a fifth less CPU (p50 11.3 ms against 14.5). Writes are not mapped.
MMAP_BYTES = 2**31


def map_file(conn: sqlite3.Connection) -> None:
    """Let ``conn`` read the database file through a memory map (``MMAP_BYTES``)."""
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


class SQLiteStore(RowStore):
    """dyad's database in a SQLite file. Use ``open_store(path)``; also a context manager."""

    dialect: Dialect = "sqlite"
    errors: tuple[type[Exception], ...] = (sqlite3.Error,)
    conn: sqlite3.Connection

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        super().__init__(conn, path)
        self.conn = conn

    def __enter__(self) -> SQLiteStore:
        return self

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> int:
        """Apply the migrations not yet applied; returns the schema version."""
        version = self.schema_version()
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                with self.conn:
                    self.conn.executescript(f"BEGIN; {script} PRAGMA user_version = {number};")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.rollback()
                if self.schema_version() >= number:  # another process applied it meanwhile
                    continue
                raise StoreError(f"{self.path}: migration {number} failed: {exc}") from exc
        return len(MIGRATIONS)


def open_sqlite(path: str | Path) -> SQLiteStore:
    """Open (creating and migrating as needed) the SQLite database at ``path``."""
    path = str(path)
    try:
        parent = Path(path).parent
        if path != ":memory:" and not parent.exists():
            parent.mkdir(parents=True, exist_ok=True)
        # Several processes may write one file: WAL lets readers go on, and a writer waits
        # up to BUSY_TIMEOUT_S seconds for another's transaction instead of failing at once.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA foreign_keys = ON")
        if path != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            map_file(conn)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    store = SQLiteStore(conn, path)
    store.migrate()
    return store


open_store = open_sqlite  # a path, never a URL (``dyad.store.open_store`` takes either)
