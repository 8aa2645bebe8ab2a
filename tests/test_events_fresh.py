"""Events of fresh articles: the pair a title names, troops increased or moved.

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code(text)}


def test_the_two_sides_are_the_pair_the_title_names_not_the_mediator() -> None:
    text = (
        "Ghana and Togo agree to end border fighting\n\n"
        "Norway said on Monday that talks it hosted in Norway had ended, and Norway praised "
        "both delegations for their work with Norway's mediators.\n\n"
        "The governments of the two neighbours accused each other of shelling villages on "
        "Sunday."
    )
    got = triples(text)
    assert {("ACCUSE", "GHA", "TGO"), ("ACCUSE", "TGO", "GHA")} <= got, got
    assert not any("NOR" in (s, t) and e == "ACCUSE" for e, s, t in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya has increased the number of troops along its border with Uganda.",
            ("MOBILIZE", "KEN", "UGA"),
        ),
        ("Chile has stepped up its military presence near Peru.", ("MOBILIZE", "CHL", "PER")),
        ("Ghana bolstered its forces on the border with Togo.", ("MOBILIZE", "GHA", "TGO")),
    ],
)
def test_troops_increased_are_a_mobilization(text: str, expected: tuple[str, str, str]) -> None:
    got = triples(text)
    assert expected in got, got


def test_increased_trade_is_no_mobilization() -> None:
    got = triples("Peru increased its exports to Chile.")
    assert not any(e == "MOBILIZE" for e, _, _ in got), got


def test_troops_moved_from_near_a_state_are_not_aimed_at_it() -> None:
    got = triples("Nigeria moved troops from the area near Chad to the border with Cameroon.")
    assert ("MOBILIZE", "NGA", "CMR") in got, got
    assert ("MOBILIZE", "NGA", "TCD") not in got, got


def with_status(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.type, e.source, e.target, e.status) for e in code(text)}


def test_an_attack_by_militias_linked_to_an_army_is_that_states() -> None:
    text = (
        "Several Chadian soldiers were killed in an attack by militias linked to the "
        "Ethiopian army."
    )
    got = triples(text)
    assert ("ASSAULT", "ETH", "TCD") in got, got


def test_an_envoy_summoned_to_a_ministry_is_summoned_by_its_state() -> None:
    got = triples("The Chilean ambassador was summoned to the Peruvian foreign ministry.")
    assert ("ACCUSE", "PER", "CHL") in got, got


def test_an_expulsion_a_reply_follows_happened_and_the_state_left_did_it() -> None:
    got = with_status(
        "Kenya will summon Uganda's envoy after the expulsion of two Kenyan diplomats from Uganda."
    )
    assert ("SANCTION", "UGA", "KEN", "occurred") in got, got
    assert ("ACCUSE", "KEN", "UGA", "planned") in got, got


def test_a_talk_planned_after_a_summit_stays_planned() -> None:
    got = with_status("Chile will hold talks with Peru after the summit.")
    assert ("CONSULT", "CHL", "PER", "planned") in got, got


def test_two_states_named_together_both_act() -> None:
    got = triples("Ghana and Togo have negotiated a ceasefire to end the fighting.")
    assert ("CONSULT", "GHA", "TGO") in got, got
    got = with_status("The foreign ministers of Chile and Peru were unable to reach an agreement.")
    assert ("AGREE", "CHL", "PER", "denied") in got, got


def test_a_protest_presented_to_an_envoy_is_an_accusation() -> None:
    got = triples("The Peruvian government presented a strong protest to the Chilean ambassador.")
    assert ("ACCUSE", "PER", "CHL") in got, got


def test_deporting_a_states_nationals_is_coercion() -> None:
    got = triples("Kenya deported over a thousand Ugandans on Tuesday.")
    assert ("COERCE", "KEN", "UGA") in got, got


def test_described_neighbours_are_the_pair_but_described_leaders_are_not() -> None:
    text = (
        "Chile and Peru trade blame\n\n"
        "Chile and Peru traded blame on Tuesday.\n\n"
        "The Andean neighbours accuse each other of starting the clashes."
    )
    assert {("ACCUSE", "CHL", "PER"), ("ACCUSE", "PER", "CHL")} <= triples(text)
    text = "Chile and Peru met in Lima\n\nThe African leaders criticised each other."
    assert not any(e == "ACCUSE" for e, _, _ in triples(text))


def test_a_flare_up_after_an_attack_shares_its_day() -> None:
    text = (
        "Tensions between Chile and Peru escalated on Tuesday after Chilean troops fired on "
        "Peruvian patrol boats."
    )
    got = {(e.type, e.date.date if e.date else None) for e in code(text)}
    assert ("ASSAULT", "2023-05-09") in got, got


def test_an_act_days_before_a_dated_deal_keeps_the_month() -> None:
    text = "Chile signed a deal with Peru on Tuesday, days after Peru seized a Chilean trawler."
    got = {(e.type, e.date.date if e.date else None) for e in code(text)}
    assert ("COERCE", "2023-05") in got, got


def test_a_missile_fired_capable_of_reaching_a_state_is_a_threat() -> None:
    got = triples("Iran fired a missile capable of reaching France on Tuesday.")
    assert got == {("THREATEN", "IRN", "FRA")}, got
    assert triples("Iran fired a missile at France on Tuesday.") == {("ASSAULT", "IRN", "FRA")}


def test_a_host_of_talks_meets_each_side() -> None:
    got = triples("Chile and Peru held talks in Ghana mediated by Norway on Tuesday.")
    assert {("CONSULT", "NOR", "CHL"), ("CONSULT", "NOR", "PER")} <= got, got
    assert ("CONSULT", "CHL", "PER") in got or ("CONSULT", "PER", "CHL") in got, got
