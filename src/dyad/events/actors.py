"""Who acts on whom: the states behind the arguments of an event cue.

A state is named by a state mention (names, capitals, demonyms, institutions, multilateral
bodies, from ``resolve.actors``) or by a person who acts for it (``PersonIndex``). The source
of an event is its cue's subject (or the subject of the light verb carrying an event noun:
"X held talks"), its possessor or demonym ("Israeli strike"); the target is its object or the
object of a preposition ("with X", "on X", "against X", "to X"). "The two countries", "they"
and "their" stand for the article's two most mentioned states.

This module builds the ``ActorIndex`` (every token's states) and holds the words the readers
share; ``events.reader.ActorReader`` reads the arguments over it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any, Protocol

from dyad.events.cues import lemma_of
from dyad.events.groups import (
    in_dateline,
)
from dyad.models import Person
from dyad.nlp.doctext import token_bounds

# State mentions that name no actor: a news agency reporting, a place named after a state.
IGNORED_KINDS = frozenset({"media", "place"})
# A capital named as a venue ("talks in X") does not make its state one of the article's pair.
VENUE_KINDS = frozenset({"location"})
CITY_KINDS = frozenset({"location", "capital"})
OFFICIAL_KINDS = frozenset({"person", "out-of-office"})
ORGANISATION_KINDS = frozenset({"organisation", "organization", "multilateral", "body"})
TARGET_PREPS = frozenset(
    {"with", "to", "on", "against", "at", "toward", "towards", "into", "between", "among",
     "over", "for", "near", "from", "of", "upon", "in", "inside"}
)  # fmt: skip
# Prepositions of a clause whose objects join the actors of a meeting, deal or war in it.
SYMMETRIC_PREPS = frozenset({"between", "among", "with"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Words of a title before a name ("X's Defence Minister and president-elect A").
HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Gen.", "Gen"})
TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
TITLE_GLUE = frozenset({"'s", "\u2019s", "-", "and", ".", "U.S.", "U.K."})


class StateMentionLike(Protocol):
    """A state mention as ``resolve.actors.find_state_mentions`` returns it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def kind(self) -> str: ...


class PersonsLike(Protocol):
    """The part of ``nlp.persons.PersonIndex`` events read: the persons and their mentions."""

    @property
    def persons(self) -> Sequence[Person]: ...


def looks_like_state(code: str) -> bool:
    """An ISO 3166-1 alpha-3 shaped code ("RUS", "XKX"), not an acronym like "NATO" or "G20"."""
    return len(code) == 3 and code.isalpha() and code.isupper()


@dataclass(frozen=True)
class ActorIndex:
    """State codes of a document's tokens, and its states ranked by how often they appear."""

    codes: Mapping[int, tuple[str, ...]]
    persons: frozenset[int]
    ranking: tuple[str, ...]
    organisations: frozenset[str] = frozenset()
    cities: frozenset[int] = frozenset()  # tokens of capitals and seats named ("Nairobi")
    names: frozenset[int] = frozenset()  # tokens of a state's name ("Togo"), never a demonym

    def is_state(self, code: str) -> bool:
        """A state, not a multilateral body ("SCO" is a body although three letters long)."""
        return code not in self.organisations and looks_like_state(code)

    def code(self, tok: Any) -> tuple[str, ...]:
        """The states a token names ("U.S.-China" names two)."""
        return self.codes.get(int(tok.i), ())

    def top(self, n: int) -> tuple[str, ...]:
        return self.ranking[:n] if len(self.ranking) >= n else ()

    def with_pair(self, pair: tuple[str, ...]) -> ActorIndex:
        """The index with ``pair`` (two of its states) ranked first: the sides "both sides",
        "each other" and "the two countries" stand for."""
        if len(pair) != 2 or not set(pair) <= set(self.ranking) or set(pair) == set(self.top(2)):
            return self
        rest = tuple(c for c in self.ranking if c not in pair)
        return replace(self, ranking=tuple(c for c in self.ranking if c in pair) + rest)

    def partner(self, code: str) -> str | None:
        """The other state of the article's main pair, if ``code`` is one of the two."""
        pair = self.top(2)
        if code in pair:
            return pair[1] if pair[0] == code else pair[0]
        return None


