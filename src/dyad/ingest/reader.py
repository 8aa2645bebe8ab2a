"""Finding and reading input files: text, HTML and JSON Lines. No parsing of meaning here.

Each input becomes one or more ``RawDocument``s; an input that cannot be read becomes an
``IngestError`` naming the file (and line) and the problem. Reading never stops at the first bad
file: ``read_inputs`` yields documents and errors in turn.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dyad.errors import IngestError
from dyad.ingest.decode import _BINARY_SIGNATURES, decode_bytes

log = logging.getLogger(__name__)

# Any other file is read as text (HTML when it looks like HTML).
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# Files found in a folder with these endings are data, notes or code, not articles: skipped by
# name (a file named on the command line is read whatever its ending).
NOT_ARTICLE_SUFFIXES = frozenset(
    {".tsv", ".csv", ".md", ".markdown", ".json", ".yaml", ".yml", ".toml", ".py", ".sh",
     ".db", ".sqlite", ".parquet", ".svg", ".css", ".js", ".log"}
)  # fmt: skip


@dataclass(frozen=True)
class Skipped:
    """A file found in a folder that is not an article, with the reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class RawDocument:
    """An article as read from its source, before cleaning."""

    doc_id: str
    source: str  # path, or path:line for JSONL
    content: str
    kind: str  # "text" or "html"
    content_hash: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    warning: str | None = None
    outlet: str | None = None


def content_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def discover(paths: list[Path]) -> Iterator[Path | IngestError | Skipped]:
    """Files under ``paths`` (folders recursively, sorted, symbolic links to folders not
    followed); an error for a missing path; a ``Skipped`` for a file in a folder that is no
    article by its ending or content (a ``.tsv``, a ``.md``, a gold file)."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield IngestError(str(path), "broken or looping symbolic link")
        else:
            yield IngestError(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path | IngestError | Skipped]:
    try:
        children = sorted(folder.iterdir())
    except OSError as exc:
        yield IngestError(str(folder), f"cannot list the folder ({exc.strerror or exc})")
        return
    for child in children:
        if child.name.startswith("."):
            continue
        try:
            if child.is_symlink() and child.is_dir():
                yield Skipped(str(child), "a symbolic link to a folder (not followed)")
            elif child.is_dir():
                yield from _walk(child)
            elif child.is_file():
                reason = not_article(child)
                yield Skipped(str(child), reason) if reason else child
            elif child.is_symlink():
                yield IngestError(str(child), "broken or looping symbolic link")
        except OSError as exc:
            yield IngestError(str(child), f"cannot read ({exc.strerror or exc})")


def not_article(path: Path) -> str | None:
    """Why a file found in a folder is no article, or None: data and notes by their ending,
    and dyad-eval/1 gold or prediction files (JSON Lines with ``doc_id`` and no text)."""
    suffix = path.suffix.lower()
    if suffix in NOT_ARTICLE_SUFFIXES:
        return f"a {suffix} file is not an article (name it to ingest it)"
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as fh:
                first = fh.readline(1_000_000)
            record = json.loads(first)
        except (OSError, ValueError):
            return None
        if (
            isinstance(record, dict)
            and "doc_id" in record
            and not (record.get("text") or record.get("html"))
        ):
            return "a dyad-eval/1 record file, not articles (name it to ingest it)"
    return None


def read_inputs(paths: list[Path], max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """Every document under ``paths``, with an ``IngestError`` in place of each one that fails."""
    for item in discover(paths):
        if isinstance(item, IngestError):
            yield item
        elif isinstance(item, Path):
            yield from read_files([item], max_bytes)


def read_files(files: Iterable[Path], max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """The documents of each file in turn, an ``IngestError`` in place of a file that fails."""
    for path in files:
        try:
            yield from read_file(path, max_bytes)
        except IngestError as exc:
            yield exc
        except OSError as exc:  # vanished, unreadable, a folder, a device
            yield IngestError(str(path), f"cannot read ({exc.strerror or exc})")


def read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    size = path.stat().st_size
    if size == 0:
        raise IngestError(str(path), "empty file")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES and _streamable(path):
        # Read lazily, a line at a time: a feed of any size in flat memory; the limit is per line.
        yield from _stream_jsonl(path, max_bytes)
        return
    if size > max_bytes:
        raise IngestError(
            str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_file_bytes)"
        )
    data = path.read_bytes()
    text, warning = decode_bytes(data, str(path))
    if warning:
        log.debug("%s: %s", path, warning)  # reported to the user through RawDocument.warning
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, text, max_bytes)
        return
    kind = "html" if suffix in HTML_SUFFIXES or _looks_like_html(text) else "text"
    if not text.strip():
        raise IngestError(str(path), "no text in file")
    yield RawDocument(
        doc_id=path.stem,
        source=str(path),
        content=text,
        kind=kind,
        content_hash=content_hash(text),
        warning=warning,
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def _streamable(path: Path) -> bool:
    """Whether a JSON Lines file can be read line by line as bytes: UTF-8 (or a legacy
    one-byte encoding), not UTF-16/32 and not a binary. Others are read whole, as before."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if any(head.startswith(sig) for sig, _ in _BINARY_SIGNATURES):
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # also UTF-32 LE
        return False
    return head.startswith(codecs.BOM_UTF8) or head.count(b"\x00") == 0


