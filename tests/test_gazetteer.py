"""The gazetteer: its data files, look-ups of states and bodies, officeholders and terms."""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date, timedelta
from importlib import resources
from itertools import pairwise

import pycountry
import pytest

from dyad.resolve.gazetteer import Alias, Gazetteer
from dyad.resolve.loader import load_office_rows, load_state_aliases
from dyad.resolve.offices import Office, likeliest_office, role_function
from dyad.resolve.text import PhraseMatcher, alias_key, fold, person_key

UN_MEMBERS = 193
# fmt: off
CORE_STATES = (
    "USA", "CHN", "RUS", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "IND", "PAK", "IRN", "ISR",
    "TUR", "GRC", "EGY", "ETH", "SDN", "SAU", "UKR", "SYR", "TWN", "AUS", "CAN", "ITA", "BRA",
    "ZAF",
)
# fmt: on
# Roles more than one person holds at a time.
SHARED_ROLES = {
    "deputy prime minister",
    "first deputy prime minister",
    "vice president",
    "state councilor",
    "foreign ministry spokesperson",
    "senior party official",
    "special envoy",
    "deputy foreign minister",
    "presidential aide",
    "un ambassador",
    # collective heads of state (co-princes, captains regent, a collective presidency)
    "co-prince",
    "captain regent",
    "member of the presidency",
    "chairman of the presidential council",
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


# ----------------------------------------------------------------------------- data files


@pytest.mark.parametrize("name", ["states.csv", "organisations.csv", "officeholders.csv"])
def test_data_files_name_source_and_licence(name: str) -> None:
    text = resources.files("dyad").joinpath("data", name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    joined = " ".join(header).lower()
    assert "source" in joined and "licence" in joined and "data date" in joined


def test_load_is_fast_and_cached() -> None:
    start = time.perf_counter()
    first = Gazetteer.load()
    assert time.perf_counter() - start < 1.0
    assert Gazetteer.load() is first


def test_every_un_member_has_a_name_and_almost_all_a_capital_and_demonym(gaz: Gazetteer) -> None:
    aliases, names = load_state_aliases()
    states = [c for c in gaz.codes("state") if c not in {"VAT", "PSE", "TWN", "XKX", "HKG", "MAC"}]
    assert len(states) == UN_MEMBERS
    for code in states:
        assert pycountry.countries.get(alpha_3=code) is not None, code
        assert code in names
    kinds: dict[str, set[str]] = defaultdict(set)
    for a in aliases:
        kinds[a.code].add(a.kind)
    with_capital = [c for c in states if kinds[c] & {"capital", "place"}]
    with_demonym = [c for c in states if "demonym" in kinds[c]]
    assert len(with_capital) >= UN_MEMBERS - 3  # city-states named like the state
    assert len(with_demonym) >= UN_MEMBERS - 4  # shared ones: Congolese, Dominican...


def test_officeholders_cover_the_states_most_in_the_news(gaz: Gazetteer) -> None:
    on = date(2019, 6, 1)
    for code in CORE_STATES:
        heads = [
            o
            for o in gaz.offices
            if o.state == code and o.valid_on(on) and o.role not in SHARED_ROLES
        ]
        assert heads, code
        assert gaz.holders("foreign minister", code, on) or code in {"PRK", "SDN"}, code
    assert len(gaz.people) > 600


def test_terms_of_one_office_do_not_overlap(gaz: Gazetteer) -> None:
    terms: dict[tuple[str, str], list[Office]] = defaultdict(list)
    for o in gaz.offices:
        if o.valid_from and o.role not in SHARED_ROLES:
            terms[(o.state, o.role)].append(o)
    for key, held in terms.items():
        held.sort(key=lambda o: o.valid_from or date.min)
        for a, b in pairwise(held):
            assert b.valid_from is not None
            end = a.valid_to or date.max
            assert end - b.valid_from <= timedelta(days=1), (key, a.name, b.name)


def test_every_name_and_alias_finds_its_own_person(gaz: Gazetteer) -> None:
    for row in load_office_rows():
        for form in (row.name, *row.aliases):
            assert gaz.person(form) == row.name, form


# ----------------------------------------------------------------------------- states


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("the U.S.", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("us", None),
        ("America", "USA"),
        ("United States of America", "USA"),
        ("Britain", "GBR"),
        ("U.K.", "GBR"),
        ("S. Korea", "KOR"),
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("the Kremlin", "RUS"),
        ("the Kremlin's", "RUS"),
        ("Zhongnanhai", "CHN"),
        ("Downing Street", "GBR"),
        ("Élysée", "FRA"),
        ("Addis Ababa", "ETH"),
        ("Khartoum", "SDN"),
        ("Sino-", "CHN"),
        ("Russians", "RUS"),
        ("Gazprom", "RUS"),
        ("People's Liberation Army", "CHN"),
        ("IDF", "ISR"),
        ("IRGC", "IRN"),
        ("Xinhua", "CHN"),
        ("KCNA", "PRK"),
        ("Yonhap", "KOR"),
        ("Nigerian", "NGA"),
        ("Abuja", "NGA"),
        ("Kenyans", "KEN"),
        ("Bogotá", "COL"),
        ("Venezuelan", "VEN"),
        ("Brasília", "BRA"),
        ("Petrobras", "BRA"),
        ("Argentine", "ARG"),
        ("Dhaka", "BGD"),
        ("Sri Lankan", "LKA"),
        ("Warsaw", "POL"),
        ("Hungarian", "HUN"),
        ("Swiss", "CHE"),
        ("Chinese Taipei", "TWN"),
        ("South China Sea", None),
        ("Washington Post", None),
        ("Brussels", None),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_state_code(gaz: Gazetteer, mention: str, code: str | None) -> None:
    assert gaz.state_code(mention) == code


@pytest.mark.parametrize(
    ("mention", "code"),
    [
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("European Union", "EU"),
        ("EU", "EU"),
        ("UN Security Council", "UN"),
        ("United Nations", "UN"),
        ("African Union", "AU"),
        ("ASEAN", "ASEAN"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("G-20", "G20"),
        ("Arab League", "LAS"),
        ("Mercosur", "MERCOSUR"),
        ("ECOWAS", "ECOWAS"),
    ],
)
def test_bodies_are_coded_by_acronym(gaz: Gazetteer, mention: str, code: str) -> None:
    assert gaz.state_code(mention) == code
    assert gaz.kind(code) == "organisation"
    assert not gaz.is_state(code)


def test_a_phrase_naming_two_states_has_no_single_code(gaz: Gazetteer) -> None:
    assert gaz.state_code("inter-Korean") is None
    assert gaz.state_codes("inter-Korean") == ("KOR", "PRK")


def test_names_and_kinds(gaz: Gazetteer) -> None:
    assert gaz.state_name("RUS") == "Russia"
    assert gaz.state_name("CIV") == "Ivory Coast"
    assert gaz.state_name("NATO") == "North Atlantic Treaty Organization"
    assert gaz.state_name("ZZZ") == "ZZZ"
    assert gaz.is_state("ETH") and gaz.kind("ETH") == "state"
    assert gaz.kind("ZZZ") is None
    assert {a.kind for a in gaz.lookup("Kremlin")} == {"seat"}


# ----------------------------------------------------------------------------- officeholders


def test_offices_of_by_surname_alias_and_date(gaz: Gazetteer) -> None:
    (lavrov,) = gaz.offices_of("Lavrov")
    assert (lavrov.name, lavrov.role, lavrov.state) == ("Sergei Lavrov", "foreign minister", "RUS")
    assert gaz.offices_of("Sergey Lavrov", on=date(2003, 1, 1)) == []
    assert [o.role for o in gaz.offices_of("Moon Jae In")] == ["president"]
    assert gaz.person("Abdel Fattah al-Sisi") == "Abdel Fattah el-Sisi"
    assert gaz.person("President Xi") == "Xi Jinping"
    assert gaz.person("Kim") is None  # many officeholders are called Kim
    erdogan = "Recep Tayyip Erdogan"
    assert [o.role for o in gaz.offices_of(erdogan, on=date(2010, 1, 1))] == ["prime minister"]
    (office,) = gaz.offices_of(erdogan, on=date(2020, 1, 1))
    assert (office.role, office.term) == ("president", 2)


def test_putins_presidential_terms(gaz: Gazetteer) -> None:
    terms = [o for o in gaz.offices_of("Vladimir Putin") if o.role == "president"]
    assert [o.term for o in terms] == [1, 2, 3, 4, 5]
    assert [o.valid_from for o in terms] == [
        date(2000, 5, 7),
        date(2004, 5, 7),
        date(2012, 5, 7),
        date(2018, 5, 7),
        date(2024, 5, 7),
    ]
    assert terms[-1].valid_to is None
    xi = gaz.holders("president", "CHN", date(2013, 3, 14))[0]
    assert (xi.name, xi.valid_from, xi.term) == ("Xi Jinping", date(2013, 3, 14), 1)


@pytest.mark.parametrize(
    ("role", "state", "on", "name"),
    [
        ("foreign minister", "USA", date(2014, 5, 1), "John Kerry"),
        ("secretary of state", "USA", date(2014, 5, 1), "John Kerry"),
        ("defense minister", "GBR", date(2020, 5, 1), "Ben Wallace"),
        ("prime minister", "IND", date(2010, 5, 1), "Manmohan Singh"),
        ("foreign minister", "IND", date(2016, 6, 1), "Sushma Swaraj"),
        ("president", "ZAF", date(2015, 5, 1), "Jacob Zuma"),
        ("president", "BRA", date(2020, 5, 1), "Jair Bolsonaro"),
        ("prime minister", "ETH", date(2019, 5, 1), "Abiy Ahmed"),
        ("prime minister", "DEU", date(2010, 5, 1), "Angela Merkel"),
        ("premier", "CHN", date(2015, 5, 1), "Li Keqiang"),
        ("president", "EGY", date(2013, 1, 1), "Mohamed Morsi"),
        ("secretary-general", "NATO", date(2020, 1, 1), "Jens Stoltenberg"),
    ],
)
def test_holders(gaz: Gazetteer, role: str, state: str, on: date, name: str) -> None:
    assert [o.name for o in gaz.holders(role, state, on)] == [name]


def test_holders_without_a_date_are_latest_first(gaz: Gazetteer) -> None:
    names = [o.name for o in gaz.holders("chancellor", "DEU")]
    assert names[:2] == ["Friedrich Merz", "Olaf Scholz"]
    assert role_function("Secretary of State", "USA") == "foreign minister"
    assert role_function("foreign secretary", "IND") == "foreign secretary"


def test_a_person_acts_for_the_state_of_the_office_held(gaz: Gazetteer) -> None:
    assert gaz.person_state("Ban Ki-moon", on=date(2005, 6, 1)) == "KOR"
    assert gaz.person_state("Ban Ki-moon", on=date(2010, 6, 1)) == "UN"
    assert gaz.person_state("Mark Rutte") == "NATO"
    assert gaz.person_state("Nobody Atall") is None


# ----------------------------------------------------------------------------- matching


def test_fold_keeps_length_and_keys_ignore_case_and_hyphens() -> None:
    for text in ["Türkiye’s – Côte d’Ivoire", "Erdoğan Yıldırım", "São Tomé"]:
        assert len(fold(text)) == len(text)
    assert alias_key("The  Guinea-Bissau") == alias_key("guinea bissau")
    assert person_key("Abdel Fattah el-Sisi") == person_key("abdel fattah Sisi")


def _matcher(*texts: str) -> PhraseMatcher:
    forms: dict[str, list[str]] = defaultdict(list)
    for t in texts:
        forms[alias_key(t)].append(t)
    return PhraseMatcher(forms)


def _found(matcher: PhraseMatcher, text: str) -> list[str]:
    return [text[m.start : m.end] for m in matcher.scan(text)]


def test_matcher_case_policy() -> None:
    m = _matcher("US", "U.S.", "China", "Xi", "inter-Korean")
    assert _found(m, "He told us the U.S. and US firms eye china and China.") == [
        "U.S.",
        "US",
        "China",
    ]
    assert _found(m, "XI Jinping? Xi did. Inter-Korean and inter-Korean.") == [
        "Xi",
        "Inter-Korean",
        "inter-Korean",
    ]


def test_matcher_finds_the_same_in_ascii_and_other_texts() -> None:
    # an ASCII text is scanned on its lower case; any other with the case-blind pattern
    m = _matcher("Ruritania", "US", "Tr\u1ea7n Van", "Graustark")
    for tail in ("", " \u2026"):  # an ellipsis is left as it is by folding: not ASCII
        text = f"RURITANIA, Ruritania, ruritania and GRAUSTARK. The US and us.{tail}"
        assert _found(m, text) == ["RURITANIA", "Ruritania", "GRAUSTARK", "US"]
    assert _found(m, "Tr\u1ea7n Van met TR\u1ea6N VAN") == ["Tr\u1ea7n Van", "TR\u1ea6N VAN"]


def test_matcher_prefers_the_longest_alias_and_word_boundaries() -> None:
    m = _matcher("Korea", "South Korea", "Guinea", "Guinea-Bissau", "Niger", "Sino-", "Russian")
    text = "South Korea, Guinea Bissau, Guinea, Nigeria, Niger and Sino-Russian ties"
    assert _found(m, text) == [
        "South Korea",
        "Guinea Bissau",
        "Guinea",
        "Niger",
        "Sino-",
        "Russian",
    ]
    assert _found(m, "South\nKorea") == ["South\nKorea"]


def test_a_gazetteer_built_by_hand() -> None:
    gaz = Gazetteer(
        [Alias("Ruritania", "RUR", "name"), Alias("Ruritanian", "RUR", "demonym")],
        {"RUR": "Ruritania"},
        [Office("Rudolf Rassendyll", "king", "RUR", date(1894, 1, 1), None, None, "fiction")],
    )
    assert gaz.state_code("Ruritanian") == "RUR"
    assert gaz.offices_of("Rassendyll")[0].role == "king"
    assert gaz.holders("king", "RUR", date(1900, 1, 1))[0].name == "Rudolf Rassendyll"
    assert [m.key for m in gaz.matcher.scan("King Rudolf Rassendyll of Ruritania")] == [
        "rudolf rassendyll",
        "ruritania",
    ]


def test_answers_asked_again_are_the_same() -> None:
    # the gazetteer keeps its answers: asked twice, each question gets the first answer again
    gaz = Gazetteer(
        [Alias("Ruritania", "RUR", "name")],
        {"RUR": "Ruritania"},
        [Office("Rudolf Rassendyll", "king", "RUR", date(1894, 1, 1), date(1899, 1, 1))],
    )
    for _ in range(2):
        assert gaz.state_code("Ruritania") == "RUR"
        assert gaz.state_code("Graustark") is None
        assert gaz.lookup("Graustark") == ()
        assert gaz.person("King Rassendyll") == "Rudolf Rassendyll"
        assert gaz.person("Flavia") is None
        assert [o.role for o in gaz.offices_of("Rassendyll")] == ["king"]
        assert gaz.offices_of("Rassendyll", date(1900, 1, 1)) == []
    held = gaz.offices_of("Rassendyll")
    held.clear()  # a caller's list is its own
    assert len(gaz.offices_of("Rassendyll")) == 1


def test_a_family_name_first_state_with_a_name_written_given_name_first() -> None:
    offices = [
        Office("Peter Lin", "foreign minister", "TWN", date(2001, 1, 1), None, None, "fiction"),
        Office("Chen Mingde", "premier", "TWN", date(2001, 1, 1), None, None, "fiction"),
    ]
    gaz = Gazetteer([], {}, offices, {"Peter Lin": ["Lin Baode"]})
    assert gaz.surname("Peter Lin") == "Lin"  # not the given name "Peter"
    assert gaz.surname("Chen Mingde") == "Chen"


def test_monarchs_act_for_their_states(gaz: Gazetteer) -> None:
    assert gaz.person_state("Mohammed VI", date(2021, 8, 24)) == "MAR"
    assert gaz.person("King Hassan II") == "Hassan II"
    assert gaz.person_state("Hamad bin Isa Al Khalifa", date(2020, 1, 1)) == "BHR"
    assert gaz.person_state("Haitham bin Tariq", date(2023, 3, 1)) == "OMN"


def test_a_shared_surname_after_a_title_names_the_holder_in_office_that_day() -> None:
    offices = [
        Office("Anna Lindqvist", "president", "FIN", date(2001, 3, 1), date(2005, 3, 1)),
        Office("Karl Lindqvist", "prime minister", "SWE", date(2010, 1, 1), date(2014, 1, 1)),
    ]
    gaz = Gazetteer([], {}, offices)
    assert gaz.person("President Lindqvist", date(2003, 6, 1)) == "Anna Lindqvist"
    assert gaz.person("Prime Minister Lindqvist", date(2012, 6, 1)) == "Karl Lindqvist"
    assert gaz.person("President Lindqvist") is None
    assert gaz.person("President Lindqvist", date(2008, 6, 1)) is None
    titled = gaz.titled_surnames
    assert titled is not None and titled.search("said President Lindqvist on Monday")


def test_namesakes_in_office_on_one_day_act_for_the_leaders_state() -> None:
    # Spain's prime minister and a Colombian defence minister (2025-26) share a name
    gaz = Gazetteer.load()
    assert gaz.person_state("Pedro Sánchez", date(2025, 6, 10)) == "ESP"
    assert gaz.person_state("Pedro Sánchez", date(2024, 6, 10)) == "ESP"
    # ... unless the article names the other namesake's state most
    named = {"COL": 3, "ESP": 1}
    assert gaz.person_state("Pedro Sánchez", date(2025, 6, 10), named) == "COL"
    assert gaz.person_state("Pedro Sánchez", date(2024, 6, 10), named) == "ESP"


def test_the_namesake_ranking_the_gazetteer_and_the_persons_share() -> None:
    king = Office("Jan Roe", "king", "NOR")
    minister = Office("Jan Roe", "foreign minister", "SWE")
    assert likeliest_office([minister, king]) is king
    assert likeliest_office([minister, king], {"SWE": 2, "NOR": 1}) is minister
    assert likeliest_office([king, Office("Jan Roe", "king", "DNK")]).state == "NOR"


def test_a_monarch_of_several_realms_acts_first_for_the_first_listed() -> None:
    gaz = Gazetteer.load()
    assert gaz.person_state("Charles III", date(2024, 1, 1)) == "GBR"
