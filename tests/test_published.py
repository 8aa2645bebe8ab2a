"""Publication-date inference on short articles written for these tests, with a fake gazetteer.

The people, places and terms below are invented; only the calendar is real.
"""

from __future__ import annotations

from datetime import date

import pytest

from dyad.dating.evidence import read_text_evidence
from dyad.dating.offices import OfficeSource, office_evidence, role_matches
from dyad.dating.patterns import MAX_DATE
from dyad.dating.published import infer_published, parse_meta
from dyad.models import DateRef, Person
from dyad.resolve.gazetteer import Office


class FakeGazetteer:
    def __init__(self, *offices: Office) -> None:
        self.offices = offices

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        return [o for o in self.offices if o.name == name]


VELK = (
    Office("Ana Velk", "president", "XAA", date(2019, 1, 20), date(2024, 1, 20), 1),
    Office("Ana Velk", "president", "XAA", date(2031, 4, 10), None, 2),
)
BRENN = Office("Ola Brenn", "trade minister", "XAA", date(2030, 6, 3), None, None)
ORSO = Office("Piet Orso", "foreign minister", "XAA", date(2012, 2, 1), date(2018, 6, 30), None)
DORAN = (
    Office("Tomas Doran", "president", "XBB", date(2005, 3, 1), date(2010, 3, 1), 1),
    Office("Tomas Doran", "president", "XBB", date(2010, 3, 1), date(2015, 3, 1), 2),
    Office("Tomas Doran", "president", "XBB", date(2015, 3, 1), date(2020, 3, 1), 3),
)
GAZETTEER = FakeGazetteer(*VELK, BRENN, ORSO, *DORAN)


def published(text: str, **kwargs: object) -> str | None:
    found = infer_published(text, today=date(2035, 1, 1), **kwargs)  # type: ignore[arg-type]
    return f"{found.date}/{found.precision}" if found else None


def test_the_fake_gazetteer_fits_the_protocol() -> None:
    assert isinstance(GAZETTEER, OfficeSource)


def test_metadata_wins() -> None:
    text = "PUBLISHED : Tuesday, 3 March, 2020, 8:00am\n\nTalks resumed."
    found = infer_published(text, meta="2021-06-07T10:00:00Z")
    assert found == DateRef("2021-06-07", "day", "metadata")
    assert parse_meta("2021-06") == DateRef("2021-06", "month", "metadata")
    assert parse_meta("June 7, 2021") == DateRef("2021-06-07", "day", "metadata")
    assert published(text, meta="not a date") == "2020-03-03/day"


def test_no_evidence_gives_none() -> None:
    assert infer_published("Officials met to discuss fishing quotas and a new ferry line.") is None
    assert infer_published("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ferry talks\n\nPORT LEVAN, March 9, 2021 (Wire) -- The two governments agreed on "
            "Tuesday to reopen the ferry line.",
            "2021-03-09/day",
        ),
        (
            "LOWTOWN, Oct. 4 (Reuters) - Negotiators said on Monday they were close to a deal.\n\n"
            "© 2022 Reuters",
            "2022-10-04/day",
        ),
        (
            "NORDHAVEN, June 2. /TASS/. The ministry said the drills had ended.\n\nCopyright 2019",
            "2019-06-02/day",
        ),
        (
            "KALT, 14 November (Xinhua) -- The envoys met on Saturday.\n\n(c) 2015 Xinhua",
            "2015-11-14/day",
        ),
    ],
)
def test_datelines(text: str, expected: str) -> None:
    assert published(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Border talks\n\nThu 16 May 2024 09.00 BST\n\nThe envoys met.", "2024-05-16"),
        ("Dam talks fail\n\nPublished On 7 Apr 2021\n\nThe talks ended on Tuesday.", "2021-04-07"),
        ("Source: Wire| 2019-08-02 20:14:39|Editor: desk\n\nThe ministry said so.", "2019-08-02"),
        (
            "WIRE NEWS - Apr 27, 2018 - 20:36 | World, All\n\nThe leaders met on Friday.",
            "2018-04-27",
        ),
        ("Updated 10:32 AM EDT, Thu May 16, 2024\n\nThe leaders met.", "2024-05-16"),
        ("Published - May 16, 2024 09:00 pm IST\n\nThe ministers met.", "2024-05-16"),
        ("World Desk / Updated: May 16, 2024, 10:41 IST\n\nThe ministers met.", "2024-05-16"),
        ("Leaders meet\n\n16.05.2024 | 10:32\n\nThe leaders met.", "2024-05-16"),
        (
            "NEW DELHI, May 16 (Wire) Officials met on Thursday.\n\nCopyright 2024 Wire",
            "2024-05-16",
        ),
        ("ISLAMABAD, Dec 30 (Wire): The talks ended on Monday.\n\n© 2019 Wire", "2019-12-30"),
    ],
)
def test_outlet_date_formats(text: str, expected: str) -> None:
    found = infer_published(text, today=date(2035, 1, 1))
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ferry talks\n\nPUBLISHED: MARCH 9, 2021\n\nThe two ministers met.", "2021-03-09"),
        ("Ferry talks\n\nTUESDAY, 9 MARCH 2021\n\nThe two ministers met.", "2021-03-09"),
        ("UPDATED: 9 MAR 2021 14:05\n\nThe two ministers met on Tuesday.", "2021-03-09"),
        ("Envoys meet\n\nKALT, NOV. 14, 2015\n\nThe envoys met on Saturday.", "2015-11-14"),
    ],
)
def test_date_lines_set_in_capitals(text: str, expected: str) -> None:
    found = infer_published(text, today=date(2035, 1, 1))
    assert found is not None and found.date == expected


