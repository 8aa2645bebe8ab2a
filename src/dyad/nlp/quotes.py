"""Direct quotations and who said them.

Quotation marks are read line by line, a hard-wrapped line joined to the next (a paragraph is
never one quote with the next, and one unmatched mark loses at most the rest of its line):
straight and curly double marks, and single curly or straight marks used as quotation marks
(‘firm hand’, 'reckless gamble') but not as apostrophes (it’s, Russia’s, countries’). An
opening double mark with no closing mark runs to the end of its line: the first paragraph of a
quote that goes on in the next one (so does a line opening with a single curly mark it never
closes, when the next opens with a mark). A text cut off inside a quote keeps the part it has;
a closing curly mark set where only an opening one can stand (at a line's start, after a space)
opens a quote; a paragraph right below a quote left open, whose first mark can only close, is
that quote's last part set without its opening mark. Doubled apostrophes (''so'') are double
marks. Quotes under 3 words, titles of works ("the song ..."), short all-capitalised
titles and quotes repeated inside longer ones are dropped. The speaker is found by
``speakers.Attributor``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from dyad.models import Provenance, Quote
from dyad.nlp import names as nm
from dyad.nlp.doctext import Covered, doc_text, per_text
from dyad.nlp.person_index import PersonIndex, sentence_at, with_sentences
from dyad.nlp.speaker_phrases import line_starts
from dyad.nlp.speakers import Attributor, QuoteSpan, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["QuoteSpan", "extract_quotes", "find_quote_spans", "quote_spans"]
_SPANS_KEY = "dyad.nlp.quotes.spans"

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPEN_BEFORE = " \t([{—–-/:;" + _DOUBLE_OPEN + "‘"
# The characters the scans below stop at (all others pass): double marks, opening single ones.
_DOUBLE_MARK = re.compile("[" + re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + '"') + "]")
_SINGLE_OPEN = re.compile("[‘']")
_MIN_WORDS = 3
_SINGLE_MAX = 160  # straight single marks: short, headline-style quotes only
_CURLY_SINGLE_MAX = 1200
_REPEAT_SLACK = 2  # words a repeat may lack


@dataclass(frozen=True)
class _Mark:
    pos: int
    open: bool
    close: bool


def _double_marks(line: str) -> list[_Mark]:
    marks = []
    for found in _DOUBLE_MARK.finditer(line):
        i, ch = found.start(), found.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        can_open = before in _OPEN_BEFORE and not after.isspace()
        can_close = not before.isspace() and (after.isspace() or not after.isalnum())
        if ch in _DOUBLE_OPEN:  # an opening mark set as a closing one (',“ the official
            shut = ch == "“" and can_close and not can_open  # said'; German „...“) closes
            marks.append(_Mark(i, not shut, shut))
        elif ch == '"':
            marks.append(_Mark(i, can_open or not can_close, can_close or not can_open))
        else:  # a closing mark set as an opening one (”We will ...”): opens only where no
            opens = can_open and not can_close  # closing mark could stand
            marks.append(_Mark(i, opens, not opens))
    return marks


def _pair_double(line: str, goes_on: bool = False) -> list[tuple[int, int | None]]:
    """(open, close) index pairs of double marks in a line; close None when unmatched. When
    the line ``goes_on`` with a quote the line above left open and its first mark can only
    close it, the line's start up to that mark is the quote's last part (open index -1)."""
    pairs: list[tuple[int, int | None]] = []
    marks = _double_marks(line)
    open_at: int | None = -1 if goes_on and marks and not marks[0].open else None
    for m in marks:
        if open_at is None:
            if m.open:
                open_at = m.pos
            continue
        if m.close:
            pairs.append((open_at, m.pos))
            open_at = None
        elif m.open:  # a new opening mark while one is open: the first was never closed
            open_at = m.pos
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _pair_single(line: str, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Single marks used as quotation marks, outside double-quoted stretches."""
    pairs: list[tuple[int, int]] = []
    covered = Covered(taken, closed=True)
    found = _SINGLE_OPEN.search(line)
    while found is not None:
        i, ch = found.start(), found.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if i not in covered and before in _OPEN_BEFORE and after.isalpha():
            close = _single_close(line, i + 1, "’" if ch == "‘" else "'")
            if close is not None:
                pairs.append((i, close))
                found = _SINGLE_OPEN.search(line, close + 1)
                continue
        found = _SINGLE_OPEN.search(line, i + 1)
    return pairs


