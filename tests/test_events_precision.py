"""False events on articles nobody tuned to: actors that act for no state, parties that are
no party. Sentences are written for these tests; the fakes are those of ``test_events``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from dyad.events.coder import EventTools, extract_events
from dyad.models import DateRef, Person, Provenance
from tests.test_events import (
    PUBLISHED,
    FakeGazetteer,
    FakeMention,
    FakePersons,
    fake_mentions,
    fake_resolve,
    fake_times,
)

pytestmark = pytest.mark.model


def _officials(doc: Any, gazetteer: Any, *, on: date | None = None) -> list[FakeMention]:
    """The fake mentions, plus every "Dahl" as Norway's official of that name."""
    found = fake_mentions(doc, gazetteer, on=on)
    for m in re.finditer(r"\bDahl\b", doc.text):
        found.append(FakeMention(m.start(), m.end(), "Dahl", "NOR", "person"))
    return sorted(found, key=lambda m: m.start)


def _triples(
    text: str, persons: list[tuple[str, str | None]], role: str | None = "minister"
) -> set[tuple[str, str, str]]:
    from dyad.nlp.model import parse

    people = []
    for name, state in persons:
        provs = tuple(
            Provenance("t", m.start(), m.end()) for m in re.finditer(re.escape(name), text)
        )
        people.append(Person(name, role, None, state, provs))
    events = extract_events(
        parse(text),
        doc_id="t",
        published=PUBLISHED,
        persons=FakePersons(people),
        gazetteer=FakeGazetteer(),
        tools=EventTools(_officials, fake_times, fake_resolve),
    )
    return {(e.type, e.source, e.target) for e in events}


def test_an_officials_name_on_someone_else_acts_for_no_state() -> None:
    text = "Tomas Dahl met Ugandan officials in Kampala on Tuesday."
    assert not _triples(text, [("Tomas Dahl", None)])
    assert _triples(text, [("Tomas Dahl", "NOR")]) == {("CONSULT", "NOR", "UGA")}


def test_a_person_without_an_office_acts_for_no_state() -> None:
    # "Norway's Tomas Berg" may be a reporter of a Norwegian paper: no office, no state
    text = "Tomas Berg met Ugandan officials in Kampala on Tuesday."
    assert not _triples(text, [("Tomas Berg", "NOR")], role=None)
    assert _triples(text, [("Tomas Berg", "NOR")]) == {("CONSULT", "NOR", "UGA")}


def test_a_plural_pronoun_after_a_non_state_group_is_that_group() -> None:
    accused = "Kenya struck rebel camps in Uganda on Tuesday, accusing the rebels of raids."
    text = "Kenya struck several of the groups in Uganda on Tuesday, accusing them of raids."
    assert ("ACCUSE", "KEN", "UGA") not in _triples(text, [])
    assert ("ACCUSE", "KEN", "UGA") not in _triples(accused, [])
    pair = "Kenya and Uganda met on Tuesday; Kenya later accused them of stalling."
    assert ("ACCUSE", "KEN", "UGA") in _triples(pair, [])


