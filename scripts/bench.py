"""Throughput side by side on one corpus: bare spaCy, dyad with one process, dyad with N workers.

    python scripts/bench.py [CORPUS ...] [--documents N] [--workers N] [--out bench/results.md]

Every input is read and cleaned once (as ``dyad ingest`` does); the cleaned texts are taken in
turn until there are ``--documents`` of them (default 1,000, the issue's batch), each copy
made distinct by a last line of its own ("Archive copy" and letters: no number, no name, so
the content-hash check stores every copy and the extractors find nothing new in it), and
written to one JSON Lines feed. Then, each in its own process, on that feed: ``nlp.pipe`` over
the texts with every component of the model (bare spaCy), ``ingest`` with one process,
``ingest --workers N`` and ``ingest --dask local:N``. Model loading (and the first analysis,
which builds the gazetteer's matchers) is outside the timings of bare spaCy and of one
process; the N-worker and Dask times include starting the workers (each loads the model).
Peak RSS is the largest sum of resident memory over each run's process tree (sampled from
/proc every 0.1 s). Then, on the one-process database: the time of an eval and a json export,
and p50/p95 of the timeline query of every pair; and the peak RSS of one-process ingest of a
small and a large generated feed (``--stream``). Results go to ``--out`` (markdown).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = ("../shared/corpus/dev2", "../shared/corpus/dev", "../shared/corpus/seeds")
WARM_UP = "Chile and Peru signed a trade accord in Lima on Monday, officials said."


def _copy_mark(i: int) -> str:
    """A last line that makes copy ``i`` distinct: letters only (a, b, ..., ba, bb, ...)."""
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[r] + letters
        if not i:
            return f"\n\nArchive copy {letters}.\n"


def build_feed(paths: list[Path], documents: int, out: Path) -> tuple[int, int]:
    """The cleaned texts of ``paths`` taken in turn, ``documents`` of them, each made distinct,
    as one JSON Lines feed; (documents, words)."""
    texts = _texts(paths)
    if not texts:
        raise SystemExit("bench: no readable document in the corpus")
    words = 0
    with out.open("w", encoding="utf-8") as fh:
        for i in range(documents):
            text = texts[i % len(texts)] + _copy_mark(i)
            words += len(text.split())
            fh.write(json.dumps({"id": f"bench-{i}", "text": text}) + "\n")
    return documents, words


def _texts(paths: list[Path]) -> list[str]:
    from dyad.errors import IngestError
    from dyad.ingest.reader import read_inputs
    from dyad.pipeline import to_document
    from dyad.settings import Settings

    settings = Settings()
    texts = []
    for raw in read_inputs(paths, settings.max_file_bytes):
        if isinstance(raw, IngestError):
            continue
        try:
            texts.append(to_document(raw, settings).text)
        except IngestError:
            continue
    return texts


def run_mode(mode: str, paths: list[Path], db: Path, workers: int) -> dict[str, Any]:
    """One measured run (in a process of its own)."""
    from dyad.nlp.model import load
    from dyad.pipeline import ingest
    from dyad.resolve.gazetteer import Gazetteer
    from dyad.store.sqlite import open_store

    nlp = load()
    Gazetteer.load()
    if mode == "bare":
        texts = _texts(paths)
        list(nlp.pipe(texts[:2]))
        t0 = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts))
        return {"seconds": time.perf_counter() - t0, "documents": n}
    startup = _startup(workers) if mode == "workers" and workers > 1 else 0.0
    dask = f"local:{workers}" if mode == "dask" else None
    if mode == "one":
        from dyad.pipeline import analyse_text

        analyse_text(WARM_UP)  # the gazetteer's matchers are built on first use
    with open_store(db) as store:
        t0 = time.perf_counter()
        report = ingest(paths, store, workers=1 if dask else workers, dask=dask)
        seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "documents": len(report.added),
        "failed": len(report.failed),
        "startup": startup,
    }


def _startup(workers: int) -> float:
    """Seconds to start a pool of ``workers`` that load the model (measured apart: a pool
    that runs one 1-second task per worker, less that second)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from dyad.parallel import _init_worker, start_method

    t0 = time.perf_counter()
    context = multiprocessing.get_context(start_method())
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        list(pool.map(time.sleep, [1.0] * workers))
    return max(0.0, time.perf_counter() - t0 - 1.0)


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def measure(mode: str, paths: list[Path], db: Path, workers: int) -> dict[str, Any]:
    """Run one mode in a subprocess; its result with the peak RSS of its process tree."""
    cmd = [sys.executable, __file__, "--run", mode, "--db", str(db), "--workers", str(workers)]
    proc = subprocess.Popen([*cmd, *map(str, paths)], stdout=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            with contextlib.suppress(OSError, ValueError, IndexError):
                peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed ({proc.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak[0] / 2**20
    return result


def reads(db: Path | str, *, rounds: int = 20, max_pairs: int | None = None) -> dict[str, float]:
    """Export times and the timeline query's p50/p95 on a store (a SQLite file or any URL
    ``--db`` takes): every pair (or ``max_pairs`` spread over them) ``rounds`` times, the
    whole timeline, then (as "page") its first 100 entries."""
    import io

    from dyad.export.formats import write
    from dyad.store import open_store
    from dyad.timeline import query
    from dyad.timeline.model import TimelineFilter

    out: dict[str, float] = {}
    with open_store(db) as store:
        for fmt in ("eval", "json"):
            t0 = time.perf_counter()
            write(store.analyses(), fmt, io.StringIO(), store.entry_ids)
            out[f"export {fmt} s"] = time.perf_counter() - t0
        pairs = query.list_dyads(store)
        if max_pairs and len(pairs) > max_pairs:
            pairs = pairs[:: len(pairs) // max_pairs][:max_pairs]
        out["pairs"] = len(pairs)
        for name, limit in (("timeline", None), ("page", 100)):
            times = []
            for _ in range(rounds):
                for p in pairs:
                    t0 = time.perf_counter()
                    query.timeline(store, TimelineFilter(p.a, p.b, limit=limit))
                    times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            out[f"{name} p50 ms"] = statistics.median(times) if times else 0.0
            out[f"{name} p95 ms"] = times[int(0.95 * (len(times) - 1))] if times else 0.0
    return out


def store_reads(stores: list[str], out: Path) -> None:
    """``--reads``: the reads of each store (say, filled by scripts/synth.py) side by side."""
    from dyad.store import open_store

    lines = [
        "# dyad reads at scale",
        "",
        f"Machine: {machine()}.",
        "",
        "Timeline of a pair: 100 pairs spread over the store, 3 rounds; the whole timeline, "
        "then its first page of 100 entries. Exports: eval and json of every document.",
        "",
        "| store | documents | events | export eval s | export json s | timeline p50 / p95 ms "
        "| first 100: p50 / p95 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for url in stores:
        with open_store(url) as store:
            counts, kind = store.stats(), store.dialect
        r = reads(url, rounds=3, max_pairs=100)
        lines.append(
            f"| {kind} | {counts['documents']:,} | {counts['events']:,} "
            f"| {r['export eval s']:.1f} | {r['export json s']:.1f} "
            f"| {r['timeline p50 ms']:.1f} / {r['timeline p95 ms']:.1f} "
            f"| {r['page p50 ms']:.1f} / {r['page p95 ms']:.1f} |"
        )
        print(lines[-1], file=sys.stderr)
    lines += ["", f"Load average at the end {os.getloadavg()[0]:.2f}.", ""]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


STREAM_STATES = ("Chile", "Peru", "Kenya", "Uganda", "Norway", "Vietnam", "Ghana", "Togo")
STREAM_ACTIONS = ("met officials from", "signed a trade accord with", "criticised",
                  "held talks with", "sent food aid to")  # fmt: skip


def _stream_feed(path: Path, documents: int) -> None:
    """A feed of short generated articles (sentences written here, none from a corpus)."""
    import random

    rng = random.Random(5)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(documents):
            a, b = rng.sample(STREAM_STATES, 2)
            text = (
                f"{a} {rng.choice(STREAM_ACTIONS)} {b} on Tuesday, officials said.{_copy_mark(i)}"
                f"Ministers of {a} and {b} will meet again in the spring.\n"
            )
            fh.write(json.dumps({"id": f"s{i}", "text": text, "published": "2022-05-12"}) + "\n")


def streaming(tmp: Path, sizes: tuple[int, int]) -> list[str]:
    """Peak RSS of one-process ingest of a small and a large generated feed: memory flat in
    the length of the stream."""
    peaks = []
    for n in sizes:
        feed = tmp / f"stream-{n}.jsonl"
        _stream_feed(feed, n)
        r = measure("one", [feed], tmp / f"stream-{n}.db", 1)
        peaks.append((n, r["peak_rss_mb"], r["seconds"]))
        print(f"stream {n}: {r}", file=sys.stderr)
    (small, small_mb, _), (large, large_mb, _) = peaks
    growth = (large_mb - small_mb) / small_mb * 100
    return [
        f"Streaming: one-process ingest of a generated JSON Lines feed of {small:,} short "
        f"articles peaks at {small_mb:,.0f} MB resident, of {large:,} at {large_mb:,.0f} MB "
        f"({growth:+.0f}%).",
        "",
    ]


def _exports_equal(a: Path, b: Path) -> bool:
    import io

    from dyad.export.formats import write
    from dyad.store import open_store

    texts = []
    for db in (a, b):
        buf = io.StringIO()
        with open_store(db) as store:
            write(store.analyses(), "eval", buf, store.entry_ids)
        texts.append(buf.getvalue())
    return texts[0] == texts[1]


def machine() -> str:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores, {model}; load average at start {load} (1, 5, 15 min)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--documents", type=int, default=1000, help="documents in the measured feed (1,000)"
    )
    ap.add_argument(
        "--stream",
        type=int,
        nargs=2,
        default=(300, 3000),
        metavar=("SMALL", "LARGE"),
        help="peak RSS of one-process ingest of generated feeds of SMALL and LARGE short "
        "articles (300 3000); 0 0 skips it",
    )
    ap.add_argument("--out", type=Path, default=Path("bench/results.md"))
    ap.add_argument("--run", choices=("bare", "one", "workers", "dask"), help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument(
        "--reads",
        nargs="+",
        metavar="STORE",
        help="only measure exports and timeline reads of these stores (SQLite files or "
        "postgresql:// URLs, e.g. filled by scripts/synth.py); written to --out",
    )
    args = ap.parse_args()
    if args.reads:
        out = args.out if args.out != Path("bench/results.md") else Path("bench/stores.md")
        store_reads(args.reads, out)
        return
    paths = args.corpus or [Path(p) for p in DEFAULT_CORPUS if Path(p).exists()]
    if args.run:
        workers = args.workers if args.run in ("workers", "dask") else 1
        print(json.dumps(run_mode(args.run, paths, args.db, workers)))
        return
    described = machine()
    busy = os.getloadavg()[0] >= (os.cpu_count() or 1)
    rows: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        documents, words = build_feed(paths, args.documents, feed)
        dbs = {m: Path(tmp) / f"{m}.db" for m in ("one", "workers", "dask")}
        for mode, label in (
            ("bare", "bare spaCy (nlp.pipe, all components)"),
            ("one", "dyad ingest, one process"),
            ("workers", f"dyad ingest --workers {args.workers}"),
            ("dask", f"dyad ingest --dask local:{args.workers}"),
        ):
            result = measure(mode, [feed], dbs.get(mode, Path(tmp) / "bare.db"), args.workers)
            rows.append((label, result))
            print(f"{label}: {result}", file=sys.stderr)
        same = _exports_equal(dbs["one"], dbs["workers"])
        same_dask = _exports_equal(dbs["one"], dbs["dask"])
        read = reads(dbs["one"])
        stream = streaming(Path(tmp), args.stream) if min(args.stream) > 0 else []
    bare = words / rows[0][1]["seconds"]
    one = words / rows[1][1]["seconds"]
    lines = [
        "# dyad bench",
        "",
        f"Machine: {described}. The machine is shared with other jobs while this runs, so",
        f"figures vary from run to run (load average at the end {os.getloadavg()[0]:.2f}).",
        "",
        f"Corpus: {', '.join(map(str, paths))}, {len(_texts(paths))} texts taken in turn to make "
        f"{documents:,} documents ({rows[1][1]['documents']:,} stored), {words:,} words after "
        "cleaning.",
        "",
        "| run | seconds | words/s | ratio to bare | ratio to one process | peak RSS (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, r in rows:
        wps = words / r["seconds"]
        lines.append(
            f"| {label} | {r['seconds']:.1f} | {wps:,.0f} | {wps / bare:.2f} | {wps / one:.2f} "
            f"| {r['peak_rss_mb']:,.0f} |"
        )
    lines += [
        "",
        f"`--workers {args.workers}` store has the same eval export as one process: "
        f"{'yes' if same else 'NO'}; `--dask local:{args.workers}`: "
        f"{'yes' if same_dask else 'NO'}. Their times include starting the cluster or pool; "
        f"each worker loads the model (the pool's start: {rows[2][1]['startup']:.1f} s when "
        "measured apart); the others exclude model loading."
        + (
            " The load average was above the number of cores: a second worker had no idle core."
            if busy
            else ""
        ),
        "",
        f"Reads on the one-process store: export eval {read['export eval s']:.2f} s, export json "
        f"{read['export json s']:.2f} s; timeline of a pair ({read['pairs']:.0f} pairs, 20 "
        f"rounds): p50 {read['timeline p50 ms']:.1f} ms, p95 {read['timeline p95 ms']:.1f} ms.",
        "",
        *stream,
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
