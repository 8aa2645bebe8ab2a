"""Several regular expressions run over one text in one scan, each with exactly the matches its
own ``finditer`` gives.

``PatternSet(patterns).finditer_each(text)`` is ``[list(p.finditer(text)) for p in
patterns]``, faster when each pattern may only start with a few characters (a month name, a
digit, a word from a short list). Python's engine cannot skip ahead to such a pattern's first
word: it tries the pattern at every position, once per pattern. So the patterns are joined into
one *finder*, a regex of one branch per pattern, entered only on a character that pattern may
start with (the engine passes over a branch whose first character differs at C speed), which
then tries the pattern in a lookahead; the patterns that open with ``\b`` test it once,
together. Each branch takes one character, so ``finditer`` tries every position. Only the
positions the finder reports are tried with each pattern (``pattern.match(text, pos)``, which
sees the text before ``pos`` as ``finditer`` does), left to right, the next try at or after the
end of the pattern's last match: ``finditer``'s own order, without the positions no match can
start at. A pattern the finder cannot hold (one that may match the empty string or start with
any character, a back-reference, flags other than IGNORECASE) is run on its own.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, Final

log = logging.getLogger(__name__)

__all__ = ["PatternSet"]

_NAMED_GROUP: Final = re.compile(r"(?<!\\)\(\?P<\w+>")
_DIGIT: Final = r"\d"  # a first "character" that stands for any decimal digit
_MAX_RANGE: Final = 64  # characters a class range may add to a first-character set
_REPEATS: Final = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)}
_GROUPS: Final = {sre.SUBPATTERN, getattr(sre, "ATOMIC_GROUP", None)}
_ZERO_WIDTH: Final = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


def _class_chars(items: Any) -> set[str] | None:
    """The characters of a character class, or None when too many or negated."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_DIGIT:
            chars.add(_DIGIT)
        else:
            return None
    return chars


def _first(items: Any) -> tuple[set[str], bool] | None:
    """The characters a match of a sequence of parse items may start with, and whether it may
    be empty; None when that cannot be told."""
    chars: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # an assertion consumes nothing: the next item gives the first character
        found: tuple[set[str], bool] | None
        if op is sre.LITERAL:
            found = {chr(av)}, False
        elif op is sre.IN:
            cls = _class_chars(av)
            found = (cls, False) if cls is not None else None
        elif op in _GROUPS:
            sub = av if op is not sre.SUBPATTERN else av[3]
            found = None if op is sre.SUBPATTERN and (av[1] or av[2]) else _first(sub.data)
        elif op is sre.BRANCH:
            found = set(), False
            for alternative in av[1]:
                one = _first(alternative.data)
                if one is None:
                    return None
                found = found[0] | one[0], found[1] or one[1]
        elif op in _REPEATS:
            one = _first(av[2].data)
            found = None if one is None else (one[0], one[1] or av[0] == 0)
        else:
            return None  # any character, a back-reference...
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return chars, False
    return chars, True


def _has_backreference(items: Any) -> bool:
    for op, av in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        subs: list[Any] = []
        if op is sre.SUBPATTERN:
            subs = [av[3]]
        elif op in _GROUPS or op in (sre.ASSERT, sre.ASSERT_NOT):
            subs = [av[1] if isinstance(av, tuple) else av]
        elif op is sre.BRANCH:
            subs = list(av[1])
        elif op in _REPEATS:
            subs = [av[2]]
        if any(_has_backreference(s.data) for s in subs):
            return True
    return False


