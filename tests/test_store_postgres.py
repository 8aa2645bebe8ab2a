"""dyad on a real PostgreSQL server: an ingest of seeds and dev gives byte for byte the exports
of the same ingest into SQLite; the timeline and its reads agree; the CLI takes the URL."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.export import timeline as tl
from dyad.export.formats import write
from dyad.store import Store, open_store
from dyad.timeline import query
from dyad.timeline.build import rebuild
from dyad.timeline.model import TimelineFilter
from tests.conftest import DEV, SEEDS
from tests.pg_server import PgServer

pytestmark = pytest.mark.model


def _exports(store: Store) -> dict[str, str]:
    out: dict[str, str] = {}
    for fmt in ("eval", "json", "csv"):
        buf = io.StringIO()
        write(store.analyses(), fmt, buf, store.entry_ids)
        out[fmt] = buf.getvalue()
    for name, by_entry in (("plover", tl.write_plover), ("gdelt", tl.write_gdelt)):
        buf = io.StringIO()
        by_entry(store, buf)
        out[name] = buf.getvalue()
    return out


def _reads(store: Store) -> list[object]:
    """Every timeline read on the busiest pairs, with and without filters."""
    dyads = query.list_dyads(store)
    got: list[object] = [dyads]
    for d in dyads[:4]:
        got.append(query.timeline(store, TimelineFilter(d.a, d.b)))
        got.append(
            query.timeline(
                store, TimelineFilter(d.a, d.b, date_from="2019-06", date_to="2023-03-10")
            )
        )
        got.append(
            query.timeline(store, TimelineFilter(d.a, d.b, limit=3, offset=1, min_sources=1))
        )
        got.append(query.index_series(store, d.a, d.b, by="quarter"))
        for e in query.timeline(store, TimelineFilter(d.a, d.b))[:3]:
            got.append(query.entry(store, e.id))
    return got


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory, pg_server: PgServer) -> tuple[Path, str]:
    """seeds and dev ingested into a SQLite file and into a PostgreSQL database."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    from dyad.pipeline import ingest

    db = tmp_path_factory.mktemp("e2e") / "e2e.db"
    url = pg_server.new_database("dyad_e2e")
    for target in (str(db), url):
        with open_store(target) as store:
            report = ingest([SEEDS, DEV], store)
        assert report.ok, report.failed
    return db, url


def test_postgres_exports_equal_sqlite_byte_for_byte(both: tuple[Path, str]) -> None:
    db, url = both
    with open_store(db) as lite, open_store(url) as pg:
        assert pg.stats() == lite.stats()
        assert pg.doc_ids() == lite.doc_ids()
        lite_out, pg_out = _exports(lite), _exports(pg)
        assert lite_out["eval"].count("\n") > 10
        for fmt, text in lite_out.items():
            assert pg_out[fmt] == text, fmt


def test_postgres_timeline_reads_equal_sqlite(both: tuple[Path, str]) -> None:
    db, url = both
    with open_store(db) as lite, open_store(url) as pg:
        assert _reads(pg) == _reads(lite)


def test_a_rebuild_on_postgres_changes_nothing(both: tuple[Path, str]) -> None:
    _, url = both
    with open_store(url) as pg:
        before = _exports(pg)
        assert rebuild(pg) > 0
        assert _exports(pg) == before


def test_the_cli_takes_a_postgres_url(both: tuple[Path, str]) -> None:
    db, url = both
    outs = []
    for target in (str(db), url):
        done = subprocess.run(
            [sys.executable, "-m", "dyad", "export", "--format", "eval", "--db", target],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1]


def test_the_web_api_reads_postgres_as_it_reads_sqlite(both: tuple[Path, str]) -> None:
    from fastapi.testclient import TestClient

    from dyad.web import create_app

    db, url = both
    with open_store(db) as lite:
        top = query.list_dyads(lite)[0]
        first = query.timeline(lite, TimelineFilter(top.a, top.b))[0]
        doc_id = lite.doc_ids()[0]
    paths = [
        "/api/dyads",
        f"/api/timeline?a={top.a}&b={top.b}",
        f"/api/timeline?a={top.a}&b={top.b}&from=2020&to=2023-06&limit=5",
        f"/api/entry?id={first.id}",
        f"/api/index?a={top.a}&b={top.b}&by=year",
        f"/api/documents/{doc_id}",
        "/api/quotes?limit=50",
        "/api/persons?limit=50",
        "/api/persons?name=minister&limit=5",
        "/api/documents/no-such-doc",
    ]
    answers = []
    for target in (str(db), url):
        with TestClient(create_app(target), base_url="http://127.0.0.1") as client:
            answers.append([(client.get(p).status_code, client.get(p).json()) for p in paths])
            hits = client.get("/api/search?q=talks&limit=1000").json()
            answers[-1].append(sorted((h["doc_id"], h["start"]) for h in hits["hits"]))
    assert answers[1] == answers[0]
    assert answers[0][-1]  # the search found sentences


def test_the_web_session_on_postgres_cannot_write(both: tuple[Path, str]) -> None:
    from dyad.web.readonly import open_readonly

    _, url = both
    with open_readonly(url) as store, pytest.raises(store.errors, match="read-only"):
        store.conn.execute("DELETE FROM entries")
