"""Cross-document merging on reports built by hand (dyad.timeline.merge): no store, no model."""

from __future__ import annotations

import itertools
import random

from dyad.timeline.build import entry_status
from dyad.timeline.merge import Report, block_of, cluster, names


def _r(
    doc: str,
    date: str | None,
    status: str = "occurred",
    *,
    idx: int = 0,
    type_: str = "CONSULT",
    pair: tuple[str, str] = ("FRA", "DEU"),
    published: str | None = None,
    sentence: str = "",
    default: bool = False,
) -> Report:
    precision = None
    if date is not None:
        precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Report(
        doc,
        idx,
        type_,
        pair[0],
        pair[1],
        status,
        date,
        precision,
        published,
        sentence,
        default_dated=default,
    )


def _groups(reports: list[Report]) -> set[frozenset[tuple[str, int]]]:
    return {frozenset(m.key for m in c.members) for c in cluster(reports)}


def _together(reports: list[Report], *docs: str) -> bool:
    return any({m.doc_id for m in c.members} >= set(docs) for c in cluster(reports))


def test_reports_of_one_day_are_one_event_and_other_days_other_events() -> None:
    reports = [_r("a", "2021-06-03"), _r("b", "2021-06-03"), _r("c", "2021-06-04")]
    assert _groups(reports) == {
        frozenset({("a", 0), ("b", 0)}),
        frozenset({("c", 0)}),
    }


def test_a_month_or_a_year_agrees_with_a_day_inside_it() -> None:
    reports = [
        _r("a", "2021-06-03", published="2021-06-03"),
        _r("b", "2021-06", published="2021-09-01"),
        _r("c", "2021", published="2022-01-10"),
    ]
    assert len(cluster(reports)) == 1
    assert cluster(reports)[0].date == "2021-06-03"


def test_a_preview_of_next_week_agrees_with_the_day_the_visit_took_place() -> None:
    preview = _r("a", "2021-06-07", "planned", published="2021-06-01")
    report = _r("b", "2021-06-09", published="2021-06-09")
    assert _together([preview, report], "a", "b")
    far = _r("c", "2021-06-20", "planned", published="2021-06-01")
    assert not _together([far, report], "b", "c")


def test_planned_then_occurred_is_occurred_with_both_kept() -> None:
    assert entry_status(["planned", "occurred"]) == "occurred"
    assert entry_status(["occurred", "planned"]) == "occurred"
    assert entry_status(["planned", "planned"]) == "planned"
    assert entry_status(["planned", "reported"]) == "reported"


def test_one_article_never_gives_two_reports_to_one_event() -> None:
    reports = [_r("a", "2021-06", idx=0), _r("a", "2021-06", idx=1), _r("b", "2021-06-03")]
    assert all(len({m.doc_id for m in c.members}) == len(c.members) for c in cluster(reports))


def test_a_denial_is_not_the_event_it_denies_but_may_end_a_plan() -> None:
    reports = [_r("a", "2021-06", "denied"), _r("b", "2021-06-03")]
    assert not _together(reports, "a", "b")
    plan = _r("p", "2021-06", "planned", published="2021-05-20")
    called_off = _r("c", "2021-06", "denied", published="2021-06-10")
    assert _together([plan, called_off], "p", "c")
    assert entry_status(["planned", "denied"]) == "denied"


def test_the_pair_is_unordered() -> None:
    reports = [
        _r("a", "2021-06-03", pair=("FRA", "DEU")),
        _r("b", "2021-06-03", pair=("DEU", "FRA")),
    ]
    assert _together(reports, "a", "b")
    assert block_of(reports[0]) == block_of(reports[1]) == ("DEU", "FRA", "CONSULT", "2021")


def test_a_vague_report_names_the_visit_nearest_its_article_and_its_main_day() -> None:
    spring = [_r("s1", "2021-03-10"), _r("s2", "2021-03-10"), _r("s3", "2021-03-11")]
    autumn = [_r("f1", "2021-10-05"), _r("f2", "2021-10-06"), _r("f3", "2021-10-06")]
    vague = _r("v", "2021", published="2021-10-20")
    assert _together([*spring, *autumn, vague], "v", "f2", "f3")
    # the same vague report in an article written in the summer: the spring visit
    summer = _r("v", "2021", published="2021-07-01")
    assert _together([*spring, *autumn, summer], "v", "s1", "s2")


def test_an_article_reports_as_done_only_what_happened_by_its_day() -> None:
    later = [_r("a", "2021-10-05"), _r("b", "2021-10-05")]
    early = _r("v", "2021", published="2021-04-01")
    assert not _together([*later, early], "v", "a")


