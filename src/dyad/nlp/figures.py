"""Figures: amounts of money, percentages, measures and counts of people and materiel.

``extract_figures(doc, doc_id=..., published=...)`` reads a parsed article into ``Figure``
records. Two kinds of candidates:

- amounts whose unit is written beside the number ("$90 billion", "18 percent", "1,200-mile",
  "12 billion cubic meters"), found in the text by ``numbers.find_amounts``;
- bare numbers ("seven", "45,000") that count the noun they modify, found by
  ``numbers.find_numbers`` and kept only when the parse gives them a counted noun from the unit
  lexicon (troops, people, aircraft, ships or materiel counted as ``count``).

Not figures: years and days of a month ("in 2019 Chilean troops", "March 3"), times, ages and
durations ("72-year-old", "three-day visit", "12 years": no counted noun), ordinals and codes
("41st", "MiG-29", "Boeing 737", "Type 055"), vague quantities ("hundreds of"), small lengths
("155 mm", "30-centimeter"), the article's own parties ("the two leaders"),
sources of a report ("two officials said"), vote tallies ("12 members in favour") and page
furniture prices ("$5 a month" next to a subscription prompt). A document states each fact
once (``figure_facts``): a repeat of a value is dropped unless it is another fact.
``figure_filters`` holds the tests that rule a bare number out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from dyad.models import DateRef, Figure, Provenance
from dyad.nlp.doctext import doc_text, span_text
from dyad.nlp.figure_facts import once_each
from dyad.nlp.figure_filters import (
    MODEL_CODE,
    bare_number,
    date_or_name,
    model_number,
    not_a_figure,
    range_upper,
)
from dyad.nlp.numbers import Amount, NumberMatch, find_amounts, find_numbers, lexicon
from dyad.text import subscription_price

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

# spaCy's Doc, Span and Token are untyped; they are passed through as Any.
Doc = Any
Token = Any

_NOUNS = frozenset({"NOUN", "PROPN"})
_SKIP_TAGS = frozenset({"DATE", "TIME"})
_MILITANT = frozenset(
    {"militant", "rebel", "insurgent", "islamist", "jihadist", "armed", "foreign"}
)
_STOP_PUNCT = frozenset(",;:.!?()[]{}\"'“”‘’…")

_ONE_BEFORE = re.compile(
    r"\b(?:no|any|every|each|the|this|that|which|another|only|just|not)\s+$", re.I
)
_LEVEL_VERBS = frozenset(
    {"reach", "hit", "rise", "grow", "jump", "fall", "drop", "climb", "increase", "decrease"}
    | {"double", "triple", "total", "stand", "exceed", "top", "surge", "soar", "decline", "amount"}
    | {"slump", "plunge", "expand", "shrink", "contract", "swell", "dip", "edge", "slide", "be"}
)
_DEMONYM_END = re.compile(r"(?:ans|is|ons|ks|os|ards|ites)$")
# "17 more", "six others", "four of them": the noun counted before; "55 against", "four
# abstained": the voters counted before
_ELLIPSIS = re.compile(
    r"\s+(?:more|others|other\s+people|of\s+(?:them|whom|those)|against|voted\s+against"
    r"|abstained|abstaining|in\s+favou?r)\b(?!\s+than\b)",
    re.I,
)
# "nearly 3,000 have made the journey", "three were killed": a number alone as the subject
# of what people do
_PEOPLE_VERBS = frozenset(
    {"make", "cross", "arrive", "flee", "die", "drown", "leave", "return", "apply", "seek"}
    | {"enter", "kill", "injure", "wound", "displace", "evacuate", "register", "migrate"}
    | {"perish", "survive", "escape", "abstain", "vote", "rescue", "detain", "arrest"}
)
_COUNTED_UNITS = frozenset({"people", "troops", "aircraft", "ships", "count"})
# soldiers killed, wounded or dead are casualties (people), not troops deployed
_CASUALTY = frozenset(
    {"kill", "die", "wound", "injure", "slay", "perish", "execute", "martyr", "behead"}
    | {"dead", "killed", "wounded", "injured", "death", "casualty", "toll"}
)
_PARTITIVE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s+", re.I)
_OR_SO = re.compile(r"\s+or\s+so\s+", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|or|-|–)\s*", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between)\s+(?:some\s+|about\s+|around\s+)?$", re.I)
_SCALE_AFTER = re.compile(r"[\d.,]+\s*(million|billion|trillion|thousand|lakh|crore)\b", re.I)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)  # "rose from 10 to 12 ships": a change
_MEASURE_PREP = re.compile(r"^\s+(?:of|in|on|for)\s+", re.I)
_YEAR = re.compile(r"(?<![\w.,/$-])((?:19|20)\d{2})(?!\w|,\d|\s*[-–]\s*\d)")
_YEAR_BASELINE = re.compile(
    r"\b(?:from|since|than|between|before|compared\s+(?:with|to))\s+$", re.I
)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|past)\s+(?:fiscal\s+|calendar\s+)?year\b", re.I)
_RELATIVE_OFFSET = MappingProxyType({"last": -1, "this": 0, "past": 0, "next": 1})


@dataclass(frozen=True)
class _Found:
    """A figure before its provenance and year are attached."""

    value: float
    unit: str
    start: int
    end: int
    measure: str | None = None


def extract_figures(
    doc: SpacyDoc, *, doc_id: str, published: DateRef | None = None
) -> list[Figure]:
    """The figures of a parsed article, in text order, each amount once.

    ``published`` anchors "last year" / "this year"; without it those give no year.
    """
    text: str = doc_text(doc)
    found: list[_Found] = []
    taken = _Taken()
    lines = _LineHeads(text)
    for amount in find_amounts(text):
        taken.add(amount.start, amount.end)
        if (
            amount.kind != "ignored"
            and not _is_furniture(text, amount)
            and not lines.hashtag(amount.start)
        ):
            found.append(_Found(amount.value, amount.unit, amount.start, amount.end))
    last: _Found | None = None
    for number in find_numbers(text):
        if taken.overlaps(number.start, number.end):
            continue
        count = (
            _count(doc, number)
            or _elliptical(doc, number, last)
            or _range_lower(doc, number, found)
            or _implied_people(doc, number)
        )
        if count is not None:
            found.append(count)
            # a range's upper bound is read with it, unless 'between' states both bounds
            both = _RANGE_OPEN.search(text[max(0, number.start - 30) : number.start])
            taken.add(count.start, number.end if both else count.end)
            last = count
    found = sorted(found, key=lambda f: f.start)
    figures = [_figure(doc, f, doc_id, published) for f in found]
    return once_each(figures, _COUNTED_UNITS)


class _Taken:
    """Spans of text already read as figures: whether a span overlaps one, by bisection over
    their starts (a span of at most ``longest`` characters that overlaps ``start..end`` starts
    after ``start - longest``), not by a scan of all of them."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.longest = 0

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        lo = bisect.bisect_right(self.starts, start - self.longest)
        hi = bisect.bisect_left(self.starts, end)
        return any(start < self.ends[i] for i in range(lo, hi))


