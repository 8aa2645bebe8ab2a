"""Ingest on a Dask distributed cluster: workers clean, parse and extract; this process writes.

``dyad ingest --dask local:N`` starts a ``LocalCluster`` of N worker processes (one thread
each, loopback only, no dashboard) for the run; ``--scheduler tcp://HOST:PORT`` uses a running
cluster, whose workers must have dyad and its model installed. Either way this is the job of
``--workers N`` (``dyad.parallel``) on other hands: each worker loads the model and the
gazetteer once (``ModelLoader``, a worker plugin), documents go out one task each within the
bounded window of ``parallel.ingest_ordered``, and the results come back here to be stored in
input order, so the database is the same as with one process.

A document whose worker died is tried again on another; one that was on ``ALLOWED_FAILURES`` + 1
dying workers (local clusters; a running cluster keeps its own setting) costs that document an
error line and the batch goes on. A lost scheduler stops the batch (``AnalysersLost``):
what was stored stays, and running the same command again picks up from there.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections import deque
from typing import Any

from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin
from distributed.client import FutureCancelledError

from dyad.errors import DyadError, IngestError
from dyad.ingest.reader import RawDocument
from dyad.parallel import AnalysersLost, Pending, WorkerDied, analyse_raw
from dyad.pipeline import Analysed
from dyad.settings import Settings

log = logging.getLogger(__name__)

# Deaths of a worker under one document before it is an error line (the first may be a
# neighbour's doing: a worker holds a few tasks at once).
ALLOWED_FAILURES = 1
# Seconds to reach a running scheduler, and to wait for its first worker.
CONNECT_SECONDS = 30.0
_LOCAL = re.compile(r"local:(\d+)")


def local_workers(target: str) -> int | None:
    """N for ``local:N``; None for a scheduler's address (``tcp://HOST:PORT``, ``tls://...``);
    ``ValueError`` for anything else."""
    m = _LOCAL.fullmatch(target.strip())
    if m:
        n = int(m.group(1))
        if n < 1:
            raise ValueError(f"{target!r}: a local cluster needs at least one worker")
        return n
    if re.fullmatch(r"[a-z]+://\S+", target.strip()):
        return None
    raise ValueError(f"{target!r}: expected local:N or a scheduler address like tcp://HOST:PORT")


def local_cluster(n: int) -> LocalCluster:
    """A Dask cluster of ``n`` worker processes of one thread each, listening on loopback
    only: no dashboard, its HTTP endpoint (health, metrics) on a free port."""
    return LocalCluster(
        n_workers=n,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        scheduler_kwargs={
            "allowed_failures": ALLOWED_FAILURES,
            "dashboard": False,
            "dashboard_address": "127.0.0.1:0",
        },
    )


def _load_model() -> None:
    from dyad.parallel import _init_worker

    _init_worker()


class ModelLoader(WorkerPlugin):
    """A Dask worker plugin: the model and the gazetteer are loaded once per worker, off the
    worker's event loop (so its heartbeats go on), before any document arrives."""

    idempotent = True  # a worker that has it (an earlier run on the same cluster) keeps it

    async def setup(self, worker: Any) -> None:
        await asyncio.to_thread(_load_model)


class _QuietDask:
    """Dask logs every start and stop of its servers at INFO, and the kill of a worker slow to
    stop at WARNING; while dyad runs a cluster, those show only when dyad's own INFO lines do
    (``dyad -v``). The level is put back when the run ends."""

    def __init__(self) -> None:
        self.logger = logging.getLogger("distributed")
        self.level = self.logger.level
        verbose = log.getEffectiveLevel() <= logging.INFO
        self.logger.setLevel(self.level if verbose else logging.ERROR)

    def restore(self) -> None:
        self.logger.setLevel(self.level)


class DaskAnalyser:
    """``parallel.Analyser`` on a Dask cluster: one task per document."""

    def __init__(
        self,
        client: Client,
        cluster: LocalCluster | None,
        settings: Settings,
        published: str | None,
        debug: bool,
    ) -> None:
        self.client = client
        self.cluster = cluster
        self.quiet: _QuietDask | None = None
        self.job = (settings, published, debug)
        self._slots: int = max(1, int(sum(client.nthreads().values())))

    @classmethod
    def connect(
        cls, target: str, settings: Settings, published: str | None, debug: bool
    ) -> DaskAnalyser:
        """Start the local cluster ``local:N``, or connect to the scheduler at ``target``;
        then have every worker load the model. ``DyadError`` when that fails."""
        try:
            n = local_workers(target)
        except ValueError as exc:
            raise DyadError(str(exc)) from exc
        cluster: LocalCluster | None = None
        client: Client | None = None
        quiet = _QuietDask()
        try:
            if n is not None:
                cluster = local_cluster(n)
                client = Client(cluster)
            else:
                client = Client(target, timeout=CONNECT_SECONDS)
                client.wait_for_workers(1, timeout=CONNECT_SECONDS)
            client.register_plugin(ModelLoader(), name="dyad-model")
            analyser = cls(client, cluster, settings, published, debug)
            analyser.quiet = quiet
            return analyser
        except Exception as exc:
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
            quiet.restore()
            what = (
                f"start a local Dask cluster of {n}" if n else f"use the Dask scheduler at {target}"
            )
            raise DyadError(f"could not {what} ({type(exc).__name__}: {exc})") from exc

    @property
    def slots(self) -> int:
        return self._slots

    def submit(self, raw: RawDocument) -> Future[Analysed | IngestError]:
        future: Future[Analysed | IngestError] = self.client.submit(
            analyse_raw, raw, *self.job, pure=False
        )
        return future

    def wait(self, handle: Future[Analysed | IngestError]) -> Analysed | IngestError:
        try:
            result: Analysed | IngestError = handle.result()
        except KilledWorker as exc:
            raise WorkerDied("Dask worker") from exc
        except FutureCancelledError as exc:
            raise AnalysersLost(f"the Dask cluster went away ({exc}); the batch stops") from exc
        return result

    def recover(self, window: deque[Pending[Future[Analysed | IngestError]]]) -> None:
        """Nothing to do: the scheduler has sent what the dead worker held elsewhere."""

    def close(self) -> None:
        try:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        finally:
            if self.quiet is not None:
                self.quiet.restore()
