"""Figures in less tidy news text (issue 8): any string survives, casualties are people,
counts of things, approximate values and ranges.

Every sentence here is written for the test.
"""

from __future__ import annotations

import random

import pytest

from tests.test_figures import pairs


@pytest.mark.model
def test_any_string_is_survived() -> None:
    """Every prefix of a sentence full of numbers (so texts ending in a number, a range or a
    unit), and strings of random pieces."""
    from dyad.nlp.figures import extract_figures
    from dyad.nlp.model import parse

    sentence = (
        "Between 3,000 and 4,000 troops, 12 drones and $4.5 billion: 40 were killed, "
        "about 300 or so fled, three to four miles away, 15% fewer than 2021 and 7"
    )
    texts = [sentence[:n] for n in range(len(sentence) + 1)]
    pieces = [
        "40",
        "3,000",
        "to",
        "and",
        "-",
        "$",
        "%",
        "troops",
        "of",
        "the",
        "killed",
        "or so",
        "between",
        "1.5",
        "billion",
        "Fifty",
        ".",
        ",",
        "\n",
        "”",
        "km",
        "one",
    ]
    rng = random.Random(8)
    texts += [" ".join(rng.choices(pieces, k=rng.randint(1, 8))) for _ in range(80)]
    for text in texts:
        for fig in extract_figures(parse(text), doc_id="t"):
            assert text[fig.provenance.start : fig.provenance.end] == fig.text