class _LineHeads:
    """Whether the line holding a position begins with '#' (a hashtag line), the line's start
    and first character found once per line, not by a search back from each position."""

    _SPACE = re.compile(r"\s*")

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.first: dict[int, int] = {}  # line start -> its first non-space character

    def hashtag(self, pos: int) -> bool:
        """``text[line start : pos + 1].lstrip().startswith("#")``."""
        i = bisect.bisect_left(self.breaks, pos)
        line_start = self.breaks[i - 1] + 1 if i else 0
        first = self.first.get(line_start)
        if first is None:
            space = self._SPACE.match(self.text, line_start)
            first = self.first[line_start] = space.end() if space else line_start
        return first <= pos and self.text[first] == "#"


def _elliptical(doc: Doc, number: NumberMatch, last: _Found | None) -> _Found | None:
    """'20 soldiers were killed and 17 more were hurt': 17 counts the noun counted before."""
    text: str = doc_text(doc)
    m = _ELLIPSIS.match(text, number.end)
    if last is None or m is None or last.unit not in _COUNTED_UNITS:
        return None
    span, before = _span(doc, number.start, number.end), _span(doc, last.start, last.end)
    if span is None or before is None or not len(span) or span[0].sent != before[0].sent:
        return None
    return _Found(number.value, last.unit, number.start, m.end(), last.measure)


