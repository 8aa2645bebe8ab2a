"""``dyad ingest --dask local:N`` / ``--scheduler``: the database is the same as with one
process, errors included; a worker that dies costs its document one error line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from tests.conftest import DEV, SEEDS

pytestmark = pytest.mark.model

# An input with no article text (one error line), written for this test.
SHORT = "Too short.\n"
# Articles written for this test, about states the corpora do not pair.
FINE = (
    "Lisbon, 4 April 2023\n\n"
    "Portugal and Morocco signed an agreement on Tuesday to build a power cable between the two "
    "states, the Portuguese government said.\n",
    "Warsaw, 9 June 2022\n\n"
    "Poland protested to Belarus on Thursday over a border incident, the Polish foreign "
    "ministry said, and summoned the Belarusian charge d'affaires.\n",
)


def _paths(tmp: Path) -> list[Path]:
    """Seeds, an error document, dev: the error sits in the middle of the batch."""
    short = tmp / "short" / "zz-short.txt"
    short.parent.mkdir(exist_ok=True)
    short.write_text(SHORT, encoding="utf-8")
    return [SEEDS, short, DEV]


def _exports(db: Path) -> tuple[str, list[dict[str, Any]]]:
    runner = CliRunner()
    evaluation = runner.invoke(cli, ["export", "--db", str(db), "--format", "eval"])
    full = runner.invoke(cli, ["export", "--db", str(db), "--format", "json"])
    assert evaluation.exit_code == 0 and full.exit_code == 0, evaluation.output + full.output
    records = [json.loads(line) for line in full.stdout.splitlines() if line.strip()]
    for record in records:  # the moment of ingest is the only thing that may differ
        for key in [k for k in record if "ingested" in k]:
            del record[key]
    assert records and evaluation.stdout.strip()
    return evaluation.stdout, records


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    if not SEEDS.is_dir() or not DEV.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    return _paths(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def one_process(
    inputs: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, list[dict[str, Any]]]:
    """The exports of the inputs ingested by this process alone."""
    from dyad.pipeline import ingest
    from dyad.store.sqlite import open_store

    db = tmp_path_factory.mktemp("one") / "one.db"
    with open_store(db) as store:
        report = ingest(inputs, store)
    assert [Path(e.path).name for e in report.failed] == ["zz-short.txt"]
    return _exports(db)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running 2-worker cluster, as ``--scheduler`` finds one."""
    from dyad.cluster import local_cluster

    with local_cluster(2) as cluster:
        yield str(cluster.scheduler_address)


def test_the_library_on_a_running_cluster_stores_what_one_process_stores(
    inputs: list[Path], one_process: tuple[str, Any], scheduler: str, tmp_path: Path
) -> None:
    from dyad.pipeline import ingest
    from dyad.store.sqlite import open_store

    db = tmp_path / "dask.db"
    with open_store(db) as store:
        report = ingest(inputs, store, dask=scheduler)
        again = ingest(inputs, store, dask=scheduler)  # nothing new: nothing sent out
    errors = [Path(e.path).name for e in report.failed]
    assert errors == ["zz-short.txt"], report.failed
    assert "no article text" in report.failed[0].problem
    assert again.added == [] and len(again.skipped) == len(report.added)
    assert _exports(db) == one_process


def test_the_cli_on_a_local_cluster_of_two_stores_what_one_process_stores(
    inputs: list[Path], one_process: tuple[str, Any], tmp_path: Path
) -> None:
    db = tmp_path / "local.db"
    args = ["ingest", *map(str, inputs), "--db", str(db), "-q", "--dask", "local:2"]
    run = subprocess.run(
        [sys.executable, "-m", "dyad", *args], capture_output=True, text=True, timeout=600
    )
    assert run.returncode == 1, run.stderr  # the short input fails; the rest went in
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "zz-short.txt" in errors[0], run.stderr
    assert "distributed" not in run.stderr  # Dask's own chatter stays out without -v
    assert _exports(db) == one_process


def test_the_cli_on_a_running_cluster(
    inputs: list[Path], one_process: tuple[str, Any], scheduler: str, tmp_path: Path
) -> None:
    db = tmp_path / "sched.db"
    args = ["ingest", *map(str, inputs), "--db", str(db), "-q", "--scheduler", scheduler]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert _exports(db) == one_process


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dask", "local:2", "--workers", "2"], "--workers and --dask are ways of running"),
        (["--scheduler", "tcp://127.0.0.1:1", "-j", "3"], "--workers and --scheduler are"),
        (["--dask", "local:2", "--scheduler", "tcp://127.0.0.1:1"], "give one"),
        (["--dask", "local:0"], "at least one worker"),
        (["--dask", "tcp://127.0.0.1:1"], "expected local:N"),
        (["--scheduler", "local:2"], "expected tcp://HOST:PORT"),
        (["--dask", "two"], "expected local:N or a scheduler address"),
    ],
)
def test_ways_of_running_in_parallel_are_one_at_a_time(
    options: list[str], message: str, tmp_path: Path
) -> None:
    db = tmp_path / "never.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(db), *options])
    assert result.exit_code == 2 and message in result.output, result.output
    assert not db.exists()  # refused before anything is opened


