"""Persons: every real person an article names, under the full name the article gives.

spaCy's small model finds most names but also labels headline fragments, products and
agencies as PERSON, and misses names it labels ORG or GPE. So a name is a run of 2-4
capitalised words (``names``) in one line that either overlaps a PERSON entity or stands where
only a person can (after a title, before an appositive role, in a credit or a byline); words
that are states, organisations, titles or days are cut or make it no name (``person_runs``).
Full names are then merged (``same_name``), and single words ("Kowalska", "Wu's") are linked
to the full name they stand for, or through the gazetteer's officeholders, else dropped.

Roles, affiliations and states come from the words before a name ("Polish President"),
appositives ("X, a senior lecturer at Y") and the gazetteer.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

from spacy.strings import get_string_id

from dyad.models import Person, Provenance
from dyad.nlp import names as nm
from dyad.nlp import person_runs as pr
from dyad.nlp.credits import contributor_spans, credit_names
from dyad.nlp.doctext import Covered
from dyad.nlp.names import Word
from dyad.nlp.person_index import (
    Gender,
    Mention,
    PersonIndex,
    guess_genders,
    sentence_at,
    with_sentences,
)
from dyad.nlp.person_places import a_place
from dyad.nlp.person_reader import GazetteerLike, OfficeLike
from dyad.nlp.person_reader import Reader as _Reader
from dyad.nlp.quotes import quote_spans
from dyad.nlp.roles import roles_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

__all__ = [
    "GazetteerLike",
    "Mention",
    "OfficeLike",
    "PersonDraft",
    "PersonIndex",
    "extract_persons",
    "read_persons",
    "resolve_persons",
]


@dataclass
class _Cluster:
    names: list[tuple[str, int]] = field(default_factory=list)  # (name, mention start)
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)  # start, end, full
    gazetteer_name: str | None = None

    @property
    def name(self) -> str:
        if self.gazetteer_name and not self.names:
            return self.gazetteer_name
        best = max(self.names, key=lambda n: (nm.name_weight(n[0]), -n[1]))
        return best[0]

    def has_name(self, name: str) -> bool:
        forms = {n for n, _ in self.names}
        return name in forms or any(nm.same_name(name, n) for n in forms)

    def keys(self) -> tuple[str, str, frozenset[str]]:
        """The comparison keys of the last, first and middle words of the name."""
        parts = [p for p in self.name.split() if nm.is_core_word(p)] or self.name.split()
        middle = frozenset(nm.surname_key(p) for p in parts[1:-1]) if len(parts) > 2 else None
        return nm.surname_key(parts[-1]), nm.surname_key(parts[0]), middle or frozenset()


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    name: str
    headline: bool


def _tagged_words(doc: Doc, label: str) -> list[str]:
    """The texts of the tokens whose entity type is ``label`` (read off the array of entity
    types: no Token made for the others)."""
    if not len(doc):
        return []
    types: list[int] = doc.to_array("ENT_TYPE").tolist()
    wanted = get_string_id(label)
    return [doc[i].text for i, t in enumerate(types) if t == wanted]


def _candidates(r: _Reader) -> tuple[list[_Cand], list[tuple[Word, bool]]]:
    """Full-name candidates, and single words that may stand for a full name."""
    full: list[_Cand] = []
    singles: list[tuple[Word, bool]] = []
    zones = contributor_spans(r.text)
    person_words = {w for w in _tagged_words(r.doc, "PERSON") if nm.is_core_word(w)}
    for ls, le in _lines(r.text):
        ws = list(nm.words(r.text, ls, le))
        headline = nm.is_title_case_line(r.text[ls:le]) or pr.bare_line(r, ws)
        index = {id(w): i for i, w in enumerate(ws)}
        for run in pr.runs(r, ws):
            name_ws, lead = pr.clean_run(r, run, headline)
            start = name_ws[0].start if name_ws else run[0].start
            prev_i = index[id(run[0])] - 1 + len(lead)
            prev = ws[prev_i] if 0 <= prev_i < len(ws) else None
            ok = pr.valid_name(r, name_ws, lead)
            if ok:
                end = name_ws[-1].end
                tagged = "PERSON" in r.labels(start, end)
                tagged = tagged or pr.corroborated(r, name_ws, person_words)
                evidence = pr.has_context(r, lead, name_ws, prev)
                evidence = evidence or any(zs <= start < ze for zs, ze in zones)
                evidence = evidence or (tagged and not a_place(r, start, end))
                if evidence:
                    words_ = [w.text for w in name_ws]
                    full.append(_Cand(start, end, nm.canonical(words_), headline))
                    continue
            if len(name_ws) == 1 or (headline and not ok):
                singles.extend((w, headline) for w in name_ws if nm.is_core_word(w.text))
    for c in credit_names(r.text, r.lex):
        if r.is_actor(r.text[c.start : c.end]):
            continue  # "(Russia Today/Wire)": a broadcaster the gazetteer knows
        full = [f for f in full if not (f.start < c.end and c.start < f.end)]
        full.append(_Cand(c.start, c.end, nm.canonical(list(c.words)), False))
    full.sort(key=lambda c: c.start)
    return full, singles


def _cluster(cands: list[_Cand]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    homes = _Homes()
    for pass_headline in (False, True):
        for c in cands:
            if c.headline != pass_headline:
                continue
            found = homes.first(c.name)
            if found is None:
                if c.headline:
                    continue
                found = len(clusters)
                clusters.append(_Cluster())
            home = clusters[found]
            if not c.headline:
                homes.add_form(found, c.name)
                home.names.append((c.name, c.start))
            home.mentions.append((c.start, c.end, True))
    return clusters


class _Homes:
    """The first cluster that has a name (``_Cluster.has_name``), for clusters that only
    grow: each name keeps its answer and how far it read the log of forms added, and reads
    on from there, so a long text costs each name the new forms rather than every cluster's
    mentions again."""

    def __init__(self) -> None:
        self.log: list[tuple[int, str]] = []  # (cluster index, a form new to it), in order
        self.forms: list[set[str]] = []
        self.known: dict[str, tuple[int | None, int]] = {}  # name -> (first cluster, log read)
        self.same: dict[tuple[str, str], bool] = {}

    def add_form(self, cluster: int, form: str) -> None:
        while len(self.forms) <= cluster:
            self.forms.append(set())
        if form not in self.forms[cluster]:
            self.forms[cluster].add(form)
            self.log.append((cluster, form))

    def first(self, name: str) -> int | None:
        found, read = self.known.get(name, (None, 0))
        for cluster, form in self.log[read:]:
            if (found is None or cluster < found) and self._same(name, form):
                found = cluster
        self.known[name] = (found, len(self.log))
        return found

    def _same(self, name: str, form: str) -> bool:
        if name == form:
            return True
        key = (name, form)
        if key not in self.same:
            self.same[key] = nm.same_name(name, form)
        return self.same[key]


def _titled_short(r: _Reader, k: _Cluster) -> str | None:
    """The given name of a cluster known only as "Sheikh X" (a ``namepart`` title + 1 word)."""
    forms = {n.split()[0].lower() for n, _ in k.names if len(n.split()) == 2}
    if not k.names or len(forms) != 1 or any(len(n.split()) != 2 for n, _ in k.names):
        return None
    return k.names[0][0].split()[1] if "namepart" in r.lex.kinds(forms.pop()) else None


def _merge_titled(r: _Reader, clusters: list[_Cluster]) -> list[_Cluster]:
    """ "Sheikh Faris" is the "Faris bin Nasser Al Kuwari" the article names in full, or the
    officeholder the gazetteer knows by that form; else a name of its own ("Sheikh Hasina")."""
    out: list[_Cluster] = []
    for k in clusters:
        word = _titled_short(r, k)
        if word is None:
            out.append(k)
            continue
        key = nm.surname_key(word)
        full = [c for c in clusters if c is not k and _titled_short(r, c) is None]
        home = next((c for c in full if key in c.keys()[:2]), None)
        if home is not None:
            home.mentions.extend(k.mentions)
            continue
        found = {o.name for o in r.offices(k.names[0][0], dated=False) if o.name}
        if len(found) == 1:
            k.names = [(found.pop(), k.names[0][1])]
        out.append(k)
    return out


def _link_singles(r: _Reader, clusters: list[_Cluster], singles: list[tuple[Word, bool]]) -> None:
    """Attach "Kowalska" to "Anna Kowalska"; ask the gazetteer about surnames never introduced."""
    taken = Covered((s, e) for k in clusters for s, e, _ in k.mentions)
    # the gazetteer's answer for a surname and the state that owns it; a mention that gives no
    # evidence of a person ("Lind, Roe meet" in a headline) asks nothing and caches nothing,
    # so "President Lind" further down is still looked up
    by_gazetteer: dict[tuple[str, str | None], _Cluster | None] = {}
    keys = [(k, k.keys()) for k in clusters]
    for w, _headline in sorted(singles, key=lambda x: x[0].start):
        if w.start in taken:
            continue
        key = nm.surname_key(w.text)
        if not key:
            continue
        home = _match_single(keys, key, w.start)
        if home is None:
            owner = _person_evidence(r, w)
            if owner is False:
                continue
            if (key, owner) not in by_gazetteer:
                by_gazetteer[key, owner] = _gazetteer_person(r, w, owner, clusters)
                if by_gazetteer[key, owner] is not None and len(clusters) > len(keys):
                    keys.append((clusters[-1], clusters[-1].keys()))
            home = by_gazetteer[key, owner]
        if home is not None:
            home.mentions.append((w.start, w.end, False))


def _match_single(
    keys: list[tuple[_Cluster, tuple[str, str, frozenset[str]]]], key: str, pos: int
) -> _Cluster | None:
    """The person a single word names: by last name, else first, else a middle name."""
    for where in (0, 1, 2):
        hits = [k for k, ks in keys if (key in ks[2] if where == 2 else ks[where] == key)]
        if where == 2 and len(hits) > 1:
            return None
        if hits:
            before = [(max((s for s, _, _ in k.mentions if s < pos), default=-1), k) for k in hits]
            return max(before, key=lambda x: x[0])[1]
    return None


_REPORTER_LINE = re.compile(
    r"\b(?:reported|reporting|wrote|writing)\s+(?:from|in)\b|\bcontributed\b|\bcontributing\b"
)


_REPORTER_KEY = "dyad.nlp.persons.reporter_lines"


def _line_at(text: str, pos: int) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]


def _reporter_line(r: _Reader, pos: int) -> bool:
    """Whether the line holding ``pos`` reads like a reporters' credit (read once a line)."""
    start = r.text.rfind("\n", 0, pos) + 1
    seen: dict[int, bool] = getattr(r.doc, "doc", r.doc).user_data.setdefault(_REPORTER_KEY, {})
    if start not in seen:
        seen[start] = bool(_REPORTER_LINE.search(_line_at(r.text, pos)))
    return seen[start]