def _implied_people(doc: Doc, number: NumberMatch) -> _Found | None:
    """'nearly 3,000 have made the journey': a bare number subject of what people do."""
    span = _span(doc, number.start, number.end)
    if span is None or not len(span) or number.value < 2 or date_or_name(doc, span, number):
        return None
    tok = span[-1]
    verb = tok.head
    if verb.pos_ not in {"VERB", "AUX"} or tok.i + 1 >= len(doc):
        return None
    if tok.dep_ == "dobj":  # "killed two and wounded 229": the people hurt
        if verb.lemma_.lower() not in _CASUALTY:
            return None
    elif tok.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in _PEOPLE_VERBS:
        return None
    after = doc[tok.i + 1]
    if after.pos_ in _NOUNS or after.lower_ in {"of", "per", "percent", "%"}:
        return None
    return _Found(number.value, "people", number.start, number.end, None)


def _range_lower(doc: Doc, number: NumberMatch, found: list[_Found]) -> _Found | None:
    """'between 9.10 and 11 U.S. dollars': the lower bound takes the unit written after the upper.

    A range opened by 'between' states both bounds; the upper one carries the unit.
    """
    text: str = doc_text(doc)
    if not _RANGE_OPEN.search(text[max(0, number.start - 30) : number.start]):
        return None
    for f in found:
        if f.start > number.end and _RANGE_JOIN.fullmatch(text, number.end, f.start):
            if f.unit in _COUNTED_UNITS:
                return None  # counts read their own range
            scale = _SCALE_AFTER.match(text, f.start)
            value = number.value
            if scale is not None and not number.word and value < 1000:
                value *= lexicon().scales.get(scale.group(1).lower(), 1.0)
            return _Found(value, f.unit, number.start, f.end, f.measure)
    return None


# -- candidates --------------------------------------------------------------------------------


def _is_furniture(text: str, amount: Amount) -> bool:
    """A price in a subscription prompt: 'Just $5 a month' beside 'subscribe'."""
    return amount.kind == "money" and subscription_price(
        text, amount.start, amount.end, amount.value
    )


def _span(doc: Doc, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def _counted_noun(doc: Doc, first: int) -> Token | None:
    """From the token after a number, the noun (or adjective: "12 dead") it counts.

    Skips the modifiers between ("three senior Chilean officials", "12 MiG-29 fighters", "two coast
    guard patrol ships"): adjectives, nouns whose syntactic head lies further right, and parts
    of words joined by hyphens.
    """
    last: Token | None = None
    i = first
    while i < len(doc) and i < first + 7:
        tok = doc[i]
        joined = i > first and not doc[i - 1].whitespace_ and tok.text not in _STOP_PUNCT
        if (tok.ent_type_ in _SKIP_TAGS and not joined) or tok.tag_ == "POS":
            break  # a date, or a possessive: "the two nations' ships" counts nations
        nounlike = tok.pos_ in _NOUNS or tok.lower_ in lexicon().nouns  # "frigates" as VERB
        if nounlike or tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and joined):
            last = tok
            points_right = i < tok.head.i < first + 7
            if not points_right and tok.whitespace_ and not _hyphen_next(doc, i):
                break
        elif tok.pos_ == "ADV" and i + 1 < len(doc) and doc[i + 1].pos_ == "ADJ":
            pass
        elif MODEL_CODE.match(tok.text) or model_number(doc, i):
            pass  # "6 F-16 jets", "12 MiG-29s", "20 Boeing 777 planes"
        elif not (joined or (tok.text in "-–" and not tok.whitespace_)):
            break
        i += 1
    return last


