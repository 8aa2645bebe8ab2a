"""Time expressions in a text, resolved against an anchor date (usually the publication date).

``find_time_expressions`` finds spans such as "on Thursday", "March 9, 2031", "in October last
year", "two years ago" or "five months later" with compiled regular expressions and resolves
each to a :class:`~dyad.models.DateRef`. Resolution works on ranges: the anchor stands for the
days it may be (one day, a month, a year), each expression maps that range to the range of
days it may mean, and the result is given only as precisely as that range allows (see
:func:`dyad.dating.patterns.range_to_ref`). So a weekday against a day anchor gives a day,
against a month anchor only the month, and nothing is ever more precise than its anchor.

Decisions worth knowing:

- A weekday in another time zone ("Wednesday, local time", "Thursday Tokyo time") may be the
  day after the anchor's: a place ahead of the writer's clock is already a day further.
- A bare weekday, month or month-day means the most recent one on or before the anchor, or
  the next one on or after it when the clause is future-tense (``future``; ``None`` lets
  :func:`~dyad.dating.patterns.is_future_at` judge each clause). A month-day up to 7 days
  after the anchor is taken as this year's even in a past clause; one followed by "last /
  this / next year" ("on October 4 last year") falls in that year, a weekday followed by
  "last / this / next week" ("on Monday last week") in that week (weeks start on Monday).
- Against a year-precision anchor, month names and month-days fall inside that year.
- Years count only after a temporal word ("in 1997", "by 2024", "since 2011", "2023's");
  ranges ("1961-1964", "between 1921 and 1938") are periods dated by the year they start;
  decades ("the 1990s") are periods and durations ("for more than a decade", "the past 12
  years") durations: both have no date.
  Bare numbers ("60 years", "3½-hour", "$90 billion", "G20") are not time expressions.
- "a day earlier", "five months later", "the next day" count from ``reference``: in
  ``find_time_expressions`` the last dated expression before them, else the anchor.

This module finds the expressions (the patterns and their order); :mod:`dyad.dating.resolvers`
maps each to its range of days.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from dyad.dating.patterns import (
    DAY_RE,
    MONTH_RE,
    NUMBER_RE,
    WEEKDAY_RE,
    YEAR_CORE,
    YEAR_RE,
    is_future_at,
    range_to_ref,
    years_named_for,
)
from dyad.dating.resolvers import (
    Context,
    Resolver,
    ago,
    context_for,
    day_span,
    deictic,
    from_reference,
    full_date,
    iso_date,
    month_alone,
    month_day,
    month_year,
    no_date,
    numeric_date,
    range_start,
    relative_unit,
    that_unit,
    weekday,
    weekend,
    year_alone,
)
from dyad.models import DateRef
from dyad.scan import PatternSet


@dataclass(frozen=True)
class TimeExpression:
    """A time expression at ``text[start:end]`` and the date it stands for, if any.

    ``kind`` is one of absolute, month, year, weekday, relative, deictic, duration, period;
    ``future`` says whether its clause was read as future-tense.
    """

    start: int
    end: int
    text: str
    date: DateRef | None
    kind: str
    future: bool = False


_WEEKDAY_PART = rf"{WEEKDAY_RE}(?:\s+(?:morning|afternoon|evening|night))?"
_PREP_MONTH = (
    r"(?:in|since|by|until|till|from|during|through|before|after|as early as|as late as|"
    r"at the (?:end|start|beginning) of|the (?:end|start|beginning) of|early|late|mid|"
    r"last|this|next|In|Since|By|Until|From|During|Before|After|Early|Late|Last|This|Next)"
)
_PREP_YEAR = (
    r"(?:in|In|since|Since|by|By|from|From|during|During|for|For|until|Until|till|through|"
    r"Through|before|Before|after|After|of|early|late|end of|start of|beginning of|"
    r"spring of|summer of|autumn of|fall of|winter of)\s+|mid-"
)
_NOT_A_YEAR = (
    r"(?!\s*[-–/]\s*\d)(?!s\b)(?!\s*(?:%|percent|per cent|troops|soldiers|people|km|"
    r"kilometers|miles|tons|tonnes|barrels|units|meters|feet|dollars|yuan|euros))"
)
_UNIT = r"(?P<unit>hours?|days?|weeks?|fortnights?|months?|years?|decades?)"
_RANGE_OF_NUMBERS = rf"(?:{NUMBER_RE})(?:\s*(?:to|-|–)\s*(?:{NUMBER_RE}))?"
_DAY_SPAN = r"(?:-|–|to|and)"
# "October 4 last year", "4 October this year": a month-day placed in a year named after it.
_YEAR_WORD = r"(?:,?\s+(?P<rel>last|this|next)\s+year\b)?"
# A span's second day is no count of things: "June 16 and 17 soldiers" is no span.
_SPAN_END = (
    r"(?![ \t]+(?!(?:in|at|on|to|for|with|when|as|and|but|or|after|before|during|of|the)\b)"
    r"[a-z])"
)


# (kind, pattern, resolver), longest match wins; on equal length the earlier entry wins.
_PATTERNS: Final[tuple[tuple[str, re.Pattern[str], Resolver], ...]] = (
    (
        "absolute",  # "March 20-22, 2031", "20 to 22 March 2031": a span dated by its first day
        re.compile(
            rf"\b(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})\s*{_DAY_SPAN}\s*{DAY_RE},?\s+(?P<year>{YEAR_RE})"
            rf"|\b(?:the\s+)?(?P<d>{DAY_RE})\s*{_DAY_SPAN}\s*{DAY_RE}\s+(?:of\s+)?(?P<m>{MONTH_RE}),?\s+"
            rf"(?P<y>{YEAR_RE})"
        ),
        day_span,
    ),
    (
        "absolute",
        re.compile(
            rf"\b(?:{_WEEKDAY_PART},?\s+)?(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE}),?\s+(?P<year>{YEAR_RE})"
        ),
        full_date,
    ),
    (
        "absolute",
        re.compile(
            rf"\b(?:{_WEEKDAY_PART},?\s+)?(?:the\s+)?(?P<day>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE}),?\s+(?P<year>{YEAR_RE})"
        ),
        full_date,
    ),
    (
        "absolute",
        re.compile(
            r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])"
            r"(?:\b|(?=T\d))"
        ),
        iso_date,
    ),
    (
        "period",
        re.compile(
            rf"\b(?:(?:from|between)\s+)?(?P<year>{YEAR_CORE})\s*(?:[-–/]|to|and|until)\s*"
            r"(?P<end>(?:1[89]|20)\d{2}|\d{2})(?!\d)"
        ),
        range_start,
    ),
    (
        "absolute",
        re.compile(
            r"\b(?P<year>(?:19|20)\d{2})/(?P<mon>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])\b"
        ),
        iso_date,
    ),
    (
        "absolute",
        re.compile(
            r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d{2})\b"
        ),
        numeric_date,
    ),
    ("period", re.compile(r"\b(?:the\s+)?(?:early\s+|late\s+|mid-)?(?:1[89]|20)\d0s\b"), no_date),
    (
        "month",
        re.compile(
            rf"\b(?:(?:early|mid|late|Early|Mid|Late)[- ]?)?(?P<mon>{MONTH_RE}),?\s+"
            rf"(?P<year>{YEAR_RE})"
        ),
        month_year,
    ),
    (
        "absolute",  # "on June 20-22", "June 16 and 17": a span without its year, its first day
        re.compile(
            rf"\b(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})\s*{_DAY_SPAN}\s*{DAY_RE}\b{_SPAN_END}"
            rf"{_YEAR_WORD}"
        ),
        month_day,
    ),
    (
        "absolute",  # "on 20-22 June"
        re.compile(
            rf"\b(?:the\s+)?(?P<day>{DAY_RE})\s*{_DAY_SPAN}\s*{DAY_RE}\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
            rf"{_YEAR_WORD}"
        ),
        month_day,
    ),
    (
        "absolute",
        re.compile(
            rf"\b(?:{_WEEKDAY_PART},?\s+)?(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})\b{_YEAR_WORD}"
        ),
        month_day,
    ),
    (
        "absolute",
        re.compile(
            rf"\b(?:{_WEEKDAY_PART},?\s+)?(?:the\s+)?(?P<day>{DAY_RE})\s+(?:of\s+)?(?P<mon>{MONTH_RE})"
            rf"{_YEAR_WORD}"
        ),
        month_day,
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<prep>{_PREP_MONTH}[- ](?:(?:early|late|mid)[- ])?)(?P<mon>{MONTH_RE})"
            rf"(?![.,]?\s*\d)(?:\s+(?P<rel>last|this|next) year)?"
        ),
        month_alone,
    ),
    (
        "year",
        re.compile(
            rf"\b(?:{_PREP_YEAR})(?:(?:early|late|mid)[- ])?(?P<year>{YEAR_RE}){_NOT_A_YEAR}"
        ),
        year_alone,
    ),
    ("year", re.compile(rf"\b(?P<year>{YEAR_CORE})['’]s\b"), year_alone),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<rel>last|this|next|on|On|Last|This|Next|early|late|Early|Late)\s+)?"
            rf"(?P<wd>{WEEKDAY_RE})(?:['’]s)?(?:\s+(?:morning|afternoon|evening|night))?\b"
            r"(?:,?\s+\(?(?P<tz>local|their|[A-Z][a-z]+|[A-Z]{2,4})\s+time\b\)?"
            r"|,?\s+(?:of\s+)?(?P<week>last|this|next)\s+week\b)?"
        ),
        weekday,
    ),
    (
        "deictic",
        re.compile(
            r"\b(?:today|tonight|yesterday|tomorrow|now|this (?:morning|afternoon|evening)|"
            r"last night)\b|(?<![\w,;] )(?<![\w-])(?:Today|Tonight|Yesterday|Tomorrow|Now|"
            r"This (?:morning|afternoon|evening)|Last night)\b"
        ),
        deictic,
    ),
    (
        "duration",
        re.compile(
            rf"\b(?:for|over|in|within|during|For|Over|In|Within|During)\s+(?:the\s+)?"
            rf"(?:(?:more|less|fewer) than\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|"
            rf"over\s+|just\s+|at least\s+|up to\s+)?{_RANGE_OF_NUMBERS}\s+{_UNIT}\b"
        ),
        no_date,
    ),
    (
        "duration",
        re.compile(
            rf"\b(?:the\s+)?(?:past|last|next|coming|previous|first|Past|Last|Next|Coming|"
            rf"Previous|First)\s+(?:{_RANGE_OF_NUMBERS}\s+)?(?:decades?|years|months|weeks|days)\b"
        ),
        no_date,
    ),
    (
        "relative",
        re.compile(
            r"\b(?:(?P<mod>earlier|later|early|late|Earlier|Later|Early|Late)\s+)?"
            r"(?P<rel>last|this|next|Last|This|Next|coming|the coming|the current|current)\s+"
            r"(?P<unit>year|month|week)\b"
        ),
        relative_unit,
    ),
    ("relative", re.compile(rf"\b(?P<n>{NUMBER_RE})\s+{_UNIT}\s+ago\b", re.IGNORECASE), ago),
    (
        "relative",  # "over the weekend", "last weekend": its Saturday and Sunday
        re.compile(
            r"\b(?P<rel>last|this past|this|next|coming|over the|at the|on the|the)\s+weekend\b",
            re.IGNORECASE,
        ),
        weekend,
    ),
    (
        "relative",  # "hours later", "a few hours earlier": the day counted from
        re.compile(
            r"\b(?:(?:just|only|some|a few|several|few|many)\s+)?hours\s+"
            r"(?P<dir>later|earlier|after|before|afterwards?)\b",
            re.IGNORECASE,
        ),
        that_unit,
    ),
    (
        "relative",
        re.compile(
            rf"\b(?P<n>{NUMBER_RE})\s+{_UNIT}\s+(?P<dir>earlier|later|before|after|afterwards?|prior|on)\b",
            re.IGNORECASE,
        ),
        from_reference,
    ),
    (
        "relative",
        re.compile(
            r"\b(?:the|The)\s+(?:(?P<dir>next|following|previous|preceding)\s+"
            r"(?P<unit>day|night|evening|morning|afternoon|week|month|year)"
            r"|(?P<unit2>day|night|evening|week|month|year)\s+(?P<dir2>before|after|earlier|later))\b"
        ),
        from_reference,
    ),
    (
        "relative",
        re.compile(
            r"\b(?:(?:(?:later|earlier|early|late)\s+(?:that|the same)|that same|the same)\s+"
            r"(?P<unit>day|night|evening|morning|afternoon|week|month|year)"
            r"|(?:later|earlier)\s+in\s+the\s+(?P<unit2>day|week|month|year))\b",
            re.IGNORECASE,
        ),
        that_unit,
    ),
)


# A cheap test per kind: a text without it cannot hold an expression of that kind.
_GUARDS: Final = MappingProxyType(
    {
        "absolute": re.compile(r"\d"),
        "period": re.compile(r"\d"),
        "year": re.compile(r"\d"),
        "month": re.compile(MONTH_RE),
        "weekday": re.compile(WEEKDAY_RE),
        "deictic": re.compile(
            r"\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Nn]ow|morning|afternoon|evening|"
            r"night)\b"
        ),
        "duration": re.compile(r"(?:hour|day|week|fortnight|month|year|decade)s?\b"),
        "relative": re.compile(
            r"(?:hour|day|night|evening|morning|afternoon|week|weekend|fortnight|month|year|"
            r"decade)s?\b"
        ),
    }
)


_SCAN: Final = PatternSet([pattern for _, pattern, _ in _PATTERNS])
_Taken = tuple[int, int, str, re.Match[str], Resolver]
# A text this long is read twice per document (the publication date's evidence, then
# ``dyad_time``): its matches are kept for the few texts read last.
_KEEP_CHARS = 1_000


def _matches(text: str) -> list[_Taken]:
    """All pattern matches, longest first, without overlaps."""
    if len(text) < _KEEP_CHARS:
        return _find_matches(text)
    return list(_kept_matches(text))


@lru_cache(maxsize=4)
def _kept_matches(text: str) -> tuple[_Taken, ...]:
    return tuple(_find_matches(text))


def _find_matches(text: str) -> list[_Taken]:
    found: list[tuple[int, int, int, str, re.Match[str], Resolver]] = []
    present = {kind: bool(guard.search(text)) for kind, guard in _GUARDS.items()}
    absent = {order for order, (kind, _, _) in enumerate(_PATTERNS) if not present[kind]}
    each = _SCAN.finditer_each(text, absent)  # every pattern's finditer, in one scan
    for order, (kind, _, resolver) in enumerate(_PATTERNS):
        for match in each[order]:
            found.append(
                (-(match.end() - match.start()), order, match.start(), kind, match, resolver)
            )
    found.sort(key=lambda item: item[:3])
    taken: list[tuple[int, int, str, re.Match[str], Resolver]] = []
    starts: list[int] = []  # the taken spans, sorted by start: they never overlap
    ends: list[int] = []
    for _, _, start, kind, match, resolver in found:
        end = match.end()
        i = bisect.bisect_right(starts, start)
        if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        taken.append((start, end, kind, match, resolver))
    return sorted(taken, key=lambda item: item[0])


def _resolve(match: re.Match[str], resolver: Resolver, ctx: Context, kind: str) -> DateRef | None:
    found = resolver(match, ctx)
    if found is None:
        return None
    lo, hi, cap = found
    return range_to_ref(lo, hi, cap, evidence=f"{kind} '{match.group()}'")


def resolve_expression(
    text: str,
    anchor: DateRef | None,
    *,
    future: bool = False,
    reference: DateRef | None = None,
) -> DateRef | None:
    """The date the (longest) time expression in ``text`` stands for, or None.

    ``anchor`` is the date the text was written (usually the publication date); ``future``
    reads bare weekdays, months and month-days forwards; ``reference`` is the date that
    "a day earlier" or "seven months later" count from (the anchor when not given).
    """
    matches = _matches(text)
    if not matches:
        return None
    _, _, kind, match, resolver = max(matches, key=lambda item: item[1] - item[0])
    return _resolve(match, resolver, context_for(anchor, future, reference), kind)


_AFTER_THE: Final = re.compile(r"\s+the\s+(?:[a-z][\w’'-]*\s+){0,2}?(?P<noun>[a-z]{4,})\b")


def _named_reference(text: str, end: int) -> DateRef | None:
    """ "five years after the annexation" in a text that names "the 2014 annexation": the year
    the span counts from, when the text gives that thing one year."""
    if not re.search(r"(?i)(?:after|before)$", text[max(0, end - 6) : end]):
        return None
    m = _AFTER_THE.match(text, end)
    if m is None:
        return None
    years = years_named_for(text, m["noun"])
    return DateRef(str(years.pop()), "year") if len(years) == 1 else None


def find_time_expressions(
    text: str, anchor: DateRef | None, *, future: bool | None = None
) -> list[TimeExpression]:
    """Every time expression in ``text`` with its character offsets and resolved date.

    ``future=None`` judges each clause's tense; True or False forces it for all. Without an
    anchor only self-contained dates ("May 21, 2014", "in 2008", "November 2019") resolve.
    """
    expressions: list[TimeExpression] = []
    reference: DateRef | None = None
    for start, end, kind, match, resolver in _matches(text):
        tense = future if future is not None else is_future_at(text, start, end)
        named = _named_reference(text, end) if resolver is from_reference else None
        ctx = context_for(anchor, tense, named or reference)
        resolved = _resolve(match, resolver, ctx, kind)
        expressions.append(TimeExpression(start, end, match.group(), resolved, kind, tense))
        if resolved is not None:
            reference = resolved
    return expressions
