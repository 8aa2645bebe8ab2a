"""Persons in less tidy news text (issue 8): typing slips in titles, ranks, bylines, credits.

Every sentence and name here is written for the test.
"""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import pytest

from dyad.nlp import names as nm
from dyad.nlp.persons import extract_persons
from dyad.resolve.gazetteer import Office
from tests.test_persons import FakeGazetteer, make_doc, person_names


@pytest.mark.parametrize(
    ("word", "slip"),
    [
        ("Presidnet", True),
        ("Chancelor", True),
        ("Primeminister", False),
        ("President", False),
        ("Kowalska", False),
        ("Brandt", False),
        ("Ministry", False),
    ],
)
def test_a_title_with_one_typing_slip(word: str, slip: bool) -> None:
    assert nm.lexicon().misspelt_title(word) is slip


def test_a_misspelt_title_is_cut_off_the_name() -> None:
    text = "Presidnet Anna Kowalska and Chancelor Marek Duda met in Lumen on Monday."
    names = person_names(text, {"Anna Kowalska": "PERSON", "Marek Duda": "PERSON"})
    assert names == ["Anna Kowalska", "Marek Duda"]


def test_a_misspelt_title_after_another_title() -> None:
    text = "Foreign Minster Tomas Quispe arrived in Lumen on Monday."
    assert person_names(text, {"Tomas Quispe": "PERSON"}) == ["Tomas Quispe"]


def test_published_by_bylines_and_image_credits() -> None:
    text = (
        "Published By: Marta Quiroga\n\n"
        "Crowds gather in the square on Friday. / AFP / TOMAS QUISPE-LARA Image Credit: AFP\n\n"
        "The talks went on."
    )
    assert person_names(text) == ["Marta Quiroga", "Tomas Quispe-Lara"]


@pytest.mark.parametrize("rank", ["Sepoy", "Commodore", "Havildar", "Lance Corporal"])
def test_ranks_are_kept_out_of_names(rank: str) -> None:
    text = f"{rank} Arjun Mehta was wounded in the firing on Tuesday."
    assert person_names(text, {f"{rank} Arjun Mehta": "PERSON"}) == ["Arjun Mehta"]


def test_a_month_after_in_is_no_first_name() -> None:
    text = "In December Kowalska said the deal was done. Anna Kowalska is the president."
    names = person_names(text, {"December Kowalska": "PERSON", "Anna Kowalska": "PERSON"})
    assert names == ["Anna Kowalska"]


def test_the_ambassador_to_a_state_then_a_name() -> None:
    text = "The Peruvian Ambassador to Chile, Rosa Quintero, attended the talks."
    assert person_names(text) == ["Rosa Quintero"]


def test_a_portfolio_and_a_vessel_are_no_names() -> None:
    text = (
        "Under-Secretary-General for Political Affairs Rosa Quintero spoke. The rig Haiyang "
        "Shiyou 981 moved. The analyst, Jill R"
    )
    ents = {
        "Political Affairs Rosa Quintero": "PERSON",
        "Haiyang Shiyou": "PERSON",
        "Jill R": "PERSON",
    }
    assert person_names(text, ents) == ["Rosa Quintero"]


def test_places_vessels_and_bases_are_no_persons() -> None:
    text = (
        "The Almirante Grau frigate sailed from Mar del Plata. San Martin Square was closed "
        "and Camp Lemonnier stayed open. Rosa Quintero spoke."
    )
    ents = {
        "Almirante Grau": "PERSON",
        "Mar del Plata": "PERSON",
        "San Martin": "PERSON",
        "Camp Lemonnier": "PERSON",
        "Rosa Quintero": "PERSON",
    }
    assert person_names(text, ents) == ["Rosa Quintero"]


@pytest.mark.model
def test_a_state_possessive_before_a_subject_names_a_person() -> None:
    from dyad import analyse_text

    subject = analyse_text("Uganda's Moses Okello said the border would reopen.")
    assert [p.name for p in subject.persons] == ["Moses Okello"]
    place = analyse_text("Heavy floods hit Kenya's Rift Valley on Monday, officials said.")
    assert [p.name for p in place.persons] == []


@pytest.mark.model
def test_a_known_armed_group_is_no_person() -> None:
    from dyad import analyse_text

    text = (
        "Boko Haram militants crossed from Nigeria into Cameroon, "
        "said Colonel Paul Ateba, a Cameroonian army spokesman."
    )
    assert [p.name for p in analyse_text(text).persons] == ["Paul Ateba"]


