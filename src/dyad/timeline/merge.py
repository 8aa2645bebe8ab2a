"""Cross-document merging: which reports, from which articles, are one real event.

The unit of work is a *block*: the events of one unordered pair of states, one PLOVER type and
one year (or all undated ones). Events of different blocks are never the same real event, so
ingesting an article only re-clusters the blocks its events fall in, and the clustering of a
block is a function of the set of reports in it alone (every loop runs over a canonical sort
order), so the entries come out the same whatever order the articles were ingested in.

Inside a block, reports join from the most precise to the vaguest:

1. reports dated to a day that are neither plans nor dated by default: one cluster per day
   (each day of talks of a visit is its own event);
2. plans dated to a day: the cluster of that day, else the nearest within a few days (a
   preview's "next week" resolved to a day agrees with the visit's day), else a cluster of
   their own; reports dated only by default to their article's day (no time expression in
   the sentence): the nearest cluster of the few days before, else of their own. Those the
   text dates go first: a day given by default is the weaker evidence;
3. reports dated to a month, then 4. to a year: a month or year that is only the article's
   own (no time expression: "at the talks in Lyon") repeats the event of its article dated
   inside it that its sentence names, if there is one (``_repeated``); else the best cluster
   dated inside that month or year (see ``_rank``), else one cluster per month (year) of
   such reports (also when the best is taken by another report of the same article: the
   second-best is not taken). The episode (see ``_rank``) that holds another report of the
   same sentence of its article comes first: one sentence tells of one occasion;
5. undated reports stay alone.

A cluster takes no two reports from one article (the article's own merger kept them apart,
so they are two events) but for such a repeat or a *twin* (``_twin``: the report of the
same sentence, dated alike and only vaguely, of what took place beside what was to come,
"arrived in the capital to hold talks"), and never joins a denial to a report that
the event took place (a plan goes with either), nor a report that took place to an event
dated only by plans that give no day of their own (their article's day). The pair is
unordered for every type ("X and Y supported each other" is one event however each report
words it). A vague report
only joins an event its article could report: one that took place by the day after
publication, or, for a plan, one of the coming year.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from dyad.models import PRECISION_LEN

PLAN_WINDOW_DAYS = 4  # how far a planned day may lie from the day the event took place
DEFAULT_WINDOW_DAYS = 3  # how far before its article's day an event dated by default may be
PLAN_HORIZON_DAYS = 366  # how far ahead a vague plan may name an event that later took place
DONE = frozenset({"occurred", "reported"})  # statuses saying the event took place
PUBLICATION_SLACK_DAYS = 1  # publication dates are often a day off (time zones, late editions)
EPISODE_GAP_DAYS = 2  # days of events at most this far apart are one episode (a visit)

_WORD = re.compile(r"\b[A-Z][\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_COMMON = frozenset(
    """The A An And But In On At For Of To With By As After Before During Since While When
    This That These Those It Its He She They We His Her Their Our Mr Mrs Ms Dr President
    Prime Minister Foreign Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec State Statement Joint""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class Report:
    """One article's report of an event, as the merger sees it."""

    doc_id: str
    idx: int  # the event's index in its document
    type: str
    source: str
    target: str
    status: str
    date: str | None
    precision: str | None
    published: str | None = None  # the article's publication date (ISO, to its precision)
    sentence: str = ""
    default_dated: bool = False  # dated to its article's date (day, month or year) for want
    # of a time expression
    names: frozenset[str] | None = None  # what it names (places, persons, occasions); None:
    # read from ``sentence``

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.idx)

    @property
    def rank(self) -> int:
        """0 for a day, 1 a month, 2 a year, 3 undated."""
        if self.date is None or self.precision is None:
            return 3
        return {"day": 0, "month": 1, "year": 2}.get(self.precision, 3)

    def named(self) -> frozenset[str]:
        return self.names if self.names is not None else frozenset(names(self.sentence))

    @property
    def soft(self) -> bool:
        """A day that may be a few days off: a plan, or a default."""
        return self.status == "planned" or self.default_dated

    @property
    def sides(self) -> frozenset[str]:
        """The statuses this report cannot share an event with: a report that the event did
        not happen (denied) and one that it did (occurred, reported) are two entries; a plan
        goes with either (planned, then called off; planned, then held)."""
        if self.status == "denied":
            return DONE
        if self.status in DONE:
            return frozenset({"denied"})
        return frozenset()


