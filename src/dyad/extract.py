"""From a parsed document to dyad's records: the components of ``nlp.components`` run on one
``Doc`` (persons read once -> publication date -> persons' offices on that date -> time
expressions, state mentions -> quotes, figures -> events), then ``nlp.to_records``. The
gazetteer is loaded once per process and shared. ``pipeline`` analyses many documents through
``nlp.model.analyse_many`` (``nlp.pipe``); this is the same analysis for one parsed Doc.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from dyad.models import Analysis, DateRef, Document
from dyad.nlp import to_records
from dyad.nlp.components import DocMeta, day_of, run_components, set_meta
from dyad.nlp.person_index import PersonIndex
from dyad.resolve.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Extraction:
    """An ``Analysis`` and the look-ups built on the way (for callers that want more)."""

    analysis: Analysis
    persons: PersonIndex


def _day(ref: DateRef | None) -> date | None:
    """A representative day of a date known to some precision (its first day)."""
    return day_of(ref)


def from_doc(parsed: Doc) -> Extraction:
    """The ``Extraction`` of a Doc the components have analysed."""
    return Extraction(to_records.analysis(parsed), to_records.person_index(parsed))


def extract(parsed: Doc, doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """Everything dyad reads from ``parsed`` (the spaCy Doc of ``doc.text``)."""
    set_meta(parsed, DocMeta(doc.doc_id, doc.published_meta))
    run_components(parsed, gazetteer or Gazetteer.load())
    return from_doc(parsed)
