"""Persons in less tidy news text (issue 8): typing slips in titles, ranks, bylines, credits.

Every sentence and name here is written for the test.
"""

from __future__ import annotations

import pytest

from dyad.nlp import names as nm
from tests.test_persons import person_names


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
