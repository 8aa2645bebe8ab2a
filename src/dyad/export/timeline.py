"""Exports of the relationship record: Parquet, PLOVER-style JSON and a GDELT-like table.

- ``parquet``: a folder with ``entries.parquet`` (one row per timeline entry, its sources as a
  nested list) and ``events.parquet`` (one row per event per article, with its entry's id),
  written with pyarrow.
- ``plover``: one JSON record per entry, named as PLOVER's event records name their fields
  (``event``, ``mode``, ``context``, ``source``/``target`` actors with their country,
  ``date``), plus dyad's own (``status``, ``precision``, ``intensity`` = PLOVER score,
  ``sources`` with sentence and span).
- ``gdelt``: one tab-separated row per entry with GDELT 2.0's event columns where dyad has
  them (``GLOBALEVENTID``, ``SQLDATE``, ``Actor1Code``, ``QuadClass``, ``GoldsteinScale`` as
  the PLOVER score, ``NumMentions``, ``NumSources``, ``NumArticles``, ``SOURCEURL`` ...) and
  the PLOVER type in ``EventCode``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from dyad.store.base import Store
from dyad.timeline.model import TimelineEntry, TimelineFilter

FORMATS = ("parquet", "plover", "gdelt")

# PLOVER's four quad classes (the manual's verbal/material cooperation/conflict), GDELT's
# QuadClass numbering: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict.
QUAD_CLASS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "REQUEST": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "DatePrecision",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2CountryCode",
    "EventCode",
    "EventMode",
    "Status",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "FirstPublished",
    "SOURCEURL",
)


def all_entries(store: Store) -> Iterator[TimelineEntry]:
    """Every timeline entry, pair by pair, in date order."""
    from dyad.timeline.query import list_dyads, timeline

    for d in list_dyads(store):
        yield from timeline(store, TimelineFilter(d.a, d.b))


def plover_record(e: TimelineEntry) -> dict[str, Any]:
    """An entry as a PLOVER-style event record."""
    return {
        "id": e.id,
        "date": e.date,
        "precision": e.precision,
        "event": e.type,
        "mode": e.mode or "",
        "context": [],
        "source": {"actor": e.source, "country": e.source},
        "target": {"actor": e.target, "country": e.target},
        "status": e.status,
        "intensity": e.score,
        "num_sources": len(e.sources),
        "outlets": list(e.outlets),
        "text": e.sources[0].sentence if e.sources else "",
        "sources": [asdict(s) for s in e.sources],
    }


def gdelt_row(e: TimelineEntry) -> dict[str, Any]:
    """An entry as a row of the GDELT-like table."""
    day = e.date or ""
    published = sorted(s.published for s in e.sources if s.published)
    return {
        "GLOBALEVENTID": e.id,
        "SQLDATE": day.replace("-", ""),
        "MonthYear": day[:7].replace("-", "") if e.precision in ("day", "month") else "",
        "Year": day[:4],
        "DatePrecision": e.precision or "",
        "Actor1Code": e.source,
        "Actor1CountryCode": e.source,
        "Actor2Code": e.target,
        "Actor2CountryCode": e.target,
        "EventCode": e.type,
        "EventMode": e.mode or "",
        "Status": e.status,
        "QuadClass": QUAD_CLASS.get(e.type, ""),
        "GoldsteinScale": e.score,
        "NumMentions": len(e.sources),
        "NumSources": len(e.outlets) or len({s.doc_id for s in e.sources}),
        "NumArticles": len({s.doc_id for s in e.sources}),
        "FirstPublished": published[0] if published else "",
        "SOURCEURL": next((s.url for s in e.sources if s.url), e.sources[0].doc_id)
        if e.sources
        else "",
    }


def write_plover(store: Store, out: TextIO) -> int:
    n = 0
    for e in all_entries(store):
        out.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_gdelt(store: Store, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    n = 0
    for e in all_entries(store):
        writer.writerow(gdelt_row(e))
        n += 1
    return n


def write_parquet(store: Store, folder: str | Path) -> tuple[Path, Path]:
    """Write ``entries.parquet`` and ``events.parquet`` into ``folder``; returns their paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    entries = [entry_record(e) for e in all_entries(store)]
    source_type = pa.struct(
        [
            ("doc_id", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("published", pa.string()),
            ("sentence", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("date", pa.string()),
            ("precision", pa.string()),
            ("status", pa.string()),
        ]
    )
    entry_schema = pa.schema(
        [
            ("id", pa.string()),
            ("date", pa.string()),
            ("precision", pa.string()),
            ("type", pa.string()),
            ("source", pa.string()),
            ("target", pa.string()),
            ("status", pa.string()),
            ("mode", pa.string()),
            ("score", pa.float64()),
            ("n_sources", pa.int64()),
            ("outlets", pa.list_(pa.string())),
            ("sources", pa.list_(source_type)),
        ]
    )
    entries_path = out / "entries.parquet"
    pq.write_table(pa.Table.from_pylist(entries, schema=entry_schema), entries_path)
    events = list(_event_rows(store))
    event_schema = pa.schema(
        [
            ("doc_id", pa.string()),
            ("idx", pa.int64()),
            ("entry_id", pa.string()),
            ("date", pa.string()),
            ("precision", pa.string()),
            ("type", pa.string()),
            ("mode", pa.string()),
            ("source", pa.string()),
            ("target", pa.string()),
            ("status", pa.string()),
            ("score", pa.float64()),
            ("published", pa.string()),
            ("text", pa.string()),
        ]
    )
    events_path = out / "events.parquet"
    pq.write_table(pa.Table.from_pylist(events, schema=event_schema), events_path)
    return entries_path, events_path


def entry_record(e: TimelineEntry) -> dict[str, Any]:
    """An entry as a record: its fields, every source, its outlets and the number of its
    sources (``dyad timeline --format json`` and ``entries.parquet``)."""
    record = asdict(e)
    record["outlets"] = list(e.outlets)
    record["n_sources"] = len(e.sources)
    return record


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    for a in store.analyses():
        ids = store.entry_ids(a.doc_id)
        for i, e in enumerate(a.events):
            yield {
                "doc_id": a.doc_id,
                "idx": i,
                "entry_id": ids.get(i),
                "date": e.date.date if e.date else None,
                "precision": e.date.precision if e.date else None,
                "type": e.type,
                "mode": e.mode,
                "source": e.source,
                "target": e.target,
                "status": e.status,
                "score": e.score,
                "published": a.published.date if a.published else None,
                "text": e.text,
            }
