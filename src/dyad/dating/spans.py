"""Publication years counted from spans of time the article names.

News counts time from things it dates elsewhere: "the war along the frontier ended four years
ago" beside "the 2026 war" dates the article to 2030; "the 37-year standoff" in an article that
says the island "has been divided since 1994" dates it to 2031; "fighting flared last year"
beside trade figures "for 2030" dates it to 2031. Each such count becomes weak evidence for
one year (:class:`~dyad.dating.evidence.Evidence`), so a count that does not fit the rest of
the evidence loses to it. Approximate counts ("more than 65 years", "nearly a decade") count
nothing: they are rhetoric as often as arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from dyad.dating.patterns import count_value, sentence_bounds, years_named_for
from dyad.dating.records import Evidence

_COUNT: Final = (
    r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty)"
)
_APPROXIMATE: Final = re.compile(
    r"(?:more than|over|nearly|almost|about|around|some|at least|roughly|up to|close to|"
    r"under|less than|fewer than|several)\s*$",
    re.IGNORECASE,
)
_AGO: Final = re.compile(rf"\b{_COUNT}\s+years?\s+ago\b", re.IGNORECASE)
# "the 37-year standoff", "a 40-year-old treaty", "37 years of division"
_LENGTH: Final = re.compile(
    rf"\b{_COUNT}[- ]years?(?:[- ]old|[- ]long)?\s+(?:of\s+)?(?:[\w’'-]+\s+){{0,2}}?"
    r"(?P<noun>[a-z]{4,})\b"
)
_SINCE: Final = re.compile(
    r"\bsince\s+(?:(?:early|late|mid)[- ])?(?P<year>(?:19|20)\d{2})\b(?!\s*[-–]\d)"
)
_STOP: Final = frozenset(
    {
        "ago",
        "the",
        "and",
        "for",
        "was",
        "are",
        "has",
        "had",
        "its",
        "but",
        "not",
        "his",
        "her",
        "who",
        "since",
        "most",
        "years",
        "year",
        "said",
        "says",
        "that",
        "this",
        "with",
        "from",
        "were",
        "have",
        "been",
        "when",
        "after",
        "before",
        "which",
        "their",
        "there",
        "than",
        "more",
        "about",
        "ended",
        "began",
        "started",
        "along",
        "over",
        "into",
    }
)
_WEIGHT_NAMED: Final = 1.5  # the count and the year name the same thing
_WEIGHT_SINCE: Final = 1.0  # the only "since <year>" of the article
_WEIGHT_LAST_YEAR: Final = 0.75


@dataclass(frozen=True)
class _Count:
    years: int
    start: int
    end: int
    nouns: frozenset[str]


def _approximate(text: str, start: int) -> bool:
    return bool(_APPROXIMATE.search(text[max(0, start - 14) : start]))


def _counts(text: str) -> Iterator[_Count]:
    for m in _AGO.finditer(text):
        n = count_value(m["n"])
        if n is None or n == 0 or _approximate(text, m.start()):
            continue
        start, _ = sentence_bounds(text, m.start(), m.end())
        words = re.findall(r"\b[a-z]{3,}\b", text[start : m.start()])
        yield _Count(n, m.start(), m.end(), frozenset(words[-8:]) - _STOP)
    for m in _LENGTH.finditer(text):
        n = count_value(m["n"])
        if n is None or n == 0 or _approximate(text, m.start()) or m["noun"] in _STOP:
            continue
        yield _Count(n, m.start(), m.end(), frozenset({m["noun"]}))


def _evidence(year: int, weight: float, label: str) -> Evidence:
    return Evidence(date(year, 1, 1), date(year, 12, 31), weight, label)


def span_evidence(text: str) -> list[Evidence]:
    """Years counted from named spans: a count of years from a year the text names."""
    found: list[Evidence] = []
    since = {int(m["year"]) for m in _SINCE.finditer(text)}
    seen: set[tuple[int, int]] = set()
    for count in _counts(text):
        phrase = text[count.start : count.end]
        named = {y for noun in count.nouns for y in years_named_for(text, noun)}
        if len(named) == 1:
            (year,) = named
            weight, why = _WEIGHT_NAMED, f"'{phrase}' from {year}"
        elif not named and len(since) == 1 and "ago" not in phrase:
            (year,) = since
            weight, why = _WEIGHT_SINCE, f"'{phrase}' since {year}"
        else:
            continue
        key = (year, count.years)
        if key not in seen and 1000 < year + count.years < 9999:
            seen.add(key)
            found.append(_evidence(year + count.years, weight, why))
    return found


def last_year_evidence(latest_year: int | None, says_last_year: bool) -> list[Evidence]:
    """An article that says "last year" and names no year later than ``latest_year`` is most
    likely written the year after it (the year it calls last year)."""
    if latest_year is None or not says_last_year:
        return []
    label = f"'last year' after {latest_year}"
    return [_evidence(latest_year + 1, _WEIGHT_LAST_YEAR, label)]
