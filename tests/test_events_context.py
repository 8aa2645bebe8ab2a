"""Events told around their clause: a passive that shares its subject with the verb before,
a deal signed by both sides in turn, and the like.

Sentences are written for these tests, about states of several continents; state mentions
come from the fakes of ``test_events``. They need the spaCy model.
"""

from __future__ import annotations

import pytest

from tests.test_events import code

pytestmark = pytest.mark.model


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president and his foreign minister landed in Kampala on Monday and were "
        "greeted by Uganda's president.",
        "Norway's prime minister crossed the bridge on Monday and was welcomed by Sweden's "
        "prime minister.",
    ],
)
def test_a_passive_sharing_its_subject_hosts_the_visitors(text: str) -> None:
    got = {(t, *sorted((s, o))) for t, s, o in triples(text)}
    assert any(t == "CONSULT" for t, *_ in got), got
