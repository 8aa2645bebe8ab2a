"""Publication-date evidence from the offices people are said to hold.

"President X" means the article was written during one of X's presidential terms; "new
Defense Minister Y" (or "since taking office") shortly after Y took office; "outgoing President
W" in W's term's last months; "Z (the former interior minister)" after Z left it; "her second
term as prime minister this month" in the month the second term began; "she became prime
minister in May this year" in that year ("in May" alone: most likely that year); "is expected
to secure a third term" before that term began. Terms come from a gazetteer that answers
``offices_of(name)`` (``dyad.resolve.gazetteer.Gazetteer``, or any object shaped like
:class:`OfficeSource`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Final, Protocol, runtime_checkable

from dyad.dating.patterns import (
    MAX_DATE,
    MIN_DATE,
    MONTH_RE,
    add_months,
    is_future_at,
    month_end,
    month_number,
    sentence_bounds,
    shift_days,
)
from dyad.dating.records import Evidence
from dyad.models import Person


class OfficeRecord(Protocol):
    """What this module reads from a gazetteer's ``Office``."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def valid_from(self) -> date | None: ...
    @property
    def valid_to(self) -> date | None: ...
    @property
    def term(self) -> int | None: ...


@runtime_checkable
class OfficeSource(Protocol):
    """A gazetteer of date-ranged offices."""

    def offices_of(self, name: str, on: date | None = None) -> Sequence[OfficeRecord]: ...


