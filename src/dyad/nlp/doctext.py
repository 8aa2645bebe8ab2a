"""The text of a spaCy ``Doc``, built once per Doc.

``Doc.text`` joins every token's text on each access, so reading it once per candidate (a
number, a mention, a quote) costs time in proportion to the whole document each time: on a
long text that is quadratic. ``doc_text(doc)`` keeps the string in ``doc.user_data``.
``LineMarks`` finds line starts and counts characters between two offsets, and ``Covered``
tells whether an offset lies in any of some spans, both by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, TypeVar

_TEXT_KEY = "dyad.nlp.doctext"
_MARKS_KEY = "dyad.nlp.doctext.marks"
_T = TypeVar("_T")


def doc_text(doc: Any) -> str:
    """``doc.text`` (of the Doc a Span or Token belongs to, when given one), built once."""
    doc = getattr(doc, "doc", doc)
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None or len(cached) != _length(doc):
        cached = str(doc.text)
        doc.user_data[_TEXT_KEY] = cached
    return str(cached)


def span_text(span: Any) -> str:
    """``span.text`` (a sentence, an entity: a Span of one or more tokens), sliced from the
    Doc's kept text instead of joined from its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def keep_text(doc: Any, text: str) -> Any:
    """``doc`` with ``text`` (which must equal ``doc.text``) kept as ``doc_text(doc)``: for the
    parser, which has the text already."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def token_bounds(doc: Any) -> tuple[list[int], list[int]]:
    """The start and end offsets of every token of a Doc, read off its IDX and LENGTH arrays
    (no Token made)."""
    if not len(doc):
        return [], []
    columns = doc.to_array(["IDX", "LENGTH"])
    starts: list[int] = columns[:, 0].tolist()
    lengths: list[int] = columns[:, 1].tolist()
    return starts, [s + n for s, n in zip(starts, lengths, strict=True)]


def _length(doc: Any) -> int:
    """Characters of a Doc's text, from its last token (constant time)."""
    if not len(doc):
        return 0
    last = doc[len(doc) - 1]
    return int(last.idx) + len(last.text_with_ws)


class LineMarks:
    """Positions of line breaks and of some characters in one text, for counting them
    between a line's start and an offset without rescanning the line."""

    def __init__(self, text: str, chars: str) -> None:
        self.breaks = _positions(text, "\n")
        self.positions = {c: _positions(text, c) for c in chars}

    def line_start(self, offset: int) -> int:
        """Offset of the first character of the line holding ``offset``
        (``text.rfind("\\n", 0, offset) + 1``)."""
        i = bisect_left(self.breaks, offset)
        return self.breaks[i - 1] + 1 if i else 0

    def count(self, char: str, start: int, end: int) -> int:
        """``text[start:end].count(char)`` for one of the characters given."""
        pos = self.positions[char]
        return bisect_left(pos, end) - bisect_left(pos, start)


def _positions(text: str, char: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(char), text)]


def line_marks(doc: Any, chars: str) -> LineMarks:
    """The ``LineMarks`` of a Doc's text for ``chars``, built once per Doc."""
    doc = getattr(doc, "doc", doc)
    cache = doc.user_data.setdefault(_MARKS_KEY, {})
    if chars not in cache:
        cache[chars] = LineMarks(doc_text(doc), chars)
    marks: LineMarks = cache[chars]
    return marks


def per_text(doc: Any, key: str, build: Callable[[str], _T]) -> _T:
    """``build(doc_text(doc))``, built once per Doc (and again should its text change): an
    index of the whole text that look-ups per candidate share."""
    doc = getattr(doc, "doc", doc)
    text = doc_text(doc)
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not text:
        cached = (text, build(text))
        doc.user_data[key] = cached
    value: _T = cached[1]
    return value


__all__ = ["Covered", "LineMarks", "doc_text", "keep_text", "line_marks", "per_text"]


class Covered:
    """Whether an offset falls inside any of some spans (which may overlap), by bisection:
    spans sorted by start with the furthest end reached so far."""

    def __init__(self, spans: Any, *, closed: bool = False) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e if closed else e - 1)  # the last offset covered
            self.reach.append(furthest)

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos)
        return bool(i) and self.reach[i - 1] >= pos
