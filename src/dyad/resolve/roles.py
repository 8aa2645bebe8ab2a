"""Officials and bodies named by role: "Russia's foreign minister", "the Japanese prime
minister", "Chinese President Xi Jinping", "a colonel of the Turkish army".

Works on the tokens of a spaCy ``Doc`` (text, ``ent_type_``, ``is_title``; no parse needed),
given the state mentions already found. A role phrase is a state mention, an optional
possessive, then words of the role lexicon ending in a head word ("Foreign Minister",
"army", "officials"), optionally followed by the official's name; or a head word, "of",
optional "the", and a state mention or role phrase. The role lexicon is small and general:
it names kinds of officials and bodies, never particular people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Words that end a role phrase: an official, a body or a force that acts for a state.
HEAD_WORDS = frozenset(
    {"president", "president-elect", "presidency", "premier", "chancellor", "king", "queen",
     "emir", "emperor", "prince", "sultan", "monarch", "leader", "leaders", "leadership",
     "minister", "ministers", "ministry", "ministries", "secretary", "secretary-general",
     "spokesman", "spokeswoman", "spokesperson", "spokespeople", "ambassador", "ambassadors",
     "envoy", "envoys", "diplomat", "diplomats", "official", "officials", "counterpart",
     "counterparts", "government", "governments", "cabinet", "administration", "authorities",
     "regime", "army", "armies", "navy", "military", "militaries", "forces", "troops",
     "soldiers", "guard", "guards", "marines", "warships", "warship", "jets", "aircraft",
     "submarines", "vessels", "delegation", "delegations", "negotiators", "negotiator",
     "side", "embassy", "consulate", "parliament", "lawmakers", "legislators", "legislature",
     "intelligence", "council", "adviser", "advisor", "advisers", "advisors", "aide", "aides",
     "general", "generals", "colonel", "colonels", "admiral", "admirals", "commander",
     "commanders", "officer", "officers", "pilots", "chief", "chiefs", "head", "media",
     "television", "agency", "police", "mission", "command", "deputy", "mp", "mps",
     "senator", "senators", "congress", "state", "chairman", "chairwoman", "director",
     "affairs"}
)  # fmt: skip
# Words allowed inside a role phrase before its head.
ROLE_WORDS = HEAD_WORDS | frozenset(
    {"foreign", "defence", "defense", "prime", "vice", "deputy", "first", "acting", "interim",
     "caretaker", "former", "then", "new", "top", "senior", "chief", "supreme", "crown",
     "state", "national", "security", "armed", "air", "naval", "coast", "border", "special",
     "presidential", "military", "nuclear", "trade", "finance", "economy", "commerce",
     "energy", "interior", "home", "affairs", "of", "general", "staff", "policy", "high",
     "ranking", "high-ranking", "level", "lieutenant", "major", "brigadier", "rear", "vice-",
     "executive", "press", "news", "foreign-policy", "unification", "external", "defense-",
     "royal", "imperial", "revolutionary", "people's", "peoples", "communist", "ruling",
     "party", "politburo", "central", "committee", "assembly", "spy", "army", "navy",
     "permanent", "representative", "secretary", "minister", "ministry", "joint", "public"}
)  # fmt: skip
# Heads that may open "X of [state]" ("a colonel of the Turkish army", "foreign minister of
# Russia"); others need the role words before them to be read that way.
OF_HEADS = HEAD_WORDS - frozenset({"side", "state", "head", "media", "mission", "deputy"})
BASE_KINDS = frozenset(
    {"name", "demonym", "capital", "seat", "institution", "military", "organisation", "role"}
)
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
MAX_ROLE_TOKENS = 6
MAX_NAME_TOKENS = 4
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip


@dataclass(frozen=True)
class Anchor:
    """A mention as tokens: [start, end) token indices, its code and kind (a "person"
    anchor only extends a role phrase over the official's name)."""

    start: int
    end: int
    code: str
    kind: str


@dataclass(frozen=True)
class RolePhrase:
    """A role phrase found: [start, end) token indices and the code it acts for."""

    start: int
    end: int
    code: str


def _word(tok: Any) -> str:
    return str(tok.text).lower().replace("’", "'")


def _role_end(doc: Any, i: int, limit: int) -> int | None:
    """The end of the longest run of role words from token ``i`` that ends in a head."""
    end: int | None = None
    j = i
    while j < limit and j - i < MAX_ROLE_TOKENS:
        word = _word(doc[j])
        if word == "-" and j > i:
            j += 1
            continue
        if word not in ROLE_WORDS:
            break
        if word in HEAD_WORDS and word != "of":
            end = j + 1
        j += 1
    if end is not None and _word(doc[end - 1]) in {"of", "-"}:
        return None
    return end


def _name_end(doc: Any, i: int, limit: int, has_ents: bool) -> int:
    """The end of an official's name right after a role ("... Minister Sergei Lavrov")."""
    j = i
    while j < limit and j - i < MAX_NAME_TOKENS:
        tok = doc[j]
        if has_ents:
            if tok.ent_type_ != "PERSON":
                break
        elif not (tok.is_title or tok.is_upper) or _word(tok) in _CALENDAR:
            break
        if _word(tok) in POSSESSIVES:
            break
        j += 1
        # "Moon Jae-in": a hyphen and the syllable after it belong to the name
        if not has_ents and j + 1 < limit and doc[j].text == "-" and doc[j + 1].is_alpha:
            j += 2
    return j


def find_role_phrases(
    doc: Any, anchors: Sequence[Anchor], start: int = 0, end: int | None = None
) -> list[RolePhrase]:
    """Role phrases over tokens [start, end) of ``doc``, given the state mentions there."""
    limit = len(doc) if end is None else end
    has_ents = bool(doc.has_annotation("ENT_IOB"))
    by_start = {a.start: a for a in anchors if a.kind in BASE_KINDS}
    person_ends = {a.start: a.end for a in anchors if a.kind == "person"}
    ends = {a.end: a for a in by_start.values()}  # built once: the anchors do not change
    found: list[RolePhrase] = []
    for anchor in sorted(by_start.values(), key=lambda a: a.start):
        j = anchor.end
        if j < limit and _word(doc[j]) in POSSESSIVES:
            j += 1
        role_end = _role_end(doc, j, limit)
        if role_end is None:
            continue
        phrase_end = person_ends.get(role_end) or _name_end(doc, role_end, limit, has_ents)
        found.append(RolePhrase(anchor.start, phrase_end, anchor.code))
        found.extend(_coordinated(doc, anchor, ends, phrase_end, start))
    found.extend(_of_phrases(doc, [*by_start.values(), *_as_anchors(found)], start, limit))
    return _dedupe(found)


def _coordinated(
    doc: Any, anchor: Anchor, ends: dict[int, Anchor], end: int, start: int
) -> list[RolePhrase]:
    """Earlier mentions (``ends``: the anchors by their end) joined to ``anchor`` by "and",
    "," or "-" share its role ("U.S. and Chinese officials", "Russian-Chinese talks" is not
    a role)."""
    out: list[RolePhrase] = []
    i = anchor.start
    while i - 1 >= start and _word(doc[i - 1]) in {"and", ",", "&"}:
        prev = ends.get(i - 1)
        if prev is None or prev.kind not in {"name", "demonym"}:
            break
        out.append(RolePhrase(prev.start, end, prev.code))
        i = prev.start
    return out


def _as_anchors(phrases: Sequence[RolePhrase]) -> list[Anchor]:
    return [Anchor(p.start, p.end, p.code, "role") for p in phrases]


def _of_phrases(doc: Any, anchors: Sequence[Anchor], start: int, limit: int) -> list[RolePhrase]:
    """Phrases "[role] of (the) [state or role phrase]": the role acts for that state."""
    out: list[RolePhrase] = []
    by_start: dict[int, Anchor] = {}
    for a in anchors:
        if a.kind in BASE_KINDS and (a.start not in by_start or a.end > by_start[a.start].end):
            by_start[a.start] = a
    for anchor in by_start.values():
        i = anchor.start
        if i - 1 >= start and _word(doc[i - 1]) == "the":
            i -= 1
        if i - 2 < start or _word(doc[i - 1]) != "of":
            continue
        head = i - 2
        if _word(doc[head]) not in OF_HEADS:
            continue
        first = head
        while first - 1 >= start and head - first < MAX_ROLE_TOKENS:
            word = _word(doc[first - 1])
            if (word not in ROLE_WORDS and word != "-") or word == "of":
                break
            first -= 1
        out.append(RolePhrase(first, anchor.end, anchor.code))
    return out


def _dedupe(phrases: Sequence[RolePhrase]) -> list[RolePhrase]:
    seen: dict[tuple[int, int, str], RolePhrase] = {}
    for p in phrases:
        seen.setdefault((p.start, p.end, p.code), p)
    return sorted(seen.values(), key=lambda p: (p.start, -p.end))
