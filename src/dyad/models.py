"""The record types dyad reads articles into.

Every fact carries its provenance: the document it came from, the character span in the
document's cleaned text, and the sentence around it. These are plain frozen dataclasses, free
of spaCy, so the store, the exporters and the web layer never import the NLP stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, get_args

Precision = Literal["day", "month", "year"]
Status = Literal["occurred", "planned", "denied", "reported"]

PRECISION_LEN: MappingProxyType[str, int] = MappingProxyType({"year": 4, "month": 7, "day": 10})

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: a span of a document's cleaned text and its sentence."""

    doc_id: str
    start: int
    end: int
    sentence: str = ""


@dataclass(frozen=True)
class DateRef:
    """A date known to a precision; ``date`` is ISO cut to it: 2024, 2024-05, 2024-05-16."""

    date: str
    precision: Precision
    evidence: str = ""

    def __post_init__(self) -> None:
        if self.precision not in PRECISION_LEN:
            raise ValueError(f"unknown precision {self.precision!r}")
        if len(self.date) != PRECISION_LEN[self.precision]:
            raise ValueError(f"date {self.date!r} is not written to {self.precision} precision")

    @property
    def year(self) -> int:
        return int(self.date[:4])


@dataclass(frozen=True)
class Person:
    """A real person the article names, under the canonical full name the article gives."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    state: str | None = None  # ISO 3166-1 alpha-3 of the state the person acts for, if an official
    mentions: tuple[Provenance, ...] = ()


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it (a person's canonical name or an organisation)."""

    text: str
    speaker: str | None
    provenance: Provenance
    speaker_kind: Literal["person", "organisation"] | None = None


@dataclass(frozen=True)
class Figure:
    """An amount: money, a percentage, a count of people or materiel, a distance."""

    value: float
    unit: str
    text: str
    provenance: Provenance
    year: int | None = None
    measure: str | None = None  # what it measures: "bilateral trade"


@dataclass(frozen=True)
class Event:
    """An interaction between two states (or a state and a multilateral body), PLOVER-coded."""

    type: str
    source: str
    target: str
    status: Status
    date: DateRef | None
    text: str
    provenance: tuple[Provenance, ...]
    mode: str | None = None
    score: float = 0.0  # PLOVER cooperation (+) / conflict (-) score

    @property
    def event_id(self) -> str:
        """The same id for the same real-world event, whichever document reports it."""
        pair = "-".join(sorted((self.source, self.target)))
        when = self.date.date if self.date else "undated"
        return f"{when}/{self.type}/{pair}"


@dataclass(frozen=True)
class Document:
    """An article as ingested: its original bytes decoded, its cleaned text, its metadata."""

    doc_id: str
    source_path: str
    content_hash: str
    original: str
    text: str
    title: str | None = None
    url: str | None = None
    published_meta: str | None = None  # a date given by metadata (JSONL field, HTML meta, option)
    offsets: tuple[tuple[int, int], ...] = field(default=())  # (clean_start, original_start) runs
    kind: str = "text"  # "text" or "html": what ``original`` holds
    outlet: str | None = None  # the publisher, from metadata (else found from the URL later)


@dataclass(frozen=True)
class Analysis:
    """All that dyad read from one document."""

    doc_id: str
    published: DateRef | None
    persons: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class TimelineFilter:
    """Which entries of a pair a timeline query returns, and which page of them.

    ``date_from``/``date_to`` (ISO, any precision) keep entries whose date agrees with the
    range at the entry's precision; ``types`` keeps those PLOVER types (any case); ``status``
    keeps entries of that status; ``min_sources`` keeps entries reported by at least that
    many articles; ``outlet`` keeps entries one of whose sources is from that outlet (its name
    or host, case-insensitive); ``limit`` and ``offset`` page what is kept (no limit: all).
    """

    a: str  # a state's code or name ("CHN", "China"); the pair is unordered
    b: str
    date_from: str | None = None
    date_to: str | None = None
    types: tuple[str, ...] = ()
    status: str | None = None
    min_sources: int = 1
    outlet: str | None = None
    limit: int | None = None
    offset: int = 0
