"""dyad's extractors as spaCy pipeline components: each a registered factory with a config,
declaring what it ``requires`` and ``assigns``; results on the ``Doc`` (``doc._.dyad_*``
extensions, ``doc.spans["dyad_*"]``). In pipeline order:

- ``dyad_names`` (requires entities, sentences): ``doc._.dyad_names``, a ``PersonDraft`` (the
  names and mentions read, the date aside);
- ``dyad_published`` (``doc._.dyad_meta``, ``doc._.dyad_names``): ``doc._.dyad_published``;
- ``dyad_persons`` (``doc._.dyad_names``, ``doc._.dyad_published``): ``doc._.dyad_persons``
  (``PersonIndex``, offices on the publication date), ``doc.spans["dyad_persons"]``;
- ``dyad_time`` (``doc._.dyad_published``): ``doc._.dyad_times``, ``doc.spans["dyad_times"]``;
- ``dyad_states`` (entities, ``doc._.dyad_published``): ``doc._.dyad_states``,
  ``doc.spans["dyad_states"]`` (label: the kind, ``kb_id``: the code);
- ``dyad_quotes`` (``doc._.dyad_persons``): ``doc._.dyad_quotes``, ``doc.spans["dyad_quotes"]``;
- ``dyad_figures`` (dependencies, ``doc._.dyad_published``): ``doc._.dyad_figures``,
  ``doc.spans["dyad_figures"]`` (label: the unit);
- ``dyad_events`` (dependencies, the persons, states and times): ``doc._.dyad_events``.

The document's id and published metadata reach the components as ``doc._.dyad_meta``
(``DocMeta``), set before they run. The persons are read once (``dyad_names``); their offices,
which depend on the date, are resolved after the publication date is known (``dyad_persons``).
Components that take a ``gazetteer`` name it in their config (``{"@misc":
"dyad.gazetteer.v1"}``: the packaged gazetteer, loaded once per process). Components whose
``requires`` name no parse (published, time) work on any ``Doc``; the others read whatever
annotation the Doc has. ``nlp/to_records.py`` turns an analysed Doc into dyad's records.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from dyad.dating.patterns import ref_range
from dyad.dating.published import infer_published, parse_meta
from dyad.dating.relative import TimeExpression, find_time_expressions, resolve_expression
from dyad.events.coder import EventTools, extract_events
from dyad.models import DateRef, Event, Figure, Quote
from dyad.nlp.doctext import doc_text
from dyad.nlp.figures import extract_figures
from dyad.nlp.person_index import PersonIndex
from dyad.nlp.persons import PersonDraft, read_persons, resolve_persons
from dyad.nlp.quotes import extract_quotes
from dyad.resolve.actors import StateMention, find_state_mentions
from dyad.resolve.gazetteer import Gazetteer

log = logging.getLogger(__name__)

# Names of the components, in the order they run.
COMPONENTS = (
    "dyad_names",
    "dyad_published",
    "dyad_persons",
    "dyad_time",
    "dyad_states",
    "dyad_quotes",
    "dyad_figures",
    "dyad_events",
)
GAZETTEER = {"@misc": "dyad.gazetteer.v1"}
# The Doc extensions the components read and write (all default to None).
EXTENSIONS = (
    "dyad_meta",
    "dyad_names",
    "dyad_published",
    "dyad_persons",
    "dyad_times",
    "dyad_states",
    "dyad_quotes",
    "dyad_figures",
    "dyad_events",
)


@dataclass(frozen=True)
class DocMeta:
    """What the components need to know of a document besides its text."""

    doc_id: str
    published: str | None = None  # the publication date its metadata gives, if any


def register_extensions() -> None:
    """Register dyad's ``Doc._`` extensions (once per process; later calls do nothing)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def set_meta(doc: Doc, meta: DocMeta) -> Doc:
    """``doc`` with its metadata set, for the components to read."""
    register_extensions()
    doc._.dyad_meta = meta
    return doc


def packaged_gazetteer() -> Gazetteer:
    """dyad's packaged gazetteer, read once per process (``Gazetteer.load``)."""
    return Gazetteer.load()


registry.misc.register("dyad.gazetteer.v1", func=packaged_gazetteer)


def _sentences(doc: Doc) -> Doc:
    """``doc``, read as one sentence when nothing set its sentence boundaries (in place: the
    extractors would otherwise copy it, user data and all, as ``with_sentences`` does)."""
    if len(doc) and not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        for tok in doc:
            tok.is_sent_start = tok.i == 0
    return doc


def _meta(doc: Doc) -> DocMeta:
    meta = doc._.dyad_meta
    return meta if isinstance(meta, DocMeta) else DocMeta("")


def _draft(doc: Doc, gazetteer: Gazetteer) -> PersonDraft:
    """The names ``dyad_names`` read (read here when it did not run)."""
    draft = doc._.dyad_names
    if not isinstance(draft, PersonDraft):
        draft = read_persons(_sentences(doc), gazetteer)
        doc._.dyad_names = draft
    return draft


