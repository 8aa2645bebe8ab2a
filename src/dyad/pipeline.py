"""The one orchestrator: ingest -> clean -> nlp -> extract -> store.

``ingest(paths, store)`` reads every input, skips documents already stored (same content hash),
and stores each new one in its own transaction, so a failure in one file never loses another.
``analyse(document)`` is the pure part: a cleaned ``Document`` in, an ``Analysis`` out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad.clean.html import extract_html
from dyad.clean.text import clean_text
from dyad.errors import DyadError, IngestError
from dyad.extract import Extraction, extract
from dyad.ingest.reader import RawDocument, discover, read_files
from dyad.models import Document
from dyad.settings import Settings
from dyad.store.sqlite import Mention, Sentence, SQLiteStore
from dyad.timeline.build import update as merge_into_timeline

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What one ``ingest`` call did, for the CLI to print and the API to inspect."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def to_document(raw: RawDocument, settings: Settings, published: str | None = None) -> Document:
    """Clean a raw input into a ``Document`` (HTML through trafilatura, text by furniture rules)."""
    meta_date = published or raw.published
    title = raw.title
    offsets: tuple[tuple[int, int], ...]
    if raw.kind == "html":
        extracted = extract_html(raw.content, raw.source)
        text, offsets = extracted.text, ((0, 0),)
        title = title or extracted.title
        meta_date = meta_date or extracted.date
    else:
        cleaned = clean_text(raw.content)
        text, offsets = cleaned.text, cleaned.offsets
    if len(text.strip()) < settings.min_text_chars:
        raise IngestError(
            raw.source,
            f"no article text (under {settings.min_text_chars} characters after cleaning)",
        )
    return Document(
        doc_id=raw.doc_id,
        source_path=raw.source,
        content_hash=raw.content_hash,
        original=raw.content,
        text=text,
        title=title,
        url=raw.url,
        published_meta=meta_date,
        offsets=offsets,
        kind=raw.kind,
    )


def analyse(doc: Document, nlp: Any = None) -> tuple[Extraction, list[Sentence], list[Mention]]:
    """Parse a document and read everything dyad extracts from it."""
    from dyad.nlp.model import parse

    parsed = parse(doc.text, nlp)
    sentences = [Sentence(s.start_char, s.end_char, s.text) for s in parsed.sents if s.text.strip()]
    mentions = [Mention(e.start_char, e.end_char, e.label_, e.text) for e in parsed.ents]
    return extract(parsed, doc), sentences, mentions


def ingest(
    paths: Sequence[str | Path],
    store: SQLiteStore,
    settings: Settings | None = None,
    *,
    published: str | None = None,
    replace: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; returns what happened to each."""
    settings = settings or Settings.from_env()
    report = IngestReport()
    files: list[Path] = []
    own = _database_files(store.path)
    for item in discover([Path(p) for p in paths]):
        if isinstance(item, IngestError):
            report.failed.append(item)
        elif item.resolve() not in own:  # the database being written may sit among the inputs
            files.append(item)
    for raw in read_files(progress(files) if progress else files, settings.max_file_bytes):
        if isinstance(raw, IngestError):
            report.failed.append(raw)
        else:
            _ingest_one(raw, store, settings, report, published, replace)
    return report


def _database_files(db: str) -> set[Path]:
    base = Path(db).resolve()
    return {base} | {base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal")}


def _ingest_one(
    raw: RawDocument,
    store: SQLiteStore,
    settings: Settings,
    report: IngestReport,
    published: str | None,
    replace: bool,
) -> None:
    if raw.warning:
        report.warnings.append(f"{raw.source}: {raw.warning}")
    if store.has_hash(raw.content_hash):
        report.skipped.append(raw.doc_id)
        return
    if store.has_doc_id(raw.doc_id) and not replace:
        report.failed.append(
            IngestError(
                raw.source,
                f"another text is already stored as {raw.doc_id!r}; use --replace to update it",
            )
        )
        return
    try:
        doc = to_document(raw, settings, published)
        extraction, sentences, mentions = analyse(doc)
        old_blocks = store.event_blocks(doc.doc_id) if replace else set()
        store.add(doc, extraction.analysis, sentences, mentions, replace=replace)
        merge_into_timeline(store, [doc.doc_id], old_blocks)
    except IngestError as exc:
        report.failed.append(exc)
        return
    except DyadError as exc:
        report.failed.append(IngestError(raw.source, str(exc)))
        return
    report.added.append(raw.doc_id)
    log.info("stored %s", raw.doc_id)
