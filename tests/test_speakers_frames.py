"""Speakers of documents, outlets and bodies, and quote marks set the wrong way (issue 8).

Every sentence and name here is written for the test, about states of the test's own choosing.
Finding marks needs no model; speakers need the real parse (``model``).
"""

from __future__ import annotations

from dyad.nlp.quotes import find_quote_spans


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- marks: no model ----------------------------------------------------------------------------


def test_an_opening_curly_mark_set_as_a_closing_one() -> None:
    text = (
        "“Talks with Lumen will resume in the spring,“ the envoy said.\n\n"
        "„Wir bleiben“ was all the Austrian minister said: “We stay.“"
    )
    assert spans(text) == ["Talks with Lumen will resume in the spring", "Wir bleiben", "We stay."]
