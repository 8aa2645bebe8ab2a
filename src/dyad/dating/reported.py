"""Publication-date evidence from the dates a story reports in its body.

``read_reported_dates`` reads the time expressions outside the lines already used (publication
lines, datelines, date lines, copyright): the latest full date reported (the article was
written in the week after it), the latest month-day without a year, the day a reporting verb
carries ("the ministry said on May 3"), days ahead ("due to meet on Wednesday, 18 October"),
weekday words, past years mentioned and the future a story looks ahead to. Deadlines ("until
March 18") and targets ("by 2030") are not days reported. Dates in photo captions count with a
day's lag.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from dyad.dating.patterns import (
    DAY_RE,
    MAX_DATE,
    MIN_DATE,
    MONTH_RE,
    WEEKDAY_RE,
    month_number,
    ref_range,
    safe_date,
    shift_days,
    weekday_number,
)
from dyad.dating.records import Evidence, PendingDay, TextEvidence, WeekdayMention, point
from dyad.dating.relative import find_time_expressions

__all__ = ["read_reported_dates"]

# "by 2024", "for 2022", "until 2030", "before 2020": targets and limits, not things past.
_TARGET: Final = re.compile(r"(?i)(?:by|for|until|till|through|before)\b")
# "until March 18", "a deadline of June 1", "no later than May 3": limits, not days reported
_DEADLINE: Final = re.compile(
    r"(?i)\b(?:until|till|by|before|deadline(?: of)?|no later than|expires?(?: on)?|due(?: on)?|"
    r"ahead of)\s+(?:the\s+)?$"
)
# "the ministry said on May 3", "the agency reported on May 14": the day of the telling, the
# news of that day (a day reported on anything else may be days before the writing)
_TOLD: Final = re.compile(
    r"(?i)\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|stated|declared|confirmed|"
    r"added|tweeted|wrote)\s+(?:on\s+)?$"
)


_TOLD_WEIGHT: Final = 1.5  # the day itself, beside the week after any day reported
# "on Friday (July 28)": the weekday a day set in brackets after it falls on (how papers in
# Singapore, Malaysia and the Philippines write a wire story's day)
_WEEKDAY_BEFORE: Final = re.compile(rf"{WEEKDAY_RE}(?=\s*\(\s*$)")


def _inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


def _latest_month_day(days: list[tuple[int, int, bool]]) -> tuple[int, int, bool]:
    """The latest of some month-days read on a circular year: the one before the widest gap."""
    ordered = sorted(set(days))
    if len(ordered) == 1:
        return ordered[0]

    def ordinal(item: tuple[int, int, bool]) -> int:
        return date(2001, item[0], min(item[1], 28)).timetuple().tm_yday

    gaps = [
        ((ordinal(ordered[(i + 1) % len(ordered)]) - ordinal(item)) % 365, i)
        for i, item in enumerate(ordered)
    ]
    return ordered[max(gaps)[1]]


def _weekday_day(text: str) -> tuple[int, int, int] | None:
    """The month, day and weekday of "Wednesday, 18 October", if the text gives all three."""
    name = re.search(WEEKDAY_RE, text)
    m = re.search(
        rf"(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})|(?P<d>{DAY_RE})\s+(?P<m>{MONTH_RE})", text
    )
    if name is None or m is None:
        return None
    day = int((m["day"] or m["d"]).rstrip("stndrh"))
    return month_number(m["mon"] or m["m"]), day, weekday_number(name.group())


def read_reported_dates(
    text: str, found: TextEvidence, used: list[tuple[int, int]], captions: list[tuple[int, int]]
) -> None:
    """Adds to ``found`` the evidence of the dates reported outside the ``used`` spans;
    ``captions`` are the spans of photo-caption lines."""
    past_days: list[tuple[date, bool]] = []
    month_days: list[tuple[int, int, bool]] = []
    told: set[tuple[int, int]] = set()  # month-days a reporting verb carries
    told_days: set[date] = set()
    weekday_of: dict[tuple[int, int], int] = {}
    lower = MIN_DATE
    upper = MAX_DATE
    for expression in find_time_expressions(text, None):
        if _inside(expression.start, used):
            continue
        caption = _inside(expression.start, captions)
        if expression.kind == "weekday" and re.search(r"\btime\b", expression.text):
            continue  # "Wednesday, local time": another zone's day, not the writer's
        if expression.kind == "weekday" and not caption:
            name = re.search(WEEKDAY_RE, expression.text)
            weekday = weekday_number(name.group()) if name else -1
            if weekday >= 0:
                found.weekdays.append(WeekdayMention(weekday, expression.future, expression.start))
        elif expression.kind in ("absolute", "weekday") and _DEADLINE.search(
            text[max(0, expression.start - 24) : expression.start]
        ):
            continue  # "has until March 18 to reply": a deadline, not a day reported
        elif expression.kind == "absolute" and expression.date is None and expression.future:
            ahead = _weekday_day(expression.text)
            if ahead is not None:
                # "due to meet on Wednesday, 18 October": written in the week before it
                month, day, weekday = ahead
                label = f"day ahead {month:02d}-{day:02d}"
                found.pending.append(
                    PendingDay(month, day, 1.0, label, lag_before=7, weekday=weekday)
                )
        elif expression.kind == "absolute" and expression.date is None and not expression.future:
            match = re.search(
                rf"(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})|(?P<d>{DAY_RE})\s+(?P<m>{MONTH_RE})",
                expression.text,
            )
            if match:
                day = int((match["day"] or match["d"]).rstrip("stndrh"))
                month = month_number(match["mon"] or match["m"])
                month_days.append((month, day, caption))
                if not caption and _told(text, expression.start):
                    told.add((month, day))
                name = re.search(WEEKDAY_RE, expression.text) or _WEEKDAY_BEFORE.search(
                    text[max(0, expression.start - 14) : expression.start]
                )
                if name:
                    weekday_of[(month, day)] = weekday_number(name.group())
        elif expression.date is not None and expression.kind in ("absolute", "month", "year"):
            lo, hi = ref_range(expression.date)
            if expression.future:
                upper = min(upper, hi)
            elif expression.date.precision == "day":
                past_days.append((lo, caption))
                found.full_date_years.append(lo.year)
                if not caption and _told(text, expression.start):
                    told_days.add(lo)
            elif not _TARGET.match(expression.text):
                lower = max(lower, lo)
                found.mention_years.append(lo.year)
        elif expression.kind == "relative" and re.match(r"(?i)last year$", expression.text):
            found.says_last_year = True
    if past_days:
        latest, caption = max(past_days)
        lag = 1 if caption else 0
        where = "in a caption " if caption else ""
        label = f"latest date reported {where}{latest.isoformat()}"
        found.items.append(point(latest, 2.0, label, before=lag, after=7))
        found.items.append(
            Evidence(shift_days(latest, -lag), MAX_DATE, 1.0, f"after {latest.isoformat()}")
        )
        if latest in told_days:
            found.items.append(point(latest, _TOLD_WEIGHT, f"told on {latest.isoformat()}"))
    if month_days:
        month, day, caption = _latest_month_day(month_days)
        lag = 1 if caption else 0
        label = f"latest day reported {month:02d}-{day:02d}"
        weekday = weekday_of.get((month, day), -1)
        found.pending.append(
            PendingDay(month, day, 2.0, label, window=7, lag_before=lag, weekday=weekday)
        )
        if (month, day) in told:
            label = f"told on {month:02d}-{day:02d}"
            full = max(past_days)[0] if past_days else None
            if full is None:
                found.pending.append(PendingDay(month, day, _TOLD_WEIGHT, label, weekday=weekday))
            elif (when := safe_date(full.year, month, day)) and when > full:
                # placed in the year of the latest full date, when it is later than that date
                found.items.append(point(when, _TOLD_WEIGHT, f"{label} ({when.year})"))
    if lower > MIN_DATE:
        found.items.append(Evidence(lower, MAX_DATE, 0.5, f"mentions {lower.isoformat()[:7]}"))
    if upper < MAX_DATE:
        found.items.append(
            Evidence(MIN_DATE, upper, 0.5, f"looks ahead to {upper.isoformat()[:7]}")
        )


def _told(text: str, start: int) -> bool:
    """Whether a day is that of a reporting verb: "the ministry said on May 3"."""
    return bool(_TOLD.search(text[max(0, start - 40) : start]))
