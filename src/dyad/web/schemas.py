"""The JSON the API answers with, as pydantic models (they make the OpenAPI schema), and the
conversions from dyad's record types."""

from __future__ import annotations

from pydantic import BaseModel, Field

from dyad.models import Analysis, Document, Precision, Provenance, Status
from dyad.timeline.model import DyadSummary, IndexPoint, TimelineEntry


class ErrorOut(BaseModel):
    detail: str = Field(description="what was wrong with the request, for a person to read")


class SourceOut(BaseModel):
    """One article's report of a timeline entry."""

    doc_id: str
    outlet: str | None
    url: str | None
    published: str | None = Field(description="the article's publication date, ISO")
    sentence: str
    start: int = Field(description="offset of the sentence in the document's text (code points)")
    end: int
    date: str | None = Field(description="the date this article gives the event")
    precision: Precision | None
    status: Status


class EntryOut(BaseModel):
    """One real event between two states, with every article that reports it."""

    id: str
    date: str | None
    precision: Precision | None
    type: str
    source: str
    target: str
    status: Status
    mode: str | None
    score: float = Field(description="PLOVER score: + cooperation, - conflict (-10..10)")
    outlets: list[str]
    sources: list[SourceOut]


class DyadOut(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    entries: int
    documents: int
    first: str | None
    last: str | None


class TimelineOut(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    limit: int
    offset: int
    count: int = Field(description="entries in this answer (at most limit)")
    entries: list[EntryOut]


class IndexPointOut(BaseModel):
    period: str
    score: float
    cooperation: float
    conflict: float
    entries: int
    documents: int


class IndexOut(BaseModel):
    a: str
    b: str
    by: str
    points: list[IndexPointOut]


class SpanOut(BaseModel):
    start: int
    end: int
    sentence: str


class PersonFact(BaseModel):
    name: str
    role: str | None
    affiliation: str | None
    state: str | None
    spans: list[SpanOut]


class QuoteFact(BaseModel):
    text: str
    speaker: str | None
    speaker_kind: str | None
    span: SpanOut


class FigureFact(BaseModel):
    value: float | None
    unit: str
    text: str
    year: int | None
    measure: str | None
    span: SpanOut


class EventFact(BaseModel):
    event_id: str
    type: str
    mode: str | None
    source: str
    target: str
    status: Status
    date: str | None
    precision: Precision | None
    score: float | None
    text: str
    spans: list[SpanOut]


class DocumentOut(BaseModel):
    """A document's cleaned text and every fact read from it, each with its span."""

    doc_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    published_precision: Precision | None
    published_evidence: str | None
    text: str
    persons: list[PersonFact]
    quotes: list[QuoteFact]
    figures: list[FigureFact]
    events: list[EventFact]


class QuoteOut(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    text: str
    speaker: str | None
    speaker_kind: str | None
    start: int
    end: int
    sentence: str


class QuotesOut(BaseModel):
    speaker: str | None
    limit: int
    offset: int
    count: int
    quotes: list[QuoteOut]


class PersonOut(BaseModel):
    name: str
    roles: list[str]
    states: list[str]
    documents: int
    quotes: int


class PersonsOut(BaseModel):
    limit: int
    offset: int
    count: int
    persons: list[PersonOut]


class SearchHit(BaseModel):
    doc_id: str
    title: str | None
    published: str | None
    sentence: str
    start: int
    end: int


class SearchOut(BaseModel):
    q: str
    limit: int
    offset: int
    count: int
    hits: list[SearchHit]


# -- conversions ------------------------------------------------------------------------------


def entry_out(e: TimelineEntry) -> EntryOut:
    """An entry and its sources as the API writes them: the read model's fields, by name."""
    return EntryOut.model_validate(e, from_attributes=True)


def dyad_out(d: DyadSummary, a_name: str, b_name: str) -> DyadOut:
    return DyadOut(
        a=d.a,
        b=d.b,
        a_name=a_name,
        b_name=b_name,
        entries=d.entries,
        documents=d.documents,
        first=d.first,
        last=d.last,
    )


def index_point_out(p: IndexPoint) -> IndexPointOut:
    return IndexPointOut.model_validate(p, from_attributes=True)


def _span(p: Provenance) -> SpanOut:
    return SpanOut(start=p.start, end=p.end, sentence=p.sentence)


def document_out(doc: Document, a: Analysis, outlet: str | None) -> DocumentOut:
    published = a.published
    return DocumentOut(
        doc_id=doc.doc_id,
        title=doc.title,
        url=doc.url,
        outlet=outlet,
        published=published.date if published else None,
        published_precision=published.precision if published else None,
        published_evidence=published.evidence or None if published else None,
        text=doc.text,
        persons=[
            PersonFact(
                name=p.name,
                role=p.role,
                affiliation=p.affiliation,
                state=p.state,
                spans=[_span(m) for m in p.mentions],
            )
            for p in a.persons
        ],
        quotes=[
            QuoteFact(
                text=q.text,
                speaker=q.speaker,
                speaker_kind=q.speaker_kind,
                span=_span(q.provenance),
            )
            for q in a.quotes
        ],
        figures=[
            FigureFact(
                value=f.value,
                unit=f.unit,
                text=f.text,
                year=f.year,
                measure=f.measure,
                span=_span(f.provenance),
            )
            for f in a.figures
        ],
        events=[
            EventFact(
                event_id=e.event_id,
                type=e.type,
                mode=e.mode,
                source=e.source,
                target=e.target,
                status=e.status,
                date=e.date.date if e.date else None,
                precision=e.date.precision if e.date else None,
                score=e.score,
                text=e.text,
                spans=[_span(p) for p in e.provenance],
            )
            for e in a.events
        ],
    )
