"""Persons: names, titles, credits, bylines, roles and the PersonIndex.

Every sentence and name here is written for the test (the states are real, the people are not).
Most tests build their Doc by hand (a blank English tokenizer, entities set from the text), so
they need no model; the ones marked ``model`` run the real pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

import pytest

from dyad.models import Person
from dyad.nlp import names as nm
from dyad.nlp.credits import credit_names
from dyad.nlp.person_index import Mention, PersonIndex
from dyad.nlp.persons import extract_persons
from dyad.nlp.roles import role_suffix
from dyad.resolve.gazetteer import Office


class FakeGazetteer:
    STATES = MappingProxyType(
        {
            "Russian": "RUS",
            "Russia": "RUS",
            "Kremlin": "RUS",
            "Chinese": "CHN",
            "China": "CHN",
            "Brazilian": "BRA",
            "Indian": "IND",
            "U.S.": "USA",
            "Polish": "POL",
            "Turkish": "TUR",
            "Japan": "JPN",
            "Japanese": "JPN",
            "Oslo": "NOR",
        }
    )
    OFFICES = (
        Office("Petr Novacek", "president", "CZE", date(2020, 1, 1), date(2025, 1, 1)),
        Office("Jiri Novacek", "president", "CZE", date(2010, 1, 1), date(2015, 1, 1)),
        Office("Aldo Brenner", "chancellor", "AUT", date(2018, 1, 1), None),
    )

    def state_code(self, mention: str) -> str | None:
        return self.STATES.get(mention.strip())

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        last = name.split()[-1]
        return [o for o in self.OFFICES if o.name == name or o.name.split()[-1] == last]


GAZ = FakeGazetteer()


def make_doc(text: str, ents: dict[str, str] | None = None) -> Any:
    """A Doc of ``text`` (blank tokenizer, rule sentences) with ``ents`` {surface: label}."""
    import spacy
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    spans = []
    for surface, label in (ents or {}).items():
        start = text.find(surface)
        while start >= 0:
            span = doc.char_span(start, start + len(surface), label=label)
            if span is not None:
                spans.append(span)
            start = text.find(surface, start + 1)
    doc.ents = filter_spans(spans)
    return doc


def person_names(text: str, ents: dict[str, str] | None = None, **kw: Any) -> list[str]:
    gaz = kw.pop("gazetteer", GAZ)
    return [p.name for p in extract_persons(make_doc(text, ents), gaz, doc_id="t", **kw).persons]


# -- names.py: no Doc at all --------------------------------------------------------------------


def test_words_cut_punctuation_and_possessives() -> None:
    ws = list(nm.words("“Kowalska’s plan,” said J. Brandt. (U.S.)"))
    assert [w.text for w in ws] == ["Kowalska", "plan", "said", "J.", "Brandt", "U.S."]
    assert ws[0].possessive and not ws[1].possessive


def test_words_keep_offsets_and_flags() -> None:
    text = "(Lindqvist' aides) met Moss's \"envoy\", Mr. Hart; s' 's"
    ws = list(nm.words(text))
    assert [(w.text, w.possessive, w.closed, w.opened) for w in ws] == [
        ("Lindqvist", False, True, True),  # a quote mark after the s closes the word
        ("aides", False, True, False),
        ("met", False, False, False),
        ("Moss", True, True, False),
        ("envoy", False, True, True),
        ("Mr", False, True, False),
        ("Hart", False, True, False),
        ("s", False, True, False),
        ("s", False, False, True),
    ]
    assert all(text[w.start : w.end] == w.text for w in ws)
    assert all(isinstance(w, nm.Word) for w in ws)


@pytest.mark.parametrize(
    ("word", "shaped"),
    [
        ("Kowalska", True),
        ("Ji-hoon", True),
        ("el-Masri", True),
        ("O’Neill", True),
        ("J.", True),
        ("bin", True),
        ("NATO", False),
        ("G20", False),
        ("Varga/Wire", False),
        ("minister", False),
    ],
)
def test_name_word_shape(word: str, shaped: bool) -> None:
    assert nm.is_name_word(word) is shaped


def test_same_name_follows_first_and_last() -> None:
    assert nm.same_name("Robert K. Hale", "Robert Hale")
    assert nm.same_name("Park Ji-hoon", "Park Ji Hoon")
    assert nm.same_name("Omar el-Masri", "Omar Masri")
    assert not nm.same_name("Kim Min Jun", "Kim Soo-ah")
    assert nm.same_name("Lucia Ruiz Ortega", "Ruiz Ortega")  # a double surname alone
    assert not nm.same_name("Lucia Ruiz Ortega", "Maria Ortega")


def test_credits_and_bylines() -> None:
    text = (
        "By Jane Doe and SAM LEE, Wire Service\n\nA crowd gathers. "
        "(Photo: JOHN SMITH/EPA VIA SHUTTERSTOCK)\n\nLeaders meet. (Jane Roe/Xinhua/Kyodo)\n\n"
        "UPI PHOTO / POOL / ALEX MORENO-DIAZ\n\n(Freedonia Interior Ministry handout via Reuters)"
    )
    found = {" ".join(n.words) for n in credit_names(text)}
    assert found == {"Jane Doe", "Sam Lee", "John Smith", "Jane Roe", "Alex Moreno-Diaz"}


def test_title_case_line() -> None:
    assert nm.is_title_case_line("Kowalska Welcomes Visitors From Abroad")
    assert not nm.is_title_case_line("Anna Kowalska met the visitors from abroad on Monday.")


def test_role_suffix_reads_title_phrases() -> None:
    lex = nm.lexicon()
    assert role_suffix(lex, ["Indian", "Prime", "Minister"]) == (["Indian"], ["Prime", "Minister"])
    rest, role = role_suffix(lex, ["U.S.", "Secretary", "of", "State"])
    assert rest == ["U.S."] and role == ["Secretary", "of", "State"]
    assert role_suffix(lex, ["presidential", "security", "policy", "aide"])[1][-1] == "aide"
    assert role_suffix(lex, ["Great", "Hall"])[1] == []


# -- extract_persons on hand-built Docs ------------------------------------------------------


def test_full_name_from_title_and_surname_link() -> None:
    text = "Polish President Anna Kowalska met reporters. Later Mr. Kowalska’s aide spoke."
    idx = extract_persons(make_doc(text, {"Anna Kowalska": "PERSON"}), GAZ, doc_id="d")
    assert [p.name for p in idx.persons] == ["Anna Kowalska"]
    person = idx.persons[0]
    assert (person.role, person.state) == ("president", "POL")
    assert len(person.mentions) == 2 and person.mentions[0].doc_id == "d"
    assert idx.resolve("Kowalska’s") is person
    assert idx.resolve("Mr. Kowalska") is person
    assert idx.at(text.index("Kowalska’s"), text.index("Kowalska’s") + 8) is person


def test_bare_surname_needs_gazetteer() -> None:
    text = "Novacek said the talks would go on. Brenner was not there."
    ents = {"Novacek": "PERSON", "Brenner": "PERSON"}
    assert person_names(text, ents, gazetteer=None) == []
    assert person_names(text, ents) == ["Aldo Brenner"]  # two Novaceks held office: no guess
    dated = person_names(text, ents, on=date(2022, 5, 1))
    assert dated == ["Petr Novacek", "Aldo Brenner"]


def test_headline_fragments_and_lookalikes_rejected() -> None:
    text = (
        "Kowalska Welcomes Visitors From Abroad\n\n"
        "Read the KPL Telegram digest.\n\n"
        "Polish Hussars once rode here, said Anna Kowalska on Monday."
    )
    ents = {"Kowalska Welcomes": "PERSON", "KPL Telegram": "PERSON", "Polish Hussars": "PERSON"}
    ents["Anna Kowalska"] = "PERSON"
    assert person_names(text, ents) == ["Anna Kowalska"]


def test_names_kept_whole() -> None:
    text = (
        "Chinese Premier Wei Mei-ling met Park Ji-hoon, the minister of trade, and "
        "Omar el-Masri, an adviser, before Robert K. Hale and Kim Min Jun arrived."
    )
    ents = {"Wei Mei-ling": "PERSON", "Robert K. Hale": "PERSON", "Kim Min Jun": "PERSON"}
    ents["Park Ji-hoon"] = "ORG"  # the small model's kind of mistake: saved by the appositive
    names = person_names(text, ents)
    assert names == ["Wei Mei-ling", "Park Ji-hoon", "Omar el-Masri", "Robert Hale", "Kim Min Jun"]


def test_reporters_and_credits_are_persons() -> None:
    text = (
        "Leaders met on Monday. (Jane Roe/Kyodo)\n\n"
        "Okafor and Mensah were reporting from Oslo. Lena Fox, in Oslo, contributed reporting."
    )
    ents = {"Okafor": "PERSON", "Mensah": "PERSON"}
    assert person_names(text, ents) == ["Jane Roe", "Lena Fox"]


def test_role_affiliation_from_appositive() -> None:
    text = "“It will last,” said Maria Lind, a senior lecturer at Northfield University."
    ents = {"Maria Lind": "PERSON", "Northfield University": "ORG"}
    (p,) = extract_persons(make_doc(text, ents), GAZ, doc_id="d").persons
    assert (p.name, p.role, p.affiliation, p.state) == (
        "Maria Lind",
        "senior lecturer",
        "Northfield University",
        None,
    )


def test_state_from_possessive_and_appositive_office() -> None:
    text = (
        "China’s Wei Mei-ling arrived. Ivan Sokolov, head of the Security Council "
        "of Russia, met her."
    )
    ents = {"Wei Mei-ling": "PERSON", "Ivan Sokolov": "PERSON"}
    persons = extract_persons(make_doc(text, ents), GAZ, doc_id="d").persons
    got = [(p.name, p.state) for p in persons]
    assert got == [("Wei Mei-ling", "CHN"), ("Ivan Sokolov", "RUS")]
    assert persons[1].role == "head"


def test_gender_from_pronouns() -> None:
    text = "Anna Kowalska arrived. She said little. Jan Brandt left, and he did not speak."
    doc = make_doc(text, {"Anna Kowalska": "PERSON", "Jan Brandt": "PERSON"})
    idx = extract_persons(doc, GAZ, doc_id="d")
    assert idx.gender("Anna Kowalska") == "f" and idx.gender("Jan Brandt") == "m"


# -- names the gazetteer knows, titles that belong to names, captions -------------------------


@dataclass(frozen=True)
class Alias:
    text: str
    code: str
    kind: str


class LookupGazetteer(FakeGazetteer):
    """A gazetteer that can also tell what kind of name a mention is (``lookup``)."""

    ALIASES = (
        Alias("Buenos Aires", "ARG", "capital"),
        Alias("Argentina", "ARG", "name"),
        Alias("Port Amara", "", "place"),
        Alias("Jordan", "JOR", "name"),
        Alias("Jordan Valley", "", "place"),
        Alias("Israel", "ISR", "name"),
        Alias("Polish", "POL", "demonym"),
        Alias("Santiago", "CHL", "capital"),
        Alias("Kremlin", "RUS", "seat"),
    )
    STATES = MappingProxyType(
        {**FakeGazetteer.STATES, "Buenos Aires": "ARG", "Argentina": "ARG", "Jordan": "JOR"}
        | {"Israel": "ISR", "Ethiopia": "ETH", "Qatar": "QAT", "Santiago": "CHL", "Brazil": "BRA"}
    )
    OFFICES = (
        Office("Tamim bin Rashid Al Marri", "emir", "QAT"),
        Office("To Van Hai", "general secretary", "VNM"),
    )

    def lookup(self, mention: str) -> tuple[Alias, ...]:
        return tuple(a for a in self.ALIASES if a.text == mention.strip())

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        known = {"Sheikh Tamim": "Tamim bin Rashid Al Marri"}.get(name, name)
        return [o for o in self.OFFICES if o.name == known]


LOOKUP = LookupGazetteer()


def test_places_the_gazetteer_knows_are_no_persons() -> None:
    text = (
        "Lucia Ferreyra, Argentina’s foreign minister, said Buenos Aires had no plan to leave "
        "the bloc. Ships left Port Amara at dawn."
    )
    ents = {"Lucia Ferreyra": "PERSON", "Buenos Aires": "PERSON", "Port Amara": "PERSON"}
    assert person_names(text, ents, gazetteer=LOOKUP) == ["Lucia Ferreyra"]


def test_credits_naming_a_known_broadcaster_are_no_persons() -> None:
    text = "Troops parade. (Jordan Valley/Wire)\n\nLeaders meet. (Photo: Lina Haddad/Wire)"
    assert person_names(text, gazetteer=LOOKUP) == ["Lina Haddad"]


def test_first_name_spelt_like_a_state() -> None:
    text = (
        "Jordan Okafor, a Nigerian lawmaker, met Israel Brenner in Abuja. Polish Hussars and "
        "Jordan Valley farmers watched."
    )
    ents = {"Jordan Okafor": "PERSON", "Israel Brenner": "PERSON", "Polish Hussars": "PERSON"}
    ents["Jordan Valley"] = "PERSON"
    names = person_names(text, ents, gazetteer=LOOKUP)
    assert names == ["Jordan Okafor", "Israel Brenner"]


def test_capital_as_first_name_and_function_word_names_the_gazetteer_knows() -> None:
    text = (
        "Paraguayan President Santiago Ferrer met Vietnamese leader To Van Hai. Kremlin "
        "Palace guards and To Van Bao watched."
    )
    ents = {"Santiago Ferrer": "PERSON", "Kremlin Palace": "PERSON", "To Van Bao": "PERSON"}
    assert person_names(text, ents, gazetteer=LOOKUP) == ["Santiago Ferrer", "To Van Hai"]


def test_an_officeholder_name_is_evidence_a_state_possessive_is_not() -> None:
    text = (
        "The envoy once criticised Brazil’s Tamim bin Rashid Al Marri. Russia’s Iron Dome was "
        "not discussed. Later To Van Hai spoke."
    )
    names = person_names(text, gazetteer=LOOKUP)
    assert names == ["Tamim bin Rashid Al Marri", "To Van Hai"]


def test_ranks_and_honorifics_stripped_particles_kept() -> None:
    text = (
        "Gen. Idris Kamara met Field Marshal Omar Haddad and Brig. Gen. Salif Keita in Bamako. "
        "Crown Prince Faisal bin Nasser Al Saud and Ayatollah Hossein Rahimi sent envoys."
    )
    names = person_names(text, {"Omar Haddad": "PERSON"})
    assert names == [
        "Idris Kamara",
        "Omar Haddad",
        "Salif Keita",
        "Faisal bin Nasser Al Saud",
        "Hossein Rahimi",
    ]


def test_regnal_numbers_belong_to_the_name() -> None:
    text = "Moroccan King Hassan VII received Spain’s Queen Elena II in Rabat."
    assert person_names(text) == ["Hassan VII", "Elena II"]


def test_sheikh_kept_before_a_single_name_and_merged_with_the_full_name() -> None:
    text = (
        "Prime Minister Sheikh Rehana met Sheikh Faris bin Nasser Al Kuwari, a senior adviser. "
        "Later Sheikh Faris spoke. Police patrolled Sheikh Jarrah."
    )
    ents = {"Sheikh Faris": "PERSON", "Sheikh Jarrah": "GPE"}
    assert person_names(text, ents) == ["Sheikh Rehana", "Faris bin Nasser Al Kuwari"]


def test_sheikh_and_a_name_the_gazetteer_knows() -> None:
    text = "Sheikh Tamim met the Ethiopian prime minister in Doha."
    idx = extract_persons(make_doc(text, {"Tamim": "NORP"}), LOOKUP, doc_id="d")
    (p,) = idx.persons
    assert (p.name, p.role) == ("Tamim bin Rashid Al Marri", "emir")


def test_role_stops_before_an_honorific() -> None:
    text = "Emir Sheikh Tamim bin Rashid Al Marri arrived."
    (p,) = extract_persons(make_doc(text), LOOKUP, doc_id="d").persons
    assert (p.name, p.role) == ("Tamim bin Rashid Al Marri", "emir")


def test_caption_with_a_sentence_is_no_headline() -> None:
    text = (
        "Abebe Tadesse, Ethiopia’s finance minister, in Addis Ababa on Monday. "
        "(Photo: Selam Haile/Wire)\n\n"
        "Ethiopian Prime Minister Dawit Alemu speaks in Addis Ababa on Monday. REUTERS/Tomas Ruiz"
    )
    assert not nm.is_title_case_line(text.split("\n")[0])
    assert nm.is_title_case_line("Kowalska Welcomes Visitors From Abroad On Jan. 5")
    names = person_names(text, gazetteer=LOOKUP)
    assert names == ["Abebe Tadesse", "Selam Haile", "Dawit Alemu", "Tomas Ruiz"]


def test_name_tagged_as_an_organisation_after_a_role() -> None:
    text = "Venezuelan opposition leader Ana Lucía Benítez met Carlos Ortega in Caracas."
    ents = {"Ana Lucía Benítez": "ORG", "Carlos Ortega": "PERSON"}
    assert person_names(text, ents) == ["Ana Lucía Benítez", "Carlos Ortega"]


def test_bylines_with_two_names() -> None:
    text = "By Aisha Bello and Kwame Mensah\n\nACCRA, Ghana — Ghana and Togo reopened the border."
    assert person_names(text) == ["Aisha Bello", "Kwame Mensah"]


def test_desk_credits_written_by_and_staff_lines() -> None:
    text = (
        "Written by Priya Raman\n\nIndia and Nepal signed a power deal on Monday.\n\n"
        "Lars Nilsson, Staff Writer\n\n"
        "Reporting by Aisha Bello in Accra; Additional reporting by Kwame Mensah; Editing by "
        "Mei Tanaka and Omar Haddad"
    )
    names = person_names(text)
    assert names == [
        "Priya Raman",
        "Lars Nilsson",
        "Aisha Bello",
        "Kwame Mensah",
        "Mei Tanaka",
        "Omar Haddad",
    ]


def test_leading_initials_kept() -> None:
    text = "Nepal’s Prime Minister K.P. Sharma Adhikari met U.S. envoys. Adhikari spoke first."
    idx = extract_persons(make_doc(text), GAZ, doc_id="d")
    assert [p.name for p in idx.persons] == ["K.P. Sharma Adhikari"]
    assert idx.resolve("Adhikari") is idx.persons[0]


def test_names_written_after_in_or_near_are_places() -> None:
    text = (
        "Strikes hit Dar Kassem on Monday. Residents in Dar Kassem fled to Tel Nour.\n\n"
        "In Hana Saleh’s view, the truce will hold. The Tigray People’s Liberation Front agreed."
    )
    ents = {"Dar Kassem": "PERSON", "Hana Saleh": "PERSON", "Liberation Front": "PERSON"}
    assert person_names(text, ents) == ["Hana Saleh"]


# -- PersonIndex ---------------------------------------------------------------------------------


def test_person_index_lookups() -> None:
    a = Person("Anna Kowalska", role="president", state="POL")
    b = Person("Jan Kowalski", role="foreign minister", state="POL")
    c = Person("Kim Min Jun", role="president", state="KOR")
    idx = PersonIndex([a, b, c], [Mention(0, 13, a.name, True), Mention(20, 32, b.name, True)])
    assert idx.resolve("Kim") is c  # first word of an East Asian name
    assert idx.resolve("Kowalski's") is b
    assert idx.resolve("Minister Jan Kowalski") is b
    assert idx.resolve("Nobody") is None
    assert idx.by_role("leader", "POL") is a
    assert idx.by_role("president") is None  # two presidents: no guess
    assert idx.by_role("foreign minister", "POL") is b
    assert idx.at(25, 27) is b and idx.at(14, 19) is None
    assert len(idx) == 3 and [m.name for m in idx.mentions_in(10, 40)] == ["Jan Kowalski"]


# -- the real model -------------------------------------------------------------------------------


@pytest.mark.model
def test_persons_with_model() -> None:
    from dyad.nlp.model import parse

    text = (
        "Kowalska Hails New Era In Talks\n\n"
        "By Jane Doe\n\n"
        "Polish President Anna Kowalska held talks with Russian Foreign Minister Ivan Sokolov "
        "in Warsaw on Tuesday after years of silence.\n\n"
        "“It was a useful start,” Kowalska said. Sokolov did not comment.\n\n"
        "“Both want calm,” said Maria Lind, a senior fellow at the Northfield Institute."
    )
    idx = extract_persons(parse(text), GAZ, doc_id="d")
    names = [p.name for p in idx.persons]
    assert names == ["Anna Kowalska", "Jane Doe", "Ivan Sokolov", "Maria Lind"] or set(names) == {
        "Anna Kowalska",
        "Jane Doe",
        "Ivan Sokolov",
        "Maria Lind",
    }
    sokolov = idx.get("Ivan Sokolov")
    assert sokolov is not None and sokolov.state == "RUS" and sokolov.role == "foreign minister"
    assert idx.resolve("Sokolov") is sokolov


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Presidents Jean Mbaru and Félix Oduya met in the port city.",
            ["Jean Mbaru", "Félix Oduya"],
        ),
        ("Foreign Ministers Émile Dorr and Ivo Kand met.", ["Émile Dorr", "Ivo Kand"]),
        ("The Presidents Cup and Lake Varne drew crowds.", []),
        ("The Kavar-backed Front Tessa and Lumo-based Delta Group clashed, officials said.", []),
        (
            "Ivo Sarin, leader of Narodna Lista, spoke as the Union of Coastal States met.",
            ["Ivo Sarin"],
        ),
        (
            "Ferry talks\n\nKarel Brodsky in Varna and agencies\n\nThe talks ended.",
            ["Karel Brodsky"],
        ),
    ],
)
def test_titled_pairs_groups_and_agency_bylines(text: str, expected: list[str]) -> None:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    assert [p.name for p in extract_persons(parse(text), doc_id="t").persons] == expected


def test_byline_led_by_a_newsroom_role() -> None:
    text = "By Lisbon correspondent Marta Vieira in Madrid\n\nBy Senior Editor Tom Baker\n\nText."
    found = [" ".join(n.words) for n in credit_names(text)]
    assert found == ["Marta Vieira", "Tom Baker"]


@pytest.mark.model
def test_double_surname_later_is_the_same_person() -> None:
    from dyad.nlp.model import parse

    text = (
        "Freedonian Foreign Minister Lucia Ruiz Ortega met her counterpart on Monday.\n\n"
        "Ruiz Ortega said the talks had been useful."
    )
    idx = extract_persons(parse(text), GAZ, doc_id="d")
    assert [p.name for p in idx.persons] == ["Lucia Ruiz Ortega"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ines Halvorsen, Tomas Brekke | 14.03.2031\n\nThe pact was signed.",
            {"Ines Halvorsen", "Tomas Brekke"},
        ),
        ("By Kofi Mensah October 2, 2031 | 04:16 pm\n\nThe pact was signed.", {"Kofi Mensah"}),
        ("News desk | 2031-03-13 | Editor: Lars Holm\n\nThe pact was signed.", {"Lars Holm"}),
        (
            "Ana Petrescu Political editor and Dan Ilie\nWed 12 Mar 2031 10.20 GMT\n\nIt rained.",
            {"Ana Petrescu", "Dan Ilie"},
        ),
        (
            "Ana Petrescu in Bucharest and Dan Ilie\nWed 12 Mar 2031 10.20 GMT\n\nIt rained.",
            {"Ana Petrescu", "Dan Ilie"},
        ),
    ],
)
def test_header_bylines_with_several_names_and_dates(text: str, expected: set[str]) -> None:
    assert {" ".join(n.words) for n in credit_names(text)} == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("High Commissioner Ravi Menon met officials on Monday. Menon was upbeat.", ["Ravi Menon"]),
        ("Trade Minister Russian Ortega said the border would reopen.", ["Russian Ortega"]),
        ("Shelling hit the villages of Kafr Tala and Beit Moussa, the army said.", []),
        (
            "Omar Haddad, killed in the village of Deir Qanoun, was a senior commander.",
            ["Omar Haddad"],
        ),
        ("Fishermen were taken to Ba Lang Port after the clash.", []),
    ],
)
def test_titles_and_places_with_model(text: str, expected: list[str]) -> None:
    from dyad.nlp.model import parse

    idx = extract_persons(parse(text), GAZ, doc_id="d")
    assert [p.name for p in idx.persons] == expected


@pytest.mark.model
def test_reporters_named_by_surname_are_not_linked_to_officeholders() -> None:
    from dyad.nlp.model import parse
    from dyad.resolve.gazetteer import Gazetteer

    text = (
        "Kenya and Uganda signed a trade pact on Monday.\n\nMwangi and Wu reported from Nairobi.\n"
    )
    index = extract_persons(parse(text), Gazetteer.load(), doc_id="t")
    assert not any(p.name.endswith(" Wu") for p in index.persons)


def test_hyphenated_first_name_with_an_acronym_appositive() -> None:
    text = (
        "“The plan is ready,” said Jean-Luc Mbeki, the Union of Coastal States (UCS) "
        "commissioner for trade. Later, Abdel-Karim Osei, the bloc’s envoy for ports, spoke."
    )
    ents = {"Jean-Luc Mbeki": "ORG", "Abdel-Karim Osei": "ORG"}
    assert person_names(text, ents) == ["Jean-Luc Mbeki", "Abdel-Karim Osei"]


def test_a_title_alone_is_no_person() -> None:
    text = (
        "Deputy Prime Minister and Trade Minister Jonas Kiplagat met the envoy. "
        "The Prime Minister and the President spoke later."
    )
    ents = {"Deputy Prime Minister": "PERSON", "Prime Minister": "PERSON", "President": "PERSON"}
    assert person_names(text, ents) == ["Jonas Kiplagat"]
