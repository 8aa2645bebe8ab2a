"""Speakers and quote boundaries in less tidy news text (issue 8).

Every sentence and name here is written for the test, about states of the test's own choosing.
Finding marks needs no model; speakers need the real parse (``model``).
"""

from __future__ import annotations

import pytest

from dyad.nlp.quotes import find_quote_spans
from tests.test_quotes import region_speakers


def real_speakers(text: str) -> list[str | None]:
    """Speakers read with the real gazetteer (states, demonyms, capitals)."""
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons
    from dyad.nlp.quotes import extract_quotes
    from dyad.resolve.gazetteer import Gazetteer

    doc = parse(text)
    persons = extract_persons(doc, Gazetteer.load(), doc_id="t")
    return [q.speaker for q in extract_quotes(doc, persons, doc_id="t")]


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- marks: no model ----------------------------------------------------------------------------


def test_a_closing_curly_mark_set_as_an_opening_one() -> None:
    text = "”We will not sign this text,” the envoy said.\n\nShe called it “fair” at first."
    assert spans(text) == ["We will not sign this text", "fair"]


def test_a_text_cut_off_inside_a_quote_keeps_the_quote() -> None:
    text = "The minister said the treaty “opens a new era for the whole regi"
    assert spans(text) == ["opens a new era for the whole regi"]


def test_doubled_apostrophes_set_as_double_marks() -> None:
    text = (
        "The minister said the dispute ''will be settled by talks, not by force.'' "
        "''We are ready,'' he told reporters. The envoy's car left."
    )
    assert spans(text) == ["will be settled by talks, not by force.", "We are ready"]


def test_the_last_paragraph_of_a_quote_without_its_opening_mark() -> None:
    text = (
        '"The talks with Lumen were long.\n\n'
        'We went over every clause of the treaty," the envoy said.\n\n'
        'Nothing else was "settled" that day.'
    )
    assert spans(text) == [
        "The talks with Lumen were long.",
        "We went over every clause of the treaty",
        "settled",
    ]


def test_a_closing_mark_after_a_closed_quote_opens_nothing() -> None:
    text = '"We met," she said.\n\nThe treaty is 40 pages," long.'
    assert spans(text) == ["We met"]


def test_a_quote_over_a_hard_line_wrap() -> None:
    text = (
        "Peru's Foreign Minister Rosa Quintero told reporters on Monday: \"We will never\n"
        "accept a deal that ignores our fishermen and their families, and we will say so\n"
        'at the summit."\n\n'
        "Short headline line\n"
        "next line in lower case."
    )
    assert [" ".join(t.split()) for t in spans(text)] == [
        "We will never accept a deal that ignores our fishermen and their families, and we "
        "will say so at the summit."
    ]


# -- speakers: the real model -------------------------------------------------------------------


@pytest.mark.model
def test_he_is_the_last_actor_even_when_an_earlier_man_is_known_to_be_male() -> None:
    text = (
        "Egypt’s Foreign Minister Omar Hadid met his counterpart Tomas Quispe in Lima.\n\n"
        "Recalling their first talks in Cairo, Quispe told Hadid that the two states had "
        "come far since what he called “three decades of cold silence between our peoples.”"
    )
    assert region_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_a_name_in_an_appositive_before_said() -> None:
    text = (
        "Following the Andina decision Kenya's deputy minister for economic planning, Amani "
        "Njoroge, said the rise had been expected.\n\n"
        '"We do not know if this is final but it is clear that it is political."'
    )
    assert region_speakers(text) == ["Amani Njoroge"]


@pytest.mark.model
def test_the_minister_is_the_minister_who_acted_last() -> None:
    text = (
        "Present were Kenya’s Foreign Minister Amani Njoroge and Peru’s Foreign Minister Tomas "
        "Quispe.\n\n"
        "Quispe, who chaired the session, confirmed that the talks would go on.\n\n"
        "In a post online, the minister said the two states had begun “a patient dialogue with "
        "the aim of a binding settlement.”"
    )
    assert region_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_the_veteran_leader_is_the_leader_who_acted_last() -> None:
    text = (
        "Kenya's leader Amani Njoroge stressed the weight of his trip, saying his talks with "
        "President Tomas Quispe marked “a new chapter” for both states.\n\n"
        "“I came here first because our two nations were born to work together,” said the "
        "veteran leader at a news conference."
    )
    assert region_speakers(text) == ["Amani Njoroge", "Amani Njoroge"]