def build_index(
    doc: Any,
    mentions: Iterable[StateMentionLike],
    persons: PersonsLike | None,
    agents: frozenset[str] = frozenset(),
) -> ActorIndex:
    """Map every token of a state mention, or of a mention of an official, to its state. An
    official the person index gives no state acts for the state of the title beside one of
    the mentions ("U.S. envoy X", "the X-ian foreign minister, X,", "X, Y's ambassador to Z"),
    at every mention."""
    starts, ends = token_bounds(doc)
    codes: dict[int, list[str]] = {}
    person_tokens: set[int] = set()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    organisations: set[str] = set()
    cities: set[int] = set()
    names: set[int] = set()

    counted: set[tuple[int, str]] = set()

    def mark(
        start: int,
        end: int,
        code: str,
        person: bool,
        venue: bool = False,
        city: bool = False,
        name: bool = False,
    ) -> None:
        toks: list[int] = []
        i = bisect_right(ends, start)  # the first token ending after the span starts
        while i < len(starts) and starts[i] < end:
            toks.append(i)
            i += 1
        if not toks or any(str(doc[i].text).isupper() and in_dateline(doc[i]) for i in toks):
            return  # no token, or the place of a dateline
        if city:
            cities.update(toks)
        if name:
            names.update(toks)
        for i in toks:
            if code not in codes.setdefault(i, []):
                codes[i].append(code)
            if person:
                person_tokens.add(i)
        if not venue and (toks[0], code) not in counted:
            counts[code] += 1  # a name and an official's mention of it count once
            counted.add((toks[0], code))
        first.setdefault(code, toks[0])

    for m in _as_read(mentions, persons):
        if m.code and m.kind not in IGNORED_KINDS:
            mark(
                m.start,
                m.end,
                m.code,
                m.kind == "person",
                m.kind in VENUE_KINDS,
                m.kind in CITY_KINDS,
                m.kind == "name",
            )
            if m.kind in ORGANISATION_KINDS:
                organisations.add(m.code)
    state_codes = {i: cs for i, cs in codes.items() if i not in person_tokens}
    for p in persons.persons if persons is not None else ():
        state = (p.state if p.role else None) or _title_state(
            doc, p, (starts, ends), state_codes, agents
        )
        if state:
            for prov in p.mentions:
                mark(prov.start, prov.end, state, True)
    states = [c for c in counts if c not in organisations and looks_like_state(c)]
    ranked = sorted(states, key=lambda c: (-counts[c], first[c]))
    frozen = {i: tuple(cs) for i, cs in codes.items()}
    return ActorIndex(
        MappingProxyType(frozen),
        frozenset(person_tokens),
        tuple(ranked),
        frozenset(organisations),
        frozenset(cities),
        frozenset(names),
    )


def _as_read(
    mentions: Iterable[StateMentionLike], persons: PersonsLike | None
) -> Iterator[StateMentionLike]:
    """The state mentions, less an officeholder's name inside a person the person index read
    as acting for no state: it resolved the name in its context (another person of that name,
    one out of office that day), which a name list does not."""
    stateless = sorted(
        (prov.start, prov.end)
        for p in (persons.persons if persons is not None else ())
        if not p.state
        for prov in p.mentions
    )
    starts = [a for a, _ in stateless]
    for m in mentions:
        if m.kind in OFFICIAL_KINDS:
            i = bisect_right(starts, m.start)
            if i and stateless[i - 1][1] >= m.end:
                continue
        yield m


def _title_state(
    doc: Any,
    person: Person,
    bounds: tuple[Sequence[int], Sequence[int]],
    codes: Mapping[int, list[str]],
    agents: frozenset[str],
) -> str | None:
    """The one state named in the titles beside a person's mentions, if any."""
    starts, ends = bounds
    found: set[str] = set()
    for prov in person.mentions:
        i = bisect_right(ends, prov.start)
        toks = []  # the tokens the mention overlaps (starts are sorted: stop at its end)
        while i < len(starts) and starts[i] < prov.end:
            toks.append(i)
            i += 1
        if toks:
            found.update(_titles_of(doc, set(toks), codes, agents))
    return found.pop() if len(found) == 1 else None


def _titles_of(
    doc: Any, name: set[int], codes: Mapping[int, list[str]], agents: frozenset[str]
) -> set[str]:
    """States of the title before a name ("X's Defence Minister and president-elect A",
    "U.S. envoy A") or in apposition to it ("the Xian foreign minister, A,", "A, X's envoy
    to Y")."""
    root = doc[max(name)]
    while root.head.i in name and root.head.i != root.i:
        root = root.head
    phrases: list[list[Any]] = [_title_before(doc, min(name), agents)]
    titles = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        titles.append(root.head)
        if root.head.dep_ == "pobj" and root.head.head.dep_ == "prep":
            titles.append(root.head.head.head)  # "X's envoy to Y, A" (A parsed beside Y)
    for title in titles:
        if title.i not in name and _is_title(title, agents):
            mods = [c for c in title.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            phrases.append([title, *(t for m in mods for t in m.subtree)])
    out: set[str] = set()
    for phrase in phrases:
        for t in phrase:
            out.update(c for c in codes.get(t.i, ()) if looks_like_state(c))
    return out


def _title_before(doc: Any, first: int, agents: frozenset[str]) -> list[Any]:
    """The words of a title right before a name, up to a comma, verb or other name."""
    i = first - 1
    while i >= 0 and str(doc[i].text) in HONORIFICS:
        i -= 1
    if i < 0 or not (_is_title(doc[i], agents) or lemma_of(doc[i]) == "elect"):
        return []
    out: list[Any] = []
    while i >= 0 and i >= doc[first].sent.start:
        t = doc[i]
        if str(t.pos_) not in TITLE_POS and str(t.text) not in TITLE_GLUE:
            break
        out.append(t)
        i -= 1
    return out


def _is_title(tok: Any, agents: frozenset[str]) -> bool:
    return lemma_of(tok) in agents or str(tok.text).lower() in agents


def add_codes(out: list[str], codes: Iterable[str]) -> None:
    """Append codes not yet in ``out``, keeping their order."""
    for c in codes:
        if c not in out:
            out.append(c)
