"""Anniversary counts as publication-date evidence (dating/anniversaries.py). Every sentence
here is written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.dating.anniversaries import anniversary_evidence, load_occasions, ordinal_value
from dyad.dating.published import infer_published
from dyad.resolve.loader import load_state_aliases, read_rows

TODAY = date(2040, 1, 1)


def _years(text: str) -> set[int]:
    """The calendar years the evidence covers whole (one a year-wide piece)."""
    return {e.lo.year for e in anniversary_evidence(text) if (e.hi - e.lo).days >= 364}


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("30th", 30),
        ("1st", 1),
        ("seventy-fifth", 75),
        ("twelfth", 12),
        ("fortieth", 40),
        ("centenary", 100),
        ("bicentennial", 200),
        ("anniversary", None),
    ],
)
def test_ordinals(token: str, value: int | None) -> None:
    assert ordinal_value(token) == value


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # diplomatic relations: the pair from the occasion, else from the sentence
        (
            "A reception marked the 30th anniversary of diplomatic relations between "
            "Kazakhstan and China.",
            2022,
        ),
        ("Canberra and Hanoi celebrated 50 years of diplomatic ties with a concert.", 2023),
        ("Thailand and China look back on five decades of diplomatic relations.", 2025),
        # independence: the state named with it
        ("Gaborone was decked in flags for Botswana's 50th independence anniversary.", 2016),
        ("Crowds in Windhoek marked the 25th anniversary of Namibia's independence.", 2015),
        # organisations, wars and treaties by name
        ("Ministers gathered for ASEAN's 50th anniversary in Manila.", 2017),
        ("Veterans are marking 75 years since the end of the Second World War.", 2020),
        ("The summit fell on the 60th anniversary of the Treaty of Rome.", 2017),
        ("The Shanghai Cooperation Organisation marks its 20th anniversary.", 2021),
    ],
)
def test_the_year_of_the_anniversary(text: str, year: int) -> None:
    assert _years(text) == {year}


def test_next_year_and_last_year_shift_the_year() -> None:
    text = "Mongolia and Japan will celebrate the 50th anniversary of diplomatic ties next year."
    assert _years(text) == {2021}
    text = (
        "Last year's 40th anniversary of diplomatic relations between Brazil and China was muted."
    )
    assert _years(text) == {2015}


def test_a_coming_anniversary_dates_the_months_before_it() -> None:
    (item,) = anniversary_evidence(
        "Seoul will host events ahead of the 70th anniversary of the Korean War armistice."
    )
    assert item.hi == date(2023, 7, 27) and item.lo < date(2023, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "More than 30 years of diplomatic relations between Chile and China have passed.",
        "In 2015, on the 70th anniversary of the end of the war, the premier gave a speech.",
        "The bank celebrated its 50th anniversary with a dinner.",
        "Some 20 years after the founding of ASEAN, the bloc signed a new charter.",
        # "the armistice" names two occasions of different years: no evidence
        "Wreaths were laid on the 100th anniversary of the armistice.",
        # "the alliance" is NATO only in an article that names NATO
        "Ministers toasted the 70th anniversary of the alliance.",
    ],
)
def test_counts_that_date_nothing(text: str) -> None:
    assert anniversary_evidence(text) == []


def test_the_alliance_in_an_article_about_nato() -> None:
    text = "NATO ministers met in Brussels. Ministers toasted the 70th anniversary of the alliance."
    assert _years(text) == {2019}


def test_the_two_countries_are_the_pair_the_article_names_most() -> None:
    text = (
        "Peru and China signed a port deal. Peru will also buy Chinese rail cars, and China "
        "will fund a road in Peru.\n\nThe deal came on the 50th anniversary of the "
        "establishment of diplomatic relations between the two countries."
    )
    assert _years(text) == {2021}


def test_a_weekday_pins_the_day_near_the_anniversary() -> None:
    text = (
        "Australia and Vietnam toast half a century of ties\n\n"
        "Hanoi and Canberra on Tuesday marked the 50th anniversary of diplomatic relations "
        "with a reception, officials said."
    )
    ref = infer_published(text, today=TODAY)
    assert ref is not None and (ref.date, ref.precision) == ("2023-02-28", "day")


def test_a_dateline_outweighs_the_anniversary() -> None:
    text = (
        "HANOI, March 3, 2019 (Agency) -- Hanoi and Canberra on Tuesday marked the 50th "
        "anniversary of diplomatic relations, officials said."
    )
    ref = infer_published(text, today=TODAY)
    assert ref is not None and ref.date == "2019-03-03"


def test_the_anniversary_alone_gives_the_year() -> None:
    text = "Leaders praised five decades of diplomatic ties between Malaysia and China."
    ref = infer_published(text, today=TODAY)
    assert ref is not None and (ref.date, ref.precision) == ("2024", "year")


def test_the_occasions_file_is_well_formed() -> None:
    aliases, _ = load_state_aliases()
    codes = {a.code for a in aliases if a.code}
    occasions = load_occasions()
    kinds = {o.kind for o in occasions}
    assert kinds == {"independence", "founding", "relations", "organisation", "event", "treaty"}
    assert sum(o.kind == "independence" for o in occasions) >= 100
    for occasion in occasions:
        assert occasion.states <= codes
        assert occasion.day.year <= 2025
        if occasion.kind == "relations":
            assert len(occasion.states) == 2
        if occasion.kind in ("organisation", "event", "treaty"):
            assert occasion.names
    for row in read_rows("occasions.csv", ("kind", "states", "date", "names", "source")):
        assert row["source"]


def test_an_age_is_a_year_from_the_anniversary_on() -> None:
    (item,) = anniversary_evidence("Critics said the 30-year-old Oslo Accords had failed.")
    assert (item.lo, item.hi) == (date(2023, 9, 13), date(2024, 9, 12))


def test_yesterday_at_the_anniversary_is_the_day_after_it() -> None:
    text = (
        "Ministers praised the 25-year-old Good Friday Agreement at anniversary events in "
        "Belfast yesterday, officials said."
    )
    ref = infer_published(text, today=TODAY)
    assert ref is not None and (ref.date, ref.precision) == ("2023-04-11", "day")


def test_its_independence_is_the_state_the_article_names_most() -> None:
    text = (
        "The nation celebrated the 50th anniversary of its independence with parades.\n\n"
        "Crowds filled Gaborone, and Botswana's president thanked the people of Botswana."
    )
    assert _years(text) == {2016}


def test_a_national_day_is_the_state_s_independence_or_foundation_day() -> None:
    assert _years("Embassies abroad marked the 70th anniversary of Vietnam's National Day.") == {
        2015
    }
    assert _years("Beijing held a gala for the 60th anniversary of China's National Day.") == {2009}


def test_turns_and_birthdays() -> None:
    assert _years("The Gulf Cooperation Council turns 40 this week.") == {2021}
    assert _years("Diplomats toasted the SCO's 20th birthday in Dushanbe.") == {2021}
    assert _years("The Arab League turned 75 amid infighting.") == {2020}
    assert _years("Unemployment turns 10 per cent higher.") == set()


def test_tomorrow_is_the_day_before_the_anniversary() -> None:
    text = "OPEC turns 50 years old tomorrow, officials in Vienna said."
    ref = infer_published(text, today=TODAY)
    assert ref is not None and (ref.date, ref.precision) == ("2010-09-13", "day")
