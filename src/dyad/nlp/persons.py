"""Persons: every real person an article names, under the full name the article gives.

spaCy's small model finds most names but also labels headline fragments, products and
agencies as PERSON, and misses names it labels ORG or GPE. So a name is a run of 2-4
capitalised words (``names``) in one line that either overlaps a PERSON entity or stands where
only a person can (after a title, before an appositive role, in a credit or a byline); words
that are states, organisations, titles or days are cut or make it no name. Full names are then
merged (``same_name``), and single words ("Kowalska", "Wu's") are linked to the full name they
stand for, or through the gazetteer's officeholders, else dropped.

Roles, affiliations and states come from the words before a name ("Polish President"),
appositives ("X, a senior lecturer at Y") and the gazetteer.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dyad.models import Person, Provenance
from dyad.nlp import names as nm
from dyad.nlp.doctext import Covered
from dyad.nlp.names import Word
from dyad.nlp.person_index import (
    Mention,
    PersonIndex,
    guess_genders,
    sentence_at,
    with_sentences,
)
from dyad.nlp.person_places import (
    PLACE_NOUNS,
    a_place,
    role_to_place_before,
    thing_after,
    thing_before,
)
from dyad.nlp.person_reader import GazetteerLike, OfficeLike
from dyad.nlp.person_reader import Reader as _Reader
from dyad.nlp.quotes import quote_spans
from dyad.nlp.roles import appositive_role, role_suffix, roles_of

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

_NON_PERSON_ENTS = frozenset(
    {"NORP", "GPE", "LOC", "ORG", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "WORK_OF_ART"}
)


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


def _runs(r: _Reader, ws: list[Word]) -> list[list[Word]]:
    """Maximal runs of name-shaped words joined by single spaces only."""
    text = r.text
    runs: list[list[Word]] = []
    cur: list[Word] = []
    for w in ws:
        shaped = nm.is_name_word(w.text) and "/" not in w.text
        shaped = shaped or (nm.is_initials(w.text) and r.state(w.text) is None)  # "K.P."
        shaped = shaped or (nm.is_regnal(w.text) and bool(cur))  # "King Abdullah II"
        joined = (
            bool(cur)
            and text[cur[-1].end : w.start] == " "
            and not (cur[-1].closed or cur[-1].possessive)
            and not w.opened
        )
        if shaped and joined:
            cur.append(w)
            continue
        if cur:
            runs.append(cur)
        cur = [w] if shaped else []
    if cur:
        runs.append(cur)
    return runs


def _given_name_of_state(r: _Reader, ws: list[Word]) -> bool:
    """A first name spelt like a state ("Jordan", "Israel", "Chad"): only a state's plain name,
    inside a PERSON entity that goes on to the next word, the other words no states."""
    if len(ws) < 2 or ws[0].possessive or ws[0].closed:
        return False
    if _known_person(r, ws):
        return True
    kinds = r.alias_kinds(ws[0].text)
    if not kinds or not kinds <= {"name", "capital"}:
        return False  # a demonym or seat ("Russian", "Kremlin") is never a first name
    toks = [r.doc.char_span(w.start, w.end, alignment_mode="expand") for w in ws[:2]]
    if any(t is None or not len(t) for t in toks):
        return False
    first, second = toks[0][-1], toks[1][0]
    if first.ent_type_ != "PERSON" or second.ent_type_ != "PERSON" or second.ent_iob_ != "I":
        return False
    return all(r.state(w.text) is None for w in ws[1:])


def _known_person(r: _Reader, ws: list[Word]) -> bool:
    """The gazetteer knows these words, as written, as an officeholder ("To Lam")."""
    if len(ws) < 2:
        return False
    whole = r.text[ws[0].start : ws[-1].end]
    return any(o.name == whole for o in r.offices(whole, dated=False))


def _keeps_title(r: _Reader, ws: list[Word]) -> bool:
    """ "Sheikh Hasina": a title that is also part of names (``namepart``) stays when it
    and one more word are all that is left."""
    return len(ws) == 2 and "namepart" in r.lex.kinds(ws[0].text) and nm.is_core_word(ws[1].text)


def _strippable_lead(r: _Reader, ws: list[Word]) -> bool:
    w = ws[0]
    low = w.text.lower()
    if _keeps_title(r, ws):
        return False
    if low in nm.FUNCTION_WORDS and _known_person(r, ws):
        return False  # "To Lam"
    if r.lex.is_title(w.text) or low in nm.FUNCTION_WORDS or nm.is_date_word(r.text, w):
        return True
    if r.state(w.text) is not None and not _given_name_of_state(r, ws):
        return True
    if "orgword" in r.lex.kinds(w.text):
        return True
    if len(ws) < 3:
        return False  # "Ilona Varga" stays whole even if "Ilona" is tagged GPE
    span = r.doc.char_span(w.start, w.end, alignment_mode="expand")
    if span is None or not span[-1].ent_type_ or span[-1].ent_type_ == "PERSON":
        return False
    last = span[-1].i  # the word is a whole entity of its own, not the start of a longer one
    ends_here = last + 1 >= len(r.doc) or r.doc[last + 1].ent_iob_ != "I"
    return span[-1].ent_type_ in _NON_PERSON_ENTS and ends_here


def _clean_run(r: _Reader, run: list[Word], headline: bool) -> tuple[list[Word], list[Word]]:
    """Cut titles and other non-name words off a run: (name words, cut leading words)."""
    ws = list(run)
    titled = [
        i
        for i, w in enumerate(ws)
        if len(ws) - i > 2
        and (
            r.lex.is_title(w.text)
            or ((i == 0 or r.lex.is_title(ws[i - 1].text)) and r.lex.misspelt_title(w.text))
            or w.text.lower() == "affairs"  # "(Minister for) Political Affairs Jane Roe"
        )
    ]
    lead: list[Word] = ws[: titled[-1] + 1] if titled else []
    ws = ws[len(lead) :]
    while ws and (_strippable_lead(r, ws) or not nm.is_core_word(ws[0].text)):
        if _first_name_after_title(r, lead, ws):
            break  # "Trade Minister German Ortiz": a demonym never follows a title
        if nm.is_initials(ws[0].text) and len(ws) >= 3 and nm.is_core_word(ws[1].text):
            break  # "K.P. Sharma Oli"
        lead.append(ws.pop(0))
    while ws:
        last = ws[-1]
        low = last.text.lower()
        cut = nm.is_date_word(r.text, last) or "orgword" in r.lex.kinds(last.text)
        cut = cut or r.state(last.text) is not None
        cut = cut or (headline and (low in nm.FUNCTION_WORDS or r.lex.is_title(last.text)))
        shaped = nm.is_core_word(last.text) or "-" in last.text
        cut = cut or not (shaped or (nm.is_regnal(last.text) and len(ws) == 2))
        if not cut:
            break
        ws.pop()
    return ws, lead


def _first_name_after_title(r: _Reader, lead: list[Word], ws: list[Word]) -> bool:
    """A word spelt like a state right after a title and before one name word is a first name:
    "Minister German Ortiz" (the demonym would come before the title: "German Minister X")."""
    if not lead or not r.lex.is_role(lead[-1].text) or lead[-1].possessive or len(ws) != 2:
        return False
    first, last = ws
    if first.possessive or first.closed or lead[-1].closed:
        return False
    return (
        r.state(first.text) is not None
        and r.state(last.text) is None
        and (nm.is_core_word(first.text) and nm.is_core_word(last.text))
    )


def _valid_name(r: _Reader, ws: list[Word], lead: list[Word] | None = None) -> bool:
    core = [w for w in ws if not nm.is_particle(w.text)]
    if not 2 <= len(core) <= 4 or len(ws) > 5 or any(w.possessive for w in ws[:-1]):
        return False
    rest, title = role_suffix(r.lex, [w.text for w in core])
    if title and not rest:
        return False  # "Prime Minister", "Deputy Prime Minister": a title alone is no person
    after = r.text[ws[-1].end : ws[-1].end + 30]
    if re.match(r" \d", after) and not ws[-1].closed:
        return False  # "Haiyang Shiyou 981", "Boeing 737": a vessel, a model
    if "place" in r.lex.kinds(ws[0].text) or (not ws[-1].closed and thing_after(r, after)):
        return False  # "San Martin", "Mar del Plata"; "the Almirante Grau frigate"
    if thing_before(r, ws[0].start):
        return False  # "USS Roe", "the destroyer Roe", "drills dubbed Roe Shield"
    if len(ws[-1].text) == 1 and not r.text[ws[-1].end :].strip():
        return False  # "Jane R" at the end of a text cut off in the name
    state_first = _given_name_of_state(r, ws) or _first_name_after_title(r, lead or [], ws)
    known = _known_person(r, ws)
    for i, w in enumerate(ws):
        low = w.text.lower()
        if r.lex.kinds(w.text) & {"orgword", "credit", "operation"} or (i and low in PLACE_NOUNS):
            return False
        if low in nm.FUNCTION_WORDS - {"in"} and not known:
            return False
        if (r.state(w.text) is not None and not (i == 0 and state_first)) or low in {"day", "days"}:
            return False
    whole = r.text[ws[0].start : ws[-1].end]
    return not r.is_actor(whole)  # a name the gazetteer knows as a state, place, body or firm


def _has_context(r: _Reader, run_lead: list[Word], ws: list[Word], prev: Word | None) -> bool:
    """Evidence beyond NER that ``ws`` names a person: a title before, a role after."""
    if any(r.lex.is_role(w.text) or "honorific" in r.lex.kinds(w.text) for w in run_lead):
        return True
    if _keeps_title(r, ws):  # "Sheikh Hasina", but not a place such as "Sheikh Jarrah"
        whole = r.text[ws[0].start : ws[-1].end]
        if not r.labels(ws[0].start, ws[-1].end) & _NON_PERSON_ENTS or r.offices(whole):
            return True
    if prev is not None and r.lex.is_title(prev.text) and r.text[prev.end : ws[0].start] == ". ":
        return True  # "Gen. Jane Roe", "Brig. Gen. Jane Roe"
    if _known_person(r, ws):
        return True  # an officeholder's full name, as the gazetteer writes it
    if role_to_place_before(r, ws[0].start) and r.text[ws[-1].end : ws[-1].end + 1] == ",":
        return True  # "the ambassador to Chile, Jane Roe, said"
    if prev is not None and r.lex.is_role(prev.text):
        if not prev.closed:
            return True  # "spokesman Jane Roe"
        between = r.text[prev.end : ws[0].start]
        if between.strip() == "," and r.text[ws[-1].end : ws[-1].end + 1] == ",":
            return True  # "the opposition leader, Jane Roe, said"
    if _second_of_titled_pair(r, ws[0].start):
        return True
    if _after_state_possessive(r, ws, prev):
        return True
    if ws[-1].possessive:
        return False
    if appositive_role(r.lex, r.text, ws[-1].end) is None:
        return False
    return not a_place(r, ws[0].start, ws[-1].end)  # "in the village of X, where officials"


def _after_state_possessive(r: _Reader, ws: list[Word], prev: Word | None) -> bool:
    """ "Uganda's Jane Roe said": news names a person by the state
    they act for; not when the tagger calls the words a place or body ("Kenya's Rift Valley")
    and only when a verb follows: the name is the subject ("Peru's Machu Picchu, officials
    said" is a place)."""
    if prev is None or not prev.possessive or r.state(prev.text) is None:
        return False
    if r.text[prev.end : ws[0].start].strip(" '’s") or len(ws) > 3:
        return False
    if r.labels(ws[0].start, ws[-1].end) & (_NON_PERSON_ENTS - {"GPE"}):
        return False
    after = r.doc.char_span(ws[-1].start, ws[-1].end, alignment_mode="expand")
    if after is None:
        return False
    nxt = after.doc[after.end] if after.end < len(after.doc) else None
    return nxt is not None and nxt.pos_ in {"VERB", "AUX"}


def _second_of_titled_pair(r: _Reader, start: int) -> bool:
    """ "Presidents Jane Roe and Ana Diaz": a plural title stands before both names."""
    before = r.text[max(0, start - 80) : start]
    if "\n" in before:
        before = before[before.rindex("\n") + 1 :]
    tokens = before.split()
    if not tokens or tokens[-1] not in {"and", "&"}:
        return False
    for k in range(2, min(6, len(tokens))):  # 1-4 name words between title and "and"
        title, names = tokens[-k - 1], tokens[-k:-1]
        if not all(w[:1].isupper() and "orgword" not in r.lex.kinds(w) for w in names):
            return False  # "the Presidents Cup and ..."
        plural = title.lower().endswith("s") and r.lex.is_role(title[:-1])
        if plural and r.lex.is_role(title):
            return True
    return False


def _bare_line(r: _Reader, ws: list[Word]) -> bool:
    """A line that is nothing but 2-4 capitalised words: a menu entry as often as a name."""
    return 2 <= len(ws) <= 4 and all(nm.is_name_word(w.text) for w in ws)


def _corroborated(r: _Reader, ws: list[Word], person_words: set[str]) -> bool:
    """The first or last word, no title, is tagged PERSON elsewhere ("Wu" -> "Wu Mei-ling")."""
    ends = (ws[0].text, ws[-1].text)
    return any(w in person_words and not r.lex.is_title(w) for w in ends)


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    name: str
    headline: bool


def _candidates(r: _Reader) -> tuple[list[_Cand], list[tuple[Word, bool]]]:
    """Full-name candidates, and single words that may stand for a full name."""
    full: list[_Cand] = []
    singles: list[tuple[Word, bool]] = []
    zones = nm.contributor_spans(r.text)
    person_words = {t.text for t in r.doc if t.ent_type_ == "PERSON" and nm.is_core_word(t.text)}
    for ls, le in _lines(r.text):
        ws = list(nm.words(r.text, ls, le))
        headline = nm.is_title_case_line(r.text[ls:le]) or _bare_line(r, ws)
        index = {id(w): i for i, w in enumerate(ws)}
        for run in _runs(r, ws):
            name_ws, lead = _clean_run(r, run, headline)
            start = name_ws[0].start if name_ws else run[0].start
            prev_i = index[id(run[0])] - 1 + len(lead)
            prev = ws[prev_i] if 0 <= prev_i < len(ws) else None
            ok = _valid_name(r, name_ws, lead)
            if ok:
                end = name_ws[-1].end
                tagged = "PERSON" in r.labels(start, end)
                tagged = tagged or _corroborated(r, name_ws, person_words)
                evidence = _has_context(r, lead, name_ws, prev)
                evidence = evidence or any(zs <= start < ze for zs, ze in zones)
                evidence = evidence or (tagged and not a_place(r, start, end))
                if evidence:
                    words_ = [w.text for w in name_ws]
                    full.append(_Cand(start, end, nm.canonical(words_), headline))
                    continue
            if len(name_ws) == 1 or (headline and not ok):
                singles.extend((w, headline) for w in name_ws if nm.is_core_word(w.text))
    for c in nm.credit_names(r.text, r.lex):
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
    by_gazetteer: dict[str, _Cluster | None] = {}
    keys = [(k, k.keys()) for k in clusters]
    for w, _headline in sorted(singles, key=lambda x: x[0].start):
        if w.start in taken:
            continue
        key = nm.surname_key(w.text)
        if not key:
            continue
        home = _match_single(keys, key, w.start)
        if home is None:
            if key not in by_gazetteer:
                by_gazetteer[key] = _gazetteer_person(r, w, clusters)
                if by_gazetteer[key] is not None and len(clusters) > len(keys):
                    keys.append((clusters[-1], clusters[-1].keys()))
            home = by_gazetteer[key]
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


def _gazetteer_person(r: _Reader, w: Word, clusters: list[_Cluster]) -> _Cluster | None:
    labels = r.labels(w.start, w.end)
    if "PERSON" not in labels or r.state(w.text) is not None:
        return None
    if _reporter_line(r, w.start):
        return None  # "Ortiz and Haas reported from Lima": reporters, not officeholders
    key = nm.surname_key(w.text)
    for dated in (False, True):  # a surname two officeholders share: the one then in office
        found = {
            o.name
            for o in r.offices(w.text, dated=dated)
            if o.name and key in {nm.surname_key(p) for p in o.name.split()}
        }
        if len(found) == 1 or r.on is None:
            break
    if len(found) != 1:
        return None
    name = found.pop()
    for k in clusters:
        if k.has_name(name):
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
    doc = draft.doc
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
        provs = tuple(Provenance(doc_id, s, e, sentence_at(doc, s, e)) for s, e, _ in spans)
        role, affiliation, state = roles_of(r, name, [(s, e) for s, e, full in spans if full])
        persons.append(Person(name, role, affiliation, state, provs))
        mentions.extend(Mention(s, e, name, full) for s, e, full in spans)
    genders = guess_genders(doc, [(m.start, m.end, m.name) for m in mentions], list(draft.quoted))
    return PersonIndex(persons, mentions, genders, r.state, r.government, r.alias_kinds)


def extract_persons(
    doc: Doc, gazetteer: GazetteerLike | None = None, *, doc_id: str, on: date | None = None
) -> PersonIndex:
    """The persons ``doc`` names, each with its mentions, role, affiliation and state.

    ``on`` (the publication date, if known) picks the officeholders the gazetteer returns.
    """
    return resolve_persons(read_persons(doc, gazetteer, on=on), doc_id=doc_id, on=on)
