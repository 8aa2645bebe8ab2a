"""What an article says of a person: role, affiliation and state.

- Before the name: "Polish President Anna Kowalska", "U.S. Secretary of State Jane Roe",
  "Peru's ambassador to Chile, Jane Roe," (the place a role is held at is no part of it),
  "presidential foreign policy aide Ivan Sokolov", "China's Wu Mei-ling", and the
  appositive sandwich "Nepal's home minister, Jane Roe, said".
- After it: "Jane Roe, a senior lecturer at Some University", "John Doe, head of the
  X program", "Ivan Sokolov, head of the Border Service of Russia".
- The gazetteer's offices fill what the text leaves open.

A state is set only for officials (a title the lexicon calls ``official`` or ``leader``) or
when a state's possessive stands alone before the name ("China's Wu Mei-ling").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol

from dyad.nlp import names as nm
from dyad.nlp.names import Lexicon, Word
from dyad.nlp.person_reader import OfficeLike
from dyad.resolve.offices import likeliest_office

_APPOSITIVE = re.compile(
    r",\s+(?:(?:the|a|an|his|her)\s+)?((?:[^,.;:()“”\"\n]|\.(?=[^\s,])|\([A-Z][\w&.-]{1,11}\))+)"
)
# "the Union of Coastal States (UCS) commissioner for trade": the role follows the acronym
_ACRONYM_THEN = re.compile(r"^[^()]*\([A-Z][\w&.-]{1,11}\)\s+")
_SPLIT_ROLE = re.compile(r"\s+(?:of|at|with|from|in|for|on|to|during)\s+")
_OFFICIAL = frozenset({"official", "leader"})
_HONORIFIC = frozenset({"honorific", "namepart"})


class RoleReader(Protocol):
    """The look-ups the role rules need (persons' reader gives them)."""

    @property
    def text(self) -> str: ...
    @property
    def doc(self) -> Any: ...
    @property
    def lex(self) -> Lexicon: ...
    def state(self, word: str) -> str | None: ...
    def offices(self, name: str, *, dated: bool = True) -> Sequence[OfficeLike]: ...


def _honorific_only(lex: Lexicon, word: str) -> bool:
    kinds = lex.kinds(word)
    return bool(kinds) and kinds <= _HONORIFIC


def _title_word(lex: Lexicon, word: str) -> bool:
    return lex.is_title(word) or word.lower() in {"of", "in", "to"}


def role_suffix(lex: Lexicon, ws: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split words into (rest, role): the role is the longest run of title words at the end."""
    i = len(ws)
    while i > 0:
        n = next((n for n in (4, 3, 2) if n <= i and lex.is_title(" ".join(ws[i - n : i]))), 1)
        if n == 1 and not _title_word(lex, ws[i - 1]):
            break
        i -= n
    role = list(ws[i:])
    while role and (role[0].lower() in {"of", "in"} or _honorific_only(lex, role[0])):
        role.pop(0)  # "of", "His (foreign minister)"
    if not (any(lex.is_role(w) for w in role) or lex.is_role(" ".join(role))):
        return list(ws), []
    return list(ws[:i]), role


def is_official(lex: Lexicon, role: str | None) -> bool:
    return bool(_role_kinds(lex, role) & _OFFICIAL)


def _role_kinds(lex: Lexicon, role: str | None) -> frozenset[str]:
    """The kinds of a role, as a phrase or by its last word ("deputy foreign minister")."""
    if not role:
        return frozenset()
    return lex.kinds(role) | lex.kinds(role.split()[-1])


# Characters before a mention read for its title words at first: the walk back stops at the
# first word that is no title, so the window is widened only when every word in it was one.
PREFIX_REACH = 60


def _prefix_words(r: RoleReader, start: int, end: int) -> list[Word]:
    """The title-like words right before a mention, left to right (words of its line)."""
    line_start = r.text.rfind("\n", max(0, start - PREFIX_REACH), start) + 1
    reach = PREFIX_REACH
    while line_start == 0 and start - reach > 0:  # no line break in reach: a window of it
        first = r.text.find(" ", start - reach, start)  # from white space: whole words only
        if first < 0:
            reach *= 2
            continue
        out, stopped = _walk_back(r, list(nm.words(r.text, first, start)), start, end)
        if stopped:
            return out
        reach *= 2
        line_start = r.text.rfind("\n", max(0, start - reach), start) + 1
    return _walk_back(r, list(nm.words(r.text, line_start, start)), start, end)[0]


def _walk_back(r: RoleReader, ws: list[Word], start: int, end: int) -> tuple[list[Word], bool]:
    """The title-like words at the end of ``ws``, and whether a word that is none stopped
    the walk (else every word of ``ws`` was taken)."""
    out: list[Word] = []
    right = start
    sandwich_ok = r.text[end : end + 1] == ","
    for w in reversed(ws):
        gap = r.text[w.end : right]
        if w.possessive:
            gap = gap.lstrip("'’s")
        if gap.strip() == "," and not out and sandwich_ok:
            sandwich_ok = False
        elif gap.strip() or (w.closed and not w.possessive):
            return out, True
        if w.possessive and out and not r.state(w.text):
            return out, True
        low = w.text.lower()
        titled = _title_word(r.lex, w.text) and (low not in {"of", "in"} or bool(out))
        phrase = " ".join([low] + [o.text.lower() for o in out[:2]])
        titled = titled or (bool(out) and r.lex.is_title(phrase))  # "cabinet secretary"
        if titled or r.state(w.text) or (w.text[:1].isupper() and low not in nm.FUNCTION_WORDS):
            out.insert(0, w)
            right = w.start
            continue
        return out, True
    return out, False


def _posted_to(r: RoleReader, ws: list[Word]) -> list[Word]:
    """The words without the place a role is held at ("ambassador to Chile", "envoy to the
    United Nations"): the role's holder acts for the state before it, not for that place."""
    for k in range(len(ws) - 2, 0, -1):
        if ws[k].text == "to" and r.lex.is_role(ws[k - 1].text):
            return ws[:k]
    return ws


def _from_prefix(r: RoleReader, start: int, end: int) -> tuple[str | None, str | None, str | None]:
    ws = _posted_to(r, _prefix_words(r, start, end))
    while ws and _honorific_only(r.lex, ws[-1].text):
        ws.pop()  # "Emir Sheikh", "Supreme Leader Ayatollah": the role ends before the honorific
    if not ws:
        return None, None, None
    rest, role = role_suffix(r.lex, [w.text for w in ws])
    states = [r.state(w) for w in rest]
    pairs = [r.state(f"{a} {b}") for a, b in pairwise(rest)]
    state = next((s for s in pairs + states if s), None)
    role_text = " ".join(role).lower() or None
    if len(rest) == 1 and ws[0].possessive and state and not role:
        return None, None, state  # "China's Wu Mei-ling"
    if not is_official(r.lex, role_text):
        state = None
    in_state = {i for i, code in enumerate(states) if code}
    in_state |= {j for i, code in enumerate(pairs) if code for j in (i, i + 1)}
    if any("orgword" in r.lex.kinds(w) for w in rest):  # "Freedonia Border Forces spokesperson"
        in_state = set()
    org_words = [w for i, w in enumerate(rest) if i not in in_state]
    affiliation = " ".join(org_words) if org_words and role_text else None
    return role_text, affiliation, state


@dataclass(frozen=True)
class BodyRole:
    """A role held in a named body: "Secretary of Armenia's Security Council"."""

    role: str  # "secretary"
    body: str  # "Security Council"
    state: str | None  # the state that owns the body, when the text says: "ARM"


_BODY_JOINS = frozenset({"of", "for", "and", "the"})
BODY_REACH = 120  # characters before a name read for "Role of the Body's Name"


def role_of_body(r: RoleReader, start: int) -> BodyRole | None:
    """The role of a body written right before ``start`` (where a name begins): "Secretary of
    Armenia's Security Council", "Spokesperson for the Ministry of Foreign Affairs of Vietnam",
    "Leader of the Opposition". The body's name is capitalised words (joined by "of", "for",
    "and", "the") that end in a body's word ("Council", "Ministry") or in a state after one;
    the state is a possessive before the body or the state its name ends in."""
    ws = list(nm.words(r.text, max(0, start - BODY_REACH), start))
    if not ws or r.text[ws[-1].end : start].strip() or ws[-1].closed:
        return None
    chain = 0  # how many words at the end are one name: capitalised or joining words
    for w in reversed(ws):
        if not (w.text[:1].isupper() or w.text in _BODY_JOINS) or (w.closed and not w.possessive):
            break
        chain += 1
    for i in range(len(ws) - 2, len(ws) - chain, -1):  # the innermost role first
        if ws[i].text not in {"of", "for"} or not r.lex.is_role(ws[i - 1].text):
            continue
        body = ws[i + 1 :]
        while body and body[0].text == "the":
            body = body[1:]
        found = _body_role(r, ws[i - 1].text.lower(), body)
        if found is not None:
            return found
    return None


def _body_role(r: RoleReader, role: str, body: list[Word]) -> BodyRole | None:
    if not body or any(w.text in _BODY_JOINS for w in body[-1:]):
        return None
    owner = next((r.state(w.text) for w in body if w.possessive and r.state(w.text)), None)
    name = body
    if len(body) >= 3 and body[-2].text == "of" and r.state(body[-1].text):
        owner, name = owner or r.state(body[-1].text), body[:-2]  # "Central Bank of Nigeria"
    if not name or "orgword" not in r.lex.kinds(name[-1].text):
        return None
    words = [w.text for w in name if not (w.possessive and r.state(w.text))]
    return BodyRole(role, " ".join(words), owner)


def _org_in(r: RoleReader, start: int, end: int) -> str | None:
    span = r.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    orgs = [e for e in span.ents if e.label_ in {"ORG", "FAC"}]
    orgs.sort(key=lambda e: "orgword" not in r.lex.kinds(e[-1].text))
    if not orgs:
        return None
    words = [w.text for w in nm.words(r.text, orgs[0].start_char, orgs[0].end_char)]
    while words and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words) or None


def appositive_role(lex: Lexicon, text: str, end: int) -> tuple[str, re.Match[str]] | None:
    """The role an appositive after ``end`` gives (", a senior lecturer at ..."), if any."""
    m = _APPOSITIVE.match(text, end)
    if not m:
        return None
    role = _role_head(lex, m.group(1))
    after = _ACRONYM_THEN.match(m.group(1))
    if role is None and after is not None:
        role = _role_head(lex, m.group(1)[after.end() :])
    return (role, m) if role else None


def _role_head(lex: Lexicon, phrase: str) -> str | None:
    """The role an appositive phrase opens with ("senior lecturer" of "senior lecturer at X")."""
    head = _SPLIT_ROLE.split(phrase, maxsplit=1)[0].split()[:7]
    while head and not lex.is_role(head[-1]):  # "a defence analyst based in ..."
        if nm.is_core_word(head.pop()):
            return None  # "X, Defense Minister Jane Roe": a list of names, not an appositive
    _, role = role_suffix(lex, head)
    return " ".join(role).lower() if role else None


def _from_appositive(r: RoleReader, end: int) -> tuple[str | None, str | None, str | None]:
    found = appositive_role(r.lex, r.text, end)
    if found is None:
        return None, None, None
    role_text, m = found
    affiliation = _org_in(r, m.start(1), m.end(1))
    state = None
    if is_official(r.lex, role_text):
        for w in nm.words(r.text, m.start(1), m.end(1)):
            state = state or r.state(w.text)
    return role_text, affiliation, state


def roles_of(
    r: RoleReader, name: str, spans: list[tuple[int, int]]
) -> tuple[str | None, str | None, str | None]:
    """(role, affiliation, state) of the person ``name`` mentioned in full at ``spans``."""
    role = affiliation = state = None
    for start, end in spans:
        for found in (_from_prefix(r, start, end), _from_appositive(r, end)):
            role = role or found[0]
            affiliation = affiliation or found[1]
            state = state or found[2]
    offices = r.offices(name)
    if offices:
        office = _likeliest(r, offices)
        role = role or office.role
        if state is None and (is_official(r.lex, role) or role == office.role):
            state = office.state
    held = None if role else next(filter(None, (role_of_body(r, s) for s, _ in spans)), None)
    if held is not None:  # "Secretary of Armenia's Security Council Jane Roe"
        role, affiliation = held.role, affiliation or held.body
        state = state or (held.state if is_official(r.lex, held.role) else None)
    return role, affiliation, state


def _likeliest(r: RoleReader, offices: Sequence[OfficeLike]) -> OfficeLike:
    """The office a name stands for when namesakes hold offices of different states on the
    day: the gazetteer's ranking, with how often the article names each state."""
    if len({o.state for o in offices}) < 2:
        return offices[-1]
    return likeliest_office(offices, _states_named(r))


def _states_named(r: RoleReader) -> dict[str, int]:
    """How often the article names each state (its place and people entities)."""
    counts: dict[str, int] = {}
    for ent in r.doc.ents:
        if ent.label_ in {"GPE", "NORP"}:
            code = r.state(ent.text)
            if code:
                counts[code] = counts.get(code, 0) + 1
    return counts
