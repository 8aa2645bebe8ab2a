"""Speakers of documents, outlets and bodies, and quote marks set the wrong way (issue 8).

Every sentence and name here is written for the test, about states of the test's own choosing.
Finding marks needs no model; speakers need the real parse (``model``).
"""

from __future__ import annotations

import pytest

from dyad.nlp.quotes import find_quote_spans
from tests.test_speakers import real_speakers


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- marks: no model ----------------------------------------------------------------------------


def test_an_opening_curly_mark_set_as_a_closing_one() -> None:
    text = (
        "“Talks with Lumen will resume in the spring,“ the envoy said.\n\n"
        "„Wir bleiben“ was all the Austrian minister said: “We stay.“"
    )
    assert spans(text) == ["Talks with Lumen will resume in the spring", "Wir bleiben", "We stay."]


# -- speakers: the real model -------------------------------------------------------------------


@pytest.mark.model
def test_a_body_named_bare_takes_the_state_the_article_gave_it() -> None:
    text = (
        "Chile's Joint Chiefs of Staff said the drill was routine. "
        '"The exercise poses no threat to any neighbour," the Joint Chiefs of Staff said.\n\n'
        "The Bolivian Naval Command (BNC) tracked the ships. "
        '"Two frigates sailed past our coast at dawn," the BNC said.'
    )
    assert real_speakers(text) == ["Chilean Joint Chiefs of Staff", "Bolivian Naval Command"]


@pytest.mark.model
def test_a_bare_foreign_ministry_takes_the_state_of_its_seat() -> None:
    text = (
        'The Foreign Ministry in Lima said the decision was "deeply regrettable and unjust."\n\n'
        'In Moscow, the Foreign Ministry called the sanctions "an unfriendly and illegal step."'
    )
    assert real_speakers(text) == ["Peruvian Foreign Ministry", "Russian Foreign Ministry"]


@pytest.mark.model
def test_a_ministry_is_named_in_the_fuller_form_the_article_gives_it() -> None:
    text = (
        "Chile's Ministry of Foreign Affairs summoned the Bolivian envoy on Monday. "
        '"This is a grave breach of trust," the foreign ministry said.\n\n'
        'Bolivia\'s Ministry of Defence said the jets were "flying over Bolivian territory." '
        'Chile\'s defence ministry said the claim was "simply untrue and absurd."'
    )
    assert real_speakers(text) == [
        "Chilean Ministry of Foreign Affairs",
        "Bolivian Ministry of Defence",
        "Chilean Defence Ministry",  # not Bolivia's Ministry of Defence
    ]


@pytest.mark.model
def test_a_body_after_a_dateline_city_speaks_not_the_city() -> None:
    text = (
        "LIMA (Wire) - Peru's Ministry of National Defense said on Monday the drills were "
        '"purely defensive in nature."'
    )
    assert real_speakers(text) == ["Peruvian Ministry of National Defense"]


@pytest.mark.model
def test_he_after_an_unnamed_official_is_that_official() -> None:
    text = (
        "Peru's President Jorge Salas met the Chilean envoy on Monday.\n\n"
        'An official in Lima said the talks had been "tense but in the end productive." '
        'He added that "no date has been set for the next round."\n\n'
        'Salas later told reporters he was "very hopeful about the outcome."'
    )
    assert real_speakers(text) == [None, None, "Jorge Salas"]


@pytest.mark.model
def test_an_attribution_between_dashes_inside_the_marks() -> None:
    text = (
        "Peru's Foreign Minister Ana Ruiz met Chile's envoy on Monday. "
        '"We discussed the border, - Ruiz told reporters. - Nothing else was on the table."'
    )
    assert real_speakers(text) == ["Ana Ruiz"]


@pytest.mark.model
def test_stated_by_names_the_speaker_of_a_passive_verb() -> None:
    text = (
        "This was stated by Peruvian Foreign Minister Ana Ruiz after a meeting with "
        'Marta Gil, the Chilean ambassador. "We are open to dialogue but not to ultimatums," '
        "she said."
    )
    assert real_speakers(text) == ["Ana Ruiz"]


@pytest.mark.model
def test_the_diplomat_is_the_foreign_ministry_spokesperson_who_spoke_last() -> None:
    text = (
        "LIMA, June 15. /Andina/. Peru will respond to the expulsion of its diplomats, Foreign "
        'Ministry spokeswoman Rosa Vidal said on Monday. "Our response will not be long in '
        'coming," the diplomat stressed.\n\n'
        "Defence Ministry spokesman Carlos Rojas said the drills would go on. "
        '"We will not be intimidated," the diplomat said.'
    )
    assert real_speakers(text) == ["Rosa Vidal", None]


@pytest.mark.model
def test_a_press_release_speaks_for_its_body() -> None:
    text = (
        '"The two leaders agreed to keep their channels open," the Chilean presidency press '
        "release stated.\n\n"
        '"The sides will meet again in the spring," the Kremlin press release said.'
    )
    assert real_speakers(text) == ["Chilean Presidency", "Kremlin"]


@pytest.mark.model
def test_a_run_of_paragraphs_each_a_whole_quote_keeps_its_speaker() -> None:
    text = (
        "Peru's Foreign Minister Ana Ruiz spoke to reporters in Lima on Monday.\n\n"
        '"We have tried everything to reach a deal with Chile," Ruiz said.\n\n'
        '"The fishing fleet cannot wait forever for an answer from Santiago."\n\n'
        '"Our patience has limits and those limits have now been reached."\n\n'
        "The Chilean embassy made no comment."
    )
    assert real_speakers(text) == ["Ana Ruiz"] * 3


@pytest.mark.model
def test_the_ministry_is_the_one_a_spokesperson_named_before_works_for() -> None:
    text = (
        "Chilean Foreign Ministry spokeswoman Rosa Vidal criticised the move on Monday. Later, "
        'the ministry said in a statement that the expulsions were "a hostile act that will '
        'not go unanswered."'
    )
    assert real_speakers(text) == ["Chilean Foreign Ministry"]


@pytest.mark.model
def test_a_bare_foreign_ministry_takes_the_one_state_named_just_before() -> None:
    text = 'Lima\'s response came quickly. "This is a provocation," the Foreign Ministry said.'
    assert real_speakers(text) == ["Peruvian Foreign Ministry"]


@pytest.mark.model
def test_a_name_starting_a_new_sentence_after_a_quote_is_not_its_speaker() -> None:
    text = (
        '"We have agreed to reopen the border," Chilean President Jorge Mena told reporters. '
        '"It is a good day for both nations." Peruvian President Jorge Salas said the deal was '
        '"a first step on a long road."\n\n'
        'Mena spoke again later. "We will not sign anything else." Jorge Mena said.'
    )
    assert real_speakers(text) == ["Jorge Mena", "Jorge Mena", "Jorge Salas", "Jorge Mena"]


@pytest.mark.model
def test_generic_nouns_and_initials_refer_back_to_the_officeholder() -> None:
    text = (
        "Kenya's Principal Secretary for Foreign Affairs Ruth Wanjiru spoke on Saturday.\n\n"
        'The Kenyan top official said the recall was "a consequence of an egregious decision."\n\n'
        'The PS said the move was "an outrageous and provocative act."\n\n'
        "Somalia's reply came on Sunday. The country denied the claims, saying \"no blocks were "
        'offered in the disputed area."'
    )
    assert real_speakers(text) == ["Ruth Wanjiru", "Ruth Wanjiru", "Somali government"]