@pytest.mark.model
def test_the_statement_is_its_issuer_named_before() -> None:
    text = (
        "Egypt’s foreign ministry said it had summoned Kenya’s ambassador.\n\n"
        "The ministry said in a statement on Monday that it had protested the raids.\n\n"
        "“Such raids breach our sovereignty and cannot be accepted,” the statement said."
    )
    assert region_speakers(text) == ["Egyptian Foreign Ministry"]
    text = (
        "“The credit line for fuel is already in use,” a statement from the Lumen Trade "
        "Office said.\n\n"
        "“More shipments of grain are planned under the same line,” the statement added. "
        "“Two tankers have already docked,” it said."
    )
    assert region_speakers(text) == ["Lumen Trade Office"] * 3


@pytest.mark.model
def test_a_text_cut_off_inside_the_attribution() -> None:
    text = (
        "Chancellor Marek Duda and President Anna Kowalska opened the talks.\n\n"
        "Their pact was “aimed at no one and meant to dominate none of our neighbours”, Mr Du"
    )
    assert region_speakers(text) == ["Marek Duda"]
    text = (
        "“The first ships have docked,” a statement from the Lumen Trade Office said.\n\n"
        "Grain prices fell in May.\n\n"
        "“More than 9,000 tonnes of wheat have arrived and more will come soon,” the "
    )
    assert region_speakers(text) == ["Lumen Trade Office"] * 2


@pytest.mark.model
def test_a_speech_verb_in_an_infinitive_does_not_report_the_quote() -> None:
    text = (
        "NAIROBI — Kenya and Peru agreed to respond “swiftly and firmly” to any attack on "
        "shipping, Kenyan President Amani Njoroge said after talks with Tomas Quispe."
    )
    assert region_speakers(text) == ["Amani Njoroge"]


@pytest.mark.model
def test_outlined_and_expressed_report_speech() -> None:
    text = (
        "Kenyan President Amani Njoroge met Tomas Quispe.\n\n"
        "Njoroge outlined that Nairobi and Lima agreed to set up a joint panel “to draw up a "
        "detailed plan for the port.”\n\n"
        "With the trade minister by his side, Njoroge also expressed confidence in a “fair "
        "settlement” of the river dispute “with the help of the regional governments”."
    )
    assert region_speakers(text) == ["Amani Njoroge"] * 2


@pytest.mark.model
def test_according_to_a_news_agency_does_not_beat_the_speaker() -> None:
    text = (
        "Peru’s coast guard chief Tomas Quispe spoke in Lima.\n\n"
        "“Our coast guard has shown great restraint, and we will stay,” Quispe told reporters, "
        "according to AP. “But if the ships ram us again, we will defend ourselves.”"
    )
    assert region_speakers(text) == ["Tomas Quispe", "Tomas Quispe"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The strikes hit only military targets,” state television said.", "State Television"),
        (
            "“The strikes hit only military targets,” Chile's state television said.",
            "Chilean State Television",
        ),
        (
            "Peru's military said in a statement that “the intruders were driven back at once.”",
            "Peruvian Military",
        ),
        (
            "“We are following events closely,” said a spokesperson for the Ghanaian foreign "
            "ministry.",
            "Ghanaian Foreign Ministry",
        ),
    ],
)
def test_media_armies_and_spokespeople_for_a_body(text: str, speaker: str) -> None:
    assert real_speakers(text) == [speaker]


@pytest.mark.model
def test_in_a_statement_alone_names_no_speaker() -> None:
    text = "In a statement, officials said the border would “stay shut until further notice.”"
    assert real_speakers(text) == [None]


@pytest.mark.model
def test_an_aide_is_not_the_one_he_works_for() -> None:
    text = (
        "Kenyan President Amani Njoroge arrived in Lima on Monday.\n\n"
        "“The visit was long overdue,” Kamau, Njoroge’s spokesman, told reporters."
    )
    assert region_speakers(text) == [None]


@pytest.mark.model
def test_what_it_called_is_the_body_of_the_clause() -> None:
    text = "Chad’s government on Thursday denounced what it called “an act of open war” by rebels."
    assert real_speakers(text) == ["Chadian Government"]


