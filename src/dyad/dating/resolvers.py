"""Resolvers of time expressions: each maps a matched expression and its context to dates.

A resolver takes the regular-expression match of one time expression (see
:mod:`dyad.dating.relative`, which finds them) and a :class:`Context` (the range of days the
anchor may be, the clause's tense, the reference date for "a day earlier") and returns the
range of days the expression may mean with the precision it can give at most, or None when it
has no date. :func:`dyad.dating.patterns.range_to_ref` turns that range into a ``DateRef``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dyad.dating.patterns import (
    add_months,
    count_value,
    latest_month_day,
    month_end,
    month_number,
    next_month_day,
    on_or_after,
    on_or_before,
    ref_range,
    safe_date,
    shift_days,
    shifted,
    weekday_number,
)
from dyad.models import DateRef, Precision


@dataclass(frozen=True)
class Context:
    """What a resolver reads besides its match: the anchor's days, tense, the reference."""

    lo: date | None  # the days the anchor may be
    hi: date | None
    by_year: bool  # the anchor is known only to the year
    future: bool
    ref_lo: date | None
    ref_hi: date | None


Range = tuple[date, date, Precision]  # first and last day it may be, the finest precision
Resolver = Callable[[re.Match[str], Context], Range | None]


def _day_of(m: re.Match[str]) -> int:
    return int(m["day"].rstrip("stndrh"))


def _day_range(d: date | None) -> Range | None:
    return (d, d, "day") if d else None


def full_date(m: re.Match[str], _: Context) -> Range | None:
    return _day_range(safe_date(int(m["year"]), month_number(m["mon"]), _day_of(m)))


def day_span(m: re.Match[str], _: Context) -> Range | None:
    """ "March 20-22, 2031" or "20-22 March 2031": the day the span starts."""
    if m["mon"]:
        return full_date(m, _)
    day = int(m["d"].rstrip("stndrh"))
    return _day_range(safe_date(int(m["y"]), month_number(m["m"]), day))


def iso_date(m: re.Match[str], _: Context) -> Range | None:
    return _day_range(safe_date(int(m["year"]), int(m["mon"]), int(m["day"])))


def numeric_date(m: re.Match[str], _: Context) -> Range | None:
    """12/31/2020 or 31.12.2020; a slash date whose day and month could swap gives None."""
    first, second, year = int(m["a"]), int(m["b"]), int(m["year"])
    if first > 12 or (m["sep"] == "." and second <= 12):
        day, month = first, second
    elif second > 12 or first == second:
        day, month = second, first
    else:
        return None
    return _day_range(safe_date(year, month, day))


def month_day(m: re.Match[str], ctx: Context) -> Range | None:
    if ctx.lo is None or ctx.hi is None:
        return None
    month, day = month_number(m["mon"]), _day_of(m)
    shift = {"last": -1, "this": 0, "next": 1}.get(m["rel"] or "")
    if shift is not None:  # "on October 4 last year": that year's, whatever the tense
        if ctx.lo.year != ctx.hi.year:
            return None
        return _day_range(safe_date(ctx.lo.year + shift, month, day))
    if ctx.by_year:
        return _day_range(safe_date(ctx.lo.year, month, day))
    if ctx.future:
        return _day_range(next_month_day(month, day, ctx.lo))
    return _day_range(latest_month_day(month, day, shift_days(ctx.hi, 7)))


def month_year(m: re.Match[str], _: Context) -> Range | None:
    year, month = int(m["year"]), month_number(m["mon"])
    return date(year, month, 1), month_end(year, month), "month"


def month_alone(m: re.Match[str], ctx: Context) -> Range | None:
    if ctx.lo is None or ctx.hi is None:
        return None
    month = month_number(m["mon"])
    prep = m["prep"].strip().lower()
    rel = {"last": -1, "this": 0, "next": 1}.get(m["rel"] or "")
    if rel is not None:
        year = ctx.lo.year + rel
    elif prep.startswith("last"):
        year = ctx.lo.year if month < ctx.lo.month else ctx.lo.year - 1
    elif prep.startswith("next"):
        year = ctx.hi.year if month > ctx.hi.month else ctx.hi.year + 1
    elif prep.startswith("this") or ctx.by_year:
        year = ctx.lo.year
    elif ctx.future:
        year = ctx.lo.year if month >= ctx.lo.month else ctx.lo.year + 1
    else:
        year = ctx.hi.year if month <= ctx.hi.month else ctx.hi.year - 1
    return date(year, month, 1), month_end(year, month), "month"


def year_alone(m: re.Match[str], _: Context) -> Range | None:
    year = int(m["year"])
    return date(year, 1, 1), date(year, 12, 31), "year"


def weekday(m: re.Match[str], ctx: Context) -> Range | None:
    if ctx.lo is None or ctx.hi is None:
        return None
    weekday = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    week = {"last": -1, "this": 0, "next": 1}.get(m["week"] or "")
    if week is not None:  # "on Monday last week": that day of the week before the anchor's
        return (
            shift_days(on_or_before(ctx.lo, 0), 7 * week + weekday),
            shift_days(on_or_before(ctx.hi, 0), 7 * week + weekday),
            "day",
        )
    if rel == "last":
        return (
            on_or_before(shift_days(ctx.lo, -1), weekday),
            on_or_before(shift_days(ctx.hi, -1), weekday),
            "day",
        )
    if rel == "next" or (rel == "this" and ctx.future):
        step = 1 if rel == "next" else 0
        return (
            on_or_after(shift_days(ctx.lo, step), weekday),
            on_or_after(shift_days(ctx.hi, step), weekday),
            "day",
        )
    if ctx.future:
        return on_or_after(ctx.lo, weekday), on_or_after(ctx.hi, weekday), "day"
    ahead = 1 if m["tz"] else 0  # "Wednesday, their time": a zone a day ahead of the writer's
    lo, hi = shift_days(ctx.lo, ahead), shift_days(ctx.hi, ahead)
    return on_or_before(lo, weekday), on_or_before(hi, weekday), "day"


