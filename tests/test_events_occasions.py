"""Dates and parties of events told through their occasion: a headline's "X to visit Y on
Monday", "during that visit" after the visit was dated, reciprocal acts ("X and Y recalled
their ambassadors"). Sentences written for these tests, about states chosen for them."""

from __future__ import annotations

import pytest

from dyad.events.coder import extract_events
from dyad.models import DateRef, Event
from dyad.resolve.gazetteer import Gazetteer

PUBLISHED = DateRef("2031-07-05", "day")  # a Saturday


def code(text: str) -> set[tuple[str, str, str, str, str | None]]:
    from dyad.nlp.model import parse

    events: list[Event] = extract_events(
        parse(text), doc_id="t", published=PUBLISHED, persons=None, gazetteer=Gazetteer.load()
    )
    return {(e.type, e.source, e.target, e.status, e.date.date if e.date else None) for e in events}


@pytest.mark.model
def test_a_headlines_noun_to_verb_is_a_plan_of_the_noun() -> None:
    text = (
        "Chadian president to visit Niger on Monday\n\n"
        "The trip was announced by his office on Friday."
    )
    assert ("CONSULT", "TCD", "NER", "planned", "2031-07-07") in code(text)


@pytest.mark.model
def test_a_headlines_state_to_verb_is_a_plan() -> None:
    text = "Chad to impose tariffs on Nigerien cotton\n\nThe measure was announced on Friday."
    assert {(t, s, o, st) for t, s, o, st, _ in code(text)} == {
        ("SANCTION", "TCD", "NER", "planned")
    }


@pytest.mark.model
def test_a_leader_first_to_visit_did_visit() -> None:
    # a noun with an infinitive inside a sentence is no headline
    text = "He became the first Chadian president to visit Niger in May."
    assert not any(st == "planned" for _, _, _, st, _ in code(text))


@pytest.mark.model
def test_at_the_summit_takes_the_day_the_summit_was_dated() -> None:
    text = (
        "Chad and Niger hold talks\n\n"
        "The Chadian president attended a summit with his Nigerien counterpart in Niamey "
        "on May 3.\n\n"
        "Fuel prices rose sharply in June.\n\n"
        "At the summit, Chad signed a trade deal with Niger."
    )
    assert ("AGREE", "TCD", "NER", "occurred", "2031-05-03") in code(text)


@pytest.mark.model
def test_what_was_vowed_during_that_visit_is_dated_by_the_visit() -> None:
    text = (
        "Chad and Niger hold talks\n\n"
        "The talks follow a visit to Niamey in March by the Chadian foreign minister.\n\n"
        "During that visit, the two sides vowed to boost trade."
    )
    assert ("COOPERATE", "TCD", "NER", "planned", "2031-03") in code(text)


@pytest.mark.model
def test_the_summit_of_another_pair_dates_nothing() -> None:
    text = (
        "Chad and Niger hold talks\n\n"
        "The Malian president attended a summit with his Algerian counterpart on May 3.\n\n"
        "At the summit, Chad signed a trade deal with Niger."
    )
    assert not any(d == "2031-05-03" for t, *_, d in code(text) if t == "AGREE")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chad and Niger recalled their ambassadors on Thursday.",
        "Chad and Niger each recalled their ambassadors for consultations on Thursday.",
    ],
)
def test_two_states_recalling_their_envoys_each_recall_from_the_other(text: str) -> None:
    got = {(t, s, o, d) for t, s, o, _, d in code(text)}
    assert got == {
        ("SANCTION", "TCD", "NER", "2031-07-03"),
        ("SANCTION", "NER", "TCD", "2031-07-03"),
    }


@pytest.mark.model
def test_two_states_recalling_their_envoys_from_a_third_recall_from_it() -> None:
    got = {(s, o) for _, s, o, _, _ in code("Chad and Niger recalled their envoys from Mali.")}
    assert got == {("TCD", "MLI"), ("NER", "MLI")}


LEAD = (
    "Chad and Niger each recalled their ambassadors for consultations on Thursday amid a "
    "deepening dispute over the closing of a major border crossing and a crackdown on traders."
)


@pytest.mark.model
def test_a_day_after_counts_from_the_leads_day() -> None:
    text = (
        "Chad, Niger recall envoys\n\n"
        + LEAD
        + "\n\nThe moves come a day after the foreign ministers of the two countries met but "
        "failed to reach an agreement."
    )
    got = code(text)
    assert ("CONSULT", "TCD", "NER", "occurred", "2031-07-02") in got
    # the deal not reached was not reached at that meeting: the conjunct shares its day
    assert ("AGREE", "TCD", "NER", "denied", "2031-07-02") in got


