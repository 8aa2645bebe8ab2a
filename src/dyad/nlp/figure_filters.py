"""Numbers that are not figures, for ``nlp.figures``: what rules out a bare number that seems
to count a noun.

A year or a day of a month ("in 2014 Russian troops", "March 3") and a model named after its
maker ("Boeing 737", "MiG-29": ``MODEL_CODE``, ``model_number``) are dates and names; a range's
upper bound ("5,000 to 7,000 troops") is read with its lower; the article's own parties ("the
two leaders"), sources of a report ("two officials said"), vote tallies ("11 members in
favour") and a bloc's member states ("27 members") count no people or materiel.
"""

from __future__ import annotations

import re
from typing import Any

from dyad.nlp.doctext import doc_text
from dyad.nlp.numbers import NumberMatch, lexicon

__all__ = [
    "MODEL_CODE",
    "bare_number",
    "date_or_name",
    "model_number",
    "not_a_figure",
    "range_upper",
]

# spaCy's Doc, Span and Token are untyped; they are passed through as Any.
Doc = Any
Token = Any

_SPEECH_VERBS = frozenset(
    {"say", "tell", "speak", "confirm", "add", "report", "brief", "note", "state", "claim"}
    | {"disclose", "reveal", "warn", "insist", "describe", "write", "announce", "estimate"}
)
_SOURCE_BEFORE = re.compile(r"\baccording\s+to\s+(?:\w+\s+){0,2}$", re.I)
_SOURCE_AFTER = re.compile(
    r"^\s*(?:familiar\s+with|who\s+(?:spoke|asked|declined|requested|were\s+not)|"
    r",?\s*speaking\s+on|briefed\s+on|with\s+knowledge)",
    re.I,
)
_VOTE_AFTER = re.compile(r"^\s*(?:in\s+favou?r|against\b|voted|voting|abstain|for\b\s*,)", re.I)
_PARTY_BEFORE = re.compile(r"\b(?:the|their|both|all|our|these|those)\s+$", re.I)
MODEL_CODE = re.compile(r"^[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Za-z]{0,3}$")
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?:[a-z]*)\.?$", re.I
)


def range_upper(doc: Doc, first: int, head: int) -> bool:
    """'and 7,000', 'to 7,000', '-7,000' right after a number: its range's upper bound."""
    head = min(head, len(doc))
    if head - first < 2 or doc[first].lower_ not in {"and", "to", "or", "-", "–"}:
        return False
    if not bare_number(doc, first + 1):
        return False
    rest = range(first + 2, head)
    return not any(doc[i].pos_ in {"CCONJ", "PROPN", "VERB"} or doc[i].like_num for i in rest)


def model_number(doc: Doc, i: int) -> bool:
    """A number naming a model after its maker: 'Boeing 777', 'Patriot 3'."""
    prev = doc[i - 1] if i > 0 else None
    return (
        doc[i].like_num
        and prev is not None
        and prev.pos_ == "PROPN"
        and prev.ent_type_ in {"ORG", "PRODUCT", "FAC", "WORK_OF_ART"}
    )


def bare_number(doc: Doc, i: int) -> bool:
    """A number token that is no model code or model number."""
    tok = doc[i]
    return bool(tok.like_num) and not MODEL_CODE.match(tok.text) and not model_number(doc, i)


def date_or_name(doc: Doc, span: Any, number: NumberMatch) -> bool:
    """A year ('in 2014 Russian troops'), a day of a month ('March 3'), a name ('Boeing 737')."""
    digits = doc_text(doc)[number.start : number.end]
    if re.fullmatch(r"(?:18|19|20|21)\d\d", digits):
        return True
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    by_month = any(t is not None and _MONTH.match(t.text) for t in (prev, nxt))
    if digits.isdigit() and int(digits) <= 31 and by_month:
        return True
    return digits[:1].isdigit() and model_number(doc, span.start)


def not_a_figure(
    doc: Doc, number: NumberMatch, first: int, head: Token, unit: str, before: str
) -> bool:
    """The article's own parties, sources of a report, vote tallies, a body's member states."""
    lex = lexicon()
    lemma = head.lemma_.lower()
    after: str = doc_text(doc)[head.idx + len(head.text) : head.idx + len(head.text) + 40]
    small = number.value <= 3
    if (lemma in lex.party_nouns or head.lower_ in lex.party_nouns) and (
        number.value == 2
        or (small and _PARTY_BEFORE.search(before))
        or (unit == "count" and number.value < 10)  # "toured three countries": the parties
    ):
        return True
    if unit == "people" and (lemma in lex.source_nouns or head.lower_ in lex.source_nouns):
        verb = head.head
        if head.dep_.startswith("nsubj") and verb.lemma_.lower() in _SPEECH_VERBS:
            return True
        if _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after):
            return True
    # "27 members" of a bloc are states; "seven members of", "three crew members" are people
    bare = head.i - 1 < first or doc[head.i - 1].pos_ != "NOUN"
    if lemma == "member" and bare and not after.lower().startswith(" of "):
        return True
    # "11 members in favour" of a council are states; "287 lawmakers voting" are people
    voting = bool(_VOTE_AFTER.match(after)) or head.head.lemma_.lower() in {"vote", "abstain"}
    return unit == "people" and voting and lemma == "member"
