"""Throughput of the whole pipeline: documents and words per second on a corpus folder.

    python scripts/bench.py [CORPUS] [--repeat N]

Measures model load separately from ingest, into a fresh temporary database each run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from dyad.nlp.model import load
from dyad.pipeline import ingest
from dyad.store.sqlite import open_store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="../shared/corpus/seeds", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="runs to take the median of")
    args = ap.parse_args()
    t0 = time.perf_counter()
    load()
    print(f"model load: {time.perf_counter() - t0:.2f} s")
    words = sum(len(p.read_text(errors="replace").split()) for p in args.corpus.rglob("*.txt"))
    times, docs = [], 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.db") as store:
            t0 = time.perf_counter()
            report = ingest([args.corpus], store)
            times.append(time.perf_counter() - t0)
            docs = len(report.added)
    median = statistics.median(times)
    print(f"ingest: {docs} documents, {words} words in {median:.2f} s (median of {args.repeat})")
    print(f"throughput: {docs / median:.2f} documents/s, {words / median:.0f} words/s")


if __name__ == "__main__":
    main()
