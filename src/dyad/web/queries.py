"""The timeline queries the API answers from, as a Protocol the app depends on.

``dyad.timeline.query`` provides them; the app reaches it through ``default_queries`` (a
FastAPI dependency), so a test can put another implementation in its place
(``app.dependency_overrides[default_queries]``).
"""

from __future__ import annotations

from typing import Literal, Protocol

from dyad.store.base import Store
from dyad.timeline.model import DyadSummary, IndexPoint, TimelineEntry, TimelineFilter

Period = Literal["month", "quarter", "year"]


class Queries(Protocol):
    """The five functions of ``dyad.timeline.query`` the API calls (each parameter typed as
    narrowly as the API passes it, so the library's own signatures satisfy it)."""

    def list_dyads(self, store: Store) -> list[DyadSummary]: ...

    def timeline(self, store: Store, where: TimelineFilter) -> list[TimelineEntry]: ...

    def entry(self, store: Store, entry_id: str) -> TimelineEntry | None: ...

    def index_series(
        self, store: Store, a: str, b: str, *, by: Period = "month"
    ) -> list[IndexPoint]: ...

    def state_code(self, name_or_code: str) -> str: ...


def default_queries() -> Queries:
    """The library's timeline queries (``dyad.timeline.query``)."""
    from dyad.timeline import query

    return query
