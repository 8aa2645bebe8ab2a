"""State actors in a parsed text: every mention of a state, a body or a state official.

``find_state_mentions(doc_or_span, gazetteer)`` returns ``StateMention(start, end, text,
code, kind)`` with character offsets into the Doc's text. The backbone is the gazetteer's
phrase matcher (so it works when NER misses); spaCy's entities and tokens only help to
drop false friends and to read role phrases. Kinds:

- ``name``, ``capital``, ``seat``, ``demonym``, ``people``: "South Korea", "Beijing", "the
  Kremlin", "Chinese banks", "Russians"; a capital after "in", "at", "to"... is a
  ``location`` ("talks in Bishkek"), still coded;
- ``institution``, ``military``, ``firm``, ``media``, ``former``: "Pentagon", "PLA",
  "Gazprom", "Xinhua" (callers decide what a news agency is worth), "Soviet";
- ``pair``: one phrase naming two states ("inter-Korean", "cross-Strait"), one mention
  per state on the same span;
- ``organisation``: a multilateral body, coded by its acronym ("NATO", "EU", "UN");
- ``person``: a named officeholder ("Xi Jinping", later "Xi"), coded by the state of the
  office held on ``on``; ``out-of-office`` when ``on`` is given and the person held no
  office that day (coded by the latest office: a former leader is not the state);
- ``role``: a role phrase around a mention ("Russia's foreign minister", "Chinese President
  Xi Jinping", "a colonel of the Turkish army"); it encloses the mention it is built on;
- ``place`` (only with ``places=True``): places named after states ("South China Sea",
  "Brussels") that are not actors; their code may be "".

A name two states share ("Korea", "Congo") means the usual one (KOR, COD) unless the text
names only the other. Mentions are sorted by start, longer first. Only role mentions
overlap other mentions (and the two mentions of a pair share a span). Results for a whole
Doc are kept in ``doc.user_data`` so that asking sentence by sentence costs one scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dyad.nlp.doctext import doc_text
from dyad.resolve.gazetteer import Gazetteer
from dyad.resolve.roles import Anchor, find_role_phrases
from dyad.resolve.text import alias_key, compile_names, fold

__all__ = ["StateMention", "find_state_mentions"]

# Alias kinds as mention kinds ("official" names are names).
_MENTION_KIND = {"official": "name"}
NON_ACTOR_KINDS = frozenset({"place", "other"})
# Kinds a name-like false friend may hide behind ("Jordan Henderson", "Chad Smith").
NAME_KINDS = frozenset({"name", "capital"})
# Words that make a proper-noun phrase around a state name a company, school or title.
COMPANY_WORDS = frozenset(
    {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "llc", "plc",
     "group", "holdings", "airlines", "airways", "university", "college", "institute",
     "school", "times", "post", "herald", "journal", "daily", "tribune", "magazine", "open",
     "cup", "league", "club", "fc", "motors", "electronics", "telecom", "stadium", "hotel",
     "museum", "exchange", "index", "review", "gazette", "express", "today", "news"}
)  # fmt: skip
GENERIC_ORGANISATIONS = "generic"
LANGUAGE_PREPS = frozenset({"in", "into", "from"})
LOCATIVE_PREPS = frozenset(
    {"in", "at", "to", "from", "near", "outside", "into", "across", "around", "via", "inside"}
)
_US_STATE_CUES = re.compile(
    r"\b(?:Atlanta|Savannah|Augusta|Macon|Athens,\s+Ga|Ga\.|Gov\.|[Gg]overnor|[Cc]ounty|"
    r"state of Georgia|Georgia state|U\.?S\.? state|Peach State|Senate race|[Pp]rimary)\b"
)
_CUE_WINDOW = 200
# Names two states share: (the state they usually mean, the other).
AMBIGUOUS_NAMES = {
    "korea": ("KOR", "PRK"),
    "korean": ("KOR", "PRK"),
    "koreans": ("KOR", "PRK"),
    "congo": ("COD", "COG"),
    "congolese": ("COD", "COG"),
    "dominican": ("DOM", "DMA"),
}
_CACHE_KEY = "dyad.resolve.actors"


@dataclass(frozen=True)
class StateMention:
    """A mention of a state, body or official: [start, end) characters of the Doc's text."""

    start: int
    end: int
    text: str
    code: str
    kind: str