def _single_close(line: str, start: int, mark: str) -> int | None:
    """The closing single mark: not an apostrophe ("it’s"), and not a plural possessive
    ("the countries’ leaders") unless nothing better follows."""
    end = min(len(line), start + (_SINGLE_MAX if mark == "'" else _CURLY_SINGLE_MAX))
    possessive: int | None = None
    for j in range(start, end):
        ch = line[j]
        if ch in '"“”‘' or (ch == "'" and mark == "’"):
            break
        if ch != mark:
            continue
        after = line[j + 1 : j + 3]
        if line[j - 1].isspace() or after[:1].isalnum():
            continue
        if line[j - 1] == "s" and after[:1] == " " and after[1:2].islower():
            possessive = j if possessive is None else possessive
            continue
        return j
    return possessive


def _continued(lines: list[str], n: int) -> bool:
    """A paragraph that opens with a single curly mark it never closes, followed by one that
    opens with a mark again: the first part of a quote in British style (‘... / ‘...’)."""
    line = lines[n].strip()
    if not line.startswith("‘") or "’" in line.replace("’s", "").replace("s’ ", ""):
        return False
    following = next((ln.strip() for ln in lines[n + 1 :] if ln.strip()), "")
    return following.startswith(("‘", "“"))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, with the span of its content."""
    spans: list[QuoteSpan] = []
    bounds = [*line_starts(text), len(text) + 1]
    lines = [_doubled(text[a : b - 1].replace("\n", " ")) for a, b in pairwise(bounds)]
    pos = 0
    open_line: int | None = None  # the line whose last quote was left open
    for n, line in enumerate(lines):
        goes_on = open_line is not None and not any(ln.strip() for ln in lines[open_line + 1 : n])
        doubles = _pair_double(line, goes_on)
        closed = [(s, e) for s, e in doubles if e is not None]
        for s, e in doubles:
            content_end = len(line) if e is None else e
            if s < 0:  # the last part of a quote opened lines above: no mark of its own
                lead = len(line) - len(line.lstrip())
                spans.append(_span(text, pos + lead, pos + content_end, pos + lead, False, n))
                continue
            spans.append(_span(text, pos + s + 1, pos + content_end, pos + s, e is None, n))
        if line.strip():
            open_line = n if doubles and doubles[-1][1] is None else None
        singles = _pair_single(line, closed)
        for s, e in singles:
            spans.append(_span(text, pos + s + 1, pos + e, pos + s, False, n))
        lead = len(line) - len(line.lstrip())
        if not doubles and lead not in {s for s, _ in singles} and _continued(lines, n):
            spans.append(_span(text, pos + lead + 1, pos + len(line), pos + lead, True, n))
        pos += len(line) + 1
    spans = [s for s in spans if s.end > s.start]
    spans.sort(key=lambda s: s.start)
    return _merge_adjacent(text, spans)


def quote_spans(doc: SpacyDoc) -> list[QuoteSpan]:
    """``find_quote_spans`` of a Doc's text, found once per Doc (persons and quotes both
    read them)."""
    return list(per_text(doc, _SPANS_KEY, find_quote_spans))


def _doubled(line: str) -> str:
    """A line with each pair of apostrophes set as one double mark ('' -> \" and a filler
    that is neither space nor letter), for the news that sets quotes ''so''."""
    return line.replace("''", '"\x00') if "''" in line else line


def _span(text: str, start: int, end: int, mark: int, unclosed: bool, line: int) -> QuoteSpan:
    if text[mark : mark + 2] == "''":
        start += 1  # an opening pair of apostrophes: the quote starts after the second
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return QuoteSpan(start, end, mark, unclosed, line)


def _merge_adjacent(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Two quotes of one line with nothing but space between them are one quote; not when a
    sentence ends between them, outside the marks (‘firm’. ‘We will ...’) or inside the first
    ("absurd." "There is ...": a reporter's sentence ended by a quote, then a new quote)."""
    out: list[QuoteSpan] = []
    for s in spans:
        if out and out[-1].line == s.line and not out[-1].unclosed:
            gap = text[out[-1].end : s.mark]
            ended = re.search(r"[.!?]\W*$", text[out[-1].start : out[-1].end]) is not None
            if re.fullmatch(r"[\s,\"”’]*", gap) and "\n" not in gap and not ended:
                prev = out.pop()
                s = QuoteSpan(prev.start, s.end, prev.mark, s.unclosed, s.line)
        out.append(s)
    return out