def test_a_headline_in_capitals_without_a_date_dates_nothing() -> None:
    assert infer_published("FERRY TALKS MAY RESUME\n\nThe two ministers met.") is None


def test_wire_dateline_without_a_date_uses_the_posted_line() -> None:
    text = (
        "Posted Mar 3, 2020 6:15 PM\n\nRIVERSIDE, Calif. (AP) — Officials said Tuesday that the "
        "border crossing would reopen. The talks lasted four hours."
    )
    assert published(text) == "2020-03-03/day"


def test_publication_and_update_lines() -> None:
    text = (
        "Harbour deal signed\n\nPUBLISHED : Tuesday, 3 March, 2020, 8:00am\n"
        "UPDATED : Thursday, 5 March, 2020, 9:00am\n\nThe deal was signed yesterday."
    )
    assert published(text) == "2020-03-03/day"
    assert published("Harbour deal\n\nLast updated: 5 March 2020\n\nIt was signed.") == (
        "2020-03-05/day"
    )


def test_first_publication_wins_over_the_last_modification() -> None:
    text = (
        "Ferry talks stall\n\nAda Roon in Port Levan\n\nMon 4 Nov 2030 18.20 GMT\n"
        "Last modified on Tue 5 Nov 2030 07.15 GMT\n\nThe envoys left on Monday without a deal."
    )
    assert published(text) == "2030-11-04/day"
    assert published("Ferry talks\n\nModified: 16/11/2030 - 10:00\n\nThey met.") == (
        "2030-11-16/day"
    )


def test_a_numeric_publication_line_read_both_ways_until_the_text_settles_it() -> None:
    text = "Pact signed\n\nIssued on: 04/09/2030 - 11:20\n\nThe two ministers signed it."
    found = infer_published(text)
    assert found is not None and found.precision != "day"  # April 9 or 4 September
    settled = text + " An earlier accord dated 23/02/2029 lapsed."
    assert published(settled) == "2030-09-04/day"
    weekday = text + " The ministers met in the capital on Wednesday."
    assert published(weekday) == "2030-09-04/day"  # a Wednesday; 9 April 2030 was a Tuesday


def test_a_sentence_starting_with_published_is_not_a_publication_line() -> None:
    text = "Published reports said the envoys had first met in secret on March 3, 2011."
    assert published(text) == "2011-03/month"


def test_copyright_alone_gives_the_year() -> None:
    text = "The two states held a naval drill near the strait.\n\n© 2017 Example News Ltd"
    found = infer_published(text)
    assert found is not None and (found.date, found.precision) == ("2017", "year")
    assert "copyright" in found.evidence