def test_a_week_ago_is_a_day_and_weeks_ago_a_month() -> None:
    from dyad.dating.relative import find_time_expressions

    def when(text: str) -> str | None:
        (e,) = find_time_expressions(text, PUBLISHED)
        return f"{e.date.date}/{e.date.precision}" if e.date else None

    assert when("The fighting began a week ago.") == "2031-06-28/day"
    assert when("The fighting began three weeks ago.") == "2031-06/month"
    assert when("The fighting began a fortnight ago.") == "2031-06/month"


@pytest.mark.model
def test_a_signing_to_come_does_not_date_the_agreement_made() -> None:
    text = (
        "Chad and Niger reached a deal on their border, and the Chadian president said on "
        "June 30 that portion of the pact would be signed in Niamey on July 15."
    )
    got = code(text)
    assert not any(s == "occurred" and d == "2031-07-15" for *_, s, d in got)


@pytest.mark.model
def test_last_month_in_january_dates_what_was_agreed_in_december() -> None:
    from dyad.nlp.model import parse

    text = "Chad and Niger agreed to the first part of the pact last month."
    events = extract_events(
        parse(text),
        doc_id="t",
        published=DateRef("2032-01-09", "day"),
        persons=None,
        gazetteer=Gazetteer.load(),
    )
    assert [(e.type, e.date.date if e.date else None) for e in events] == [("AGREE", "2031-12")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Nigeria's Boko Haram group said it had attacked a Chadian army post on Monday.",
        "Nigeria's Boko Haram said on Monday it had attacked a Chadian army post.",
    ],
)
def test_a_named_armed_group_owned_by_a_state_name_is_no_state(text: str) -> None:
    assert not any(s == "NGA" for _, s, *_ in code(text))


@pytest.mark.model
def test_a_states_army_owned_by_its_name_acts_for_it() -> None:
    text = "Nigeria's army said it had attacked a Chadian army post on Monday."
    assert ("ASSAULT", "NGA", "TCD", "occurred", "2031-06-30") in code(text)


KOREA = (
    "North Korea fires missile over Japan\n\n"
    "North Korea fired a ballistic missile over Japan on Monday, the Japanese defence ministry "
    "said, in a launch that drew swift condemnation from Tokyo and Seoul.\n\n"
)


@pytest.mark.model
def test_a_sentence_opening_it_stands_for_the_subject_before() -> None:
    text = (
        KOREA
        + "North Korea threatened Japan with retaliation if it shot down the missile.\n\n"
        + "Its state news agency said the launch was a success. It also accused South Korea "
        "of staging provocative drills."
    )
    got = {(t, s, o) for t, s, o, *_ in code(text)}
    assert ("ACCUSE", "PRK", "KOR") in got
    assert ("ACCUSE", "JPN", "KOR") not in got


@pytest.mark.model
def test_missiles_that_came_down_at_sea_are_a_threat() -> None:
    text = "North Korea fired a missile that fell into the sea off Japan."
    assert {(t, s, o) for t, s, o, *_ in code(text)} == {("THREATEN", "PRK", "JPN")}


@pytest.mark.model
def test_missiles_fired_at_a_ship_are_an_attack() -> None:
    text = "North Korea fired missiles at a Japanese destroyer on Monday."
    assert {(t, s, o) for t, s, o, *_ in code(text)} == {("ASSAULT", "PRK", "JPN")}


@pytest.mark.model
def test_his_counterpart_is_of_the_other_state_of_the_pair() -> None:
    text = (
        "Niger, Chad trade barbs\n\n"
        "Chadian President Mahamat Deby accused his counterpart of undermining reconciliation "
        "efforts by telling lies, in a speech on national television on Tuesday evening."
    )
    assert ("ACCUSE", "TCD", "NER", "occurred", "2031-07-01") in code(text)


@pytest.mark.model
def test_a_counterpart_named_by_state_is_of_that_state() -> None:
    text = (
        "Chad and Niger hold talks on border trade\n\n"
        "The Chadian foreign minister met his Malian counterpart in Bamako on Tuesday to "
        "discuss the security of their shared border and the fight against armed groups."
    )
    assert ("CONSULT", "TCD", "MLI") in {(t, s, o) for t, s, o, *_ in code(text)}


@pytest.mark.model
def test_the_ministry_is_the_ministry_named_with_its_state_before() -> None:
    text = (
        "The Chadian Foreign Ministry on Monday summoned the Nigerien ambassador and protested "
        "against the arrest of its citizens.\n\n"
        "The ministry also demanded that Niger release the detained traders."
    )
    assert ("REQUEST", "TCD", "NER") in {(t, s, o) for t, s, o, *_ in code(text)}


@pytest.mark.model
def test_the_army_said_it_fired_back_is_the_army_named_before() -> None:
    text = (
        "The Chadian army said on Monday that Nigerien troops had shelled a border post.\n\n"
        "The army said it had fired back at Nigerien positions."
    )
    assert ("ASSAULT", "TCD", "NER") in {(t, s, o) for t, s, o, *_ in code(text)}


