"""store: dyad's database behind one ``Store`` protocol (SQLite or PostgreSQL, by URL)."""

from dyad.store.base import Store, open_store

__all__ = ["Store", "open_store"]
