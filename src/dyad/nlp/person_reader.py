"""The document as the person rules read it: its text, parse, lexicon and gazetteer, with the
look-ups they need (a word's state, what the gazetteer calls a name, offices held on a date).
Gazetteer errors are logged and read as "unknown": they never lose a document's persons."""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from datetime import date
from typing import Any, Protocol

from dyad.nlp import names as nm
from dyad.nlp.doctext import doc_text
from dyad.nlp.names import Lexicon

log = logging.getLogger(__name__)

__all__ = ["GazetteerLike", "OfficeLike", "Reader"]

_STATE_NAMES = frozenset({"name", "capital"})


class OfficeLike(Protocol):
    """What persons reads of a gazetteer ``Office``."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def state(self) -> str | None: ...
    @property
    def valid_from(self) -> date | None: ...
    @property
    def valid_to(self) -> date | None: ...


class GazetteerLike(Protocol):
    """The two gazetteer look-ups persons needs (``dyad.resolve.gazetteer.Gazetteer``)."""

    def state_code(self, mention: str) -> str | None: ...
    def offices_of(self, name: str, on: date | None = None) -> Sequence[OfficeLike]: ...


class Reader:
    """The document, its gazetteer and lexicon, with the look-ups the rules need."""

    def __init__(self, doc: Any, gazetteer: GazetteerLike | None, on: date | None) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.gaz = gazetteer
        self.on = on
        self.lex: Lexicon = nm.lexicon()
        self._states: dict[str, str | None] = {}
        self._known: dict[str, frozenset[str]] = {}
        self.dated_names: list[str] = []  # names looked up in office on ``on``, in order

    def on_date(self, on: date | None) -> Reader:
        """The same reader on another date (its look-ups of states and aliases shared)."""
        other = copy.copy(self)
        other.on = on
        other.dated_names = []
        return other

    def state(self, word: str) -> str | None:
        """The state a capitalised word names ("Russian", "U.S."); short names never do."""
        if self.gaz is None or not word[:1].isupper() or (len(word) <= 2 and not word.isupper()):
            return None
        if word not in self._states:
            try:
                self._states[word] = self.gaz.state_code(word)
            except Exception:  # a gazetteer error must not lose the document's persons
                log.exception("gazetteer.state_code failed on %r", word)
                self._states[word] = None
        return self._states[word]

    def alias_kinds(self, mention: str) -> frozenset[str]:
        """The kinds of every alias the gazetteer's ``lookup`` gives a mention ("capital",
        "seat", "place", "name"...): empty when unknown or when the gazetteer has no lookup."""
        lookup = getattr(self.gaz, "lookup", None)
        if lookup is None:
            return frozenset()
        if mention not in self._known:
            try:
                self._known[mention] = frozenset(str(a.kind) for a in lookup(mention))
            except Exception:  # an optional look-up: never fatal
                log.exception("gazetteer.lookup failed on %r", mention)
                self._known[mention] = frozenset()
        return self._known[mention]

    def is_actor(self, mention: str) -> bool:
        """A state, capital, seat, place, body or firm the gazetteer knows by this name, or a
        non-state group ("Boko Haram", "Hezbollah": names spaCy often labels PERSON)."""
        return (
            self.state(mention) is not None
            or bool(self.alias_kinds(mention))
            or self.nonstate_group(mention)
        )

    def nonstate_group(self, mention: str) -> bool:
        """Whether the gazetteer knows the mention as a non-state group (if it can tell)."""
        nonstate = getattr(self.gaz, "nonstate", None)
        if nonstate is None:
            return False
        try:
            return nonstate(mention) is not None
        except Exception:  # an optional look-up: never fatal
            log.exception("gazetteer.nonstate failed on %r", mention)
            return False

    def labels(self, start: int, end: int) -> set[str]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return {t.ent_type_ for t in span} if span is not None else set()

    def government(self, mention: str) -> str | None:
        """ "Chinese government" for "China" or "Beijing" standing for a state, when the
        gazetteer can tell names and capitals (``lookup``) and demonyms (``aliases_of``)."""
        lookup = getattr(self.gaz, "lookup", None)
        aliases_of = getattr(self.gaz, "aliases_of", None)
        if lookup is None or aliases_of is None:
            return None
        try:
            found = list(lookup(mention))
            codes = {a.code for a in found}
            if len(codes) != 1 or any(a.kind not in _STATE_NAMES for a in found):
                return None
            demonym = next((a.text for a in aliases_of(codes.pop()) if a.kind == "demonym"), None)
        except Exception:  # an optional look-up: never fatal
            log.exception("gazetteer look-up failed on %r", mention)
            return None
        return f"{demonym} government" if demonym else None

    def offices(self, name: str, *, dated: bool = True) -> Sequence[OfficeLike]:
        """The offices the gazetteer knows for a name: those held on the publication date
        (when known and ``dated``), else all of them, latest last."""
        if self.gaz is None or len(name.strip(" .")) < 2:
            return ()  # "X" (the platform), "V.": no one's surname
        try:
            found = self.gaz.offices_of(name)
        except Exception:  # a gazetteer error must not lose the document's persons
            log.exception("gazetteer.offices_of failed on %r", name)
            return ()
        if dated:
            self.dated_names.append(name)
        if dated and self.on is not None:
            on = self.on
            return [o for o in found if _valid_on(o, on)]
        return found


def _valid_on(office: OfficeLike, on: date) -> bool:
    start, end = office.valid_from, office.valid_to
    return (start is None or start <= on) and (end is None or on <= end)
