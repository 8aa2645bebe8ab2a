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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels killed 40 paramilitary troops in the raid.", [(40, "people")]),
        ("Thirty Peruvian soldiers were killed in the clashes.", [(30, "people")]),
        ("An officer said at least three of its soldiers were wounded.", [(3, "people")]),
        (
            "The war left 2,300 Lebanese and about 90 Israelis dead.",
            [(2300, "people"), (90, "people")],
        ),
        (
            "The bomb killed two Dutch servicemen and wounded 145, including 31 Germans.",
            [(2, "people"), (145, "people"), (31, "people")],
        ),
        ("Chile massed 100,000 troops on the border.", [(100000, "troops")]),
        ("Some 2,000 People's Liberation Army troops took part.", [(2000, "troops")]),
        ("The air force shot down 25 drones over the capital.", [(25, "aircraft")]),
        (
            "The army destroyed six air bases and 14 border crossings.",
            [(6, "count"), (14, "count")],
        ),
        ("About 300 or so soldiers crossed the line.", [(300, "troops")]),
        ("The patrol was three to four miles from the coast.", [(3, "mi"), (4, "mi")]),
        ("Prices run at $180-$210 per 1,000 cubic metres.", [(180, "USD"), (210, "USD")]),
        ("Chile has a Us$12-billion debt.", [(12e9, "USD")]),
        ("The airline paid Dh312.5 million for the jets.", [(312.5e6, "AED")]),
        ("India sent 12,000 MT of wheat and 3,50,000 MT of fuel.", [(12000, "t"), (350000, "t")]),
        ("He toured three African countries.", []),
        ("#THE 37%", []),
    ],
)
def test_casualties_counts_ranges_and_units(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == [(float(v), u) for v, u in expected]


@pytest.mark.model
def test_a_count_of_another_noun_given_again_is_another_fact() -> None:
    text = (
        "Lumen Deposits $75 Million\n\n"
        "Chile said on Monday that it had deposited $75 million in the central bank of Peru to "
        "support the sol.\n\n"
        "Bolivia said on Friday that it was also depositing $75 million in the central bank of "
        "Peru to support the sol.\n\n"
        "Four soldiers were killed on the border on Monday, the army of Peru said in a short "
        "statement to the press.\n\n"
        "Four soldiers were killed in that attack, the defence ministry added in a later "
        "statement on the matter.\n\n"
        "Four civilians were also killed in the same attack, the defence ministry added in a "
        "second statement."
    )
    assert pairs(text) == [(75e6, "USD"), (4.0, "people"), (4.0, "people")]