@pytest.mark.model
def test_the_office_of_a_leader_and_its_statement() -> None:
    text = (
        "Peru and Chile sign a fishing accord\n\n"
        "  • The accord will bring “joint patrols along the maritime border”\n\n"
        "LIMA: Chile’s fisheries chief on Monday signed an accord with Peru, the Peruvian "
        "prime minister’s office said.\n\n"
        "The talks took two days.\n\n"
        "Boats from both states fish in the area.\n\n"
        "The accord was signed in the capital, the statement said.\n\n"
        "It provides for “shared data on fish stocks,” and will bring “joint patrols along the "
        "maritime border,” the statement from the office of Prime Minister Rosa Quintero added."
    )
    assert real_speakers(text) == ["Peruvian Prime Minister's Office"] * 2


@pytest.mark.model
def test_the_head_of_state_of_a_state() -> None:
    text = (
        "Kenyan President William Otieno arrived in Kampala on Monday.\n\n"
        "“We are here to build bridges, not walls,” the Kenyan head of state said."
    )
    assert real_speakers(text) == ["William Otieno"]


@pytest.mark.model
def test_a_quote_without_a_speaker_of_its_own_goes_on_from_the_last_one() -> None:
    text = (
        "“Peru is the most important partner we have,” Rosa Quintero, a lecturer at the "
        "Andean Institute, told reporters.\n\n"
        "Likewise, the Chilean economy “depends heavily on its northern neighbour,” not least "
        "in its talks with the lenders of the region."
    )
    assert real_speakers(text) == ["Rosa Quintero", "Rosa Quintero"]


@pytest.mark.model
def test_the_speaker_after_a_hard_wrapped_quote() -> None:
    text = (
        '"We will never accept a deal that ignores our fishermen and\n'
        "their families,\" Peru's Foreign Minister Rosa Quintero told reporters on Monday."
    )
    assert real_speakers(text) == ["Rosa Quintero"]


@pytest.mark.model
def test_the_top_diplomat_is_the_foreign_minister_who_spoke_last() -> None:
    text = (
        "Chile's Foreign Minister Rosa Quintero met her Bolivian counterpart Tomas Quispe in "
        "La Paz on Monday.\n\n"
        "“We came to listen and to settle the river question,” Quintero told reporters.\n\n"
        "“Nobody in Santiago wants this dispute to last another decade,” the top diplomat "
        "said."
    )
    assert region_speakers(text) == ["Rosa Quintero", "Rosa Quintero"]


@pytest.mark.model
def test_the_deputy_minister_is_the_deputy_foreign_minister() -> None:
    text = (
        "Norway's Deputy Foreign Minister Lars Holm said on Friday that Oslo would answer the "
        "new fishing quotas.\n\n"
        "“We will take our own measures in good time and in proportion,” the deputy minister "
        "said."
    )
    assert region_speakers(text) == ["Lars Holm"]


@pytest.mark.model
def test_the_official_representative_is_the_spokesperson() -> None:
    text = (
        "Foreign Ministry spokeswoman Ana Petrova said Sofia had not been consulted.\n\n"
        "“Nobody asked us before the decision was made,” the official representative of the "
        "ministry stressed."
    )
    assert region_speakers(text) == ["Ana Petrova"]


def test_a_generic_role_covers_its_offices() -> None:
    from dyad.models import Person
    from dyad.nlp.person_index import PersonIndex

    minister = Person("Rosa Quintero", role="deputy foreign minister", state="CHL")
    assert PersonIndex.holds(minister, "diplomat")
    assert PersonIndex.holds(minister, "deputy minister")
    assert PersonIndex.holds(minister, "minister", "CHL")
    assert not PersonIndex.holds(minister, "prime minister")
    assert not PersonIndex.holds(minister, "diplomat", "PER")
    assert PersonIndex.holds(Person("Lars Holm", role="prime minister"), "premier")


@pytest.mark.model
def test_a_bare_ministry_takes_the_state_its_sentence_is_about() -> None:
    text = (
        "Norway has summoned the Icelandic ambassador over the new fishing quotas, the foreign "
        "ministry said on Tuesday.\n\n"
        "“The quotas ignore every scientific advice given to both governments,” the foreign "
        "ministry said."
    )
    assert real_speakers(text) == ["Norwegian Foreign Ministry"]


