"""When events happened: dates from the verb that reports them, from the simple past of the
news, and from weekdays in another time zone. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.dating.relative import find_time_expressions
from dyad.events.coder import extract_events
from dyad.models import DateRef, Event
from dyad.resolve.gazetteer import Gazetteer

PUBLISHED = DateRef("2031-07-03", "day")  # a Thursday


def code(text: str) -> set[tuple[str, str, str, str | None]]:
    from dyad.nlp.model import parse

    events: list[Event] = extract_events(
        parse(text), doc_id="t", published=PUBLISHED, persons=None, gazetteer=Gazetteer.load()
    )
    return {(e.type, e.source, e.target, e.date.date if e.date else None) for e in events}


def test_a_weekday_in_another_time_zone_may_be_the_day_after() -> None:
    anchor = DateRef("2031-07-01", "day")  # a Tuesday
    (expr,) = find_time_expressions("It fired before dawn (Wednesday, their time).", anchor)
    assert expr.date is not None and expr.date.date == "2031-07-02"
    (expr,) = find_time_expressions("It fired on Wednesday local time.", anchor)
    assert expr.date is not None and expr.date.date == "2031-07-02"
    (expr,) = find_time_expressions("It fired on Wednesday.", anchor)
    assert expr.date is not None and expr.date.date == "2031-06-25"


@pytest.mark.model
def test_what_was_done_is_dated_by_the_verb_reporting_it() -> None:
    text = (
        "Chile and Peru agreed to reopen their border crossings, the Chilean foreign "
        "minister said after talks in Lima on Tuesday."
    )
    assert ("AGREE", "CHL", "PER", "2031-07-01") in code(text)


@pytest.mark.model
def test_what_was_promised_is_not_dated_by_the_telling() -> None:
    text = "Chile will sign a fisheries deal with Peru, the Chilean minister said on Tuesday."
    assert not any(d == "2031-07-01" for *_, d in code(text))


@pytest.mark.model
def test_the_simple_past_tells_the_news_of_the_day() -> None:
    text = (
        "Chile and Peru reopened talks on their maritime border on Thursday.\n\n"
        "Fishing crews welcomed the news.\n\n"
        "Later, Chile signed a customs agreement with Peru."
    )
    assert ("AGREE", "CHL", "PER", "2031-07-03") in code(text)


@pytest.mark.model
def test_the_past_perfect_stays_background() -> None:
    # what led up to the news: not its day, but the weeks before it (the month)
    text = (
        "Chile and Peru reopened talks on their maritime border on Thursday.\n\n"
        "Fishing crews welcomed the news.\n\n"
        "Chile had signed a customs agreement with Peru."
    )
    assert ("AGREE", "CHL", "PER", "2031-07") in code(text)


def test_a_span_counts_from_the_year_the_text_gives_its_starting_point() -> None:
    anchor = DateRef("2031-07-01", "day")
    text = "Five years after the annexation, the two signed a pact. The 2014 annexation hurt."
    (expr,) = [e for e in find_time_expressions(text, anchor) if e.date is not None]
    assert expr.date is not None and expr.date.date == "2019"


@pytest.mark.model
def test_a_span_after_a_thing_dates_the_verb_it_hangs_on() -> None:
    text = (
        "Russia annexed Crimea in 2014.\n\n"
        "Five years after the annexation, Russia and Ukraine signed a gas transit deal."
    )
    assert ("AGREE", "RUS", "UKR", "2019") in code(text)


@pytest.mark.model
def test_what_was_under_way_at_the_telling_is_dated_by_it() -> None:
    text = "Chile said on Tuesday it was sending food aid to Peru after the floods."
    assert ("AID", "CHL", "PER", "2031-07-01") in code(text)


@pytest.mark.model
def test_a_stance_in_the_present_told_in_the_past_is_the_news_of_the_day() -> None:
    text = (
        "Peru expelled a Chilean diplomat on Thursday.\n\n"
        "Officials in Lima gave no reason.\n\n"
        '"The Chilean government condemns this decision," the foreign minister of Chile said '
        "in a statement."
    )
    dates = {d for t, s, _, d in code(text) if s == "CHL"}
    assert dates == {"2031-07-03"}


@pytest.mark.model
def test_later_undated_news_takes_the_leads_day() -> None:
    # the lead dates the summit to Tuesday; a later simple past ("warned") is that day's
    text = (
        "Chile and Peru agreed on a new border regime at a summit in Lima on Tuesday.\n\n"
        "The talks lasted six hours.\n\n"
        "Chile warned Bolivia against closing its ports to Peruvian cargo."
    )
    assert ("THREATEN", "CHL", "BOL", "2031-07-01") in code(text)


def test_the_leads_day_counts_only_in_the_week_before_publication() -> None:
    from dyad.dating.news import lead_day, news_default

    day = DateRef("2031-07-01", "day")
    assert lead_day(day, True, PUBLISHED) == day
    assert lead_day(DateRef("2031-05-01", "day"), True, PUBLISHED) is None
    assert lead_day(DateRef("2031-07-05", "day"), True, PUBLISHED) is None  # after publication
    assert lead_day(day, False, PUBLISHED) is None
    assert lead_day(DateRef("2031-07", "month"), True, PUBLISHED) is None
    assert news_default(PUBLISHED, PUBLISHED, day) == day
    assert news_default(DateRef("2031", "year"), PUBLISHED, day) == DateRef("2031", "year")


@pytest.mark.model
def test_a_when_clause_is_dated_by_the_date_it_describes() -> None:
    # "until May 2029" dates nothing of "were calm", but "when Chile expelled ..." is May 2029
    text = "Relations were calm until May 2029, when Chile expelled a Peruvian diplomat."
    assert {d for _, s, t, d in code(text) if (s, t) == ("CHL", "PER")} == {"2029-05"}


@pytest.mark.model
def test_the_leads_undated_news_in_the_lead_takes_the_leads_day() -> None:
    # the lead's first sentence dates the news to Tuesday; the next lead sentence tells more
    # of it in the simple past
    text = (
        "Chile agreed to reopen its border crossings with Peru, the Chilean foreign minister "
        "said on Tuesday. Chile also sent food aid to Peru."
    )
    assert ("AID", "CHL", "PER", "2031-07-01") in code(text)


@pytest.mark.model
def test_a_noun_referring_back_takes_the_leads_day() -> None:
    text = (
        "Chile agreed to reopen its border crossings with Peru, the Chilean foreign minister "
        "said on Tuesday.\n\nThe deal followed their talks in Lima, officials said."
    )
    assert ("CONSULT", "CHL", "PER", "2031-07-01") in code(text)


@pytest.mark.model
@pytest.mark.parametrize("when", ["the night before", "the previous night", "the day before"])
def test_a_night_counted_back_from_the_telling_dates_what_was_done(when: str) -> None:
    text = (
        "Mali's government said on Wednesday that Nigerien troops had attacked a Malian "
        f"border post {when}, killing three soldiers, and demanded an explanation."
    )
    assert ("ASSAULT", "NER", "MLI", "2031-07-01") in code(text)


@pytest.mark.model
def test_hours_later_is_the_day_of_the_event_before() -> None:
    text = (
        "Mali's government summoned Niger's ambassador on Tuesday over a border dispute. "
        "Hours later, Nigerien troops attacked a Malian border post near the river town."
    )
    assert ("ASSAULT", "NER", "MLI", "2031-07-01") in code(text)


@pytest.mark.model
def test_what_the_news_came_a_day_after_is_counted_back_from_the_leads_day() -> None:
    text = (
        "Ghana protests over border raid\n\n"
        "Ghana on Tuesday accused Togo of sending soldiers across their shared border to "
        "arrest two farmers, and recalled its ambassador from Lome for consultations.\n\n"
        "The accusation came a day after Ghanaian officials met Togolese envoys in Accra to "
        "discuss border security."
    )
    assert ("CONSULT", "GHA", "TGO", "2031-06-30") in code(text)


@pytest.mark.model
def test_a_move_that_comes_two_days_after_shelling() -> None:
    text = (
        "Armenian soldiers massed near the border on Thursday, officials in the capital said "
        "in a statement read on state television.\n\n"
        "The move comes two days after Azerbaijani forces shelled Armenian border villages."
    )
    assert ("ASSAULT", "AZE", "ARM", "2031-07-01") in code(text)


@pytest.mark.model
def test_a_deal_signed_before_the_news_conference_is_the_news_of_the_day() -> None:
    text = (
        "Ghana and Togo open border\n\n"
        "The presidents of Ghana and Togo spoke to reporters in Accra following their meeting "
        "and after signing a customs agreement and a joint statement on border trade."
    )
    assert ("AGREE", "GHA", "TGO", "2031-07-03") in code(text)


@pytest.mark.model
def test_talks_the_lead_dates_without_naming_their_parties_give_the_news_day() -> None:
    # the lead dates "the talks" to Tuesday though no event is coded from it: what is later
    # said to be done at them was done on Tuesday, not on the day of publication
    text = (
        "The long-awaited talks held on Tuesday in the Peruvian capital ended without any "
        "agreement on the disputed fishing grounds, officials said.\n\n"
        "At the talks, the Chilean president accused Peru of stalling."
    )
    assert ("ACCUSE", "CHL", "PER", "2031-07-01") in code(text)


@pytest.mark.model
def test_what_came_days_before_a_dated_clause_takes_its_month() -> None:
    # not the publication's year or month: the clause it is counted from is dated
    text = (
        "Chile's president last visited Peru for the Pacific trade fair in February 2030 "
        "when Chile and Peru declared a partnership, days before Peruvian troops attacked "
        "Bolivian border posts."
    )
    assert ("ASSAULT", "PER", "BOL", "2030-02") in code(text)
