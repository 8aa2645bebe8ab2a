"""Shared pieces of the dating modules: calendar words, date arithmetic, date ranges, tense.

Everything here is a pure function or an immutable constant. A *range* is a pair of dates
``(lo, hi)`` that a date is known to lie in; :func:`range_to_ref` turns a range into a
:class:`~dyad.models.DateRef` no more precise than the range allows.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

from dyad.models import DateRef, Precision

MONTH_RE: Final = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?"
    r"|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
    r"|Dec(?:ember|\.)?)(?![A-Za-z])"
)
WEEKDAY_RE: Final = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR_CORE: Final = r"(?:1[89]|20)\d{2}"
YEAR_RE: Final = YEAR_CORE + r"(?!\d|,\d)"
DAY_RE: Final = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
NUMBER_RE: Final = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|fifteen|twenty|thirty|forty|fifty|several|a few|few|a couple of|couple of)"
)

MIN_DATE: Final = date(1, 1, 1)
_WIDEST: Final = 490  # days: no year can hold three quarters of a longer range
MAX_DATE: Final = date(9999, 12, 31)

_MONTHS: Final = MappingProxyType(
    {name.lower()[:3]: number for number, name in enumerate(calendar.month_name) if name}
)
_WEEKDAYS: Final = MappingProxyType(
    {name.lower(): number for number, name in enumerate(calendar.day_name)}
)
_NUMBERS: Final = MappingProxyType(
    {
        "a": 1,
        "an": 1,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "fifteen": 15,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
    }
)

_ABBREVIATIONS: Final = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|"
    r"Gov|Lt|Col|Capt|Prof|No|vs|Calif|Fla|Mass|Wash|Ga|Va|Inc|Corp|Co|Ltd|Jr|Sr)|\b[A-Z]|"
    r"\b(?:[A-Z]\.)+[A-Z])\.$"
)
_SENTENCE_END: Final = re.compile(
    r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z“\"])"
)
_FUTURE: Final = re.compile(
    r"\b(?:will|won['’]t|shall|is to|are to|going to|due to|set to|scheduled|slated|"
    r"expected|expects|planned|plans?|planning|poised to|aims? to|intends? to|upcoming|"
    r"forthcoming|next|would)\b|['’]ll\b",
    re.IGNORECASE,
)
_PAST: Final = re.compile(
    r"\b(?:said|says|told|was|were|had|did|has|have|been|began|met|held|made|took|gave|came|"
    r"went|saw|won|led|sent|left|spoke|wrote|became|brought|sought|fought|flew|drew|rose|fell|"
    r"struck|stood|broke|paid|sold|bought|got|ago|earlier|last|yesterday|"
    r"[a-z]{2,}ed)\b"
)
_NOT_PAST: Final = frozenset({"expected", "scheduled", "planned", "slated", "need", "proceed"})
_CLAUSE_BREAK: Final = re.compile(r"[;:—–]|\bthat\b|\bwhile\b|\bbut\b|, (?:and|as|which)\b")


def month_number(token: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9); 0 if not a month."""
    return _MONTHS.get(token.strip(". ").lower()[:3], 0)


def weekday_number(token: str) -> int:
    """Monday = 0 ... Sunday = 6; -1 if the token is not a weekday name."""
    return _WEEKDAYS.get(token.strip().lower(), -1)


def count_value(token: str) -> int | None:
    """The value of a small count written in digits or words; None for "several", "few"."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    return _NUMBERS.get(token)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the parts do not make one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_days(d: date, days: int) -> date:
    """``d + days``, clamped to the representable range."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return MAX_DATE if days > 0 else MIN_DATE


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, its day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def on_or_before(d: date, weekday: int) -> date:
    """The last day with that weekday on or before ``d``."""
    return shift_days(d, -((d.weekday() - weekday) % 7))


def on_or_after(d: date, weekday: int) -> date:
    """The first day with that weekday on or after ``d``."""
    return shift_days(d, (weekday - d.weekday()) % 7)


def latest_month_day(month: int, day: int, limit: date) -> date | None:
    """The last ``month``-``day`` on or before ``limit`` (29 February looks back to a leap year)."""
    for year in (limit.year, limit.year - 1, limit.year - 4):
        found = safe_date(year, month, day)
        if found and found <= limit:
            return found
    return None


def next_month_day(month: int, day: int, limit: date) -> date | None:
    """The first ``month``-``day`` on or after ``limit``."""
    for year in (limit.year, limit.year + 1, limit.year + 4):
        found = safe_date(year, month, day)
        if found and found >= limit:
            return found
    return None