@pytest.mark.model
def test_a_bare_ministry_takes_the_state_of_the_dateline() -> None:
    text = (
        "LIMA (Wire Agency) - Fishing boats were turned back near the maritime border on "
        "Sunday.\n\n"
        "“Our patrols acted within our waters and under our law,” the defence ministry said."
    )
    assert real_speakers(text) == ["Peruvian Defence Ministry"]


@pytest.mark.model
def test_a_ministry_of_something_is_named_again_by_its_head_noun() -> None:
    text = (
        "Portugal's Ministry of Foreign Affairs said on Friday that the fishing talks had "
        "broken down.\n\n"
        "“We regret that no settlement was reached before the season,” the ministry said."
    )
    assert real_speakers(text) == ["Portuguese Ministry of Foreign Affairs"]


@pytest.mark.model
def test_a_state_possessive_before_a_body_is_its_demonym() -> None:
    text = (
        "“The patrol boats stayed inside our own waters,” said a statement from Uruguay's "
        "Ministry of Defence."
    )
    assert real_speakers(text) == ["Uruguayan Ministry of Defence"]


@pytest.mark.model
def test_the_country_before_a_body_is_the_state_the_text_was_about() -> None:
    text = (
        "Ecuador expelled two fishing vessels on Thursday.\n\n"
        "“Our navy acted within the law of the sea,” the country's defence ministry said."
    )
    assert real_speakers(text) == ["Ecuadorian Defence Ministry"]
    text = (
        "Jordan has opened a credit line for the neighbour's grain imports. “The funds will "
        "reach the central bank this week,” the Kingdom's Ministry of Finance said."
    )
    assert real_speakers(text) == ["Jordanian Ministry of Finance"]


@pytest.mark.model
def test_a_body_named_after_the_article_is_named_without_it() -> None:
    text = (
        "The Chilean navy said a trawler had been boarded. “The crew was treated well and "
        "released,” a navy spokeswoman said."
    )
    assert real_speakers(text) == ["Chilean Navy"]


@pytest.mark.model
def test_he_is_the_main_subject_not_the_subject_of_an_after_clause() -> None:
    text = (
        "Ghana's Foreign Minister Kofi Mensah spoke to reporters after Togo's envoy Paul "
        "Agbeko left the hall.\n\n"
        "“We will take this dispute to the regional court if we have to,” he said."
    )
    assert region_speakers(text) == ["Kofi Mensah"]


@pytest.mark.model
def test_a_news_agency_relays_the_speaker_it_reports() -> None:
    text = (
        "The move comes a week after President Amani Njoroge said at a cabinet meeting that "
        "“every boat taken from our waters will be answered in kind,” the official KNA news "
        "agency reported."
    )
    assert real_speakers(text) == ["Amani Njoroge"]
    text = "“Every boat taken from our waters will be answered in kind,” the KNA agency reported."
    assert real_speakers(text) == ["KNA"]  # the agency under its own name


@pytest.mark.model
def test_a_hyphenated_surname_misspelt_once_is_the_person_named_before() -> None:
    text = (
        "Government spokeswoman Leila Ben-Youssef said the border post would stay open.\n\n"
        "Ben-Youssaf rejected the report, stating “No order to close the crossing was ever "
        "given by anyone in the cabinet.”"
    )
    assert real_speakers(text) == ["Leila Ben-Youssef"]


@pytest.mark.model
def test_a_state_s_bare_ministry_is_the_fuller_one_named_before() -> None:
    text = (
        "Spain's defence ministry said the frigate had left port on Monday.\n\n"
        "“The frigate is sailing in international waters,” the Spanish ministry said."
    )
    assert real_speakers(text) == ["Spanish Defence Ministry"]


@pytest.mark.model
def test_states_that_speak_in_a_joint_statement_speak_through_it() -> None:
    q = "“We agreed to reopen the border crossings within a month,”"
    assert real_speakers(f"{q} Peru and Chile said in a joint statement.") == ["joint statement"]
    text = f"{q} the two foreign ministers said in a joint statement."
    assert real_speakers(text) == ["joint statement"]


@pytest.mark.model
def test_a_state_the_tagger_calls_a_person_still_speaks_as_its_government() -> None:
    q = "“We agreed to reopen the border crossings within a month,”"
    assert real_speakers(f"{q} Peru said in a statement.") == ["Peruvian government"]