def _persons_on(draft: PersonDraft, doc_id: str, on: date | None) -> PersonIndex:
    """The draft's persons on a date, resolved once per date (the date of publication is
    unknown for the publication date's own evidence, then known)."""
    key = (doc_id, on)
    found = draft.resolved.get(key)
    if found is None:
        found = draft.resolved[key] = resolve_persons(draft, doc_id=doc_id, on=on)
    return found


def day_of(ref: DateRef | None) -> date | None:
    """A representative day of a date known to some precision (its first day)."""
    return ref_range(ref)[0] if ref is not None else None


def _span_group(doc: Doc, key: str, items: Iterable[tuple[int, int, str, str]]) -> None:
    """``doc.spans[key]``: one span per (start, end, label, kb_id), token-aligned outwards."""
    spans: list[Span] = []
    for start, end, label, kb_id in items:
        span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.spans[key] = spans


class NamesComponent:
    """``dyad_names``: the persons' names and mentions, read once (see ``PersonDraft``)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        doc._.dyad_names = read_persons(doc, self.gazetteer)
        return doc


class PublishedComponent:
    """``dyad_published``: the publication date (valid metadata wins; else the text's evidence,
    the persons and their offices)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        meta = _meta(doc)
        found = parse_meta(meta.published) if meta.published else None
        if found is None:
            persons = _persons_on(_draft(doc, self.gazetteer), meta.doc_id, None)
            found = infer_published(
                doc_text(doc),
                meta=meta.published,
                gazetteer=self.gazetteer,
                persons=persons.persons,
            )
        doc._.dyad_published = found
        return doc


class PersonsComponent:
    """``dyad_persons``: the persons with their offices, roles and states on the publication
    date; their mentions as ``doc.spans["dyad_persons"]`` (label PERSON)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        draft = _draft(doc, self.gazetteer)
        persons = _persons_on(draft, _meta(doc).doc_id, day_of(doc._.dyad_published))
        doc._.dyad_persons = persons
        _span_group(doc, "dyad_persons", ((m.start, m.end, "PERSON", "") for m in persons.mentions))
        return doc


def _persons(doc: Doc, gazetteer: Gazetteer) -> PersonIndex:
    """The persons ``dyad_persons`` found (found here when it did not run)."""
    found = doc._.dyad_persons
    if not isinstance(found, PersonIndex):
        found = _persons_on(_draft(doc, gazetteer), _meta(doc).doc_id, day_of(doc._.dyad_published))
        doc._.dyad_persons = found
    return found


class TimeComponent:
    """``dyad_time``: time expressions, resolved against the publication date."""

    def __call__(self, doc: Doc) -> Doc:
        times = find_time_expressions(doc_text(doc), doc._.dyad_published) if len(doc) else []
        doc._.dyad_times = times
        _span_group(doc, "dyad_times", ((t.start, t.end, t.kind, "") for t in times))
        return doc


def state_day(published: DateRef | None) -> date | None:
    """The day officials are coded on: the publication date when known to the day."""
    if published is None or published.precision != "day":
        return None
    return date.fromisoformat(published.date)


class StatesComponent:
    """``dyad_states``: mentions of states, bodies and officials (coded on the publication
    day); as ``doc.spans["dyad_states"]`` with the kind as label and the code as ``kb_id``."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        on = state_day(doc._.dyad_published)
        mentions = find_state_mentions(doc, self.gazetteer, on=on)
        doc._.dyad_states = mentions
        _span_group(doc, "dyad_states", ((m.start, m.end, m.kind, m.code) for m in mentions))
        return doc


class QuotesComponent:
    """``dyad_quotes``: direct quotations and their speakers."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        persons = _persons(doc, self.gazetteer)
        quotes: list[Quote] = extract_quotes(doc, persons, doc_id=_meta(doc).doc_id)
        doc._.dyad_quotes = quotes
        spans = ((q.provenance.start, q.provenance.end, "QUOTE", "") for q in quotes)
        _span_group(doc, "dyad_quotes", spans)
        return doc


class FiguresComponent:
    """``dyad_figures``: amounts, percentages and counts (label: the unit)."""

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        published = doc._.dyad_published
        figures: list[Figure] = extract_figures(doc, doc_id=_meta(doc).doc_id, published=published)
        doc._.dyad_figures = figures
        spans = ((f.provenance.start, f.provenance.end, f.unit, "") for f in figures)
        _span_group(doc, "dyad_figures", spans)
        return doc


class _Given:
    """The state mentions and time expressions already on the Doc, for the event coder; any
    other question (another span, another date) is answered by the finders themselves."""

    def __init__(
        self, doc: Doc, states: Sequence[StateMention], times: Sequence[TimeExpression]
    ) -> None:
        self.doc = doc
        self.on = state_day(doc._.dyad_published)
        self.anchor: DateRef | None = doc._.dyad_published
        self.states = states
        self.times = times

    def mentions(
        self, doc_or_span: Any, gazetteer: Any, /, *, on: date | None = None
    ) -> Sequence[StateMention]:
        if doc_or_span is self.doc and on == self.on:
            return self.states
        return find_state_mentions(doc_or_span, gazetteer, on=on)

    def time_expressions(self, text: str, anchor: DateRef | None, /) -> Sequence[TimeExpression]:
        if anchor == self.anchor and text == doc_text(self.doc):
            return self.times
        return find_time_expressions(text, anchor)


class EventsComponent:
    """``dyad_events``: PLOVER events between states, merged per document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        _sentences(doc)
        if doc._.dyad_states is None:
            StatesComponent(self.gazetteer)(doc)
        if doc._.dyad_times is None:
            TimeComponent()(doc)
        given = _Given(doc, doc._.dyad_states, doc._.dyad_times)
        tools = EventTools(given.mentions, given.time_expressions, resolve_expression)
        events: list[Event] = extract_events(
            doc,
            doc_id=_meta(doc).doc_id,
            published=doc._.dyad_published,
            persons=_persons(doc, self.gazetteer),
            gazetteer=self.gazetteer,
            tools=tools,
        )
        doc._.dyad_events = events
        return doc


