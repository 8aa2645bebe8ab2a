"""The one orchestrator: ingest -> clean -> nlp -> extract -> store.

``ingest(paths, store)`` reads every input, skips documents already stored (same content hash),
and stores each new one in its own transaction, so a failure in one file never loses another.
``analyse(document)`` is the pure part: a cleaned ``Document`` in, an ``Analysis`` out.
Once a document is stored, its events join the timeline (``dyad.timeline.build.update``): only
the blocks (pair, type, year) they fall in are redone.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from dyad.clean.html import extract_html
from dyad.clean.text import clean_text
from dyad.errors import DyadError, IngestError, StoreError
from dyad.extract import Extraction, from_doc
from dyad.ingest.meta import Meta
from dyad.ingest.reader import RawDocument, Skipped, discover, read_files
from dyad.models import Analysis, Document
from dyad.settings import Settings
from dyad.store.base import Mention, Sentence, Store
from dyad.timeline.build import update as merge_into_timeline

log = logging.getLogger(__name__)

# Documents one process parses and analyses together (one nlp.pipe stream), then stores.
BATCH_SIZE = 16
# Paragraphs the parser takes at once within that stream. Measured on 200 bench documents in
# windows of 16 (parse CPU s, peak RSS MB): batches of 16 paragraphs 14.9-15.5 s, 165 MB; 64
# 14.0 s, 205 MB; 256 14.1 s, 317 MB. The Docs are the same whatever the batch.
PARSE_BATCH_SIZE = 64
_I = TypeVar("_I")


@dataclass
class IngestReport:
    """What one ``ingest`` call did, for the CLI to print and the API to inspect."""

    added: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ignored: list[Skipped] = field(default_factory=list)  # files in folders that are no articles

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
        outlet=raw.outlet,
        published_meta=meta_date,
        offsets=offsets,
        kind=raw.kind,
    )


def analyse(doc: Document) -> tuple[Extraction, list[Sentence], list[Mention]]:
    """Parse a document and read everything dyad extracts from it."""
    return next(analyse_many([doc]))


def analyse_many(
    docs: Iterable[Document], batch_size: int = PARSE_BATCH_SIZE
) -> Iterator[tuple[Extraction, list[Sentence], list[Mention]]]:
    """``analyse`` of each document, in order: one ``nlp.pipe`` stream parses and analyses
    them all (``nlp.model.analyse_many``, ``batch_size`` paragraphs at once), ``nlp.to_records``
    reads the records off each Doc."""
    from dyad.nlp import model, to_records
    from dyad.nlp.components import DocMeta

    items = ((d.text, DocMeta(d.doc_id, d.published_meta)) for d in docs)
    for parsed in model.analyse_many(items, batch_size=batch_size):
        sentences = [Sentence(*s) for s in to_records.sentences(parsed)]
        mentions = [Mention(*e) for e in to_records.entities(parsed)]
        yield from_doc(parsed), sentences, mentions


def analyse_text(
    text: str,
    published: str | None = None,
    *,
    doc_id: str = "text",
    settings: Settings | None = None,
) -> Analysis:
    """Everything dyad reads from one article given as a string, without a store.

    The text is cleaned as a ``.txt`` input is (page furniture dropped), so the result is what
    ``ingest`` would store for it; provenance offsets index the cleaned text. ``published``
    (YYYY[-MM[-DD]]) is the publication date when known. ``IngestError`` when no article text
    is left after cleaning; ``ValueError`` for a malformed ``published``.
    """
    from dyad.ingest.dates import parse_iso_date
    from dyad.ingest.reader import content_hash

    if published is not None:
        published = parse_iso_date(published)
    raw = RawDocument(doc_id, doc_id, text, "text", content_hash(text))
    return prepare(raw, settings or Settings(), published).analysis


def ingest(
    paths: Sequence[str | Path],
    store: Store,
    settings: Settings | None = None,
    *,
    published: str | None = None,
    replace: bool = False,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    meta: Mapping[str, Meta] | None = None,
    debug: bool = False,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    dask: str | None = None,
) -> IngestReport:
    """Read, analyse and store every article under ``paths``; returns what happened to each.

    Whatever goes wrong with one document (unreadable, malformed, or an error inside the
    analysis) becomes one ``IngestError`` in the report and the batch goes on; ``debug``
    re-raises errors that are not dyad's own instead, for a traceback. ``meta`` fills a
    document's url, outlet, published and title, keyed by file name or id. ``workers`` > 1
    analyses in that many processes (``dyad.parallel``); this process alone writes, in input
    order, so the database is the same as with one. ``dask`` (``local:N`` or a scheduler's
    address) analyses on a Dask cluster instead (``dyad.cluster``), the same way. One process
    analyses ``batch_size`` documents at a time (one ``nlp.pipe`` stream) and stores them one
    by one, in order.
    """
    settings = settings or Settings.from_env()
    report = IngestReport()
    files: list[Path] = []
    own = _database_files(store.path)
    for item in discover([Path(p) for p in paths]):
        if isinstance(item, IngestError):
            report.failed.append(item)
        elif isinstance(item, Skipped):
            report.ignored.append(item)
        elif item.resolve() not in own:  # the database being written may sit among the inputs
            files.append(item)
    _merge_pending(store, report)
    inputs = read_files(progress(files) if progress else files, settings.max_file_bytes)
    if workers > 1 or dask is not None:
        from dyad.parallel import ingest_parallel

        with_meta = (r if isinstance(r, IngestError) else _with_meta(r, meta or {}) for r in inputs)
        ingest_parallel(
            with_meta, store, settings, report, published, replace, workers, debug, dask
        )
        return report
    with_meta = (r if isinstance(r, IngestError) else _with_meta(r, meta or {}) for r in inputs)
    for window in _batches(with_meta, batch_size):
        _ingest_window(window, store, settings, report, published, replace, debug)
    return report


def _batches(items: Iterable[_I], size: int) -> Iterator[list[_I]]:
    batch: list[_I] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ingest_window(
    window: list[RawDocument | IngestError],
    store: Store,
    settings: Settings,
    report: IngestReport,
    published: str | None,
    replace: bool,
    debug: bool,
) -> None:
    """Analyse a window of inputs together, then check and store each in input order exactly
    as one at a time would (a text stored earlier in the window is skipped when its turn
    comes; ``parallel`` does the same)."""
    reanalyse = replace and published is not None
    todo = [
        raw
        for raw in window
        if isinstance(raw, RawDocument) and (reanalyse or not store.has_hash(raw.content_hash))
    ]
    prepared = prepare_many(todo, settings, published, debug=debug)
    results = dict(zip(map(id, todo), prepared, strict=True))
    for raw in window:
        if isinstance(raw, IngestError):
            report.failed.append(raw)
            continue
        try:
            if raw.warning:
                report.warnings.append(f"{raw.source}: {raw.warning}")
            if not precheck(raw, store, report, published, replace):
                continue
            result = results.get(id(raw))
            if result is None:  # not analysed with the window: its text was stored then
                result = outcome(raw, debug, partial(prepare, raw, settings, published))
            if isinstance(result, IngestError):
                report.failed.append(result)
                continue
            store_analysed(result, raw, store, report, published, replace)
        except Exception as exc:  # one document's failure never stops the batch
            if debug:
                raise
            log.debug("storing %s failed", raw.source, exc_info=True)
            report.failed.append(
                IngestError(raw.source, f"internal error ({type(exc).__name__}: {exc})")
            )


def _merge_pending(store: Store, report: IngestReport) -> None:
    """Merge into the timeline the documents an earlier run stored but did not merge (it was
    stopped between the two transactions)."""
    pending = store.unmerged_doc_ids()
    if not pending:
        return
    try:
        merge_into_timeline(store, pending)
    except DyadError as exc:
        report.warnings.append(f"{len(pending)} documents not merged into the timeline ({exc})")
    else:
        log.info("merged %d documents an earlier run had stored", len(pending))


def _with_meta(raw: RawDocument, meta: Mapping[str, Meta]) -> RawDocument:
    """The raw document with the sidecar metadata of its file name (exact) or id filled in."""
    found = meta.get(Path(raw.source).name) or meta.get(raw.doc_id)
    if found is None:
        return raw
    return dataclasses.replace(
        raw,
        url=raw.url or found.url,
        outlet=raw.outlet or found.outlet,
        published=raw.published or found.published,
        title=raw.title or found.title,
    )


def _database_files(db: str) -> set[Path]:
    base = Path(db).resolve()
    return {base} | {base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal")}


@dataclass(frozen=True)
class Analysed:
    """One document cleaned and analysed: what ``store.add`` takes (picklable, so a worker
    process can hand it back to the process that writes)."""

    document: Document
    analysis: Analysis
    sentences: list[Sentence]
    mentions: list[Mention]


def prepare(raw: RawDocument, settings: Settings, published: str | None) -> Analysed:
    """The pure part of ingesting one input: clean, parse and extract (no store involved)."""
    doc = to_document(raw, settings, published)
    extraction, sentences, mentions = analyse(doc)
    return Analysed(doc, extraction.analysis, sentences, mentions)


def prepare_many(
    raws: Sequence[RawDocument],
    settings: Settings,
    published: str | None,
    *,
    debug: bool = False,
    batch_size: int = PARSE_BATCH_SIZE,
) -> list[Analysed | IngestError]:
    """``prepare`` of each input, in order, the texts parsed and analysed together (one
    ``nlp.pipe`` stream, ``batch_size`` paragraphs at once); an input that fails gets its
    ``IngestError`` and the rest go on (when one fails inside the stream, the rest of the batch
    is analysed one by one). With ``debug``, an error that is not dyad's own is raised."""
    out: list[Analysed | IngestError | None] = []
    todo: list[tuple[int, RawDocument, Document]] = []
    for raw in raws:
        result = outcome(raw, debug, partial(to_document, raw, settings, published))
        if isinstance(result, Document):
            todo.append((len(out), raw, result))
            out.append(None)
        else:
            out.append(result)
    done = 0
    try:
        for extraction, sentences, mentions in analyse_many((d for _, _, d in todo), batch_size):
            i, _, doc = todo[done]
            out[i] = Analysed(doc, extraction.analysis, sentences, mentions)
            done += 1
    except Exception:
        log.debug("a batch failed after %d documents; the rest one by one", done, exc_info=True)
        for i, raw, doc in todo[done:]:
            out[i] = outcome(raw, debug, partial(_analysed, doc))
    return [r for r in out if r is not None]


