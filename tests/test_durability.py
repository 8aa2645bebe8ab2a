"""Nothing committed is lost: ``kill -9`` at random moments of an ingest, then a re-run, gives
the same database as one uninterrupted run; two ingests into one database at once both
finish and give the same result as a serial run. Each on a SQLite file and on a PostgreSQL
database of a real server (whose exports must equal the uninterrupted SQLite run's).

The articles are generated from sentences written for this test. ``DYAD_DURABILITY_DOCS``
sets how many (default 1,000, as a real batch; fewer for a quick local run);
``DYAD_DURABILITY_PG_DOCS`` how many of them the PostgreSQL runs take (default 200).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

N_DOCS = int(os.environ.get("DYAD_DURABILITY_DOCS", "1000"))
PG_DOCS = min(N_DOCS, int(os.environ.get("DYAD_DURABILITY_PG_DOCS", "200")))
STATES = ("Chile", "Peru", "Kenya", "Uganda", "Norway", "Vietnam", "Ghana", "Togo", "Mongolia",
          "Bolivia", "Finland", "Laos", "Senegal", "Paraguay", "Nepal", "Iceland")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
ACTIONS = ("met officials from", "signed a trade accord with", "criticised",
           "agreed to expand cooperation with", "sent food aid to", "held talks with")  # fmt: skip


def _articles(folder: Path, n: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        a, b = rng.sample(STATES, 2)
        month = rng.choice(("March", "April", "May", "June"))
        text = (
            f"{a.upper()}, {month} {rng.randint(1, 28)} - The government of {a} "
            f"{rng.choice(ACTIONS)} {b} on {rng.choice(DAYS)}, officials said.\n\n"
            f"Ministers said further talks would follow, and trade between the two reached "
            f"{rng.randint(2, 90)} million dollars last year. Bulletin {i}.\n"
        )
        (folder / f"bulletin-{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _dyad(*args: str) -> list[str]:
    return [sys.executable, "-m", "dyad", *args]


def _ingest(folder: Path, db: Path | str, *more: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _dyad("ingest", str(folder), "--db", str(db), "-q", "--published", "2021", *more),
        capture_output=True,
        text=True,
        timeout=1800,
    )


def _export(db: Path | str) -> str:
    out = subprocess.run(
        _dyad("export", "--db", str(db), "--format", "eval"),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return out.stdout


def _count(db: Path | str) -> int:
    if isinstance(db, str):
        return _pg_count(db)
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


ORPHANS = (  # a half-stored document: stored without its sentences
    "SELECT count(*) FROM documents d WHERE NOT EXISTS "
    "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)"
)


def _pg_count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            row = conn.execute("SELECT count(*) FROM documents").fetchone()
    except psycopg.Error:  # no table yet
        return 0
    return int(row[0]) if row else 0


def _check_whole(db: Path | str) -> None:
    """The database is sound and holds no half-stored document."""
    if isinstance(db, str):
        import psycopg

        with psycopg.connect(db) as pg:
            row = pg.execute(ORPHANS).fetchone()
            assert row is not None and row[0] == 0
        return
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(ORPHANS).fetchone()[0] == 0


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The articles, and the export of one uninterrupted ingest of them."""
    root = tmp_path_factory.mktemp("durability")
    folder = _articles(root / "in", N_DOCS)
    db = root / "serial.db"
    done = _ingest(folder, db)
    assert done.returncode == 0, done.stderr
    return folder, _export(db)


@pytest.fixture(scope="module")
def pg_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The first PG_DOCS articles, and the export of one uninterrupted SQLite ingest of them."""
    root = tmp_path_factory.mktemp("durability-pg")
    folder = _articles(root / "in", PG_DOCS)
    db = root / "serial.db"
    done = _ingest(folder, db)
    assert done.returncode == 0, done.stderr
    return folder, _export(db)


@pytest.fixture(params=["sqlite", "postgresql"])
def case(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str, Path | str, int]:
    """(articles, expected export, a new database, how many articles) for each store."""
    if request.param == "sqlite":
        folder, expected = request.getfixturevalue("batch")
        return folder, expected, tmp_path / "store.db", N_DOCS
    folder, expected = request.getfixturevalue("pg_batch")
    url = request.getfixturevalue("pg_server").new_database("dyad_durability")
    return folder, expected, url, PG_DOCS


def test_kill_9_at_random_moments_loses_nothing(
    case: tuple[Path, str, Path | str, int],
) -> None:
    folder, expected, db, n_docs = case
    rng = random.Random(11)
    kills = 0
    for _ in range(4):
        target = _count(db) + rng.randint(1, max(2, n_docs // 5))
        proc = subprocess.Popen(
            _dyad("ingest", str(folder), "--db", str(db), "-q", "--published", "2021"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while proc.poll() is None and _count(db) < target:
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 0.3))  # anywhere inside the next document's work
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        _check_whole(db)
    assert kills >= 2
    finished = _ingest(folder, db)
    assert finished.returncode == 0, finished.stderr
    assert _count(db) == n_docs
    assert _export(db) == expected


def test_two_ingests_into_one_database_at_once_equal_a_serial_run(
    case: tuple[Path, str, Path | str, int],
) -> None:
    folder, expected, db, n_docs = case
    procs = [
        subprocess.Popen(
            _dyad("ingest", str(folder), "--db", str(db), "-q", "--published", "2021"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [p.communicate(timeout=1800) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    assert _count(db) == n_docs
    assert _export(db) == expected