_ENTS = "token.ent_type"
_SENTS = "token.is_sent_start"
_DEPS = "token.dep"


def _factory(
    name: str, requires: list[str], assigns: list[str], gazetteer: bool = True
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    config = {"gazetteer": GAZETTEER} if gazetteer else {}
    return Language.factory(
        name, default_config=config, requires=requires, assigns=assigns, retokenizes=False
    )


@_factory("dyad_names", [_ENTS, _SENTS], ["doc._.dyad_names"])
def make_names(nlp: Language, name: str, gazetteer: Gazetteer) -> NamesComponent:
    register_extensions()
    return NamesComponent(gazetteer)


@_factory("dyad_published", ["doc._.dyad_meta", "doc._.dyad_names"], ["doc._.dyad_published"])
def make_published(nlp: Language, name: str, gazetteer: Gazetteer) -> PublishedComponent:
    register_extensions()
    return PublishedComponent(gazetteer)


@_factory(
    "dyad_persons",
    ["doc._.dyad_names", "doc._.dyad_published"],
    ["doc._.dyad_persons", "doc.spans"],
)
def make_persons(nlp: Language, name: str, gazetteer: Gazetteer) -> PersonsComponent:
    register_extensions()
    return PersonsComponent(gazetteer)


@_factory("dyad_time", ["doc._.dyad_published"], ["doc._.dyad_times", "doc.spans"], False)
def make_time(nlp: Language, name: str) -> TimeComponent:
    register_extensions()
    return TimeComponent()


@_factory("dyad_states", [_ENTS, "doc._.dyad_published"], ["doc._.dyad_states", "doc.spans"])
def make_states(nlp: Language, name: str, gazetteer: Gazetteer) -> StatesComponent:
    register_extensions()
    return StatesComponent(gazetteer)


@_factory("dyad_quotes", [_SENTS, "doc._.dyad_persons"], ["doc._.dyad_quotes", "doc.spans"])
def make_quotes(nlp: Language, name: str, gazetteer: Gazetteer) -> QuotesComponent:
    register_extensions()
    return QuotesComponent(gazetteer)


@_factory(
    "dyad_figures", [_DEPS, "doc._.dyad_published"], ["doc._.dyad_figures", "doc.spans"], False
)
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    register_extensions()
    return FiguresComponent()


@_factory(
    "dyad_events",
    [_DEPS, "doc._.dyad_persons", "doc._.dyad_states", "doc._.dyad_times"],
    ["doc._.dyad_events"],
)
def make_events(nlp: Language, name: str, gazetteer: Gazetteer) -> EventsComponent:
    register_extensions()
    return EventsComponent(gazetteer)


def add_components(nlp: Language, config: dict[str, Any] | None = None) -> Language:
    """Add every dyad component to ``nlp`` (in order), each with ``config`` where it takes a
    gazetteer (default: the packaged one)."""
    register_extensions()
    for name in COMPONENTS:
        takes = name not in {"dyad_time", "dyad_figures"}
        nlp.add_pipe(name, config=(config or {}) if takes else {})
    return nlp


def run_components(doc: Doc, gazetteer: Gazetteer) -> Doc:
    """Every component on one Doc, with a gazetteer given as an object (no pipeline built)."""
    register_extensions()
    steps: tuple[Callable[[Doc], Doc], ...] = (
        NamesComponent(gazetteer),
        PublishedComponent(gazetteer),
        PersonsComponent(gazetteer),
        TimeComponent(),
        StatesComponent(gazetteer),
        QuotesComponent(gazetteer),
        FiguresComponent(),
        EventsComponent(gazetteer),
    )
    for step in steps:
        doc = step(doc)
    return doc
