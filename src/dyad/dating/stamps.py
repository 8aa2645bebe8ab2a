"""Date stamps of the page around an article: addresses, short stamps, formal dates.

Readers of :mod:`dyad.dating.evidence` for forms the date lines there do not cover:

- a web address at the top whose path carries the date (``/2031/03/09/``, ``/20310309/``,
  ``-2031-03-09-``): sites put the day of first publication there;
- a short stamp with a two-digit year, the weekday often abbreviated ("Fri - 10 March 31",
  "10/03/31", "March 10, '31"), or hyphenated with its month spelled ("10-Mar-2031",
  "2031-March-10"); its weekday, when given, picks among the readings;
- a slash date on a line of its own whose day and month could swap ("10/03/2031"): both
  readings, half the weight each, unless a weekday or the text's other dates settle it;
- a formal date ("Dated this 14th day of March, 2031", "Done at X on the 2nd day of May 2031"),
  which dates the document it closes;
- a relative stamp ("Published 3 years ago", "2 days ago") counted back from the day the page
  was served (a page date beside a menu), when the page shows one.

Every reader returns :class:`~dyad.dating.evidence.Evidence`; none needs spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from dyad.dating.patterns import (
    DAY_RE,
    MONTH_RE,
    month_number,
    safe_date,
    shift_days,
)


@dataclass(frozen=True)
class Stamp:
    """A day a stamp may give, with its share of the stamp's weight and a label."""

    day: date
    share: float
    label: str


_URL: Final = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+")
_URL_DATES: Final = (
    re.compile(
        r"[/_-](?P<y>(?:19|20)\d{2})[/_-](?P<m>0?[1-9]|1[0-2])[/_-](?P<d>0?[1-9]|[12]\d|3[01])"
        r"(?=[/_.-]|$)"
    ),
    re.compile(
        r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    ),
)
_WEEKDAY_ABBR: Final = r"(?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?"
_SEP: Final = r"\s*[,|/–—-]?\s*"
_SHORT_YEAR: Final = (
    re.compile(
        rf"^\W*(?:{_WEEKDAY_ABBR}{_SEP})?(?P<day>{DAY_RE})\s+(?P<mon>{MONTH_RE})\.?,?\s+"
        r"['’]?(?P<yy>\d{2})(?![\d:])"
    ),
    re.compile(
        rf"^\W*(?:{_WEEKDAY_ABBR}{_SEP})?(?P<mon>{MONTH_RE})\.?\s+(?P<day>{DAY_RE}),?\s+"
        r"['’](?P<yy>\d{2})(?![\d:])"
    ),
    # "27-Dec-2028", "2028-December-27": a forum's or a site's stamp with its month spelled
    re.compile(
        rf"^\W*(?:{_WEEKDAY_ABBR}{_SEP})?(?P<day>{DAY_RE})-(?P<mon>{MONTH_RE})-"
        r"(?P<yy>(?:19|20)\d{2}|\d{2})(?![\d:])"
    ),
    re.compile(rf"^\W*(?P<yy>(?:19|20)\d{{2}})-(?P<mon>{MONTH_RE})-(?P<day>{DAY_RE})"),
    re.compile(
        rf"^\W*(?:{_WEEKDAY_ABBR}{_SEP})?(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)"
        r"(?P<yy>\d{2}|(?:19|20)\d{2})(?![\d/.-]\d)"
    ),
)
_STAMP_REST: Final = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|\b(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|IST|JST|"
    r"KST|CET|CEST|HKT|SGT|hrs)\b|\b(?:updated|published|posted|on|at|last|modified|am|pm)\b|"
    r"[^\w]+",
    re.IGNORECASE,
)
_DAY_FIRST_SHARE: Final = 0.65
_WEEKDAY_INDEX: Final = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_FORMAL: Final = re.compile(
    rf"\b(?:[Dd]ated|DATED|[Dd]one|DONE|[Ss]igned|SIGNED|[Gg]iven|GIVEN|[Ii]ssued|ISSUED)\b"
    rf"[^.\n]{{0,60}}?\b(?:this|the|on)\s+(?P<day>{DAY_RE})\s+day\s+of\s+(?P<mon>{MONTH_RE}),?"
    r"\s+(?:in\s+the\s+year\s+)?(?P<year>(?:19|20)\d{2})\b"
)
_AGO: Final = re.compile(
    r"^\W*(?:(?:first\s+)?(?:published|posted|updated|last\s+updated)\s*:?\s*)?"
    r"(?P<n>\d{1,2}|an?|one)\s+(?P<unit>minute|hour|day|week|month|year)s?\s+ago\W*$",
    re.IGNORECASE,
)


