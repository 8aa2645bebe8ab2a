"""Conflict and other events beyond "State verb State": events told by nouns and passives,
actors named by nationality adjectives, vessels and units, parties left implicit, seizures,
withdrawals, expulsions, missile tests; participants (venues, non-state groups) and status.

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code(text)}


def with_status(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.type, e.source, e.target, e.status) for e in code(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vessels, units and crews as agents of the state named by their adjective
        ("A Chilean patrol boat rammed a Peruvian trawler.", ("ASSAULT", "CHL", "PER")),
        (
            "Soldiers from Kenya and Uganda exchanged fire near a hilltop post.",
            ("ASSAULT", "KEN", "UGA"),
        ),
        ("Chile seized a Peruvian trawler on Tuesday.", ("COERCE", "CHL", "PER")),
        ("Kenya arrested two Ugandan soldiers on Tuesday.", ("COERCE", "KEN", "UGA")),
        ("Peru expelled the Chilean ambassador on Tuesday.", ("SANCTION", "PER", "CHL")),
        ("Peru summoned the Chilean ambassador on Tuesday.", ("ACCUSE", "PER", "CHL")),
        # withdrawal and ceding of territory, lifting of sanctions
        ("Ghana handed over the disputed district to Togo on Tuesday.", ("RETREAT", "GHA", "TGO")),
        ("Chile lifted its embargo on Peru on Tuesday.", ("RETREAT", "CHL", "PER")),
        # aid as money placed or credit extended
        ("Norway deposited $90 million in Chile's central bank.", ("AID", "NOR", "CHL")),
        ("Chile and Peru announced $40 million in aid for Bolivia.", ("AID", "CHL", "BOL")),
        # fighting told as a noun between two forces
        ("Fighting broke out between Kenyan and Ugandan forces.", ("ASSAULT", "KEN", "UGA")),
        # a group tied to a state acts for it
        (
            "Chilean-backed militias attacked a base in Peru on Tuesday.",
            ("ASSAULT", "CHL", "PER"),
        ),
    ],
)
def test_conflict_and_material_events(text: str, expected: tuple[str, str, str]) -> None:
    got = triples(text)
    assert expected in got, got


def test_an_agentless_attack_is_the_other_states() -> None:
    text = (
        "Kenya and Uganda have traded accusations for weeks. "
        "Two Ugandan soldiers were killed on the border on Tuesday."
    )
    assert ("ASSAULT", "KEN", "UGA") in triples(text)
    text = (
        "Chile and Peru have quarrelled over fishing for years. "
        "A ban on Peruvian fish has been in place since March."
    )
    assert ("SANCTION", "CHL", "PER") in triples(text)


def test_an_attack_by_a_named_non_state_group_takes_no_state() -> None:
    text = (
        "Kenya and Uganda have traded accusations for weeks. "
        "Rebels launched an attack on Ugandan troops on Tuesday."
    )
    assert not {t for t in triples(text) if t[0] == "ASSAULT"}


def test_a_blow_struck_back_is_the_subjects() -> None:
    text = "Peru blamed Chile for the crisis. Chile hit back with a blockade on Peru on Tuesday."
    assert ("SANCTION", "CHL", "PER") in triples(text)


def test_a_missile_test_is_a_threat_to_the_other_state() -> None:
    text = "Peru test-fired two missiles on Tuesday, and Chile protested the launches."
    got = triples(text)
    assert ("THREATEN", "PER", "CHL") in got, got
    assert not {t for t in got if t[0] == "CONSULT"}, got


def test_deploring_an_act_blames_the_other_state() -> None:
    text = "Peru expelled Chile's envoy on Tuesday. Chile's foreign ministry condemned the move."
    assert ("ACCUSE", "CHL", "PER") in triples(text)


def test_accusing_people_blames_no_state() -> None:
    text = "Kenya and Uganda met in March. Kenya accused Ugandan rebels of raids on Tuesday."
    assert not {t for t in triples(text) if t[0] == "ACCUSE"}


def test_non_state_groups_do_not_stand_for_their_state() -> None:
    text = "Kenya's army attacked Ugandan rebels on Tuesday."
    assert not {t for t in triples(text) if t[0] == "ASSAULT"}
    text = "Kenya closed its border over Uganda's support for Kenyan rebels."
    assert not {t for t in triples(text) if t[0] == "SUPPORT"}


def test_the_venue_of_a_trip_for_talks_is_no_party() -> None:
    text = "Kenya's foreign minister flew to Ethiopia on Tuesday for talks with Uganda."
    got = triples(text)
    assert ("CONSULT", "KEN", "UGA") in got, got
    assert not {t for t in got if "ETH" in t}, got


def test_a_declaration_named_after_a_city_is_no_party_of_it() -> None:
    text = 'Chile and Peru adopted the "Nairobi Declaration" on Tuesday.'
    got = triples(text)
    assert {t for t in got if t[0] == "AGREE"} <= {("AGREE", "CHL", "PER"), ("AGREE", "PER", "CHL")}
    assert got, got


def test_talks_at_which_a_deal_was_initialled() -> None:
    text = "Chile and Peru initialled an agreement at talks in Geneva on Tuesday."
    got = triples(text)
    assert {t[0] for t in got} >= {"AGREE", "CONSULT"}, got
    assert not {t for t in got if "CHE" in t}, got


def test_nothing_to_talk_about_is_no_meeting() -> None:
    text = 'Kenya\'s president said of Uganda: "I have nothing to talk to them about."'
    assert not {t for t in triples(text) if t[0] == "CONSULT"}


def test_the_lifted_sanctions_are_no_sanction() -> None:
    assert triples("The United States lifted its sanctions on Cuba on Tuesday.") == {
        ("RETREAT", "USA", "CUB")
    }


def test_a_negated_attack_is_denied() -> None:
    got = with_status("Chile did not attack Peru on Tuesday.")
    assert ("ASSAULT", "CHL", "PER", "denied") in got


def test_they_attacking_is_no_attack_of_the_pair_on_itself() -> None:
    text = (
        "Kenya and Uganda have quarrelled for years. "
        '"They have shelled our villages," the minister said.'
    )
    assert not {t for t in triples(text) if t[0] == "ASSAULT"}
    text = "Kenya and Uganda have quarrelled for years. They have accused each other of raids."
    got = triples(text)
    assert ("ACCUSE", "KEN", "UGA") in got or ("ACCUSE", "UGA", "KEN") in got, got


def test_forces_brought_to_an_area_face_the_other_state() -> None:
    text = "Peru accused Chile of provocation. Chile had brought more than 40 vessels to the area."
    assert ("MOBILIZE", "CHL", "PER") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state named on what is attacked, seized or destroyed undergoes the act
        ("Peru destroyed two Chilean air bases on Friday.", ("ASSAULT", "PER", "CHL")),
        ("A Peruvian trawler was seized by Chile on Friday.", ("COERCE", "CHL", "PER")),
        # nouns: expulsion, recall, closure, airstrikes inside a state
        ("Peru's expulsion of Chile's ambassador on Friday.", ("SANCTION", "PER", "CHL")),
        ("Peru's recall of its envoy from Chile on Friday.", ("SANCTION", "PER", "CHL")),
        ("Chile's closure of the border with Peru hurt traders.", ("SANCTION", "CHL", "PER")),
        ("Chilean airstrikes on camps inside Peru killed 12 people.", ("ASSAULT", "CHL", "PER")),
    ],
)
def test_owners_and_nouns(text: str, expected: tuple[str, str, str]) -> None:
    got = triples(text)
    assert expected in got, got


def test_a_negated_attack_on_a_states_positions_is_denied() -> None:
    got = with_status("Peru did not attack Chilean positions, its defence ministry said.")
    assert ("ASSAULT", "PER", "CHL", "denied") in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean troops captured the Peruvian town of Arica on Friday.",
            ("ASSAULT", "CHL", "PER"),
        ),
        ("Peruvian forces crossed into Chile on Saturday.", ("ASSAULT", "PER", "CHL")),
        ("Chile's navy intercepted a Peruvian tanker on Sunday.", ("COERCE", "CHL", "PER")),
        ("Peru declared a Chilean diplomat persona non grata.", ("SANCTION", "PER", "CHL")),
        ("Rocket fire from Peru hit a Chilean village on Tuesday.", ("ASSAULT", "PER", "CHL")),
        ("A Chilean airstrike killed four Peruvian soldiers.", ("ASSAULT", "CHL", "PER")),
        ("Chile retaliated against Peru with airstrikes.", ("ASSAULT", "CHL", "PER")),
    ],
)
def test_more_conflict_forms(text: str, expected: tuple[str, str, str]) -> None:
    got = triples(text)
    assert expected in got, got


def test_refugees_crossing_is_no_incursion() -> None:
    text = "Chile and Peru met in March. Thousands of refugees crossed into Chile last week."
    assert not {t for t in triples(text) if t[0] == "ASSAULT"}


def test_a_warning_about_an_attack_threatens_the_attacker() -> None:
    text = (
        "Kenya and Uganda signed a defence pact on Monday. Kenya warned on Tuesday that an "
        "Ethiopian incursion would be met with force."
    )
    got = triples(text)
    assert ("THREATEN", "KEN", "ETH") in got, got
    assert ("THREATEN", "KEN", "UGA") not in got, got


def test_signed_papers_are_an_agreement() -> None:
    text = (
        "The border protocol was signed by Chile's foreign minister and her Peruvian "
        "counterpart on Thursday."
    )
    got = triples(text)
    assert ("AGREE", "CHL", "PER") in got or ("AGREE", "PER", "CHL") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Peru accused Chile of sheltering rebels on Thursday. The armed forces destroyed two "
        "bridges in the neighbouring country on Friday.",
        "Peru accused Chile of sheltering rebels on Thursday.\n\nThe armed forces destroyed two "
        "bridges in the neighbouring country on Friday, the Peruvian defence ministry said.",
    ],
)
def test_forces_and_a_neighbour_left_unnamed(text: str) -> None:
    assert ("ASSAULT", "PER", "CHL") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Peruvian soldier was shot dead by Chilean troops.", ("ASSAULT", "CHL", "PER")),
        ("Chile downed a Peruvian drone on Tuesday.", ("ASSAULT", "CHL", "PER")),
        ("Peru froze Chilean assets on Wednesday.", ("SANCTION", "PER", "CHL")),
        ("A Chilean court sentenced a Peruvian journalist.", ("COERCE", "CHL", "PER")),
        ("Peru banned Chilean airlines on Friday.", ("SANCTION", "PER", "CHL")),
    ],
)
def test_shootings_seizures_and_bans(text: str, expected: tuple[str, str, str]) -> None:
    got = triples(text)
    assert expected in got, got


def test_what_is_protested_happened_what_is_alleged_did_not() -> None:
    text = (
        "Chile and Peru have quarrelled for months. Peru's foreign ministry condemned "
        "Chilean air raids on two border towns on Tuesday."
    )
    got = triples(text)
    assert ("ACCUSE", "PER", "CHL") in got, got
    assert ("ASSAULT", "CHL", "PER") in got, got
    got = triples("Chile and Peru met in May. Chile accused Peru of attacking its positions.")
    assert not {t for t in got if t[0] == "ASSAULT"}, got


def test_troops_sent_into_a_state_invade_it() -> None:
    got = triples("Chile sent thousands of troops into Peru in March.")
    assert ("ASSAULT", "CHL", "PER") in got, got
    assert not {t for t in got if t[0] == "MOBILIZE"}, got


def test_a_named_war_gives_no_target_to_guess() -> None:
    text = (
        "Chile and Peru have quarrelled for months. The Peruvian peace plan was introduced on "
        "the anniversary of the Chilean invasion."
    )
    assert not {t for t in triples(text) if t[0] == "ASSAULT"}


def test_killed_in_an_attack_names_the_attacker() -> None:
    text = "Three Chilean soldiers were killed in a Peruvian drone attack on Tuesday."
    assert ("ASSAULT", "PER", "CHL") in triples(text)


def test_a_single_strike_by_one_side_in_the_others_land() -> None:
    from tests.test_events import code, keys

    text = "A Ugandan drone strike killed three fighters in Kenya on Tuesday."
    assert keys(code(text)) == {("ASSAULT", "UGA", "KEN", "2023-05-09")}


def test_a_when_clause_dates_the_clause_it_hangs_on() -> None:
    from tests.test_events import code, keys

    text = "Two Kenyan soldiers were killed when Ugandan troops shelled a border post on Tuesday."
    assert keys(code(text)) == {("ASSAULT", "UGA", "KEN", "2023-05-09")}


def test_seized_positions_are_an_assault_and_a_withdrawn_envoy_a_sanction() -> None:
    from tests.test_events import code, keys

    found = keys(code("Ethiopian troops seized two Eritrean border posts on Tuesday."))
    assert found == {("ASSAULT", "ETH", "ERI", "2023-05-09")}
    found = keys(code("Chad withdrew its ambassador to Sudan on Tuesday."))
    assert found == {("SANCTION", "TCD", "SDN", "2023-05-09")}


def test_a_conditional_threat_is_dated_by_its_telling() -> None:
    from tests.test_events import code, keys

    text = "Chad said on Tuesday that it would retaliate against Sudan if Sudan attacked again."
    assert keys(code(text)) == {("THREATEN", "TCD", "SDN", "2023-05-09")}


def test_troops_sent_to_a_third_state_are_sent_there() -> None:
    from tests.test_events import code, keys

    text = "Sudan and Chad met in Doha on Tuesday. Chad sent troops to Ghana on Friday."
    found = keys(code(text))  # the parser reads "to Ghana" as a dative here
    assert ("MOBILIZE", "TCD", "GHA", "2023-05-05") in found
    assert not [k for k in found if k[0] == "MOBILIZE" and "SDN" in k]


def test_a_groups_positions_near_a_border_are_not_the_states() -> None:
    from tests.test_events import code

    text = "Ethiopia and Eritrea met. Ethiopian jets hit rebel positions near the Eritrean border."
    assert {e.type for e in code(text)} == {"CONSULT"}


def test_a_threat_on_a_condition_of_a_firm_is_to_the_articles_other_state() -> None:
    from tests.test_events import code, keys

    text = "Chad and Niger quarrel. Chad said on Tuesday it would send ships if a Kenyan firm dug."
    assert keys(code(text)) == {("THREATEN", "TCD", "NER", "2023-05-09")}