@dataclass(eq=False)
class Cluster:
    """Reports of one real event; ``date`` and ``precision`` are those of its founding tier."""

    date: str | None
    precision: str | None
    members: list[Report] = field(default_factory=list)
    core: int = 0  # reports in it before vaguer ones joined: how well attested the event is
    docs: set[str] = field(default_factory=set)
    named: set[str] = field(default_factory=set)  # the names of its reports' sentences
    statuses: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for m in self.members:
            self.docs.add(m.doc_id)
            self.named |= m.named()
            self.statuses.add(m.status)

    def fits(self, r: Report) -> bool:
        """Whether the report's status can go with the cluster's (see ``Report.sides``)."""
        return not (r.sides & self.statuses)

    def takes(self, r: Report) -> bool:
        return self.fits(r) and r.doc_id not in self.docs

    def add(self, r: Report) -> None:
        self.members.append(r)
        self.docs.add(r.doc_id)
        self.statuses.add(r.status)
        self.named |= r.named()


def block_of(r: Report) -> tuple[str, str, str, str]:
    """The block a report is clustered in: (a, b, type, year) with a < b, year '' if undated."""
    a, b = sorted((r.source, r.target))
    return (a, b, r.type, r.date[:4] if r.date else "")


def cluster(reports: Iterable[Report]) -> list[Cluster]:
    """Cluster the reports of one block into events (see the module's docstring)."""
    ordered = sorted(set(reports), key=_order)
    clusters: list[Cluster] = []
    # 1. reports of a day, not plans, not defaults
    for r in ordered:
        if r.rank == 0 and not r.soft:
            _join_or_found(clusters, r, _same_day(r))
    hard = list(clusters)
    # 2. plans and defaults of a day: those with a time expression of their own first
    for r in sorted((r for r in ordered if r.rank == 0 and r.soft), key=_explicit_first):
        target = _nearest_day(hard, r)
        if target is None and r.default_dated and r.status != "planned":
            target = _nearest_day([c for c in clusters if c not in hard], r)
        if target is not None:
            target.add(r)
        else:
            _join_or_found(clusters, r, _same_day(r))
    for c in clusters:
        c.core = len(c.members)
    # 3., 4. months, then years
    for rank in (1, 2):
        founded: list[Cluster] = []
        for r in ordered:
            if r.rank != rank:
                continue
            repeated = _repeated(clusters, r)
            if repeated is not None:
                repeated.add(r)
                continue
            candidates = [
                c for c in clusters if c.fits(r) and _inside(c.date, r.date) and _possible(c, r)
            ]
            best = _best(candidates, r) if candidates else None
            if best is not None and (best.takes(r) or _twin(best, r)):
                best.add(r)
            else:  # none, or the likeliest is another report of the same article's
                _join_or_found(founded, r, _same_vague_event(r))
        for c in founded:
            c.core = len(c.members)
        clusters.extend(founded)
    # 5. undated
    clusters.extend(_found(r) for r in ordered if r.rank == 3)
    return clusters


def _order(r: Report) -> tuple[int, str, str, str, int]:
    return (r.rank, r.date or "", r.published or "~", r.doc_id, r.idx)


def _explicit_first(r: Report) -> tuple[bool, tuple[int, str, str, str, int]]:
    """A day the text gives outranks one given by default: a preview's "on the 16th" takes
    the visit's day before its "will also meet the premier" (dated to the article's day)."""
    return (r.default_dated, _order(r))


def _repeated(clusters: Sequence[Cluster], r: Report) -> Cluster | None:
    """The event a vague report repeats: a month or year that is only its article's own (no
    time expression in the sentence: "at the talks", "the visit") names the event of the same
    pair, type and status that its article dates more precisely inside that month or year, as
    the article's own merger would have had it (see ``dyad.events.merge``), when its sentence
    names something the event's reports name (a place, a person, an occasion: "at the talks
    in Lyon"). What an article reports as planned and as done are two events to it ("the
    leaders met; the premier will meet him too"), and a sentence that names nothing ("they
    have always backed each other") may speak of the relationship at large."""
    if not r.default_dated:
        return None
    mine = r.named()
    own = [
        c
        for c in clusters
        if c.fits(r)
        and _inside(c.date, r.date)
        and _possible(c, r)
        and any(m.doc_id == r.doc_id and m.status == r.status for m in c.members)
        and mine & c.named
    ]
    return _best(own, r) if own else None