@pytest.mark.model
def test_the_minister_is_not_guessed_from_the_ministers_before() -> None:
    # two ministers named: "the minister" may be either, so it is no one's by repetition
    text = (
        "The Chadian minister met the Nigerien minister in Niamey on Monday.\n\n"
        "The minister accused Mali of arming rebels."
    )
    assert not any(t == "ACCUSE" for t, *_ in code(text))


@pytest.mark.model
def test_an_envoy_summoned_by_name_and_role_is_a_summons() -> None:
    text = (
        "Niger summoned Mahamat Saleh Annadif, Chad's ambassador to Niger, on Sunday to lodge a "
        "protest over remarks made by Chadian officials about the border."
    )
    assert ("ACCUSE", "NER", "TCD", "occurred", "2031-06-29") in code(text)


@pytest.mark.model
def test_a_charge_daffaires_expelled_by_name_is_an_expulsion() -> None:
    text = (
        "Chad on Friday expelled Issoufou Maman, the charge d'affaires at the Nigerien embassy "
        "in N'Djamena, after weeks of tension over the border."
    )
    assert ("SANCTION", "TCD", "NER", "occurred", "2031-07-04") in code(text)


@pytest.mark.model
def test_the_decision_of_a_government_is_that_states() -> None:
    text = (
        "Chad on Friday condemned the decision of the Nigerien government to close the border "
        "with Chad."
    )
    got = {(t, s, o) for t, s, o, *_ in code(text)}
    assert ("ACCUSE", "TCD", "NER") in got
    assert ("SANCTION", "NER", "TCD") in got


@pytest.mark.model
def test_the_violation_of_a_states_airspace_is_no_act_of_that_state() -> None:
    text = "Chad on Friday condemned the violation of Nigerien airspace by Malian jets."
    assert ("ACCUSE", "TCD", "NER") not in {(t, s, o) for t, s, o, *_ in code(text)}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Late Thursday, Niger announced the recall of its ambassador in N'Djamena.",
        "Chad and Niger are locked in a dispute over the border. Late Thursday, the Nigerien "
        "foreign minister announced the recall of that country's ambassador in N'Djamena.",
    ],
)
def test_the_recall_of_an_envoy_posted_somewhere_is_from_there(text: str) -> None:
    assert ("SANCTION", "NER", "TCD", "occurred", "2031-07-03") in code(text)


@pytest.mark.model
def test_a_headlines_month_is_refined_by_the_leads_day() -> None:
    text = (
        "Chadian president to visit Niger in October\n\n"
        "The Chadian president will meet his Nigerien counterpart Mohamed Bazoum in Niamey on "
        "October 13 for talks on border security and trade, officials said on Tuesday."
    )
    got = {(t, s, o, st, d) for t, s, o, st, d in code(text) if t == "CONSULT"}
    assert got == {("CONSULT", "TCD", "NER", "planned", "2031-10-13")}


@pytest.mark.model
def test_since_dates_no_plan() -> None:
    text = (
        "The attack came just as Chad and Niger were preparing to resume peace talks broken "
        "off since January when tensions rose."
    )
    assert not any(st == "planned" and d == "2032-01" for *_, st, d in code(text))


@pytest.mark.model
def test_firing_on_a_states_forces_is_an_attack() -> None:
    text = (
        "The Chadian foreign ministry summoned Niger's ambassador on Thursday and protested "
        "over what it described as indiscriminate firing by Nigerien forces on Chadian border "
        "police on Tuesday night which left a Chadian officer dead."
    )
    assert code(text) == {
        ("ACCUSE", "TCD", "NER", "occurred", "2031-07-03"),
        ("ASSAULT", "NER", "TCD", "occurred", "2031-07-01"),
    }


@pytest.mark.model
def test_the_firing_of_a_minister_is_no_attack() -> None:
    text = "The firing of the Nigerien minister by Chad's president surprised observers."
    assert code(text) == set()


@pytest.mark.model
def test_what_is_answered_is_not_dated_by_the_answer() -> None:
    text = (
        "Chad said Friday that it is expelling Nigerien diplomats in response to Niamey's "
        "recent expulsion of Chadian diplomats.\n\n"
        "Niger on June 2 announced the expulsion of 12 staff members of the Chadian embassy."
    )
    got = code(text)
    assert ("SANCTION", "TCD", "NER", "occurred", "2031-07-04") in got
    assert ("SANCTION", "NER", "TCD", "occurred", "2031-06-02") in got
    assert not any(s == "NER" and d == "2031-07-04" for _, s, _, _, d in got)


@pytest.mark.model
def test_a_counterpart_named_by_demonym_keeps_that_state() -> None:
    text = (
        "Niger, Chad trade barbs\n\n"
        "Chadian President Mahamat Deby accused his Nigerien counterpart on Tuesday of lying "
        "about the border."
    )
    assert ("ACCUSE", "TCD", "NER") in {(t, s, o) for t, s, o, *_ in code(text)}
