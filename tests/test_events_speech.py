"""Events told by verbs of speaking and asking: "X told Y ...", "X told Y to ...". Sentences
are written for these tests; the fakes are those of ``test_events``.
"""

from __future__ import annotations

import pytest

from tests.test_events import code, keys

pytestmark = pytest.mark.model


def test_telling_an_official_of_another_state_is_a_talk() -> None:
    text = "The Peruvian foreign minister told his Chilean counterpart on Tuesday that all is well."
    assert ("CONSULT", "PER", "CHL", "2023-05-09") in keys(code(text))


def test_telling_the_press_or_a_body_is_no_talk() -> None:
    assert not code("The Peruvian president told Chilean reporters on Tuesday that he wanted calm.")
    text = "The Peruvian president told the European Union on Tuesday that he wanted calm."
    assert not [e for e in code(text) if e.type == "CONSULT"]


def test_telling_another_state_to_act_is_a_request_not_the_act() -> None:
    found = keys(code("Peru told Chile on Tuesday to lift its sanctions on Peruvian fruit."))
    assert found == {("REQUEST", "PER", "CHL", "2023-05-09")}


def test_demanding_that_another_state_act_is_a_request_of_it() -> None:
    found = keys(code("Chad demanded on Tuesday that Niger withdraw its troops."))
    assert found == {("REQUEST", "TCD", "NER", "2023-05-09")}
    assert not code("Chad demanded on Tuesday that the rebels leave.")