_WORD_BEFORE = re.compile(r"([A-Za-z.-]+)(['’]s)?\s+$")


def _introduced(r: _Reader, w: Word) -> tuple[bool, str | None]:
    """Whether a state's possessive or a title right before a word makes it a person's name
    whatever the tagger says ("Russia's Putin", "Prime Minister Abiy"), and the state the
    possessive names."""
    m = _WORD_BEFORE.search(r.text[max(0, w.start - 40) : w.start])
    if m is None or re.match(r"\s+[A-Z]", r.text[w.end : w.end + 2]):
        return False, None  # "King Khalid Causeway": the word opens a longer name
    if m.group(2):
        state = r.state(m.group(1))
        return state is not None, state
    return r.lex.is_role(m.group(1)) and m.group(1)[:1].isupper(), None


def _person_evidence(r: _Reader, w: Word) -> str | Literal[False] | None:
    """False when nothing makes a single word a person's name (no PERSON tag, no title or
    state's possessive before it; a state; a reporters' credit), else the state whose
    possessive introduces it ("Russia's Putin") or None."""
    labels = r.labels(w.start, w.end)
    introduced, owner = _introduced(r, w)
    if not ("PERSON" in labels or introduced) or r.state(w.text) is not None:
        return False
    if _reporter_line(r, w.start):
        return False  # "Ortiz and Haas reported from Lima": reporters, not officeholders
    return owner