@pytest.mark.model
def test_a_one_letter_word_is_no_officeholder_s_surname() -> None:
    from dyad import analyse_text

    text = (
        "Coast guard spokesman Ramon Dizon posted the footage on X on Monday. "
        "Spain said it would study it."
    )
    assert [p.name for p in analyse_text(text, published="2024-05-01").persons] == ["Ramon Dizon"]


@pytest.mark.model
def test_a_causeway_or_a_messaging_app_is_no_person() -> None:
    from dyad import analyse_text

    text = (
        "Lorries crossed the King Khalid Causeway on Sunday. Analyst Rosa Quintero said in a "
        "Signal Messenger chat that the crossing would stay open."
    )
    assert [p.name for p in analyse_text(text).persons] == ["Rosa Quintero"]


def test_ships_named_after_people_are_no_persons() -> None:
    text = (
        "The carrier HMS Ada Lovell docked in Lumen. The destroyer Marek Duda followed, "
        "and Rosa Quintero watched."
    )
    ents = {"Ada Lovell": "PERSON", "Marek Duda": "PERSON", "Rosa Quintero": "PERSON"}
    assert person_names(text, ents) == ["Rosa Quintero"]


def test_named_operations_and_exercises_are_no_persons() -> None:
    text = (
        "The drills, dubbed Tomas Shield, began on Monday. Operation Marta Quiroga ended. "
        "A nurse named Anna Kowalska helped."
    )
    ents = {"Tomas Shield": "PERSON", "Marta Quiroga": "PERSON", "Anna Kowalska": "PERSON"}
    assert person_names(text, ents) == ["Anna Kowalska"]


def test_a_name_before_a_thing_or_its_residents_is_no_person() -> None:
    text = (
        "Ras Kamal terminal was hit and Sheikh Omar residents fled. The army bought Tana "
        "Cruiser vehicles. Rosa Quintero said so."
    )
    ents = {
        "Ras Kamal": "PERSON",
        "Sheikh Omar": "PERSON",
        "Tana Cruiser": "PERSON",
        "Rosa Quintero": "PERSON",
    }
    assert person_names(text, ents) == ["Rosa Quintero"]


def test_honorifics_of_south_asian_and_arab_news_are_cut_off_the_name() -> None:
    text = "Sardar Karim Baloch and Begum Nasreen Akhtar met Maulana Tariq Jamil in Lumen."
    ents = {
        "Sardar Karim Baloch": "PERSON",
        "Begum Nasreen Akhtar": "PERSON",
        "Maulana Tariq Jamil": "PERSON",
    }
    assert person_names(text, ents) == ["Karim Baloch", "Nasreen Akhtar", "Tariq Jamil"]


def test_a_role_of_a_body_then_the_holders_name() -> None:
    text = (
        "Secretary of Peru's Security Council Rosa Quintero met the envoy. Director of the "
        "National Intelligence Agency Tomas Quispe declined to comment."
    )
    ents = {"Peru's Security Council Rosa Quintero": "ORG", "Tomas Quispe": "ORG"}
    names = person_names(text, ents)
    assert names == ["Rosa Quintero", "Tomas Quispe"]
    opposition = "Leader of the Opposition Marek Duda criticised the plan."
    assert person_names(opposition, {"Opposition Marek Duda": "PERSON"}) == ["Marek Duda"]


@pytest.mark.model
def test_a_role_in_a_body_named_after_its_state() -> None:
    from dyad import analyse_text

    text = (
        "Spokesperson for the Ministry of Foreign Affairs of Chile Rosa Quintero protested "
        "Bolivia's decision on Monday. Governor of the Central Bank of Peru Tomas Quispe spoke."
    )
    found = {p.name: (p.role, p.state) for p in analyse_text(text).persons}
    assert found == {"Rosa Quintero": ("spokesperson", "CHL"), "Tomas Quispe": ("governor", "PER")}


@pytest.mark.model
def test_the_holder_of_a_states_body_acts_for_that_state() -> None:
    from dyad import analyse_text

    text = (
        "Secretary of Armenia's Security Council Ruben Hakobyan met Georgia's foreign "
        "minister in Tbilisi on Monday."
    )
    found = analyse_text(text, published="2025-03-05")
    person = next(p for p in found.persons if p.name == "Ruben Hakobyan")
    assert (person.role, person.state) == ("secretary", "ARM")
    assert {(e.type, frozenset((e.source, e.target))) for e in found.events} == {
        ("CONSULT", frozenset(("ARM", "GEO")))
    }


