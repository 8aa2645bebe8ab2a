"""The only bridge from spaCy objects to dyad's records: an analysed ``Doc`` (one that went
through the components of ``nlp.components``) in, ``dyad.models`` records (and the plain
tuples the store keeps of sentences and entities) out. Nothing else outside ``nlp/`` reads a
spaCy object."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.errors import DyadError
from dyad.models import Analysis
from dyad.nlp.components import DocMeta
from dyad.nlp.doctext import span_text
from dyad.nlp.person_index import PersonIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def analysis(doc: Doc) -> Analysis:
    """Everything the components found in ``doc``, as one ``Analysis``."""
    meta = doc._.dyad_meta
    return Analysis(
        meta.doc_id if isinstance(meta, DocMeta) else "",
        doc._.dyad_published,
        persons=tuple(person_index(doc).persons),
        quotes=tuple(doc._.dyad_quotes or ()),
        figures=tuple(doc._.dyad_figures or ()),
        events=tuple(doc._.dyad_events or ()),
    )


def person_index(doc: Doc) -> PersonIndex:
    """The persons of an analysed ``doc`` with their look-ups (by name, span, role)."""
    persons = doc._.dyad_persons
    if not isinstance(persons, PersonIndex):
        raise DyadError("internal error: the document was not analysed by dyad's components")
    return persons


def sentences(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, text) of every sentence that is not blank."""
    texts = ((s.start_char, s.end_char, span_text(s)) for s in doc.sents)
    return [(start, end, text) for start, end, text in texts if text.strip()]


def entities(doc: Doc) -> list[tuple[int, int, str, str]]:
    """(start, end, label, text) of every named entity spaCy found."""
    return [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents]
