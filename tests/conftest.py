"""Shared fixtures. The corpus under ../shared is test data read in place, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

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
    from dyad.store.sqlite import open_store

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with open_store(db) as store:
        report = ingest([SEEDS], store)
    assert report.ok, report.failed
    return db
