"""Where a capitalised run is a place, a body or a thing rather than a person: "in X",
"X Port", "X and Tyre", "X Square", "the X frigate", and the role-to-place appositive ("the
ambassador to Chile, Jane Roe,") that marks a person. Used by ``persons``."""

from __future__ import annotations

import re

from dyad.nlp.doctext import per_text
from dyad.nlp.numbers import lexicon as unit_lexicon
from dyad.nlp.person_reader import Reader

__all__ = ["PLACE_NOUNS", "a_place", "role_to_place_before", "thing_after", "thing_before"]

_CUE_WORDS = (
    r"\b(?:in|near|outside|at|(?:villages?|towns?|cit(?:y|ies)|districts?|provinces?|regions?"
    r"|areas?|camps?|ports?|outskirts|suburbs?|vicinity)\s+of)\s+"
)
_PLACE_CUE = _CUE_WORDS + r"(?:the\s+)?"
_CUES_KEY = "dyad.nlp.person_places.cues"
_CUE_AT = re.compile(rf"(?=({_CUE_WORDS}))")  # every start, overlapping or not
_THE = re.compile(r"the\s+")
_WORD = re.compile(r"\w+")
# "Ba Lang Port", "Kien Giang Province": a place noun written as the name's last word or after it
PLACE_NOUNS = frozenset(
    [
        "port",
        "province",
        "district",
        "village",
        "county",
        "prefecture",
        "governorate",
        "oblast",
        "region",
        "island",
        "islands",
        "strait",
        "bay",
        "harbour",
        "harbor",
        "valley",
        "river",
        "camp",
        "crossing",
        "airport",
        "airbase",
        "city",
        "town",
        "township",
        "municipality",
        "canton",
        "commune",
        "neighbourhood",
        "neighborhood",
        "terminal",
        "refinery",
        "residents",
        "reef",
        "reefs",
        "shoal",
        "shoals",
        "atoll",
        "cay",
        "cays",
        "islet",
        "area",
        "sector",
        "zone",
        "checkpoint",
        "heights",
        "hills",
        "mountains",
        "desert",
        "corridor",
    ]
)
_COORDINATED = re.compile(r"^\s+(?:and|or)\s+((?:[A-Z][\w'’-]*\s?){1,3})")
_COORDINATED_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s){1,3})\s*(?:and|or)\s+$")


def a_place(r: Reader, start: int, end: int, *, follow: bool = True) -> bool:
    """The article writes "in X", "near X", "the villages of X" or "X Port" somewhere, or
    joins X to a place ("X and Tyre"): X is a place, whatever the tagger says ("Residents in
    Khan Omar fled"); "in X's view" does not count."""
    if per_text(r.doc, _CUES_KEY, _PlaceCues).cued(r.text[start:end]):
        return True
    after = re.match(r"\s+([A-Z]\w+)", r.text[end : end + 30])
    if after is not None and after.group(1).lower() in PLACE_NOUNS:
        return True
    if not follow:
        return False
    nxt = _COORDINATED.match(r.text[end : end + 60])
    before = _COORDINATED_BEFORE.search(r.text[max(0, start - 60) : start])
    for m, base in ((nxt, end), (before, max(0, start - 60))):
        if m is None:
            continue
        other = m.group(1).strip()
        o_start = base + m.start(1)
        labels = r.labels(o_start, o_start + len(other))
        if r.state(other) is not None or (labels & {"GPE", "LOC"} and "PERSON" not in labels):
            return True
        if a_place(r, o_start, o_start + len(other), follow=False):
            return True
    return False


class _PlaceCues:
    """Where the text writes a place cue ("in", "near", "the villages of", each with or
    without "the"), by the word that follows it, so that whether it writes one before a name
    costs the cues before that word rather than a scan of the whole text; answers kept per
    name. ``cued(name)`` is ``re.search(_PLACE_CUE + name + r"\b(?!['’])", text)``."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.after: dict[str, list[int]] = {}  # a word -> the cue ends it follows
        for m in _CUE_AT.finditer(text):
            ends = [m.end(1)]
            the = _THE.match(text, ends[0])
            if the is not None:
                ends.append(the.end())
            for pos in ends:
                word = _WORD.match(text, pos)
                if word is not None:
                    self.after.setdefault(word.group(), []).append(pos)
        self.known: dict[str, bool] = {}

    def cued(self, name: str) -> bool:
        if name not in self.known:
            self.known[name] = self._cued(name)
        return self.known[name]

    def _cued(self, name: str) -> bool:
        first = _WORD.match(name)
        if first is None:  # not opening with a letter or digit: the plain search (rare)
            return re.search(rf"{_PLACE_CUE}{re.escape(name)}\b(?!['’])", self.text) is not None
        tail = re.compile(rf"{re.escape(name)}\b(?!['’])")
        return any(tail.match(self.text, pos) for pos in self.after.get(first.group(), ()))


def thing_after(r: Reader, after: str) -> bool:
    """The word after a name makes it a place, body or thing ("Roe Square", "Roe frigate")."""
    m = re.match(r" ([A-Za-z]+)\b", after)
    if m is None:
        return False
    word = m.group(1).lower()
    # "the Roe frigate", "Roe vehicles", "Roe missiles": a vessel, a model, a weapon
    thing = unit_lexicon().nouns.get(word) in {"ships", "aircraft", "count"}
    return bool(r.lex.kinds(word) & {"orgword"}) or word in PLACE_NOUNS or thing


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_NAMED_BEFORE = re.compile(
    r"\b([A-Za-z]+(?:\s+games)?)\s*,?\s+(?:code-?named|dubbed|called|named)\s+(?:the\s+)?$"
)


def thing_before(r: Reader, start: int) -> bool:
    """The words before a name make it a ship's or an operation's: "USS Roe", "the destroyer
    Roe", "drills dubbed Roe Shield", "Operation Roe"."""
    before = r.text[max(0, start - 60) : start]
    m = _WORD_BEFORE.search(before)
    if m is not None:
        word = m.group(1)
        if word.isupper() and "vessel" in r.lex.kinds(word):
            return True  # "HMS Roe": a prefix in capitals, not "Ins" or "Mv"
        if word.islower() and unit_lexicon().nouns.get(word) == "ships":
            return True  # "the frigate Roe"
        if word[:1].isupper() and "operation" in r.lex.kinds(word):
            return True  # "Operation Roe", "Exercise Roe Shield"
    named = _NAMED_BEFORE.search(before)
    return named is not None and "operation" in r.lex.kinds(named.group(1))


_ROLE_TO_PLACE = re.compile(
    r"\b([A-Za-z-]+)\s+(?:to|of|in|for)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*,\s*$"
)


def role_to_place_before(r: Reader, start: int) -> bool:
    """ "The U.S. Ambassador to Chile, ": a role and the place or body it serves, then a comma."""
    m = _ROLE_TO_PLACE.search(r.text[max(0, start - 80) : start])
    return m is not None and r.lex.is_role(m.group(1))
