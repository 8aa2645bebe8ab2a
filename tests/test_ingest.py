"""Reading inputs: encodings, binaries, JSONL, size limits — each bad input named, none fatal."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from dyad.errors import IngestError
from dyad.ingest.decode import decode_bytes
from dyad.ingest.reader import RawDocument, read_inputs

ARTICLE = (
    "Ministers from Chile and Peru met in Lima on Monday to discuss a fishing dispute.\n\n"
    "“We agreed to keep talking,” the Chilean foreign minister said after the meeting.\n"
)


def _read(
    paths: list[Path], max_bytes: int = 10_000
) -> tuple[list[RawDocument], list[IngestError]]:
    docs, errors = [], []
    for item in read_inputs(paths, max_bytes):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors  # type: ignore[return-value]


def test_utf8_text_is_read_without_warning() -> None:
    text, warning = decode_bytes(ARTICLE.encode("utf-8"), "a.txt")
    assert text == ARTICLE and warning is None


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_western_encodings_are_detected(encoding: str) -> None:
    source = "Le ministre français a rencontré son homologue à Québec — «très bien»."
    if encoding == "latin-1":
        source = source.replace("—", "-")
    text, warning = decode_bytes(source.encode(encoding), "a.txt")
    assert text == source
    assert warning and "not UTF-8" in warning


def test_utf16_with_bom_is_read() -> None:
    text, warning = decode_bytes(ARTICLE.encode("utf-16"), "a.txt")
    assert text == ARTICLE
    assert warning and "UTF-16" in warning


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (gzip.compress(b"hello"), "gzip"),
        (b"abc\x00def\x00" * 10, "NUL"),
    ],
)
def test_binaries_are_refused_by_name(data: bytes, what: str) -> None:
    with pytest.raises(IngestError, match=what):
        decode_bytes(data, "x.txt")


def test_a_folder_with_bad_files_still_yields_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "old.txt").write_bytes(
        ARTICLE.replace("“", '"').replace("”", '"').encode("latin-1")
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "nested.txt").write_text(ARTICLE + "More.\n", encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert sorted(d.doc_id for d in docs) == ["good", "nested", "old"]
    messages = sorted(str(e) for e in errors)
    assert any("empty.txt" in m and "empty" in m for m in messages)
    assert any("image.png" in m and "PNG" in m for m in messages)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100, encoding="utf-8")
    docs, errors = _read([big], max_bytes=1000)
    assert not docs
    assert "over the limit" in str(errors[0]) and "big.txt" in str(errors[0])


def test_jsonl_reads_records_and_names_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2020-03-01", "url": "http://x"}),
        "{not json",
        json.dumps({"id": "a2", "html": "<html><body><p>" + ARTICLE + "</p></body></html>"}),
        json.dumps({"id": "a3"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read([path])
    assert [(d.doc_id, d.kind, d.published) for d in docs] == [
        ("a1", "text", "2020-03-01"),
        ("a2", "html", None),
    ]
    assert [e.line for e in errors] == [2, 4, 5]
    assert all(str(path) in str(e) for e in errors)


def test_missing_path_is_an_error_not_a_crash(tmp_path: Path) -> None:
    docs, errors = _read([tmp_path / "nope"])
    assert not docs and "no such file" in str(errors[0])


def test_a_few_stray_nul_bytes_are_removed_with_a_warning() -> None:
    text, warning = decode_bytes(ARTICLE.encode("utf-8") + b"\x00", "a.txt")
    assert text == ARTICLE and warning and "NUL" in warning


def test_broken_symbolic_link_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    docs, errors = _read([tmp_path])
    assert [d.doc_id for d in docs] == ["good"]
    assert "gone.txt" in str(errors[0]) and "broken or looping symbolic link" in str(errors[0])
