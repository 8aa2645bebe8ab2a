"""dyad's extractors as spaCy components (``nlp/components.py``) and the bridge to records
(``nlp/to_records.py``).

Every sentence and name here is written for the test (the states are real, the people are not).
Most Docs are built by hand (``Doc(vocab, words=...)``, entities set by hand), so most tests
need no model; the ones marked ``model`` run the real parser.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from dyad.models import Document
from dyad.nlp import components as comp
from dyad.nlp import to_records
from dyad.nlp.persons import extract_persons, read_persons, resolve_persons
from dyad.resolve.gazetteer import Office

SURNAME_ONLY = (
    'LIMA, March 3 - Ostrova met the foreign minister of Peru on Tuesday. "We signed the water '
    'accord today," Ostrova told reporters.'
)
TEXT = (
    "VALDORIA, March 3 - President Mara Ostrova of Chile met Peru's foreign minister on "
    'Tuesday. "We signed the water accord today," Ostrova told reporters in Lima.'
)


class TermGazetteer:
    """Two presidents of Chile with the same surname, one term each."""

    STATES: ClassVar[dict[str, str]] = {
        "Chile": "CHL",
        "Chilean": "CHL",
        "Peru": "PER",
        "Peru's": "PER",
        "Lima": "PER",
    }
    OFFICES = (
        Office("Mara Ostrova", "president", "CHL", date(2020, 1, 1), date(2024, 1, 1)),
        Office("Ivan Ostrova", "president", "CHL", date(2024, 1, 2), None),
    )

    def state_code(self, mention: str) -> str | None:
        return self.STATES.get(mention.strip())

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        last = name.split()[-1]
        found = [o for o in self.OFFICES if o.name == name or o.name.split()[-1] == last]
        if on is not None:
            found = [o for o in found if o.valid_from <= on and (o.valid_to or on) >= on]
        return found


def term_gazetteer() -> TermGazetteer:
    return TermGazetteer()


registry.misc.register("test_components.term_gazetteer.v1", func=term_gazetteer)
FAKE = {"gazetteer": {"@misc": "test_components.term_gazetteer.v1"}}


def hand_doc(nlp: Language, text: str = TEXT) -> Doc:
    """A Doc of ``text`` built by hand: words and spaces from white space, no parse, PERSON
    and GPE entities where the test's names and states stand."""
    words, spaces = [], []
    for chunk in text.split(" "):
        word, rest = chunk, ""
        while word and word[-1] in ',."':
            word, rest = word[:-1], word[-1] + rest
        lead = ""
        while word and word[0] == '"':
            lead, word = lead + word[0], word[1:]
        pieces = [p for p in (lead, word, *rest) if p]
        words.extend(pieces)
        spaces.extend([False] * (len(pieces) - 1) + [True])
    spaces[-1] = False
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text
    ents: list[Span] = []
    for surface, label in (("Mara Ostrova", "PERSON"), ("Ostrova", "PERSON"), ("Chile", "GPE")):
        start = text.find(surface)
        while start >= 0:
            span = doc.char_span(start, start + len(surface), label=label)
            free = span is not None and all(
                e.end <= span.start or span.end <= e.start for e in ents
            )
            if span is not None and free:
                ents.append(span)
            start = text.find(surface, start + 1)
    doc.ents = sorted(ents)
    return doc


def persons_pipeline() -> Language:
    nlp = spacy.blank("en")
    for name in ("dyad_names", "dyad_published", "dyad_persons", "dyad_time"):
        nlp.add_pipe(name, config=FAKE if name != "dyad_time" else {})
    return nlp


def test_the_factories_declare_what_they_require_and_assign() -> None:
    nlp = spacy.blank("en")
    comp.add_components(nlp)
    assert nlp.pipe_names == list(comp.COMPONENTS)
    analysis = nlp.analyze_pipes()
    assigns = analysis["summary"]
    assert "doc._.dyad_published" in assigns["dyad_published"]["assigns"]
    assert "doc._.dyad_persons" in assigns["dyad_persons"]["assigns"]
    assert "doc._.dyad_names" in assigns["dyad_persons"]["requires"]
    # every extension a component requires is assigned by one before it, save the metadata
    assigned = {"doc._.dyad_meta"}
    for name in comp.COMPONENTS:
        wanted = {a for a in assigns[name]["requires"] if a.startswith("doc._.")}
        assert wanted <= assigned, name
        assigned |= set(assigns[name]["assigns"])
    # the gazetteer is named in the config, not passed as an object
    assert nlp.config["components"]["dyad_persons"]["gazetteer"] == comp.GAZETTEER


