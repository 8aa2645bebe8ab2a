"""``scan.PatternSet``: several patterns in one scan give each pattern exactly its own
``finditer`` matches (spans and groups), whatever the text."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.dating.relative import _PATTERNS, _SCAN
from dyad.nlp.numbers import _patterns
from dyad.scan import PatternSet

WRITTEN = [
    re.compile(r"\b(?P<n>\d+)\s*km\b", re.IGNORECASE),
    re.compile(r"\b(?:on\s+)?(?P<day>Monday|Tuesday)(?:\s+morning)?\b"),
    re.compile(r"\b(?P<mon>March|May)\s+(?P<d>\d{1,2})\b"),
    re.compile(r"(?<![\w$])(?P<n>\d+(?:\.\d+)?)\s*(?:per ?cent|%)"),
    re.compile(r"\b(?P<a>\d)(?P<sep>[/.])\d(?P=sep)\d{4}\b"),  # a back-reference: alone
    re.compile(r"x*"),  # may match the empty string: alone
    re.compile(r"\btoday\b|(?<![\w,] )Today\b"),
]
SENTENCES = [
    "Lithuania and Chile met on Monday morning, 12 km from the border, on March 4.",
    "Turnout rose 3.5 per cent to 61% on Tuesday; the 40 KM road opened on May 30.",
    "The 5/6/2019 and 5.6.2019 notes; today, Today and xx were read. 7 \u212am of road.",
    "Monday March 3 on Tuesday May 12 3 km 4km 15% $5% 0.5 percent ٣ km",
    "",
]
PIECES = st.sampled_from(
    ["%", "two", "Three", "three", "8km", "4.5",
     " ", "\n", ",", ".", "/", "-", "$", "%", "on", "Monday", "Tuesday", "morning", "March",
     "May", "km", "KM", "\u212am", "3", "12", "2019", "٣", "per cent", "x", "today", "Today",
     "last", "week", "year", "ago", "in", "the", "1990s", "Sept.", "weekend", "hours", "later"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=60).map("".join)


def _matches(found: list[list[re.Match[str]]]) -> list[list[tuple[tuple[int, int], object]]]:
    return [[(m.span(), m.groupdict()) for m in ms] for ms in found]


def _each(patterns: list[re.Pattern[str]], text: str) -> list[list[re.Match[str]]]:
    return [list(p.finditer(text)) for p in patterns]


def test_each_pattern_gets_its_own_finditer_matches() -> None:
    scan = PatternSet(WRITTEN)
    for text in SENTENCES:
        assert _matches(scan.finditer_each(text)) == _matches(_each(WRITTEN, text))


def test_patterns_the_finder_cannot_hold_run_on_their_own() -> None:
    scan = PatternSet(WRITTEN)
    assert scan.joined == {0, 1, 2, 3, 6}  # not the back-reference, not the empty match
    text = "On 5/6/2019 and 5.6/2019: xx"
    assert [m.group() for m in scan.finditer_each(text)[4]] == ["5/6/2019"]


def test_ignorecase_patterns_find_every_case_form_of_their_first_letter() -> None:
    # the Kelvin sign is a "k" to an IGNORECASE pattern
    scan = PatternSet([re.compile(r"\bkm\b", re.I), re.compile(r"\b\d+\b")])
    found = scan.finditer_each("7 \u212am and 8 KM")
    assert [m.group() for m in found[0]] == ["\u212am", "KM"]


def test_skipped_patterns_give_nothing() -> None:
    scan = PatternSet(WRITTEN)
    found = scan.finditer_each(SENTENCES[0], {1, 2})
    assert found[1] == [] and found[2] == []
    assert [m.group() for m in found[0]] == ["12 km"]


def test_the_time_expression_patterns_are_joined() -> None:
    assert len(_SCAN.joined) >= len(_PATTERNS) - 2
    patterns = [pattern for _, pattern, _ in _PATTERNS]
    for text in SENTENCES:
        assert _matches(_SCAN.finditer_each(text)) == _matches(_each(patterns, text))


SHARED = [
    re.compile(r"(?<![\w.])(?P<n>\d+|two|three)\s*km\b", re.IGNORECASE),
    re.compile(r"(?<![\w.])(?P<n>\d+|two|three)\s?%"),
    re.compile(r"(?<![\w.])(?P<n>\d+|two|three)(?![\w%])", re.IGNORECASE),
]
OPENING = re.compile(r"(?<![\w.])(?:\d+|two|three)", re.IGNORECASE)


def test_patterns_sharing_an_opening_are_found_from_it() -> None:
    scan = PatternSet(SHARED, opening=OPENING)
    assert scan.joined == {0, 1, 2}
    for text in [*SENTENCES, "Two km, 3% and THREE; 4.5 km, x7 km, 8km and 9 %"]:
        assert _matches(scan.finditer_each(text)) == _matches(_each(SHARED, text))
    # the second look at one text reuses the finder's positions
    text = "2 km and 3%"
    assert [m.group() for m in scan.finditer_each(text, {0, 2})[1]] == ["3%"]
    assert [m.group() for m in scan.finditer_each(text, {1, 2})[0]] == ["2 km"]


def test_the_amount_patterns_share_their_number() -> None:
    pats = _patterns()
    patterns = [pats.money_suffix, pats.percent, pats.strong, pats.measure, pats.number]
    assert pats.scan.joined == {0, 1, 2, 3, 4}
    text = "Some 3,000-strong troops, 12 per cent, two million euros and 40 km: a third of a ton."
    assert _matches(pats.scan.finditer_each(text)) == _matches(_each(patterns, text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_the_same_matches(text: str) -> None:
    assert _matches(PatternSet(WRITTEN).finditer_each(text)) == _matches(_each(WRITTEN, text))
    shared = PatternSet(SHARED, opening=OPENING)
    assert _matches(shared.finditer_each(text)) == _matches(_each(SHARED, text))
    patterns = [pattern for _, pattern, _ in _PATTERNS]
    assert _matches(_SCAN.finditer_each(text)) == _matches(_each(patterns, text))
