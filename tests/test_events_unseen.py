"""Patterns of news found failing on articles no rule was written from (gathered for issue 8):
border crossings as incursions, expulsions ordered, denials by "denied that", agreements kept
or broken (no new deal), and the doer of "condemned X for V-ing".

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def with_status(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.type, e.source, e.target, e.status) for e in code(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Chilean soldiers crossed the Peruvian border on Tuesday.",
        "Chilean troops trespassed into Peru on Tuesday.",
        "Chilean troops breached the Peruvian frontier on Tuesday.",
        "Chilean jets violated the Peruvian border on Tuesday.",
    ],
)
def test_crossing_a_border_is_an_incursion(text: str) -> None:
    assert ("ASSAULT", "CHL", "PER", "occurred") in with_status(text)


def test_people_crossing_a_border_are_no_incursion() -> None:
    text = "Thousands of refugees crossed the Peruvian border from Chile on Tuesday."
    assert not any(t == "ASSAULT" for t, *_ in with_status(text))


def test_an_expulsion_ordered_is_the_orderers() -> None:
    text = "On Tuesday Chile ordered the expulsion of Peru's ambassador over the affair."
    assert ("SANCTION", "CHL", "PER", "occurred") in with_status(text)


def test_what_a_state_denied_did_not_happen() -> None:
    text = "Chile denied on Tuesday that its soldiers had fired on a Peruvian patrol."
    got = with_status(text)
    assert ("ASSAULT", "CHL", "PER", "denied") in got, got
    text = "Chile did not deny on Tuesday that its soldiers had fired on a Peruvian patrol."
    assert ("ASSAULT", "CHL", "PER", "occurred") in with_status(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chilean and Peruvian guards have strictly observed the agreements between Chile and Peru.",
        "Chile said on Tuesday that it would abide by its accord with Peru.",
        "Peru said on Tuesday that Chile had violated the treaty with Peru.",
    ],
)
def test_a_deal_kept_or_broken_is_no_new_deal(text: str) -> None:
    assert not any(t == "AGREE" for t, *_ in with_status(text))


def test_a_dated_deal_kept_is_the_deal_of_its_year() -> None:
    events = code("Chile said on Tuesday that it had observed the 2015 accord with Peru.")
    assert {(e.type, e.date.date if e.date else None) for e in events} >= {("AGREE", "2015")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bolivia condemned Chile on Tuesday for imposing sanctions on Peru.",
            ("SANCTION", "CHL", "PER"),
        ),
        ("Bolivia thanked Chile on Tuesday for sending aid to Peru.", ("AID", "CHL", "PER")),
    ],
)
def test_the_object_of_condemned_for_does_the_act(
    text: str, expected: tuple[str, str, str]
) -> None:
    got = {(t, s, g) for t, s, g, _ in with_status(text)}
    assert expected in got, got
    assert ("SANCTION", "BOL", "PER") not in got and ("AID", "BOL", "PER") not in got


def test_objecting_to_a_states_act_is_an_accusation() -> None:
    text = "Peru objected on Tuesday to Chile's plan to build a wall on the frontier."
    assert ("ACCUSE", "PER", "CHL", "occurred") in with_status(text)


def test_refraining_from_an_act_is_no_act() -> None:
    text = "Chile agreed on Tuesday to refrain from imposing new tariffs on Peruvian copper."
    got = with_status(text)
    assert ("SANCTION", "CHL", "PER", "occurred") not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Peru summoned Chile's ambassador on Tuesday to lodge a protest over remarks on Bolivia.",
        "Peru summoned the Chilean envoy on Tuesday to protest against remarks about Bolivia.",
    ],
)
def test_a_summons_to_protest_is_one_act_against_the_envoys_state(text: str) -> None:
    got = with_status(text)
    assert ("ACCUSE", "PER", "CHL", "occurred") in got, got
    assert not any(t == "ACCUSE" and "BOL" in (s, g) for t, s, g, _ in got), got
    assert not any(t == "ACCUSE" and s == "CHL" for t, s, _, _ in got), got


def test_troops_killed_in_a_clash_were_killed_by_the_other_side() -> None:
    text = "Two Chilean soldiers were killed on Tuesday during a clash with Peruvian border guards."
    got = with_status(text)
    assert ("ASSAULT", "PER", "CHL", "occurred") in got, got


def test_a_fight_told_from_either_side_is_one_event() -> None:
    text = (
        "Two Chilean soldiers killed in border clashes with Peru\n\n"
        "Two Chilean soldiers were killed during an hours-long clash with Peruvian border "
        "guards, the Chilean army said on Tuesday."
    )
    assaults = [e for e in code(text) if e.type == "ASSAULT"]
    assert len(assaults) == 1, assaults
    assert {assaults[0].source, assaults[0].target} == {"CHL", "PER"}


def test_two_attacks_in_turn_stay_two_events() -> None:
    text = "Chile shelled a Peruvian post on Tuesday. Peru shelled a Chilean post on Tuesday."
    got = {(e.type, e.source, e.target) for e in code(text)}
    assert {("ASSAULT", "CHL", "PER"), ("ASSAULT", "PER", "CHL")} <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Lima named the Peruvian trawler which was seized by Chile on Tuesday.",
        "Bolivia sought the release of the crew of a Peruvian trawler seized by Chile on Tuesday.",
    ],
)
def test_a_seizure_told_in_a_modifier_happened(text: str) -> None:
    assert ("COERCE", "CHL", "PER", "occurred") in with_status(text)


def test_what_is_asked_for_is_still_no_event() -> None:
    text = "Bolivia urged Chile on Tuesday to release the Peruvian trawler it had seized."
    got = with_status(text)
    assert not any(t == "RETREAT" and s == "CHL" and st == "occurred" for t, s, _, st in got), got


def test_an_act_held_off_is_no_act() -> None:
    text = "Chile agreed on Tuesday to hold off on imposing new tariffs on Peruvian copper."
    got = with_status(text)
    assert ("SANCTION", "CHL", "PER", "occurred") not in got, got
    text = "Chile held talks with Peru on Tuesday."
    assert ("CONSULT", "CHL", "PER", "occurred") in with_status(text)


def test_an_act_prevented_did_not_happen() -> None:
    text = (
        "Chile said on Tuesday that its guards had prevented "
        "Peruvian soldiers from crossing the border."
    )
    got = with_status(text)
    assert not any(t == "ASSAULT" and st == "occurred" for t, _, _, st in got), got


@pytest.mark.xfail(
    strict=True,
    reason="wanted, not adopted: dating the past perfect by the telling lowered blind's loose F1"
    " (.528 -> .519, one more false event); see the revert of 9d4848e",
)
def test_what_a_teller_said_had_been_done_is_dated_by_the_telling() -> None:
    # reported speech shifts "we have recalled" back to "had recalled": the news of that day
    events = code("Chile's president said on Tuesday that he had recalled the ambassador to Peru.")
    dated = {(e.type, e.source, e.target, e.date.date if e.date else None) for e in events}
    assert ("SANCTION", "CHL", "PER", "2023-05-09") in dated, dated
    events = code("Chile said on Tuesday that Peru had expelled its ambassador in March.")
    dated = {(e.type, e.source, e.target, e.date.date if e.date else None) for e in events}
    assert ("SANCTION", "PER", "CHL", "2023-03") in dated, dated


def test_calling_a_states_act_illegal_is_an_accusation() -> None:
    text = "Chile imposed tariffs on Peru on Tuesday. Peru called the decision illegal on Tuesday."
    got = with_status(text)
    assert ("ACCUSE", "PER", "CHL", "occurred") in got, got
    text = "Peru called on Chile on Tuesday to stop illegal fishing in its waters."
    assert not any(t == "ACCUSE" for t, *_ in with_status(text))


def test_navies_coordinating_an_exercise_cooperate() -> None:
    text = (
        "Chilean warships together with the Peruvian Navy coordinated a joint exercise on Tuesday."
    )
    assert ("COOPERATE", "CHL", "PER", "occurred") in with_status(text)
