"""Reading the relationship record: pairs, timelines, single entries, the index.

The functions the CLI, the JSON API and the exports call (signatures in ``model.py``). Every
query reads the entries the merger stored at ingest (``dyad.timeline.build``); none
recomputes anything, and a pair's timeline is an indexed range scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import cast

from dyad.errors import DyadError
from dyad.store import entries as sql
from dyad.store.base import Store
from dyad.timeline.model import (
    DyadSummary,
    EntrySource,
    IndexPoint,
    TimelineEntry,
    TimelineFilter,
)

PERIODS = ("month", "quarter", "year")
STATUSES = ("occurred", "planned", "denied", "reported")
# Entries the index counts: what happened or is claimed to have happened, not plans or denials.
INDEX_STATUSES = frozenset({"occurred", "reported"})


def state_code(name_or_code: str) -> str:
    """A state's (or a multilateral body's) code from its code or a name: "China", "chn",
    "CHN" -> "CHN". Raises ``DyadError`` when the gazetteer knows no such state."""
    from dyad.resolve.gazetteer import Gazetteer

    text = name_or_code.strip()
    if not text:
        raise DyadError("no state given")
    gaz = Gazetteer.load()
    upper = text.upper()
    if upper in gaz.codes():
        return upper
    code = gaz.state_code(text)
    if code is None:
        raise DyadError(f"{name_or_code!r} names no state or body dyad knows (try an ISO code)")
    return code


def list_dyads(store: Store) -> list[DyadSummary]:
    """The pairs with timeline entries, the most entries first."""
    return [
        DyadSummary(a, b, n, docs, first, last)
        for a, b, n, docs, first, last in sql.dyad_rows(store.conn)
    ]


def timeline(store: Store, where: TimelineFilter) -> list[TimelineEntry]:
    """The entries of a pair (unordered) in date order, each with all its sources: those
    ``where`` keeps, the page it asks for (see ``TimelineFilter``)."""
    where = replace(where, a=state_code(where.a), b=state_code(where.b))
    if where.status is not None and where.status not in STATUSES:
        raise DyadError(f"unknown status {where.status!r}; choose one of {', '.join(STATUSES)}")
    entries = _entries(sql.pair_entries_with_sources(store.conn, where))
    if not where.outlet:
        return entries
    # the outlet is read from the sources, so the store gave every entry: keep, then page
    wanted = where.outlet.lower()
    kept = [e for e in entries if any(s.outlet and s.outlet.lower() == wanted for s in e.sources)]
    end = None if where.limit is None else where.offset + where.limit
    return kept[where.offset : end]


def entry(store: Store, entry_id: str) -> TimelineEntry | None:
    """One entry by id (an id the entry had before a merge still finds it)."""
    found = sql.entry_with_sources(store.conn, entry_id)
    return None if found is None else _entries([found])[0]


def index_series(store: Store, a: str, b: str, *, by: str = "month") -> list[IndexPoint]:
    """The cooperation-conflict series of a pair: each entry counted once, in the period of
    its date, with the PLOVER score of its type and mode.

    Only entries that took place (or are claimed to have) count; an entry dated more coarsely
    than the period (a year, by month) is left out, since no period of that size holds it.
    """
    if by not in PERIODS:
        raise DyadError(f"unknown period {by!r}; choose one of {', '.join(PERIODS)}")
    a, b = state_code(a), state_code(b)
    rows = sql.pair_entries(store.conn, TimelineFilter(a, b))
    docs: dict[str, set[str]] = {}
    for entry_id, doc_id in sql.pair_entry_docs(store.conn, a, b):
        docs.setdefault(entry_id, set()).add(doc_id)
    periods: dict[str, list[tuple[float, set[str]]]] = {}
    for row in rows:
        entry_id, date, precision, status, score = (
            str(row[0]),
            row[6],
            row[7],
            row[8],
            float(cast(float, row[10])),
        )
        if status not in INDEX_STATUSES or not isinstance(date, str):
            continue
        key = period_of(date, str(precision), by)
        if key is not None:
            periods.setdefault(key, []).append((score, docs.get(entry_id, set())))
    out = []
    for key in sorted(periods):
        items = periods[key]
        scores = [s for s, _ in items]
        out.append(
            IndexPoint(
                period=key,
                score=round(sum(scores) / len(scores), 3),
                cooperation=sum(s for s in scores if s > 0),
                conflict=sum(s for s in scores if s < 0),
                entries=len(items),
                documents=len(set().union(*(d for _, d in items))),
            )
        )
    return out


def period_of(date: str, precision: str, by: str) -> str | None:
    """The period (``by`` month, quarter or year) holding a date; None if it is too coarse."""
    if by == "year":
        return date[:4]
    if precision == "year":
        return None
    month = int(date[5:7])
    if by == "quarter":
        return f"{date[:4]}-Q{(month - 1) // 3 + 1}"
    return date[:7]


def _entries(rows: Sequence[sql.EntrySources]) -> list[TimelineEntry]:
    """Entries from the store's rows (``store.entries.grouped``), each source built once
    (positional arguments: a timeline of 800 entries builds 1,600 records)."""
    out = []
    for r, source_rows in rows:
        best = (r[13], r[14])
        sources: list[EntrySource] = []
        for s in source_rows:
            # after the entry's columns: doc_id, event_idx, then store.entries.SOURCE_COLUMNS
            # (outlet, url, published, date, precision, status, start, end, sentence)
            src = EntrySource(s[15], s[17], s[18], s[19], s[25], s[23], s[24], s[20], s[21], s[22])
            # the best source first, the rest in the order of evidence (publication)
            if (s[15], s[16]) == best:
                sources.insert(0, src)
            else:
                sources.append(src)
        # id, date, precision, type, source, target, status, mode, score (ENTRY_COLUMNS)
        out.append(
            TimelineEntry(
                r[0], r[6], r[7], r[3], r[4], r[5], r[8], r[9], float(r[10]), tuple(sources)
            )
        )
    return out