def url_stamps(text: str, limit: int) -> list[Stamp]:
    """Days the web addresses in ``text[:limit]`` carry in their paths."""
    found: list[Stamp] = []
    for url in _URL.finditer(text, 0, limit):
        for pattern in _URL_DATES:
            m = pattern.search(url.group())
            if m is None:
                continue
            day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if day is not None:
                found.append(Stamp(day, 1.0, f"address '{url.group()[:60]}'"))
                break
    return found


def _full_year(yy: str, today: date) -> int:
    if len(yy) == 4:
        return int(yy)
    year = 2000 + int(yy)
    return year if year <= today.year + 1 else year - 100


def short_stamps(line: str, today: date, day_first: bool | None) -> list[Stamp]:
    """The readings of a short stamp line with a two-digit year or an ambiguous slash date.

    The line must be (nearly) only the stamp: a weekday, a date, a time, a zone and the
    words "updated", "published". A weekday keeps only the readings that fall on it.
    """
    for pattern in _SHORT_YEAR:
        m = pattern.match(line)
        if m is None or _STAMP_REST.sub("", line[m.end() :]).strip():
            continue
        year = _full_year(m["yy"], today)
        if m.groupdict().get("mon"):
            orders = [(int(m["day"].rstrip("stndrh")), month_number(m["mon"]))]
        else:
            a, b = int(m["a"]), int(m["b"])
            orders = [(a, b), (b, a)] if day_first is None else [(a, b) if day_first else (b, a)]
        days = [d for day, month in orders if (d := safe_date(year, month, day))]
        if m.groupdict().get("wd"):
            weekday = _WEEKDAY_INDEX[m["wd"][:3].lower()]
            days = [d for d in days if d.weekday() == weekday]
        days = list(dict.fromkeys(days))
        label = f"stamp '{line.strip()[:40]}'"
        if len(days) == 2:
            # Day first is how most of the world's news sites write a numeric date (the
            # United States' month first shows in its sites' spelled-out dates instead).
            return [
                Stamp(days[0], _DAY_FIRST_SHARE, label),
                Stamp(days[1], 1 - _DAY_FIRST_SHARE, label),
            ]
        return [Stamp(d, 1.0, label) for d in days]
    return []


def formal_stamps(text: str) -> list[Stamp]:
    """Formal dates closing a document: "Dated this 14th day of March, 2031"."""
    found: list[Stamp] = []
    for m in _FORMAL.finditer(text):
        day = safe_date(int(m["year"]), month_number(m["mon"]), int(m["day"].rstrip("stndrh")))
        if day is not None:
            found.append(Stamp(day, 1.0, f"formal date '{m.group()[-40:]}'"))
    return found


def ago_stamps(lines: Sequence[str], served: date) -> list[tuple[date, date, str]]:
    """Days a relative stamp ("Published 3 years ago") may stand for, counted back from the
    day the page was served: the range a unit's rounding allows."""
    found: list[tuple[date, date, str]] = []
    for line in lines:
        m = _AGO.match(line)
        if m is None:
            continue
        n = 1 if m["n"].lower() in ("a", "an", "one") else int(m["n"])
        unit = m["unit"].lower()
        label = f"stamp '{line.strip()[:30]}' before {served}"
        if unit in ("minute", "hour"):
            found.append((shift_days(served, -1), served, label))
            continue
        if unit == "day":
            found.append((shift_days(served, -n), shift_days(served, -n), label))
            continue
        days = {"week": 7, "month": 30, "year": 365}[unit]
        # "3 years ago": sites round the time elapsed, so from two and a half to three and
        # a half years before
        lo = shift_days(served, -(2 * n + 1) * days // 2 - 1)
        hi = shift_days(served, -(2 * n - 1) * days // 2 + 1)
        found.append((lo, hi, label))
    return found
