"""Reliability: no input stops a batch, long and hostile texts are analysed in bounded pieces,
dates a user types are checked, and files that are no articles are passed over by name.

The sentences are written for these tests; none comes from the corpus.
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import cli
from dyad.errors import IngestError
from dyad.ingest.dates import parse_iso_date
from dyad.ingest.meta import load_meta
from dyad.ingest.reader import Skipped, discover, read_files
from dyad.nlp.model import MAX_PIECE_CHARS, paragraph_chunks, split_long

GOOD = (
    "SANTIAGO, March 4 - Chile's foreign minister met his Peruvian counterpart on Tuesday to "
    "discuss fishing rights off the coast, the ministry said in a statement.\n\n"
    "\u201cWe will keep talking until the matter is settled,\u201d the minister told reporters.\n"
)
OTHER = (
    "OSLO, June 9 - Norway and Vietnam signed an agreement on offshore wind on Friday, the "
    "Norwegian government said, after two days of talks in Hanoi.\n"
)


# -- pieces under the parser's limit --------------------------------------------------------


def test_a_long_paragraph_is_cut_into_pieces_that_join_back() -> None:
    sentence = "Ghana and Togo agreed to reopen the border crossing on Monday. "
    text = sentence * 2000  # ~126,000 characters, one paragraph
    pieces = paragraph_chunks(text)
    assert "".join(pieces) == text
    assert max(len(p) for p in pieces) <= MAX_PIECE_CHARS
    assert all(p.endswith(". ") for p in pieces[:-1])  # cut at sentence ends


def test_text_without_sentence_ends_or_spaces_is_still_cut() -> None:
    spaced = "ab " * 50
    pieces = split_long(spaced, 20)
    assert "".join(pieces) == spaced
    assert all(len(p) <= 20 and p.endswith(" ") for p in pieces)  # cut at white space
    assert split_long("x" * 55, 20) == ["x" * 20, "x" * 20, "x" * 15]


@pytest.mark.model
def test_a_text_longer_than_the_parsers_limit_is_parsed_with_offsets_kept() -> None:
    from dyad.nlp.model import load, parse

    nlp = load()
    limit = nlp.max_length
    nlp.max_length = 3_000  # the real limit is 1,000,000: the same code path, quicker
    try:
        text = "Kenya and Uganda met in Nairobi on Monday. " * 300  # 12,900 characters
        doc = parse(text)
    finally:
        nlp.max_length = limit
    assert doc.text == text
    assert sum(1 for e in doc.ents if e.text == "Kenya") >= 290


@pytest.mark.model
def test_a_wall_of_quotation_marks_is_one_token_not_thousands() -> None:
    from dyad.nlp.model import parse

    text = 'The Malian minister said "' + '"' * 5_000 + " on Monday.\n"
    doc = parse(text)
    assert doc.text == text
    assert len(doc) < 20


# -- dates a user types -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2023", "2023-03", "2023-03-21", " 2024-02-29 "])
def test_iso_dates_to_day_month_or_year_are_accepted(value: str) -> None:
    assert parse_iso_date(value) == value.strip()


@pytest.mark.parametrize(
    "value", ["yesterday", "21/03/2023", "2023-13-01", "2023-02-30", "23-03-21", "2023-3-1", ""]
)
def test_anything_else_is_refused_with_what_is_expected(value: str) -> None:
    with pytest.raises(ValueError, match=r"ISO date|calendar"):
        parse_iso_date(value)


def test_the_cli_refuses_a_bad_published_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    result = CliRunner().invoke(
        cli,
        ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db"), "--published", "May"],
    )
    assert result.exit_code == 2
    assert "not an ISO date" in result.output
    assert not (tmp_path / "x.db").exists()


# -- files that are no articles, and files that cannot be read ------------------------------


def test_data_notes_and_gold_files_in_a_folder_are_skipped_by_name(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(GOOD)
    (tmp_path / "sources.tsv").write_text("doc\turl\n")
    (tmp_path / "README.md").write_text("# notes\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"doc_id": "a", "events": []}) + "\n")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "b", "text": OTHER}) + "\n")
    found = list(discover([tmp_path]))
    paths = sorted(Path(p).name for p in found if isinstance(p, Path))
    skipped = sorted(Path(s.path).name for s in found if isinstance(s, Skipped))
    assert paths == ["article.txt", "feed.jsonl"]
    assert skipped == ["README.md", "gold.jsonl", "sources.tsv"]
    # Named on the command line, a file is read whatever its ending.
    assert list(discover([tmp_path / "README.md"])) == [tmp_path / "README.md"]


def test_a_symlink_loop_a_dangling_link_and_a_folder_named_like_a_file(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner article.txt").write_text(GOOD)
    (tmp_path / "up").symlink_to(tmp_path, target_is_directory=True)
    found = list(discover([tmp_path]))
    errors = sorted(Path(e.path).name for e in found if isinstance(e, IngestError))
    files = [p.name for p in found if isinstance(p, Path)]
    assert errors == ["gone.txt", "loop"]
    assert files == ["inner article.txt"]
    assert [Path(s.path).name for s in found if isinstance(s, Skipped)] == ["up"]


def test_a_file_that_vanishes_before_it_is_read_is_named(tmp_path: Path) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(GOOD)
    files = list(discover([tmp_path]))
    path.unlink()
    out = list(read_files([p for p in files if isinstance(p, Path)], 10_000))
    assert len(out) == 1 and isinstance(out[0], IngestError)
    assert "brief.txt" in str(out[0]) and "cannot read" in str(out[0])


def test_a_file_that_becomes_unreadable_mid_run_is_named_and_the_rest_go_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root, so the read itself is made to fail as it would
    paths = []
    for name in ("first.txt", "locked.txt", "last.txt"):
        (tmp_path / name).write_text(GOOD)
        paths.append(tmp_path / name)
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = list(read_files(paths, 10_000))
    errors = [e for e in out if isinstance(e, IngestError)]
    assert len(out) == 3 and len(errors) == 1
    assert "locked.txt" in str(errors[0]) and "Permission denied" in str(errors[0])


def test_jsonl_fields_of_the_wrong_type_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "ok", "text": OTHER},
        {"id": ["a", "list"], "text": OTHER},
        {"id": "c", "text": OTHER, "published": {"y": 2020}},
        {"id": "d", "text": 42},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    out = list(read_files([path], 100_000))
    errors = [e for e in out if isinstance(e, IngestError)]
    assert [e.line for e in errors] == [2, 3, 4]
    assert "'id'" in str(errors[0]) and "'published'" in str(errors[1])


# -- sidecar metadata -------------------------------------------------------------------------


def test_metadata_from_csv_tsv_and_jsonl(tmp_path: Path) -> None:
    csv_file = tmp_path / "meta.csv"
    csv_file.write_text(
        "file,url,outlet,published,title\n"
        "brief.txt,https://news.example.org/a,Example News,2021-06-09,Wind deal\n"
    )
    tsv_file = tmp_path / "meta.tsv"
    tsv_file.write_text("id\tpublished\nbrief\t2021-06\n")
    jsonl_file = tmp_path / "meta.jsonl"
    jsonl_file.write_text(json.dumps({"id": "brief", "outlet": "Wire"}) + "\n")
    by_csv = load_meta(csv_file)
    assert (
        by_csv["brief.txt"].outlet == "Example News" and by_csv["brief"].published == "2021-06-09"
    )
    assert load_meta(tsv_file)["brief"].published == "2021-06"
    assert load_meta(jsonl_file)["brief"].outlet == "Wire"


def test_metadata_with_a_bad_date_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "meta.csv"
    bad.write_text("file,published\na.txt,2021-06-09\nb.txt,last week\n")
    with pytest.raises(IngestError, match=r"meta\.csv:3: .*not an ISO date"):
        load_meta(bad)
    no_key = tmp_path / "nokey.csv"
    no_key.write_text("name,published\na.txt,2021\n")
    with pytest.raises(IngestError, match="'file' or 'id'"):
        load_meta(no_key)


# -- one document's failure never costs the others ---------------------------------------------


def _hostile_folder(root: Path) -> dict[str, str]:
    """A folder of bad inputs beside good ones; returns {file name: what must happen}."""
    root.mkdir()
    expect = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        path = root / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = outcome

    put("good one.txt", GOOD, "added")
    put("Ålesund nyheter.txt", OTHER, "added")
    put("empty.txt", b"", "error")
    put("blank.txt", "   \n\n \t \n", "error")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "error")
    put("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" * 10, "error")
    put("packed.txt", gzip.compress(GOOD.encode()), "error")
    put("nuls.txt", b"\x00" * 500 + GOOD.encode()[:40], "error")
    put("invalid utf8.txt", GOOD.encode("utf-8").replace(b"Chile", b"Ch\xffle\xfe"), "added")
    put(
        "latin1.txt",
        GOOD.replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("Chile", "Chilé")
        .encode("latin-1"),
        "added",
    )
    put("cp1252.txt", GOOD.replace("Chile", "Chil\u00e9").encode("cp1252"), "added")
    put("utf16 bom.txt", GOOD.replace("Tuesday", "Wednesday").encode("utf-16"), "added")
    put("utf16 no bom.txt", GOOD.replace("Tuesday", "Thursday").encode("utf-16-le"), "added")
    put("crlf.txt", OTHER.replace("Friday", "Monday").replace("\n", "\r\n"), "added")
    put(
        "zero width.txt",
        OTHER.replace("Norway", "Nor\u200bway").replace("Friday", "Sunday"),
        "added",
    )
    put(
        "broken.html", "<html><body><p>" + OTHER.replace("Friday", "Saturday") + "<div><p>", "added"
    )
    nested = "<div>" * 3000 + "Norway and Vietnam met in Oslo on Tuesday to talk trade. " * 5
    put("nested.html", "<html><body>" + nested + "</div>" * 3000 + "</body></html>", "any")
    put(
        "scripts.html",
        "<html><body><script>alert(1)</script><article><p>"
        + OTHER.replace("Friday", "Thursday")
        + "</p><img src=x onerror=alert(2)><a href='javascript:alert(3)'>x</a>"
        + "</article></body></html>",
        "added",
    )
    feed = [
        json.dumps({"id": "feed-1", "text": GOOD.replace("Tuesday", "Friday")}),
        "{not json",
        json.dumps({"id": 7, "text": []}),
    ]
    put("feed.jsonl", "\n".join(feed) + "\n", "added+errors")
    put("huge.txt", GOOD * 2000, "error")  # over the size limit set below
    put(
        "long line.txt",
        ("Ghana and Togo agreed to reopen the border crossing on Monday. " * 1500),
        "added",
    )
    return expect


@pytest.mark.model
def test_a_folder_of_hostile_inputs_ingests_the_good_and_names_the_bad(tmp_path: Path) -> None:
    from dyad.pipeline import ingest
    from dyad.settings import Settings
    from dyad.store.sqlite import open_store

    expect = _hostile_folder(tmp_path / "in")
    with open_store(tmp_path / "h.db") as store:
        report = ingest([tmp_path / "in"], store, Settings(max_file_bytes=200_000))
        stored = set(store.doc_ids())
    failed = {Path(e.path).name for e in report.failed}
    for name, outcome in expect.items():
        stem = Path(name).stem
        if outcome == "added":
            assert stem in stored, f"{name} was not stored: {report.failed}"
        elif outcome == "error":
            assert name in failed, f"{name} got no error line"
            assert stem not in stored
    assert "feed-1" in stored
    assert {e.line for e in report.failed if Path(e.path).name == "feed.jsonl"} == {2, 3}
    # Every error names its file, and no error is an internal one.
    assert all(e.path and "internal error" not in e.problem for e in report.failed)


@pytest.mark.model
def test_an_internal_error_in_one_document_is_reported_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dyad.nlp.components as components
    import dyad.pipeline as pipeline
    from dyad.store.sqlite import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text(OTHER)
    real = components.extract_figures

    def flaky(doc, *, doc_id, published):  # type: ignore[no-untyped-def]
        if doc_id == "a":  # fails inside the nlp.pipe stream that analyses both documents
            raise IndexError("string index out of range")
        return real(doc, doc_id=doc_id, published=published)

    monkeypatch.setattr(components, "extract_figures", flaky)
    with open_store(tmp_path / "x.db") as store:
        report = pipeline.ingest([folder], store)
        assert store.doc_ids() == ["b"]
    assert len(report.failed) == 1
    assert "a.txt" in str(report.failed[0]) and "IndexError" in str(report.failed[0])
    with open_store(tmp_path / "y.db") as store, pytest.raises(IndexError):
        pipeline.ingest([folder], store, debug=True)


@pytest.mark.model
def test_published_with_replace_reanalyses_a_stored_text(tmp_path: Path) -> None:
    runner = CliRunner()
    article = tmp_path / "brief.txt"
    article.write_text(OTHER.replace("OSLO, June 9 - ", ""))
    db = str(tmp_path / "x.db")
    assert runner.invoke(cli, ["ingest", str(article), "--db", db, "-q"]).exit_code == 0
    again = runner.invoke(cli, ["ingest", str(article), "--db", db, "--published", "2019-06-14"])
    assert "1 already stored" in again.output  # without --replace the stored one stands
    result = runner.invoke(
        cli, ["ingest", str(article), "--db", db, "--published", "2019-06-14", "--replace"]
    )
    assert result.exit_code == 0, result.output
    listing = runner.invoke(cli, ["list", "--db", db]).output
    assert "2019-06-14" in listing


@pytest.mark.model
def test_sidecar_metadata_dates_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "brief.txt").write_text(OTHER.replace("OSLO, June 9 - ", ""))
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published,url\nbrief.txt,2018-06-15,https://news.example.org/x\n")
    db = str(tmp_path / "x.db")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--meta", str(meta)])
    assert result.exit_code == 0, result.output
    assert "2018-06-15" in CliRunner().invoke(cli, ["list", "--db", db]).output


def test_no_traceback_reaches_the_user_without_debug(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "nothing-here: no such file or folder" in result.output


def test_skipped_files_are_named_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes\n")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert "skipped: " in result.output and "notes.md" in result.output
    assert result.exit_code == 0


def test_no_world_writable_temp_state(tmp_path: Path) -> None:
    # The store's files are created with the user's umask, never opened for everyone.
    from dyad.store.sqlite import open_store

    with open_store(tmp_path / "x.db"):
        pass
    assert not os.stat(tmp_path / "x.db").st_mode & 0o002
