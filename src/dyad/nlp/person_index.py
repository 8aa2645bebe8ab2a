"""The persons of one document and the ways to find them again: by a surface form, by a
character span, by a role ("the Russian leader"), and in the order they are mentioned; and a
guess at each one's gender from the pronouns that follow the mentions."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Literal

from spacy.strings import get_string_id

from dyad.models import Person
from dyad.nlp import names as nm
from dyad.nlp.doctext import Covered, doc_text, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

Gender = Literal["m", "f"]

_LEADER_WORDS = frozenset({"leader", "head of state", "head of government"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})


def with_sentences(doc: SpacyDoc) -> SpacyDoc:
    """``doc``, or a copy of it read as one sentence when nothing set sentence boundaries."""
    if len(doc) == 0 or doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return doc
    copy = doc.copy()
    for tok in copy:
        tok.is_sent_start = tok.i == 0
    return copy


def sentence_at(doc: SpacyDoc, start: int, end: int) -> str:
    """The text of the sentence the span ``start``-``end`` of ``doc`` begins in ("" if none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span_text(span[0].sent).strip() if span is not None and len(span) else ""


@dataclass(frozen=True)
class Mention:
    """One mention of a person: its span and the person's canonical name."""

    start: int
    end: int
    name: str
    full: bool  # the mention gives a full name, not a single word


class PersonIndex:
    """The persons of a document (``persons``, in order of first mention) and look-ups."""

    def __init__(
        self,
        persons: Sequence[Person],
        mentions: Sequence[Mention],
        genders: dict[str, Gender] | None = None,
        state_code: Callable[[str], str | None] | None = None,
        government: Callable[[str], str | None] | None = None,
        alias_kinds: Callable[[str], frozenset[str]] | None = None,
    ) -> None:
        self.persons: list[Person] = list(persons)
        self.mentions: tuple[Mention, ...] = tuple(sorted(mentions, key=lambda m: m.start))
        self._starts = [m.start for m in self.mentions]  # for bisection
        self._reach = list(accumulate((m.end for m in self.mentions), max))  # furthest end yet
        self._genders = dict(genders or {})
        self._by_name = {p.name: p for p in self.persons}
        self._state_code = state_code
        self._government = government
        self._alias_kinds = alias_kinds

    def __len__(self) -> int:
        return len(self.persons)

    def get(self, name: str) -> Person | None:
        """The person of this canonical name."""
        return self._by_name.get(name)

    def gender(self, name: str) -> Gender | None:
        """ "m", "f" or None (unknown), from pronouns near the person's mentions."""
        return self._genders.get(name)

    def state_code(self, mention: str) -> str | None:
        """The gazetteer's state code of a word ("Russian" -> "RUS"), None without one."""
        return self._state_code(mention) if self._state_code else None

    def government_of(self, mention: str) -> str | None:
        """ "Chinese government" for a state's name or capital ("China", "Beijing"), if known."""
        return self._government(mention) if self._government else None

    def alias_kinds(self, mention: str) -> frozenset[str]:
        """What the gazetteer calls a name ("demonym", "capital", "seat"...), if anything."""
        return self._alias_kinds(mention) if self._alias_kinds else frozenset()

    def at(self, start: int, end: int) -> Person | None:
        """The person mentioned at (or overlapping) the character span ``start``-``end``."""
        best: Mention | None = None
        # only the mentions from the first that any mention so far ends after ``start``
        for i in range(bisect_right(self._reach, start), len(self.mentions)):
            m = self.mentions[i]
            if m.start >= end:
                break
            if m.end > start and (best is None or (m.start <= start < m.end)):
                best = m
        return self._by_name.get(best.name) if best else None

    def resolve(self, text: str, near: int | None = None) -> Person | None:
        """The person a surface form stands for: "Kowalska", "Mr. Kowalska", "Wu's", "Jan Wu".

        A single word shared by several persons goes to the one mentioned last before ``near``.
        """
        lex = nm.lexicon()
        words = [w.text for w in nm.words(text)]
        while words and (lex.is_title(words[0]) or words[0].lower() in nm.FUNCTION_WORDS):
            words.pop(0)
        if not words:
            return None
        if len(words) > 1:
            name = nm.canonical(words)
            for p in self.persons:
                if p.name == name or nm.same_name(p.name, name):
                    return p
            words = words[-1:]
        key = nm.surname_key(words[0])
        for first in (False, True):
            hits = [p for p in self.persons if self._key(p.name, first) == key]
            if hits:
                return self._latest(hits, near)
        if len(key) >= 6 and words[0][:1].isupper():  # "Abd-Elary" for "Abd-Elaty": a typo
            hits = [p for p in self.persons if nm.one_slip(key, self._key(p.name, False))]
            if len(hits) == 1:
                return hits[0]
        return None

    @staticmethod
    def _key(name: str, first: bool) -> str:
        parts = name.split()
        return nm.surname_key(parts[0] if first else parts[-1])

    def _latest(self, hits: list[Person], near: int | None) -> Person:
        if len(hits) == 1 or near is None:
            return hits[0]
        names = {p.name for p in hits}
        before = self.mentions[: self._before(near)]
        last = next((m.name for m in reversed(before) if m.name in names), None)
        return self._by_name[last] if last else hits[0]

    def by_role(self, role: str, state: str | None = None) -> Person | None:
        """The one person with this role (and state): "leader" matches any head of state."""
        hits = [p for p in self.persons if self.holds(p, role, state)]
        return hits[0] if len(hits) == 1 else None

    @staticmethod
    def holds(p: Person, role: str, state: str | None = None) -> bool:
        """Whether ``p`` holds ``role`` (of ``state``): "minister" fits a foreign minister,
        "leader" any head of state or government."""
        if state is not None and p.state != state:
            return False
        if not p.role:
            return False
        lex = nm.lexicon()
        role = role.lower().strip()
        have = p.role.lower()
        if _fits(role, have) or any(_fits(o, have) for o in lex.offices_of(role)):
            return True  # "the deputy minister", "the top diplomat" (a foreign minister)
        if any(_fits(role, o) for o in lex.offices_of(have)):
            return True  # "top diplomat Jane Roe", then "the foreign minister"
        if role not in _LEADER_WORDS:
            return False
        return "leader" in lex.kinds(have) or "leader" in lex.kinds(have.split()[-1])

    def last_in_role(self, role: str, state: str | None, before: int) -> Person | None:
        """The person of this role (and state) mentioned last before ``before``."""
        for m in reversed(self.mentions[: self._before(before)]):
            p = self._by_name.get(m.name)
            if p is not None and self.holds(p, role, state):
                return p
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """The mentions that start inside ``start``-``end``, in order."""
        return list(self.mentions[self._before(start) : self._before(end)])

    def _before(self, offset: int) -> int:
        """How many mentions start before ``offset``."""
        return bisect_left(self._starts, offset)


def _fits(role: str, have: str) -> bool:
    """Whether an office ``have`` is one a reference by ``role`` can name: the same, a longer
    form ("minister": "foreign minister"), or the same words with more between them ("deputy
    minister": "deputy foreign minister")."""
    if have == role or have.endswith(" " + role):
        return True
    if " of " in have and " of " not in role:  # "minister": "minister of defence"
        return _fits(role, have.split(" of ")[0])
    want, got = role.split(), have.split()
    if len(want) < 2 or want[-1] != got[-1]:
        return False
    rest = iter(got)
    return all(w in rest for w in want)


def _is_subject(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in {"nsubj", "nsubjpass"}


_PRONOUN_IDS = frozenset(get_string_id(w) for w in _MALE | _FEMALE)


def _pronouns(doc: Any) -> list[Any]:
    """The tokens of ``doc`` that are "he", "she" and their other forms, in order (found on
    the array of lower-case ids: no Token made for the other words)."""
    if not len(doc):
        return []
    lowers: list[int] = doc.to_array("LOWER").tolist()
    return [doc[i] for i, low in enumerate(lowers) if low in _PRONOUN_IDS]


def guess_genders(
    doc: Any, mentions: Sequence[tuple[int, int, str]], quoted: Sequence[tuple[int, int]] = ()
) -> dict[str, Gender]:
    """A gender per person from "he"/"she" right after its mentions and from honorifics.

    Mentions and pronouns inside ``quoted`` spans (quotations) are not read.
    """

    covered = Covered(quoted)

    def in_quote(pos: int) -> bool:
        return pos in covered

    votes: dict[str, Counter[str]] = {}
    text = doc_text(doc)
    ordered = sorted(m for m in mentions if not in_quote(m[0]))
    starts = [m[0] for m in ordered]
    for tok in _pronouns(doc):
        low = tok.lower_
        if in_quote(tok.idx):
            continue
        sent_start = tok.sent.start_char
        prev_sent = doc[tok.sent.start - 1].sent.start_char if tok.sent.start > 0 else 0
        before = ordered[bisect_left(starts, prev_sent) : bisect_left(starts, tok.idx)]
        if not before:
            continue
        near = [m for m in before if m[0] >= sent_start]
        if near or low not in {"he", "she"}:
            name = (near or before)[-1][2]
        else:  # "he" opening a sentence: the previous sentence's subject, else its last name
            subjects = [m for m in before if _is_subject(doc, m[0], m[1])]
            name = (subjects or before)[-1][2]
        votes.setdefault(name, Counter())["m" if low in _MALE else "f"] += 1
    for start, _end, name in ordered:
        lead = text[max(0, start - 6) : start].lower()
        if re.search(r"\bmr\.?\s$", lead):
            votes.setdefault(name, Counter())["m"] += 3
        elif re.search(r"\b(?:mrs|ms)\.?\s$", lead):
            votes.setdefault(name, Counter())["f"] += 3
    out: dict[str, Gender] = {}
    for name, c in votes.items():
        if c["m"] > c["f"]:
            out[name] = "m"
        elif c["f"] > c["m"]:
            out[name] = "f"
    return out