_PORTFOLIO = (
    r"(?:Foreign|Defen[cs]e|Finance|Economy|Economic|Trade|Interior|Home|Justice|Energy|"
    r"Industry|Unification|Water|Irrigation|Health|Education|Agriculture|Oil|Petroleum|Commerce|"
    r"Transport|Security|Intelligence|Information|Labou?r|Environment|Culture)"
)
_TITLE = (
    rf"(?:(?:Vice|Deputy|First Deputy|Acting)[- ])?(?:President|Prime Minister|Premier|"
    rf"Chancellor|{_PORTFOLIO}(?: Affairs)? (?:Minister|Secretary)|Minister (?:of|for) (?:the )?"
    rf"{_PORTFOLIO}(?: Affairs| Resources)?|Secretary of State|Secretary of Defen[cs]e|"
    rf"Secretary[- ]General|General Secretary|King|Queen|Emperor|Crown Prince|Emir|Sultan|"
    rf"Supreme Leader|Chief Executive|National Security Adviser)"
)
_NAME = (
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:al|el|bin|ibn|de|da|di|du|van|von|der|la|le)[- ])?"
    r"[A-Z][\w'’-]*\.?){0,3}"
)
_TITLED: Final = re.compile(rf"\b(?P<title>{_TITLE})\s+(?P<name>{_NAME})")
_MODIFIER: Final = re.compile(
    r"\b(?P<mod>new|newly[- ]\w+|incoming|former|ex|ousted|deposed|toppled|then|late|outgoing)"
    r"(?:-|\s+)"
    r"(?:(?:[A-Z][\w.’'-]*|the)\s+){0,3}$",
    re.IGNORECASE,
)
# "after removing President X from power", "since toppling King Y", "ousted Premier Z from
# office": the holder was put out before the writing (not "calls to remove President X")
_PUT_OUT: Final = re.compile(
    r"(?i)\b(?:(?:after|since|following|by)\s+(?:\w+ly\s+)?(?P<ing>removing|ousting|toppling|"
    r"deposing|overthrowing|unseating)|(?<!to )(?P<past>removed|overthrew|overthrown|unseated))"
    r"\s+(?:(?:[A-Z][\w.’'-]*|the)\s+){0,3}$"
)
_FROM_POWER: Final = re.compile(
    r"^\s*(?:from|of)\s+(?:power|office|the presidency|his post|her post)\b"
)
_APPOSITION: Final = re.compile(
    rf"(?P<name>{_NAME})\s*(?:\(\s*(?:the\s+|a\s+)?|,\s*(?:the|a)\s+)"
    rf"(?P<mod>former|new|newly[- ]appointed|incoming)\s+(?:[A-Z][\w.’'-]*\s+)?"
    rf"(?P<title>(?i:{_TITLE}))\b(?!\s+[A-Z][a-z])"
)
_ORDINALS: Final = tuple(
    re.findall(r"\w+", "first second third fourth fifth sixth seventh eighth ninth tenth")
)
_TERM: Final = re.compile(
    r"\b(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?P<ord>(?:first|second|third|fourth|"
    r"fifth|sixth|seventh|eighth|ninth|tenth)|\d{1,2}(?:st|nd|rd|th))\s+(?:(?:consecutive|"
    r"straight|successive|presidential|\w+-year)\s+)?term\b(?:\s+(?:as|in)\s+(?P<role>[a-z]"
    r"[a-z ]{1,40}?)(?=[\s,.;]|$))?"
)
_BECAME: Final = re.compile(
    r"\b(?P<verb>became|was elected|was re-elected|took office|was sworn in|was inaugurated|"
    r"assumed office|came to power|took power)\b(?:\s+(?:as\s+)?(?:the\s+)?"
    r"(?!(?:in|on|at|last|this|since|after|before|from)\b)"  # "took office in May": no role
    r"(?P<role>[a-z][a-z -]{1,40}?)(?=[\s,.;]|$))?"
)
# "his first trip abroad since his March re-election", "since taking office": shortly after the
# term it began
_SINCE_ELECTION: Final = re.compile(
    rf"\bsince\s+(?:(?:his|her)\s+(?:(?P<mon>{MONTH_RE})\s+)?|(?:he|she)\s+)?(?P<what>re-?election|"
    r"election|inauguration|swearing-in|(?:taking|took|assuming|assumed) (?:office|power))\b"
)
_ELECTION_LEAD: Final = 120  # days from an election to the start of the term it gives, at most
_WHEN: Final = re.compile(
    rf"\b(?:(?:earlier\s+)?this (?P<this>month|year)|last (?P<last>month|year)|"
    rf"in (?P<mon>{MONTH_RE})(?:\s+(?P<rel>this|last) year)?)\b"
)
_RECENT: Final = re.compile(r"\b(?:since|new|newly|recent(?:ly)?|just)\b[^.;]{0,40}$")
_CLAUSE_END: Final = re.compile(r"[,;.(]|\bwhile\b|\bbut\b")
# Words of titles and portfolios: a title's leading words are dropped ("Russian President")
# only until one of these ("Defense Minister" keeps "Defense").
_ROLE_WORDS: Final = frozenset(
    [
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "general",
        "king",
        "queen",
        "emperor",
        "crown",
        "prince",
        "emir",
        "sultan",
        "supreme",
        "leader",
        "chief",
        "executive",
        "adviser",
        "state",
        "foreign",
        "defense",
        "finance",
        "economy",
        "economic",
        "trade",
        "interior",
        "home",
        "justice",
        "energy",
        "industry",
        "unification",
        "water",
        "irrigation",
        "health",
        "education",
        "agriculture",
        "oil",
        "petroleum",
        "commerce",
        "transport",
        "security",
        "intelligence",
        "information",
        "labor",
        "labour",
        "environment",
        "culture",
        "affairs",
        "vice",
        "deputy",
        "first",
        "acting",
    ]
)
_GENERIC_ROLES: Final = frozenset({"power", "office", "leader", "charge", "government"})
_WORDS: Final = re.compile(r"[a-z]+")
_FULL_NAME: Final = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|da|van|von)[- ])?[A-Z][\w'’-]+){1,3}"
)


@dataclass(frozen=True)
class _Mention:
    name: str
    title: str
    modifier: str
    weight: float = 2.0  # a title read in the text; a role from ``persons`` weighs less


def _clean_name(name: str) -> str:
    name = re.sub(r"['’]s?$", "", name.strip().rstrip(",")).strip()
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]
    return name


def _normal_role(role: str) -> frozenset[str]:
    role = role.lower().replace("defence", "defense").replace("-", " ")
    role = role.replace("premier", "prime minister").replace("foreign affairs", "foreign")
    role = re.sub(r"minister (?:of|for) (?:the )?(\w+)", r"\1 minister", role)
    return frozenset(_WORDS.findall(role)) - {"of", "the", "for", "and", "affairs"}


