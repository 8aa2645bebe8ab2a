"""The relationship record's read model: what a timeline query returns.

This module is the contract between the timeline (cross-document merging, ``dyad timeline``,
``dyad index``) and its readers (the JSON API and web page, the exports). The functions that
fill these records live in ``dyad.timeline.query``::

    list_dyads(store) -> list[DyadSummary]
    timeline(store, TimelineFilter(a, b, ...)) -> list[TimelineEntry]
    entry(store, entry_id) -> TimelineEntry | None
    index_series(store, a, b, *, by="month") -> list[IndexPoint]
    state_code(name_or_code) -> str        # "China", "CHN", "chn" -> "CHN"; DyadError if unknown

``a`` and ``b`` are ISO 3166-1 alpha-3 codes (or a multilateral body's acronym); a pair is
unordered: ``TimelineFilter("RUS", "CHN")`` finds what ``TimelineFilter("CHN", "RUS")`` finds.
Dates are ISO strings written to their precision ("2023", "2023-03", "2023-03-21").
A ``TimelineFilter`` is built once from the CLI's options or the API's query parameters;
``dyad.store.entries.pair_query`` alone turns it into SQL.

An entry's ``sources`` hold one report per article (two where an article dates the event
and mentions it again without a date of its own: "they met on Thursday ... at the talks"):
the best one first (the report whose status and date are the entry's, most precisely dated),
then the others in the order their articles were published. ``entry(store, id)`` also
finds an entry by an id it had before an older article merged into it (ids are kept as
aliases).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# TimelineFilter lives in dyad.models (the store reads it: store -> models) and is the
# timeline's contract all the same.
from dyad.models import Precision, Status
from dyad.models import TimelineFilter as TimelineFilter


@dataclass(frozen=True)
class EntrySource:
    """One article's report of a timeline entry, with the sentence it came from."""

    doc_id: str
    outlet: str | None  # from metadata, else the URL's host, else None
    url: str | None
    published: str | None  # the article's publication date, ISO, to its precision
    sentence: str
    start: int  # character offsets of the sentence in the document's cleaned text
    end: int
    date: str | None  # the date this article gives the event, to its own precision
    precision: Precision | None
    status: Status  # what this article says: occurred, planned, denied or reported


@dataclass(frozen=True)
class TimelineEntry:
    """One real event between two states, merged over every article that reports it."""

    id: str  # stable: the same entry keeps its id as articles are added
    date: str | None  # the most precise date the sources agree on
    precision: Precision | None
    type: str  # PLOVER type
    source: str  # acting state (code)
    target: str  # state acted on (code)
    status: Status  # follows the evidence in time: a later "occurred" beats a "planned"
    mode: str | None
    score: float  # PLOVER cooperation (+) / conflict (-) score
    sources: tuple[EntrySource, ...] = field(default=())

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct outlets that reported the entry, in the order of its sources."""
        seen: dict[str, None] = {}
        for s in self.sources:
            if s.outlet:
                seen.setdefault(s.outlet, None)
        return tuple(seen)


@dataclass(frozen=True)
class DyadSummary:
    """A pair of states in the store: how many timeline entries, over which dates."""

    a: str  # the pair in code order: a < b
    b: str
    entries: int
    documents: int
    first: str | None
    last: str | None


@dataclass(frozen=True)
class IndexPoint:
    """One period of the cooperation-conflict index: each timeline entry counted once."""

    period: str  # "2023-03" (month), "2023-Q1" (quarter) or "2023" (year)
    score: float  # mean PLOVER score of the period's entries (+10 cooperation, -10 conflict)
    cooperation: float  # sum of the positive scores
    conflict: float  # sum of the negative scores
    entries: int
    documents: int