def _joinable(pattern: re.Pattern[str]) -> tuple[str, frozenset[str], bool] | None:
    """The body a finder holds for ``pattern`` (its source, groups unnamed, without the ``\b``
    it may open with), the characters its matches may start with and whether it opens with
    ``\b``; None when it cannot be joined."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - it compiled once
        return None
    if _has_backreference(tree.data):
        return None  # none is allowed in the finder's look-behind
    first = _first(tree.data)
    if first is None or first[1] or not first[0]:
        return None
    chars = frozenset(first[0])
    if pattern.flags & re.IGNORECASE:
        if not all(c == _DIGIT or c.isascii() for c in chars):
            return None
        chars = _case_forms(tuple(sorted(chars)))
    bounded = pattern.pattern.startswith(r"\b") and tree.data[0] == (sre.AT, sre.AT_BOUNDARY)
    body = _NAMED_GROUP.sub("(?:", pattern.pattern[2:] if bounded else pattern.pattern)
    body = f"(?i:{body})" if pattern.flags & re.IGNORECASE else f"(?:{body})"
    return body, chars, bounded


@lru_cache(maxsize=64)
def _case_forms(chars: tuple[str, ...]) -> frozenset[str]:
    """Every character an IGNORECASE pattern takes for one of the ASCII ``chars`` ("k": k, K
    and the Kelvin sign), read off the engine itself (the characters that match an ASCII letter
    without case all lie in the Basic Multilingual Plane)."""
    letters = "".join(re.escape(c) for c in chars if c != _DIGIT)
    found = set(re.findall(f"(?i)[{letters}]", _bmp())) if letters else set()
    return frozenset(found | ({_DIGIT} & set(chars)))


@lru_cache(maxsize=1)
def _bmp() -> str:
    return "".join(map(chr, range(0x10000)))


def _branch(pattern: re.Pattern[str]) -> tuple[str, frozenset[str], bool] | None:
    """The finder's branch for a pattern, the characters its matches start with and whether
    it opens with ``\b``; None when the finder cannot hold it."""
    found = _joinable(pattern)
    if found is None:
        return None
    body, chars, bounded = found
    # entered only on a character the pattern may start with; one character taken, so
    # finditer goes on to try the next position
    key = "[" + "".join(sorted(c if c == _DIGIT else re.escape(c) for c in chars)) + "]"
    branch = f"{key}(?<=(?={body}){key})"
    try:
        re.compile(branch)
    except (re.error, RecursionError, OverflowError):  # a source that does not nest
        return None
    return branch, chars, bounded


class PatternSet:
    """Compiled patterns whose matches are wanted each as their own ``finditer`` gives them.

    ``opening``, when given, is a pattern that matches wherever any of ``patterns`` has a
    match, at its start (the opening they share: "a number", for the patterns of amounts);
    the finder looks for it alone, once for all of them. The patterns must then never match
    the empty string.
    """

    def __init__(
        self, patterns: Sequence[re.Pattern[str]], *, opening: re.Pattern[str] | None = None
    ) -> None:
        self.patterns = tuple(patterns)
        self.opening = opening
        self._finder: re.Pattern[str] | None = None
        self._joined: dict[int, frozenset[str]] | None = None  # built on first use
        self._last: tuple[str, list[int]] | None = None  # the finder's starts in the last text

    def _build(self) -> dict[int, frozenset[str]]:
        """The finder of the patterns that can be joined, and the characters each may start
        with (``_DIGIT`` among them: any decimal digit)."""
        joined: dict[int, frozenset[str]] = {}
        branches: dict[bool, list[str]] = {True: [], False: []}
        shared = _branch(self.opening) if self.opening is not None else None
        if shared is not None:
            branch, chars, bounded = shared
            joined = dict.fromkeys(range(len(self.patterns)), chars)
            branches[bounded].append(branch)
        for i, pattern in enumerate(self.patterns if self.opening is None else ()):
            found = _branch(pattern)
            if found is not None:
                branch, chars, bounded = found
                joined[i] = chars
                branches[bounded].append(branch)
        if len(joined) > 1 or shared is not None:
            # the patterns that open with \b test it once, together
            bounded_part = [r"\b(?:" + "|".join(branches[True]) + ")"] if branches[True] else []
            try:
                self._finder = re.compile("|".join(bounded_part + branches[False]))
            except (re.error, RecursionError, OverflowError):  # pragma: no cover - defensive
                log.debug("patterns not joined into one finder", exc_info=True)
        return joined if self._finder is not None else {}

    def _starts(self, text: str) -> list[int]:
        """Where the finder reports a possible match in ``text`` (kept for the last text: a
        caller may ask about one text in two steps)."""
        if self._last is not None and self._last[0] is text:
            return self._last[1]
        starts = [m.start() for m in self._finder.finditer(text)] if self._finder else []
        self._last = (text, starts)
        return starts

    @property
    def joined(self) -> frozenset[int]:
        """The indexes of the patterns the finder holds (the others run on their own)."""
        if self._joined is None:
            self._joined = self._build()
        return frozenset(self._joined)

    def finditer_each(self, text: str, skip: Collection[int] = ()) -> list[list[re.Match[str]]]:
        """For each pattern, ``list(pattern.finditer(text))`` (empty for the indexes in
        ``skip``)."""
        if self._joined is None:
            self._joined = self._build()
        joined = self._joined
        starts = self._starts(text)
        out: list[list[re.Match[str]]] = [[] for _ in self.patterns]
        for i, pattern in enumerate(self.patterns):
            if i in skip:
                continue
            if i not in joined:
                out[i] = list(pattern.finditer(text))
                continue
            if not starts:
                continue
            chars = joined[i]
            found: list[re.Match[str]] = out[i]
            end = 0
            for start in starts:
                if start < end:
                    continue
                c = text[start]
                if c not in chars and not (_DIGIT in chars and c.isdecimal()):
                    continue
                m = pattern.match(text, start)
                if m is not None:
                    found.append(m)
                    end = m.end()
            if any(m.end() == m.start() for m in found):  # finditer's own rules for those
                out[i] = list(pattern.finditer(text))
        return out
