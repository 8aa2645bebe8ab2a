"""Phrases that stand for the article's main states without naming them, and datelines.

"The two countries", "both sides", "the two foreign ministers" and "the neighbours" refer to
the article's most mentioned states, the two its title names first (``group_size`` says how
many; ``ActorIndex.with_pair``); a dateline ("LIMA, May 2 (Agency) --") names where a story
was filed, not an actor.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from dyad.events.cues import lemma_of

GROUP_NOUNS = frozenset(
    {"country", "nation", "state", "leader", "side", "neighbor", "neighbour", "power",
     "government", "president", "capital", "ally", "partner", "rival", "military", "army",
     "adversary", "foe", "enemy", "giant"}
)  # fmt: skip
# Nouns that name two sides facing each other, whatever describes them: "the nuclear-armed
# neighbours", "the Andean rivals", "the two longtime adversaries".
PAIR_NOUNS = frozenset(
    {"neighbor", "neighbour", "rival", "adversary", "foe", "enemy", "giant"}
)  # fmt: skip
# Officials who stand for the pair only when counted: "the two foreign ministers", "both
# envoys" (but "the ministers" alone may be any ministers).
COUNTED_NOUNS = frozenset(
    {"minister", "official", "delegation", "diplomat", "envoy", "general", "commander",
     "negotiator", "delegate", "counterpart", "premier", "chancellor", "navy", "force",
     "ambassador", "secretary", "chief", "head"}
)  # fmt: skip
GROUP_NUMBERS = MappingProxyType({"two": 2, "both": 2, "three": 3, "four": 4})
# Adjectives that keep "the two neighbouring countries" a reference to the article's pair.
GROUP_ADJECTIVES = frozenset({"neighboring", "neighbouring"})
# Adjectives of office that keep a counted group one: "the two foreign ministers".
OFFICE_ADJECTIVES = frozenset(
    {"foreign", "defence", "defense", "prime", "top", "senior", "chief", "military", "trade",
     "finance", "interior", "economy", "deputy", "national", "security"}
)  # fmt: skip
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
DATELINE_WINDOW = 12  # tokens from a sentence's start to its dateline dash


def is_group_noun(tok: Any) -> bool:
    return lemma_of(tok) in GROUP_NOUNS or lemma_of(tok) in COUNTED_NOUNS


def group_size(tok: Any) -> int | None:
    """How many of the article's main states a plural noun phrase stands for, or None."""
    lemma = lemma_of(tok)
    if str(tok.tag_) not in ("NNS", "NNPS") or not is_group_noun(tok):
        return None
    dets = {lemma_of(c) for c in tok.children if c.dep_ in ("det", "poss", "predet")}
    counted = lemma in COUNTED_NOUNS
    number = next(
        (
            GROUP_NUMBERS[lemma_of(c)]
            for c in tok.children
            if lemma_of(c) in GROUP_NUMBERS and c.dep_ in ("nummod", "det", "predet")
        ),
        None,
    )
    if counted:
        if number is None or not (dets & {"the", "their", "both"}):
            return None
        mods = {lemma_of(c) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        return number if not mods - OFFICE_ADJECTIVES else None
    if not dets & {"the", "their", "both", "these", "our"}:
        return None
    if any(
        c.dep_ in ("compound", "nmod") and lemma_of(c) not in GROUP_ADJECTIVES for c in tok.children
    ):
        return None  # "the world leaders"
    if number is not None:
        return number
    if any(c.dep_ == "nummod" for c in tok.children):
        return None  # "the 21 leaders"
    if {lemma_of(c) for c in tok.children if c.dep_ == "amod"} - GROUP_ADJECTIVES:
        return 2 if lemma in PAIR_NOUNS else None
    return 2


def neighbour_of_pair(tok: Any) -> bool:
    """ "The neighbouring country", "its neighbour": one state of the article's pair, the one
    its sentence's actor is not."""
    lemma = lemma_of(tok)
    if str(tok.tag_) != "NN":
        return False
    dets = {lemma_of(c) for c in tok.children if c.dep_ in ("det", "poss")}
    mods = {lemma_of(c) for c in tok.children if c.dep_ in ("amod", "compound")}
    if lemma in ("country", "state", "nation") and mods & GROUP_ADJECTIVES:
        return bool(dets & {"the", "its", "their"})
    return lemma in ("neighbor", "neighbour") and bool(dets & {"its", "the"}) and not mods


def in_dateline(tok: Any) -> bool:
    """Whether a token is the place of a dateline: capitals at a sentence's start, then only
    a date, an agency in brackets and a dash ("ROME, June 3 (Agency) --", "KYIV -"); not a
    headline in capitals ("PERU, CHILE AGREE - REPORT")."""
    sent = tok.sent
    doc = tok.doc
    end = min(sent.end, sent.start + DATELINE_WINDOW)
    place = True  # still in the capitals that open the sentence
    letters = 0
    bracket = False
    for i in range(sent.start, end):
        text = str(doc[i].text)
        if text in DATELINE_DASHES:
            return sent.start <= tok.i < i and letters >= 4 and str(doc[tok.i].text).isupper()
        alpha = any(ch.isalpha() for ch in text)
        if place and alpha and text.isupper():
            letters += sum(ch.isalpha() for ch in text)
            continue
        if place and text in ("/", "&"):
            continue
        if place and i <= tok.i:
            return False  # the token is not among the opening capitals
        place = False
        bracket = (bracket or text == "(") and text != ")"
        if alpha and text.isupper() and not bracket:
            return False  # capitals after the place: a headline
        if any(ch.islower() for ch in text) and not (
            str(doc[i].pos_) == "PROPN" or text.rstrip(".").istitle()
        ):
            return False  # a running word: no dateline
    return False
