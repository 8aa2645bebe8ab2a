"""Text normalisation and the gazetteer's phrase matcher, free of spaCy.

Three things live here (``fold`` itself in ``dyad.text``, re-exported):

- ``fold`` maps a text to one of the *same length* with accents, curly quotes, dashes and
  odd spaces replaced by plain ASCII, so that a match found in the folded text has the
  same character offsets in the original ("Türkiye" and "Turkiye", "People’s" and
  "People's" match the same alias).
- ``alias_key`` and ``person_key`` turn an alias or a name into the key the gazetteer
  indexes it under (case, whitespace, hyphens and, for people, the particles al/el ignored).
- ``PhraseMatcher`` compiles every alias into one regular expression shaped as a trie (so
  a scan costs one pass over the text however many aliases there are), finds the longest
  alias at each position and applies each alias's case policy: an acronym ("US", "NATO",
  "U.S.") matches only as written, a name only with a capital first letter ("China" but
  not "china"), and an alias written in lower case ("inter-Korean") in any case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dyad.text import fold as fold  # re-exported: it lived here

_HYPHEN_OR_SPACE = re.compile(r"(?<=\w)-(?=\w)|\s+")
_PERSON_PARTICLES = frozenset({"al", "el"})
# A key character that an ASCII text's lower case would not match as IGNORECASE does.
_CASED_ASCII = re.compile(r"[A-Z]|(?![a-z])(?i:[a-z])")


def alias_key(text: str) -> str:
    """The index key of an alias or mention: folded, lower case, one space for any run of
    white space or an inner hyphen, a leading "the " dropped."""
    key = _HYPHEN_OR_SPACE.sub(" ", fold(text).strip()).lower()
    if key.startswith("the "):
        key = key[4:]
    return key


def person_key(name: str) -> str:
    """The index key of a person's name: like ``alias_key`` without dots, commas and the
    particles al/el ("Abdel Fattah el-Sisi" == "Abdel Fattah al Sisi" == "abdel fattah sisi")."""
    text = fold(name).lower().replace(".", " ").replace(",", " ").replace("-", " ")
    return " ".join(t for t in text.split() if t not in _PERSON_PARTICLES)


def is_acronym(alias: str) -> bool:
    """True for aliases without lower-case letters ("US", "U.S.", "NATO", "G20"): they match
    only as written."""
    return any(c.isalpha() for c in alias) and not any(c.islower() for c in alias)


def case_ok(alias: str, matched: str) -> bool:
    """Whether ``matched`` (a span of folded text) may stand for ``alias`` (folded)."""
    if is_acronym(alias) or sum(c.isalpha() for c in alias) <= 3:
        return " ".join(matched.split()) == alias  # "US" not "us", "Xi" not "XI"
    first_alias = next((c for c in alias if c.isalpha()), "")
    if first_alias.islower():
        return True
    first = next((c for c in matched if c.isalpha()), "")
    return first.isupper()


@dataclass(frozen=True)
class RawMatch:
    """An alias found in a text: character offsets and the alias key."""

    start: int
    end: int
    key: str


def _char_pattern(ch: str) -> str:
    if ch == " ":
        return r"[\s-]+"
    return re.escape(ch)


_Trie = dict[str, "_Trie"]


def _trie_regex(keys: Iterable[str]) -> str:
    """One regular expression matching every key, longest first, shaped as a trie."""
    trie: _Trie = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [_char_pattern(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _at_boundary(text: str, pos: int) -> bool:
    """Whether an alias may end just before ``pos`` (after '-' or '.', or before a non-word)."""
    if pos >= len(text):
        return True
    if text[pos - 1] in "-.":
        return True
    return not (text[pos].isalnum() or text[pos] == "_")


class PhraseMatcher:
    """Finds aliases in text: the longest alias at each position that passes its case policy.

    ``aliases`` maps each key (see ``alias_key``) to the alias texts indexed under it; the
    texts decide the case policy. Build one per gazetteer; scanning is pure.
    """

    def __init__(self, aliases: Mapping[str, Sequence[str]]) -> None:
        self._forms: dict[str, tuple[str, ...]] = {
            key: tuple(fold(t) for t in texts) for key, texts in aliases.items() if key
        }
        body = _trie_regex(sorted(self._forms))
        source = r"(?<![\w])(?:" + body + r")(?:(?<=[-.])|(?![\w]))"
        self._pattern = re.compile(source, re.IGNORECASE)
        # An ASCII text is matched on its lower case without IGNORECASE (a third of the cost):
        # the same matches when no key has an upper-case letter, nor a character other than
        # an ASCII letter that IGNORECASE takes for one (the Kelvin sign for "k").
        plain = not any(_CASED_ASCII.search(k) for k in self._forms)
        self._lower = re.compile(source) if plain else None

    def __contains__(self, key: object) -> bool:
        return key in self._forms

    def _accept(self, folded: str, start: int, end: int) -> RawMatch | None:
        """The match at ``start``: [start, end) if its case is right, else the longest shorter
        alias starting there whose case is."""
        while end > start:
            matched = folded[start:end]
            key = alias_key(matched)
            forms = self._forms.get(key)
            if forms and any(case_ok(form, matched) for form in forms):
                return RawMatch(start, end, key)
            end -= 1
            while end > start and not _at_boundary(folded, end):
                end -= 1
        return None

    def scan(self, text: str, start: int = 0, end: int | None = None) -> list[RawMatch]:
        """Non-overlapping alias matches in ``text[start:end]``, left to right."""
        folded = fold(text)
        probe, pattern = folded, self._pattern
        if self._lower is not None and folded.isascii():
            probe, pattern = folded.lower(), self._lower
        stop = len(text) if end is None else end
        found: list[RawMatch] = []
        pos = start
        while pos < stop:
            m = pattern.search(probe, pos, stop)
            if m is None:
                break
            hit = self._accept(folded, m.start(), m.end())
            if hit is None:
                pos = m.start() + 1
                continue
            found.append(hit)
            pos = hit.end
        return found


def compile_names(names: Iterable[str]) -> re.Pattern[str] | None:
    """A case-sensitive whole-word pattern for a few names (used for surnames in one text)."""
    keys = sorted({fold(n) for n in names if n}, key=len, reverse=True)
    if not keys:
        return None
    body = "|".join(re.escape(k) for k in keys)
    return re.compile(r"(?<![\w])(?:" + body + r")(?![\w])")