def role_matches(title: str, role: str) -> bool:
    """Whether a title read in text ("Defense Minister", "Russian President") names a role.

    Leading words may be dropped ("U.S. Secretary of State" -> "Secretary of State"), and so
    may a trailing "of <place>" ("president of Egypt"); rank words (vice, deputy, first,
    acting) must agree.
    """
    held = _normal_role(role)
    rank = {"vice", "deputy", "first", "acting"}
    words = title.split()
    candidates = [title]
    for i, word in enumerate(words[:-1]):
        if _normal_role(word) & _ROLE_WORDS:
            break  # "Defense" in "Defense Minister" is part of the role, not a nationality
        candidates.append(" ".join(words[i + 1 :]))
    if " of " in title:
        candidates.append(title.split(" of ")[0])
    if (_normal_role(title) & rank) != (held & rank):
        return False
    return any(_normal_role(c) and _normal_role(c) <= held for c in candidates)


def _mentions(text: str, persons: Sequence[Person]) -> Iterator[_Mention]:
    for match in _TITLED.finditer(text):
        before = _MODIFIER.search(text[max(0, match.start() - 40) : match.start()])
        modifier = before["mod"].lower() if before else ""
        out = _PUT_OUT.search(text[max(0, match.start() - 50) : match.start()])
        if out and (out["ing"] or _FROM_POWER.match(text[match.end() : match.end() + 30])):
            modifier = "ousted"
        yield _Mention(_clean_name(match["name"]), match["title"], modifier)
    for match in _APPOSITION.finditer(text):
        yield _Mention(_clean_name(match["name"]), match["title"], match["mod"].lower())
    for person in persons:
        if person.role:
            words = person.role.split()
            modifier = words[0].lower() if words[0].lower() in ("former", "new") else ""
            yield _Mention(person.name, person.role, modifier, weight=1.0)


class _Lookup:
    """Names resolved to offices through the gazetteer, the article's full names as a fallback."""

    def __init__(self, gazetteer: OfficeSource, full_names: Sequence[str]) -> None:
        self._gazetteer = gazetteer
        self._full = [n for n in full_names if len(n.split()) >= 2]
        self._seen: dict[str, tuple[str, list[OfficeRecord]]] = {}

    def __call__(self, name: str) -> tuple[str, list[OfficeRecord]]:
        if name not in self._seen:
            self._seen[name] = self._find(name)
        return self._seen[name]

    def _find(self, name: str) -> tuple[str, list[OfficeRecord]]:
        tokens = name.split()
        candidates = [name]
        candidates += [f for f in self._full if f != name and set(tokens) <= set(f.split())]
        candidates += [" ".join(tokens[i:]) for i in range(1, len(tokens) - 1)]
        for candidate in candidates:
            offices = [o for o in self._gazetteer.offices_of(candidate) if o.valid_from]
            if offices:
                return candidate, offices
        return name, []


def _span(office: OfficeRecord) -> tuple[date, date]:
    return office.valid_from or MIN_DATE, office.valid_to or MAX_DATE


def _union(offices: Sequence[OfficeRecord]) -> list[tuple[date, date]]:
    merged: list[tuple[date, date]] = []
    for lo, hi in sorted(_span(o) for o in offices):
        if merged and lo <= shift_days(merged[-1][1], 1):
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _title_evidence(mention: _Mention, name: str, matching: list[OfficeRecord]) -> list[Evidence]:
    """Evidence from a title the text gives a person, ``matching`` being the offices it names."""
    label = f"{mention.title} {name}"
    spans = _union(matching)
    if mention.modifier == "outgoing":  # in the last months of a term that has ended
        ends = [hi for _, hi in spans[-1:] if hi < MAX_DATE]
        return [Evidence(shift_days(hi, -180), hi, 1.5, f"outgoing {label}") for hi in ends]
    if mention.modifier in ("then", "late"):
        return []
    if mention.modifier in ("former", "ex", "ousted", "deposed", "toppled"):
        gaps = [(shift_days(a[1], 1), shift_days(b[0], -1)) for a, b in pairwise(spans)]
        gaps.append((shift_days(spans[-1][1], 1), MAX_DATE))
        return [
            Evidence(lo, hi, 1.5, f"former {label}")
            for lo, hi in gaps
            if lo <= hi and lo < MAX_DATE
        ]
    if mention.modifier == "incoming":
        return [Evidence(shift_days(lo, -90), lo, 1.5, f"incoming {label}") for lo, _ in spans]
    found = [Evidence(lo, hi, mention.weight, f"{label} in office") for lo, hi in spans]
    if mention.modifier.startswith("new"):
        for office in matching:
            if office.valid_from:
                start = office.valid_from
                for days, weight in ((7, 1.5), (30, 1.5), (90, 1.0)):
                    found.append(
                        Evidence(
                            start, shift_days(start, days), weight, f"new {label} since {start}"
                        )
                    )
    return found


