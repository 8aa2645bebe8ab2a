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
from functools import partial
from typing import Generic, Protocol, TypeVar

from dyad.errors import DyadError, IngestError
from dyad.ingest.reader import RawDocument
from dyad.pipeline import Analysed, IngestReport, outcome, precheck, prepare, store_analysed
from dyad.settings import Settings
from dyad.store.base import Store

log = logging.getLogger(__name__)

# Documents in flight per worker: enough to keep every worker busy while the parent writes.
WINDOW_PER_WORKER = 4


H = TypeVar("H")


@dataclass
class Pending(Generic[H]):
    """One input in the window: a read error, or a document with its analysis under way
    (``handle`` None when the document was already stored when it was read)."""

    item: RawDocument | IngestError
    handle: H | None = None


class AnalysersLost(DyadError):
    """The workers are gone for good (a cluster's scheduler lost): the batch stops here."""


class WorkerDied(Exception):
    """The worker analysing a document died (killed, out of memory); ``what`` names it."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


class Analyser(Protocol[H]):
    """Where documents are analysed, out of order; ``ingest_ordered`` stores them in order.

    ``slots`` is how many documents are analysed at once (the window holds
    ``WINDOW_PER_WORKER`` times as many); ``submit`` sends one out; ``wait`` waits for its
    result (``WorkerDied`` when its worker died, ``AnalysersLost`` when all are gone);
    ``recover`` makes good after a death what is still in flight (the window); ``close``
    stops whatever ``submit`` started."""

    @property
    def slots(self) -> int: ...

    def submit(self, raw: RawDocument) -> H: ...

    def wait(self, handle: H) -> Analysed | IngestError: ...

    def recover(self, window: deque[Pending[H]]) -> None: ...

    def close(self) -> None: ...


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
    return outcome(raw, debug, partial(prepare, raw, settings, published))


class _ProcessAnalyser:
    """Local worker processes; the pool is started again when a worker dies (killed, out of
    memory), and what was in flight on it is sent again."""

    def __init__(self, workers: int, settings: Settings, published: str | None, debug: bool):
        self.workers = workers
        self.job = (settings, published, debug)
        self.executor: ProcessPoolExecutor | None = None

    @property
    def slots(self) -> int:
        return self.workers

    def _get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=multiprocessing.get_context(start_method()),
                initializer=_init_worker,
            )
        return self.executor

    def submit(self, raw: RawDocument) -> Future[Analysed | IngestError]:
        return self._get().submit(analyse_raw, raw, *self.job)

    def wait(self, handle: Future[Analysed | IngestError]) -> Analysed | IngestError:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise WorkerDied("worker process") from exc

    def recover(self, window: deque[Pending[Future[Analysed | IngestError]]]) -> None:
        """Start the pool again and send again what was lost with the old one."""
        self.close()
        for other in window:
            f = other.handle
            if f is None or not isinstance(other.item, RawDocument):
                continue
            if not (f.done() and not f.cancelled() and f.exception() is None):
                other.handle = self.submit(other.item)

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
    dask: str | None = None,
) -> None:
    """Analyse ``inputs`` on ``workers`` processes (or on the Dask cluster ``dask`` names:
    ``local:N`` or a scheduler's address, see ``dyad.cluster``) and store them in input
    order into ``store``, recording what happened to each in ``report`` (as
    ``pipeline.ingest`` does)."""
    if dask is not None:
        if workers > 1:
            raise ValueError("workers and dask are two ways of running in parallel: give one")
        from dyad.cluster import DaskAnalyser

        on_cluster = DaskAnalyser.connect(dask, settings, published, debug)
        ingest_ordered(inputs, on_cluster, store, settings, report, published, replace, debug)
    else:
        local = _ProcessAnalyser(workers, settings, published, debug)
        ingest_ordered(inputs, local, store, settings, report, published, replace, debug)


def ingest_ordered(
    inputs: Iterable[RawDocument | IngestError],
    analyser: Analyser[H],
    store: Store,
    settings: Settings,
    report: IngestReport,
    published: str | None,
    replace: bool,
    debug: bool = False,
) -> None:
    """The parent's loop, whatever analyses: keep a bounded window of inputs in flight and
    store each, in input order, exactly as one process would (same checks, same transaction,
    same timeline merge). Memory holds the window, never the batch. ``analyser`` is closed
    at the end."""
    window: deque[Pending[H]] = deque()
    limit = max(1, analyser.slots * WINDOW_PER_WORKER)
    reanalyse = replace and published is not None
    stream: Iterator[RawDocument | IngestError] = iter(inputs)

    def fill() -> None:
        while len(window) < limit:
            item = next(stream, None)
            if item is None:
                return
            if isinstance(item, IngestError) or (
                store.has_hash(item.content_hash) and not reanalyse
            ):
                window.append(Pending(item))  # nothing to analyse; the checks say why in order
            else:
                window.append(Pending(item, analyser.submit(item)))

    def finish(pending: Pending[H]) -> None:
        """Record the outcome of the oldest input in the window, as one process would."""
        raw = pending.item
        if isinstance(raw, IngestError):
            report.failed.append(raw)
            return
        if raw.warning:
            report.warnings.append(f"{raw.source}: {raw.warning}")
        if not precheck(raw, store, report, published, replace):
            return  # stored earlier (maybe by an earlier document of this batch), or id taken
        if pending.handle is None:  # never sent out: analysed here
            result = analyse_raw(raw, settings, published, debug)
        else:
            try:
                result = analyser.wait(pending.handle)
            except WorkerDied as died:
                log.warning("the %s analysing %s died", died.what, raw.source)
                analyser.recover(window)
                result = IngestError(
                    raw.source, f"internal error (the {died.what} analysing it died)"
                )
        if isinstance(result, IngestError):
            report.failed.append(result)
            return
        store_analysed(result, raw, store, report, published, replace)

    try:
        fill()
        while window:
            pending = window.popleft()
            try:
                finish(pending)
            except AnalysersLost:
                raise
            except Exception as exc:  # one document's failure never stops the batch
                if debug:
                    raise
                item = pending.item
                source = item.path if isinstance(item, IngestError) else item.source
                log.debug("storing %s failed", source, exc_info=True)
                report.failed.append(
                    IngestError(source, f"internal error ({type(exc).__name__}: {exc})")
                )
            fill()
    finally:
        analyser.close()
