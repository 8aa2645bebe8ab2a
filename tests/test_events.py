"""PLOVER event coding: the lexicon, actors, dates, merging and scores.

State mentions, persons and time expressions come from small fakes defined here (so these
tests pin what ``dyad.events`` does with its inputs, not what the finders find). Sentences are
written for the tests, about many pairs of states. Tests that parse need the spaCy model.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from dyad.errors import DyadError
from dyad.events.coder import EventTools, TimeIndex, extract_events
from dyad.events.cues import load_lexicon, load_scores, parse_lexicon, parse_scores
from dyad.events.dates import compatible, is_after
from dyad.events.merge import Draft, Merger
from dyad.models import PLOVER_TYPES, DateRef, Event, Person, Provenance

PUBLISHED = DateRef("2023-05-10", "day")  # a Wednesday

NAMES: dict[str, tuple[str, str]] = {
    "Kenya": ("KEN", "name"),
    "Kenyan": ("KEN", "demonym"),
    "Nairobi": ("KEN", "capital"),
    "Ethiopia": ("ETH", "name"),
    "Addis Ababa": ("ETH", "capital"),
    "Uganda": ("UGA", "name"),
    "Ugandan": ("UGA", "demonym"),
    "Ugandans": ("UGA", "demonym"),
    "India": ("IND", "name"),
    "Pakistan": ("PAK", "name"),
    "Geneva": ("CHE", "capital"),
    "Brazil": ("BRA", "name"),
    "Argentina": ("ARG", "name"),
    "Chad": ("TCD", "name"),
    "Niger": ("NER", "name"),
    "European Union": ("EU", "organisation"),
    "Belarus": ("BLR", "name"),
    "Venezuela": ("VEN", "name"),
    "Guyana": ("GUY", "name"),
    "Egypt": ("EGY", "name"),
    "Japan": ("JPN", "name"),
    "China": ("CHN", "name"),
    "Chinese": ("CHN", "demonym"),
    "Colombia": ("COL", "name"),
    "Iran": ("IRN", "name"),
    "France": ("FRA", "name"),
    "Serbia": ("SRB", "name"),
    "Russia": ("RUS", "name"),
    "Thailand": ("THA", "name"),
    "Cambodia": ("KHM", "name"),
    "Germany": ("DEU", "name"),
    "Poland": ("POL", "name"),
    "Greek": ("GRC", "demonym"),
    "Turkey": ("TUR", "name"),
    "Ukrainian": ("UKR", "demonym"),
    "Armenia": ("ARM", "name"),
    "Azerbaijan": ("AZE", "name"),
    "United States": ("USA", "name"),
    "Cuba": ("CUB", "name"),
    "Indonesia": ("IDN", "name"),
    "ASEAN": ("ASEAN", "organisation"),
    "Vietnam": ("VNM", "name"),
    "Laos": ("LAO", "name"),
    "Peru": ("PER", "name"),
    "Chile": ("CHL", "name"),
    "Ghana": ("GHA", "name"),
    "Togo": ("TGO", "name"),
    "Nigeria": ("NGA", "name"),
    "Cameroon": ("CMR", "name"),
    "Eritrea": ("ERI", "name"),
    "Norway": ("NOR", "name"),
    "Sweden": ("SWE", "name"),
    "Denmark": ("DNK", "name"),
    "Mexico": ("MEX", "name"),
    "Canada": ("CAN", "name"),
    "Morocco": ("MAR", "name"),
    "Algeria": ("DZA", "name"),
    "Bolivia": ("BOL", "name"),
    "Paraguay": ("PRY", "name"),
    "Chadian": ("TCD", "demonym"),
    "Ethiopian": ("ETH", "demonym"),
    "Eritrean": ("ERI", "demonym"),
    "Sudan": ("SDN", "name"),
    "Qatar": ("QAT", "name"),
    "Nepal": ("NPL", "name"),
    "Kazakhstan": ("KAZ", "name"),
    "Chilean": ("CHL", "demonym"),
    "Peruvian": ("PER", "demonym"),
}
OFFICIALS: dict[str, str] = {"Amara Okonjo": "KEN", "Okonjo": "KEN", "Lars Dahl": "NOR"}
TIMES: dict[str, DateRef] = {
    "on Tuesday": DateRef("2023-05-09", "day"),
    "on Friday": DateRef("2023-05-05", "day"),
    "in 2015": DateRef("2015", "year"),
    "in March": DateRef("2023-03", "month"),
    "last year": DateRef("2022", "year"),
    "by 2030": DateRef("2030", "year"),
    "since April 2021": DateRef("2021-04", "month"),
    "since 2015": DateRef("2015", "year"),
}


@dataclass(frozen=True)
class FakeMention:
    start: int
    end: int
    text: str
    code: str
    kind: str


@dataclass(frozen=True)
class FakeTime:
    start: int
    end: int
    text: str
    date: DateRef | None
    kind: str = "fake"


class FakeGazetteer:
    def state_code(self, mention: str) -> str | None:
        hit = NAMES.get(mention)
        return hit[0] if hit else None


@dataclass
class FakePersons:
    persons: list[Person]


def _spans(text: str, phrases: Sequence[str], flags: int = 0) -> list[tuple[int, int, str]]:
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags):
            if not any(s < m.end() and m.start() < e for s, e, _ in out):
                out.append((m.start(), m.end(), phrase))
    return sorted(out)


def fake_mentions(doc: Any, gazetteer: Any, *, on: date | None = None) -> list[FakeMention]:
    return [FakeMention(s, e, p, *NAMES[p]) for s, e, p in _spans(doc.text, list(NAMES))]


def fake_times(text: str, anchor: DateRef | None) -> list[FakeTime]:
    spans = _spans(text, list(TIMES), re.IGNORECASE)
    return [FakeTime(s, e, text[s:e], TIMES[p]) for s, e, p in spans]


def fake_resolve(
    text: str,
    anchor: DateRef | None,
    *,
    future: bool = False,
    reference: DateRef | None = None,
) -> DateRef | None:
    if text == "four months later" and reference is not None and reference.precision != "year":
        year, month = int(reference.date[:4]), int(reference.date[5:7]) + 4
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return DateRef(f"{year:04d}-{month:02d}", "month")
    counted = re.fullmatch(r"(a|two) days? earlier", text)
    if counted and reference is not None and reference.precision == "day":
        back = date.fromordinal(date.fromisoformat(reference.date).toordinal() - 1)
        back = back if counted.group(1) == "a" else date.fromordinal(back.toordinal() - 1)
        return DateRef(back.isoformat(), "day")
    if text == "on Tuesday" and future:
        return DateRef("2023-05-16", "day")
    return {k.lower(): v for k, v in TIMES.items()}.get(text.lower())


def fake_times_with_later(text: str, anchor: DateRef | None) -> list[FakeTime]:
    found = fake_times(text, anchor)
    for m in re.finditer("four months later|(?:a|two) days? after", text):
        found.append(FakeTime(m.start(), m.end(), m.group(), None))
    return sorted(found, key=lambda t: t.start)


TOOLS = EventTools(fake_mentions, fake_times_with_later, fake_resolve)


def persons_of(text: str) -> FakePersons:
    people = []
    for name in ("Amara Okonjo", "Lars Dahl"):
        provs = tuple(Provenance("t", s, e) for s, e, p in _spans(text, [name, name.split()[-1]]))
        if provs:
            people.append(Person(name, "president", None, OFFICIALS[name], provs))
    return FakePersons(people)


def code(text: str, published: DateRef | None = PUBLISHED) -> list[Event]:
    from dyad.nlp.model import parse

    doc = parse(text)
    return extract_events(
        doc,
        doc_id="t",
        published=published,
        persons=persons_of(text),
        gazetteer=FakeGazetteer(),
        tools=TOOLS,
    )


def keys(events: list[Event]) -> set[tuple[str, str, str, str | None]]:
    return {(e.type, e.source, e.target, e.date.date if e.date else None) for e in events}


# -- the lexicon and the scores (no model) ------------------------------------------------------


def test_lexicon_has_cues_for_every_type() -> None:
    lex = load_lexicon()
    types = {c.type for cues in lex.cues.values() for c in cues}
    assert types == set(PLOVER_TYPES)
    assert "hold" in lex.light_source and "face" in lex.light_target
    assert "will" in lex.status_words("planned", "AUX")
    assert "if" in lex.status_words("hypothetical", "SCONJ")


def test_lexicon_rejects_unknown_types_and_requirements() -> None:
    header = "kind\tlabel\tmode\tpos\tlemma\trequires\tflags\tcameo\n"
    with pytest.raises(DyadError, match="not a PLOVER type"):
        parse_lexicon(header + "event\tHUG\t\tVERB\thug\t\t-\t-\n")
    with pytest.raises(DyadError, match="unknown requirement"):
        parse_lexicon(header + "event\tAID\t\tVERB\tgive\tcolour:red\t-\t-\n")
    lex = parse_lexicon(header + "# a comment\nevent\tAID\t\tVERB\tgive\tobj:aid|loan\t-\t070\n")
    (cue,) = lex.candidates("give", "VERB")
    assert cue.type == "AID" and cue.requires[0].lemmas == frozenset({"aid", "loan"})


def test_scores_come_from_the_plover_table() -> None:
    scores = load_scores()
    assert scores.score("CONSULT", "visit") == 4
    assert scores.score("ASSAULT", "drone") == -9.5
    assert scores.score("ASSAULT", "no-such-mode") == -9
    assert scores.score("AID") == 10
    assert all(scores.score(t) != 0 or t == "REQUEST" for t in PLOVER_TYPES)
    with pytest.raises(DyadError, match="no score"):
        parse_scores("type\tmode\tscore\nAID\t\t10\n")


def test_the_time_index_answers_as_a_scan_of_the_document() -> None:
    rng = random.Random(7)
    for _ in range(300):
        times = [
            FakeTime(s, s + 3, "x", None)
            for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))
        ]
        index = TimeIndex(times)
        for start, end in ((rng.randint(0, 70), rng.randint(0, 70)) for _ in range(10)):
            scan = [t for t in times if start <= t.start < end]
            assert [id(t) for t in index.within(start, end)] == [id(t) for t in scan]


def test_date_comparisons() -> None:
    assert compatible(DateRef("2021", "year"), DateRef("2021-04-06", "day"))
    assert not compatible(DateRef("2021-05", "month"), DateRef("2021-04-06", "day"))
    assert is_after(DateRef("2024", "year"), DateRef("2023-05-10", "day"))
    assert not is_after(DateRef("2023", "year"), DateRef("2023-05-10", "day"))


# -- merging (no model) -------------------------------------------------------------------------


def _draft(
    type_: str,
    date_: str,
    *,
    explicit: bool = True,
    status: str = "occurred",
    where: int = 0,
    source: str = "KEN",
    target: str = "UGA",
    weight: int = 2,
) -> Draft:
    precision = {4: "year", 7: "month", 10: "day"}[len(date_)]
    prov = Provenance("t", where, where + 10, f"sentence {where}")
    return Draft(
        type_,
        source,
        target,
        status,  # type: ignore[arg-type]
        DateRef(date_, precision),  # type: ignore[arg-type]
        explicit,
        f"sentence {where}",
        prov,
        None,
        weight,
    )


def test_repeated_mentions_merge_with_all_their_sentences() -> None:
    m = Merger()
    m.add(_draft("CONSULT", "2023-05-09", where=0))
    m.add(_draft("CONSULT", "2023-05-09", where=50, source="UGA", target="KEN"))
    (event,) = m.events(load_scores())
    assert len(event.provenance) == 2 and event.event_id == "2023-05-09/CONSULT/KEN-UGA"


def test_a_later_vaguer_mention_merges_into_the_precise_one() -> None:
    m = Merger()
    m.add(_draft("CONSULT", "2023-03-14", where=0))
    assert m.add(_draft("CONSULT", "2023", where=50)) == DateRef("2023-03-14", "day")
    assert len(m.events(load_scores())) == 1


def test_two_explicitly_dated_mentions_stay_apart() -> None:
    m = Merger()
    m.add(_draft("CONSULT", "2022", where=0))  # "two calls last year"
    m.add(_draft("CONSULT", "2022-12", where=50))  # "a call in December"
    assert len(m.events(load_scores())) == 2


def test_a_default_dated_mention_takes_a_later_precise_date() -> None:
    m = Merger()
    m.add(_draft("AGREE", "2023", explicit=False, weight=1, where=0))
    m.add(_draft("AGREE", "2023-05-09", where=50))
    (event,) = m.events(load_scores())
    assert event.date == DateRef("2023-05-09", "day")


def test_directed_events_of_each_side_stay_apart() -> None:
    m = Merger()
    m.add(_draft("SANCTION", "2023-05-09", source="KEN", target="UGA"))
    m.add(_draft("SANCTION", "2023-05-09", source="UGA", target="KEN", where=50))
    assert len(m.events(load_scores())) == 2


def test_a_plan_and_an_explicit_occurrence_stay_apart() -> None:
    m = Merger()
    m.add(_draft("AGREE", "2030", status="planned"))
    m.add(_draft("AGREE", "2030", status="occurred", where=50))
    assert len(m.events(load_scores())) == 2


# -- coding sentences (model) -------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenyan President Amara Okonjo visited Addis Ababa on Tuesday for talks on trade.",
            ("CONSULT", "KEN", "ETH", "2023-05-09"),
        ),
        (
            "India and Pakistan held talks in Geneva on Tuesday.",
            ("CONSULT", "IND", "PAK", "2023-05-09"),
        ),
        (
            "Brazil signed a trade agreement with Argentina on Tuesday.",
            ("AGREE", "BRA", "ARG", "2023-05-09"),
        ),
        ("Chad launched missiles at Niger on Tuesday.", ("ASSAULT", "TCD", "NER", "2023-05-09")),
        (
            "The European Union imposed new sanctions on Belarus on Tuesday.",
            ("SANCTION", "EU", "BLR", "2023-05-09"),
        ),
        (
            "Venezuela deployed troops to its border with Guyana on Tuesday.",
            ("MOBILIZE", "VEN", "GUY", "2023-05-09"),
        ),
        ("Egypt warned Ethiopia on Tuesday.", ("THREATEN", "EGY", "ETH", "2023-05-09")),
        (
            "Colombia accused Iran on Tuesday of smuggling weapons.",
            ("ACCUSE", "COL", "IRN", "2023-05-09"),
        ),
        (
            "Serbia sided with Russia at a vote on Tuesday.",
            ("SUPPORT", "SRB", "RUS", "2023-05-09"),
        ),
        (
            "Thailand and Cambodia held joint naval exercises on Tuesday.",
            ("COOPERATE", "THA", "KHM", "2023-05-09"),
        ),
        ("Germany supplied tanks to Poland on Tuesday.", ("AID", "DEU", "POL", "2023-05-09")),
        (
            "Greek protesters marched against Turkey's policies on Tuesday.",
            ("PROTEST", "GRC", "TUR", "2023-05-09"),
        ),
        (
            "Russia seized three Ukrainian ships on Tuesday.",
            ("COERCE", "RUS", "UKR", "2023-05-09"),
        ),
        (
            "Armenia withdrew its troops from Azerbaijan on Tuesday.",
            ("RETREAT", "ARM", "AZE", "2023-05-09"),
        ),
        (
            "The United States lifted sanctions on Cuba on Tuesday.",
            ("RETREAT", "USA", "CUB", "2023-05-09"),
        ),
        (
            "Morocco rejected a proposal from Algeria on Tuesday.",
            ("REJECT", "MAR", "DZA", "2023-05-09"),
        ),
        (
            "Japan urged China on Tuesday to release the detained fishermen.",
            ("REQUEST", "JPN", "CHN", "2023-05-09"),
        ),
    ],
)
def test_each_type_family(text: str, expected: tuple[str, str, str, str]) -> None:
    events = code(text)
    assert expected in keys(events), keys(events)
    assert all(e.type == expected[0] for e in events), keys(events)


@pytest.mark.model
def test_multilateral_meeting() -> None:
    (event,) = code("Indonesia attended the ASEAN summit on Tuesday.")
    assert (event.type, event.source, event.target) == ("CONSULT", "IDN", "ASEAN")
    assert event.mode == "multilateral" and event.score == 4


@pytest.mark.model
def test_a_meeting_of_officials_is_between_their_states() -> None:
    text = "Amara Okonjo met Lars Dahl in Nairobi on Friday to discuss fisheries."
    (event,) = code(text)
    assert (event.type, {event.source, event.target}) == ("CONSULT", {"KEN", "NOR"})
    assert event.date == DateRef("2023-05-05", "day")
    assert event.provenance[0].sentence == text


@pytest.mark.model
def test_the_two_countries_are_the_articles_main_pair() -> None:
    text = (
        "Bolivia and Paraguay have argued over river rights for decades. "
        "Bolivia says the dam harms its farmers, and Paraguay says it does not. "
        "On Tuesday the two countries signed a deal on shared water management in 2015 terms."
    )
    events = code(text)
    assert ("AGREE", "BOL", "PRY") in {(e.type, e.source, e.target) for e in events}


@pytest.mark.model
def test_a_state_acting_on_itself_is_no_event() -> None:
    assert code("Kenya hosted Kenyan athletes in Nairobi on Tuesday.") == []


@pytest.mark.model
def test_a_demonym_on_a_non_agent_is_no_actor() -> None:
    assert code("Chinese scholars criticized Japan on Tuesday.") == []


@pytest.mark.model
def test_background_keeps_its_own_past_date() -> None:
    text = (
        "Relations between Kenya and Uganda have warmed this spring, officials in both "
        "capitals said on Wednesday after a week of meetings. In 2015, Kenya signed a "
        "railway agreement with Uganda."
    )
    assert ("AGREE", "KEN", "UGA", "2015") in keys(code(text))


@pytest.mark.model
def test_counting_from_the_previous_event() -> None:
    text = (
        "Okonjo visited Uganda in March, and the Ugandan president visited Kenya four "
        "months later, the first such exchange in a decade."
    )
    got = keys(code(text))
    assert ("CONSULT", "KEN", "UGA", "2023-03") in got
    assert ("CONSULT", "UGA", "KEN", "2023-07") in got


@pytest.mark.model
def test_present_perfect_background_takes_the_year() -> None:
    text = (
        "Officials in Nairobi said on Wednesday that the new road would open next month, "
        "and business leaders cheered. Kenya has expanded trade with Uganda, officials said."
    )
    assert ("COOPERATE", "KEN", "UGA", "2023") in keys(code(text))


@pytest.mark.model
def test_mentions_of_one_meeting_merge() -> None:
    text = (
        "Kenyan President Amara Okonjo met Ugandan officials in Kampala on Tuesday to discuss "
        "a long-delayed railway project and cross-border trade. "
        "Okonjo's meeting with Uganda ended without a joint statement."
    )
    consults = [e for e in code(text) if e.type == "CONSULT"]
    assert len(consults) == 1 and len(consults[0].provenance) == 2


@pytest.mark.model
def test_a_definite_mention_dates_the_meeting_before_it() -> None:
    text = (
        "Officials from Kenya, Uganda and Ethiopia met in Geneva to settle a dispute over "
        "water rights that has lasted for years. The talks ended on Tuesday without a deal."
    )
    got = keys(code(text))
    assert {("CONSULT", "KEN", "UGA", "2023-05-09"), ("CONSULT", "KEN", "ETH", "2023-05-09")} <= got


@pytest.mark.model
def test_a_headline_is_dated_to_the_month_and_merges_with_the_lead() -> None:
    text = (
        "Chad launches missiles at Niger\n\n"
        "Chad launched missiles at Niger on Tuesday, officials in both capitals said, in the "
        "worst escalation between the neighbours in a decade."
    )
    (event,) = code(text)
    assert event.date == DateRef("2023-05-09", "day") and len(event.provenance) == 2


@pytest.mark.model
def test_their_first_meeting_since_an_earlier_one() -> None:
    text = (
        "Amara Okonjo and Lars Dahl hold their first meeting since a summit in Geneva in 2015 "
        "on Tuesday, officials in Nairobi said after weeks of preparations for the visit."
    )
    got = keys(code(text))
    assert ("CONSULT", "KEN", "NOR", "2015") in got
    assert not any(k[0] == "CONSULT" and "CHE" in k[1:3] for k in got)


@pytest.mark.model
def test_the_speaker_of_reported_speech_is_it() -> None:
    text = "Egypt, which has quarrelled with Ethiopia for years, said it stood with Kenya."
    assert {(e.type, e.source, e.target) for e in code(text)} == {("SUPPORT", "EGY", "KEN")}


@pytest.mark.model
def test_the_make_of_a_weapon_is_no_recipient() -> None:
    got = {(e.type, e.source, e.target) for e in code("Chad launched Ugandan drones at Niger.")}
    assert got == {("ASSAULT", "TCD", "NER")}


@pytest.mark.model
def test_an_event_before_a_dated_clause_keeps_only_the_month() -> None:
    text = (
        "Venezuela sent troops to its border on Tuesday after Guyana signed an oil agreement "
        "with Brazil, officials in both countries said in statements issued overnight."
    )
    got = keys(code(text))
    assert ("AGREE", "GUY", "BRA", "2023-05") in got


@pytest.mark.model
def test_with_dyads_own_finders() -> None:
    """The real finders satisfy the protocols (state mentions, time expressions)."""
    from dyad.nlp.model import parse
    from dyad.resolve.gazetteer import Gazetteer

    doc = parse("Kenya and Uganda signed a trade agreement on Tuesday in Nairobi.")
    events = extract_events(
        doc, doc_id="t", published=PUBLISHED, persons=None, gazetteer=Gazetteer.load()
    )
    assert keys(events) == {("AGREE", "KEN", "UGA", "2023-05-09")}


@pytest.mark.model
def test_a_place_named_before_an_officials_words_is_no_event() -> None:
    # a preposition is no event cue: where an official spoke is no visit the text tells of
    text = "In Addis Ababa on Tuesday, Amara Okonjo declined to comment on the dam."
    assert keys(code(text)) == set()


@pytest.mark.model
def test_a_dateline_city_does_not_hide_the_subject() -> None:
    text = "NAIROBI (Reuters) - Kenya and Uganda signed a railway agreement on Tuesday."
    assert ("AGREE", "KEN", "UGA", "2023-05-09") in keys(code(text))


@pytest.mark.model
def test_blocking_goods_of_a_state_is_a_sanction() -> None:
    assert keys(code("Kenya blocked Ugandan sugar on Tuesday.")) == {
        ("SANCTION", "KEN", "UGA", "2023-05-09")
    }


# -- cues and arguments beyond the first corpus ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thailand and Cambodia clashed along the border on Tuesday.",
            {("ASSAULT", "THA", "KHM")},
        ),
        (
            "Two Chadian soldiers were killed in a clash with troops from Niger on Tuesday.",
            {("ASSAULT", "TCD", "NER")},
        ),
        ("Ethiopian troops fired on Eritrean positions on Tuesday.", {("ASSAULT", "ETH", "ERI")}),
        (
            "Chile broke off diplomatic relations with Peru on Tuesday.",
            {("SANCTION", "CHL", "PER")},
        ),
        ("Ghana closed its border with Togo on Tuesday.", {("SANCTION", "GHA", "TGO")}),
        ("Canada retaliated with tariffs on Mexico on Tuesday.", {("SANCTION", "CAN", "MEX")}),
        ("Mexico paused its tariffs on Canada on Tuesday.", {("CONCEDE", "MEX", "CAN")}),
        ("Egypt held air exercises with France on Tuesday.", {("COOPERATE", "EGY", "FRA")}),
        ("Amara Okonjo and Lars Dahl spoke by phone on Tuesday.", {("CONSULT", "KEN", "NOR")}),
        ("Qatar hosted talks between Sudan and Chad on Tuesday.", {("CONSULT", "SDN", "TCD")}),
        (
            "Norway mediated between Colombia and Venezuela on Tuesday.",
            {("CONSULT", "NOR", "COL"), ("CONSULT", "NOR", "VEN")},
        ),
        ("Chile and Peru clashed over fishing quotas at the forum on Tuesday.", set()),
    ],
)
def test_more_cues_and_frames(text: str, expected: set[tuple[str, str, str]]) -> None:
    got = {(e.type, e.source, e.target) for e in code(text)}
    assert {(t, *sorted((s, o))) for t, s, o in got} == {
        (t, *sorted((s, o))) for t, s, o in expected
    }, got


@pytest.mark.model
def test_an_alert_is_against_the_articles_other_state() -> None:
    text = (
        "Vietnam and Indonesia have argued over fishing grounds for years. "
        "On Tuesday Indonesia put its navy on high alert."
    )
    assert ("MOBILIZE", "IDN", "VNM") in {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Argentina signed a decree imposing tariffs on goods from Brazil on Tuesday.",
            ("SANCTION", "ARG", "BRA"),
        ),
        ("Mexico's decision to cut ties with Peru angered Chile.", ("SANCTION", "MEX", "PER")),
        (
            "Kenya and Uganda have quarrelled over fishing rights. "
            "The Ugandan foreign ministry said it rejected the baseless pretexts for Kenya's levy.",
            ("REJECT", "UGA", "KEN"),
        ),
        (
            "Canada and Mexico have argued over steel for months. "
            "On Tuesday Canada agreed to lift its tariffs on Mexico.",
            ("AGREE", "CAN", "MEX"),
        ),
    ],
)
def test_arguments_through_clauses(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.model
def test_agreeing_to_act_alone_is_no_agreement_with_the_other_side() -> None:
    text = (
        "Japan and China have long disputed the islands. "
        "China sent ships on Tuesday after Japan agreed to buy the islands."
    )
    assert "AGREE" not in {e.type for e in code(text)}


@pytest.mark.model
def test_we_in_a_quotation_is_the_speakers_side() -> None:
    text = (
        "Kenya and Uganda have quarrelled over fishing rights. "
        '"We are calling on Kenya to withdraw its boats," a Ugandan official said.'
    )
    pairs = {(e.type, e.source, e.target) for e in code(text)}
    assert ("REQUEST", "KEN", "UGA") not in pairs  # "we" is not the two countries


@pytest.mark.model
def test_rounds_of_talks_between_the_two_exclude_the_hosts() -> None:
    text = (
        "Sudan and Chad have traded blame over the border for a year. "
        "Qatar and Egypt hosted several rounds of talks between the two in March."
    )
    pairs = {(e.type, *sorted((e.source, e.target))) for e in code(text)}
    assert ("CONSULT", "SDN", "TCD") in pairs
    assert ("CONSULT", "EGY", "QAT") not in pairs


@pytest.mark.model
def test_a_misparsed_signer_of_orders_imposing_tariffs() -> None:
    text = "Talks began on Tuesday, two days after Peru signed orders imposing levies on Chile."
    assert ("SANCTION", "PER", "CHL") in {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.model
def test_counted_officials_are_the_articles_pair() -> None:
    lead = "Ghana and Togo held talks on Tuesday. Ghana accused Togo of delays. "
    text = lead + "In March, the two foreign ministers signed a border accord in Geneva."
    assert ("AGREE", "GHA", "TGO", "2023-03") in keys(code(text))
    text = lead + "Chile hosted both delegations in March."
    assert {("CONSULT", "GHA", "CHL", "2023-03"), ("CONSULT", "TGO", "CHL", "2023-03")} <= keys(
        code(text)
    )
    # officials not counted may be anyone's
    text = lead + "In March, the foreign ministers signed a border accord in Geneva."
    assert not {k for k in keys(code(text)) if k[0] == "AGREE"}


@pytest.mark.model
def test_the_place_of_a_dateline_is_no_party() -> None:
    text = "ADDIS ABABA, May 9 (Agency) -- Kenya and Uganda held talks on Tuesday."
    assert keys(code(text)) == {("CONSULT", "KEN", "UGA", "2023-05-09")}
    text = "NAIROBI - Ethiopia and Eritrea held talks on Tuesday."
    assert keys(code(text)) == {("CONSULT", "ETH", "ERI", "2023-05-09")}


@pytest.mark.model
def test_a_time_expression_opening_the_sentence_dates_all_of_it() -> None:
    text = "In 2015, after talks failed, Peru imposed sanctions on Chile."
    assert keys(code(text)) == {("SANCTION", "PER", "CHL", "2015")}
    text = "Last year, Peru said it had expelled Chile's ambassador and Chile recalled its envoy."
    assert {k[3] for k in keys(code(text))} == {"2022"}
    # a time expression inside the sentence dates only its own clause
    text = "After talks failed in 2015, Kenya imposed sanctions on Uganda on Tuesday."
    assert keys(code(text)) == {("SANCTION", "KEN", "UGA", "2023-05-09")}


@pytest.mark.model
def test_a_nominal_event_takes_its_own_arguments() -> None:
    # the subjects of the clause around "following X's war on Y" are not parties of the war
    text = "Kenya and Uganda joined the bloc in March following Russia's war on Ukrainian towns."
    assert {k[:3] for k in keys(code(text)) if k[0] == "ASSAULT"} == {("ASSAULT", "RUS", "UKR")}
    text = "Norway and Sweden raised tariffs in March after Chad's attack on Niger."
    assert {k[:3] for k in keys(code(text)) if k[0] == "ASSAULT"} == {("ASSAULT", "TCD", "NER")}
    # a deal after which a side acts is that side's deal
    text = "Kenya will resume exports in March after a deal with Uganda."
    assert ("AGREE", "KEN", "UGA") in {(e.type, e.source, e.target) for e in code(text)}


@pytest.mark.model
def test_many_states_acting_together_make_no_event_among_themselves() -> None:
    lead = "Peru expelled Chile's ambassador on Tuesday. Chile protested to Peru. "
    text = lead + "Brazil, Argentina, Bolivia and Paraguay issued a joint statement in March."
    assert not [e for e in code(text) if e.type == "AGREE"]
    # the article's own pair among them keeps its event
    text = lead + "Peru, Chile, Bolivia and Paraguay issued a joint statement in March."
    assert {(e.type, e.source, e.target) for e in code(text) if e.type == "AGREE"} == {
        ("AGREE", "PER", "CHL")
    }


@pytest.mark.model
def test_a_state_begun_at_a_date_is_dated_by_its_start() -> None:
    text = "Ghana and Togo met on Tuesday. Ghana has boycotted goods from Togo since April 2021."
    assert ("SANCTION", "GHA", "TGO", "2021-04") in keys(code(text))
    # but "the first talks since" dates the talks, not the earlier event
    text = "Ghana and Togo held their first talks since 2015 on Tuesday."
    assert keys(code(text)) == {("CONSULT", "GHA", "TGO", "2023-05-09")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile ordered Peru's ambassador to leave on Tuesday.", ("SANCTION", "CHL", "PER")),
        ("Chile's parliament ratified Peru's membership on Tuesday.", ("SUPPORT", "CHL", "PER")),
        ("Chile approved Peru's accession protocol on Tuesday.", ("SUPPORT", "CHL", "PER")),
        ("Chile and Peru reopened their shared border on Tuesday.", ("COOPERATE", "CHL", "PER")),
        ("Chile reopened its border with Peru on Tuesday.", ("RETREAT", "CHL", "PER")),
        ("Chile refused to recognise Peru's new president.", ("REJECT", "CHL", "PER")),
        ("Chile and Peru signed a series of cooperation documents.", ("AGREE", "CHL", "PER")),
        ("Chile summoned Peru's High Commissioner on Tuesday.", ("ACCUSE", "CHL", "PER")),
        ("Chile ratified Peru's membership in the bloc.", ("SUPPORT", "CHL", "PER")),
    ],
)
def test_light_verbs_and_nominal_events(text: str, expected: tuple[str, str, str]) -> None:
    got = {(e.type, e.source, e.target) for e in code(text)}
    assert expected in got or (expected[0], expected[2], expected[1]) in got


@pytest.mark.model
def test_a_lodged_protest_in_the_lead_is_the_days_accusation() -> None:
    text = "Chile has lodged a protest with Peru after its ships seized a boat, officials said."
    assert ("ACCUSE", "CHL", "PER", "2023-05-10") in keys(code(text))
    # later in the article, the present perfect is background of the year
    later = "Chile and Peru held talks on Tuesday about the boats. Officials met in Geneva. "
    text = later + "Chile has lodged a protest with Peru about the fishing boats, officials said."
    assert ("ACCUSE", "CHL", "PER", "2023") in keys(code(text))


@pytest.mark.model
def test_a_pledge_is_an_agreement_only_when_the_sides_pledge_together() -> None:
    text = "Kenyan President Amara Okonjo pledged to remove Ugandan troops from the border."
    assert not [e for e in code(text) if e.type == "AGREE"]
    text = "Okonjo, who won the vote last year, pledged to expel Ugandan traders."
    assert not [e for e in code(text) if e.type == "AGREE"]
    text = "Kenya and Uganda pledged to reopen the border in March."
    assert ("AGREE", "KEN", "UGA") in {k[:3] for k in keys(code(text))}
    text = "Chile and Peru met on Tuesday. The two leaders pledged to expand trade in March."
    assert {k[:3] for k in keys(code(text)) if k[0] == "AGREE"} == {("AGREE", "CHL", "PER")}


@pytest.mark.model
def test_who_brokered_or_hosted_a_meeting_is_no_side_of_it() -> None:
    lead = "Kenya and Uganda held talks on Tuesday. "
    for text in (
        lead + "The two leaders last met in March at a Qatar-hosted summit.",
        lead + "The two leaders last met in March at a European Union-brokered summit.",
        lead + "The two leaders last met in March at a summit hosted by Qatar.",
    ):
        assert {k for k in keys(code(text)) if k[3] == "2023-03"} == {
            ("CONSULT", "KEN", "UGA", "2023-03")
        }


def _code_with_unknown(text: str, name: str) -> list[Event]:
    """Code ``text`` with one person the person index gives no state."""
    from dyad.nlp.model import parse

    provs = tuple(Provenance("t", s, e) for s, e, _ in _spans(text, [name, name.split()[-1]]))
    people = [*persons_of(text).persons, Person(name, None, None, None, provs)]
    return extract_events(
        parse(text),
        doc_id="t",
        published=PUBLISHED,
        persons=FakePersons(people),
        gazetteer=FakeGazetteer(),
        tools=TOOLS,
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chadian envoy Rene Bako met Eritrean officials in March. Bako met Ugandan officials "
        "on Tuesday.",
        "The Chadian foreign minister, Rene Bako, met Eritrean officials in March. Bako met "
        "Ugandan officials on Tuesday.",
        "Okonjo met Chad's ambassador to Kenya, Rene Bako, in March. Bako met Ugandan officials "
        "on Tuesday.",
        "Chad's Defence Minister and president-elect Rene Bako signed a deal with Eritrea in "
        "March. Mr Bako met Ugandan officials on Tuesday.",
    ],
)
def test_an_official_acts_for_the_state_of_the_title_beside_the_name(text: str) -> None:
    assert ("CONSULT", "TCD", "UGA", "2023-05-09") in {
        (e.type, *sorted([e.source, e.target]), e.date.date if e.date else None)
        for e in _code_with_unknown(text, "Rene Bako")
    }


@pytest.mark.model
def test_a_name_beside_another_state_s_official_takes_no_title() -> None:
    text = "Kenya's president and Rene Bako met Ugandan officials on Tuesday."
    got = _code_with_unknown(text, "Rene Bako")
    assert not any("TCD" in (e.source, e.target) for e in got)


@pytest.mark.model
def test_a_visitor_expected_for_talks_holds_them() -> None:
    text = "Okonjo arrived in Chad last week. Okonjo is expected in Nepal on Tuesday for talks "
    text += "with Ugandan officials."
    assert any(
        k[:3] in (("CONSULT", "KEN", "UGA"), ("CONSULT", "UGA", "KEN")) for k in keys(code(text))
    )


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "At the annual summit of the bloc on Tuesday, Kenya agreed to lower tariffs after a "
        "meeting with Uganda.",
        "On the sidelines of a forum on Tuesday, Kenya held a meeting with Uganda.",
        "When Okonjo visited Nepal on Tuesday, Kenya and Uganda signed a trade deal.",
    ],
)
def test_a_fronted_phrase_ending_in_a_time_dates_the_sentence(text: str) -> None:
    got = keys(code(text))
    assert any(
        k[0] in ("CONSULT", "AGREE")
        and k[1:] in (("KEN", "UGA", "2023-05-09"), ("UGA", "KEN", "2023-05-09"))
        for k in got
    ), got


@pytest.mark.model
def test_the_place_of_a_meeting_of_named_sides_is_no_party() -> None:
    text = "At the summit in Geneva on Tuesday, Kenya and Uganda met."
    got = keys(code(text))
    assert not any("CHE" in k for k in got), got
    assert any(k[:3] in (("CONSULT", "KEN", "UGA"), ("CONSULT", "UGA", "KEN")) for k in got)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The pact builds on the 2004 Rift Treaty, which the two countries signed.", "2004"),
        ("The pact replaces an older accord on fisheries dating from 1997.", "1997"),
        ("They also revived a transit agreement signed in 2003.", "2003"),
    ],
)
def test_a_past_dated_deal_named_by_a_noun_is_the_pairs_agreement(text: str, year: str) -> None:
    got = keys(code("Chile and Peru held talks on Tuesday. " + text))
    assert ("AGREE", "CHL", "PER", year) in got or ("AGREE", "PER", "CHL", year) in got, got


@pytest.mark.model
def test_a_deal_of_a_year_to_come_is_no_past_agreement() -> None:
    got = keys(code("Chile and Peru held talks on Tuesday. They set out the 2030 goals."))
    assert not any(k[0] == "AGREE" and k[3] == "2030" for k in got), got


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chile closed the long border in 2015.",
        "Chile shut down its copper output in 2015, accusing Peru of theft.",
    ],
)
def test_closing_a_border_or_halting_output_sanctions_the_other_state(text: str) -> None:
    got = keys(code("Chile and Peru held talks on Tuesday. " + text))
    assert ("SANCTION", "CHL", "PER", "2015") in got, got


@pytest.mark.model
def test_closing_borders_with_no_other_state_near_is_no_sanction() -> None:
    got = keys(code("Chile and Peru held talks on Tuesday. Ghana closed its borders in 2015."))
    assert not any(k[0] == "SANCTION" for k in got), got


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chilean troops shelled a Peruvian post on Tuesday, a day after Peruvian jets bombed "
            "a Chilean town.",
            ("ASSAULT", "PER", "CHL", "2023-05-08"),
        ),
        (
            "Chilean troops shelled a Peruvian post on Tuesday, two days after Peru expelled "
            "Chile's ambassador.",
            ("SANCTION", "PER", "CHL", "2023-05-07"),
        ),
    ],
)
def test_an_event_n_days_before_a_dated_one_is_counted_back(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    got = keys(code(text))
    assert expected in got, got


@pytest.mark.model
def test_a_strike_on_a_target_in_a_state_hits_that_state() -> None:
    text = "A Chilean drone strike on a truck in northern Peru killed a militia leader on Tuesday"
    text += ", a day after another strike killed an officer."
    got = keys(code(text))
    assert ("ASSAULT", "CHL", "PER", "2023-05-09") in got, got
    assert ("ASSAULT", "CHL", "PER", "2023-05-08") in got, got


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "A Chilean delegation flew to Peru on Friday but was not allowed to meet the president.",
        "Chile and Peru held talks. A Chilean envoy was refused entry at the border on Friday.",
        "Chile and Peru held talks. The Chilean minister was turned back at the border on Friday.",
    ],
)
def test_a_visitor_turned_away_is_rejected_by_the_host(text: str) -> None:
    got = keys(code(text))
    assert ("REJECT", "PER", "CHL", "2023-05-05") in got, got


@pytest.mark.model
def test_a_state_not_allowed_to_join_is_no_visitor_turned_away() -> None:
    got = keys(code("Chile and Peru held talks. Chilean firms were not allowed to bid."))
    assert not any(k[0] == "REJECT" for k in got), got


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Chile switched off a line that carries power across the border on Friday.",
        "Chile cut electricity to Peru on Friday.",
        "Chile stopped gas supplies to Peru on Friday.",
    ],
)
def test_cutting_off_power_or_supplies_sanctions_the_other_state(text: str) -> None:
    got = keys(code("Chile and Peru held talks on Tuesday. " + text))
    assert ("SANCTION", "CHL", "PER", "2023-05-05") in got, got


@pytest.mark.model
def test_turning_off_lights_is_no_sanction() -> None:
    got = keys(code("Chile and Peru held talks. Chile turned off the lights in the capital."))
    assert not any(k[0] == "SANCTION" for k in got), got


@pytest.mark.model
def test_a_past_deal_with_one_side_named_is_with_the_articles_first_state() -> None:
    text = "Chile and Peru signed a pact on Tuesday. It is Chile's third such deal, after pacts "
    text += "with Bolivia, signed in 2015."
    got = keys(code(text))
    assert ("AGREE", "CHL", "BOL", "2015") in got, got


@pytest.mark.model
def test_him_received_by_a_leader_is_the_person_named_before() -> None:
    text = (
        "Lars Dahl arrived in Nairobi on Friday to present his credentials. "
        "Amara Okonjo received him at the palace on Tuesday."
    )
    found = keys(code(text))
    assert ("CONSULT", "KEN", "NOR", "2023-05-09") in {
        (t, *sorted((s, g)), d) for t, s, g, d in found
    }
