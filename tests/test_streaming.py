"""A JSON Lines feed is read lazily, a line at a time: memory does not grow with the feed."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from dyad.errors import IngestError
from dyad.ingest.reader import RawDocument, read_file

ARTICLE = (
    "Ghana and Togo agreed on Tuesday to reopen their border for trade, officials said. "
    "Ministers of both states will meet again in the spring. "
)


def _feed(path: Path, lines: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(lines):
            fh.write(json.dumps({"id": f"n{i}", "text": ARTICLE * 4 + f"Bulletin {i}."}) + "\n")
    return path


def _peak(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    count = 0
    for item in read_file(path, 5_000_000):
        assert isinstance(item, RawDocument)
        count += 1
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return count, peak


def test_memory_is_flat_in_the_length_of_the_feed(tmp_path: Path) -> None:
    small, small_peak = _peak(_feed(tmp_path / "small.jsonl", 200))
    large, large_peak = _peak(_feed(tmp_path / "large.jsonl", 4_000))
    assert (small, large) == (200, 4_000)
    assert large_peak < 1.2 * small_peak + 200_000  # about 3 MB of feed vs 150 kB
    assert large_peak < 1_000_000


def test_the_feed_is_never_read_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _feed(tmp_path / "feed.jsonl", 3)

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        raise AssertionError("read whole")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    assert [d.doc_id for d in read_file(path, 5_000_000) if isinstance(d, RawDocument)] == [
        "n0",
        "n1",
        "n2",
    ]


def test_a_feed_larger_than_the_file_limit_is_read_and_a_long_line_named(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        "\ufeff" + json.dumps({"id": "a", "text": ARTICLE}),
        json.dumps({"id": "b", "text": ARTICLE * 40}),  # over the limit below
        "",
        json.dumps({"id": "c", "text": ARTICLE}) + "\r",  # CRLF
        "{not json",
        json.dumps({"id": "d", "text": "caf\u00e9 " + ARTICLE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path, 2_000))
    docs = [i.doc_id for i in items if isinstance(i, RawDocument)]
    errors = {i.line: i.problem for i in items if isinstance(i, IngestError)}
    assert docs == ["a", "c", "d"]
    assert set(errors) == {2, 5} and "over the limit" in errors[2]
    assert [i.content for i in items if isinstance(i, RawDocument)][2].startswith("caf\u00e9")


def test_a_latin1_line_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    line = json.dumps({"id": "x", "text": "Caf\u00e9 " + ARTICLE}, ensure_ascii=False)
    path.write_bytes(line.encode("latin-1") + b"\n")
    (doc,) = list(read_file(path, 5_000_000))
    assert isinstance(doc, RawDocument) and doc.content.startswith("Caf\u00e9")