def test_a_phrase_owned_by_a_non_state_names_no_state_inside_it() -> None:
    text = "Egypt rejected the opposition's criticism of its gas deal with Qatar on Tuesday."
    assert ("REJECT", "EGY", "QAT") not in _triples(text, [])
    named = "Egypt rejected Qatar's criticism of its gas deal on Tuesday."
    assert ("REJECT", "EGY", "QAT") in _triples(named, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya bought more oil from Uganda, which is under sanctions.", set()),
        ("Ugandan positions came under attack from Kenya on Tuesday.", {("ASSAULT", "KEN", "UGA")}),
        ("Uganda came under a Kenyan blockade on Tuesday.", {("SANCTION", "KEN", "UGA")}),
        ("Kenya placed Uganda under sanctions on Tuesday.", {("SANCTION", "KEN", "UGA")}),
    ],
)
def test_the_subject_of_a_clause_under_an_event_undergoes_it(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(text, []) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is asked for or refused, addressed to no state: no event with the other side
        ("Kenya and Uganda met on Tuesday. Kenya called for an end to the war.", set()),
        (
            "Kenya and Uganda met on Tuesday. "
            "Kenya rejected suggestions that Ugandan aid had stalled.",
            set(),
        ),
        # the other side named in what is refused
        (
            "Kenya and Uganda met on Tuesday. Kenya refused to recognise Uganda's new envoy.",
            {("REJECT", "KEN", "UGA")},
        ),
    ],
)
def test_a_request_or_refusal_is_with_the_other_side_only_when_it_names_it(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    got = {t for t in _triples(text, []) if t[0] in ("REQUEST", "REJECT")}
    assert got == expected


def test_a_reference_dated_by_default_joins_the_event_whatever_its_status() -> None:
    from dyad.events.cues import load_scores
    from dyad.events.merge import Merger
    from tests.test_events import _draft

    m = Merger()
    # "Kenya's minister is in Kampala for talks" (a year by default), then "will take part in
    # the talks on Tuesday"
    m.add(_draft("CONSULT", "2023", explicit=False, weight=1, where=0))
    m.add(_draft("CONSULT", "2023-05-09", status="planned", weight=1, where=50))
    (event,) = m.events(load_scores())
    assert event.date == DateRef("2023-05-09", "day") and event.status == "occurred"
    # two explicitly dated mentions of different status stay apart
    m = Merger()
    m.add(_draft("AGREE", "2030", status="planned"))
    m.add(_draft("AGREE", "2030", status="occurred", where=50))
    assert len(m.events(load_scores())) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya's president met business leaders in Uganda on Tuesday.", set()),
        ("Kenya's president held talks in Uganda on Tuesday.", {("CONSULT", "KEN", "UGA")}),
        ("Kenya's envoy is in Uganda for talks on Tuesday.", {("CONSULT", "KEN", "UGA")}),
        ("Kenyan jets struck a rebel base in Uganda on Tuesday.", {("ASSAULT", "KEN", "UGA")}),
    ],
)
def test_where_a_meeting_with_no_state_happened_is_no_party(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _triples(text, []) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the victim of a condemned act is not the accused
        ("Kenya condemned the attack on Uganda's embassy on Tuesday.", set()),
        ("Kenya denounced the bombing in Uganda on Tuesday.", set()),
        ("Kenya blamed rebels for the attack on Uganda.", set()),
        # the doer is
        ("Kenya condemned Uganda's attack on the town on Tuesday.", {("ACCUSE", "KEN", "UGA")}),
        ("Kenya condemned the Ugandan strike on Tuesday.", {("ACCUSE", "KEN", "UGA")}),
        ("Kenya blamed Uganda for the attack on its embassy.", {("ACCUSE", "KEN", "UGA")}),
        ("Kenya accused the Ugandan army of shelling the town.", {("ACCUSE", "KEN", "UGA")}),
        ("Kenya deplored this move by Uganda.", {("ACCUSE", "KEN", "UGA")}),
    ],
)
def test_the_accused_is_who_did_the_act_not_who_suffered_it(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {t for t in _triples(text, []) if t[0] == "ACCUSE"} == expected


def test_protests_a_few_days_apart_are_one_episode() -> None:
    from dyad.events.cues import load_scores
    from dyad.events.merge import Merger
    from tests.test_events import _draft

    m = Merger()
    m.add(_draft("ACCUSE", "2023-05-09", where=0))  # "summoned the envoy on Tuesday"
    m.add(_draft("ACCUSE", "2023-05-08", where=50))  # "had rebuked Uganda the night before"
    assert len(m.events(load_scores())) == 1
    m.add(_draft("ACCUSE", "2023-05-20", where=90))  # a later protest
    m.add(_draft("ACCUSE", "2023-05-09", source="UGA", target="KEN", where=120))  # the reply
    assert len(m.events(load_scores())) == 3


def test_the_circumstances_named_by_amid_are_no_event() -> None:
    from tests.test_events import code, keys

    text = "Kenya's leader visited Ethiopia on Tuesday amid tightening Chinese sanctions on Chad."
    assert keys(code(text)) == {("CONSULT", "KEN", "ETH", "2023-05-09")}
    text = "Chad's envoy flew to Niger amid Sudan's fresh airstrikes on Chad."
    assert {k[0] for k in keys(code(text))} == {"CONSULT"}


def test_what_a_protest_condemns_is_not_dated_by_the_protest() -> None:
    from tests.test_events import code, keys

    text = (
        "Ghana's government on Tuesday lodged a strong protest against Togo's decision to "
        "ban exports of grain to Ghana. Togo banned grain exports to Ghana on Friday."
    )
    found = keys(code(text))
    assert ("ACCUSE", "GHA", "TGO", "2023-05-09") in found
    assert [k for k in found if k[0] == "SANCTION"] == [("SANCTION", "TGO", "GHA", "2023-05-05")]


def test_a_call_on_both_sides_by_one_of_them_is_no_request() -> None:
    from tests.test_events import code, keys

    text = "Kenya's leader met Ethiopia's envoy on Tuesday, calling on the two sides to trade."
    assert {k[0] for k in keys(code(text))} == {"CONSULT"}
    text = "Kenya's leader met Ethiopia's envoy on Tuesday and urged Ethiopia to reopen the border."
    assert {k[0] for k in keys(code(text))} == {"CONSULT", "REQUEST"}


def test_a_visit_perhaps_to_come_is_no_plan() -> None:
    from tests.test_events import code

    assert not code("Kenya's leader is set to perhaps visit Ethiopia in March.")
    (event,) = code("Kenya's leader is set to visit Ethiopia in March.")
    assert (event.type, event.status) == ("CONSULT", "planned")


def test_a_standing_pattern_is_no_dated_event() -> None:
    from tests.test_events import code, keys

    assert not code("Ethiopia has long accused Eritrea of arming rebels.")
    assert not code("Chad routinely sends troops to its border with Sudan.")
    found = keys(code("Ethiopia accused Eritrea of arming rebels on Tuesday."))
    assert found == {("ACCUSE", "ETH", "ERI", "2023-05-09")}


def test_an_offensive_on_a_group_or_an_attack_on_no_state_is_no_state_s() -> None:
    from tests.test_events import code

    text = "Chad and Niger met on Friday. Chadian forces launched an offensive against rebels."
    assert {e.type for e in code(text)} == {"CONSULT"}
    text = "Chad and Niger met on Friday. Chad condemned the attack on a convoy on Tuesday."
    assert {e.type for e in code(text)} == {"CONSULT"}


def test_money_put_into_a_states_bank_is_aid_to_it() -> None:
    from tests.test_events import code

    text = "Kenya said on Tuesday it had deposited $500 million in Ethiopia's central bank."
    assert {(e.type, e.source, e.target) for e in code(text)} == {("AID", "KEN", "ETH")}


def test_a_charge_made_for_years_is_no_dated_event() -> None:
    from tests.test_events import code, keys

    assert not code("Chad has accused Niger of arming rebels for years.")
    assert not code("Chad has attacked Niger several times.")
    found = keys(code("Chad accused Niger on Tuesday of arming rebels."))
    assert found == {("ACCUSE", "TCD", "NER", "2023-05-09")}


def test_the_signing_of_an_accord_is_the_articles_pair_s_deal() -> None:
    from tests.test_events import code, keys

    text = "Chad and Niger met on Friday. He said the signing of an accord had begun a new era."
    assert ("AGREE", "TCD", "NER", "2023-05") in keys(code(text))
    text = "Chad and Niger met on Friday. He said an accord would begin a new era."
    assert {e.type for e in code(text)} == {"CONSULT"}