def _gazetteer_person(
    r: _Reader, w: Word, owner: str | None, clusters: list[_Cluster]
) -> _Cluster | None:
    """The officeholder a single word names (of ``owner``'s state, if given), as a cluster."""
    key = nm.surname_key(w.text)
    for dated in (False, True):  # a surname two officeholders share: the one then in office
        found = {
            o.name
            for o in r.offices(w.text, dated=dated)
            if o.name
            and key in {nm.surname_key(p) for p in o.name.split()}
            and owner in {None, o.state}  # "Russia's Putin": an officeholder of Russia
        }
        if len(found) == 1 or r.on is None:
            break
    if len(found) != 1:
        return None
    name = found.pop()
    for k in clusters:  # "Zelensky" after "Volodymyr Zelenskiy": one officeholder, two spellings
        if k.has_name(name) or any(o.name == name for o in r.offices(k.name, dated=False)):
            return k
    cluster = _Cluster(gazetteer_name=name)
    clusters.append(cluster)
    return cluster


@dataclass(frozen=True)
class PersonDraft:
    """What persons reads of a document before its date is known: the candidate names, the
    single words that may stand for them and the quotations (the costly part, read once).
    ``resolve_persons`` turns it into the ``PersonIndex`` of a given date."""

    doc: Doc
    reader: _Reader
    cands: tuple[_Cand, ...]
    singles: tuple[tuple[Word, bool], ...]
    quoted: tuple[tuple[int, int], ...]
    dated_names: tuple[str, ...]  # names whose offices the reading asked for (on its date)
    # ``resolve_persons`` results kept by (doc_id, date), for callers that ask twice
    resolved: dict[tuple[str, date | None], PersonIndex] = field(
        default_factory=dict, compare=False, repr=False
    )
    # what every date's reading shares: the sentence of a mention, the genders of a set of
    # mentions (most dates give the same)
    sentences: dict[tuple[int, int], str] = field(default_factory=dict, compare=False, repr=False)
    genders: dict[tuple[tuple[int, int, str], ...], dict[str, Gender]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def sentence_at(self, start: int, end: int) -> str:
        """``sentence_at`` of the draft's Doc, read once per span."""
        found = self.sentences.get((start, end))
        if found is None:
            found = self.sentences[(start, end)] = sentence_at(self.doc, start, end)
        return found

    def guess_genders(self, mentions: tuple[tuple[int, int, str], ...]) -> dict[str, Gender]:
        """``guess_genders`` of the draft's Doc and quotations, read once per set of mentions."""
        if mentions not in self.genders:
            self.genders[mentions] = guess_genders(self.doc, mentions, list(self.quoted))
        return dict(self.genders[mentions])

    def depends_on(self, on: date | None) -> bool:
        """Whether reading on ``on`` could find other candidates: some name had offices on
        the draft's date and none on ``on``, or the other way round."""
        if on == self.reader.on:
            return False
        other = self.reader.on_date(on)
        return any(bool(self.reader.offices(n)) != bool(other.offices(n)) for n in self.dated_names)


def read_persons(
    doc: Doc, gazetteer: GazetteerLike | None = None, *, on: date | None = None
) -> PersonDraft:
    """The date-independent reading of ``doc``'s persons (see ``PersonDraft``)."""
    doc = with_sentences(doc)
    r = _Reader(doc, gazetteer, on)
    cands, singles = _candidates(r)
    quoted = tuple((q.mark, q.end) for q in quote_spans(doc))
    return PersonDraft(doc, r, tuple(cands), tuple(singles), quoted, tuple(r.dated_names))


def resolve_persons(draft: PersonDraft, *, doc_id: str, on: date | None = None) -> PersonIndex:
    """The persons of a draft, their offices, roles and states read on ``on`` (the
    publication date, if known). The same as ``extract_persons(doc, ..., on=on)``."""
    if draft.depends_on(on):  # rare: an office on that date decides whether a word is a name
        draft = read_persons(draft.doc, draft.reader.gaz, on=on)
    r = draft.reader.on_date(on)
    clusters = _merge_titled(r, _cluster(list(draft.cands)))
    _link_singles(r, clusters, list(draft.singles))
    clusters = [k for k in clusters if k.mentions]
    clusters.sort(key=lambda k: min(s for s, _, _ in k.mentions))
    persons: list[Person] = []
    mentions: list[Mention] = []
    for k in clusters:
        name = k.name
        spans = sorted(k.mentions)
        provs = tuple(Provenance(doc_id, s, e, draft.sentence_at(s, e)) for s, e, _ in spans)
        role, affiliation, state = roles_of(r, name, [(s, e) for s, e, full in spans if full])
        persons.append(Person(name, role, affiliation, state, provs))
        mentions.extend(Mention(s, e, name, full) for s, e, full in spans)
    genders = draft.guess_genders(tuple((m.start, m.end, m.name) for m in mentions))
    return PersonIndex(persons, mentions, genders, r.state, r.government, r.alias_kinds)


def extract_persons(
    doc: Doc, gazetteer: GazetteerLike | None = None, *, doc_id: str, on: date | None = None
) -> PersonIndex:
    """The persons ``doc`` names, each with its mentions, role, affiliation and state.

    ``on`` (the publication date, if known) picks the officeholders the gazetteer returns.
    """
    return resolve_persons(read_persons(doc, gazetteer, on=on), doc_id=doc_id, on=on)