def shifted(lo: date, hi: date, unit: str, n: int) -> tuple[date, date, Precision]:
    """The range lo..hi moved by ``n`` units, with the precision such a shift supports."""
    unit = unit.lower().rstrip("s")
    if unit == "hour":  # "48 hours later": whole days, "six hours later" the same day
        return shift_days(lo, round(n / 24)), shift_days(hi, round(n / 24)), "day"
    if unit == "fortnight":
        unit, n = "week", 2 * n
    if unit == "day":
        return shift_days(lo, n), shift_days(hi, n), "day"
    if unit == "week":  # "a week ago" is the day seven days before; "three weeks ago" vaguer
        exact: Precision = "day" if abs(n) == 1 else "month"
        return shift_days(lo, 7 * n), shift_days(hi, 7 * n), exact
    if unit == "month":
        return add_months(lo, n), add_months(hi, n), "month"
    years = n * (10 if unit == "decade" else 1)
    first, last = min(max(lo.year + years, 1), 9999), min(max(hi.year + years, 1), 9999)
    return date(first, 1, 1), date(last, 12, 31), "year"


def ref_range(ref: DateRef) -> tuple[date, date]:
    """The days a :class:`DateRef` may stand for."""
    year = ref.year
    if ref.precision == "year":
        return date(year, 1, 1), date(year, 12, 31)
    month = int(ref.date[5:7])
    if ref.precision == "month":
        return date(year, month, 1), month_end(year, month)
    day = date.fromisoformat(ref.date)
    return day, day


def make_ref(d: date, precision: Precision, evidence: str = "") -> DateRef:
    """A :class:`DateRef` for ``d`` written to ``precision``."""
    width = {"year": 4, "month": 7, "day": 10}[precision]
    return DateRef(d.isoformat()[:width], precision, evidence)


def range_to_ref(
    lo: date, hi: date, cap: Precision = "day", evidence: str = "", share: float = 0.75
) -> DateRef | None:
    """The finest DateRef (at most ``cap``) that holds at least ``share`` of the days lo..hi.

    A single day gives day precision; a range mostly inside one month gives that month; one
    mostly inside one year gives that year; anything wider gives None.
    """
    if hi < lo or hi == MAX_DATE or lo == MIN_DATE or (hi - lo).days > _WIDEST:
        return None
    if cap == "day" and lo == hi:
        return make_ref(lo, "day", evidence)
    total = (hi - lo).days + 1
    levels: tuple[Precision, ...] = ("month", "year") if cap != "year" else ("year",)
    for level in levels:
        counts: Counter[date] = Counter()
        cursor = lo
        while cursor <= hi:
            key = date(cursor.year, cursor.month if level == "month" else 1, 1)
            end = (
                month_end(cursor.year, cursor.month)
                if level == "month"
                else date(cursor.year, 12, 31)
            )
            end = min(end, hi)
            counts[key] += (end - cursor).days + 1
            cursor = end + timedelta(days=1)
        key, days = counts.most_common(1)[0]
        if days >= share * total:
            return make_ref(key, level, evidence)
    return None


# How far a sentence is looked for on either side of an expression: text with no sentence end
# (a page flattened to one line) would otherwise make every look-up read the whole text.
SENTENCE_REACH = 600


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The character span of the sentence around ``text[start:end]`` (at most SENTENCE_REACH
    characters on either side)."""
    left = max(0, start - SENTENCE_REACH)
    for match in _SENTENCE_END.finditer(text, max(0, start - SENTENCE_REACH), start):
        if not _ABBREVIATIONS.search(text[max(0, match.start() - 12) : match.start() + 1]):
            left = match.end()
    right = min(len(text), end + SENTENCE_REACH)
    for match in _SENTENCE_END.finditer(text, end, right):
        if match.start() >= end and not _ABBREVIATIONS.search(
            text[max(0, match.start() - 12) : match.start() + 1]
        ):
            right = match.start() + 1
            break
    return left, right


def is_future_at(text: str, start: int, end: int) -> bool:
    """Whether the clause around ``text[start:end]`` speaks of the future.

    The nearest tense marker to the left within the clause decides; failing that, the first
    to the right. No marker means past (news reports what happened).
    """
    s_start, s_end = sentence_bounds(text, start, end)
    left = text[s_start:start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    markers = [(m.start(), True) for m in _FUTURE.finditer(left)]
    markers += [
        (m.start(), False) for m in _PAST.finditer(left) if m.group().lower() not in _NOT_PAST
    ]
    if markers:
        return max(markers)[1]
    right = text[end:s_end]
    cut = _CLAUSE_BREAK.search(right)
    if cut:
        right = right[: cut.start()]
    future = _FUTURE.search(right)
    past = next((m for m in _PAST.finditer(right) if m.group().lower() not in _NOT_PAST), None)
    return bool(future and (past is None or future.start() < past.start()))


def years_named_for(text: str, noun: str) -> set[int]:
    """Years the text gives a noun: "the 2026 war", "the 2026 border war", "the war of 2026"."""
    word = re.escape(noun)
    before = re.compile(
        rf"\b(?P<year>(?:19|20)\d{{2}})\s+(?:[A-Za-z][\w’'-]*\s+){{0,2}}?{word}s?\b"
    )
    after = re.compile(
        rf"\b{word}s?\s+(?:(?:of|by|with)\s+(?:the\s+)?[A-Z][\w’'-]*\s+)?(?:of|in)\s+"
        r"(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]\d)"
    )
    return {int(m["year"]) for p in (before, after) for m in p.finditer(text)}