@pytest.mark.model
def test_ministers_in_the_plural_are_no_one_of_them() -> None:
    text = (
        "Foreign Minister Rosa Quintero met her Chilean counterpart Tomas Quispe.\n\n"
        "“We agreed to reopen the border crossings within a month,” the ministers said."
    )
    assert real_speakers(text) == [None]


@pytest.mark.model
def test_the_office_of_a_spokesman_named_nowhere_before_speaks_as_written() -> None:
    text = (
        "Peru and Ecuador traded accusations on Monday after a border incident.\n\n"
        '"The patrol stayed inside our own territory at all times," the office of the '
        "Peruvian army spokesman said."
    )
    assert real_speakers(text) == ["office of the Peruvian army spokesman"]


@pytest.mark.model
def test_a_role_in_a_body_is_the_one_given_that_role_in_it() -> None:
    text = (
        "Ecuadorian Navy Commander Raul Benitez said the boats had left. Benitez pointed out "
        'that ties were "strong and do not depend on one incident."\n\n'
        '"This has been confirmed at the highest level, in the talks held in Quito last '
        'year," the Ecuadorian Navy commander noted.'
    )
    assert real_speakers(text) == ["Raul Benitez", "Raul Benitez"]


@pytest.mark.model
def test_a_subject_before_an_aside_set_off_by_commas() -> None:
    text = (
        "With Interior Minister Ana Quispe standing by his side, Arce, on his first visit "
        'here, also expressed hope for a "fair deal" on the water dispute with Chile "with '
        'the help of the regional governments of Bolivia". President Luis Arce spoke in Lima.'
    )
    assert real_speakers(text)[-1] == "Luis Arce"


@pytest.mark.model
def test_a_pull_quote_on_its_own_line_takes_the_speaker_of_its_full_quote() -> None:
    text = (
        "Chile's President Gabriel Rojas met his Bolivian counterpart in Santiago on Monday.\n\n"
        "“Keep the peace along the border”\n\n"
        "“We will keep working together and keep the peace along the border for good,” Rojas "
        "said after the talks."
    )
    assert real_speakers(text) == ["Gabriel Rojas", "Gabriel Rojas"]


@pytest.mark.model
def test_a_dash_after_a_dateline_city_is_no_part_of_the_speaker() -> None:
    text = (
        "Lima - Peru announced on Sunday that it had paid its share of the fund.\n\n"
        "“The payment reached the fund on Friday morning,” it said in a statement."
    )
    assert real_speakers(text) == ["Peruvian government"]


@pytest.mark.model
def test_the_minister_is_a_minister_of_something_who_spoke_before() -> None:
    text = (
        "Ghana's Minister of Defence, Kwame Asante, warned that “the next months will be "
        "decisive.”\n\n"
        "“We are not there yet,” the minister said, speaking to the state broadcaster."
    )
    assert real_speakers(text) == ["Kwame Asante", "Kwame Asante"]


@pytest.mark.model
def test_a_named_body_speaks_under_its_name_not_its_appositive() -> None:
    text = (
        "ACCRA (AP) — Ghana and Togo agreed to patrol their border together.\n\n"
        "ECOWAS, the regional bloc, called the meeting “a welcome step for the region.”"
    )
    assert real_speakers(text) == ["ECOWAS"]


@pytest.mark.model
def test_the_spokesman_of_a_leader_with_a_full_name_is_not_the_leader() -> None:
    text = (
        "Somali Prime Minister Ahmed Warsame's spokesman, Abdi Nur, said the prime minister "
        "would travel to Nairobi “in the coming weeks.”"
    )
    assert real_speakers(text) == ["Abdi Nur"]


@pytest.mark.model
def test_the_spokesperson_is_of_the_body_whose_spokesperson_spoke_before() -> None:
    text = (
        "In Tokyo, a Defence Ministry spokesperson said Japan was following the drills "
        "“with great concern.”\n\n"
        "“We call on both sides to show restraint at sea,” the spokesperson said."
    )
    speakers = real_speakers(text)
    assert speakers[1] == speakers[0] and speakers[0] is not None


@pytest.mark.model
def test_a_statement_issued_by_a_government_is_that_government_s() -> None:
    text = (
        "Norway and Iceland agreed on Friday to share mackerel quotas.\n\n"
        "A statement issued by Iceland's government said the deal would “secure jobs in "
        "coastal towns.”"
    )
    assert [s.lower() if s else s for s in real_speakers(text)] == ["icelandic government"]