def _analysed(doc: Document) -> Analysed:
    extraction, sentences, mentions = analyse(doc)
    return Analysed(doc, extraction.analysis, sentences, mentions)


_T = TypeVar("_T")


def outcome(raw: RawDocument, debug: bool, work: Callable[[], _T]) -> _T | IngestError:
    """``work()``, or the one ``IngestError`` that names ``raw`` when it fails (a foreign
    error is raised instead with ``debug``)."""
    try:
        return work()
    except IngestError as exc:
        return exc
    except DyadError as exc:
        return IngestError(raw.source, str(exc))
    except Exception as exc:
        if debug:
            raise
        log.debug("analysing %s failed", raw.source, exc_info=True)
        return IngestError(raw.source, f"internal error ({type(exc).__name__}: {exc})")


def precheck(
    raw: RawDocument, store: Store, report: IngestReport, published: str | None, replace: bool
) -> bool:
    """Whether ``raw`` is to be analysed; when not, why is in ``report`` (already stored, or
    its id is taken by another text)."""
    reanalyse = replace and published is not None  # a new date for a stored text
    if store.has_hash(raw.content_hash) and not reanalyse:
        report.skipped.append(raw.doc_id)
        return False
    if store.has_doc_id(raw.doc_id) and not replace:
        if store.has_hash(raw.content_hash):  # another process stored it since the first look
            report.skipped.append(raw.doc_id)
            return False
        report.failed.append(
            IngestError(
                raw.source,
                f"another text is already stored as {raw.doc_id!r}; use --replace to update it",
            )
        )
        return False
    return True


