"""From a parsed document to dyad's records: the extractors, called in dependency order.

persons (and their offices) -> publication date -> quotes, figures -> events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dyad.models import Analysis, DateRef, Document, Person, Provenance
from dyad.nlp.figures import extract_figures


@dataclass(frozen=True)
class Extraction:
    analysis: Analysis


def _sentence_of(span: Any) -> str:
    return str(span.sent.text)


def extract(parsed: Any, doc: Document) -> Extraction:
    """Everything dyad reads from ``parsed`` (the spaCy Doc of ``doc.text``)."""
    persons: dict[str, Person] = {}
    for ent in parsed.ents:
        if ent.label_ != "PERSON" or len(ent.text.split()) < 2:
            continue
        prov = Provenance(doc.doc_id, ent.start_char, ent.end_char, _sentence_of(ent))
        if ent.text not in persons:
            persons[ent.text] = Person(ent.text, mentions=(prov,))
    published = _meta_date(doc.published_meta)
    figures = extract_figures(parsed, doc_id=doc.doc_id, published=published)
    return Extraction(
        Analysis(doc.doc_id, published, tuple(persons.values()), figures=tuple(figures))
    )


def _meta_date(value: str | None) -> DateRef | None:
    if not value:
        return None
    value = value.strip()[:10]
    for length, precision in ((10, "day"), (7, "month"), (4, "year")):
        if len(value) >= length:
            try:
                return DateRef(value[:length], precision, "metadata")  # type: ignore[arg-type]
            except ValueError:
                continue
    return None
