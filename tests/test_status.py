"""Event status: occurred, planned, denied, reported; hypothetical events and the content of
requests and threats are no events. Sentences written for the tests; they need the model."""

from __future__ import annotations

import pytest

from dyad.models import DateRef
from tests.test_events import code

pytestmark = pytest.mark.model


def statuses(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.type, e.source, e.target, e.status) for e in code(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vietnam will host Laos for talks on Tuesday.", ("CONSULT", "LAO", "VNM", "planned")),
        (
            "Mexico's president is scheduled to visit Canada on Tuesday.",
            ("CONSULT", "MEX", "CAN", "planned"),
        ),
        (
            "Ghana and Togo plan to sign a border agreement on Tuesday.",
            ("AGREE", "GHA", "TGO", "planned"),
        ),
        (
            "Kenya and Uganda have set themselves a target of doubling trade by 2030.",
            ("AGREE", "KEN", "UGA", "planned"),
        ),
        (
            "Egypt vowed on Tuesday to deepen economic ties with Ethiopia.",
            ("COOPERATE", "EGY", "ETH", "planned"),
        ),
    ],
)
def test_planned(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in statuses(text), statuses(text)


def test_a_planned_event_on_a_weekday_looks_forward() -> None:
    (event,) = code("Vietnam will host Laos for talks on Tuesday.")
    assert event.date == DateRef("2023-05-16", "day")


def test_a_target_year_dates_a_goal() -> None:
    (event,) = code("Kenya and Uganda have set themselves a target of doubling trade by 2030.")
    assert event.date == DateRef("2030", "year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru refused to sign the agreement with Chile on Tuesday.",
            ("AGREE", "PER", "CHL", "denied"),
        ),
        (
            "Germany has stopped short of delivering jets to Poland.",
            ("AID", "DEU", "POL", "denied"),
        ),
        (
            "Morocco declined on Tuesday to meet Algeria's envoy.",
            ("CONSULT", "MAR", "DZA", "denied"),
        ),
        # a plain negation says the event did not happen: denied, not dropped
        ("Chile did not attack Peru on Tuesday.", ("ASSAULT", "CHL", "PER", "denied")),
        (
            "Chile and Peru were unable to reach an agreement on fishing rights on Tuesday.",
            ("AGREE", "CHL", "PER", "denied"),
        ),
    ],
)
def test_denied(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in statuses(text), statuses(text)


@pytest.mark.parametrize(
    "text",
    [
        "If Serbia attacks Kosovo, the alliance will respond.",
        "Ghana could impose sanctions on Togo next year.",
        "Officials fear a possible invasion of Cambodia by Thailand.",
        "Norway urged Sweden on Tuesday to sanction Denmark.",
    ],
)
def test_no_event(text: str) -> None:
    got = statuses(text)
    assert not {t for t in got if t[0] in ("ASSAULT", "SANCTION")}, got


def test_a_request_is_an_event_its_content_is_not() -> None:
    assert statuses("Norway urged Sweden on Tuesday to sanction Denmark.") == {
        ("REQUEST", "NOR", "SWE", "occurred")
    }


def test_a_threat_occurred_its_sanction_did_not() -> None:
    got = statuses("Canada warned of sanctions on Tuesday if Mexico raises its tariffs.")
    assert ("THREATEN", "CAN", "MEX", "occurred") in got
    assert not any(t[0] == "SANCTION" for t in got)


@pytest.mark.parametrize(
    "text",
    [
        "Nigeria allegedly attacked Cameroon on Tuesday.",
        "Officials in Addis Ababa say Eritrea has massed troops near Ethiopia. "
        "Eritrea denies this.",
        "Chad signed an arms contract with Niger on Tuesday, although some reports denied this.",
    ],
)
def test_reported(text: str) -> None:
    got = statuses(text)
    assert got and all(status == "reported" for *_, status in got), got


def test_each_sides_account_of_the_others_attack_is_reported() -> None:
    text = (
        "According to Peru, Chilean artillery shelled Peruvian villages on Monday. "
        "Chile said that Peruvian troops had attacked its border posts on Monday."
    )
    got = statuses(text)
    assert ("ASSAULT", "CHL", "PER", "reported") in got, got
    assert ("ASSAULT", "PER", "CHL", "reported") in got, got


def test_one_account_left_undisputed_is_no_claim() -> None:
    got = statuses("Chile said Peruvian artillery shelled Chilean farms on Monday.")
    assert ("ASSAULT", "PER", "CHL", "occurred") in got, got


def test_a_side_telling_of_its_own_act_is_no_claim() -> None:
    got = statuses("Chile said its troops fired at a Peruvian outpost on Monday.")
    assert ("ASSAULT", "CHL", "PER", "occurred") in got, got


def test_occurred() -> None:
    assert statuses("Chad launched missiles at Niger on Tuesday.") == {
        ("ASSAULT", "TCD", "NER", "occurred")
    }


def test_a_past_verb_joined_to_a_modal_one_keeps_its_own_tense() -> None:
    text = "Kenya said it would review ties with Uganda and accused Uganda of arming rebels."
    assert ("ACCUSE", "KEN", "UGA", "occurred") in statuses(text)
    text = "Peru said it would recall its envoy and impose sanctions on Chile."
    assert ("SANCTION", "PER", "CHL", "planned") in statuses(text)


def test_the_two_sides_agreeing_that_one_acts_is_an_agreement() -> None:
    text = "Ghana and Togo agreed on Tuesday that Togo would reopen the border."
    assert ("AGREE", "GHA", "TGO", "occurred") in statuses(text)
    # one side's judgement is no deal
    assert not {s for s in statuses("Ghana agreed that the talks were useful.") if s[0] == "AGREE"}


def test_a_clause_joined_to_a_request_is_no_content_of_it() -> None:
    text = "Chile urged Peru to withdraw, and in March Chile and Peru agreed to hold talks."
    assert ("AGREE", "CHL", "PER", "occurred") in statuses(text)
    text = "Chile urged Peru to withdraw its troops and sign a truce."
    assert not {s for s in statuses(text) if s[0] == "AGREE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile and Peru agreed on Tuesday to revive a trade accord signed in 2015.",
            ("AGREE", "CHL", "PER", "2015", "occurred"),
        ),
        (
            "Ghana and Togo will soon restore an earlier pact dating from 2015.",
            ("AGREE", "GHA", "TGO", "2015", "occurred"),
        ),
    ],
)
def test_a_thing_made_in_a_past_year_occurred(
    text: str, expected: tuple[str, str, str, str, str]
) -> None:
    found = {
        (e.type, e.source, e.target, e.date.date if e.date else "", e.status) for e in code(text)
    }
    assert expected in found