def _pins(start: date, when: re.Match[str] | None, recent: bool, label: str) -> list[Evidence]:
    """Evidence tying the publication date to the day an office began."""
    if when is None:
        found = [Evidence(start, MAX_DATE, 1.0, f"after {label} ({start})")]
        if recent:
            for days in (30, 90):
                found.append(Evidence(start, shift_days(start, days), 0.5, f"soon after {label}"))
        return found
    if when["mon"] and month_number(when["mon"]) != start.month:
        return []
    if when["this"] == "month":
        return [
            Evidence(
                start.replace(day=1), month_end(start.year, start.month), 3.0, f"{label} this month"
            )
        ]
    if when["last"] == "month":
        nxt = add_months(start.replace(day=1), 1)
        return [Evidence(nxt, month_end(nxt.year, nxt.month), 3.0, f"{label} last month")]
    if when["this"] == "year" or when["rel"] == "this":
        return [Evidence(start, date(start.year, 12, 31), 3.0, f"{label} this year")]
    if when["last"] == "year" or when["rel"] == "last":
        year = start.year + 1
        return [Evidence(date(year, 1, 1), date(year, 12, 31), 3.0, f"{label} last year")]
    # "in May" without a year: in the twelve months after, most likely in the same year
    return [
        Evidence(start, start + timedelta(days=365), 2.0, f"{label} in {when['mon']}"),
        Evidence(start, date(start.year, 12, 31), 1.0, f"{label} in {when['mon']} this year"),
    ]


def _subject_before(text: str, position: int, names: Sequence[str]) -> str | None:
    """The known person named last before ``position`` in its sentence (or the one before)."""
    start, _ = sentence_bounds(text, position, position)
    start, _ = sentence_bounds(text, max(0, start - 2), max(0, start - 2)) if start else (0, 0)
    best: tuple[int, str] | None = None
    for name in names:
        for token in {name, *[t for t in name.split() if len(t) > 2]}:
            for match in re.finditer(rf"\b{re.escape(token)}\b", text[start:position]):
                if best is None or match.start() > best[0]:
                    best = (match.start(), name)
    return best[1] if best else None


def _clause_after(text: str, end: int) -> str:
    rest = text[end : end + 90]
    cut = _CLAUSE_END.search(rest)
    return rest[: cut.start()] if cut else rest


def _term_number(token: str) -> int:
    token = token.lower()
    return _ORDINALS.index(token) + 1 if token in _ORDINALS else int(re.sub(r"\D", "", token))


def _term_evidence(text: str, lookup: _Lookup, names: Sequence[str]) -> list[Evidence]:
    found: list[Evidence] = []
    for match in _TERM.finditer(text):
        who = _subject_before(text, match.start(), names)
        if who is None:
            continue
        name, offices = lookup(who)
        role = (match["role"] or "").strip()
        if role and role not in _GENERIC_ROLES:
            offices = [o for o in offices if role_matches(role, o.role)]
        number = _term_number(match["ord"])
        chosen = [o for o in offices if o.term == number]
        if (
            not chosen
            and offices
            and all(o.term is None for o in offices)
            and number <= len(offices)
        ):
            chosen = [sorted(offices, key=_span)[number - 1]]
        label = f"{name}'s term {number}"
        for office in chosen:
            if office.valid_from is None:
                continue
            start = office.valid_from
            if is_future_at(text, match.start(), match.end()):
                found.append(
                    Evidence(shift_days(start, -365), shift_days(start, -1), 2.0, f"before {label}")
                )
                continue
            when = _WHEN.search(_clause_after(text, match.end()))
            recent = bool(_RECENT.search(text[max(0, match.start() - 60) : match.start()]))
            if when is None:
                found.append(Evidence(*_span(office), 2.0, f"during {label}"))
            found.extend(_pins(start, when, recent, label))
    return found