def test_page_furniture_loses_to_the_article() -> None:
    text = (
        "Log In\nSubscribe\n  • MENU\n    Friday, July 12, 2030\n\n"
        "Trade ministers meet\n\n"
        "New Trade Minister Ola Brenn met her neighbour's envoy on Wednesday to discuss tariffs. "
        "Brenn said the talks would continue next month."
    )
    found = infer_published(text, gazetteer=GAZETTEER)
    assert found is not None and found.date == "2030-06-05"
    assert "furniture" not in found.evidence
    # Without the gazetteer the header date is all there is: publication on or before it.
    assert published(text) == "2030/year"


def test_date_line_near_the_top_is_the_byline_date() -> None:
    text = "Border talks stall\n\nBy Jo Bell | April 2, 2016 10:32 GMT\n\nThe talks stalled."
    assert published(text) == "2016-04-02/day"


def test_latest_reported_date_and_weekdays() -> None:
    # 14 February 2022 is a Monday; the article was written on the Thursday after it.
    text = (
        "The council voted on Feb. 14, 2022 to extend the mission. On Wednesday the ministers "
        "met again, and talks continued Thursday in the capital."
    )
    found = infer_published(text)
    assert found is not None and found.date == "2022-02-17"
    assert "weekday" in found.evidence


def test_latest_reported_date_without_weekdays_gives_the_month() -> None:
    text = "The council voted on Sept. 10, 2018 to extend the mission by a year."
    assert published(text) == "2018-09/month"


def test_caption_dates_allow_a_day_earlier() -> None:
    # A photo taken on Sunday 14 April 2024 (local time); the story is about Saturday.
    text = (
        "Rockets were fired across the border on Saturday evening, officials said.\n"
        "Crowds gather in the square on April 14, 2024. (Photo: J. Doe/Agency)\n"
        "The strike answered an April 1 raid."
    )
    assert published(text) == "2024-04-13/day"


def test_dateline_year_from_an_office_and_the_weekday() -> None:
    # Doran was president 2005-2020; 9 March fell on a Tuesday only in 2010 then.
    text = (
        "PORT LEVAN, March 9 (Wire) -- President Tomas Doran said Tuesday that the ferry line "
        "would reopen."
    )
    assert published(text, gazetteer=GAZETTEER) == "2010-03-09/day"
    assert published(text) is None


def test_term_started_this_month() -> None:
    text = "Ana Velk, who began a second term as president this month, flew to the summit."
    found = infer_published(text, gazetteer=GAZETTEER)
    assert found is not None and (found.date, found.precision) == ("2031-04", "month")
    assert "term 2" in found.evidence


def test_became_president_this_year() -> None:
    text = (
        "It is the third trip abroad for Ana Velk since she became president in January this year."
    )
    assert published(text, gazetteer=GAZETTEER) == "2019/year"


def test_future_term_means_before_it() -> None:
    text = "Tomas Doran is expected to secure a third term at the vote in the spring."
    found = infer_published(text, gazetteer=GAZETTEER)
    assert found is not None and found.date == "2014"


def test_former_minister_means_after_the_term() -> None:
    text = "Piet Orso (the former foreign minister) joined the delegation."
    (evidence,) = office_evidence(text, GAZETTEER)
    assert (evidence.lo, evidence.hi) == (date(2018, 7, 1), MAX_DATE)
    assert evidence.label.startswith("former")
    text = "Former Foreign Minister Piet Orso and President Tomas Doran met in 2017."
    # After Orso left (mid-2018) and before Doran's last term ended (March 2020): no one year
    # holds three quarters of the days, so the year holding most is a labelled guess.
    ref = infer_published(text, gazetteer=GAZETTEER)
    assert ref is not None and (ref.date, ref.precision) == ("2019", "year")
    assert "likeliest year" in ref.evidence
    text += " The ministers last met in 2019."
    assert published(text, gazetteer=GAZETTEER) == "2019/year"
    text = "Foreign Minister Piet Orso and President Tomas Doran met in 2017."
    # 2017 or mid-2018: not three quarters in one year; the guess is the year holding most.
    assert published(text, gazetteer=GAZETTEER) == "2017/year"


def test_persons_records_give_roles() -> None:
    persons = [Person("Ola Brenn", role="trade minister", state="XAA")]
    text = "Ola Brenn visited the port city. The visit came a year after talks on July 3, 2030."
    found = infer_published(text, gazetteer=GAZETTEER, persons=persons)
    assert found is not None and found.date == "2030-07"


