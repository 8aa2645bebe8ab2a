"""Exports: the evaluation record (``dyad-eval/1``), full JSON Lines, and flat CSV.

``eval`` writes exactly SPEC.md's record, one line per document. ``json`` writes every field
dyad stores, provenance included. ``csv`` writes one row per fact (person, quote, figure, event)
with its document, kind, span and sentence, for spreadsheets.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any, TextIO

from dyad.models import Analysis, Event

FORMATS = ("eval", "json", "csv")


def eval_record(a: Analysis) -> dict[str, Any]:
    """One document as SPEC.md's ``dyad-eval/1`` record."""
    return {
        "doc_id": a.doc_id,
        "published": (
            {"date": a.published.date, "precision": a.published.precision} if a.published else None
        ),
        "persons": [p.name for p in a.persons],
        "events": [_eval_event(e) for e in a.events if e.date is not None],
        "quotes": [{"speaker": q.speaker or "unknown", "text": q.text} for q in a.quotes],
        "figures": [
            {"value": f.value, "unit": f.unit, "year": f.year, "text": f.text} for f in a.figures
        ],
    }


def _eval_event(e: Event) -> dict[str, Any]:
    assert e.date is not None
    return {
        "date": e.date.date,
        "precision": e.date.precision,
        "type": e.type,
        "source": e.source,
        "target": e.target,
        "status": e.status,
        "event_id": e.event_id,
        "mode": e.mode,
        "score": e.score,
        "text": e.text,
    }


def full_record(a: Analysis) -> dict[str, Any]:
    """Everything stored for one document, provenance included."""
    record = asdict(a)
    for event, out in zip(a.events, record["events"], strict=True):
        out["event_id"] = event.event_id
    return record


CSV_FIELDS = ("doc_id", "kind", "value", "detail", "start", "end", "sentence")


def csv_rows(a: Analysis) -> Iterator[dict[str, Any]]:
    for p in a.persons:
        first = p.mentions[0] if p.mentions else None
        detail = "; ".join(x for x in (p.role, p.affiliation, p.state) if x)
        yield _row(a.doc_id, "person", p.name, detail, first)
    for q in a.quotes:
        yield _row(a.doc_id, "quote", q.text, q.speaker or "", q.provenance)
    for f in a.figures:
        yield _row(a.doc_id, "figure", f"{f.value:g} {f.unit}", f.text, f.provenance)
    for e in a.events:
        when = e.date.date if e.date else ""
        value = f"{when} {e.type} {e.source}->{e.target} ({e.status})"
        yield _row(a.doc_id, "event", value, e.text, e.provenance[0] if e.provenance else None)


def _row(doc_id: str, kind: str, value: str, detail: str, prov: Any) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "kind": kind,
        "value": value,
        "detail": detail,
        "start": prov.start if prov else "",
        "end": prov.end if prov else "",
        "sentence": prov.sentence if prov else "",
    }


def write(analyses: Iterable[Analysis], fmt: str, out: TextIO) -> int:
    """Write ``analyses`` to ``out`` in ``fmt``; returns the number of documents written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for a in analyses:
            writer.writerows(csv_rows(a))
            n += 1
        return n
    record = eval_record if fmt == "eval" else full_record
    for a in analyses:
        out.write(json.dumps(record(a), ensure_ascii=False) + "\n")
        n += 1
    return n