def find_state_mentions(
    doc_or_span: Any,
    gazetteer: Gazetteer,
    *,
    on: date | None = None,
    places: bool = False,
    roles: bool = True,
) -> list[StateMention]:
    """State mentions in a spaCy ``Doc`` or ``Span``; offsets index the Doc's text.

    ``on`` dates the text (named officials are coded by the office held that day);
    ``places`` adds non-actor places; ``roles`` adds role phrases.
    """
    doc = getattr(doc_or_span, "doc", doc_or_span)
    cache = doc.user_data.setdefault(_CACHE_KEY, {})
    key = (id(gazetteer), on, places, roles)
    if key not in cache:
        mentions = tuple(_doc_mentions(doc, gazetteer, on, places, roles))
        cache[key] = (mentions, [m.start for m in mentions])
    mentions, starts = cache[key]
    start = int(getattr(doc_or_span, "start_char", 0))
    end_char = getattr(doc_or_span, "end_char", None)
    end = len(doc_text(doc)) if end_char is None else int(end_char)
    # sorted by start: only those starting inside the span can lie inside it
    inside = mentions[bisect_left(starts, start) : bisect_left(starts, end)]
    return [m for m in inside if m.end <= end]


# Between a state and a body it owns: "'s" and up to three capitalised words of the name.
_OWN_BODY_GAP = re.compile(r"\s*(?:['’]s)?(?:\s+[A-Z][\w-]*){0,3}\s*")


def _doc_mentions(
    doc: Any, gazetteer: Gazetteer, on: date | None, places: bool, roles: bool
) -> list[StateMention]:
    text = doc_text(doc)
    reader = _TokenReader(doc)
    found: list[StateMention] = []
    people: set[str] = set()
    generic: list[StateMention] = []
    ambiguous: list[StateMention] = []
    scanned = list(gazetteer.matcher.scan(text))
    state_counts = _states_named(gazetteer, scanned)
    for raw in scanned:
        aliases = gazetteer.aliases_for_key(raw.key)
        span = text[raw.start : raw.end]
        if not aliases:
            person = gazetteer.person_for_key(raw.key)
            code = gazetteer.person_state(person, on, state_counts) if person else None
            if person and code:
                if " " not in span.strip() and reader.inside_longer_person(raw.start, raw.end):
                    continue  # "Kerry" in "Kerry Washington"
                people.add(person)
                kind = _person_kind(gazetteer, person, on)
                found.append(StateMention(raw.start, raw.end, span, code, kind))
            continue
        actors = [a for a in aliases if a.code and a.kind not in NON_ACTOR_KINDS]
        if not actors:
            if places:
                found.extend(
                    StateMention(raw.start, raw.end, span, a.code, "place")
                    for a in aliases
                    if a.kind == "place"
                )
            continue
        codes = sorted({a.code for a in actors})
        first = actors[0]
        if first.organisation:
            mention = StateMention(raw.start, raw.end, span, first.code, "organisation")
            if first.kind != GENERIC_ORGANISATIONS:
                found.append(mention)
            elif not reader.follows_state(raw.start, found):
                generic.append(mention)
            continue
        kind = _MENTION_KIND.get(first.kind, first.kind)
        if len(codes) > 1 and kind != "pair":
            continue
        if not _plausible(reader, text, raw.start, raw.end, codes[0], kind):
            continue
        if kind == "capital" and reader.after_locative(raw.start, raw.end):
            kind = "location"
        if raw.key in AMBIGUOUS_NAMES:
            ambiguous.append(StateMention(raw.start, raw.end, span, codes[0], kind))
            continue
        found.extend(StateMention(raw.start, raw.end, span, c, kind) for c in codes)
    found.extend(_disambiguate(ambiguous, found))
    # "the Security Council" is the UN's only in a text that names the UN
    named = {m.code for m in found if m.kind == "organisation"}
    found.extend(m for m in generic if m.code in named)
    found.extend(_surname_mentions(doc, gazetteer, people, found, on, reader, state_counts))
    if roles:
        found.extend(_role_mentions(doc, reader, found))
    return sorted(set(found), key=lambda m: (m.start, -m.end, m.code, m.kind))


