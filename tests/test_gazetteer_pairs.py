"""Pairs of states from different continents, named through their officeholders, bodies,
forces, state firms and seats of power ("the Tatmadaw", "Akorda", "Foreign Minister X" on a
date), and actors that are not states (Hezbollah, the Houthis, UNIFIL).

Every sentence is written for this test, about pairs of states that no corpus covers. Mentions
are read with a blank English pipeline (no model); the tests marked ``model`` code events with
the real one.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import spacy

from dyad.resolve.actors import find_state_mentions
from dyad.resolve.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def blank() -> Any:
    return spacy.blank("en")


def coded(blank: Any, gaz: Gazetteer, text: str, on: date | None = None) -> list[str]:
    """The codes of the mentions that are not role phrases, in text order."""
    mentions = find_state_mentions(blank(text), gaz, on=on)
    return [m.code for m in mentions if m.kind != "role"]


# One sentence a pair of continents: (text, date of the text, the codes in text order).
PAIRS = [
    # South America - Africa
    ("La Moneda said Codelco would sell copper to the Kenya Defence Forces.", None,
     ["CHL", "CHL", "KEN"]),
    # Europe - Asia
    ("Equinor signed a deal with Viettel, and the Gaimusho welcomed it.", None,
     ["NOR", "VNM", "JPN"]),
    # Asia - Africa
    ("The Tatmadaw accused Aso Rock of sheltering dissidents.", None, ["MMR", "NGA"]),
    # Asia - South America
    ("The Blue House called Itamaraty about the trade talks.", None, ["KOR", "BRA"]),
    # Asia - North America
    ("Raisina Hill asked Pemex for crude shipments.", None, ["IND", "MEX"]),
    # Asia - Oceania
    ("Akorda hosted officials from Kirribilli House.", None, ["KAZ", "AUS"]),
    # Asia - South America
    ("Temple Trees sent an envoy to the Casa Rosada.", None, ["LKA", "ARG"]),
    # Asia - Africa
    ("The TNI trained with officers from Jubilee House.", None, ["IDN", "GHA"]),
    # Middle East - South America
    ("The IDF briefed the Casa de Nariño on the attack.", None, ["ISR", "COL"]),
    # Middle East - Africa
    ("Aramco opened an office near Village Urugwiro.", None, ["SAU", "RWA"]),
    # Asia - Europe, an officeholder by surname after a title, on a date
    ("President Khurelsukh flew to Berlin, where the Bendlerblock offered training.",
     date(2022, 6, 1), ["MNG", "DEU", "DEU"]),
    # Asia - Oceania
    ("The ISI denied that the NZDF had been targeted.", None, ["PAK", "NZL"]),
    # Asia - North America
    ("Singha Durbar thanked Global Affairs Canada for the aid.", None, ["NPL", "CAN"]),
    # Asia - South America
    ("Malacañang and Carondelet issued a joint statement.", None, ["PHL", "ECU"]),
    # Asia - Africa
    ("Kasumigaseki signed a phosphate deal with OCP.", None, ["JPN", "MAR"]),
    # Middle East - South America
    ("Foreign Minister Abbas Araghchi met officials at Torre Tagle.", date(2025, 3, 1),
     ["IRN", "PER"]),
    # Asia - North America
    ("Nhan Dan praised MINREX for its support.", None, ["VNM", "CUB"]),
    # Africa - Middle East
    ("The UPDF and the Amiri Diwan discussed security.", None, ["UGA", "QAT"]),
    # Europe - Asia
    ("Orlen agreed to supply fuel to the Royal Bhutan Army.", None, ["POL", "BTN"]),
    # Asia - North America
    ("Wisma Putra protested to the Panama Canal Authority.", None, ["MYS", "PAN"]),
    # Asia - Asia by officeholders only
    ("Prime Minister Hun Manet met Foreign Minister Vivian Balakrishnan.", date(2024, 2, 1),
     ["KHM", "SGP"]),
    ("President Muizzu received Foreign Minister Jaishankar.", date(2024, 8, 9),
     ["MDV", "IND"]),
    ("Chief Adviser Muhammad Yunus met Prime Minister Shehbaz Sharif.", date(2025, 4, 1),
     ["BGD", "PAK"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "on", "expected"), PAIRS)
def test_pairs_are_coded_through_bodies_forces_seats_and_officeholders(
    blank: Any, gaz: Gazetteer, text: str, on: date | None, expected: list[str]
) -> None:
    assert coded(blank, gaz, text, on=on) == expected


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("the Tatmadaw", "MMR"), ("the Blue House", "KOR"), ("Zhongnanhai", "CHN"),
        ("Raisina Hill", "IND"), ("the Kremlin", "RUS"), ("Downing Street", "GBR"),
        ("Mossad", "ISR"), ("ISI", "PAK"), ("Xinhua", "CHN"), ("KCNA", "PRK"),
        ("Aramco", "SAU"), ("Pemex", "MEX"), ("PLA Navy", "CHN"), ("Pakistan Army", "PAK"),
        ("Bangabhaban", "BGD"), ("Akorda", "KAZ"), ("Temple Trees", "LKA"), ("TNI", "IDN"),
        ("Burma", "MMR"), ("Ceylon", "LKA"), ("Zaire", "COD"), ("NATO", "NATO"),
        ("the Arab League", "LAS"), ("ECOWAS", "ECOWAS"), ("Gulf Cooperation Council", "GCC"),
    ],
)  # fmt: skip
def test_metonyms_bodies_and_former_names(gaz: Gazetteer, mention: str, code: str) -> None:
    assert gaz.state_code(mention) == code


def test_officeholders_are_read_by_date(gaz: Gazetteer) -> None:
    def names(role: str, state: str, day: date) -> list[str]:
        return [o.name for o in gaz.holders(role, state, day)]

    assert names("foreign minister", "THA", date(2012, 1, 1)) == ["Surapong Tovichakchaikul"]
    assert names("prime minister", "NPL", date(2019, 1, 1)) == ["K. P. Sharma Oli"]
    assert names("prime minister", "MYS", date(2019, 1, 1)) == ["Mahathir Mohamad"]
    assert names("president", "LKA", date(2010, 1, 1)) == ["Mahinda Rajapaksa"]
    # Bangladesh's chief adviser heads the interim government
    assert names("prime minister", "BGD", date(2025, 1, 1)) == ["Muhammad Yunus"]
    assert names("prime minister", "BGD", date(2008, 1, 1)) == ["Fakhruddin Ahmed"]
    # a person's state follows the office held that day
    assert gaz.person_state("Retno Marsudi", date(2020, 1, 1)) == "IDN"
    assert gaz.person_state("Foreign Minister Jaishankar", date(2023, 1, 1)) == "IND"
    assert [o.role for o in gaz.offices_of("Lee Ju-ho", date(2025, 5, 20))] == [
        "acting president",
        "acting prime minister",
    ]


def test_acting_and_interim_holders_fill_the_gaps(gaz: Gazetteer) -> None:
    assert [o.name for o in gaz.holders("defence minister", "KOR", date(2025, 2, 1))] == [
        "Kim Seon-ho"
    ]
    assert [o.name for o in gaz.holders("president", "VNM", date(2024, 4, 1))] == [
        "Vo Thi Anh Xuan"
    ]


def test_non_state_actors_are_not_states(gaz: Gazetteer) -> None:
    for mention in ("Hezbollah", "the Houthis", "Hamas", "al-Shabaab", "Wagner", "M23"):
        assert gaz.state_code(mention) is None, mention
        assert gaz.nonstate(mention) is not None, mention
    hezbollah = gaz.nonstate("Hezbollah's")
    assert hezbollah is not None
    assert (hezbollah.kind, hezbollah.based_in, hezbollah.tied_to) == ("armed group", "LBN", "IRN")
    houthis = gaz.nonstate("Ansar Allah")
    assert houthis is not None and houthis.name == "Houthis"
    assert gaz.nonstate("the Tatmadaw") is None  # a state's army
    unifil = gaz.nonstate("UNIFIL")
    assert unifil is not None and (unifil.kind, unifil.tied_to) == ("peacekeeping force", "UN")


def test_non_state_rows_follow_the_date(gaz: Gazetteer) -> None:
    before = gaz.nonstate("the Taliban", on=date(2010, 1, 1))
    after = gaz.nonstate("the Taliban", on=date(2023, 1, 1))
    assert before is not None and before.kind == "armed group"
    assert after is not None and (after.kind, after.tied_to) == ("de facto government", "AFG")
    hts = gaz.nonstate("HTS", on=date(2026, 1, 1))
    assert hts is not None and hts.valid_to == date(2025, 1, 29)


def test_non_state_acronyms_match_only_as_written(gaz: Gazetteer) -> None:
    rsf = gaz.nonstate("RSF")
    assert rsf is not None and rsf.based_in == "SDN"
    assert gaz.nonstate("rsf") is None


def test_non_state_matcher_finds_groups_in_text(blank: Any, gaz: Gazetteer) -> None:
    text = "The M23 seized a town while Hezbollah fired rockets and UNIFIL watched."
    names = [
        g.name
        for raw in gaz.nonstate_matcher.scan(text)
        if (g := gaz.nonstate_for_key(raw.key)) is not None
    ]
    assert names == ["M23", "Hezbollah", "UNIFIL"]
    # the state mentions of the same sentence name none of the groups' states
    assert coded(blank, gaz, "Hezbollah fired rockets at Israel.") == ["ISR"]


# -- events, with the real model ------------------------------------------------------------


def _events(text: str) -> set[tuple[str, frozenset[str]]]:
    from dyad.extract import extract
    from dyad.models import Document
    from dyad.nlp.model import parse

    doc = Document("t", "t", "x", text, text, published_meta="2025-03-13")
    return {
        (e.type, frozenset((e.source, e.target))) for e in extract(parse(text), doc).analysis.events
    }


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Prime Minister Hun Manet met Foreign Minister Vivian Balakrishnan in Phnom Penh on "
         "Tuesday to discuss trade.", {"KHM", "SGP"}),
        ("Foreign Minister Bui Thanh Son met Norway's foreign minister in Hanoi on Tuesday.",
         {"VNM", "NOR"}),
        ("Raisina Hill signed an oil supply agreement with Mexico on Tuesday.", {"IND", "MEX"}),
        ("Akorda hosted Australia's foreign minister for talks on uranium on Tuesday.",
         {"KAZ", "AUS"}),
        ("Temple Trees rejected a proposal from Argentina on Tuesday.", {"LKA", "ARG"}),
        ("Indonesia's TNI held joint exercises with Ghana's army on Tuesday.", {"IDN", "GHA"}),
        ("Mongolian President Ukhnaagiin Khurelsukh met German officials in Berlin on Tuesday.",
         {"MNG", "DEU"}),
        ("Iran's Foreign Minister Abbas Araghchi met Peru's foreign minister in Lima on "
         "Tuesday.", {"IRN", "PER"}),
        ("Kasumigaseki urged Morocco on Tuesday to release the detained fishermen.",
         {"JPN", "MAR"}),
        ("Chief Adviser Muhammad Yunus met Prime Minister Shehbaz Sharif in Cairo on Tuesday.",
         {"BGD", "PAK"}),
    ],
)  # fmt: skip
def test_events_between_pairs_named_through_the_gazetteer(text: str, pair: set[str]) -> None:
    assert frozenset(pair) in {p for _, p in _events(text)}


@pytest.mark.model
def test_an_armed_group_is_not_its_base_state() -> None:
    events = _events("Hezbollah fired rockets at Israel on Tuesday.")
    assert not any("LBN" in pair for _, pair in events)