def store_analysed(
    analysed: Analysed,
    raw: RawDocument,
    store: Store,
    report: IngestReport,
    published: str | None,
    replace: bool,
) -> None:
    """Write one analysed document and merge its events into the timeline (the parent's part)."""
    reanalyse = replace and published is not None
    doc = analysed.document
    try:
        old_blocks = store.event_blocks(doc.doc_id) if replace else set()
        store.add(doc, analysed.analysis, analysed.sentences, analysed.mentions, replace=replace)
    except IngestError as exc:
        report.failed.append(exc)
        return
    except DyadError as exc:
        if isinstance(exc, StoreError) and not reanalyse and store.has_hash(raw.content_hash):
            # Another process stored the same text between the check and the write.
            report.skipped.append(raw.doc_id)
            return
        report.failed.append(IngestError(raw.source, str(exc)))
        return
    report.added.append(raw.doc_id)
    log.info("stored %s", raw.doc_id)
    try:  # join the document's events to the timeline (only the blocks they fall in)
        merge_into_timeline(store, [doc.doc_id], old_blocks)
    except DyadError as exc:
        report.warnings.append(
            f"{raw.source}: stored, but not merged into the timeline ({exc}); "
            "run `dyad rebuild` to redo the timeline"
        )
    analysis = analysed.analysis
    if analysis.published is None:
        dated = sum(e.date is not None for e in analysis.events)
        report.warnings.append(
            f"{raw.doc_id}: undated: no publication date in its metadata or text; "
            f"{dated} of {len(analysis.events)} events keep a date the text gives"
        )