def test_a_goal_set_years_ahead_is_not_the_later_event() -> None:
    summit = [_r("a", "2024-05-02", type_="AGREE")]
    goal = _r("g", "2024", "planned", type_="AGREE", published="2021-11-01")
    assert not _together([*summit, goal], "a", "g")
    preview = _r("p", "2024", "planned", type_="AGREE", published="2024-04-20")
    assert _together([*summit, preview], "a", "p")
    # with no event of a day to join, still not the same as a deal reported in that year
    signed = _r("s", "2024", type_="AGREE", published="2024-09-01")
    assert not _together([goal, signed], "g", "s")
    assert _together([preview, signed], "p", "s")


def test_a_day_given_by_default_may_be_the_event_of_the_days_before() -> None:
    talks = _r("a", "2021-06-03", published="2021-06-03")
    late = _r("b", "2021-06-04", published="2021-06-04", default=True)
    assert _together([talks, late], "a", "b")
    explicit = _r("c", "2021-06-04", published="2021-06-04")
    assert not _together([talks, explicit], "a", "c")


def test_a_day_the_text_gives_goes_before_a_day_given_by_default() -> None:
    held = _r("a", "2021-06-04", published="2021-06-04", sentence="The leaders met in Lyon.")
    # one preview: "the chancellor will visit Lyon on Friday" and, undated (so dated to the
    # article's day), "she will also meet the prime minister"
    visit = _r("p", "2021-06-04", "planned", published="2021-06-01")
    premier = _r("p", "2021-06-01", "planned", idx=1, published="2021-06-01", default=True)
    groups = _groups([held, visit, premier])
    assert frozenset({("a", 0), ("p", 0)}) in groups
    assert frozenset({("p", 1)}) in groups


def test_a_month_or_year_given_by_default_repeats_its_articles_event() -> None:
    talks = _r("a", "2021-06-03", published="2021-06-03", sentence="They met in Lyon on Thursday.")
    other = _r("b", "2021-06-03", published="2021-06-04", sentence="Talks in Lyon ended.")
    # no time expression, the article's year, and a place the event's reports name
    at_lyon = "At the talks in Lyon, they spoke of gas prices."
    again = _r("a", "2021", idx=1, published="2021-06-03", default=True, sentence=at_lyon)
    assert frozenset({("a", 0), ("a", 1), ("b", 0)}) in _groups([talks, other, again])
    # a sentence that names nothing may speak of the relationship at large
    habit = _r("a", "2021", idx=1, published="2021-06-03", default=True, sentence="They agree.")
    assert frozenset({("a", 0), ("b", 0)}) in _groups([talks, other, habit])
    # its own time expression ("they had met earlier this year") makes it another event
    earlier = _r("a", "2021", idx=1, published="2021-06-03")
    assert frozenset({("a", 0), ("b", 0)}) in _groups([talks, other, earlier])
    # and so does a status of its own: the article reports a plan beside what took place
    plan = _r(
        "a", "2021-06", "planned", idx=1, published="2021-06-03", default=True, sentence=at_lyon
    )
    assert frozenset({("a", 0), ("b", 0)}) in _groups([talks, other, plan])
    # with no event of its own article to repeat, it joins the likeliest event, as any
    alone = _r("c", "2021", published="2021-06-05", default=True)
    assert _together([talks, other, alone], "a", "b", "c")


def test_the_sentences_decide_where_the_dates_leave_it_open() -> None:
    talks = _r("a", "2021-06-03", sentence="The two presidents held talks in Lyon on Thursday.")
    fair = _r("b", "2021-06-04", sentence="The president opened a trade fair in Grenoble.")
    vague = _r("c", "2021-06", published="2021-07-01", sentence="He toured Grenoble in June.")
    assert _together([talks, fair, vague], "b", "c")
    assert "grenoble" in names(vague.sentence) and "june" not in names(vague.sentence)


def test_clusters_do_not_depend_on_the_order_of_the_reports() -> None:
    reports = [
        _r("a", "2021-06-03", published="2021-06-03", sentence="Talks in Lyon."),
        _r("b", "2021-06-04", published="2021-06-05", sentence="A fair in Grenoble."),
        _r("c", "2021-06", published="2021-07-01", sentence="He was in Grenoble."),
        _r("d", "2021", published="2021-08-01"),
        _r("e", "2021-06-06", "planned", published="2021-05-30"),
        _r("f", "2021-06-05", published="2021-06-05", default=True),
        _r("g", "2021-06", "denied", published="2021-06-20"),
        _r("h", "2021", published="2021-03-01", idx=2),
        _r("a", "2021", published="2021-06-03", idx=1, default=True, sentence="In Lyon."),
        _r("e", "2021-05-30", "planned", published="2021-05-30", idx=1, default=True),
    ]
    expected = _groups(reports)
    for perm in itertools.islice(itertools.permutations(reports), 0, 5040, 97):
        assert _groups(list(perm)) == expected
    rng = random.Random(7)
    for _ in range(20):
        shuffled = reports[:]
        rng.shuffle(shuffled)
        assert _groups(shuffled) == expected


