"""State mentions in text: names, capitals, demonyms, bodies, officials and role phrases.

Most tests tokenise with a blank English pipeline (no model); those marked ``model`` parse
with the real one to use its entities. Every sentence here is written for the test.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import spacy

from dyad.resolve.actors import StateMention, find_state_mentions
from dyad.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


def found(blank: Any, gaz: Gazetteer, text: str, **kwargs: Any) -> list[tuple[str, str, str]]:
    doc = blank(text)
    mentions = find_state_mentions(doc, gaz, **kwargs)
    for m in mentions:
        assert doc.text[m.start : m.end] == m.text
    return [(m.text, m.code, m.kind) for m in mentions]


def codes(blank: Any, gaz: Gazetteer, text: str, **kwargs: Any) -> list[str]:
    return [code for _, code, kind in found(blank, gaz, text, **kwargs) if kind != "role"]


def test_names_capitals_and_demonyms_across_regions(blank: Any, gaz: Gazetteer) -> None:
    assert codes(blank, gaz, "Nigerian and Ghanaian envoys flew from Abuja to Accra.") == [
        "NGA",
        "GHA",
        "NGA",
        "GHA",
    ]
    text = "Bolivia and Peru signed a pact; Chilean ministers stayed in Santiago."
    assert codes(blank, gaz, text) == ["BOL", "PER", "CHL", "CHL"]
    text = "Bangladesh, Nepal and Sri Lanka met Pakistani delegates."
    assert codes(blank, gaz, text) == ["BGD", "NPL", "LKA", "PAK"]
    assert codes(blank, gaz, "Poles and Hungarians rallied as Czechia watched.") == [
        "POL",
        "HUN",
        "CZE",
    ]


def test_longest_names_win(blank: Any, gaz: Gazetteer) -> None:
    text = "South Korea, North Korea, S. Korea, the DPRK and Papua New Guinea, not Guinea."
    assert codes(blank, gaz, text) == ["KOR", "PRK", "KOR", "PRK", "PNG", "GIN"]
    assert codes(blank, gaz, "South Sudanese and Sudanese troops") == ["SSD", "SDN"]


def test_a_shared_name_means_the_state_the_text_names(blank: Any, gaz: Gazetteer) -> None:
    assert codes(blank, gaz, "Korea and Japan met.") == ["KOR", "JPN"]
    text = "North Korea fired a missile. The Korean leader watched."
    assert codes(blank, gaz, text) == ["PRK", "PRK"]
    text = "North Korea fired a missile. South Korea said Korean jets flew."
    assert codes(blank, gaz, text) == ["PRK", "KOR", "KOR"]
    text = "Brazzaville said the Republic of Congo and Congo would talk."
    assert codes(blank, gaz, text) == ["COG", "COG", "COG"]


def test_hyphenated_pairs(blank: Any, gaz: Gazetteer) -> None:
    assert codes(blank, gaz, "U.S.-China trade and Sino-Russian ties") == [
        "USA",
        "CHN",
        "CHN",
        "RUS",
    ]
    mentions = found(blank, gaz, "The inter-Korean summit and cross-Strait flights.")
    assert mentions == [
        ("inter-Korean", "KOR", "pair"),
        ("inter-Korean", "PRK", "pair"),
        ("cross-Strait", "CHN", "pair"),
        ("cross-Strait", "TWN", "pair"),
    ]


def test_seats_institutions_firms_and_media(blank: Any, gaz: Gazetteer) -> None:
    text = "The Kremlin said Gazprom and the PLA would act, Xinhua and KCNA reported."
    assert found(blank, gaz, text) == [
        ("Kremlin", "RUS", "seat"),
        ("Gazprom", "RUS", "firm"),
        ("PLA", "CHN", "military"),
        ("Xinhua", "CHN", "media"),
        ("KCNA", "PRK", "media"),
    ]


def test_bodies(blank: Any, gaz: Gazetteer) -> None:
    text = "The African Union and the EU met NATO and ECOWAS in Brussels."
    assert codes(blank, gaz, text) == ["AU", "EU", "NATO", "ECOWAS"]
    with_places = found(blank, gaz, text, places=True)
    assert ("Brussels", "BEL", "place") in with_places


def test_a_bare_security_council_is_the_uns_only_where_the_un_is_named(
    blank: Any, gaz: Gazetteer
) -> None:
    assert codes(blank, gaz, "The Security Council secretary flew home.") == []
    text = "The UN met. Later the Security Council voted."
    assert codes(blank, gaz, text) == ["UN", "UN"]
    # a state's own council, named with its possessive and title words, is never the UN's
    text = "The UN met. Kenya's National Security Council and Peru's Supreme Security Council met."
    assert codes(blank, gaz, text) == ["UN", "KEN", "PER"]
    assert codes(blank, gaz, "The UN met. Chile told the Security Council.") == ["UN", "CHL", "UN"]


def test_false_friends(blank: Any, gaz: Gazetteer) -> None:
    assert codes(blank, gaz, "Ships crossed the South China Sea and the Taiwan Strait.") == []
    assert codes(blank, gaz, "The Washington Post and the Korea Herald reported it.") == ["KOR"]
    assert codes(blank, gaz, "He told us that china plates and a turkey are cheap.") == []
    assert codes(blank, gaz, "Georgia Gov. Brian Kemp spoke in Atlanta on Monday.") == []
    assert codes(blank, gaz, "Georgia and Armenia signed a border deal.") == ["GEO", "ARM"]
    assert codes(blank, gaz, "Japan Airlines and the University of Tokyo grew.") == []
    assert codes(blank, gaz, "He said in Russian: no. Ships entered Russian waters.") == ["RUS"]
    assert codes(blank, gaz, "Latin American and Native American leaders") == []


def test_role_phrases(blank: Any, gaz: Gazetteer) -> None:
    def roles(text: str) -> list[tuple[str, str]]:
        return [(t, c) for t, c, k in found(blank, gaz, text) if k == "role"]

    assert roles("Russia's foreign minister spoke.") == [("Russia's foreign minister", "RUS")]
    assert roles("He met the Japanese prime minister.") == [("Japanese prime minister", "JPN")]
    assert roles("A colonel of the Turkish army was held.") == [
        ("colonel of the Turkish army", "TUR"),
        ("Turkish army", "TUR"),
    ]
    assert roles("She met the foreign minister of Ethiopia.") == [
        ("foreign minister of Ethiopia", "ETH")
    ]
    assert roles("Kenyan and Ugandan officials met.") == [
        ("Kenyan and Ugandan officials", "KEN"),
        ("Ugandan officials", "UGA"),
    ]
    assert roles("Venezuelan troops massed near Colombian towns.") == [("Venezuelan troops", "VEN")]
    assert roles("Chinese banks lent more.") == []


def test_officials_by_name_and_role(blank: Any, gaz: Gazetteer) -> None:
    text = "Chinese President Xi Jinping met Brazilian President Luiz Inácio Lula da Silva."
    assert found(blank, gaz, text) == [
        ("Chinese President Xi Jinping", "CHN", "role"),
        ("Chinese", "CHN", "demonym"),
        ("Xi Jinping", "CHN", "person"),
        ("Brazilian President Luiz Inácio Lula da Silva", "BRA", "role"),
        ("Brazilian", "BRA", "demonym"),
        ("Luiz Inácio Lula da Silva", "BRA", "person"),
    ]


def test_officials_by_surname(blank: Any, gaz: Gazetteer) -> None:
    text = "Sergei Ivanov arrived. Later Ivanov spoke with President Obama and Mr. Ramaphosa."
    assert codes(blank, gaz, text) == ["RUS", "RUS", "USA", "ZAF"]
    assert codes(blank, gaz, "Ivanov spoke.") == []  # more than one Ivanov held office


def test_officials_are_coded_by_the_office_held_that_day(blank: Any, gaz: Gazetteer) -> None:
    text = "Ban Ki-moon arrived in Nairobi."
    assert codes(blank, gaz, text, on=date(2005, 3, 1)) == ["KOR", "KEN"]
    assert codes(blank, gaz, text, on=date(2012, 3, 1)) == ["UN", "KEN"]


def test_officials_out_of_office_are_marked(blank: Any, gaz: Gazetteer) -> None:
    text = "Hemedti met Mohamed Morsi."
    assert found(blank, gaz, text, on=date(2020, 1, 1)) == [
        ("Hemedti", "SDN", "person"),
        ("Mohamed Morsi", "EGY", "out-of-office"),
    ]
    assert found(blank, gaz, text, on=date(2024, 1, 1))[0] == ("Hemedti", "SDN", "out-of-office")


def test_a_capital_as_a_venue_is_a_location(blank: Any, gaz: Gazetteer) -> None:
    text = "Talks in Addis Ababa failed, Cairo said."
    assert found(blank, gaz, text) == [
        ("Addis Ababa", "ETH", "location"),
        ("Cairo", "EGY", "capital"),
    ]


def test_spans_give_offsets_into_the_doc(blank: Any, gaz: Gazetteer) -> None:
    doc = blank("Mali protested. Senegal and Mauritania agreed.")
    span = doc[3:]
    mentions = find_state_mentions(span, gaz)
    assert [(m.start, m.end, m.code) for m in mentions] == [(16, 23, "SEN"), (28, 38, "MRT")]
    assert all(isinstance(m, StateMention) for m in mentions)
    assert find_state_mentions(doc, gaz)[0].code == "MLI"


@pytest.mark.model
def test_person_names_are_not_states_with_the_model(gaz: Gazetteer) -> None:
    from dyad.nlp.model import parse

    doc = parse(
        "Jordan Henderson met Chad Smith and Kerry Washington. "
        "Later Jordan and Chad signed a water deal."
    )
    assert [(m.text, m.code) for m in find_state_mentions(doc, gaz)] == [
        ("Jordan", "JOR"),
        ("Chad", "TCD"),
    ]


@pytest.mark.model
def test_roles_with_the_model(gaz: Gazetteer) -> None:
    from dyad.nlp.model import parse

    doc = parse("Egyptian Foreign Minister Sameh Shoukry told Ethiopian officials on Monday.")
    roles = [(m.text, m.code) for m in find_state_mentions(doc, gaz) if m.kind == "role"]
    assert roles == [
        ("Egyptian Foreign Minister Sameh Shoukry", "EGY"),
        ("Ethiopian officials", "ETH"),
    ]


@pytest.mark.model
def test_a_titled_first_name_is_no_officeholders_surname(gaz: Gazetteer) -> None:
    from dyad.nlp.model import parse

    # Ireland's Martin held office that day; "Martin" here is the first name of another man.
    doc = parse("Trade Minister Martin Kabwelulu spoke to Zambian officials in Lusaka on Monday.")
    on = date(2021, 3, 1)
    assert "IRL" not in {m.code for m in find_state_mentions(doc, gaz, on=on)}
    kept = parse("Prime Minister Martin flew to Brussels on Monday.")
    assert "IRL" in {m.code for m in find_state_mentions(kept, gaz, on=on)}


@pytest.mark.model
def test_an_officeholders_surname_in_another_persons_name_is_no_official(
    gaz: Gazetteer,
) -> None:
    from dyad.nlp.model import parse

    # Named in full first, Putin is found again by surname; a Putin with another first name
    # is someone else, a first name one letter off is the same man.
    on = date(2019, 6, 5)
    other = parse("Vladimir Putin spoke on Tuesday. Later Anna Putin, a violinist, played.")
    assert [m.text for m in find_state_mentions(other, gaz, on=on) if m.code == "RUS"] == [
        "Vladimir Putin"
    ]
    typo = parse("Vladimir Putin spoke on Tuesday. Later Vladmir Putin left for Minsk.")
    assert "Putin" in [m.text for m in find_state_mentions(typo, gaz, on=on) if m.code == "RUS"]