def test_an_unreachable_scheduler_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyad import cluster

    (tmp_path / "a.txt").write_text(FINE[0], encoding="utf-8")
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2.0)
    args = ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--scheduler"]
    result = CliRunner().invoke(cli, [*args, "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "could not use the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_the_library_refuses_workers_and_dask_together(tmp_path: Path) -> None:
    from dyad.pipeline import ingest
    from dyad.store.sqlite import open_store

    (tmp_path / "a.txt").write_text(FINE[0], encoding="utf-8")
    with open_store(tmp_path / "x.db") as store, pytest.raises(ValueError, match="give one"):
        ingest([tmp_path / "a.txt"], store, workers=2, dask="local:2")


def _die_on_poison(raw: Any, settings: Any, published: str | None, debug: bool) -> Any:
    """A worker's job that kills its worker on the document named 'poison'."""
    from dyad.parallel import analyse_raw

    if raw.doc_id == "poison":
        os._exit(17)
    return analyse_raw(raw, settings, published, debug)


def test_a_dead_worker_costs_its_document_one_error_line(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Last in the module: it kills workers of the shared cluster (their nannies restart them).
    from dyad import cluster
    from dyad.ingest.reader import RawDocument, content_hash
    from dyad.parallel import ingest_ordered
    from dyad.pipeline import IngestReport
    from dyad.settings import Settings
    from dyad.store.sqlite import open_store

    monkeypatch.setattr(cluster, "analyse_raw", _die_on_poison)
    texts = {"first": FINE[0], "poison": FINE[0] + "\nMore.\n", "last": FINE[1]}
    docs = [RawDocument(k, f"{k}.txt", v, "text", content_hash(v)) for k, v in texts.items()]
    report = IngestReport()
    analyser = cluster.DaskAnalyser.connect(scheduler, Settings(), None, debug=False)
    with open_store(tmp_path / "dead.db") as store:  # ingest_ordered closes the analyser
        ingest_ordered(docs, analyser, store, Settings(), report, None, False)
    assert [(e.path, e.problem) for e in report.failed] == [
        ("poison.txt", "internal error (the Dask worker analysing it died)")
    ]
    assert report.added == ["first", "last"]


def test_a_killed_worker_is_a_death_and_a_lost_cluster_stops_the_batch() -> None:
    from distributed import KilledWorker
    from distributed.client import FutureCancelledError

    from dyad.cluster import DaskAnalyser
    from dyad.parallel import AnalysersLost, WorkerDied
    from dyad.settings import Settings

    class Handle:
        def __init__(self, exc: Exception) -> None:
            self.exc = exc

        def result(self) -> Any:
            raise self.exc

    class Client:
        def nthreads(self) -> dict[str, int]:
            return {"a": 1, "b": 1}

    analyser = DaskAnalyser(Client(), None, Settings(), None, False)  # type: ignore[arg-type]
    assert analyser.slots == 2
    with pytest.raises(WorkerDied):
        analyser.wait(Handle(KilledWorker("k", None, 1)))  # type: ignore[arg-type]
    with pytest.raises(AnalysersLost):
        analyser.wait(Handle(FutureCancelledError("k", "lost")))  # type: ignore[arg-type]


def test_the_window_is_bounded_and_a_death_is_one_error_line_in_order(tmp_path: Path) -> None:
    """Any Analyser: at most WINDOW_PER_WORKER x slots documents in flight, inputs read no
    further ahead, outcomes in input order, a death one error line and one recover()."""
    from collections import deque

    from dyad.errors import IngestError
    from dyad.ingest.reader import RawDocument, content_hash
    from dyad.parallel import WINDOW_PER_WORKER, Pending, WorkerDied, ingest_ordered
    from dyad.pipeline import IngestReport
    from dyad.settings import Settings
    from dyad.store.sqlite import open_store

    class Counting:
        slots = 2

        def __init__(self) -> None:
            self.in_flight = self.most = self.recovered = 0
            self.closed = False

        def submit(self, raw: RawDocument) -> str:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
            return raw.doc_id

        def wait(self, handle: str) -> IngestError:
            self.in_flight -= 1
            if handle == "d7":
                raise WorkerDied("test worker")
            return IngestError(f"{handle}.txt", "refused by the test")

        def recover(self, window: deque[Pending[str]]) -> None:
            self.recovered += 1

        def close(self) -> None:
            self.closed = True

    report = IngestReport()
    limit = WINDOW_PER_WORKER * Counting.slots
    ahead = []

    def stream() -> Iterator[RawDocument]:
        for i in range(100):
            ahead.append(i + 1 - len(report.failed))  # read (this one too), less those done
            text = f"document {i} " * 10
            yield RawDocument(f"d{i}", f"d{i}.txt", text, "text", content_hash(text))

    analyser = Counting()
    with open_store(tmp_path / "w.db") as store:
        ingest_ordered(stream(), analyser, store, Settings(), report, None, False)
    assert analyser.most == limit and max(ahead) == limit  # the window, never the batch
    assert analyser.closed and analyser.recovered == 1
    assert [e.path for e in report.failed] == [f"d{i}.txt" for i in range(100)]
    assert report.failed[7].problem == "internal error (the test worker analysing it died)"
