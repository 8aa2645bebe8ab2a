"""dyad: a sourced, dated, queryable record of relations between states, read from news.

import dyad
with dyad.open_store("dyad.db") as store:
    report = dyad.ingest(["articles/"], store)
    for analysis in store.analyses():
        print(analysis.doc_id, analysis.published, len(analysis.events))
"""

from __future__ import annotations

from dyad.errors import DyadError, IngestError, StoreError
from dyad.models import Analysis, DateRef, Document, Event, Figure, Person, Provenance, Quote
from dyad.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "DateRef",
    "Document",
    "DyadError",
    "Event",
    "Figure",
    "IngestError",
    "Person",
    "Provenance",
    "Quote",
    "Settings",
    "StoreError",
    "__version__",
    "ingest",
    "open_store",
]


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it only when asked for.
    if name == "ingest":
        from dyad.pipeline import ingest

        return ingest
    if name == "open_store":
        from dyad.store.sqlite import open_store

        return open_store
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
