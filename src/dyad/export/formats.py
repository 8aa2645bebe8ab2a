"""Exports: the evaluation record (``dyad-eval/1``), full JSON Lines, and flat CSV.

``eval`` writes exactly SPEC.md's record, one line per document, each event's ``event_id``
being its timeline entry's id. ``json`` writes every field dyad stores, provenance included.
``csv`` writes one row per fact (person, quote, figure, event) with each field in a column of
its own, for spreadsheets. The timeline's formats (Parquet, PLOVER, GDELT-like) are in
``dyad.export.timeline``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict
from typing import Any, TextIO

from dyad.models import Analysis, Event

FORMATS = ("eval", "json", "csv")


def eval_record(a: Analysis, entry_ids: Mapping[int, str] | None = None) -> dict[str, Any]:
    """One document as SPEC.md's ``dyad-eval/1`` record. ``entry_ids`` maps an event's index
    in the document to its timeline entry, whose id is then the event's ``event_id`` (the same
    for every article that reports the event); without it the id is the event's own."""
    ids = entry_ids or {}
    return {
        "doc_id": a.doc_id,
        "published": (
            {"date": a.published.date, "precision": a.published.precision} if a.published else None
        ),
        "persons": [p.name for p in a.persons],
        "events": [eval_event(e, ids.get(i)) for i, e in enumerate(a.events) if e.date is not None],
        # A quote whose speaker the text does not give is written "unknown", as the gold files do.
        "quotes": [{"speaker": q.speaker or "unknown", "text": q.text} for q in a.quotes],
        "figures": [
            {"value": f.value, "unit": f.unit, "year": f.year, "text": f.text} for f in a.figures
        ],
    }


def eval_event(e: Event, entry_id: str | None = None) -> dict[str, Any]:
    """A dated event as the ``events`` of a ``dyad-eval/1`` record give it, its ``event_id``
    being ``entry_id`` when given."""
    assert e.date is not None
    return {
        "date": e.date.date,
        "precision": e.date.precision,
        "type": e.type,
        "source": e.source,
        "target": e.target,
        "status": e.status,
        "event_id": entry_id or e.event_id,
        "mode": e.mode,
        "score": e.score,
        "text": e.text,
    }


def full_record(a: Analysis, entry_ids: Mapping[int, str] | None = None) -> dict[str, Any]:
    """Everything stored for one document, provenance included, each event with its timeline
    entry's id (``entry_id``) when ``entry_ids`` gives one."""
    record = asdict(a)
    ids = entry_ids or {}
    for i, (event, out) in enumerate(zip(a.events, record["events"], strict=True)):
        out["event_id"] = event.event_id
        out["entry_id"] = ids.get(i)
    return record


CSV_FIELDS = (
    "doc_id",
    "kind",
    "published",
    "entry_id",
    "date",
    "precision",
    "type",
    "mode",
    "source",
    "target",
    "status",
    "score",
    "name",
    "role",
    "affiliation",
    "state",
    "speaker",
    "speaker_kind",
    "value",
    "unit",
    "year",
    "measure",
    "text",
    "start",
    "end",
    "sentence",
)


def csv_rows(a: Analysis, entry_ids: Mapping[int, str] | None = None) -> Iterator[dict[str, Any]]:
    """One row per fact (person, quote, figure, event), each field in its own column."""
    published = a.published.date if a.published else ""
    ids = entry_ids or {}
    for p in a.persons:
        first = p.mentions[0] if p.mentions else None
        yield _row(
            a.doc_id,
            published,
            "person",
            first,
            name=p.name,
            role=p.role,
            affiliation=p.affiliation,
            state=p.state,
        )
    for q in a.quotes:
        yield _row(
            a.doc_id,
            published,
            "quote",
            q.provenance,
            speaker=q.speaker,
            speaker_kind=q.speaker_kind,
            text=q.text,
        )
    for f in a.figures:
        yield _row(
            a.doc_id,
            published,
            "figure",
            f.provenance,
            value=f"{f.value:g}",
            unit=f.unit,
            year=f.year,
            measure=f.measure,
            text=f.text,
        )
    for i, e in enumerate(a.events):
        yield _row(
            a.doc_id,
            published,
            "event",
            e.provenance[0] if e.provenance else None,
            entry_id=ids.get(i),
            date=e.date.date if e.date else None,
            precision=e.date.precision if e.date else None,
            type=e.type,
            mode=e.mode,
            source=e.source,
            target=e.target,
            status=e.status,
            score=e.score,
            text=e.text,
        )


def _row(doc_id: str, published: str, kind: str, prov: Any, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(CSV_FIELDS, "")
    row.update({k: v for k, v in fields.items() if v is not None})
    row.update(
        doc_id=doc_id,
        kind=kind,
        published=published,
        start=prov.start if prov else "",
        end=prov.end if prov else "",
        sentence=prov.sentence if prov else "",
    )
    return row


def write(
    analyses: Iterable[Analysis],
    fmt: str,
    out: TextIO,
    entry_ids: Callable[[str], Mapping[int, str]] | None = None,
) -> int:
    """Write ``analyses`` to ``out`` in ``fmt``; returns the number of documents written.
    ``entry_ids(doc_id)`` gives the timeline entry of each of a document's events."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for a in analyses:
            writer.writerows(csv_rows(a, entry_ids(a.doc_id) if entry_ids else None))
            n += 1
        return n
    for a in analyses:
        ids = entry_ids(a.doc_id) if entry_ids else None
        record = eval_record(a, ids) if fmt == "eval" else full_record(a, ids)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n