@pytest.mark.model
def test_a_title_then_an_officeholder_s_surname_is_that_officeholder() -> None:
    from dyad import analyse_text

    text = (
        "New Zealand and Australia leaders meet\n\n"
        "WELLINGTON (AP) — Australian Prime Minister Albanese arrived in Wellington on "
        "Thursday for talks with New Zealand Prime Minister Ardern.\n\n"
        "“We have no problems that cannot be solved,” Albanese said at a news conference."
    )
    found = analyse_text(text, published="2022-07-07")
    assert [q.speaker for q in found.quotes] == ["Anthony Albanese"]


@pytest.mark.model
def test_a_spokesman_of_a_named_body_speaks_for_it() -> None:
    text = (
        "Chad and Sudan agreed to reopen their border.\n\n"
        "The AU's peace and security spokesman said the bloc expected both sides “to honour "
        "their commitments.”"
    )
    assert real_speakers(text) == ["AU"]


@pytest.mark.model
def test_a_quote_after_a_colon_is_the_clause_s_subject_s() -> None:
    text = (
        "LA PAZ (Reuters) - Bolivia said on Tuesday that Chilean forces had shelled two "
        "towns overnight.\n\n"
        '"This is an unprovoked attack on our sovereign territory," Bolivian Prime Minister '
        "Luis Arce told parliament. Chile's defence ministry disagreed: \"Our units only "
        'responded to provocations."'
    )
    assert real_speakers(text) == ["Luis Arce", "Chilean Defence Ministry"]


@pytest.mark.model
def test_a_statement_from_the_office_of_a_named_body_s_head() -> None:
    text = (
        "Chad and Niger closed their border on Monday.\n\n"
        '"We call for an immediate reopening," said a statement from the office of the '
        "ECOWAS chair."
    )
    assert real_speakers(text) == ["office of the ECOWAS chair"]


@pytest.mark.model
def test_every_paragraph_of_a_long_quote_has_its_speaker() -> None:
    text = (
        "Chile's Foreign Minister Rosa Quintero spoke to reporters after the talks in Lima.\n\n"
        '"We met for two hours this morning. It was a frank exchange.\n\n'
        '"We spoke about the border and about the fisheries of the south.\n\n'
        '"We agreed to meet again in Santiago in May."'
    )
    assert real_speakers(text) == ["Rosa Quintero"] * 3


@pytest.mark.model
def test_a_quote_named_at_its_last_paragraph_without_an_opening_mark() -> None:
    text = (
        "Peru's Foreign Minister Tomas Quispe met Chile's Rosa Quintero in Lima.\n\n"
        '"An informal lunch was held yesterday for the two delegations.\n\n'
        'They spoke for many hours about the border," Quintero said on Tuesday.'
    )
    assert real_speakers(text) == ["Rosa Quintero"] * 2


