"""Fill a store with synthetic timeline events, to measure reads at scale.

    python scripts/synth.py STORE [--events 1000000] [--per-doc 20] [--states 50] [--seed 1]

STORE is what ``--db`` takes: a SQLite file (``synth.db``, ``sqlite:///synth.db``) or a
PostgreSQL URL. Each synthetic document (no text of any corpus: a generated line per event)
reports ``--per-doc`` events between random pairs of ``--states`` gazetteer codes, dated in
2000-2024; each event is one timeline entry with one source, stored as the merger stores
entries (``entries``, ``entry_events`` with what the timeline shows of the source,
``event_features``, so nothing is left to merge). Rows go in by ``executemany`` (SQLite) or
``COPY`` (PostgreSQL), in batches of documents, each batch one transaction.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from importlib.resources import files
from typing import Any

from dyad.models import PLOVER_TYPES
from dyad.store import Store, open_store

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id", "source", "content_hash", "kind", "url", "title", "published_date",
                  "published_precision", "published_evidence", "original", "text", "offsets",
                  "ingested_at", "outlet"),
    "events": ("doc_id", "idx", "event_id", "type", "mode", "source", "target", "status",
               "date", "precision", "date_evidence", "score", "text"),
    "event_sentences": ("doc_id", "event_idx", "start", "end", "sentence"),
    "event_features": ("doc_id", "event_idx", "default_dated", "names"),
    "entries": ("entry_id", "a", "b", "type", "year", "source", "target", "date", "precision",
                "sort_key", "status", "mode", "score", "sources", "documents", "best_doc",
                "best_idx"),
    "entry_events": ("entry_id", "doc_id", "event_idx", "rank", "outlet", "url", "published",
                     "date", "precision", "status", "start", "end", "sentence"),
}  # fmt: skip
OUTLET = "Synthetic Wire"
STATUSES = ("occurred", "occurred", "occurred", "planned", "reported", "denied")


def _states(n: int) -> list[str]:
    """The first ``n`` state codes of dyad's gazetteer (the timeline query takes only those)."""
    rows = files("dyad").joinpath("data/states.csv").read_text(encoding="utf-8").splitlines()
    codes = sorted({r.split(",", 1)[0] for r in rows if r[:3].isalpha() and r[:3].isupper()})
    return codes[:n]


def documents(
    n_events: int, per_doc: int, states: Sequence[str], seed: int
) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """The rows of each synthetic document, table by table."""
    rng = random.Random(seed)
    for d in range((n_events + per_doc - 1) // per_doc):
        doc_id = f"synth-{d:07d}"
        year = rng.randint(2000, 2024)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        lines: list[str] = []
        rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        offset = 0
        for i in range(min(per_doc, n_events - d * per_doc)):
            src, tgt = rng.sample(states, 2)
            typ = rng.choice(PLOVER_TYPES)
            precision = rng.choice(("day", "day", "month", "year"))
            date = {"day": published, "month": published[:7], "year": published[:4]}[precision]
            status = rng.choice(STATUSES)
            score = round(rng.uniform(-10, 10), 1) + 0.0  # never -0.0
            line = f"Synthetic report {d}.{i}: {src} and {tgt}, {typ.lower()}."
            lines.append(line)
            start, end = offset, offset + len(line)
            offset = end + 1
            rows["events"].append((doc_id, i, f"{date}/{typ}/{'-'.join(sorted((src, tgt)))}",
                                   typ, None, src, tgt, status, date, precision, "synthetic",
                                   score, line))  # fmt: skip
            rows["event_sentences"].append((doc_id, i, start, end, line))
            rows["event_features"].append((doc_id, i, 0, ""))
            a, b = sorted((src, tgt))
            entry_id = "e" + hashlib.sha1(f"{doc_id}/{i}".encode()).hexdigest()[:16]
            rows["entries"].append((entry_id, a, b, typ, date[:4], src, tgt, date, precision,
                                    date, status, None, score, 1, 1, doc_id, i))  # fmt: skip
            rows["entry_events"].append((entry_id, doc_id, i, 0, OUTLET, None, published, date,
                                         precision, status, start, end, line))  # fmt: skip
        text = "\n".join(lines)
        digest = hashlib.sha256(f"{seed}/{doc_id}".encode()).hexdigest()
        rows["documents"].append((doc_id, f"{doc_id}.txt", digest, "text", None, None,
                                  published, "day", "synthetic", text, text,
                                  json.dumps([[0, 0]]), "2026-01-01T00:00:00+00:00",
                                  OUTLET))  # fmt: skip
        yield rows


def _insert(store: Store, table: str, rows: list[tuple[Any, ...]]) -> None:
    columns = TABLES[table]
    if store.dialect == "postgresql":
        raw = store.conn.raw  # type: ignore[attr-defined]
        names = ", ".join(f'"{c}"' for c in columns)
        with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ",".join("?" * len(columns))
    store.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def fill(store: Store, n_events: int, per_doc: int, n_states: int, seed: int) -> int:
    """Add the synthetic documents to ``store``; returns the number of events added."""
    batch: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
    added = 0

    def flush() -> None:
        with store.conn:
            for table in TABLES:  # parents before children
                _insert(store, table, batch[table])
                batch[table].clear()

    started = time.perf_counter()
    for rows in documents(n_events, per_doc, _states(n_states), seed):
        for table, got in rows.items():
            batch[table].extend(got)
        added += len(rows["events"])
        if len(batch["events"]) >= 50_000:
            flush()
            rate = added / (time.perf_counter() - started)
            print(f"{added:,} events ({rate:,.0f}/s)", file=sys.stderr)
    flush()
    return added


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", help="a SQLite file or sqlite:/// or postgresql:// URL")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--per-doc", type=int, default=20)
    ap.add_argument("--states", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t0 = time.perf_counter()
    with open_store(args.store) as store:
        n = fill(store, args.events, args.per_doc, args.states, args.seed)
        store.conn.execute("ANALYZE")  # planner statistics, as a long-lived store has
        counts = store.stats()
    print(f"{n:,} events added in {time.perf_counter() - t0:.0f} s; store now {counts}")


if __name__ == "__main__":
    main()