def test_a_title_before_one_word_leaves_a_surname_the_gazetteer_completes() -> None:
    text = "Federal Chancellor Brenner met the envoy. Vice President Novacek stayed home."
    ents = {"Brenner": "PERSON"}
    # "Federal Chancellor Brenner" is no full name; the gazetteer knows one Brenner
    assert person_names(text, ents) == ["Aldo Brenner"]


def test_a_states_possessive_or_a_title_introduces_a_surname_the_tagger_missed() -> None:
    class WithAustria(FakeGazetteer):
        STATES = MappingProxyType({**FakeGazetteer.STATES, "Austria": "AUT"})

    gaz = WithAustria()
    text = "Austria's Brenner spoke first. Then Brenner left."
    assert person_names(text, {"Brenner": "GPE"}, gazetteer=gaz) == ["Aldo Brenner"]
    assert person_names("Then Brenner left.", {"Brenner": "GPE"}, gazetteer=gaz) == []
    japan = "Japan's Brenner spoke."  # Brenner holds office in Austria, not Japan
    assert person_names(japan, {"Brenner": "GPE"}, gazetteer=gaz) == []


class _Namesakes(FakeGazetteer):
    """Two officeholders named Tomas Ortiz at once: Chile's president, Peru's defence minister;
    and a president written "Jan Kowalsky" or "Jan Kowalskiy"."""

    STATES = MappingProxyType({**FakeGazetteer.STATES, "Peru": "PER", "Chile": "CHL"})
    OFFICES = (
        Office("Tomas Ortiz", "president", "CHL", date(2022, 1, 1), None),
        Office("Tomas Ortiz", "defence minister", "PER", date(2024, 1, 1), None),
        Office("Jan Kowalsky", "president", "POL", date(2020, 1, 1), None),
    )

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        name = name.replace("Kowalskiy", "Kowalsky")
        return [o for o in self.OFFICES if o.name == name or o.name.split()[-1] == name]


def test_namesakes_in_office_the_state_the_article_names_then_the_leader() -> None:
    gaz = _Namesakes()
    day = date(2025, 3, 1)

    def state_of(text: str, ents: dict[str, str]) -> str | None:
        doc = make_doc(text, ents)
        found = extract_persons(doc, gaz, doc_id="t", on=day).persons
        return next(p.state for p in found if p.name == "Tomas Ortiz")

    peru = "Tomas Ortiz inspected troops in Lima. Peru bought jets."
    assert state_of(peru, {"Tomas Ortiz": "PERSON", "Peru": "GPE"}) == "PER"
    assert state_of("Tomas Ortiz flew to Rome.", {"Tomas Ortiz": "PERSON"}) == "CHL"


def test_a_surname_spelt_otherwise_joins_the_full_name_the_gazetteer_knows() -> None:
    text = "Jan Kowalskiy met the envoy. Kowalsky said the talks went well."
    names = person_names(
        text, {"Jan Kowalskiy": "PERSON", "Kowalsky": "PERSON"}, gazetteer=_Namesakes()
    )
    assert names == ["Jan Kowalskiy"]


def test_a_bare_surname_in_the_headline_does_not_hide_the_titled_one_below() -> None:
    # the headline's "Brenner" gives no evidence of a person; the gazetteer is still asked
    # about "Chancellor Brenner" in the body
    text = (
        "Brenner leaves Lumen talks early\n\n"
        "Chancellor Brenner left the talks in Lumen on Monday, officials said."
    )
    assert person_names(text, on=date(2024, 5, 6)) == ["Aldo Brenner"]


def test_reefs_cays_and_places_in_the_vicinity_of_are_no_persons() -> None:
    text = (
        "Chilean boats were seen near the disputed Punta Roja reef on Monday, and later at "
        "the Arena Cays. A shell fell in the vicinity of Villa Morena on Tuesday, said "
        "Ana Ruiz, a navy spokeswoman."
    )
    ents = {
        "Punta Roja": "PERSON",
        "Arena Cays": "PERSON",
        "Villa Morena": "PERSON",
        "Ana Ruiz": "PERSON",
    }
    assert person_names(text, ents) == ["Ana Ruiz"]


def test_a_name_before_area_sector_or_checkpoint_is_a_place() -> None:
    text = (
        "Shells fell on the Punta Roja area and the Villa Morena sector overnight, and a "
        "patrol was fired on at the Cerro Alto checkpoint, said Ana Ruiz, a navy spokeswoman."
    )
    ents = {
        "Punta Roja": "PERSON",
        "Villa Morena": "PERSON",
        "Cerro Alto": "PERSON",
        "Ana Ruiz": "PERSON",
    }
    assert person_names(text, ents) == ["Ana Ruiz"]
