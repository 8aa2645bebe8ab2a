"""dyad: a sourced, dated, queryable record of relations between states, read from news.

import dyad
with dyad.open_store("dyad.db") as store:
    report = dyad.ingest(["articles/"], store)
    for analysis in store.analyses():
        print(analysis.doc_id, analysis.published, len(analysis.events))

analysis = dyad.analyse_text("Norway and Chile signed a trade agreement on Monday. ...",
                             published="2022-03-07")  # no store: an Analysis in memory
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError, IngestError, StoreError
from dyad.models import Analysis, DateRef, Document, Event, Figure, Person, Provenance, Quote
from dyad.settings import Settings

if TYPE_CHECKING:  # what the lazy attributes below are, for type checkers
    from dyad.pipeline import analyse_text as analyse_text
    from dyad.pipeline import ingest as ingest
    from dyad.store import open_store as open_store

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
    "analyse_text",
    "ingest",
    "open_store",
]


def __getattr__(name: str) -> object:
    # The pipeline pulls in spaCy; import it only when asked for.
    if name == "analyse_text":
        from dyad.pipeline import analyse_text

        return analyse_text
    if name == "open_store":
        from dyad.store import open_store

        return open_store
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")


class _DyadModule(types.ModuleType):
    """``dyad.ingest`` is the function, though a package of that name exists: importing
    ``dyad.ingest.reader`` would otherwise make the attribute the package."""

    @property
    def ingest(self) -> Any:
        from dyad.pipeline import ingest

        return ingest

    @ingest.setter
    def ingest(self, value: object) -> None:
        pass  # the import system setting the subpackage; it stays in sys.modules


sys.modules[__name__].__class__ = _DyadModule
