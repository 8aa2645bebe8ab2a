"""Time expressions and their resolution against an anchor (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dyad.dating.patterns import is_future_at, range_to_ref
from dyad.dating.relative import TimeExpression, find_time_expressions, resolve_expression
from dyad.models import DateRef

THURSDAY = DateRef("2024-05-16", "day")  # a Thursday
MONTH = DateRef("2014-07", "month")
YEAR = DateRef("2014", "year")


def when(
    text: str,
    anchor: DateRef | None = THURSDAY,
    *,
    future: bool = False,
    reference: DateRef | None = None,
) -> str | None:
    found = resolve_expression(text, anchor, future=future, reference=reference)
    return f"{found.date}/{found.precision}" if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Thursday", "2024-05-16/day"),
        ("Thursday morning", "2024-05-16/day"),
        ("Wednesday", "2024-05-15/day"),
        ("on Friday", "2024-05-10/day"),
        ("last Friday", "2024-05-10/day"),
        ("last Thursday", "2024-05-09/day"),
        ("next Tuesday", "2024-05-21/day"),
        ("in May", "2024-05/month"),
        ("in June", "2023-06/month"),
        ("May 25", "2023-05-25/day"),
        ("May 20", "2024-05-20/day"),
        ("May 21, 2014", "2014-05-21/day"),
        ("21 May 2014", "2014-05-21/day"),
        ("12 September, 2012", "2012-09-12/day"),
        ("Wednesday, 12 September, 2012", "2012-09-12/day"),
        ("Jan. 31", "2024-01-31/day"),
        ("Aug. 26", "2023-08-26/day"),
        ("Sept. 5", "2023-09-05/day"),
        ("April 1", "2024-04-01/day"),
        ("2019-03-08", "2019-03-08/day"),
        ("31.12.2020", "2020-12-31/day"),
        ("12/31/2020", "2020-12-31/day"),
        ("in 2008", "2008/year"),
        ("by 2024", "2024/year"),
        ("in November 2019", "2019-11/month"),
        ("last year", "2023/year"),
        ("this year", "2024/year"),
        ("next year", "2025/year"),
        ("last month", "2024-04/month"),
        ("this month", "2024-05/month"),
        ("next month", "2024-06/month"),
        ("last week", "2024-05/month"),
        ("yesterday", "2024-05-15/day"),
        ("today", "2024-05-16/day"),
        ("now", "2024-05-16/day"),
        ("earlier this year", "2024/year"),
        ("in March last year", "2023-03/month"),
        ("last March", "2024-03/month"),
        ("two years ago", "2022/year"),
        ("three days ago", "2024-05-13/day"),
        ("a day earlier", "2024-05-15/day"),
    ],
)
def test_resolves_against_a_day(text: str, expected: str) -> None:
    assert when(text) == expected


def test_future_reads_forwards() -> None:
    assert when("on Friday", future=True) == "2024-05-17/day"
    assert when("Thursday", future=True) == "2024-05-16/day"
    assert when("in June", future=True) == "2024-06/month"
    assert when("in April", future=True) == "2025-04/month"
    assert when("May 21", future=True) == "2024-05-21/day"


def test_relative_to_a_reference() -> None:
    reference = DateRef("2020-08-26", "day")
    assert when("a day earlier", reference=reference) == "2020-08-25/day"
    assert when("one day after", reference=reference) == "2020-08-27/day"
    assert when("the next day", reference=reference) == "2020-08-27/day"
    assert when("seven months later", reference=DateRef("2023-03", "month")) == "2023-10/month"
    assert when("two years later", reference=DateRef("2015", "year")) == "2017/year"


def test_that_month_is_the_references() -> None:
    reference = DateRef("2019-03-28", "day")
    assert when("later that month", reference=reference) == "2019-03/month"
    assert when("earlier that year", reference=reference) == "2019/year"
    assert when("the same day", reference=reference) == "2019-03-28/day"
    assert when("later that week", reference=reference) == "2019-03/month"
    text = "They met on March 28, 2019. They met again later that month."
    assert [e.date.date for e in find_time_expressions(text, THURSDAY) if e.date] == [
        "2019-03-28",
        "2019-03",
    ]


def test_last_week_across_a_month_boundary_is_the_month_holding_most_of_it() -> None:
    # The week before Tuesday 4 June 2024 runs 27 May - 2 June: five of its days are in May.
    assert when("last week", DateRef("2024-06-04", "day")) == "2024-05/month"
    # the week before Friday 5 July 2024 runs 24 - 30 June: all of it in June
    assert when("last week", DateRef("2024-07-05", "day")) == "2024-06/month"


def test_never_more_precise_than_the_anchor() -> None:
    assert when("on Thursday", MONTH) == "2014-07/month"
    assert when("yesterday", MONTH) == "2014-07/month"
    assert when("May 21", MONTH) == "2014-05-21/day"
    assert when("July 25", MONTH) == "2014-07-25/day"
    assert when("in May", YEAR) == "2014-05/month"
    assert when("on Thursday", YEAR) == "2014/year"
    assert when("last month", YEAR) == "2014/year"
    assert when("last year", YEAR) == "2013/year"


def test_without_an_anchor_only_self_contained_dates_resolve() -> None:
    assert when("on Thursday", None) is None
    assert when("last year", None) is None
    assert when("May 21, 2014", None) == "2014-05-21/day"
    assert when("in 1997", None) == "1997/year"


@pytest.mark.parametrize(
    "text",
    [
        "for more than a decade",
        "over the past 10 years",
        "the past few months",
        "in more than two years",
        "the next five to six years",
    ],
)
def test_durations_have_no_date(text: str) -> None:
    (expression,) = find_time_expressions(text, THURSDAY)
    assert expression.kind == "duration"
    assert expression.date is None


@pytest.mark.parametrize(
    "text",
    [
        "a 2½-hour meeting",
        "75 years of ties",
        "a pipeline 10 years in the making",
        "the G20 summit",
        "a record $95 billion",
        "some 2050 troops crossed",
        "about 1,120 items",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [e for e in find_time_expressions(text, THURSDAY) if e.date] == []


def test_year_ranges_date_by_their_start_and_decades_are_periods() -> None:
    text = "the 1950-1953 war, the 1910-45 occupation and the 1990s boom"
    kinds = [(e.text, e.kind, e.date) for e in find_time_expressions(text, THURSDAY)]
    assert [(t, k, d.date if d else None) for t, k, d in kinds] == [
        ("1950-1953", "period", "1950"),
        ("1910-45", "period", "1910"),
        ("the 1990s", "period", None),
    ]
    assert all(d is None or d.precision == "year" for _, _, d in kinds)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("They fought a border war between 1977 and 1979.", "1977"),
        ("Troops stayed from 2008 to 2011.", "2008"),
        ("the 1998–2000 conflict", "1998"),
    ],
)
def test_a_year_range_dates_its_start(text: str, year: str) -> None:
    found = [e for e in find_time_expressions(text, THURSDAY) if e.kind == "period"]
    assert [(e.date.date, e.date.precision) for e in found if e.date] == [(year, "year")]


def test_a_backward_range_has_no_date() -> None:
    found = find_time_expressions("the 2011-2009 figures", THURSDAY)
    assert [e.date for e in found if e.kind == "period"] == [None]


def test_offsets_index_the_text() -> None:
    text = "The envoys met on Tuesday in Oslo. In March last year, talks stalled; since 2011 too."
    found = find_time_expressions(text, THURSDAY)
    assert all(text[e.start : e.end] == e.text for e in found)
    assert [(e.text, e.kind) for e in found] == [
        ("on Tuesday", "weekday"),
        ("In March last year", "month"),
        ("since 2011", "year"),
    ]
    assert [e.date.date if e.date else None for e in found] == ["2024-05-14", "2023-03", "2011"]


def test_clause_tense_decides_weekdays() -> None:
    text = "The minister said on Monday that the delegation will arrive on Friday."
    monday, friday = find_time_expressions(text, THURSDAY)
    assert monday.future is False
    assert monday.date is not None and monday.date.date == "2024-05-13"
    assert friday.future is True
    assert friday.date is not None and friday.date.date == "2024-05-17"


def test_forced_tense() -> None:
    (expression,) = find_time_expressions("talks on Friday", THURSDAY, future=True)
    assert isinstance(expression, TimeExpression)
    assert expression.date is not None and expression.date.date == "2024-05-17"


def test_relative_expressions_count_from_the_last_date() -> None:
    text = "The treaty was signed on Aug. 26, 2020. Talks had ended a day earlier."
    signed, earlier = find_time_expressions(text, THURSDAY)
    assert signed.date is not None and signed.date.date == "2020-08-26"
    assert earlier.date is not None and earlier.date.date == "2020-08-25"


def test_tense_markers() -> None:
    text = "Officials are expected to meet on Monday."
    start = text.index("on Monday")
    assert is_future_at(text, start, start + 9)
    text = "Officials met on Monday."
    start = text.index("on Monday")
    assert not is_future_at(text, start, start + 9)


def test_range_to_ref_shares() -> None:
    from datetime import date

    assert range_to_ref(date(2024, 5, 1), date(2024, 5, 1)) == DateRef("2024-05-01", "day")
    assert range_to_ref(date(2024, 4, 28), date(2024, 5, 31)) == DateRef("2024-05", "month")
    assert range_to_ref(date(2023, 12, 1), date(2024, 2, 1)) is None


def test_capitalised_deictic_words_only_open_a_sentence() -> None:
    found = find_time_expressions("Inside World Today. Today the talks resume.", THURSDAY)
    assert [(e.start, e.text) for e in found] == [(20, "Today")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the state visit to Ostland on March 20-22, 2031, ended", "2031-03-20"),
        ("talks held from 20-22 March 2031 in Valda", "2031-03-20"),
        ("a summit from 3 to 5 May 2031", "2031-05-03"),
    ],
)
def test_a_span_of_days_is_dated_by_its_first_day(text: str, expected: str) -> None:
    found = [e for e in find_time_expressions(text, None) if e.date is not None]
    assert [e.date.date for e in found if e.date] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ostland's president will visit Valda on 20-22 June", ("20-22 June", "2031-06-20")),
        ("Ostland's president will visit Valda on June 20-22", ("June 20-22", "2031-06-20")),
        ("the talks in Valda on May 16 and 17.", ("May 16 and 17", "2031-05-16")),
        ("the talks on 2 to 4 June last year", ("2 to 4 June last year", "2030-06-02")),
        ("on May 16 and 17 soldiers were killed", ("May 16", "2031-05-16")),
    ],
)
def test_a_span_of_days_without_its_year_is_dated_by_its_first_day(
    text: str, expected: tuple[str, str]
) -> None:
    anchor = DateRef("2031-06-12", "day")
    found = [(e.text, e.date.date) for e in find_time_expressions(text, anchor) if e.date]
    assert found == [expected]


def test_the_previous_night_is_the_day_before() -> None:
    anchor = DateRef("2031-06-12", "day")
    found = find_time_expressions("Ostland shelled the border posts the previous night.", anchor)
    assert [(e.text, e.date.date if e.date else None) for e in found] == [
        ("the previous night", "2031-06-11")
    ]


def test_a_month_day_before_last_year_falls_in_that_year() -> None:
    # "Chile and Peru signed the accord on October 4 last year": not this year's October 4
    assert when("on October 4 last year") == "2023-10-04/day"
    assert when("on 4 October last year") == "2023-10-04/day"
    assert when("on Oct. 4, last year") == "2023-10-04/day"
    assert when("on 2 March this year") == "2024-03-02/day"
    assert when("by January 9 next year", future=True) == "2025-01-09/day"
    assert when("on October 4 last year", YEAR) == "2013-10-04/day"
    text = "Peru recalled its envoy from Chile on 4 October last year, the ministry said."
    assert [e.text for e in find_time_expressions(text, THURSDAY)] == ["4 October last year"]


def test_june_and_july_abbreviated_with_a_stop() -> None:
    assert when("on Jun. 4") == "2023-06-04/day"
    assert when("on Jul. 9, 2019") == "2019-07-09/day"
    assert when("Jun. 2019") == "2019-06/month"


def test_a_weekday_of_last_or_next_week() -> None:
    # Thursday 16 May 2024: its week starts Monday 13 May
    assert when("on Monday last week") == "2024-05-06/day"
    assert when("on Friday of last week") == "2024-05-10/day"
    assert when("on Tuesday next week") == "2024-05-21/day"
    assert when("on Monday this week") == "2024-05-13/day"
    assert when("on Monday last week", YEAR) == "2014/year"  # never finer than its anchor


def test_parts_of_a_day_and_hours_counted_from_the_reference() -> None:
    tuesday = DateRef("2019-03-12", "day")
    assert when("the night before", reference=tuesday) == "2019-03-11/day"
    assert when("the previous evening", reference=tuesday) == "2019-03-11/day"
    assert when("the next morning", reference=tuesday) == "2019-03-13/day"
    assert when("later that night", reference=tuesday) == "2019-03-12/day"
    assert when("earlier in the day", reference=tuesday) == "2019-03-12/day"
    assert when("hours later", reference=tuesday) == "2019-03-12/day"
    assert when("a few hours earlier", reference=tuesday) == "2019-03-12/day"
    assert when("48 hours later", reference=tuesday) == "2019-03-14/day"
    assert when("three hours ago") == "2024-05-16/day"
    assert when("a fortnight ago") == "2024-05/month"
    assert when("for 48 hours") is None
    text = "Mali said on Friday that drones from Niger had struck a border post the night before."
    exprs = find_time_expressions(text, THURSDAY)
    found = [(e.text, e.date.date if e.date else None) for e in exprs]
    assert found == [("on Friday", "2024-05-10"), ("the night before", "2024-05-09")]


def test_a_weekend_is_its_month() -> None:
    # Thursday 16 May 2024: the weekend before is 11-12 May
    assert when("over the weekend") == "2024-05/month"
    assert when("last weekend", DateRef("2024-06-04", "day")) == "2024-06/month"  # 1-2 June
    assert when("at the weekend", DateRef("2024-06-01", "day")) == "2024-05/month"  # 25-26 May
    assert when("next weekend", DateRef("2024-05-30", "day")) == "2024-06/month"  # 1-2 June
    assert when("this weekend", THURSDAY, future=True) == "2024-05/month"