def test_components_run_on_a_hand_built_doc_and_resolve_offices_on_the_metadata_date() -> None:
    nlp = persons_pipeline()
    early = nlp(comp.set_meta(hand_doc(nlp), comp.DocMeta("a", "2021-03-03")))
    late = nlp(comp.set_meta(hand_doc(nlp), comp.DocMeta("b", "2025-03-03")))
    assert early._.dyad_published.date == "2021-03-03"
    (mara,) = early._.dyad_persons.persons
    assert mara.name == "Mara Ostrova" and mara.role == "president" and mara.state == "CHL"
    assert [p.name for p in late._.dyad_persons.persons] == ["Mara Ostrova"]  # as the text says
    assert [s.text for s in early.spans["dyad_persons"]] == ["Mara Ostrova", "Ostrova"]
    # time expressions resolve against the publication date
    (tuesday,) = [t for t in early._.dyad_times if t.kind == "weekday"]
    assert tuesday.date is not None and tuesday.date.date == "2021-03-02"
    assert [s.text for s in early.spans["dyad_times"]] == [t.text for t in early._.dyad_times]


def test_a_surname_alone_is_the_officeholder_of_the_publication_date() -> None:
    nlp = persons_pipeline()
    on = {
        meta: nlp(comp.set_meta(hand_doc(nlp, SURNAME_ONLY), comp.DocMeta("s", meta)))
        for meta in ("2021-03-03", "2025-03-03")
    }
    assert [p.name for p in on["2021-03-03"]._.dyad_persons.persons] == ["Mara Ostrova"]
    assert [p.name for p in on["2025-03-03"]._.dyad_persons.persons] == ["Ivan Ostrova"]
    # the names were read once; the undated reading (two holders of the surname) links none
    draft = on["2021-03-03"]._.dyad_names
    assert resolve_persons(draft, doc_id="s", on=None).persons == []


def test_reading_once_and_resolving_on_a_date_equals_reading_on_that_date() -> None:
    nlp = spacy.blank("en")
    gaz = TermGazetteer()
    for text in (TEXT, SURNAME_ONLY):
        doc = hand_doc(nlp, text)
        draft = read_persons(doc, gaz)
        for on in (None, date(2021, 6, 1), date(2025, 6, 1)):
            once = resolve_persons(draft, doc_id="t", on=on)
            again = extract_persons(doc, gaz, doc_id="t", on=on)
            assert once.persons == again.persons
            assert once.mentions == again.mentions


def test_a_doc_without_metadata_or_parse_still_gets_every_result() -> None:
    nlp = spacy.blank("en")
    comp.add_components(nlp)  # the packaged gazetteer, by its config name
    doc = nlp(hand_doc(nlp))  # no dyad_meta: an empty id, no publication metadata
    analysis = to_records.analysis(doc)
    assert analysis.doc_id == ""
    assert analysis.published is None  # a dateline without a year dates nothing
    assert {q.text for q in analysis.quotes} == {"We signed the water accord today"}
    assert {m.code for m in doc._.dyad_states} >= {"CHL", "PER"}
    assert {s.kb_id_ for s in doc.spans["dyad_states"]} >= {"CHL", "PER"}
    assert isinstance(analysis.events, tuple) and isinstance(analysis.figures, tuple)


def test_to_records_refuses_a_doc_the_components_did_not_see() -> None:
    from dyad.errors import DyadError

    with pytest.raises(DyadError):
        to_records.analysis(spacy.blank("en")("Nothing was analysed here."))


def test_extensions_are_registered_once() -> None:
    comp.register_extensions()
    comp.register_extensions()
    assert all(Doc.has_extension(name) for name in comp.EXTENSIONS)


@pytest.mark.model
def test_parse_many_parses_each_text_as_parse_does() -> None:
    from dyad.nlp.model import parse, parse_many

    texts = [TEXT, "", "Short one.\n\nSecond paragraph of it.\n\n", TEXT.replace("Peru", "Bolivia")]
    for text, doc in zip(texts, parse_many(texts, batch_size=2), strict=True):
        alone = parse(text)
        assert doc.text == text
        assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc] == [
            (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in alone
        ]


@pytest.mark.model
def test_the_nlp_pipe_stream_gives_what_extract_gives() -> None:
    from dyad.extract import extract
    from dyad.nlp.model import parse
    from dyad.pipeline import analyse_many

    docs = [
        Document("a", "a.txt", "h1", TEXT, TEXT, published_meta=None),
        Document("b", "b.txt", "h2", TEXT, TEXT, published_meta="2025-03-03"),
    ]
    streamed = [extraction.analysis for extraction, _, _ in analyse_many(docs, batch_size=1)]
    alone = [extract(parse(d.text), d).analysis for d in docs]
    assert streamed == alone
    assert streamed[1].published is not None and streamed[1].published.date == "2025-03-03"
