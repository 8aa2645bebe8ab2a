"""Articles written for the web tests (about Chile, Peru and Bolivia; one of them hostile),
stored with their facts as the pipeline would store them and merged into timeline entries by
``dyad.timeline.build``, so the API answers them through the real timeline queries."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyad.models import Analysis, DateRef, Document, Event, Person, Provenance, Quote, Status
from dyad.store.sqlite import Sentence, open_store
from dyad.timeline.build import update

HOSTILE_TITLE = "<script>window.__xss = 'title'; alert('title')</script>Border talks"
HOSTILE_SENTENCE = (
    "Bolivia and Peru met <img src=x onerror=\"window.__xss='img'; alert('img')\"> at the "
    "border on Friday, an envoy said."
)
HOSTILE_TEXT = (
    f"{HOSTILE_SENTENCE}\n\n"
    "Read more <a href=\"javascript:window.__xss='link';alert('link')\">here</a> and "
    "<script>window.__xss = 'script'; alert('script')</script> there.\n\n"
    "\"<b onmouseover=alert('quote')>We talked</b>,\" said Rosa <i>Quispe</i>.\n"
)


@dataclass(frozen=True)
class Article:
    doc_id: str
    url: str
    title: str
    published: DateRef
    text: str
    # (type, source, target, status, date, score, paragraph)
    events: tuple[tuple[str, str, str, Status, DateRef, float, int], ...] = ()
    quotes: tuple[tuple[str, str, int], ...] = ()  # (text, speaker, paragraph)
    persons: tuple[tuple[str, str, str, int], ...] = ()  # (name, role, state, paragraph)


ARTICLES = (
    Article(
        doc_id="andes-1",
        url="https://www.southern-wire.test/2021/03/accord",
        title="Chile and Peru sign a fisheries accord",
        published=DateRef("2021-03-04", "day", "test"),
        text=(
            "Chile and Peru signed a fisheries accord in Lima on Tuesday.\n\n"
            'Foreign minister Ana Rivas said: "This accord protects our coast."\n\n'
            "The two ministers also met to plan a joint patrol.\n"
        ),
        events=(
            ("AGREE", "CHL", "PER", "occurred", DateRef("2021-03-02", "day"), 3.0, 0),
            ("CONSULT", "CHL", "PER", "occurred", DateRef("2021-03-02", "day"), 1.0, 2),
        ),
        quotes=(("This accord protects our coast.", "Ana Rivas", 1),),
        persons=(("Ana Rivas", "foreign minister", "CHL", 1),),
    ),
    Article(
        doc_id="andes-2",
        url="https://pacific-daily.test/news/fish",
        title="Peru and Chile to share fishing data",
        published=DateRef("2021-03-05", "day", "test"),
        text=(
            "Peru and Chile agreed on Tuesday to share fishing data.\n\n"
            "In May, Peru accused Chile of breaking a border rule.\n"
        ),
        events=(
            ("AGREE", "CHL", "PER", "occurred", DateRef("2021-03-02", "day"), 3.0, 0),
            ("ACCUSE", "PER", "CHL", "occurred", DateRef("2021-05", "month"), -3.0, 1),
        ),
        quotes=(),
        persons=(),
    ),
    Article(
        doc_id="wire/été 7",  # an id with a slash, a space and accents, as a JSONL id may be
        url="https://notes.test/7",
        title="A short note",
        published=DateRef("2020", "year", "test"),
        text="A short note on the weather, with no state in it, written for a test.\n",
    ),
    Article(
        doc_id="hostile",
        url="javascript:window.__xss='url';alert('url')",
        title=HOSTILE_TITLE,
        published=DateRef("2022-07-01", "day", "test"),
        text=HOSTILE_TEXT,
        events=(("CONSULT", "BOL", "PER", "occurred", DateRef("2022-06-24", "day"), 1.0, 0),),
        quotes=(("<b onmouseover=alert('quote')>We talked</b>,", "Rosa <i>Quispe</i>", 2),),
        persons=(("Rosa <i>Quispe</i>", "envoy", "BOL", 2),),
    ),
)


def _sentences(text: str) -> list[Sentence]:
    """The test articles' sentences: one per paragraph."""
    out = []
    pos = 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        body = para.rstrip("\n")
        out.append(Sentence(start, start + len(body), body))
        pos = start + len(para)
    return out


def build_store(path: Path) -> Path:
    """A database at ``path`` holding the test articles, stored as the pipeline would."""
    with open_store(path) as store:
        for art in ARTICLES:
            sentences = _sentences(art.text)
            provs = [Provenance(art.doc_id, s.start, s.end, s.text) for s in sentences]
            events = tuple(
                Event(t, src, tgt, st, when, provs[i].sentence, (provs[i],), None, score)
                for t, src, tgt, st, when, score, i in art.events
            )
            quotes = tuple(Quote(q, who, provs[i], "person") for q, who, i in art.quotes)
            persons = tuple(
                Person(name, role, None, state, (provs[i],)) for name, role, state, i in art.persons
            )
            doc = Document(
                art.doc_id,
                f"{art.doc_id}.txt",
                f"hash-{art.doc_id}",
                art.text,
                art.text,
                title=art.title,
                url=art.url,
            )
            analysis = Analysis(art.doc_id, art.published, persons, quotes, (), events)
            store.add(doc, analysis, sentences)
        update(store, [a.doc_id for a in ARTICLES])
    return path