def test_role_matching() -> None:
    assert role_matches("Defense Minister", "defence minister")
    assert role_matches("Defence Minister", "Minister of Defense")
    assert role_matches("Premier", "premier")
    assert role_matches("Foreign Minister", "minister of foreign affairs")
    assert not role_matches("President", "vice president")
    assert not role_matches("President", "acting president")
    assert role_matches("Russian President", "president")
    assert role_matches("U.S. Secretary of State", "secretary of state")
    assert role_matches("president of Egypt", "president")
    assert not role_matches("Egyptian Vice President", "president")
    assert not role_matches("Defense Minister", "foreign minister")


def test_a_list_of_titles_is_not_an_apposition() -> None:
    text = "The delegation included Foreign Minister Piet Orso, new Trade Minister Ola Brenn."
    labels = {e.label for e in office_evidence(text, GAZETTEER)}
    assert "new Trade Minister Ola Brenn since 2030-06-03" in labels
    assert not any("Orso" in label and "new" in label for label in labels)


def test_targets_are_not_lower_bounds() -> None:
    found = read_text_evidence("They aim to double trade by 2030. Trade fell in 2019.")
    assert [item.label for item in found.items] == ["mentions 2019-01", "looks ahead to 2030-12"]


def test_a_header_of_segments_gives_its_dated_segment() -> None:
    text = (
        "Talks on the river resume\n\n"
        "Agency Wire | Updated: Mar 9, 2031, 08:10 | Editor: Lea Moss\n\n"
        "VALLETTA, Mar 8 (Agency Wire) -- The two neighbours met on Saturday.\n"
    )
    assert published(text) == "2031-03-08/day"
    text = "News site | 2031-03-09 01:12:45 | Editor: Lea Moss\n\nThe two ministers met.\n"
    assert published(text) == "2031-03-09/day"


def test_a_dateline_may_name_two_places() -> None:
    text = "LOME/COTONOU, Feb 3, 2032 (Wire) - Officials from both sides met on Tuesday.\n"
    assert published(text) == "2032-02-03/day"


def test_a_relative_update_stamp_does_not_hide_the_date_line() -> None:
    text = "Border talks stall\n\nFebruary 3, 2032 6:45 PM GMT+1 Updated 3 hours ago\n\nText.\n"
    assert published(text) == "2032-02-03/day"


def test_an_ousted_official_means_after_the_term() -> None:
    text = "Supporters of the ousted Foreign Minister Piet Orso marched."
    (evidence,) = office_evidence(text, GAZETTEER)
    assert (evidence.lo, evidence.hi) == (date(2018, 7, 1), MAX_DATE)


MARSH = Office("Lena Marsh", "prime minister", "XCC", date(2020, 2, 1), date(2024, 2, 1), None)
KOVA = Office("Ivo Kova", "president", "XDD", date(2021, 1, 1), date(2024, 12, 31), None)
TALLIS = (
    Office("Rein Tallis", "prime minister", "XEE", date(2012, 7, 27), date(2014, 4, 27), None),
    Office("Rein Tallis", "prime minister", "XEE", date(2017, 5, 31), date(2017, 6, 29), None),
)
PERSONS_GAZ = FakeGazetteer(MARSH, KOVA, *TALLIS)


def test_a_dateline_without_its_place_and_the_latest_weekday_named() -> None:
    # 21 March fell on a Monday in 2022 and a Tuesday in 2023: the story tells of Monday's
    # talks and was written on Tuesday, the latest weekday it names
    text = (
        "March 21 (Northwire) -- Prime Minister Lena Marsh held talks with envoys of Ostland "
        "in Kestra on Monday, her office said Tuesday.\n\nThe talks will go on, it said."
    )
    persons = [Person("Lena Marsh")]
    assert published(text, gazetteer=PERSONS_GAZ, persons=persons) == "2023-03-21/day"


def test_a_yearless_dateline_on_the_day_after_the_weekday_named() -> None:
    # 17 May was a Friday only in 2024 of Kova's term: "said Thursday" in Friday's paper
    text = (
        "VALDA, May 17 (Northwire) - President Ivo Kova of Ostland said on Thursday that the "
        "border with Westmark would reopen.\n\nTrucks queued at the crossing."
    )
    persons = [Person("Ivo Kova")]
    assert published(text, gazetteer=PERSONS_GAZ, persons=persons) == "2024-05-17/day"