def _hyphen_next(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text in {"-", "–"}


def _unit_of(doc: Doc, head: Token, first: int) -> tuple[str, Token] | None:
    """The unit of a counted noun, and the phrase's last token ('heads of state')."""
    nouns = lexicon().nouns
    if head.lower_ == "peoples" or (head.lower_ == "people" and doc[first - 1].lower_ == "one"):
        return None  # "the two peoples", "one single people": nations, not persons
    keys = [(head.lower_, head), (head.lemma_.lower(), head)]
    if head.i - 1 >= first:
        keys.insert(0, (f"{doc[head.i - 1].lower_} {head.lower_}", head))
    if head.i + 2 < len(doc):
        keys.insert(0, (" ".join(t.lower_ for t in doc[head.i : head.i + 3]), doc[head.i + 2]))
    for key, last in keys:
        if key in nouns:
            return nouns[key], last
    if _demonym(head):
        return "people", head  # "three Americans"
    return None


def _demonym(tok: Token) -> bool:
    """A plural demonym: 'Americans', 'Israelis', 'Britons' (by entity, or by tag and ending)."""
    if not tok.text[:1].isupper() or not tok.lower_.endswith(("s", "ese")):
        return False
    if tok.ent_type_ == "NORP" and (tok.lower_.endswith("s") or tok.lower_.endswith("ese")):
        return True  # "three Americans", "1,200 Lebanese"
    named = tok.ent_type_ in {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT"}
    return tok.tag_ == "NNPS" and not named and bool(_DEMONYM_END.search(tok.lower_))


def _count(doc: Doc, number: NumberMatch) -> _Found | None:
    """A bare number that counts people or materiel, or None."""
    span = _span(doc, number.start, number.end)
    text: str = doc_text(doc)
    before = text[max(0, number.start - 40) : number.start]
    if span is None or date_or_name(doc, span, number):
        return None
    if number.value == 1 and number.word and _ONE_BEFORE.search(before):
        return None  # "no one", "the one"
    noun = _counted_noun(doc, span.end)
    after = _PARTITIVE.match(text, number.end) or _OR_SO.match(text, number.end)
    if noun is None and after is not None:  # "two of its soldiers", "300 or so troops"
        rest = _span(doc, after.end(), after.end() + 1)
        if rest is not None and len(rest):
            noun = _counted_noun(doc, rest[0].i)
    ranged = not _FROM_BEFORE.search(before) and range_upper(doc, span.end, span.end + 3)
    if noun is None and span.end + 2 < len(doc) and ranged:
        noun = _counted_noun(doc, span.end + 2)  # "3,000 to 4,000 troops"
    candidates: list[Token] = [] if noun is None else [noun]
    number_tok = span[-1]
    if number_tok.dep_ == "nummod" and number_tok.head.i > number_tok.i:
        candidates.append(number_tok.head)
    for head in candidates:
        between = range(span.end, head.i)
        if after is not None and noun is not None and head.i == noun.i:
            pass  # "two of its soldiers", "300 or so troops"
        elif range_upper(doc, span.end, head.i) and not _FROM_BEFORE.search(before):
            pass  # "between 5,000 and 7,000 troops": the lower bound counts
        elif any(doc[i].pos_ == "CCONJ" or bare_number(doc, i) for i in between):
            continue
        if head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "POS" and head.text[:1].isupper():
            continue  # "2,000 People's Liberation Army troops": a name's possessor
        found = _unit_of(doc, head, span.end)
        if found is None or head.i - span.end > 6:
            continue
        unit, last = found
        if not_a_figure(doc, number, span.end, head, unit, before):
            return None
        end = max(number.end, last.idx + len(last.text))
        measure = text[span.end_char : end].strip()
        unit = _troops_or_aircraft(doc, span.end, head, unit)
        if unit == "troops" and _casualties(head):
            unit = "people"
        return _Found(number.value, unit, number.start, end, measure or None)
    return None


def _casualties(head: Token) -> bool:
    """Soldiers killed, wounded or left dead ("killed 40 troops", "30 soldiers were killed",
    "two soldiers died", "left 12 soldiers dead"): casualties, counted as people."""
    words = [head.head, *[c for c in head.children if c.dep_ in {"amod", "acl", "oprd"}]]
    if head.dep_ == "pobj" and head.head.head is not head.head:
        words.append(head.head.head.head)  # "three of its soldiers were wounded"
    words += [c for c in head.head.children if c.dep_ in {"oprd", "acomp", "xcomp"}]
    return any(w.lemma_.lower() in _CASUALTY or w.lower_ in _CASUALTY for w in words)


def _troops_or_aircraft(doc: Doc, first: int, head: Token, unit: str) -> str:
    """'fighters' are aircraft unless an armed group's: '500 militant fighters' are troops."""
    if unit != "aircraft" or head.lemma_.lower() != "fighter":
        return unit
    modifiers = doc[first : head.i]
    if any(t.ent_type_ == "ORG" or t.lemma_.lower() in _MILITANT for t in modifiers):
        return "troops"
    return unit


# -- records -----------------------------------------------------------------------------------


def _figure(doc: Doc, found: _Found, doc_id: str, published: DateRef | None) -> Figure:
    span = _span(doc, found.start, found.end)
    sent = span[0].sent if span is not None and len(span) else None
    sentence: str = span_text(sent) if sent is not None else ""
    sent_start: int = sent.start_char if sent is not None else found.start
    measure = found.measure
    if measure is None and span is not None and len(span):
        measure = _measure_of_amount(doc, span)
    year = _year(sentence, found.start - sent_start, found.end - sent_start, published)
    return Figure(
        value=float(f"{found.value:.12g}"),  # 2.05 billion, not 2049999999.9999998
        unit=found.unit,
        text=doc_text(doc)[found.start : found.end],
        provenance=Provenance(doc_id, found.start, found.end, sentence),
        year=year,
        measure=measure,
    )


def _phrase(doc: Doc, head: Token) -> str | None:
    """A noun phrase without determiners or possessors: 'its gas supplies' -> 'gas supplies'."""
    if head.pos_ not in _NOUNS:
        return None
    words = [
        t
        for t in doc[head.left_edge.i : head.i + 1]
        if t.dep_ not in {"det", "poss", "case", "predet"}
        and t.pos_ not in {"PRON", "PUNCT"}
        and t.head.dep_ != "poss"
    ]
    return " ".join(t.text for t in words) or None


def _measure_of_amount(doc: Doc, span: Any) -> str | None:
    """What an amount measures: '40% of its gas supplies', '$200 billion in trade', 'trade rose'."""
    text: str = doc_text(doc)
    prep = _MEASURE_PREP.match(text[span.end_char : span.end_char + 8])
    if prep is not None:
        following = _span(doc, span.end_char + prep.end(), span.end_char + prep.end() + 1)
        if following is not None and len(following):
            noun = _counted_noun(doc, following[0].i)
            if noun is not None and noun.pos_ == "NOUN":
                return _phrase(doc, noun)
    tok = span[-1]
    for _ in range(6):
        if tok.pos_ in {"VERB", "AUX"} or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.lemma_.lower() not in _LEVEL_VERBS:
        return None
    subjects = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and subjects[0].pos_ == "PRON" and tok.dep_ == "relcl":
        return _phrase(doc, tok.head)
    if subjects and subjects[0].pos_ == "NOUN":
        return _phrase(doc, subjects[0])
    return None


def _year(sentence: str, start: int, end: int, published: DateRef | None) -> int | None:
    """The year the sentence ties the figure to: the nearest 'in 2023', 'by 2024', 'last year'.

    A year the figure is compared with ('up 63 percent from 2021') is not its year.
    """
    options: list[tuple[int, int]] = []
    for m in _YEAR.finditer(sentence):
        if m.start() >= start and m.end() <= end:
            continue
        if _YEAR_BASELINE.search(sentence[max(0, m.start() - 25) : m.start()]):
            continue
        options.append((_distance(m.start(), m.end(), start, end), int(m.group(1))))
    if published is not None:
        for m in _RELATIVE_YEAR.finditer(sentence):
            year = published.year + _RELATIVE_OFFSET[m.group(1).lower()]
            options.append((_distance(m.start(), m.end(), start, end), year))
    return min(options)[1] if options else None


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(a_start - b_end, b_start - a_end, 0)