def _became_evidence(text: str, lookup: _Lookup, names: Sequence[str]) -> list[Evidence]:
    found: list[Evidence] = []
    for match in _BECAME.finditer(text):
        when = _WHEN.search(_clause_after(text, match.end()))
        who = _subject_before(text, match.start(), names)
        if when is None or who is None:
            continue
        name, offices = lookup(who)
        role = (match["role"] or "").strip()
        if role and role not in _GENERIC_ROLES:
            offices = [o for o in offices if role_matches(role, o.role)]
        offices = [o for o in offices if o.valid_from]
        if match["verb"] in ("became", "was elected", "took office", "came to power", "took power"):
            offices = sorted(offices, key=_span)[:1]
        for office in offices:
            assert office.valid_from is not None
            found.extend(
                _pins(office.valid_from, when, False, f"{name} {match['verb']} {role}".strip())
            )
    return found


def _election_evidence(text: str, lookup: _Lookup, names: Sequence[str]) -> list[Evidence]:
    """ "since his March re-election": after (and likely soon after) the term it began."""
    found: list[Evidence] = []
    for match in _SINCE_ELECTION.finditer(text):
        who = _subject_before(text, match.start(), names)
        if who is None:
            continue
        name, offices = lookup(who)
        terms = sorted((o for o in offices if o.valid_from), key=_span)
        if match["what"].startswith("re"):
            terms = terms[1:]  # a re-election begins no first term
        if match["mon"]:
            month = month_number(match["mon"])
            terms = [o for o in terms if o.valid_from and _began_after(o.valid_from, month, match)]
        for office in terms:
            assert office.valid_from is not None
            label = f"{name} since {match['what']} ({office.valid_from})"
            found.extend(_pins(office.valid_from, None, True, label))
    return found


def _began_after(start: date, month: int, match: re.Match[str]) -> bool:
    """Whether a term starting on ``start`` follows an election (or begins with an
    inauguration) in ``month``."""
    if match["what"] in ("inauguration", "swearing-in"):
        return start.month == month
    for year in (start.year, start.year - 1):
        if 0 <= (start - date(year, month, 1)).days <= _ELECTION_LEAD:
            return True
    return False


def office_evidence(
    text: str, gazetteer: OfficeSource, persons: Sequence[Person] = ()
) -> list[Evidence]:
    """Evidence about the publication date from the offices the text says people hold."""
    mentions = list(_mentions(text, persons))
    names = [p.name for p in persons] + [m.name for m in mentions]
    for match in (*_TERM.finditer(text), *_BECAME.finditer(text), *_SINCE_ELECTION.finditer(text)):
        start, _ = sentence_bounds(text, match.start(), match.end())
        names += [_clean_name(n) for n in _FULL_NAME.findall(text[start : match.start()])]
    names = list(dict.fromkeys(names))
    lookup = _Lookup(gazetteer, names)
    found: list[Evidence] = []
    seen: set[tuple[str, frozenset[tuple[date, date]], str]] = set()
    for mention in mentions:
        name, offices = lookup(mention.name)
        matching = [o for o in offices if role_matches(mention.title, o.role)]
        key = (name, frozenset(_span(o) for o in matching), mention.modifier)
        if matching and key not in seen:
            seen.add(key)
            found.extend(_title_evidence(mention, name, matching))
    full = [n for n in names if lookup(n)[1]]
    found.extend(_term_evidence(text, lookup, full))
    found.extend(_became_evidence(text, lookup, full))
    found.extend(_election_evidence(text, lookup, full))
    return found
