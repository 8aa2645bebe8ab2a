"""Publication dates from hyphenated stamps, weekdays set in brackets and tenure words
("outgoing", "since taking office", "took office in May"), on texts written for these tests
about invented states and people (only the calendar is real)."""

from __future__ import annotations

from datetime import date

from dyad.dating.offices import office_evidence
from dyad.dating.published import infer_published
from dyad.dating.stamps import short_stamps
from dyad.resolve.gazetteer import Office

TODAY = date(2035, 1, 1)

VARGA = (
    Office("Ilse Varga", "president", "XAA", date(2026, 5, 2), date(2031, 5, 2), 1),
    Office("Ilse Varga", "president", "XAA", date(2031, 5, 2), date(2033, 11, 30), 2),
)
MOREL = Office("Dan Morel", "prime minister", "XBB", date(2031, 4, 10), None, None)
KADE = Office("Rui Kade", "president", "XCC", date(2030, 8, 20), None, None)


class FakeGazetteer:
    def __init__(self, *offices: Office) -> None:
        self.offices = offices

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        return [o for o in self.offices if o.name == name]


GAZETTEER = FakeGazetteer(*VARGA, MOREL, KADE)


def published(text: str, **kwargs: object) -> str | None:
    found = infer_published(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return f"{found.date}/{found.precision}" if found else None


def test_hyphenated_stamps_with_the_month_spelled() -> None:
    assert [s.day for s in short_stamps("14-Mar-2031", TODAY, None)] == [date(2031, 3, 14)]
    assert [s.day for s in short_stamps("2031-March-14", TODAY, None)] == [date(2031, 3, 14)]
    assert [s.day for s in short_stamps("Fri 14-Mar-31 09:40", TODAY, None)] == [date(2031, 3, 14)]
    # 14 March 2031 was a Friday, not a Monday: the stamp gives no day
    assert short_stamps("Mon 14-Mar-2031", TODAY, None) == []
    # a line that says more than the stamp is no stamp
    assert short_stamps("14-Mar-2031 the talks resumed in Lerin", TODAY, None) == []


def test_a_hyphenated_stamp_dates_the_page() -> None:
    text = (
        "Lerin recalls envoy\n\n2031-March-14\n\n"
        "Kestria recalled its ambassador from Varnland after a border incident, "
        "the ministry said."
    )
    assert published(text) == "2031-03-14/day"


def test_a_weekday_in_brackets_picks_the_year_of_a_day_without_one() -> None:
    text = (
        "LERIN (Agency) - Kestria on Tuesday (April 15) recalled its ambassador from "
        "Varnland, and Prime Minister Dan Morel said the talks were over."
    )
    # 15 April was a Tuesday in 2031 only, of the years Dan Morel has held office
    assert published(text, gazetteer=GAZETTEER) == "2031-04-15/day"


def test_the_latest_weekday_named_wins_over_one_the_day_before() -> None:
    text = (
        "LERIN (Agency) - Kestria on Tuesday (April 15) recalled its ambassador from "
        "Varnland. Prime Minister Dan Morel had warned on Monday that the talks were over."
    )
    # Monday is the day before the Tuesday reported, not the Monday of the week after
    assert published(text, gazetteer=GAZETTEER) == "2031-04-15/day"


def test_an_outgoing_holder_dates_the_last_months_of_a_term() -> None:
    text = "Outgoing President Ilse Varga met the Varnland envoy in Lerin."
    items = office_evidence(text, GAZETTEER)
    assert [(i.lo, i.hi) for i in items] == [(date(2033, 6, 3), date(2033, 11, 30))]
    assert published(text, gazetteer=GAZETTEER) == "2033/year"


def test_since_taking_office_is_soon_after_a_term_began() -> None:
    text = (
        "President Rui Kade arrived in Varnland. It is his first trip abroad since taking "
        "office, his aides said."
    )
    items = office_evidence(text, GAZETTEER)
    labels = [i.label for i in items if i.lo == date(2030, 8, 20)]
    assert any(label.startswith("soon after Rui Kade") for label in labels)
    assert published(text, gazetteer=GAZETTEER) == "2030/year"


def test_took_office_in_a_month_without_a_year_is_most_likely_that_year() -> None:
    text = "Rui Kade, who took office in August, met the Varnland envoy in Lerin."
    assert published(text, gazetteer=GAZETTEER) == "2030/year"
