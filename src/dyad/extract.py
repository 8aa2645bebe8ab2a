"""From a parsed document to dyad's records: the extractors, called in dependency order.

persons -> publication date -> persons again on that date (offices are date-ranged) ->
quotes, figures -> events. The gazetteer is loaded once per process and shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from dyad.dating import infer_published
from dyad.dating.patterns import ref_range
from dyad.events.coder import extract_events
from dyad.models import Analysis, DateRef, Document
from dyad.nlp.figures import extract_figures
from dyad.nlp.person_index import PersonIndex
from dyad.nlp.persons import extract_persons
from dyad.nlp.quotes import extract_quotes
from dyad.resolve.gazetteer import Gazetteer


@dataclass(frozen=True)
class Extraction:
    """An ``Analysis`` and the look-ups built on the way (for callers that want more)."""

    analysis: Analysis
    persons: PersonIndex


def _day(ref: DateRef | None) -> date | None:
    """A representative day of a date known to some precision (its first day)."""
    return ref_range(ref)[0] if ref is not None else None


def extract(parsed: Any, doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Everything dyad reads from ``parsed`` (the spaCy Doc of ``doc.text``)."""
    gazetteer = gazetteer or Gazetteer.load()
    persons = extract_persons(parsed, gazetteer, doc_id=doc.doc_id)
    published = infer_published(
        doc.text, meta=doc.published_meta, gazetteer=gazetteer, persons=persons.persons
    )
    if published is not None:
        persons = extract_persons(parsed, gazetteer, doc_id=doc.doc_id, on=_day(published))
    quotes = extract_quotes(parsed, persons, doc_id=doc.doc_id)
    figures = extract_figures(parsed, doc_id=doc.doc_id, published=published)
    events = extract_events(
        parsed, doc_id=doc.doc_id, published=published, persons=persons, gazetteer=gazetteer
    )
    analysis = Analysis(
        doc.doc_id,
        published,
        persons=tuple(persons.persons),
        quotes=tuple(quotes),
        figures=tuple(figures),
        events=tuple(events),
    )
    return Extraction(analysis, persons)
