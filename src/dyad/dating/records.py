"""The records publication-date evidence is read into.

``Evidence`` is an interval of days the publication date likely falls in, with a weight and a
label saying why; ``PendingDay`` a month-day awaiting its year; ``WeekdayMention`` a weekday
word; ``TextEvidence`` all that one text gives. ``point`` is the evidence of one day (with a
window of days before and after it). ``dating.evidence`` and ``dating.reported`` read text into
these records; ``dating.published`` weighs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dyad.dating.patterns import shift_days

__all__ = ["Evidence", "PendingDay", "TextEvidence", "WeekdayMention", "point"]


@dataclass(frozen=True)
class Evidence:
    """The publication date lies in ``lo..hi`` (inclusive), with confidence ``weight``."""

    lo: date
    hi: date
    weight: float
    label: str
    fallback: bool = False  # counted only when the rest of the evidence settles nothing


@dataclass(frozen=True)
class PendingDay:
    """A month and day seen without a year; it becomes evidence once candidate years exist.

    The publication date is taken to be from ``lag_before`` days before to ``window`` days after
    the day (a dateline gives the day itself, a reported event a week after it).
    """

    month: int
    day: int
    weight: float
    label: str
    window: int = 0
    lag_before: int = 0
    weekday: int = -1  # the weekday the text gives the day ("Thursday, February 24"), if any


@dataclass(frozen=True)
class WeekdayMention:
    weekday: int  # Monday = 0
    future: bool
    start: int


@dataclass
class TextEvidence:
    """All the evidence read from one text (built once per call, never shared)."""

    items: list[Evidence] = field(default_factory=list)
    pending: list[PendingDay] = field(default_factory=list)
    weekdays: list[WeekdayMention] = field(default_factory=list)
    full_date_years: list[int] = field(default_factory=list)
    line_years: list[int] = field(default_factory=list)  # years of dated publication/date lines
    mention_years: list[int] = field(default_factory=list)  # past years named ("in 2030")
    says_last_year: bool = False  # the text says "last year"


def point(d: date, weight: float, label: str, before: int = 0, after: int = 0) -> Evidence:
    """The evidence of one day, widened by ``before`` and ``after`` days."""
    return Evidence(shift_days(d, -before), shift_days(d, after), weight, label)