def _found(r: Report) -> Cluster:
    return Cluster(r.date, r.precision, [r])


def _best(candidates: Sequence[Cluster], r: Report) -> Cluster:
    """The likeliest event of a vague report among candidates (see ``_rank``)."""
    pub = _pub_days(r.published)
    mine = r.named()
    everywhere = set.intersection(*(c.named for c in candidates)) if len(candidates) > 1 else None
    best: tuple[tuple[float, ...], Cluster] | None = None
    for episode in _episodes(candidates):
        ep_ok = any(_agrees(x, r, pub) for x in episode)
        ep_dist = _distance(episode, pub)
        ep_told = any(_sibling(x, r) for x in episode)
        for c in episode:
            overlap = len((mine & c.named) - everywhere) if everywhere is not None else 0
            key = (float(ep_told), *_rank(c, r, pub, ep_ok, ep_dist, overlap))
            if best is None or key > best[0]:
                best = (key, c)
    assert best is not None
    return best[1]


def _sibling(c: Cluster, r: Report) -> bool:
    """Whether the event holds another report of the report's article from the same sentence:
    the article's merger kept the two apart ("arrived on Tuesday to hold talks": the arrival,
    then the talks), yet they are of one occasion, so the report's event is of that episode."""
    return any(m.doc_id == r.doc_id and m.sentence == r.sentence for m in c.members)


def _twin(c: Cluster, r: Report) -> bool:
    """Whether the event holds a report of the same sentence of the report's article, dated
    alike and only vaguely: "arrived in the capital to hold talks" (what took place and
    what was to come, at one occasion the article dates no better) is one entry."""
    return (
        bool(r.sentence)
        and c.fits(r)
        and any(
            m.doc_id == r.doc_id
            and m.sentence == r.sentence
            and m.status != r.status
            and m.date == r.date
            and m.precision == r.precision
            for m in c.members
        )
    )


def _same_day(r: Report) -> Callable[[Cluster], bool]:
    return lambda c: c.date == r.date


def _same_vague_event(r: Report) -> Callable[[Cluster], bool]:
    """Reports of one month (year) are one event when their articles allow a common day."""
    return lambda c: c.date == r.date and all(_overlap_in_time(r, m) for m in c.members)


def _window(r: Report) -> tuple[int, int]:
    """The days the event a report speaks of may fall on: its date's span, cut by what its
    article could report (for a plan: from publication to a year after; else: up to
    publication)."""
    assert r.date is not None
    lo = _days(r.date)
    if r.precision == "day":
        hi = lo
    elif r.precision == "month":
        y, m = int(r.date[:4]), int(r.date[5:7])
        hi = _days(f"{y + m // 12:04d}-{m % 12 + 1:02d}") - 1
    else:
        hi = _days(f"{int(r.date[:4]) + 1:04d}") - 1
    pub = _pub_days(r.published)
    if pub is not None:
        if r.status == "planned":
            lo, hi = max(lo, pub - PUBLICATION_SLACK_DAYS), min(hi, pub + PLAN_HORIZON_DAYS)
        else:
            hi = min(hi, pub + PUBLICATION_SLACK_DAYS)
    return lo, hi


def _overlap_in_time(a: Report, b: Report) -> bool:
    """Whether two vague reports may be of one event: two plans may (a goal set twice); a plan
    and a report that it happened must leave a day both articles allow."""
    if a.status == "planned" and b.status == "planned":
        return True
    (alo, ahi), (blo, bhi) = _window(a), _window(b)
    return max(alo, blo) <= min(ahi, bhi)


def _join_or_found(clusters: list[Cluster], r: Report, same: Callable[[Cluster], bool]) -> None:
    for c in clusters:
        if same(c) and c.takes(r):
            c.add(r)
            return
    clusters.append(_found(r))