def _states_named(gazetteer: Gazetteer, scanned: Sequence[Any]) -> dict[str, int]:
    """How often the text names each state by a name, demonym, capital or body of its own:
    which namesake officeholder it means (``Gazetteer.person_state``)."""
    counts: dict[str, int] = {}
    for raw in scanned:
        codes = {
            a.code
            for a in gazetteer.aliases_for_key(raw.key)
            if a.code and a.kind not in NON_ACTOR_KINDS
        }
        if len(codes) == 1:
            code = codes.pop()
            counts[code] = counts.get(code, 0) + 1
    return counts


def _disambiguate(
    ambiguous: Sequence[StateMention], found: Sequence[StateMention]
) -> list[StateMention]:
    """Bare "Korea", "Congo"...: the usual state, unless the text names only the other."""
    named = {m.code for m in found}
    out = []
    for m in ambiguous:
        other = AMBIGUOUS_NAMES[alias_key(m.text)][1]
        code = other if other in named and m.code not in named else m.code
        out.append(StateMention(m.start, m.end, m.text, code, m.kind))
    return out


def _plausible(reader: _TokenReader, text: str, start: int, end: int, code: str, kind: str) -> bool:
    """Drop false friends: a name inside a person's name or a company's, Georgia the US
    state, a demonym naming a language ("said in Russian")."""
    if kind in NAME_KINDS and reader.inside_longer_person(start, end):
        return False
    if kind in NAME_KINDS | {"demonym"} and reader.in_company_name(start, end):
        return False
    if code == "GEO":
        window = text[max(0, start - _CUE_WINDOW) : end + _CUE_WINDOW]
        if _US_STATE_CUES.search(window):
            return False
    return not (kind == "demonym" and reader.names_language(start, end))


def _surname_mentions(
    doc: Any,
    gazetteer: Gazetteer,
    people: set[str],
    found: Sequence[StateMention],
    on: date | None,
    reader: _TokenReader,
    named: Mapping[str, int],
) -> list[StateMention]:
    """Officials by surname alone: after a title ("President Obama") if no other officeholder
    has that surname (or only one of them is in office on ``on``), or anywhere once named in
    full ("Putin" after "Vladimir Putin") if no other person named in full in the text has
    it."""
    text = doc_text(doc)
    folded = fold(text)
    taken = _Spans((m.start, m.end) for m in found)
    out: list[StateMention] = []

    def add(start: int, end: int, person: str) -> None:
        if taken.overlaps(start, end) or reader.someone_else(start, end, person):
            return
        code = gazetteer.person_state(person, on, named)
        if code:
            taken.add(start, end)
            kind = _person_kind(gazetteer, person, on)
            out.append(StateMention(start, end, text[start:end], code, kind))

    titled = gazetteer.titled_surnames
    for m in titled.finditer(folded) if titled is not None else ():
        person = gazetteer.person(m.group(1), on)
        if person and not reader.someone_else(m.start(1), m.end(1), person):
            people.add(person)
            add(m.start(1), m.end(1), person)
    candidates: dict[str, set[str]] = {}
    for person in people:
        written = gazetteer.surname(person, unique=False)
        if written:
            candidates.setdefault(written, set()).add(person)
    by_surname = {w: next(iter(ps)) for w, ps in candidates.items() if len(ps) == 1}
    pattern = compile_names(by_surname)
    for m in pattern.finditer(folded) if pattern is not None else ():
        add(m.start(), m.end(), by_surname[m.group()])
    return out


def _person_kind(gazetteer: Gazetteer, person: str, on: date | None) -> str:
    """ "person" for an official in office on ``on`` (or any official when undated), else
    "out-of-office" (coded by the nearest office: a former leader, a minister-to-be)."""
    return "person" if on is None or gazetteer.offices_of(person, on) else "out-of-office"


def _role_mentions(
    doc: Any, reader: _TokenReader, found: Sequence[StateMention]
) -> list[StateMention]:
    anchors = []
    for m in found:
        span = reader.tokens(m.start, m.end)
        if span is not None:
            anchors.append(Anchor(span[0], span[1], m.code, m.kind))
    out = []
    text = doc_text(doc)
    for phrase in find_role_phrases(doc, anchors):
        start = int(doc[phrase.start].idx)
        last = doc[phrase.end - 1]
        end = int(last.idx) + len(last.text)
        out.append(StateMention(start, end, text[start:end], phrase.code, "role"))
    return out