def test_the_likeliest_year_gives_the_datelines_day_in_it() -> None:
    # a dateline without a year in a four-year term: the year is a guess, the day is not
    text = (
        "VALDA, June 3 (Northwire) - Prime Minister Lena Marsh opened a bridge to Ostland.\n\n"
        "Crowds gathered on both banks."
    )
    found = infer_published(
        text, gazetteer=PERSONS_GAZ, persons=[Person("Lena Marsh")], today=date(2035, 1, 1)
    )
    assert found is not None and found.precision == "day" and found.date.endswith("-06-03")
    assert "likeliest year" in found.evidence


def test_a_year_holding_most_of_the_winning_days_is_guessed() -> None:
    # a term of two years and a stint of a month years later: the long term's middle year
    text = "Prime Minister Rein Tallis of Ostland signed a trade pact with Westmark on Friday."
    persons = [Person("Rein Tallis")]
    assert published(text, gazetteer=PERSONS_GAZ, persons=persons) == "2013/year"


def test_a_dated_span_of_days_counts_as_a_full_date() -> None:
    text = (
        "MOSCOW, September 19 (Northwire) - The envoy recalled the state visit to Ostland on "
        "March 20-22, 2031, and said more talks were planned.\n\nNo date was set."
    )
    assert published(text) == "2031-09-19/day"


def test_a_day_on_the_reporting_verb_is_the_day_of_writing() -> None:
    # Ola Brenn took office on 3 June 2030: the year is 2030; "said on June 12" is the news
    # of that day, not of the week after it.
    text = (
        "Trade Minister Ola Brenn will sign the 2030 accord next month, his ministry said on "
        "June 12, after talks in the capital on June 9."
    )
    assert published(text, gazetteer=GAZETTEER) == "2030-06-12/day"


def test_a_reported_day_without_a_reporting_verb_is_no_day_of_writing() -> None:
    text = (
        "Trade Minister Ola Brenn will sign the 2030 accord next month, after talks in the "
        "capital ended on June 12."
    )
    found = published(text, gazetteer=GAZETTEER)
    assert found is not None and not found.endswith("/day")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized the capital after removing President Ana Velk from power.",
        "The army removed President Ana Velk from office and closed the border.",
        "Since toppling President Ana Velk, the junta has ruled by decree.",
    ],
)
def test_a_holder_put_out_of_office_means_after_the_term(text: str) -> None:
    spans = {(e.lo, e.hi) for e in office_evidence(text, GAZETTEER)}
    assert (date(2024, 1, 21), date(2031, 4, 9)) in spans
    assert (date(2019, 1, 20), date(2024, 1, 20)) not in spans


def test_a_call_to_remove_a_holder_is_no_removal() -> None:
    text = "Protesters called on the army to remove President Ana Velk from power."
    labels = {e.label for e in office_evidence(text, GAZETTEER)}
    assert labels == {"President Ana Velk in office"}


def test_a_told_day_before_the_latest_full_date_is_no_day_of_writing() -> None:
    text = "Velkland said on April 28 it would pay. The fund opened on May 2, 2031 in the capital."
    assert published(text) == "2031-05/month"


def test_a_trip_since_the_holders_re_election_is_soon_after_the_term_began() -> None:
    gazetteer = FakeGazetteer(*DORAN)
    text = (
        "President Tomas Doran left on Friday on his first trip abroad since his January "
        "re-election."
    )
    spans = {(e.lo, e.hi) for e in office_evidence(text, gazetteer) if "since" in e.label}
    # a January election gives a term begun on 1 March (the second or third, not the first)
    assert {lo for lo, _ in spans} == {date(2010, 3, 1), date(2015, 3, 1)}
    assert (date(2010, 3, 1), date(2010, 3, 31)) in spans


def test_a_re_election_in_another_month_names_no_term() -> None:
    gazetteer = FakeGazetteer(*DORAN)
    text = "President Tomas Doran left on his first trip abroad since his August re-election."
    assert not [e for e in office_evidence(text, gazetteer) if "since" in e.label]


def test_a_photo_line_in_capitals_stays_a_caption() -> None:
    found = infer_published("Border talks\n\nAFP PHOTO / 12 MAY 2019\n\nThe two ministers met.")
    assert found is None or found.precision != "day"