def weekend(m: re.Match[str], ctx: Context) -> Range | None:
    """ "over the weekend", "last weekend": the Saturday and Sunday before the anchor (the
    ones on or after it for "next weekend" or a future clause), only as precise as two days
    allow (their month)."""
    if ctx.lo is None or ctx.hi is None:
        return None
    rel = m["rel"].lower()
    if rel in ("next", "coming") or (ctx.future and rel not in ("last", "this past")):
        saturday = on_or_after(ctx.lo, 5)
        return saturday, shift_days(on_or_after(ctx.hi, 5), 1), "day"
    sunday = on_or_before(ctx.lo, 6)
    return shift_days(sunday, -1), on_or_before(ctx.hi, 6), "day"


def deictic(m: re.Match[str], ctx: Context) -> Range | None:
    if ctx.lo is None or ctx.hi is None:
        return None
    word = m.group().lower()
    step = -1 if word in ("yesterday", "last night") else 1 if word == "tomorrow" else 0
    return shift_days(ctx.lo, step), shift_days(ctx.hi, step), "day"


def relative_unit(m: re.Match[str], ctx: Context) -> Range | None:
    if ctx.lo is None or ctx.hi is None:
        return None
    rel = m["rel"].lower().replace("the ", "")
    step = {"last": -1, "next": 1, "coming": 1}.get(rel, 0)
    unit, mod = m["unit"], (m["mod"] or "").lower()
    lo, hi = ctx.lo, ctx.hi
    if unit == "week":
        lo = shift_days(on_or_before(lo, 0), 7 * step)
        return _main_month(lo, shift_days(on_or_after(hi, 6), 7 * step))
    if unit == "month":
        lo, hi = add_months(lo, step).replace(day=1), add_months(hi, step)
        hi = month_end(hi.year, hi.month)
        cap: Precision = "month"
    else:
        lo, hi, cap = date(lo.year + step, 1, 1), date(hi.year + step, 12, 31), "year"
    if step == 0 and mod == "earlier":
        hi = ctx.hi
    elif step == 0 and mod == "later":
        lo = ctx.lo
    return lo, hi, cap


def _main_month(lo: date, hi: date) -> Range:
    """A week across two months ("last week" from a Tuesday 2 June) stands for the month
    holding most of its days; a longer range stays whole."""
    if (hi - lo).days > 7 or lo.month == hi.month:
        return lo, hi, "month"
    split = month_end(lo.year, lo.month)
    if (split - lo).days + 1 >= (hi - split).days:
        return lo, split, "month"
    return shift_days(split, 1), hi, "month"


def ago(m: re.Match[str], ctx: Context) -> Range | None:
    n = count_value(m["n"])
    if ctx.lo is None or ctx.hi is None or n is None:
        return None
    return shifted(ctx.lo, ctx.hi, m["unit"], -n)


def from_reference(m: re.Match[str], ctx: Context) -> Range | None:
    lo, hi = (ctx.ref_lo, ctx.ref_hi) if ctx.ref_lo and ctx.ref_hi else (ctx.lo, ctx.hi)
    groups = m.groupdict()
    n = count_value(groups.get("n") or "one")
    unit = groups.get("unit") or groups.get("unit2") or ""
    if unit.lower() in ("night", "evening", "morning", "afternoon"):
        unit = "day"  # "the previous night", "the next morning"
    direction = (groups.get("dir") or groups.get("dir2") or "").lower()
    if lo is None or hi is None or n is None:
        return None
    backwards = direction in ("earlier", "before", "prior", "previous", "preceding")
    return shifted(lo, hi, unit, -n if backwards else n)


def that_unit(m: re.Match[str], ctx: Context) -> Range | None:
    """ "later that month", "the same day", "later that night", "earlier in the day", "hours
    later": the reference's day, month or year."""
    lo, hi = (ctx.ref_lo, ctx.ref_hi) if ctx.ref_lo and ctx.ref_hi else (ctx.lo, ctx.hi)
    if lo is None or hi is None:
        return None
    groups = m.groupdict()
    unit = (groups.get("unit") or groups.get("unit2") or "day").lower()
    if unit in ("day", "night", "evening", "morning", "afternoon"):
        return lo, hi, "day"
    if unit == "year":
        return date(lo.year, 1, 1), date(hi.year, 12, 31), "year"
    return lo.replace(day=1), month_end(hi.year, hi.month), "month"  # a week: its month


def range_start(m: re.Match[str], _: Context) -> Range | None:
    """A range of years ("the 1950-1953 war", "between 2004 and 2006"): the year it starts,
    when the end comes after it."""
    start, end = int(m["year"]), m["end"]
    stop = int(end) if len(end) == 4 else start - start % 100 + int(end)
    if stop <= start:
        return None
    return date(start, 1, 1), date(start, 12, 31), "year"


def no_date(m: re.Match[str], ctx: Context) -> Range | None:
    return None


def context_for(anchor: DateRef | None, future: bool, reference: DateRef | None) -> Context:
    """The context of an expression written on ``anchor`` after ``reference`` was named."""
    lo, hi = ref_range(anchor) if anchor else (None, None)
    ref_lo, ref_hi = ref_range(reference) if reference else (None, None)
    by_year = anchor is not None and anchor.precision == "year"
    return Context(lo, hi, by_year, future, ref_lo, ref_hi)
