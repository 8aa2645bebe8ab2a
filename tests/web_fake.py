"""Test helpers for the web app: a small stand-in for ``dyad.timeline.query`` and a store of
articles written for these tests (about Chile, Peru and Bolivia; one of them hostile).

``FakeQueries`` merges events across documents by ``Event.event_id`` (same date, type and
pair), which is enough to give the API and the page entries with several sources; the real
merging lives in ``dyad.timeline.query`` and is tested there.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from dyad.errors import DyadError
from dyad.models import Analysis, DateRef, Document, Event, Person, Provenance, Quote, Status
from dyad.resolve.gazetteer import Gazetteer
from dyad.store.sqlite import Sentence, SQLiteStore, open_store
from dyad.timeline.model import DyadSummary, EntrySource, IndexPoint, TimelineEntry
from dyad.web.reads import outlet_of

STATUS_RANK = {"occurred": 3, "denied": 2, "planned": 1, "reported": 0}


class FakeQueries:
    """The five query functions over a store's per-document events."""

    def state_code(self, name_or_code: str) -> str:
        gaz = Gazetteer.load()
        text = name_or_code.strip()
        if text.upper() in gaz.codes():
            return text.upper()
        code = gaz.state_code(text)
        if code is None:
            raise DyadError(f"unknown state {name_or_code!r}")
        return code

    def _entries(self, store: SQLiteStore) -> list[TimelineEntry]:
        groups: dict[str, list[tuple[Event, EntrySource]]] = defaultdict(list)
        for doc_id in store.doc_ids():
            doc = store.document(doc_id)
            analysis = store.analysis(doc_id)
            published = analysis.published.date if analysis.published else None
            for event in analysis.events:
                prov = event.provenance[0]
                source = EntrySource(
                    doc_id=doc_id,
                    outlet=outlet_of(doc.url),
                    url=doc.url,
                    published=published,
                    sentence=prov.sentence,
                    start=prov.start,
                    end=prov.end,
                    date=event.date.date if event.date else None,
                    precision=event.date.precision if event.date else None,
                    status=event.status,
                )
                groups[event.event_id].append((event, source))
        entries = []
        for key, members in groups.items():
            first = members[0][0]
            status: Status = max((e.status for e, _ in members), key=STATUS_RANK.__getitem__)
            entries.append(
                TimelineEntry(
                    id=key,
                    date=first.date.date if first.date else None,
                    precision=first.date.precision if first.date else None,
                    type=first.type,
                    source=first.source,
                    target=first.target,
                    status=status,
                    mode=first.mode,
                    score=first.score,
                    sources=tuple(s for _, s in members),
                )
            )
        entries.sort(key=lambda e: (e.date or "9999", e.id))
        return entries

    def list_dyads(self, store: SQLiteStore) -> list[DyadSummary]:
        pairs: dict[tuple[str, str], list[TimelineEntry]] = defaultdict(list)
        for e in self._entries(store):
            a, b = sorted((e.source, e.target))
            pairs[(a, b)].append(e)
        out = []
        for (a, b), entries in sorted(pairs.items()):
            dates = [e.date for e in entries if e.date]
            docs = {s.doc_id for e in entries for s in e.sources}
            out.append(
                DyadSummary(
                    a,
                    b,
                    len(entries),
                    len(docs),
                    min(dates, default=None),
                    max(dates, default=None),
                )
            )
        return out

    def timeline(
        self,
        store: SQLiteStore,
        a: str,
        b: str,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        types: tuple[str, ...] = (),
        status: Status | None = None,
        min_sources: int = 1,
        outlet: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TimelineEntry]:
        pair = sorted((a, b))
        out = []
        for e in self._entries(store):
            if sorted((e.source, e.target)) != pair:
                continue
            if date_from and (not e.date or e.date[: len(date_from)] < date_from):
                continue
            if date_to and (not e.date or e.date[: len(date_to)] > date_to):
                continue
            if types and e.type not in types:
                continue
            if status and e.status != status:
                continue
            if len(e.sources) < min_sources:
                continue
            if outlet and outlet not in e.outlets:
                continue
            out.append(e)
        end = None if limit is None else offset + limit
        return out[offset:end]

    def entry(self, store: SQLiteStore, entry_id: str) -> TimelineEntry | None:
        return next((e for e in self._entries(store) if e.id == entry_id), None)

    def index_series(
        self, store: SQLiteStore, a: str, b: str, *, by: str = "month"
    ) -> list[IndexPoint]:
        periods: dict[str, list[TimelineEntry]] = defaultdict(list)
        for e in self.timeline(store, a, b):
            if not e.date:
                continue
            if by == "year":
                key = e.date[:4]
            elif by == "quarter":
                month = int(e.date[5:7]) if len(e.date) >= 7 else 1
                key = f"{e.date[:4]}-Q{(month - 1) // 3 + 1}"
            else:
                key = e.date[:7]
            periods[key].append(e)
        out = []
        for key, entries in sorted(periods.items()):
            scores = [e.score for e in entries]
            out.append(
                IndexPoint(
                    period=key,
                    score=sum(scores) / len(scores),
                    cooperation=sum(s for s in scores if s > 0),
                    conflict=sum(s for s in scores if s < 0),
                    entries=len(entries),
                    documents=len({s.doc_id for e in entries for s in e.sources}),
                )
            )
        return out


# -- articles written for these tests ------------------------------------------------------

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
    return path
