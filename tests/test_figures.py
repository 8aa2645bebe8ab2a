"""Figures: number parsing, amounts with written units, and counts read with the parse.

Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from dyad.models import DateRef, Figure
from dyad.nlp.numbers import find_amounts, find_numbers, lexicon, parse_number

ANCHOR = DateRef("2031-03-10", "day")


def amounts(text: str) -> list[tuple[float, str]]:
    return [(round(a.value, 6), a.unit) for a in find_amounts(text)]


def numbers(text: str) -> list[float]:
    return [n.value for n in find_numbers(text)]


# -- numbers.py: no model needed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "scales", "value"),
    [
        ("240", (), 240.0),
        ("1,120", (), 1120.0),
        ("2.05", ("billion",), 2.05e9),
        ("1.5", ("tn",), 1.5e12),
        ("seven", (), 7.0),
        ("Twenty-one", (), 21.0),
        ("a", ("dozen",), 12.0),
        ("half a", ("million",), 5e5),
        ("500", ("crore",), 5e9),
        ("two", ("hundred", "thousand"), 2e5),
    ],
)
def test_parse_number(number: str, scales: tuple[str, ...], value: float) -> None:
    assert parse_number(number, *scales) == pytest.approx(value)


def test_parse_number_rejects_a_bare_article_and_unknown_words() -> None:
    assert parse_number("a") is None
    assert parse_number("several") is None
    assert parse_number("5", "gazillion") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fund holds $75 billion.", [(75e9, "USD")]),
        ("Exports hit US$3.2tn and later US$ 4 trillion.", [(3.2e12, "USD"), (4e12, "USD")]),
        ("The tower cost HK$880 million.", [(880e6, "HKD")]),
        ("It was sold for 6.3 billion yen.", [(6.3e9, "JPY")]),
        ("Loans of 90 billion yuan and 15 billion roubles.", [(90e9, "CNY"), (15e9, "RUB")]),
        ("A grant of 2 million rubles.", [(2e6, "RUB")]),
        ("Brussels offered €7bn and 300 million euros.", [(7e9, "EUR"), (300e6, "EUR")]),
        ("A 9-billion-yuan swap.", [(9e9, "CNY")]),
        ("London added £45m.", [(45e6, "GBP")]),
        ("Delhi set aside Rs 800 crore and Rs. 25 lakh.", [(8e9, "INR"), (2.5e6, "INR")]),
        ("A ticket costs $9.", [(9.0, "USD")]),
        ("Seoul spent 1.4 trillion won.", [(1.4e12, "KRW")]),
        ("A $60-billion loan.", [(60e9, "USD")]),
        ("Between $3-4 billion.", [(3e9, "USD"), (4e9, "USD")]),  # a range: both bounds
    ],
)
def test_money_with_its_currency(text: str, expected: list[tuple[float, str]]) -> None:
    assert amounts(text) == [(round(v, 6), u) for v, u in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Warsaw set aside 12 billion zlotys.", [(12e9, "PLN")]),
        ("A loan of 40 billion forints and 3 billion koruna.", [(40e9, "HUF"), (3e9, "CZK")]),
        ("Lagos paid 7 billion naira and Accra 90 million cedis.", [(7e9, "NGN"), (90e6, "GHS")]),
        (
            "It cost 2 billion baht, 5 million ringgit and 8 trillion rupiah.",
            [(2e9, "THB"), (5e6, "MYR"), (8e12, "IDR")],
        ),
        ("Astana lent 90 billion tenge; Tbilisi 30 million lari.", [(90e9, "KZT"), (30e6, "GEL")]),
        ("A grant of 400 million Swedish kronor.", [(400e6, "SEK")]),
        ("Kyiv spent 60 billion hryvnias.", [(60e9, "UAH")]),
        ("They gave three real reasons.", []),
    ],
)
def test_currency_words_of_many_states(text: str, expected: list[tuple[float, str]]) -> None:
    assert amounts(text) == [(round(v, 6), u) for v, u in expected]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("WELLINGTON (AP) - New Zealand will spend $2 billion on frigates, officials said.", "NZD"),
        ("Canada's budget sets aside 4 billion Canadian dollars; Ottawa adds $90 million.", "CAD"),
        ("Canberra pays US$1 billion for radars; Australia also pledged $7 billion.", "AUD"),
        ("Australia will pay A$15 billion ($10 billion), Australian officials said.", "USD"),
        ("Canada taxes 90 billion Canadian dollars ($62 billion) of goods, Canada said.", "USD"),
        ("The United States and Australia agreed a $5 billion deal, US officials said.", "USD"),
        (
            "Argentina will repay 90 billion pesos, Argentine officials told Argentina's press.",
            "ARS",
        ),
    ],
)
def test_a_bare_dollar_is_the_articles_own(text: str, unit: str) -> None:
    assert amounts(text)[-1][1] == unit


def test_currency_codes_need_their_case() -> None:
    assert amounts("They try 5 times and sar 3 days.") == []
    assert amounts("A credit of SAR 40 million.") == [(40e6, "SAR")]


def test_won_as_a_verb_is_not_money() -> None:
    assert amounts("The home side won 3 matches.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("Turnout was 71%.", 71.0), ("Up 18 percent.", 18.0), ("Down 4.5 per cent.", 4.5)],
)
def test_percentages(text: str, value: float) -> None:
    assert amounts(text) == [(value, "percent")]


def test_fractions_and_vague_shares_are_not_percentages() -> None:
    assert amounts("Sales rose by one-third, then by a quarter.") == []


def test_distances_and_volumes() -> None:
    text = "A 1,200-mile (1,900-kilometer) canal moves 22 billion cubic meters a year."
    assert amounts(text) == [(1200.0, "mi"), (1900.0, "km"), (22e9, "m3")]
    assert amounts("Output was 2.5 million barrels per day and 40 bcm.") == [
        (2.5e6, "barrels"),
        (40e9, "m3"),
    ]


def test_hyphenated_percent_strong_forces_and_death_tolls() -> None:
    assert amounts("A 15-percent duty.") == [(15.0, "percent")]
    assert amounts("A 6,000-strong peacekeeping force.") == [(6000.0, "troops")]
    assert amounts("A 6,000-strong crowd.") == []
    assert amounts("The death toll climbed to 87 on Sunday.") == [(87.0, "people")]


def test_small_measurements_and_speeds_are_not_distances() -> None:
    small = find_amounts("A 30-centimeter stone, a 3 meter wall and 152 mm shells.")
    assert [(a.value, a.kind) for a in small] == [(30, "ignored"), (3, "ignored"), (152, "ignored")]
    assert amounts("The train runs at 300 km/h.") == []
    assert [a.kind for a in find_amounts("A 7,000-ton frigate.")] == ["ignored"]
    assert amounts("It shipped 7,000 tons of grain.") == [(7000.0, "t")]


def test_bare_numbers_skip_codes_times_ranges_and_ordinals() -> None:
    text = "The MiG-31, the G8, the 41st, at 11:45, in 1939-1945, one-on-one, pages 4-7."
    assert numbers(text) == []


def test_bare_numbers_skip_names_with_a_leading_zero() -> None:
    assert numbers("the Type 054 frigates") == []


def test_bare_numbers_skip_vague_quantities() -> None:
    assert numbers("hundreds of thousands of people, tens of millions, No. 3") == []


def test_bare_numbers_are_found() -> None:
    assert numbers("Some 8,500 troops, eleven tanks and a dozen ships.") == [8500.0, 11.0, 12.0]


def test_the_lexicon_maps_nouns_and_currencies() -> None:
    lex = lexicon()
    assert lex.nouns["soldiers"] == "troops"
    assert lex.nouns["frigates"] == "ships"
    assert lex.nouns["helicopters"] == "aircraft"
    assert lex.nouns["drones"] == "aircraft"  # SPEC: drones are aircraft
    assert lex.currency_prefixes["HK$"] == "HKD"
    assert lex.currency_words["roubles"] == "RUB"


# -- extract_figures: with the model -----------------------------------------------------------


def figures(text: str, published: DateRef | None = ANCHOR) -> list[Figure]:
    from dyad.nlp.figures import extract_figures
    from dyad.nlp.model import parse

    return extract_figures(parse(text), doc_id="t", published=published)


def pairs(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures(text)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The navy sent three frigates and two destroyers.", [(3, "ships"), (2, "ships")]),
        ("Some 9,000 soldiers crossed the river.", [(9000, "troops")]),
        (
            "Officials reported 45 civilians and one child among the dead.",
            [(45, "people"), (1, "people")],
        ),
        ("At least one child was hurt in the blast.", [(1, "people")]),
        ("The strike killed six members of a militia.", [(6, "people")]),
        ("Five senior Canadian officials attended the dinner.", [(5, "people")]),
        ("The air force ordered 18 J-10C fighters.", [(18, "aircraft")]),
        ("It will buy 8 F-35 jets and 6 helicopters.", [(8, "aircraft"), (6, "aircraft")]),
        ("The three coast guard cutters returned home.", [(3, "ships")]),
        ("More than 300 rockets and drones were launched.", [(300, "count")]),
        ("Exporters need licences for some 850 chemical items.", [(850, "count")]),
        ("Some 31 heads of state came to the funeral.", [(31, "people")]),
        ("The convoy carried 90,000 rounds of ammunition.", [(90000, "count")]),
        ("On Sunday 14 sailors were rescued.", [(14, "troops")]),
        ("On May 9 three journalists were detained.", [(3, "people")]),
        ("Police held 40 Britons and 2 Canadians.", [(40, "people"), (2, "people")]),
        ("Between 2,000 and 3,000 troops will stay.", [(2000, "troops"), (3000, "troops")]),
        ("Some 600 to 800 marines landed.", [(600, "troops")]),
        ("The fleet grew from 10 to 12 ships.", [(12, "ships")]),
        # SPEC: casualties are people, not troops
        ("Nine sailors died on deck and four more were missing.", [(9, "people"), (4, "people")]),
        (
            "Police said 30 residents were hurt and six others fled.",
            [(30, "people"), (6, "people")],
        ),
        ("Around 25 masked gunmen stormed the post.", [(25, "people")]),
        ("The carrier flew 20 Boeing 777 planes.", [(20, "aircraft")]),
    ],
)
def test_counts_with_their_unit(text: str, expected: list[tuple[float, str]]) -> None:
    assert pairs(text) == [(float(v), u) for v, u in expected]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The 66-year-old minister arrived for a three-day visit.",
        "They met for a 3½-hour session after 12 years of talks.",
        "The talks marked 50 years of ties, the 12th such round.",
        "In 1998 the two states signed a pact; in 2004 they renewed it.",
        "The two leaders met, and both sides praised the two countries' ties.",
        "The two presidents spoke by phone four times last year.",
        "Two senior officials told reporters the plan was dead.",
        "One diplomat said no one had been informed.",
        "It was one of the largest drills; the one-on-one lasted long.",
        "The motion passed with 11 members in favour.",
        "The union has 19 members.",
        "He toured four African countries and three provinces.",
        "The Su-30 and the S-300 were shown under Resolution 1441.",
        "Hundreds of soldiers and dozens of tanks moved north.",
        "They met at 4 p.m. on Sept. 14 in hall 3.",
        "The convoy passed a 40-centimeter-high barrier.",
        "They sent 152 mm shells, Javelin missiles and rifles.",
        "In 2015 Iranian troops entered the valley.",
        "The treaty speaks of friendship between the two peoples.",
        "The reserve covers 12,000 sq km, or 4,600 square miles, and 300 hectares of marsh.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.model
def test_page_furniture_prices_are_skipped() -> None:
    text = "Liked this story? Subscribe for unlimited access.\n\nOnly $3 a month."
    assert figures(text) == []
    assert pairs("The ferry ticket costs $3 a trip.") == [(3.0, "USD")]
    assert pairs("Market access improved as crude fell to $48 a barrel.") == [(48.0, "USD")]


@pytest.mark.model
def test_money_percent_and_distance_figures() -> None:
    text = (
        "Trade climbed by one-fifth to a record $96 billion, and gas met about 35% of demand "
        "along a 1,300-mile (2,100-kilometer) frontier."
    )
    assert pairs(text) == [
        (96e9, "USD"),
        (35.0, "percent"),
        (1300.0, "mi"),
        (2100.0, "km"),
    ]


@pytest.mark.model
def test_values_are_exact() -> None:
    assert pairs("It paid 4.07 billion yen.") == [(4070000000.0, "JPY")]


@pytest.mark.model
def test_year_of_a_figure() -> None:
    found = figures("Bilateral trade rose to $31 billion last year.")
    assert [(f.year, f.measure) for f in found] == [(2030, "Bilateral trade")]
    found = figures("They aim at $50 billion in trade by 2035.")
    assert [(f.year, f.measure) for f in found] == [(2035, "trade")]
    found = figures("Sales reached $8 billion in 2029, up 41 percent from 2026.")
    assert [f.year for f in found] == [2029, 2029]
    assert [f.year for f in figures("Sales rose to $8 billion last year.", None)] == [None]


@pytest.mark.model
def test_provenance_and_text() -> None:
    text = "First line.\n\nThe port took in 14 tankers on Monday."
    (fig,) = figures(text)
    assert fig.text == "14 tankers"
    assert text[fig.provenance.start : fig.provenance.end] == fig.text
    assert fig.provenance.sentence.startswith("The port took in 14 tankers")
    assert fig.provenance.doc_id == "t"


@pytest.mark.model
def test_each_amount_once_per_document() -> None:
    text = "A $12 Billion Deal\n\nThey signed a deal worth $12 billion in 2030."
    found = figures(text)
    assert [(f.value, f.unit, f.year) for f in found] == [(12e9, "USD", 2030)]


@pytest.mark.model
def test_possessor_is_not_the_counted_noun() -> None:
    assert figures("Incidents between the two navies' ships have grown.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fuel sold for between 4.5 and 6 euros a litre.", [(4.5, "EUR"), (6, "EUR")]),
        ("Losses ran between 2 and 3 billion US dollars.", [(2e9, "USD"), (3e9, "USD")]),
        ("The scheme will cost almost half a billion pounds.", [(5e8, "GBP")]),
        ("The fund lost a quarter of a million rupees.", [(250000, "INR")]),
        ("The islands recorded more than 3,10,000 arrivals.", [(310000, "people")]),
        (
            "The bill passed with 212 deputies voting in favour, 40 against and three abstained.",
            [(212, "people"), (40, "people"), (3, "people")],
        ),
        ("Twelve miners were trapped, five of them with burns.", [(12, "people"), (5, "people")]),
        ("Nearly 1,500 have crossed the strait so far this year.", [(1500, "people")]),
        ("Trucks carried 2,000 pounds of explosives.", []),
        ("'We are one single people,' the mayor of Tarnow said.", []),
    ],
)
def test_ranges_fractions_votes_and_implied_counts(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert pairs(text) == [(float(v), u) for v, u in expected]
