"""Shared fixtures. The corpus under ../shared is test data read in place, never copied."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_server import PgServer

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
GOLD_SEEDS = SHARED / "corpus" / "gold" / "seeds.jsonl"
GOLD_DEV = SHARED / "corpus" / "gold" / "dev.jsonl"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture
def needs_shared() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds ingested once per test session."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    from dyad.pipeline import ingest
    from dyad.store import open_store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(db) as store:
        report = ingest([SEEDS], store)
    assert report.ok, report.failed
    return db


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A real PostgreSQL server for the session (tests/pg_server.py), stopped at its end."""
    from tests import pg_server as server

    running = server.start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A new empty PostgreSQL database for one test."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new store of each kind: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database()
