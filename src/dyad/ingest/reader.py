"""Finding and reading input files: text, HTML and JSON Lines. No parsing of meaning here.

Each input becomes one or more ``RawDocument``s; an input that cannot be read becomes an
``IngestError`` naming the file (and line) and the problem. Reading never stops at the first bad
file: ``read_inputs`` yields documents and errors in turn.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import IngestError
from dyad.ingest.decode import decode_bytes

log = logging.getLogger(__name__)

# Any other file is read as text (HTML when it looks like HTML).
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


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


def content_hash(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def discover(paths: list[Path]) -> Iterator[Path | IngestError]:
    """Files under ``paths`` (folders recursively, sorted); an error for a missing path."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.startswith("."):
                    continue
                if child.is_file():
                    yield child
                elif child.is_symlink() and not child.exists():
                    yield IngestError(str(child), "broken symbolic link")
        elif path.is_file():
            yield path
        else:
            yield IngestError(str(path), "no such file or folder")


def read_inputs(paths: list[Path], max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """Every document under ``paths``, with an ``IngestError`` in place of each one that fails."""
    for item in discover(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_files([item], max_bytes)


def read_files(files: Iterable[Path], max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """The documents of each file in turn, an ``IngestError`` in place of a file that fails."""
    for path in files:
        try:
            yield from read_file(path, max_bytes)
        except IngestError as exc:
            yield exc


def read_file(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    size = path.stat().st_size
    if size == 0:
        raise IngestError(str(path), "empty file")
    if size > max_bytes:
        raise IngestError(
            str(path), f"file is {size:,} bytes, over the limit of {max_bytes:,} (max_file_bytes)"
        )
    data = path.read_bytes()
    suffix = path.suffix.lower()
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


def _read_jsonl(path: Path, text: str, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if len(line.encode("utf-8")) > max_bytes:
            yield IngestError(str(path), f"line is over the limit of {max_bytes:,} bytes", n)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno})", n)
            continue
        if not isinstance(record, dict):
            yield IngestError(str(path), "a line must be a JSON object", n)
            continue
        body = record.get("html") if record.get("html") else record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield IngestError(str(path), "no 'text' or 'html' field with content", n)
            continue
        kind = "html" if record.get("html") else "text"
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
        )


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
