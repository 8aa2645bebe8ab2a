"""Ingest on several local processes: workers clean, parse and extract; the parent writes.

Each worker process loads the spaCy model and the gazetteer once (the pool's initializer) and
turns ``RawDocument``s into ``Analysed`` records. The parent keeps a bounded window of
documents in flight, takes the results back in input order and stores each exactly as a
one-process ingest would (same checks, same transaction, same timeline merge), so the
database is the same whatever the number of workers. Inputs are read lazily: memory holds the
window, never the batch.

Workers start with ``forkserver`` (``spawn`` where there is none): never a fork of a parent
that holds an open database or a loaded model.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from dyad.errors import DyadError, IngestError
from dyad.ingest.reader import RawDocument
from dyad.pipeline import Analysed, IngestReport, precheck, prepare, store_analysed
from dyad.settings import Settings
from dyad.store.base import Store

log = logging.getLogger(__name__)

# Documents in flight per worker: enough to keep every worker busy while the parent writes.
WINDOW_PER_WORKER = 4


@dataclass
class _Pending:
    """One input in the window: a read error, or a document with its analysis under way
    (``future`` None when the document was already stored when it was read)."""

    item: RawDocument | IngestError
    future: Future[Analysed | IngestError] | None = None


def start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def _init_worker() -> None:
    """Load the model and the gazetteer once per worker process."""
    from dyad.nlp.model import load
    from dyad.resolve.gazetteer import Gazetteer

    load()
    Gazetteer.load()


def analyse_raw(
    raw: RawDocument, settings: Settings, published: str | None, debug: bool
) -> Analysed | IngestError:
    """A worker's job: one raw document analysed, or the one error that names it. With
    ``debug``, an error that is not dyad's own is raised (the parent shows its traceback)."""
    try:
        return prepare(raw, settings, published)
    except IngestError as exc:
        return exc
    except DyadError as exc:
        return IngestError(raw.source, str(exc))
    except Exception as exc:
        if debug:
            raise
        log.debug("analysing %s failed", raw.source, exc_info=True)
        return IngestError(raw.source, f"internal error ({type(exc).__name__}: {exc})")


class _Pool:
    """A process pool that is started again when a worker dies (killed, out of memory)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(start_method()),
                initializer=_init_worker,
            )
        return self.executor

    def restart(self) -> None:
        self.close()
        self.get()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def ingest_parallel(
    inputs: Iterable[RawDocument | IngestError],
    store: Store,
    settings: Settings,
    report: IngestReport,
    published: str | None,
    replace: bool,
    workers: int,
    debug: bool = False,
) -> None:
    """Analyse ``inputs`` on ``workers`` processes and store them in input order into
    ``store``, recording what happened to each in ``report`` (as ``pipeline.ingest`` does)."""
    pool = _Pool(workers)
    window: deque[_Pending] = deque()
    limit = max(1, workers * WINDOW_PER_WORKER)
    reanalyse = replace and published is not None
    stream: Iterator[RawDocument | IngestError] = iter(inputs)

    def submit(raw: RawDocument) -> Future[Analysed | IngestError]:
        return pool.get().submit(analyse_raw, raw, settings, published, debug)

    def fill() -> None:
        while len(window) < limit:
            item = next(stream, None)
            if item is None:
                return
            if isinstance(item, IngestError) or (
                store.has_hash(item.content_hash) and not reanalyse
            ):
                window.append(_Pending(item))  # nothing to analyse; the checks say why in order
            else:
                window.append(_Pending(item, submit(item)))

    try:
        fill()
        while window:
            pending = window.popleft()
            try:
                _finish(pending, pool, store, settings, report, published, replace, debug, window)
            except Exception as exc:  # one document's failure never stops the batch
                if debug:
                    raise
                source = (
                    pending.item.path
                    if isinstance(pending.item, IngestError)
                    else pending.item.source
                )
                log.debug("storing %s failed", source, exc_info=True)
                report.failed.append(
                    IngestError(source, f"internal error ({type(exc).__name__}: {exc})")
                )
            fill()
    finally:
        pool.close()


def _finish(
    pending: _Pending,
    pool: _Pool,
    store: Store,
    settings: Settings,
    report: IngestReport,
    published: str | None,
    replace: bool,
    debug: bool,
    window: deque[_Pending],
) -> None:
    """Record the outcome of the oldest input in the window, exactly as one process would."""
    raw = pending.item
    if isinstance(raw, IngestError):
        report.failed.append(raw)
        return
    if raw.warning:
        report.warnings.append(f"{raw.source}: {raw.warning}")
    if not precheck(raw, store, report, published, replace):
        return  # stored earlier (maybe by an earlier document of this batch), or id taken
    result = _result(pending, pool, settings, published, debug, window)
    if isinstance(result, IngestError):
        report.failed.append(result)
        return
    store_analysed(result, raw, store, report, published, replace)


def _result(
    pending: _Pending,
    pool: _Pool,
    settings: Settings,
    published: str | None,
    debug: bool,
    window: deque[_Pending],
) -> Analysed | IngestError:
    """The analysis of a pending document; analysed here when it was never sent out, an error
    line when its worker died (the pool is started again and the rest of the window resent)."""
    raw = pending.item
    assert isinstance(raw, RawDocument)
    if pending.future is None:
        return analyse_raw(raw, settings, published, debug)
    try:
        return pending.future.result()
    except BrokenProcessPool:
        log.warning("a worker process died while analysing %s; restarting the pool", raw.source)
        pool.restart()
        executor = pool.get()
        for other in window:
            if other.future is None or not isinstance(other.item, RawDocument):
                continue
            f = other.future
            if not (f.done() and not f.cancelled() and f.exception() is None):
                other.future = executor.submit(analyse_raw, other.item, settings, published, debug)
        return IngestError(raw.source, "internal error (the worker process analysing it died)")