class _Spans:
    """Character spans (which may overlap each other), asked whether any overlaps a span:
    kept sorted by start, with the longest span's length, so only the spans starting
    within that length before a span's start are looked at."""

    def __init__(self, spans: Any) -> None:
        self.spans = sorted(spans)
        self.longest = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect_left(self.spans, (start - self.longest, -1))
        hi = bisect_left(self.spans, (end, -1))
        return any(s < end and start < e for s, e in self.spans[lo:hi])

    def add(self, start: int, end: int) -> None:
        self.spans.insert(bisect_left(self.spans, (start, end)), (start, end))
        self.longest = max(self.longest, end - start)


class _TokenReader:
    """Token-level context of character spans in one Doc."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.has_ents = bool(doc.has_annotation("ENT_IOB"))
        # doc.ents builds new Span objects on every access: read the persons once.
        self.person_spans: tuple[tuple[int, int], ...] = (
            tuple(sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"))
            if self.has_ents
            else ()
        )
        self.person_starts = [lo for lo, _ in self.person_spans]
        self.text = doc_text(doc)

    def tokens(self, start: int, end: int) -> tuple[int, int] | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (int(span.start), int(span.end)) if span is not None and len(span) else None

    def inside_longer_person(self, start: int, end: int) -> bool:
        # entities do not overlap: only the last one starting at or before ``start`` can
        # hold the span
        i = bisect_right(self.person_starts, start)
        if not i:
            return False
        lo, hi = self.person_spans[i - 1]
        return end <= hi and (hi - lo) > (end - start)

    def someone_else(self, start: int, end: int, person: str) -> bool:
        """The span is one word of a longer person's name with a word the officeholder's name
        lacks: "Interior Minister Martin X" names X, not the officeholder surnamed Martin; "Y
        Li" is not the officeholder Li. A spelling one letter off is the same word."""
        i = bisect_right(self.person_starts, start)
        if not i:
            return False
        lo, hi = self.person_spans[i - 1]
        if end > hi or hi - lo <= end - start:
            return False
        own = re.findall(r"\w+", fold(person).lower())
        words = re.findall(r"\w+", fold(self.text[lo:hi]).lower())
        return any(not any(_same_word(w, o) for o in own) for w in words)

    def in_company_name(self, start: int, end: int) -> bool:
        """A capitalised run after the name ends in a company word ("Japan Airlines"), or a
        company word and "of" come before it ("University of Tokyo")."""
        span = self.tokens(start, end)
        if span is None:
            return False
        doc = self.doc
        j = span[1]
        while j < len(doc) and j - span[1] < 4 and (doc[j].is_title or doc[j].is_upper):
            if doc[j].text.lower() in COMPANY_WORDS:
                return True
            j += 1
        i = span[0]
        return (
            i >= 2
            and doc[i - 1].text == "of"
            and doc[i - 2].is_title
            and doc[i - 2].text.lower() in COMPANY_WORDS
        )

    def names_language(self, start: int, end: int) -> bool:
        span = self.tokens(start, end)
        if span is None or span[0] == 0:
            return False
        doc = self.doc
        if doc[span[0] - 1].text.lower() not in LANGUAGE_PREPS:
            return False
        after = doc[span[1]] if span[1] < len(doc) else None
        return after is None or after.is_punct or after.text.lower() in {"language", "translation"}

    def after_locative(self, start: int, end: int) -> bool:
        """A place word after "in", "at", "to"... ("met in Moscow"), not before "'s"."""
        span = self.tokens(start, end)
        if span is None or span[0] == 0:
            return False
        doc = self.doc
        after = doc[span[1]].text if span[1] < len(doc) else ""
        return doc[span[0] - 1].text.lower() in LOCATIVE_PREPS and after not in {"'s", "’s"}

    def follows_state(self, start: int, found: Sequence[StateMention]) -> bool:
        """Whether a state mention, possibly with "'s" and a few capitalised words of the
        body's own name ("X's Supreme National Security Council"), comes right before
        ``start``."""
        before = self.text[max(0, start - 40) : start]
        for m in reversed(found):
            if m.kind in {"name", "demonym"} and m.end <= start:
                gap = before[len(before) - (start - m.end) :] if start - m.end <= 40 else "x"
                return _OWN_BODY_GAP.fullmatch(gap) is not None
        return False


def _same_word(a: str, b: str) -> bool:
    """Two words of names that may stand for each other: equal, or one letter apart in words
    of four letters or more ("Sergey" and "Sergei")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