def _is_title(text: str, q: QuoteSpan, lex: nm.Lexicon) -> bool:
    """A named work or a short title ("the song ...", "Some Great Title")."""
    before = [w.text.lower() for w in nm.words(text, max(0, q.mark - 40), q.mark)]
    if before and lex.speech_kind(before[-1]) == "work":
        return True
    ws = [w.text for w in nm.words(text, q.start, q.end)]
    content = [w for w in ws if w.lower() not in nm.FUNCTION_WORDS]
    if not content or len(ws) > 6 or text[q.end - 1 : q.end] in ".?!" or ws[0][:1].islower():
        return False  # a title opens with a capital: "those in the capital" is speech
    return all(w[:1].isupper() for w in content) and not text[q.start : q.end].isupper()


def _word_list(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


@dataclass
class _Wording:
    """The quotes of one wording (the same words): the first of them without a speaker and
    the first of each speaker."""

    first_unspoken: int | None = None
    first_by: dict[Speaker, int] = field(default_factory=dict)

    def add(self, j: int, speaker: Speaker | None) -> None:
        if speaker is None:
            if self.first_unspoken is None:
                self.first_unspoken = j
        else:
            self.first_by.setdefault(speaker, j)

    def repeats(self, i: int, speaker: Speaker | None, longer: bool) -> bool:
        """Whether one of these quotes makes quote ``i`` (of ``speaker``) a repeat: a longer
        wording of a speaker who may be the same one; the same wording kept instead (one with
        a speaker over one without, else the first)."""
        if longer:
            return speaker is None or self.first_unspoken is not None or speaker in self.first_by
        if speaker is None:
            unspoken = self.first_unspoken
            return bool(self.first_by) or (unspoken is not None and unspoken < i)
        return self.first_by.get(speaker, i) < i


def _drop_repeats(
    text: str, spans: list[QuoteSpan], speakers: list[Speaker | None]
) -> list[tuple[QuoteSpan, Speaker | None]]:
    """A quote given again a little longer elsewhere (a headline's 'reckless gamble' and the
    body's "a reckless gamble") is one quote: the longer is kept. Not when two speakers are
    known and differ: one repeating the other's phrase says it too."""
    words = [tuple(_word_list(text[s.start : s.end])) for s in spans]
    # A repeat holds the shorter quote's words in order with at most _REPEAT_SLACK more, so
    # its first word is among the longer one's first _REPEAT_SLACK + 1: only the wordings
    # (of a length that fits) that open so are compared, each wording once, not every pair
    # of a long text's quotes.
    wordings: dict[tuple[str, ...], _Wording] = {}
    opening: dict[tuple[str, int], list[tuple[str, ...]]] = {}
    for j, wj in enumerate(words):
        if wj not in wordings:
            wordings[wj] = _Wording()
            for w in dict.fromkeys(wj[: _REPEAT_SLACK + 1]):
                opening.setdefault((w, len(wj)), []).append(wj)
            if len(wj) <= _REPEAT_SLACK:
                opening.setdefault(("", len(wj)), []).append(wj)  # any of them holds no words
        wordings[wj].add(j, speakers[j])
    keep = []
    for i, s in enumerate(spans):
        wi = words[i]
        first = wi[0] if wi else ""
        lengths = range(len(wi), len(wi) + _REPEAT_SLACK + 1)
        repeat = any(
            wordings[wj].repeats(i, speakers[i], len(wj) > len(wi)) and _in_order(wi, wj)
            for n in lengths
            for wj in opening.get((first, n), ())
        )
        if not repeat:
            keep.append((s, speakers[i]))
    return keep


def extract_quotes(doc: SpacyDoc, persons: PersonIndex, *, doc_id: str) -> list[Quote]:
    """The direct quotations of ``doc`` (3 words or more), each with its speaker or None."""
    doc = with_sentences(doc)
    text = doc_text(doc)
    lex = nm.lexicon()
    spans = quote_spans(doc)
    kept = [
        s
        for s in spans
        if len(text[s.start : s.end].split()) >= _MIN_WORDS and not _is_title(text, s, lex)
    ]
    attributor = Attributor(doc, persons, spans)
    quotes = []
    for s, who in _drop_repeats(text, kept, attributor.attribute(kept)):
        prov = Provenance(doc_id, s.start, s.end, sentence_at(doc, s.start, s.end))
        quotes.append(
            Quote(text[s.start : s.end], who.name if who else None, prov, who.kind if who else None)
        )
    return quotes
