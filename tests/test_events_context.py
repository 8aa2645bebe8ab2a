"""Events told around their clause: a passive that shares its subject with the verb before,
a deal signed by both sides in turn, and the like.

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president and his foreign minister landed in Kampala on Monday and were "
        "greeted by Uganda's president.",
        "Norway's prime minister crossed the bridge on Monday and was welcomed by Sweden's "
        "prime minister.",
    ],
)
def test_a_passive_sharing_its_subject_hosts_the_visitors(text: str) -> None:
    got = {(t, *sorted((s, o))) for t, s, o in triples(text)}
    assert any(t == "CONSULT" for t, *_ in got), got


def test_a_state_hosting_the_talks_of_a_pair_meets_each_side() -> None:
    text = (
        "The first round of talks between Chile and Peru took place on Saturday in Quito. "
        "Ghana, which hosted the talks, said the discussions will continue."
    )
    got = triples(text)
    assert {("CONSULT", "GHA", "CHL"), ("CONSULT", "GHA", "PER")} <= got, got


def test_a_body_whose_summit_a_state_attended_is_no_third_party() -> None:
    text = (
        "Chile and Peru held talks in Lima on Monday. "
        "Later Chile attended the European Union summit in Geneva."
    )
    got = triples(text)
    assert not any("EU" in (s, t) and "PER" in (s, t) for _, s, t in got), got


def with_status(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.type, e.source, e.target, e.status) for e in code(text)}


def test_an_attack_named_as_a_condition_is_no_attack() -> None:
    got = with_status("If Kenya attacks, Uganda would move troops to the border.")
    assert not any(t == "ASSAULT" for t, *_ in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Norway said on Tuesday it would send warships to the strait if Sweden began drilling.",
        "Norway will impose sanctions on Sweden unless the talks resume, the minister said.",
    ],
)
def test_force_promised_on_a_condition_is_a_threat(text: str) -> None:
    got = with_status(text)
    assert ("THREATEN", "NOR", "SWE", "occurred") in got, got
    assert not any(t in ("MOBILIZE", "SANCTION") for t, *_ in got), got


def test_force_promised_without_a_condition_stays_a_plan() -> None:
    got = with_status("Norway will impose sanctions on Sweden next week, the minister said.")
    assert ("SANCTION", "NOR", "SWE", "planned") in got, got


def test_paperwork_signed_by_each_side_in_turn_is_an_agreement() -> None:
    text = (
        "The legal paperwork was signed on Tuesday by Ghana's justice minister and by "
        "Togo's justice minister."
    )
    got = {(t, *sorted((s, o))) for t, s, o in triples(text)}
    assert ("AGREE", "GHA", "TGO") in got, got


def test_an_attack_in_the_event_of_which_they_act_is_no_attack() -> None:
    text = "Chile and Peru agreed on Tuesday to respond in the event of an attack by Bolivia."
    got = triples(text)
    assert not any(t == "ASSAULT" for t, _, _ in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Kenya and Uganda traded accusations on Tuesday over the border incident.",
        "Kenya and Uganda accused each other of violating the ceasefire on Tuesday.",
    ],
)
def test_mutual_accusations_go_both_ways(text: str) -> None:
    got = triples(text)
    assert {("ACCUSE", "KEN", "UGA"), ("ACCUSE", "UGA", "KEN")} <= got, got


def test_staple_food_sent_is_aid() -> None:
    got = triples("In April, Chile had sent 11,000 tonnes of rice to Peru as a goodwill gesture.")
    assert ("AID", "CHL", "PER") in got, got