def test_the_outlet_of_an_article() -> None:
    from dyad.timeline.outlet import outlet_of

    assert outlet_of("https://www.example-herald.test/world/1") == "example-herald.test"
    assert outlet_of(None) is None and outlet_of("not a url at all") is None
    page = '<html><head><meta property="og:site_name" content="The Example Herald"></head>'
    assert outlet_of("https://www.example-herald.test/a", "html", page) == "The Example Herald"
    canonical = '<html><head><link rel="canonical" href="https://news.example.test/x"></head>'
    assert outlet_of(None, "html", canonical) == "news.example.test"


def test_a_report_goes_to_the_episode_of_its_sentence_other_report() -> None:
    """One sentence, two events to its article ("arrived on Sunday to hold talks": the arrival
    and the talks to come): with no usable date, the second is of the first's occasion, not of
    another visit that year, though that visit is better attested."""
    from dataclasses import replace

    spring = [
        _r("s1", "2021-03-10", sentence="Talks in Lisbon."),
        _r("s2", "2021-03-10", sentence="Talks in Lisbon."),
    ]
    autumn = [_r("f1", "2021-10-05", sentence="At the Ocean Forum in Lisbon.")]
    said = "The chancellor arrived in Lisbon on Sunday to hold talks at the Ocean Forum."
    arrived = replace(
        _r("n", "2021", published="2021", sentence=said),
        names=frozenset({"lisbon", "ocean", "forum"}),
    )
    talks = replace(
        _r("n", "2021", "planned", idx=1, published="2021", sentence=said),
        names=frozenset({"lisbon"}),
    )
    reports = [*spring, *autumn, arrived, talks]
    # dated alike, what took place and what was to come: one entry of that occasion
    assert frozenset({("f1", 0), ("n", 0), ("n", 1)}) in _groups(reports)
    # the article dates its arrival to a day: still that visit's episode, not the spring's
    arrived_day = replace(arrived, date="2021-10-04", precision="day")
    assert not _together([*spring, *autumn, arrived_day, talks], "n", "s1")
    # without the other report of its sentence, the plan goes to the better attested visit
    assert _together([*spring, *autumn, talks], "n", "s1")


def test_a_plan_dated_only_by_its_article_gives_no_day_for_what_took_place() -> None:
    # "the minister vowed to deepen trade ties" (no time expression: the article's day)
    vow = _r("a", "2021-06-03", "planned", type_="COOPERATE", published="2021-06-03", default=True)
    done = _r("b", "2021-06", type_="COOPERATE", published="2021-06-20")
    assert not _together([vow, done], "a", "b")
    # a plan with a day of its own ("will sign the trade pact on 3 June") is that day's event
    dated = _r("c", "2021-06-03", "planned", type_="COOPERATE", published="2021-05-28")
    assert _together([dated, done], "c", "b")


def test_the_parties_leaders_are_no_evidence_of_one_occasion() -> None:
    from dyad.timeline.build import _names

    said = "On Monday, Macron and Scholz met in Toulouse."
    assert _names(said, ("DEU", "FRA")) == {"toulouse"}
    # the leaders of other states are persons the sentence names
    assert {"macron", "scholz"} <= _names(said, ("BRA", "USA"))


def test_a_plan_beside_what_took_place_is_no_twin_when_its_article_dates_them_apart() -> None:
    # "the ministers, who met in Porto this year, will meet again in Porto this year"
    spring = [_r("s1", "2021-03-10", sentence="Talks in Porto.")]
    autumn = [_r("f1", "2021-10-05", sentence="Talks in Porto.")]
    said = "The ministers, who met in Porto this year, will meet again in Porto this year."
    met = _r("n", "2021", published="2021-06-01", sentence=said)
    again = _r("n", "2021", "planned", idx=1, published="2021-06-01", sentence=said)
    groups = _groups([*spring, *autumn, met, again])
    assert frozenset({("s1", 0), ("n", 0)}) in groups
    assert frozenset({("f1", 0), ("n", 1)}) in groups
