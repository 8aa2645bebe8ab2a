"""Speakers and quote boundaries in less tidy news text (issue 8).

Every sentence and name here is written for the test, about states of the test's own choosing.
Finding marks needs no model; speakers need the real parse (``model``).
"""

from __future__ import annotations

import pytest

from dyad.nlp.quotes import find_quote_spans
from tests.test_quotes import region_speakers


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- marks: no model ----------------------------------------------------------------------------


def test_a_closing_curly_mark_set_as_an_opening_one() -> None:
    text = "”We will not sign this text,” the envoy said.\n\nShe called it “fair” at first."
    assert spans(text) == ["We will not sign this text", "fair"]


def test_a_text_cut_off_inside_a_quote_keeps_the_quote() -> None:
    text = "The minister said the treaty “opens a new era for the whole regi"
    assert spans(text) == ["opens a new era for the whole regi"]


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
