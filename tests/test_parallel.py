"""``dyad ingest --workers N``: the database is the same as with one process, errors included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"

# Articles written for this test, about states the corpora do not pair.
ARTICLES = {
    "a-fishing.txt": (
        "Oslo, 3 March 2022\n\n"
        "Norway and Chile signed a fisheries agreement on Thursday, the Norwegian foreign "
        'ministry said. "This is a good day for both coasts," said Anniken Huitfeldt, '
        "Norway's foreign minister.\n\n"
        "The agreement covers 40,000 tonnes of salmon a year.\n"
    ),
    "b-border.txt": (
        "Nairobi, 12 May 2021\n\n"
        "Kenya accused Tanzania of closing the border crossing at Namanga to trucks on Monday. "
        "Kenyan officials said 300 trucks were waiting.\n\n"
        "Tanzania denied the claim and said it would hold talks with Kenya next week.\n"
    ),
    "c-aid.txt": (
        "Canberra, 8 August 2020\n\n"
        "Australia pledged 25 million dollars in aid to Fiji after the cyclone, the prime "
        "minister said on Saturday.\n\n"
        "Fiji thanked Australia for the help and asked for more boats.\n"
    ),
    "d-short.txt": "Too short.\n",  # an error line: no article text after cleaning
    "e-visit.txt": (
        "Hanoi, 2 February 2019\n\n"
        "Vietnam's president met the visiting president of Indonesia in Hanoi on Friday, and "
        "the two states agreed to cooperate on maritime security.\n"
    ),
}


def _dyad(*args: str) -> list[str]:
    return [sys.executable, "-m", "dyad", *args]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_dyad(*args), capture_output=True, text=True, timeout=600)


def _exports(db: Path) -> tuple[str, list[dict[str, object]]]:
    evaluation = _run("export", "--db", str(db), "--format", "eval")
    full = _run("export", "--db", str(db), "--format", "json")
    assert evaluation.returncode == 0 and full.returncode == 0, evaluation.stderr + full.stderr
    records = [json.loads(line) for line in full.stdout.splitlines() if line.strip()]
    for record in records:  # the moment of ingest is the only thing that may differ
        for key in [k for k in record if "ingested" in k]:
            del record[key]
    return evaluation.stdout, records


def _folder(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "f-copy.txt").write_text(ARTICLES["c-aid.txt"], encoding="utf-8")  # same text
    return folder


@pytest.mark.model
def test_two_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    one = _run("ingest", str(folder), "--db", str(tmp_path / "one.db"), "-q")
    two = _run("ingest", str(folder), "--db", str(tmp_path / "two.db"), "-q", "--workers", "2")
    # The same error lines (one, naming the short file), the same exit status.
    assert one.returncode == two.returncode == 1
    errors = [line for line in two.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "d-short.txt" in errors[0]
    assert errors == [line for line in one.stderr.splitlines() if line.startswith("error:")]
    assert _exports(tmp_path / "one.db") == _exports(tmp_path / "two.db")
    # Ingesting again is a no-op either way.
    again = _run("ingest", str(folder), "--db", str(tmp_path / "two.db"), "-q", "--workers", "2")
    assert _exports(tmp_path / "two.db") == _exports(tmp_path / "one.db"), again.stderr


@pytest.mark.model
@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/corpus/seeds")
def test_two_workers_on_the_seeds(tmp_path: Path) -> None:
    one = _run("ingest", str(SEEDS), "--db", str(tmp_path / "one.db"), "-q")
    two = _run("ingest", str(SEEDS), "--db", str(tmp_path / "two.db"), "-q", "--workers", "2")
    assert one.returncode == two.returncode
    assert _exports(tmp_path / "one.db") == _exports(tmp_path / "two.db")


def test_a_worker_error_is_one_error_line() -> None:
    from dyad.errors import IngestError
    from dyad.ingest.reader import RawDocument, content_hash
    from dyad.parallel import analyse_raw
    from dyad.settings import Settings

    raw = RawDocument("x", "x.txt", "tiny", "text", content_hash("tiny"))
    result = analyse_raw(raw, Settings(), None, debug=False)
    assert isinstance(result, IngestError) and result.path == "x.txt"


def test_start_method_never_forks() -> None:
    from dyad.parallel import start_method

    assert start_method() in {"forkserver", "spawn"}


def test_an_ingest_error_crosses_processes_whole() -> None:
    import pickle

    from dyad.errors import IngestError

    error = pickle.loads(pickle.dumps(IngestError("feed.jsonl", "not valid JSON", 7)))
    assert (error.path, error.problem, error.line) == ("feed.jsonl", "not valid JSON", 7)
    assert str(error) == "feed.jsonl:7: not valid JSON"


def test_a_failure_in_the_writing_process_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyad.parallel as parallel
    from dyad.errors import IngestError
    from dyad.ingest.reader import RawDocument, content_hash
    from dyad.pipeline import IngestReport
    from dyad.settings import Settings
    from dyad.store.sqlite import open_store

    def precheck(raw: RawDocument, store: object, report: IngestReport, *args: object) -> bool:
        if raw.doc_id == "a":
            raise RuntimeError("boom")
        report.skipped.append(raw.doc_id)
        return False

    monkeypatch.setattr(parallel, "precheck", precheck)
    docs = [RawDocument(n, f"{n}.txt", n * 50, "text", content_hash(n * 50)) for n in "ab"]
    report = IngestReport()
    with open_store(tmp_path / "p.db") as store:
        monkeypatch.setattr(store, "has_hash", lambda h: True)  # stored: nothing is sent out
        parallel.ingest_parallel(
            [IngestError("bad.jsonl", "not valid JSON", 3), *docs],
            store, Settings(), report, None, False, workers=2,
        )  # fmt: skip
    assert [(e.path, e.line) for e in report.failed] == [("bad.jsonl", 3), ("a.txt", None)]
    assert "internal error (RuntimeError: boom)" in report.failed[1].problem
    assert report.skipped == ["b"]
