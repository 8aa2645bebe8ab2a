"""The relationship record in the store: incremental merging at ingest, order independence,
queries, the index, the exports and the commands, on articles built by hand (no model)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.errors import DyadError
from dyad.models import Analysis, DateRef, Document, Event, Provenance
from dyad.store.sqlite import SQLiteStore, open_store
from dyad.timeline import build, query
from dyad.timeline.model import TimelineEntry, TimelineFilter

# (doc_id, url, published, [(type, source, target, status, date, sentence)])
Article = tuple[str, str | None, str, list[tuple[str, str, str, str, str | None, str]]]

ARTICLES: list[Article] = [
    (
        "preview",
        "https://www.example-wire.test/a/1",
        "2021-06-01",
        [
            ("CONSULT", "FRA", "DEU", "planned", "2021-06", "The chancellor will visit Paris."),
            ("AGREE", "FRA", "DEU", "planned", "2021-06", "The two sides plan to sign a pact."),
        ],
    ),
    (
        "day1",
        "https://news.example-daily.test/x",
        "2021-06-08",
        [
            ("CONSULT", "DEU", "FRA", "occurred", "2021-06-08", "The leaders met in Paris today."),
            ("AGREE", "FRA", "DEU", "occurred", "2021-06-08", "They signed a border pact today."),
        ],
    ),
    (
        "day2",
        "https://example-post.test/y",
        "2021-06-09",
        [("CONSULT", "FRA", "DEU", "occurred", "2021-06-08", "Talks in Paris ended on Tuesday.")],
    ),
    (
        "later",
        None,
        "2021-09-15",
        [
            ("CONSULT", "FRA", "DEU", "occurred", "2021", "Their meeting in Paris this year."),
            ("SANCTION", "FRA", "ITA", "occurred", "2021-09-14", "Sanctions came on Tuesday."),
        ],
    ),
    (
        "review",
        "https://review.example-times.test/z",
        "2022-01-10",
        [("CONSULT", "DEU", "FRA", "occurred", "2021-06", "The June talks in Paris.")],
    ),
]


def _doc(doc_id: str, url: str | None) -> Document:
    text = f"Text of {doc_id}."
    return Document(doc_id, f"{doc_id}.txt", f"hash-{doc_id}", text, text, url=url)


def _analysis(article: Article) -> Analysis:
    doc_id, _, published, events = article
    out = []
    for n, (type_, source, target, status, date, sentence) in enumerate(events):
        when = None
        if date:
            when = DateRef(date, {4: "year", 7: "month", 10: "day"}[len(date)])  # type: ignore[arg-type]
        prov = Provenance(doc_id, 10 * n, 10 * n + len(sentence), sentence)
        out.append(Event(type_, source, target, status, when, sentence, (prov,), score=2.5))  # type: ignore[arg-type]
    return Analysis(doc_id, DateRef(published, "day", "meta"), events=tuple(out))


def _ingest(store: SQLiteStore, articles: list[Article]) -> None:
    for article in articles:
        store.add(_doc(article[0], article[1]), _analysis(article))
        build.update(store, [article[0]])


def _snapshot(store: SQLiteStore) -> list[tuple[object, ...]]:
    out = []
    for d in query.list_dyads(store):
        for e in query.timeline(store, TimelineFilter(d.a, d.b)):
            out.append(
                (
                    e.id,
                    e.date,
                    e.precision,
                    e.type,
                    e.status,
                    e.source,
                    e.target,
                    tuple(sorted(s.doc_id for s in e.sources)),
                )
            )
    return out


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    s = open_store(tmp_path / "t.db")
    _ingest(s, ARTICLES)
    return s


def test_reports_of_one_event_from_several_articles_are_one_entry(store: SQLiteStore) -> None:
    entries = query.timeline(store, TimelineFilter("FRA", "DEU"))
    talks = [e for e in entries if e.type == "CONSULT"]
    assert len(talks) == 1
    t = talks[0]
    assert t.date == "2021-06-08" and t.precision == "day" and t.status == "occurred"
    assert {s.doc_id for s in t.sources} == {"preview", "day1", "day2", "later", "review"}
    assert set(t.outlets) == {
        "news.example-daily.test",
        "example-post.test",
        "example-wire.test",
        "review.example-times.test",
    }
    assert t.sources[0].status == "occurred" and t.sources[0].precision == "day"
    deal = next(e for e in entries if e.type == "AGREE")
    assert deal.status == "occurred" and {s.status for s in deal.sources} == {"planned", "occurred"}


def test_the_pair_is_unordered_and_named_by_codes_or_names(store: SQLiteStore) -> None:
    assert query.timeline(store, TimelineFilter("FRA", "DEU")) == query.timeline(
        store, TimelineFilter("Germany", "france")
    )
    assert query.state_code("Germany") == "DEU"
    with pytest.raises(DyadError):
        query.state_code("Atlantis")


def test_filters(store: SQLiteStore) -> None:
    def kept(**where: Any) -> list[TimelineEntry]:
        return query.timeline(store, TimelineFilter("FRA", "DEU", **where))

    everything = kept()
    assert [e.type for e in kept(types=("agree",))] == ["AGREE"]
    assert len(kept(min_sources=3)) == 1
    assert kept(date_from="2021-07") == []
    assert len(kept(date_from="2021-06-08", date_to="2021-06-08")) == 2
    # a bound at month or year precision holds the days inside it
    assert kept(date_to="2021-06") == everything
    assert kept(date_from="2021", date_to="2021") == everything
    assert kept(date_to="2021-05") == []
    assert kept(status="planned") == []
    assert len(kept(outlet="example-post.test")) == 1
    assert kept(limit=1, offset=1) == everything[1:2]
    with pytest.raises(DyadError):
        kept(status="rumoured")


def test_entries_of_an_outlet_are_kept_before_the_page_is_cut(store: SQLiteStore) -> None:
    from dyad.store.entries import pair_query

    def kept(**where: Any) -> list[str]:
        return [e.type for e in query.timeline(store, TimelineFilter("DEU", "FRA", **where))]

    assert kept() == ["AGREE", "CONSULT"]
    assert kept(outlet="Example-Post.test") == ["CONSULT"]
    assert kept(outlet="example-post.test", limit=1) == ["CONSULT"]
    assert kept(outlet="example-post.test", offset=1) == []
    assert kept(outlet="news.example-daily.test", limit=1, offset=1) == ["CONSULT"]
    sql, _ = pair_query(TimelineFilter("DEU", "FRA", outlet="example-post.test", limit=1))
    assert "LIMIT" not in sql


def test_incremental_merging_equals_a_rebuild(store: SQLiteStore) -> None:
    before = _snapshot(store)
    build.rebuild(store)
    assert _snapshot(store) == before


def test_any_ingest_order_gives_the_same_entries(tmp_path: Path) -> None:
    results = []
    for n, perm in enumerate(itertools.permutations(ARTICLES)):
        if n % 7:
            continue  # 18 of the 120 orders
        with open_store(tmp_path / f"p{n}.db") as s:
            _ingest(s, list(perm))
            results.append(_snapshot(s))
    assert all(r == results[0] for r in results)


def test_an_entry_keeps_its_id_as_later_articles_join(tmp_path: Path) -> None:
    with open_store(tmp_path / "ids.db") as s:
        _ingest(s, ARTICLES[:2])
        first = {e.type: e.id for e in query.timeline(s, TimelineFilter("FRA", "DEU"))}
        _ingest(s, ARTICLES[2:])
        assert {e.type: e.id for e in query.timeline(s, TimelineFilter("FRA", "DEU"))} == first


def test_an_old_id_still_finds_its_entry_after_an_older_article_arrives(tmp_path: Path) -> None:
    with open_store(tmp_path / "alias.db") as s:
        _ingest(s, ARTICLES[1:])
        old = next(
            e.id for e in query.timeline(s, TimelineFilter("FRA", "DEU")) if e.type == "CONSULT"
        )
        _ingest(s, ARTICLES[:1])  # the preview, published before every other
        found = query.entry(s, old)
        assert found is not None and found.type == "CONSULT" and found.id != old
        assert query.entry(s, "e-none") is None


def test_replacing_an_article_redoes_the_entries_it_was_in(tmp_path: Path) -> None:
    with open_store(tmp_path / "r.db") as s:
        _ingest(s, ARTICLES)
        doc_id, url, published, _ = ARTICLES[2]
        new: Article = (doc_id, url, published, [])
        blocks = s.event_blocks(doc_id)
        s.add(_doc(doc_id, url), _analysis(new), replace=True)
        build.update(s, [doc_id], blocks)
        talks = next(
            e for e in query.timeline(s, TimelineFilter("FRA", "DEU")) if e.type == "CONSULT"
        )
        assert "day2" not in {x.doc_id for x in talks.sources}


def test_dyads(store: SQLiteStore) -> None:
    pairs = {(d.a, d.b): d for d in query.list_dyads(store)}
    assert pairs[("DEU", "FRA")].entries == 2 and pairs[("DEU", "FRA")].documents == 5
    assert pairs[("FRA", "ITA")].first == pairs[("FRA", "ITA")].last == "2021-09-14"


def test_the_index_counts_an_event_reported_by_five_outlets_once(tmp_path: Path) -> None:
    articles: list[Article] = [
        (
            f"o{n}",
            f"https://outlet{n}.test/story",
            "2021-04-02",
            [("CONSULT", "ESP", "PRT", "occurred", "2021-04-01", "The leaders met on Thursday.")],
        )
        for n in range(5)
    ]
    with open_store(tmp_path / "five.db") as s:
        _ingest(s, articles)
        [entry] = query.timeline(s, TimelineFilter("ESP", "PRT"))
        assert len(entry.outlets) == 5
        [point] = query.index_series(s, "ESP", "PRT", by="month")
        assert (point.period, point.entries, point.documents) == ("2021-04", 1, 5)
        assert point.score == entry.score and point.cooperation == entry.score
        assert [p.period for p in query.index_series(s, "ESP", "PRT", by="quarter")] == ["2021-Q2"]


def test_the_index_by_period(store: SQLiteStore) -> None:
    months = query.index_series(store, "FRA", "DEU", by="month")
    assert [(p.period, p.entries, p.documents) for p in months] == [("2021-06", 2, 5)]
    with pytest.raises(DyadError):
        query.index_series(store, "FRA", "DEU", by="week")


def test_a_timeline_query_is_an_indexed_query(store: SQLiteStore) -> None:
    from dyad.store.entries import pair_query

    for where in (
        TimelineFilter("FRA", "DEU"),
        TimelineFilter("FRA", "DEU", "2021-06", "2021-12-31", types=("AGREE",), limit=10),
        TimelineFilter("DEU", "FRA", status="occurred", min_sources=2),
    ):
        sql, args = pair_query(where)
        plan = store.conn.execute(f"EXPLAIN QUERY PLAN {sql}", args).fetchall()
        detail = " ".join(str(row[-1]) for row in plan)
        assert "USING INDEX entries_pair" in detail and "SCAN entries" not in detail, detail


def test_eval_export_gives_every_report_of_an_event_its_entry_id(store: SQLiteStore) -> None:
    from dyad.export.formats import eval_record

    ids = {
        a.doc_id: [e["event_id"] for e in eval_record(a, store.entry_ids(a.doc_id))["events"]]
        for a in store.analyses()
    }
    talks = {ids["day1"][0], ids["day2"][0], ids["review"][0], ids["later"][0], ids["preview"][0]}
    assert len(talks) == 1 and talks.pop().startswith("e")


def _db(tmp_path: Path) -> str:
    db = tmp_path / "cli.db"
    with open_store(db) as s:
        _ingest(s, ARTICLES)
    return str(db)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_timeline_command_formats(tmp_path: Path) -> None:
    db = _db(tmp_path)
    code, out, err = _run("timeline", "France", "DEU", "--db", db)
    assert code == 0 and "CONSULT" in out and "2021-06-08" in out and "2 entries" in err
    assert all(len(line) <= 120 for line in out.splitlines())
    code, out, _ = _run("timeline", "FRA", "DEU", "--db", db, "--format", "json", "--type", "AGREE")
    [deal] = json.loads(out)
    assert deal["type"] == "AGREE" and len(deal["sources"]) == 2
    assert {"doc_id", "outlet", "sentence", "start", "end"} <= set(deal["sources"][0])
    code, out, _ = _run(
        "timeline", "FRA", "DEU", "--db", db, "--format", "csv", "--min-sources", "3"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 5 and {r["doc_id"] for r in rows} == {a[0] for a in ARTICLES}
    code, _, err = _run("timeline", "FRA", "Atlantis", "--db", db)
    assert code != 0 and "Atlantis" in err


def test_dyads_index_and_rebuild_commands(tmp_path: Path) -> None:
    db = _db(tmp_path)
    code, out, _ = _run("rebuild", "--db", db)
    assert code == 0 and out.startswith("3 timeline entries")
    code, out, _ = _run("dyads", "--db", db)
    assert code == 0 and "DEU-FRA" in out and "FRA-ITA" in out
    code, out, _ = _run("index", "FRA", "DEU", "--db", db, "--by", "year", "--json")
    assert code == 0 and json.loads(out)[0]["period"] == "2021"
    for suffix in ("svg", "png"):
        plot = tmp_path / f"index.{suffix}"
        code, _, _ = _run("index", "FRA", "DEU", "--db", db, "--plot", str(plot))
        assert code == 0 and plot.stat().st_size > 1000
    code, _, err = _run("index", "FRA", "DEU", "--db", db, "--plot", str(tmp_path / "x.gif"))
    assert code != 0 and ".svg or .png" in err


def test_exports_round_trip(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    db = _db(tmp_path)
    with open_store(db) as s:
        entries = {
            e.id: e
            for d in query.list_dyads(s)
            for e in query.timeline(s, TimelineFilter(d.a, d.b))
        }
    code, _, _ = _run("export", "--db", db, "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert code == 0
    table = pq.read_table(tmp_path / "pq" / "entries.parquet").to_pylist()
    assert {r["id"] for r in table} == set(entries)
    for r in table:
        e = entries[r["id"]]
        assert (r["date"], r["type"], r["status"], r["n_sources"]) == (
            e.date,
            e.type,
            e.status,
            len(e.sources),
        )
        assert [s["doc_id"] for s in r["sources"]] == [s.doc_id for s in e.sources]
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pylist()
    assert len(events) == sum(len(a[3]) for a in ARTICLES)
    assert {r["entry_id"] for r in events} == set(entries)
    code, out, _ = _run("export", "--db", db, "--format", "plover")
    records = [json.loads(line) for line in out.splitlines()]
    assert {r["id"] for r in records} == set(entries)
    assert all(r["event"] == entries[r["id"]].type for r in records)
    code, out, _ = _run("export", "--db", db, "--format", "gdelt")
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert {r["GLOBALEVENTID"] for r in rows} == set(entries)
    talks = next(r for r in rows if r["EventCode"] == "CONSULT")
    assert (talks["SQLDATE"], talks["NumArticles"], talks["QuadClass"]) == ("20210608", "5", "1")
    code, out, _ = _run("export", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    event_rows = [r for r in rows if r["kind"] == "event"]
    assert len(event_rows) == len(events) and all(r["entry_id"] in entries for r in event_rows)
    assert {"date", "precision", "type", "source", "target", "status", "published"} <= set(rows[0])
    code, _, err = _run("export", "--db", db, "--format", "parquet")
    assert code != 0 and "-o FOLDER" in err


def test_a_url_that_is_no_web_address_names_no_outlet() -> None:
    from dyad.timeline.outlet import host_of

    assert host_of("javascript:alert(1)") is None
    assert host_of("mailto:desk@example.org") is None
    assert host_of("https://www.example-wire.test/a") == "example-wire.test"
    assert host_of("example-wire.test/a") == "example-wire.test"


def test_an_undated_mention_of_an_articles_event_joins_its_entry(tmp_path: Path) -> None:
    articles: list[Article] = [
        (
            "wire",
            None,
            "2021-04-02",
            [
                ("CONSULT", "ESP", "PRT", "occurred", "2021-04-01", "The leaders met on Thursday."),
                # no time expression: the article's year by default, a repeat of the talks
                ("CONSULT", "PRT", "ESP", "occurred", "2021", "At the talks in Porto, fish."),
                # not this one, which names nothing: the relationship at large
                ("CONSULT", "PRT", "ESP", "occurred", "2021", "The two talk often."),
                # its own time expression: another meeting of that year
                ("CONSULT", "ESP", "PRT", "occurred", "2021", "They had met earlier this year."),
            ],
        ),
        (
            "daily",
            None,
            "2021-04-03",
            [("CONSULT", "PRT", "ESP", "occurred", "2021-04-01", "Talks in Porto ended Thursday.")],
        ),
    ]
    with open_store(tmp_path / "repeat.db") as s:
        _ingest(s, articles)
        groups = {
            tuple(sorted((x.doc_id, x.sentence[:6]) for x in e.sources))
            for e in query.timeline(s, TimelineFilter("ESP", "PRT"))
        }
        assert groups == {
            (("daily", "Talks "), ("wire", "At the"), ("wire", "The le")),
            (("wire", "They h"),),
            (("wire", "The tw"),),
        }
        before = _snapshot(s)
        build.rebuild(s)
        assert _snapshot(s) == before
