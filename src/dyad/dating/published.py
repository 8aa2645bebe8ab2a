"""The publication date of an article: from metadata, else inferred from its text.

Metadata wins when it is a valid date. Otherwise every clue becomes :class:`Evidence`, an
interval of days with a weight (see :mod:`dyad.dating.evidence` and
:mod:`dyad.dating.offices`): publication lines, datelines, date lines near the top, copyright
years, the latest date the article reports, year mentions, page furniture, and the offices and
terms people are said to hold, and anniversaries the article counts
(:mod:`dyad.dating.anniversaries`). The days covered by the heaviest total weight win. Weekday
words then pin a day inside a short winning window: the article is taken to be written on the
latest weekday it mentions in the past tense (read on the circular week: "warned on Monday ...
recalled on Tuesday" is Tuesday) on or after the window's start (a dateline's day must itself
be a weekday the article mentions to be chosen among several years).

The answer is a day when the evidence pins one day, else the month or year holding at least
three quarters of the winning days, else None. Page furniture (a header date beside a menu)
only bounds the date from above, and dates the article (to the month before it) only when the
rest of the evidence settles nothing; so the article's own dates and offices win a conflict.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from dyad.dating.anniversaries import anniversary_evidence
from dyad.dating.evidence import read_text_evidence
from dyad.dating.offices import OfficeSource, office_evidence
from dyad.dating.patterns import (
    MAX_DATE,
    MIN_DATE,
    make_ref,
    month_end,
    on_or_after,
    safe_date,
    shift_days,
)
from dyad.dating.records import Evidence, TextEvidence, WeekdayMention
from dyad.dating.relative import find_time_expressions
from dyad.dating.spans import last_year_evidence, span_evidence
from dyad.models import DateRef, Person, Precision

log = logging.getLogger(__name__)

_ISO: Final = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z ]*)?\s*$")
_MAX_YEARS: Final = 40
_WINDOW: Final = 9  # days: the longest stretch weekday words may pin a day in
_GUESS_YEARS: Final = 5  # a year is guessed inside a stretch of fewer years, or holding most days


@dataclass(frozen=True)
class _Segment:
    lo: date
    hi: date
    score: float


def parse_meta(meta: str) -> DateRef | None:
    """A metadata date ("2024-05-16", "2024-05-16T09:00:00Z", "2024-05", "May 16, 2024")."""
    match = _ISO.match(meta)
    if match:
        year, month, day = match.groups()
        if day and safe_date(int(year), int(month), int(day)):
            return DateRef(f"{year}-{month}-{day}", "day", "metadata")
        if month and day is None and 1 <= int(month) <= 12:
            return DateRef(f"{year}-{month}", "month", "metadata")
        if month is None and int(year) >= 1000:
            return DateRef(year, "year", "metadata")
        return None
    for expression in find_time_expressions(meta, None):
        if expression.date and expression.kind in ("absolute", "month"):
            return DateRef(expression.date.date, expression.date.precision, "metadata")
    return None


def _finite_years(items: Sequence[Evidence]) -> set[int]:
    return {d.year for item in items for d in (item.lo, item.hi) if MIN_DATE < d < MAX_DATE}


def _expand(found: TextEvidence, items: list[Evidence], today: date) -> list[Evidence]:
    """Month-days without a year become evidence for each year the other evidence allows.

    A day reported in the body is placed in the year of the latest full date, when there is
    one (writers drop the year for dates of the current year); otherwise in every year from
    the earliest any evidence names to one after the latest (to ``today`` when some evidence
    is open-ended, such as a term still running), at most 40 years.
    """
    years = _finite_years(items) | set(found.full_date_years)
    if not years and any(p.weekday >= 0 for p in found.pending):
        years = {today.year - _MAX_YEARS + 1, today.year - 1}  # a weekday picks among them
    if not years:
        return []
    last = max(years) + 1
    if any(item.hi == MAX_DATE and item.lo > MIN_DATE for item in items):
        last = max(last, today.year)
    broad = range(max(min(years), last + 1 - _MAX_YEARS), last + 1)
    expanded: list[Evidence] = []
    for pending in found.pending:
        shares: dict[int, float] = {}
        if pending.window and found.full_date_years:
            shares = {max(found.full_date_years): 1.0}
        elif not pending.window and found.line_years:
            # a yearless dateline takes the year of the page's own dated lines
            shares = dict.fromkeys(sorted(set(found.line_years)), 1.0)
        else:
            shares = dict.fromkeys(broad, 1.0)
            if pending.window and found.mention_years and max(found.mention_years) in shares:
                # a day reported in an article that names years: most likely in the latest
                # year it names ("the 2030 talks ... on March 18")
                shares[max(found.mention_years)] = 1.5
        for year, share in shares.items():
            when = safe_date(year, pending.month, pending.day)
            if when is None or (pending.weekday >= 0 and when.weekday() != pending.weekday):
                continue  # "Thursday, February 24": only the years it fell on a Thursday
            lo, hi = shift_days(when, -pending.lag_before), shift_days(when, pending.window)
            label = f"{pending.label} ({year})"
            expanded.append(Evidence(lo, hi, pending.weight * share, label))
    return expanded


def _segments(items: Sequence[Evidence]) -> list[_Segment]:
    """The days split where any evidence starts or stops, each stretch with its total weight."""
    cuts = sorted({item.lo for item in items} | {shift_days(item.hi, 1) for item in items})
    segments: list[_Segment] = []
    for index, start in enumerate(cuts):
        if start == MAX_DATE and index:
            break
        end = MAX_DATE
        if index + 1 < len(cuts) and cuts[index + 1] < MAX_DATE:
            end = shift_days(cuts[index + 1], -1)
        score = sum(item.weight for item in items if item.lo <= start <= item.hi)
        segments.append(_Segment(start, end, score))
    return segments


def _best(items: Sequence[Evidence]) -> list[_Segment]:
    segments = _segments(items)
    best = max(segment.score for segment in segments)
    top: list[_Segment] = []
    for segment in segments:
        if segment.score < best - 1e-9:
            continue
        if top and shift_days(top[-1].hi, 1) == segment.lo:
            top[-1] = _Segment(top[-1].lo, segment.hi, best)
        else:
            top.append(segment)
    return top


def _weekday_pick(segment: _Segment, weekdays: Sequence[WeekdayMention]) -> date | None:
    """The day weekday words pin inside a short segment, if any."""
    past = {mention.weekday for mention in weekdays if not mention.future}
    if not past or (segment.hi - segment.lo).days >= _WINDOW:
        return None
    if segment.lo == segment.hi:
        return segment.lo if segment.lo.weekday() in past else None
    latest = _latest_weekday(weekdays)
    if latest is not None:  # "warned on Thursday ... ordered on Friday": Friday, not next week's
        pick = on_or_after(segment.lo, latest)
    else:
        pick = max(on_or_after(segment.lo, weekday) for weekday in past)
    return pick if pick <= segment.hi else None


def _latest_weekday(weekdays: Sequence[WeekdayMention]) -> int | None:
    """The latest of the past weekdays an article names, read on the circular week: the one
    before the widest gap ("Monday ... Tuesday" -> Tuesday); None when the gap is tied."""
    names = sorted({m.weekday for m in weekdays if not m.future})
    if not names:
        return None
    gaps = [((names[(i + 1) % len(names)] - n) % 7 or 7, n) for i, n in enumerate(names)]
    widest = max(gap for gap, _ in gaps)
    latest = [n for gap, n in gaps if gap == widest]
    return latest[0] if len(latest) == 1 else None


def _one_pick(picks: set[date], weekdays: Sequence[WeekdayMention]) -> date | None:
    """The one day among candidate days on the article's latest weekday (a story is written
    on the last weekday it names, or the day after), if exactly one is."""
    if len(picks) == 1:
        return next(iter(picks))
    latest = _latest_weekday(weekdays)
    if latest is None:
        return None
    for weekday in (latest, (latest + 1) % 7):
        on = {pick for pick in picks if pick.weekday() == weekday}
        if len(on) == 1:
            return on.pop()
        if on:
            return None
    return None


def _coarsen(top: Sequence[_Segment], evidence: str) -> DateRef | None:
    """The month or year holding three quarters of the winning days, else None."""
    if any(s.lo == MIN_DATE or s.hi == MAX_DATE for s in top):
        return None
    total = sum((s.hi - s.lo).days + 1 for s in top)
    if top[-1].hi.year - top[0].lo.year > 2:
        return _likeliest_year(top, evidence)
    levels: tuple[Precision, ...] = ("month", "year")
    for level in levels:
        counts: Counter[date] = Counter()
        for segment in top:
            day = segment.lo
            while day <= segment.hi:
                key = date(day.year, day.month if level == "month" else 1, 1)
                end = month_end(day.year, day.month) if level == "month" else date(day.year, 12, 31)
                end = min(end, segment.hi)
                counts[key] += (end - day).days + 1
                day = shift_days(end, 1)
        key, days = counts.most_common(1)[0]
        if days >= 0.75 * total:
            return make_ref(key, level, evidence)
    return _likeliest_year(top, evidence)


def _likeliest_year(top: Sequence[_Segment], evidence: str) -> DateRef | None:
    """A year-precision guess when the winning days span a few years: the year holding most.

    Only for a bounded stretch of at most ``_GUESS_YEARS`` years (the offices people hold
    often narrow an article to such a stretch and no further), or when one year holds more
    than half the winning days (a term of two years and a stint of a month years later); ties
    go to the earlier year.
    """
    counts: Counter[int] = Counter()
    for segment in top:
        for year in range(segment.lo.year, segment.hi.year + 1):
            lo = max(segment.lo, date(year, 1, 1))
            hi = min(segment.hi, date(year, 12, 31))
            counts[year] += min((hi - lo).days + 1, 365)  # a leap day breaks no tie
    best = max(counts.values())
    if top[-1].hi.year - top[0].lo.year >= _GUESS_YEARS and best * 2 <= sum(counts.values()):
        return None
    year = min(y for y, n in counts.items() if n == best)
    return make_ref(date(year, 1, 1), "year", f"{evidence}; likeliest year of {len(counts)}")


def _explain(items: Sequence[Evidence], day: date, extra: str = "") -> str:
    """The labels of the (at most three) narrowest, heaviest pieces of evidence for ``day``."""

    def rank(item: Evidence) -> tuple[bool, float]:
        open_ended = item.lo == MIN_DATE or item.hi == MAX_DATE
        return open_ended, ((item.hi - item.lo).days + 1) / item.weight

    holding = sorted((i for i in items if i.lo <= day <= i.hi), key=rank)
    labels = list(dict.fromkeys(item.label for item in holding))[:3]
    return "; ".join(labels + ([extra] if extra else []))


def _narrowest(items: Sequence[Evidence], day: date) -> int:
    """The width in days of the narrowest evidence holding ``day``: how precise it can be."""
    return min(((i.hi - i.lo).days + 1 for i in items if i.lo <= day <= i.hi), default=1 << 30)


def _decide(items: list[Evidence], weekdays: Sequence[WeekdayMention]) -> DateRef | None:
    top = _best(items)
    if len(top) == 1 and top[0].lo == top[0].hi:
        day = top[0].lo
        width = _narrowest(items, day)
        # A day where two long spans merely touch (a term ending as another begins) is no
        # evidence of that day: the answer is only as precise as the evidence holding it.
        precision: Precision = "day" if width <= _WINDOW else "month" if width <= 62 else "year"
        return make_ref(day, precision, _explain(items, day))
    picks = {
        pick
        for segment in top
        if (pick := _weekday_pick(segment, weekdays)) and _narrowest(items, pick) <= 31
    }
    names = sorted({m.weekday for m in weekdays if not m.future})
    words = ", ".join(date(2024, 1, 1 + n).strftime("%A") for n in names)
    pick = _one_pick(picks, weekdays)
    if pick is None and not picks:
        # single candidate days (one date line, several years): the one whose weekday is the
        # day after the latest weekday named ("said Thursday" in Friday's paper)
        days = {s.lo for s in top if s.lo == s.hi and _narrowest(items, s.lo) <= _WINDOW}
        pick = _one_pick(days, weekdays) if len(days) > 1 else None
    if pick is not None:
        return make_ref(pick, "day", _explain(items, pick, f"latest weekday mentioned ({words})"))
    coarse = _coarsen(top, _explain(items, top[0].lo))
    if coarse is not None and coarse.precision == "year":
        # a year guessed among several: the day the evidence gives inside that year, if one
        year = int(coarse.date)
        days = {s.lo for s in top if s.lo == s.hi and s.lo.year == year}
        inside = {p for p in picks if p.year == year} or days
        if len(inside) == 1 and all(s.lo.year != year or s.lo == s.hi for s in top):
            (day,) = inside
            if _narrowest(items, day) <= _WINDOW:
                return make_ref(day, "day", f"{_explain(items, day)}; in the likeliest year")
    return coarse


def infer_published(
    text: str,
    *,
    meta: str | None = None,
    gazetteer: object | None = None,
    persons: Sequence[Person] = (),
    today: date | None = None,
) -> DateRef | None:
    """The article's publication date with a short ``evidence`` string, or None.

    ``meta`` (an ISO date from HTML meta, a JSONL field or a CLI option) wins when valid.
    ``gazetteer`` is anything with ``offices_of(name, on=None)`` returning offices with
    ``role``, ``valid_from``, ``valid_to`` and ``term``; ``persons`` are the article's people.
    ``today`` (default: the clock) only bounds the years a yearless dateline may fall in.
    """
    if meta:
        parsed = parse_meta(meta)
        if parsed:
            return parsed
        log.debug("ignoring invalid publication metadata %r", meta)
    today = today or date.today()
    found = read_text_evidence(text, today)
    items = list(found.items)
    if isinstance(gazetteer, OfficeSource):
        items.extend(office_evidence(text, gazetteer, persons))
    items.extend(anniversary_evidence(text))
    items.extend(span_evidence(text))
    latest = max(found.mention_years + found.full_date_years, default=None)
    items.extend(last_year_evidence(latest, found.says_last_year))
    items.extend(_expand(found, items, today))
    # Nothing is published after today: a term still running ends, for dating, today.
    items = [replace(i, hi=today) if i.hi == MAX_DATE and i.lo <= today else i for i in items]
    main = [item for item in items if not item.fallback]
    decided = _decide(main, found.weekdays) if main else None
    if decided is None and len(main) < len(items):
        decided = _decide(items, found.weekdays)
    return decided


__all__ = ["OfficeSource", "infer_published", "parse_meta"]