def _stream_jsonl(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    with path.open("rb") as fh:
        for n, (data, too_long) in enumerate(_byte_lines(fh, max_bytes), 1):
            if too_long:
                yield IngestError(str(path), f"line is over the limit of {max_bytes:,} bytes", n)
                continue
            if n == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8) :]
            if not data.strip():
                continue
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line, warning = decode_bytes(data, str(path))
                except IngestError as exc:
                    yield IngestError(str(path), exc.problem, n)
                    continue
                log.debug("%s:%d: %s", path, n, warning)
            yield from _jsonl_record(path, line, n)


def _byte_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, bool]]:
    """The lines of a binary file (split at LF only), each with whether it is over
    ``max_bytes``; an overlong line is skipped in pieces, never held whole."""
    while True:
        data = fh.readline(max_bytes + 3)
        if not data:
            return
        if len(data.rstrip(b"\r\n")) > max_bytes:
            while data and not data.endswith(b"\n"):
                data = fh.readline(1 << 20)
            yield b"", True
            continue
        yield data, False


def _read_jsonl(path: Path, text: str, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(line.encode("utf-8")) > max_bytes:
            yield IngestError(str(path), f"line is over the limit of {max_bytes:,} bytes", n)
            continue
        yield from _jsonl_record(path, line, n)


def _jsonl_record(path: Path, line: str, n: int) -> Iterator[RawDocument | IngestError]:
    """The document of line ``n`` of a JSON Lines file, or the error that names the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield IngestError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno})", n)
        return
    if not isinstance(record, dict):
        yield IngestError(str(path), "a line must be a JSON object", n)
        return
    body = record.get("html") if record.get("html") else record.get("text")
    if not isinstance(body, str) or not body.strip():
        yield IngestError(str(path), "no 'text' or 'html' field with content", n)
        return
    kind = "html" if record.get("html") else "text"
    keys = ("id", "url", "title", "published", "outlet")
    wrong = [k for k in keys if not _scalar(record.get(k))]
    if wrong:
        yield IngestError(str(path), f"field {wrong[0]!r} must be a string or number", n)
        return
    doc_id = str(record.get("id") or f"{path.stem}-{n}")
    published = record.get("published")
    yield RawDocument(
        doc_id=doc_id,
        source=f"{path}:{n}",
        content=body,
        kind=kind,
        content_hash=content_hash(body),
        url=_opt_str(record.get("url")),
        title=_opt_str(record.get("title")),
        published=_opt_str(published),
        outlet=_opt_str(record.get("outlet")),
    )


def _scalar(value: object) -> bool:
    return value is None or (isinstance(value, (str, int, float)) and not isinstance(value, bool))


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
