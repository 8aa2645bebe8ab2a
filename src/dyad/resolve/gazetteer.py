"""The gazetteer: states, multilateral bodies and officeholders with date-ranged terms.

``Gazetteer.load()`` reads the packaged data once (``dyad/data/states.csv``,
``organisations.csv``, ``officeholders.csv``) and answers:

- ``state_code("the U.S.")`` -> ``"USA"``; ``state_code("Kremlin")`` -> ``"RUS"``;
  ``state_code("NATO")`` -> ``"NATO"``; ``None`` for anything unknown or ambiguous
  (``"us"`` is not the United States, ``"inter-Korean"`` names two states);
- ``offices_of("Lavrov", on=date(2015, 1, 1))`` -> Sergei Lavrov's foreign-minister office;
- ``holders("foreign minister", "USA", on)`` -> the secretary of state that day;
- ``nonstate("Hezbollah")`` -> the ``NonStateGroup`` row (an armed group based in LBN, tied to
  IRN): an actor that is NOT a state, whatever state it fights in or is backed by.

A ``Gazetteer`` can also be built by hand from ``Alias`` and ``Office`` records (tests do);
its constructor does no I/O. ``resolve.actors`` finds mentions in text with ``matcher``.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import cached_property, lru_cache

from dyad.resolve.loader import (
    Alias,
    NonStateGroup,
    load_nonstate_groups,
    load_office_rows,
    load_organisation_aliases,
    load_state_aliases,
)
from dyad.resolve.offices import Office, likeliest_office, role_function
from dyad.resolve.text import PhraseMatcher, alias_key, fold, is_acronym, person_key

log = logging.getLogger(__name__)

__all__ = ["Alias", "Gazetteer", "NonStateGroup", "Office"]

# Kinds of state alias that never stand for a state actor in ``state_code``.
NON_ACTOR_KINDS = frozenset({"place", "other"})
# States whose people are named family name first in English news ("Xi Jinping" -> "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "HKG", "MAC"})
# Answers kept per gazetteer (it never changes once built): articles ask about the same names
# and words again and again. The memo is emptied when it holds this many.
_MEMO_SIZE = 50_000
_NONE = object()  # a kept answer of None
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TITLE_WORDS = frozenset(
    {"president", "prime", "minister", "premier", "chancellor", "king", "queen", "emir",
     "prince", "crown", "mr", "mrs", "ms", "dr", "sir", "lord", "general", "gen", "secretary",
     "foreign", "defence", "defense", "vice", "leader", "supreme", "ayatollah", "sheikh",
     "state", "of", "the", "former", "acting"}
)  # fmt: skip
# Titles after which a bare surname names an officeholder ("President Obama").
_TITLES_BEFORE_NAMES = (
    "President|President-elect|Premier|Minister|Chancellor|Secretary|Ambassador|Envoy|King|"
    "Queen|Emir|Prince|Ayatollah|Sheikh|General|Gen|Admiral|Adm|Marshal|Chairman|Leader|Mr|"
    "Mrs|Ms|Dr|Spokesman|Spokeswoman|Director"
)


def _surname(name: str, state: str, aliases: Sequence[str] = ()) -> str | None:
    """The family name: the first word where it comes first, unless the name is written
    given name first, as an alias that opens with its last word shows ("Wu Jaushieh" beside
    "Joseph Wu")."""
    tokens = [t for t in person_key(name).split() if t not in _NAME_SUFFIXES]
    if len(tokens) < 2:
        return None
    if state not in FAMILY_NAME_FIRST:
        return tokens[-1]
    flipped = any(person_key(a).split()[:1] == tokens[-1:] for a in aliases)
    return tokens[-1] if flipped else tokens[0]


class Gazetteer:
    """States, bodies and officeholders, indexed for look-up by any of their names."""

    def __init__(
        self,
        aliases: Iterable[Alias],
        names: Mapping[str, str],
        offices: Iterable[Office] = (),
        person_aliases: Mapping[str, Sequence[str]] | None = None,
        nonstate: Iterable[NonStateGroup] = (),
    ) -> None:
        self._aliases: dict[str, list[Alias]] = defaultdict(list)
        self._kinds: dict[str, str] = {}
        for alias in aliases:
            self._aliases[alias_key(alias.text)].append(alias)
            if alias.code:
                self._kinds.setdefault(
                    alias.code, "organisation" if alias.organisation else "state"
                )
        self._by_code: dict[str, list[Alias]] = defaultdict(list)
        for same_key in self._aliases.values():
            for alias in same_key:
                self._by_code[alias.code].append(alias)
        self._names = dict(names)
        self._offices = tuple(offices)
        self._people: dict[str, list[Office]] = defaultdict(list)
        for office in self._offices:
            self._people[office.name].append(office)
        for held in self._people.values():
            held.sort(key=lambda o: o.valid_from or date.min)
        self._person_names: dict[str, str] = {}  # person_key -> canonical name
        self._person_forms: dict[str, list[str]] = defaultdict(list)  # alias_key -> texts
        extra = person_aliases or {}
        self._aliases_of: Mapping[str, Sequence[str]] = dict(extra)
        for canonical in self._people:
            for form in (canonical, *extra.get(canonical, ())):
                key = person_key(form)
                other = self._person_names.setdefault(key, canonical)
                if other != canonical:
                    log.debug("name %r is both %s and %s", form, other, canonical)
                self._person_forms[alias_key(form)].append(form)
        surnames: dict[str, set[str]] = defaultdict(set)
        for canonical, held in self._people.items():
            surname = _surname(canonical, held[0].state, extra.get(canonical, ()))
            if surname:
                surnames[surname].add(canonical)
        self._surnames = {k: next(iter(v)) for k, v in surnames.items() if len(v) == 1}
        self._memo: dict[tuple[str, str, date | None], object] = {}
        self._nonstate: dict[str, list[tuple[str, NonStateGroup]]] = defaultdict(list)
        for group in nonstate:
            for form in (group.name, *group.aliases):
                self._nonstate[alias_key(form)].append((form, group))
        # Every holder of each surname, so that a shared one can be told apart by date.
        self._surname_sets = {k: tuple(sorted(v)) for k, v in surnames.items()}

    @classmethod
    def load(cls) -> Gazetteer:
        """The gazetteer of dyad's packaged data, read once per process."""
        return _packaged_gazetteer()

    # ----------------------------------------------------------------- states and bodies

    def _kept(self, kind: str, text: str, on: date | None = None) -> object:
        """The answer kept for a question, or None when it was never asked."""
        return self._memo.get((kind, text, on))

    def _keep(self, kind: str, text: str, on: date | None, answer: object) -> None:
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[(kind, text, on)] = _NONE if answer is None else answer

    def lookup(self, mention: str) -> tuple[Alias, ...]:
        """Every alias a mention may stand for, after case and punctuation are normalised
        (an acronym only as written: "US" is the United States, "us" is not)."""
        kept = self._kept("lookup", mention)
        if isinstance(kept, tuple):
            return kept
        found = self._lookup(mention)
        self._keep("lookup", mention, None, found)
        return found

    def _lookup(self, mention: str) -> tuple[Alias, ...]:
        for candidate in _mention_variants(mention):
            key = alias_key(candidate)
            bare = _bare(candidate)
            found = tuple(
                a
                for a in self._aliases.get(key, ())
                if not is_acronym(a.text) or bare == fold(a.text)
            )
            if found:
                return found
        return ()

    def aliases_for_key(self, key: str) -> tuple[Alias, ...]:
        """The aliases indexed under an ``alias_key`` (as the matcher reports it)."""
        return tuple(self._aliases.get(key, ()))

    def state_code(self, mention: str) -> str | None:
        """The code of the state or body a mention names, or None when it names none, names
        more than one ("inter-Korean") or is unknown."""
        kept = self._kept("state", mention)
        if kept is None:
            codes = {
                a.code for a in self.lookup(mention) if a.code and a.kind not in NON_ACTOR_KINDS
            }
            found = codes.pop() if len(codes) == 1 else None
            self._keep("state", mention, None, found)
            return found
        return None if kept is _NONE else str(kept)

    def state_codes(self, mention: str) -> tuple[str, ...]:
        """All codes a mention names, sorted ("inter-Korean" -> ("KOR", "PRK"))."""
        return tuple(
            sorted(
                {a.code for a in self.lookup(mention) if a.code and a.kind not in NON_ACTOR_KINDS}
            )
        )

    def state_name(self, code: str) -> str:
        """The display name of a state or body ("RUS" -> "Russia"); the code if unknown."""
        return self._names.get(code, code)

    def kind(self, code: str) -> str | None:
        """The kind of a known code, "state" or "organisation"; None if unknown."""
        return self._kinds.get(code)

    def is_state(self, code: str) -> bool:
        """Whether the code is a state (or territory) in the gazetteer."""
        return self._kinds.get(code) == "state"

    def codes(self, kind: str | None = None) -> tuple[str, ...]:
        """All known codes, or those of one kind ("state", "organisation"), sorted."""
        return tuple(sorted(c for c, k in self._kinds.items() if kind is None or k == kind))

    def aliases_of(self, code: str) -> tuple[Alias, ...]:
        """Every alias of a code, in data order."""
        return tuple(self._by_code.get(code, ()))

    # ----------------------------------------------------------------- officeholders

    def person(self, name: str, on: date | None = None) -> str | None:
        """The canonical name of an officeholder from a full name, an alias, a unique
        surname, or any of these after a title ("President Xi" -> "Xi Jinping"); a surname
        several officeholders share names the one of them in office on ``on``, if only one."""
        kept = self._kept("person", name, on)
        if kept is None:
            found = self._person(name, on)
            self._keep("person", name, on, found)
            return found
        return None if kept is _NONE else str(kept)

    def _person(self, name: str, on: date | None) -> str | None:
        key = person_key(name)
        if not key:
            return None
        if key in self._person_names:
            return self._person_names[key]
        tokens = key.split()
        for i in range(1, len(tokens) - 1):  # drop leading titles, keep two words or more
            found = self._person_names.get(" ".join(tokens[i:]))
            if found:
                return found
        head = tokens[:-1]
        if all(t in _TITLE_WORDS for t in head):
            return self._surname_holder(tokens[-1], on)
        return None

    def _surname_holder(self, key: str, on: date | None) -> str | None:
        found = self._surnames.get(key)
        if found or on is None:
            return found
        sharers = self._surname_sets.get(key, ())
        current = [p for p in sharers if any(o.valid_on(on) for o in self._people[p])]
        return current[0] if len(current) == 1 else None

    def person_for_key(self, key: str) -> str | None:
        """The canonical name an ``alias_key`` of a full name or alias stands for."""
        forms = self._person_forms.get(key)
        return self._person_names.get(person_key(forms[0])) if forms else None

    def surname(self, canonical: str, *, unique: bool = True) -> str | None:
        """The name news use alone for a person, as written without accents ("Putin", "Xi",
        "Erdogan"); with ``unique``, only if no other officeholder shares it."""
        held = self._people.get(canonical)
        if not held:
            return None
        key = _surname(canonical, held[0].state, self._aliases_of.get(canonical, ()))
        if key is None or (unique and self._surnames.get(key) != canonical):
            return None
        words = fold(canonical).replace("-", " ").split()
        return next((w for w in words if person_key(w) == key), None)

    @cached_property
    def titled_surnames(self) -> re.Pattern[str] | None:
        """A pattern for a title then an officeholder's surname ("President Putin",
        "Mr. Lavrov"); group 1 is the surname as written (``person`` with a date tells apart
        officeholders who share it)."""
        written = sorted(
            {w for c in self._people if (w := self.surname(c, unique=False))}, key=len, reverse=True
        )
        if not written:
            return None
        names = "|".join(re.escape(w) for w in written)
        return re.compile(rf"\b(?:{_TITLES_BEFORE_NAMES})\.?\s+({names})\b")

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        """The offices of the person a name stands for, in order; only those held on ``on``
        when given."""
        kept = self._kept("offices", name, on)
        if not isinstance(kept, tuple):
            canonical = self.person(name)
            held = self._people[canonical] if canonical is not None else []
            kept = tuple(o for o in held if on is None or o.valid_on(on))
            self._keep("offices", name, on, kept)
        return list(kept)

    def person_state(
        self, name: str, on: date | None = None, named: Mapping[str, int] | None = None
    ) -> str | None:
        """The state (or body) a person acts for: that of the office held on ``on`` (else of
        the latest office begun by then, else of the first); without ``on``, of the latest.
        Offices of several states held on the day are ranked by ``likeliest_office`` with
        ``named``, how often the article names each state."""
        held = self.offices_of(name)
        if not held:
            return None
        if on is not None:
            current = [o for o in held if o.valid_on(on)]
            if current:
                return likeliest_office(current, named).state
            before = [o for o in held if o.valid_from is None or o.valid_from <= on]
            if before:
                return before[-1].state
            return held[0].state
        return held[-1].state

    def holders(self, role: str, state: str, on: date | None = None) -> list[Office]:
        """The offices of a role in a state, latest first; only those held on ``on`` when
        given. Roles are compared by function: ``holders("foreign minister", "USA")`` gives
        secretaries of state."""
        wanted = role_function(role, state)
        found = [
            o
            for o in self._offices
            if o.state == state
            and role_function(o.role, o.state) == wanted
            and (on is None or o.valid_on(on))
        ]
        return sorted(found, key=lambda o: o.valid_from or date.min, reverse=True)

    @property
    def offices(self) -> tuple[Office, ...]:
        """Every office in the gazetteer."""
        return self._offices

    @property
    def people(self) -> tuple[str, ...]:
        """The canonical names of all officeholders."""
        return tuple(self._people)

    # ----------------------------------------------------------------- non-state actors

    def nonstate(self, mention: str, on: date | None = None) -> NonStateGroup | None:
        """The non-state actor a mention names ("Hezbollah", "the Houthis", "RSF", "UNIFIL"),
        or None. With ``on``, the row valid that day (the Taliban are an armed group until
        2021-08-14, then Afghanistan's de facto government), else the latest row begun by
        then, else the first; without ``on``, the latest row. Acronyms match only as written."""
        rows: list[NonStateGroup] = []
        for candidate in _mention_variants(mention):
            bare = _bare(candidate)
            rows = [
                g
                for form, g in self._nonstate.get(alias_key(candidate), ())
                if not is_acronym(form) or bare == fold(form)
            ]
            if rows:
                break
        if not rows:
            return None
        rows = sorted(set(rows), key=lambda g: g.valid_from or date.min)
        if on is None:
            return rows[-1]
        current = [g for g in rows if g.valid_on(on)]
        begun = [g for g in rows if g.valid_from is None or g.valid_from <= on]
        return (current or begun or rows[:1])[-1]

    def nonstate_for_key(self, key: str, on: date | None = None) -> NonStateGroup | None:
        """The non-state actor an ``alias_key`` (as ``nonstate_matcher`` reports it) names."""
        forms = self._nonstate.get(key)
        return self.nonstate(forms[0][0], on) if forms else None

    @property
    def nonstate_groups(self) -> tuple[NonStateGroup, ...]:
        """Every non-state actor row, in data order."""
        seen = dict.fromkeys(g for rows in self._nonstate.values() for _, g in rows)
        return tuple(seen)

    @cached_property
    def nonstate_matcher(self) -> PhraseMatcher:
        """A matcher for the names and aliases of non-state actors (``scan(text)`` gives
        spans with an ``alias_key``; ``nonstate_for_key`` reads them)."""
        return PhraseMatcher({k: [f for f, _ in rows] for k, rows in self._nonstate.items()})

    # ----------------------------------------------------------------- matching

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """A matcher for every alias and every officeholder's full name and aliases."""
        forms: dict[str, list[str]] = defaultdict(list)
        for key, group in self._aliases.items():
            forms[key].extend(a.text for a in group)
        for key, texts in self._person_forms.items():
            forms[key].extend(texts)
        return PhraseMatcher(forms)


