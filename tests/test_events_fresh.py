"""Events of fresh articles: the pair a title names.

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code(text)}


def test_the_two_sides_are_the_pair_the_title_names_not_the_mediator() -> None:
    text = (
        "Ghana and Togo agree to end border fighting\n\n"
        "Norway said on Monday that talks it hosted in Norway had ended, and Norway praised "
        "both delegations for their work with Norway's mediators.\n\n"
        "The governments of the two neighbours accused each other of shelling villages on "
        "Sunday."
    )
    got = triples(text)
    assert {("ACCUSE", "GHA", "TGO"), ("ACCUSE", "TGO", "GHA")} <= got, got
    assert not any("NOR" in (s, t) and e == "ACCUSE" for e, s, t in got), got