def _nearest_day(clusters: Sequence[Cluster], r: Report) -> Cluster | None:
    """The cluster of an event on, or a few days from, a soft report's day: either side of a
    plan's, before a default's (the article reports what happened up to its day)."""
    assert r.date is not None
    best: tuple[int, int, int] | None = None
    found = None
    for c in clusters:
        if c.precision != "day" or c.date is None or not c.takes(r):
            continue
        gap = _days(c.date) - _days(r.date)
        if r.status == "planned":
            if abs(gap) > PLAN_WINDOW_DAYS:
                continue
        elif not -DEFAULT_WINDOW_DAYS <= gap <= 0:
            continue
        key = (abs(gap), -c.core, -gap)  # nearest, best attested, later
        if best is None or key < best:
            best, found = key, c
    return found


def _inside(precise: str | None, vague: str | None) -> bool:
    return precise is not None and vague is not None and precise.startswith(vague)


def _rank(
    c: Cluster, r: Report, pub: int | None, ep_ok: bool, ep_dist: int, overlap: int
) -> tuple[float, ...]:
    """How likely a vague report is of the event ``c`` (higher is likelier).

    First the *episode* (a run of events a few days apart: a visit) nearest the article's
    publication, among those that agree with the report's status (an event that took place
    is on or before the article, a plan on or after it); inside it, a cluster whose sentences
    share a distinctive name (a place, a forum, a deal: one not in every candidate's
    sentences) with the report's; then an event that agrees with the status; then the best
    attested; then the earliest.
    """
    return (
        float(ep_ok),
        -ep_dist,
        overlap,
        float(_agrees(c, r, pub)),
        float(c.core),
        -float(_days(c.date or "9999")),
    )


def _episodes(candidates: Sequence[Cluster]) -> list[list[Cluster]]:
    days = sorted(candidates, key=lambda c: (_days(c.date or "9999"), c.date or ""))
    out: list[list[Cluster]] = []
    for c in days:
        if out and _days(c.date or "9999") - _days(out[-1][-1].date or "9999") <= EPISODE_GAP_DAYS:
            out[-1].append(c)
        else:
            out.append([c])
    return out


def _agrees(c: Cluster, r: Report, pub: int | None) -> bool:
    """Whether the event's date agrees with what the report says of it, as of publication."""
    if pub is None or c.date is None:
        return True
    d = _days(c.date)
    if r.status == "planned":
        return d >= pub - PUBLICATION_SLACK_DAYS
    return d <= pub + PUBLICATION_SLACK_DAYS


def _possible(c: Cluster, r: Report) -> bool:
    """Whether the report's article could speak of the event: not of an event after its day
    as having taken place, nor of a past one, or one more than a year ahead, as planned; and
    not, as having taken place, of an event dated only by plans that give no day of their own
    (dated to their article's day: the day of the promise, not of the event)."""
    if r.status in DONE and all(m.status == "planned" and m.default_dated for m in c.members):
        return False  # a day only its plans' articles give ("he vowed to deepen ties")
    pub = _pub_days(r.published)
    if pub is None or c.date is None:
        return True
    d = _days(c.date)
    if r.status == "planned":
        return pub - PUBLICATION_SLACK_DAYS <= d <= pub + PLAN_HORIZON_DAYS
    return d <= pub + PUBLICATION_SLACK_DAYS


def _distance(ep: Sequence[Cluster], pub: int | None) -> int:
    if pub is None:
        return 0
    first, last = _days(ep[0].date or "9999"), _days(ep[-1].date or "9999")
    if first <= pub <= last:
        return 0
    return min(abs(pub - first), abs(pub - last))


def names(sentence: str) -> set[str]:
    """The capitalised names of a sentence (a place, a forum, a deal), lower-cased, without
    the words every sentence capitalises (its first word, articles, days, months, titles);
    ``sentence`` may hold several sentences, one a line."""
    out = set()
    for line in sentence.splitlines():
        for m in _WORD.finditer(line):
            if not line[: m.start()].strip(" \"'“‘("):
                continue  # the first word of a sentence is capitalised whatever it is
            word = _POSSESSIVE.sub("", m.group(0))
            if word not in _COMMON:
                out.add(word.lower())
    return out


@lru_cache(maxsize=4096)
def _days(iso: str) -> int:
    """Days since 0001-01-01 of an ISO date; a month or a year counts as its first day."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2]).toordinal()
    except ValueError:
        return date(parts[0], 1, 1).toordinal()


def _pub_days(published: str | None) -> int | None:
    if not published or len(published) != PRECISION_LEN["day"]:
        return None
    return _days(published)
