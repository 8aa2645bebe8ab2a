"""Publication dates from stamps, spans of years and partial dates, on texts written for these
tests about invented states and people (only the calendar is real)."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.dating.published import infer_published
from dyad.dating.spans import span_evidence
from dyad.dating.stamps import ago_stamps, formal_stamps, short_stamps, url_stamps
from dyad.resolve.gazetteer import Office

TODAY = date(2035, 1, 1)


class FakeGazetteer:
    def __init__(self, *offices: Office) -> None:
        self.offices = offices

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        return [o for o in self.offices if o.name == name]


def published(text: str, **kwargs: object) -> str | None:
    found = infer_published(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return f"{found.date}/{found.precision}" if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "https://news.example.org/20310309/ferry-talks-resume-1234.html\n\nTalks resumed.",
            "2031-03-09",
        ),
        ("www.example.com/world/2029/11/02/border-reopens\n\nThe border reopened.", "2029-11-02"),
        (
            "Ferry talks\nSource: https://example.net/news/2030-07-15-ferry\nThe talks ended.",
            "2030-07-15",
        ),
    ],
)
def test_a_dated_address_at_the_top_dates_the_article(text: str, expected: str) -> None:
    assert published(text) == f"{expected}/day"


def test_an_address_without_a_date_gives_nothing() -> None:
    assert url_stamps("https://example.org/world/ferry-talks-99887766", 500) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Fri - 10 March 23", [date(2023, 3, 10)]),
        ("Mon, 4 Nov 30 | 18:20 GMT", [date(2030, 11, 4)]),
        ("March 10, '31", [date(2031, 3, 10)]),
        ("Sat 5/4/31", [date(2031, 4, 5)]),  # the weekday picks the day-first reading
    ],
)
def test_short_stamps_with_two_digit_years(line: str, expected: list[date]) -> None:
    assert [s.day for s in short_stamps(line, TODAY, None)] == expected


def test_a_stamp_is_only_a_stamp_when_the_line_holds_nothing_else() -> None:
    assert short_stamps("10 March 23 people were hurt", TODAY, None) == []


def test_an_ambiguous_slash_date_prefers_day_first_unless_the_text_settles_it() -> None:
    stamps = short_stamps("10/03/2031", TODAY, None)
    assert [(s.day, s.share > 0.5) for s in stamps] == [
        (date(2031, 3, 10), True),
        (date(2031, 10, 3), False),
    ]
    assert [s.day for s in short_stamps("10/03/2031", TODAY, False)] == [date(2031, 10, 3)]
    assert published("Ferry row\n10/03/2031\nThe envoys met.") == "2031-03-10/day"


def test_a_formal_date_closes_a_document() -> None:
    text = "NOTICE OF AGREEMENT\n\nThe two commissions met.\n\nDated this 14th day of May, 2031."
    assert [s.day for s in formal_stamps(text)] == [date(2031, 5, 14)]
    assert published(text) == "2031-05-14/day"
    signed = "Done at Port Levan on the 2nd day of June 2029, in two originals."
    assert [s.day for s in formal_stamps(signed)] == [date(2029, 6, 2)]


def test_a_relative_stamp_counts_back_from_the_day_the_page_was_served() -> None:
    served = date(2031, 3, 4)
    ((lo, hi, _),) = ago_stamps(["Published 2 days ago"], served)
    assert lo <= date(2031, 3, 2) <= hi and hi < served
    ((lo, hi, _),) = ago_stamps(["3 years ago"], served)
    assert lo.year == 2027 and hi.year == 2028
    assert ago_stamps(["The talks began 3 years ago"], served) == []
    text = "Tuesday, March 4, 2031\nFerry row\nPublished 2 days ago\nThe talks ended."
    assert published(text) == "2031-03-02/day"


def test_a_weekday_completes_a_yearless_date_line() -> None:
    text = "Ferry row\nThursday, February 24\nVelkland said on Wednesday it would talk."
    assert published(text) is None  # many years had a Thursday 24 February
    assert published(text + " In 2021 the two had fought.") == "2022-02-24/day"
    # an office narrows the years: of those with a Thursday 24 February, only 2033 is inside
    gazetteer = FakeGazetteer(
        Office("Ana Velk", "president", "XAA", date(2031, 4, 10), None, 2),
    )
    text = "Ferry row\nThursday, February 24\nPresident Ana Velk said she would talk."
    assert published(text, gazetteer=gazetteer) == "2033-02-24/day"


def test_a_year_named_in_the_text_places_a_yearless_day() -> None:
    text = "In 2029 the ferry talks collapsed. Velkland voted on March 18 to leave them."
    assert published(text) == "2029-03/month"
    # said on that day: the news of the day it was told
    text = "In 2029 the ferry talks collapsed. Velkland said on March 18 it would leave them."
    assert published(text) == "2029-03-18/day"


def test_a_deadline_is_not_a_day_reported() -> None:
    text = "The ministers met on March 3, 2030. Ostria has until April 18 to reply to the note."
    assert published(text) == "2030-03/month"


def test_years_counted_from_a_named_year() -> None:
    text = (
        "Clashes broke out along the border, the worst since a war between the two ended "
        "six years ago. The 2024 war left hundreds dead."
    )
    assert [e.lo.year for e in span_evidence(text)] == [2030]
    assert published(text) == "2030/year"


def test_years_counted_from_the_only_since() -> None:
    text = "The island has been split since 1994. Officials hope to end the 37-year standoff."
    assert [e.lo.year for e in span_evidence(text)] == [2031]


def test_approximate_counts_count_nothing() -> None:
    text = "The blockade, in force since 1990, has lasted for more than 40 years."
    assert span_evidence(text) == []


def test_last_year_after_the_latest_year_named() -> None:
    gazetteer = FakeGazetteer(
        Office("Piet Orso", "president", "XBB", date(2029, 12, 10), date(2033, 12, 10), None),
    )
    text = (
        "President Piet Orso welcomed the envoy. Trade reached $9 billion in 2030, and "
        "exports rose by a third last year."
    )
    assert published(text, gazetteer=gazetteer) == "2031/year"


def test_a_day_where_two_terms_touch_is_no_day() -> None:
    gazetteer = FakeGazetteer(
        Office("Ana Velk", "foreign minister", "XAA", date(2030, 1, 27), date(2033, 10, 17), None),
        Office("Ola Brenn", "foreign minister", "XAA", date(2033, 10, 17), date(2034, 2, 15), None),
    )
    text = "Foreign Minister Ana Velk and Foreign Minister Ola Brenn attended the signing."
    assert published(text, gazetteer=gazetteer) == "2033/year"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Port Levan, March 10 - The envoys met on Thursday.\n\nCopyright 2033", "2033-03-10"),
        ("Port Levan, 10th March 2033: The envoys met.", "2033-03-10"),
        ("Ferry row\n2033-03-10T09:52:00+05:30\nThe envoys met.", "2033-03-10"),
    ],
)
def test_datelines_and_timestamps_of_other_shapes(text: str, expected: str) -> None:
    assert published(text) == f"{expected}/day"


def test_a_weekday_alone_is_no_dateline_place() -> None:
    assert published("Thursday, March 10 - The envoys met.") is None


def test_weekdays_given_with_days_pick_the_year_and_the_day() -> None:
    gazetteer = FakeGazetteer(
        Office("Ana Velk", "president", "XAA", date(2022, 1, 1), date(2025, 12, 31), None),
    )
    text = (
        "President Ana Velk arrived on Tuesday, and she is due to meet her counterpart on "
        "Wednesday, 18 October. In a speech released on Monday evening, 16 October, she "
        "praised the forum."
    )
    # of 2022-2025, only 2023 has a Monday 16 October; the arrival is the Tuesday after it
    assert published(text, gazetteer=gazetteer) == "2023-10-17/day"


@pytest.mark.parametrize(
    "text",
    [
        "Ferry row\nUpdated: Thu - 10 March 33\nThe envoys met.",
        "Ferry row\nPublished: 10/03/33 10:32\nThe envoys met.",
        "By Staff Reporter | Thu - 10 March 33, 10:32 pm\nThe envoys met.",
    ],
)
def test_labelled_and_segmented_short_stamps(text: str) -> None:
    assert published(text) == "2033-03-10/day"