def _mention_variants(mention: str) -> list[str]:
    """A mention, then the same without possessive, quotes or trailing punctuation."""
    text = " ".join(mention.split())
    variants = [text]
    stripped = text.strip("\"'“”‘’()[],;:!?")
    for suffix in ("'s", "’s", "'", "’"):
        if stripped.endswith(suffix):
            stripped = stripped[: -len(suffix)]
            break
    variants.append(stripped)
    if stripped.endswith(".") and stripped.count(".") == 1:
        variants.append(stripped[:-1])
    return list(dict.fromkeys(v for v in variants if v))


def _bare(mention: str) -> str:
    """A mention folded, with single spaces and without a leading "the"."""
    text = " ".join(fold(mention).split())
    return text[4:] if text[:4].lower() == "the " else text


@lru_cache(maxsize=1)
def _packaged_gazetteer() -> Gazetteer:
    state_aliases, state_names = load_state_aliases()
    org_aliases, org_names = load_organisation_aliases()
    rows = load_office_rows()
    offices = [
        Office(r.name, r.role, r.state, r.valid_from, r.valid_to, r.term, r.source) for r in rows
    ]
    person_aliases: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        person_aliases[r.name].extend(a for a in r.aliases if a not in person_aliases[r.name])
    log.debug("gazetteer: %d aliases, %d offices", len(state_aliases) + len(org_aliases), len(rows))
    return Gazetteer(
        [*state_aliases, *org_aliases],
        {**state_names, **org_names},
        offices,
        person_aliases,
        nonstate=load_nonstate_groups(),
    )