@pytest.mark.model
def test_a_reaction_to_comments_from_someone_gives_their_words() -> None:
    text = (
        "Chile's Foreign Minister Rosa Quintero met her Peruvian counterpart on Monday. "
        "She was responding to comments from Peruvian Foreign Minister Tomas Quispe on "
        'Sunday: "We will not give up a metre of the sea."'
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_referring_to_remarks_the_one_who_speaks_is_the_subject() -> None:
    text = (
        "Chile's Foreign Minister Rosa Quintero met Peruvian Foreign Minister Tomas Quispe. "
        'Referring to Quispe\'s remarks, Quintero said: "Our border is not up for discussion."'
    )
    assert real_speakers(text) == ["Rosa Quintero"]


@pytest.mark.model
def test_a_paper_citing_someone_as_saying() -> None:
    text = (
        '"We will never accept this line," the daily La Voz reported, citing Peruvian '
        "Foreign Minister Tomas Quispe as saying."
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_the_envoy_is_the_ambassador_to_a_state_named_before() -> None:
    text = (
        "Peru's new ambassador to Chile, Tomas Quispe, spoke to the press in Santiago.\n\n"
        '"We want closer ties with our neighbours in every field," the envoy said.'
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_it_is_the_body_that_issued_a_statement() -> None:
    text = (
        "The Chilean Navy issued a statement on Monday. "
        '"Two vessels entered our waters without permission," it said.'
    )
    assert real_speakers(text) == ["Chilean Navy"]


@pytest.mark.model
def test_the_prime_minister_added_is_the_one_introduced_with_that_title() -> None:
    text = (
        "Peruvian Prime Minister Tomas Quispe said in a statement that he met his generals.\n\n"
        '"We were fired upon from across the river," Quispe said.\n\n'
        '"I have ordered the army to be ready for anything," the prime minister added.'
    )
    assert real_speakers(text) == ["Tomas Quispe", "Tomas Quispe"]


@pytest.mark.model
def test_the_deputy_foreign_minister_was_quoted_as_saying() -> None:
    text = (
        "Vice Foreign Minister Rosa Quintero met the Bolivian envoy on Monday.\n\n"
        'It was an "obvious and dangerous overreaction," the Deputy Foreign Minister was '
        "quoted as saying."
    )
    assert real_speakers(text) == ["Rosa Quintero"]


@pytest.mark.model
def test_the_ministry_is_the_body_of_that_kind_that_acted_last() -> None:
    text = (
        "Peru's Foreign Ministry summoned the Chilean ambassador on Monday.\n\n"
        '"Such acts violate our sovereignty and cannot be accepted," the ministry said.'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_a_document_named_as_an_object_is_no_body_that_acted() -> None:
    text = (
        "Peru and Chile sign border protection agreement\n\n"
        'The agreement will see "closer cooperation in several areas of security".'
    )
    assert real_speakers(text) == [None]


@pytest.mark.model
def test_the_foreign_ministry_of_a_state_is_named_with_its_demonym() -> None:
    text = (
        "The Foreign Ministry of Peru rejected the claim on Friday. "
        '"The claim is false and baseless," the Foreign Ministry of Peru said.'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_the_press_service_of_a_ministry_speaks_for_it() -> None:
    text = (
        "The Chilean Defence Ministry accused Peru of flying drones over the border. "
        '"Two drones crossed the line at night," the press service of the Chilean Defence '
        "Ministry reported."
    )
    assert real_speakers(text) == ["Chilean Defence Ministry"]


@pytest.mark.model
def test_a_statement_posted_on_a_ministry_website() -> None:
    text = (
        '"Two vessels entered our waters without permission," a statement posted on the '
        "Peruvian Foreign Ministry's website said."
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_an_ambassador_to_a_state_named_without_commas() -> None:
    text = (
        "Peruvian Ambassador to Chile Tomas Quispe told reporters in Santiago that the talks "
        'went well. "We have made real progress on the border," Quispe said.'
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_a_ministry_written_half_in_lower_case_keeps_its_state() -> None:
    text = '"Two drones crossed the line at night," the Chilean defence Ministry said.'
    assert real_speakers(text) == ["Chilean Defence Ministry"]


@pytest.mark.model
def test_what_it_called_is_the_clause_subject_not_the_body_that_spoke_before() -> None:
    text = (
        "The Chilean military struck what it said were posts of the militia. After a "
        "meeting, Peru's Supreme Defence Council denounced the strike, which it called "
        '"a blatant Chilean aggression", and filed a complaint.'
    )
    assert real_speakers(text) == ["Peruvian Supreme Defence Council"]


@pytest.mark.model
def test_it_is_never_the_noun_its_own_relative_clause_hangs_on() -> None:
    text = (
        "The Peruvian Foreign Ministry said on Monday that the Chilean army, which it "
        'accused of "repeated and deliberate provocations", had crossed the line.'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_the_envoy_is_the_person_without_a_role_who_just_acted() -> None:
    text = (
        "Peru reopened its embassy in Santiago on Tuesday.\n"
        "Peru's new ambassador to Chile has called for closer ties in the region.\n"
        "Tomas Quispe made the remarks to a Chilean television channel on Tuesday.\n"
        '"We want closer ties with all our neighbours in every field," the envoy said.'
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_the_envoy_is_not_a_person_of_another_role_who_met_the_envoy() -> None:
    text = (
        "Chilean President Rosa Quintero met the Peruvian envoy in Santiago on Tuesday.\n"
        '"We want closer ties with all our neighbours in every field," the envoy said.'
    )
    assert real_speakers(text) == [None]


@pytest.mark.model
def test_a_news_agency_citing_a_body_relays_that_body() -> None:
    text = (
        '"The troops withdrew after an hour," the state-run Andina news agency reported, '
        "citing the Peruvian army."
    )
    assert real_speakers(text) == ["Peruvian Army"]


@pytest.mark.model
def test_a_statement_said_after_an_agency_cited_a_body() -> None:
    text = (
        "Peruvian news agency Andina, citing the Peruvian Border Guard, said three men "
        'crossed the river. "The men refused to surrender," a statement said.'
    )
    assert real_speakers(text) == ["Peruvian Border Guard"]


@pytest.mark.model
def test_its_ministry_is_the_ministry_of_the_state_just_named() -> None:
    text = (
        "Peru accused Chile of moving troops to the border on Tuesday.\n\n"
        "Chile denied the claim. Its defence ministry said the troops were on "
        '"routine exercises planned months ago".'
    )
    assert real_speakers(text) == ["Chilean Defence Ministry"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("North Korea's defence ministry", "North Korean Defence Ministry"),
        ("North Korea's Defence Ministry", "North Korean Defence Ministry"),
        ("South Sudan's army", "South Sudanese Army"),
        ("the South Korean military", "South Korean Military"),
        ("Saudi Arabia's foreign ministry", "Saudi Foreign Ministry"),
        ("South Korea's Joint Chiefs of Staff", "South Korean Joint Chiefs of Staff"),
    ],
)
def test_a_body_of_a_state_with_a_name_of_two_words(phrase: str, speaker: str) -> None:
    text = f'"Our troops struck two launch sites near the border," {phrase} said.'
    assert real_speakers(text) == [speaker]


@pytest.mark.model
@pytest.mark.parametrize(
    ("phrase", "speaker"),
    [
        ("China's official Xinhua news agency", "Xinhua"),
        ("the official Xinhua news agency", "Xinhua"),
        ("Iran's semi-official Tasnim news agency", "Tasnim"),
        ("North Korea's Korean Central News Agency", "Korean Central News Agency"),
    ],
)
def test_a_news_agency_speaks_under_its_own_name(phrase: str, speaker: str) -> None:
    text = f'"Two drones were shot down over the capital," {phrase} reported.'
    assert real_speakers(text) == [speaker]


@pytest.mark.model
def test_a_foreign_ministry_with_no_state_is_the_headline_subject_s() -> None:
    text = (
        "Peru condemns Chilean missile test\n\n"
        '"This launch violates the treaty of 1929," the foreign ministry statement read.'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_a_top_diplomat_is_then_the_foreign_minister() -> None:
    text = (
        "Peru's top diplomat Tomas Quispe met his Chilean counterpart on Monday. "
        '"We agreed on a road map," the foreign minister said.'
    )
    assert real_speakers(text) == ["Tomas Quispe"]


@pytest.mark.model
def test_the_foreign_ministry_capitalised_takes_its_state_as_in_lower_case() -> None:
    text = (
        "LIMA (Agency) - Peru summoned the Chilean ambassador on Monday.\n\n"
        '"The incursion is unacceptable," the Foreign Ministry said.'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Frente Rojo fired rockets at a Peruvian base on Sunday. The Bolivia-backed "
            'group said the attack was "a response to the killing of our fighters".',
            "Frente Rojo",
        ),
        (
            'Sendero Libre claimed the attack on the Chilean base. "Our fighters overran the '
            'camp," the militant group said in a statement.',
            "Sendero Libre",
        ),
        (
            'The Harkat-ul-Andes claimed the raid in a statement. "We will continue our '
            'operations," the group said.',
            "Harkat-ul-Andes",
        ),
    ],
)
def test_the_group_said_is_the_armed_group_named_last(text: str, speaker: str) -> None:
    assert real_speakers(text) == [speaker]


@pytest.mark.model
def test_the_ministry_capitalised_alone_is_the_ministry_named_before() -> None:
    text = (
        "The Peruvian Ministry of Foreign Affairs has criticised Santiago over the vote.\n\n"
        '"Chile has chosen confrontation over dialogue," a statement published on the '
        "Ministry's website read."
    )
    assert real_speakers(text) == ["Peruvian Ministry of Foreign Affairs"]


@pytest.mark.model
def test_according_to_the_bureau_s_statement() -> None:
    text = (
        "The Peruvian fisheries bureau accused Chile of ramming a boat.\n\n"
        'The "dangerous and illegal acts" damaged the hull, according to the bureau\'s '
        "statement."
    )
    assert real_speakers(text) == ["Peruvian Fisheries Bureau"]
