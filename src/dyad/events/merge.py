"""One event per real-world event per document.

Mentions of the same type, pair of states and date merge, keeping every sentence as
provenance. A later, vaguer mention (a year or a month) of an event already dated more
precisely merges into it ("Xi's trip to Moscow last year" after "Xi visited Moscow in March
last year"); a mention whose date is only a default (no time expression: "Putin's visit")
merges with any mention of the same type and pair whose date it contains, before or after it.
Two explicitly dated mentions stay apart ("two video calls last year" and "a call in
December" are different calls), and so do an event that occurred and one that is planned,
unless one of them is a weak mention (its pair completed from the article's main pair) or a
reference dated only by default to a year: then the strongest mention gives the event its
status, direction and text.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from dyad.events.actors import SYMMETRIC_TYPES
from dyad.events.cues import ScoreTable
from dyad.events.dates import compatible
from dyad.models import PRECISION_LEN, DateRef, Event, Provenance, Status

# Protests and accusations of one side against the other a few days apart are one episode,
# told again (the summons, the rebuke, the condemnation).
EPISODE_TYPES = frozenset({"ACCUSE"})
EPISODE_DAYS = 3


def pair_key(type_: str, source: str, target: str) -> frozenset[str] | tuple[str, str]:
    """The parties of an event: unordered for meetings, deals and joint actions, else ordered
    (X's sanctions on Y and Y's on X are two events)."""
    if type_ in SYMMETRIC_TYPES:
        return frozenset((source, target))
    return (source, target)


@dataclass(frozen=True)
class Draft:
    """One coded mention of an event, before merging."""

    type: str
    source: str
    target: str
    status: Status
    date: DateRef | None
    explicit: bool  # dated by a time expression, not by a default
    text: str
    provenance: Provenance
    mode: str | None = None
    weight: int = 1  # 2: a verb with both sides named; 1: a noun; 0: a side filled in
    mutual: bool = False  # told by a cue either side may do ("clashed", "a clash with")

    @property
    def pair(self) -> frozenset[str] | tuple[str, str]:
        """The parties (``pair_key``)."""
        return pair_key(self.type, self.source, self.target)


@dataclass
class _Merged:
    first: Draft  # the strongest mention: direction and text
    date: DateRef | None
    explicit: bool
    status: Status
    provenance: list[Provenance] = field(default_factory=list)
    mode: str | None = None
    seen: set[Provenance] = field(default_factory=set)  # provenance, for constant-time look-up

    def key(self) -> tuple[str, frozenset[str] | tuple[str, str]]:
        return self.first.type, self.first.pair

    def accepts(self, d: Draft, exact: bool) -> bool:
        """Whether a mention may join this event despite another status: a weak mention may;
        so may one on the same date when neither date came from a time expression ("Xi will
        meet Putin" ... "Xi's meeting with Putin comes as ...")."""
        if self.status == d.status or min(self.first.weight, d.weight) == 0:
            return True
        if _reference(self.date, self.explicit) or _reference(d.date, d.explicit):
            return True  # "X is in Y for talks" (a year by default) and "X will join the talks"
        if exact and self.date is not None and self.date.precision == "day":
            return True  # one day, one pair, one kind of event: the visit and its program
        return exact and not self.explicit and not d.explicit


def _same_episode(group: list[_Merged], d: Draft) -> _Merged | None:
    """An earlier event of the same type and direction a few days from the draft's day: one
    diplomatic protest told again ("summoned the envoy on Friday", "had rebuked Y the night
    before")."""
    assert d.date is not None
    if d.date.precision != "day":
        return None
    day = date.fromisoformat(d.date.date)
    for m in group:
        if (
            m.date is not None
            and m.date.precision == "day"
            and abs((date.fromisoformat(m.date.date) - day).days) <= EPISODE_DAYS
        ):
            return m
    return None


def _reference(d: DateRef | None, explicit: bool) -> bool:
    """A mention dated only by default to a year: a reference to the event ("X's visit"),
    whatever its tense, that joins the event of its type and pair dated within that year."""
    return d is not None and d.precision == "year" and not explicit


def _month_before(earlier: DateRef, later: DateRef) -> bool:
    """Whether ``earlier`` lies in the month before ``later``'s ("last month" in January)."""
    if earlier.precision == "year" or later.precision == "year":
        return False

    def index(d: DateRef) -> int:
        return int(d.date[:4]) * 12 + int(d.date[5:7])

    return index(later) - index(earlier) == 1


def _precision(d: DateRef | None) -> int:
    return PRECISION_LEN[d.precision] if d is not None else 0


def _same(a: DateRef | None, b: DateRef | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a.date == b.date and a.precision == b.precision


class Merger:
    """Collects drafts in document order and merges mentions of the same event."""

    def __init__(self) -> None:
        self._events: list[_Merged] = []
        # The events by key (type and pair: an event's key never changes, its strongest
        # mention being of the same key) and by type, each in order of first mention: a draft
        # reads only the events it may join, not the document's.
        self._by_key: dict[tuple[str, frozenset[str] | tuple[str, str]], list[_Merged]] = {}
        self._by_type: dict[str, list[_Merged]] = {}

    def add(self, d: Draft) -> DateRef | None:
        """Add a draft; return the date of the event it now belongs to."""
        group = self._by_key.get((d.type, d.pair), [])
        target = next((m for m in group if _same(m.date, d.date) and m.accepts(d, True)), None)
        group = [m for m in group if m.accepts(d, False)]
        reverse = None
        if target is None and d.date is not None:
            target = reverse = self._mutual(d)
        if target is None and d.date is not None and d.type in EPISODE_TYPES:
            target = _same_episode(group, d)
        if target is None and d.date is not None:
            target = self._into_precise(group, d)
        if target is None and d.date is not None:
            target = self._upgrade_vague(group, d)
        if target is None:
            target = _Merged(d, d.date, d.explicit, d.status, mode=d.mode)
            self._events.append(target)
            self._by_key.setdefault(target.key(), []).append(target)
            self._by_type.setdefault(d.type, []).append(target)
        elif d.weight > target.first.weight and reverse is None:  # its key stays
            occurred = target.status == "occurred"
            target.first = d
            target.status = "occurred" if occurred else d.status
        elif d.status == "occurred" and target.status == "planned" and _same(target.date, d.date):
            target.status = "occurred"  # the visit happened; its program was announced
        if d.provenance not in target.seen:
            target.seen.add(d.provenance)
            target.provenance.append(d.provenance)
        target.mode = target.mode or d.mode
        return target.date

    def _mutual(self, d: Draft) -> _Merged | None:
        """The event of the reverse direction, on the same day or more precisely dated in the
        draft's, when either mention is of a mutual fight ("X's troops were killed in a clash
        with Y's guards" beside "Y killed X's troops"): one fight, told from either side."""
        if not isinstance(d.pair, tuple):
            return None
        reverse = [
            m
            for m in self._by_key.get((d.type, (d.target, d.source)), [])
            if d.mutual or m.first.mutual
        ]
        same = next((m for m in reverse if _same(m.date, d.date) and m.accepts(d, True)), None)
        return same or self._into_precise([m for m in reverse if m.accepts(d, False)], d)

    @staticmethod
    def _into_precise(group: list[_Merged], d: Draft) -> _Merged | None:
        """The most recent earlier mention, more precisely dated, that the draft's date contains."""
        assert d.date is not None
        for m in reversed(group):
            if (
                m.date is not None
                and _precision(m.date) > _precision(d.date)
                and compatible(d.date, m.date)
            ):
                return m
        return None

    @staticmethod
    def _upgrade_vague(group: list[_Merged], d: Draft) -> _Merged | None:
        """An earlier mention dated only by default whose date contains the draft's date."""
        assert d.date is not None
        for m in reversed(group):
            if m.explicit or m.date is None or m.first.weight > 1:
                continue
            if _precision(m.date) < _precision(d.date) and compatible(m.date, d.date):
                m.date, m.explicit = d.date, d.explicit
                return m
        return None

    def last_dated(self, type_: str, pairs: Collection[tuple[str, str]] = ()) -> DateRef | None:
        """The date of the latest mentioned event of ``type_`` (between one of ``pairs``, if
        given) when a time expression gave it: what "that visit" or "the summit" refers back
        to ("a visit in March ... During that visit, ...")."""
        typed = self._by_type.get(type_, [])
        if pairs:
            keys = {pair_key(type_, s, t) for s, t in pairs}
            typed = [m for m in typed if m.first.pair in keys]
        if not typed:
            return None
        last = max(typed, key=lambda m: m.provenance[-1].start)
        return last.date if last.explicit else None

    def redate_last(
        self, type_: str, date: DateRef, since: int, status: Status | None = None
    ) -> bool:
        """Date the events of the latest mention of ``type_`` ("Delegations met in X. The talks
        ended on Tuesday."), if that mention is at or after character ``since`` and its date
        was only a default that the new date falls within or refines (same year); with a
        ``status``, only events of that status ("X and Y agreed ..., and the pact will be
        signed on May 3": the signing to come does not date the agreement made)."""
        done = False
        typed = self._by_type.get(type_, [])
        latest = max((m.provenance[-1].start for m in typed), default=-1)
        if latest < since:
            return False
        for m in typed:
            if m.provenance[-1].start != latest or m.explicit:
                continue
            if status is not None and m.status != status:
                continue
            if (
                m.date is not None
                and m.date.date[:4] != date.date[:4]
                and not _month_before(date, m.date)
            ):
                continue
            m.date, m.explicit = date, True
            done = True
        return done

    def events(self, scores: ScoreTable) -> list[Event]:
        """The merged events, in order of first mention."""
        out: list[Event] = []
        for m in self._events:
            d = m.first
            out.append(
                Event(
                    type=d.type,
                    source=d.source,
                    target=d.target,
                    status=m.status,
                    date=m.date,
                    text=d.text,
                    provenance=tuple(m.provenance),
                    mode=m.mode,
                    score=scores.score(d.type, m.mode),
                )
            )
        return out
