"""When a coded event happened: the time expression of its clause, else a default.

Each time expression of a sentence ("on Thursday", "in May", "last year", "Jan. 31", "seven
months later") is attached to the nearest verb or event cue above it in the parse; a cue takes
the expression attached to it, else one attached to a verb it depends on, else the date of an
event it is tied to ("deals signed during X's visit in May"). Without any, the publication
date is the date of what happens now (present tense in the lead, the simple past, a plan): a
simple past without a date tells the news of the day, since background comes with its date;
undated background (present perfect after the opening, later present tense, bare nouns)
gets the publication year, the past perfect (what led up to the news) its month. Something
done that is reported without a date of its own ("X agreed ..., Y said Wednesday") is dated
by the verb that reports it. The dates an event takes from another it is tied to are in
``datelinks``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from dyad.events.cues import Lexicon, lemma_of, load_lexicon
from dyad.events.origins import noun_year as noun_year
from dyad.events.origins import signed_in_past as signed_in_past
from dyad.models import PRECISION_LEN, DateRef

# Expressions counted from another event, not from the publication date.
REFERENCE_WORDS = re.compile(
    r"\b(later|afterwards?|after that|subsequently|that same|the same)\b",
    re.I,
)
# "six days after", "two weeks before": the expression ends in its direction, dating its verb.
COUNTED_UNIT = re.compile(r"^(?:days?|weeks?|fortnights?|months?|years?|hours?|nights?|evenings?)$")
EARLIER_WORDS = re.compile(r"\b(earlier|before)\b", re.I)
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
NOW_WORDS = frozenset({"today", "now", "currently", "tonight", "this morning"})
# Marks of adverbial clauses that happen at the time of the clause above them.
SAME_TIME_MARKS = frozenset({"when", "as", "while", "once"})
# Opening phrases whose date is not that of the main clause ("Since May, ...").
FRONT_BLOCKERS = frozenset({"since", "until", "till", "unlike", "before", "by"})
# Nouns of answering: "in response to", "in retaliation for".
REACTION_NOUNS = frozenset({"response", "retaliation", "reaction", "reply", "answer", "revenge"})


class TimeExpressionLike(Protocol):
    """A time expression as ``dating.relative.find_time_expressions`` returns it."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def date(self) -> DateRef | None: ...


class TimeResolver(Protocol):
    """``dating.relative.resolve_expression``."""

    def __call__(
        self,
        text: str,
        anchor: DateRef | None,
        *,
        future: bool = False,
        reference: DateRef | None = None,
    ) -> DateRef | None: ...


@dataclass(frozen=True)
class Anchored:
    """A time expression of a sentence, its head token and the token it dates."""

    expr: TimeExpressionLike
    head: int
    anchor: int
    blocked: bool  # "since May", "until 2020": dates no event of its clause
    tokens: range = range(0)  # the token indices of the expression


@dataclass(frozen=True)
class Dated:
    """A date chosen for a cue, and whether a time expression gave it."""

    date: DateRef | None
    explicit: bool
    relative: bool = False  # counted from the previous event ("seven months later")


def year_of(ref: DateRef) -> DateRef:
    return DateRef(ref.date[:4], "year", ref.evidence)


def month_of(ref: DateRef) -> DateRef:
    if ref.precision == "year":
        return ref
    return DateRef(ref.date[:7], "month", ref.evidence)


def is_after(a: DateRef, b: DateRef) -> bool:
    """Whether ``a`` is later than ``b`` at the coarser of their precisions."""
    n = min(PRECISION_LEN[a.precision], PRECISION_LEN[b.precision])
    return a.date[:n] > b.date[:n]


def compatible(vague: DateRef, precise: DateRef) -> bool:
    """Whether ``precise`` lies within ``vague`` (same year, or same month)."""
    n = PRECISION_LEN[vague.precision]
    return PRECISION_LEN[precise.precision] >= n and precise.date[:n] == vague.date[:n]


def anchor_expressions(
    sent: Any, exprs: Sequence[TimeExpressionLike], cues: Collection[int], lex: Lexicon
) -> list[Anchored]:
    """Attach each time expression inside ``sent`` to the verb or cue it dates."""
    out: list[Anchored] = []
    blockers = lex.status_words("since", "ADP")
    for e in exprs:
        toks = [t for t in sent if t.idx >= e.start and t.idx < e.end]
        if not toks:
            continue
        inside = {t.i for t in toks}
        head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
        words = str(e.text).lower().split()
        nxt = toks[-1].i + 1
        counted = (
            len(words) >= 2
            and COUNTED_UNIT.match(words[-2]) is not None
            and (
                nxt >= sent.end
                or str(sent.doc[nxt].pos_) == "PUNCT"
                or _counts_from_a_thing(toks[-1])
            )
        )  # "N days after." and "N years after the annexation" date their verb; "N days
        # after X signed" dates X's signing
        blocked = not words or words[0] in blockers or (words[-1] in blockers and not counted)
        if head.dep_ in ("poss", "compound", "nmod", "amod") and head.head.i not in cues:
            blocked = blocked or str(head.head.pos_) in ("NOUN", "PROPN")  # "last week's quake"
        cur = head
        if cur.head.i != cur.i:
            cur = cur.head
        # "since independence in 1947": a preposition of this kind above dates no event
        for anc in (cur, *cur.ancestors):
            if str(anc.pos_) in ("VERB", "AUX") or anc.i in cues:
                break
            if anc.dep_ == "prep" and lemma_of(anc) in blockers:
                blocked = not _perfect_since(anc)
        if words and words[0] == "since" and _perfect_since(head):
            blocked = False
        while cur.i not in cues and str(cur.pos_) not in ("VERB", "AUX") and cur.head.i != cur.i:
            cur = cur.head
        if cur.i not in cues and cur.dep_ == "relcl" and str(cur.tag_) in PRESENT_TAGS:
            # "switched off a line that carries power on Tuesday": no habit has a day
            up = cur.head
            while str(up.pos_) not in ("VERB", "AUX") and up.head.i != up.i:
                up = up.head
            if str(up.pos_) == "VERB" and str(up.tag_) == "VBD":
                cur = up
        out.append(Anchored(e, head.i, cur.i, blocked, range(toks[0].i, toks[-1].i + 1)))
    return out


def _counts_from_a_thing(word: Any) -> bool:
    """Whether "after"/"before" ending a count takes a noun, not a clause: "five years after
    the annexation" dates the verb it hangs on (not "a day after X signed")."""
    objects = [c for c in word.children if c.dep_ == "pobj"]
    return bool(objects) and all(str(o.pos_) == "NOUN" for o in objects)


def _perfect_since(prep: Any) -> bool:
    """ "X has massed troops since May", "the border, closed since 1994": a state begun then,
    dated by its start (not "the first talks since 2019")."""
    if lemma_of(prep) != "since" or prep.dep_ != "prep":
        return False
    verb = prep.head
    if str(verb.pos_) not in ("VERB", "AUX"):
        return False
    auxes = {lemma_of(c) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return "have" in auxes or (str(verb.tag_) == "VBN" and verb.dep_ in ("acl", "amod"))


def _closest(tok: Any, found: list[Anchored]) -> Anchored | None:
    dated = [a for a in found if not a.blocked]
    if not dated:
        return None
    return min(dated, key=lambda a: (a.expr.date is None, abs(a.head - tok.i)))


def in_reaction_to(tok: Any) -> bool:
    """Whether an event noun is what its clause answers: "expelled X's envoy in response to
    Y's expulsion of ...", "in retaliation for Y's strikes": it came before, not on the day
    of the answer."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return lemma_of(prep) in ("to", "for") and lemma_of(prep.head) in REACTION_NOUNS


def own_expression(
    tok: Any, anchored: Sequence[Anchored], climb_ccomp: bool, *, planned: bool = False
) -> Anchored | None:
    """The time expression that dates a cue: its own, else that of a verb it depends on
    (not for what the verb answers: ``in_reaction_to``)."""
    doc = tok.doc
    every = anchored
    # "five years after the annexation" counts from the annexation: it dates not the annexation
    anchored = [a for a in anchored if tok.head.i not in a.tokens or tok.i in a.tokens]
    found = [a for a in anchored if a.anchor == tok.i or _complement_of(doc[a.anchor], tok)]
    best = _closest(tok, found)
    if best is None and in_reaction_to(tok):
        return None
    cur = tok
    while best is None and cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            if any(lemma_of(c) == "when" for c in cur.children):
                # "until May 2029, when X expelled Y": the clause describes the date, whatever
                # that date does for the clause it hangs on
                when = [replace(a, blocked=False) for a in every if cur.head.i in a.tokens]
                return _closest(tok, when)
            # "in 2021, when X held talks": the clause describes the date itself
            return _closest(tok, [a for a in anchored if cur.head.i in a.tokens])
        if cur.dep_ in ("ccomp", "parataxis") and not climb_ccomp:
            if not planned:
                best = _reported_on(tok, cur, anchored)
            break
        if (
            cur.dep_ == "advcl"
            and {lemma_of(c) for c in cur.children if c.dep_ == "mark"} - SAME_TIME_MARKS
        ):
            break  # "gathered on May 2 after X attacked": the attack is not dated May 2
        cur = cur.head
        best = _closest(tok, [a for a in anchored if a.anchor == cur.i])
    return best if best is not None else _fronted(tok, anchored, planned=planned)


def _reports_done(verb: Any) -> bool:
    """Whether a reported clause tells of something done: "X agreed", "X has agreed" (not
    "X had agreed", which was before the telling, nor "X agrees", a habit or a plan)."""
    if str(verb.pos_) not in ("VERB", "AUX"):
        return False
    tags = {str(c.tag_) for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if str(verb.tag_) == "VBD":
        return not tags
    if str(verb.tag_) == "VBN":
        return bool(tags) and tags <= {"VBZ", "VBP", "VBN"} and not tags & {"VBD"}
    if str(verb.tag_) == "VBG":
        # "X said on Monday it was sending aid": under way at the telling
        return bool(tags) and tags <= {"VBD", "VBZ", "VBP"}
    return False


def _reported_on(tok: Any, clause: Any, anchored: Sequence[Anchored]) -> Anchored | None:
    """ "X and Y agreed to ..., Z said after a summit Wednesday": something done, told without
    a date of its own, is dated by the verb that reports it (the news of the day it was told)."""
    speech = load_lexicon().speech
    if not _reports_done(clause):
        return None
    if lemma_of(clause.head) in speech:
        teller = clause.head  # "X agreed, Z said Wednesday" with "said" above
    else:
        teller = next(
            (c for c in clause.children if c.dep_ == "parataxis" and lemma_of(c) in speech),
            None,
        )  # "X agreed, Z said Wednesday" parsed the other way round
        if teller is None:
            return None
    # "said after a summit Wednesday": a day hung on the telling dates what was told, even
    # inside a phrase that dates no event of the telling's own clause
    inside = {t.i for t in clause.subtree}
    telling = {t.i for t in teller.subtree}
    if teller.i not in inside:
        telling -= inside  # "said" above the clause: its own words, not the clause's
    told = [
        a
        for a in anchored
        if (a.anchor == teller.i or a.head in telling)
        and a.expr.date is not None
        and a.expr.date.precision == "day"
    ]
    return min(told, key=lambda a: abs(a.head - tok.i)) if told else None


def _fronted(tok: Any, anchored: Sequence[Anchored], *, planned: bool) -> Anchored | None:
    """A time expression that opens the sentence before a comma frames all of it: "In 2020,
    after X called for an inquiry, Y imposed tariffs" (the parser hangs it on the first
    verb); also at the end of a fronted phrase or same-time clause ("At the summit in X on
    May 2, Y agreed ...", "When X visited Y last month, they signed ..."), save for plans."""
    doc = tok.doc
    start = int(tok.sent.start)
    for a in anchored:
        if a.blocked or not a.tokens or a.expr.date is None or a.tokens[-1] + 1 >= len(doc):
            continue
        if tok.i in a.tokens:
            continue
        lead = range(start, a.tokens[0])
        opening = len(lead) <= 1 and all(str(doc[i].pos_) in ("CCONJ", "ADV") for i in lead)
        if opening and str(doc[a.tokens[-1] + 1].text) == ",":
            return a
        if not planned and _fronted_phrase(tok.sent, a):
            return a
    return None


def _fronted_phrase(sent: Any, a: Anchored) -> bool:
    """Whether an expression ends a phrase that opens the sentence before its first comma,
    the main verb after it: a phrase without verbs, or a clause of the same time."""
    doc = sent.doc
    root = int(sent.root.i)
    comma = next((t.i for t in sent if str(t.text) == ","), None)
    if comma is None or comma > root or a.tokens[-1] >= comma:
        return False
    first = doc[int(sent.start)]
    if lemma_of(first) in FRONT_BLOCKERS:
        return False
    rest = [doc[i] for i in range(int(sent.start), comma) if i not in a.tokens]
    if not any(str(t.pos_) in ("VERB", "AUX") for t in rest):
        return True
    return lemma_of(first) in SAME_TIME_MARKS


def _complement_of(verb: Any, tok: Any) -> bool:
    """Whether a verb is a clause on the noun ``tok``: "a goal of reaching X by 2024", "a goal
    they set for 2024", "the deals signed in May"."""
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("relcl", "acl", "pcomp", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == tok.i:
            return True
    return False


def resolve(
    a: Anchored,
    published: DateRef | None,
    *,
    planned: bool,
    reference: DateRef | None,
    resolver: TimeResolver,
    anchor_tag: str = "",
) -> Dated:
    """The date of an attached expression, resolved for plans and for "N months later"."""
    text = str(a.expr.text)
    if planned and text.lower().startswith("since"):
        # "to resume talks broken off since January": a state begun then dates no plan
        return Dated(None, False)
    if REFERENCE_WORDS.search(text):
        # the last dated event, else the date named just before in the text
        ref = reference or (a.expr.date if a.expr.date is not None else published)
        if reference is None and a.expr.date is not None:
            return Dated(a.expr.date, True, relative=True)
        got = resolver(text, published, reference=ref)
        if got is not None:
            return Dated(got, True, relative=True)
    if EARLIER_WORDS.search(text) and a.expr.date is None:
        got = resolver(text, published, reference=published)
        if got is not None:
            return Dated(got, True, relative=True)
    date = a.expr.date
    past_anchor = str(anchor_tag) == "VBD"  # "agreed on Thursday to resume visits"
    if (
        planned
        and not past_anchor
        and published is not None
        and (date is None or is_after(published, date))
    ):
        future = resolver(text, published, future=True)
        if future is not None:
            date = future
    return Dated(date, date is not None)


def tense_date(
    clause_head: Any,
    published: DateRef,
    *,
    planned: bool,
    lead: bool,
    headline: bool = False,
    opening: bool = False,
) -> DateRef:
    """The default date of an undated event from its clause's tense: the publication date for
    what happens now (a progressive, "today", the lead's present), what was done (the simple
    past: background carries its own date) or is planned; the publication month for the past
    perfect (what led up to the news, in the weeks before); the publication year for other
    background (present perfect after the opening, a later present tense). A headline sums up
    the news of the day or the days before: only its month is sure."""
    if headline:
        return month_of(published)
    if planned:
        return published
    head = clause_head
    if str(head.pos_) not in ("VERB", "AUX"):
        return year_of(published)
    auxes = {lemma_of(c) for c in head.children if c.dep_ in ("aux", "auxpass")}
    aux_tags = {str(c.tag_) for c in head.children if c.dep_ in ("aux", "auxpass")}
    words = {str(t.text).lower() for t in head.subtree}
    if words & NOW_WORDS:
        return published
    if "have" in auxes and str(head.tag_) == "VBN":
        # the opening "X has lodged a protest" is the news; later, background of the year
        if aux_tags & {"VBD"}:
            return month_of(published)  # "X had sent Y ...": background of the weeks before
        return published if opening else year_of(published)
    if str(head.tag_) == "VBG" and aux_tags & PRESENT_TAGS:
        return published  # "X is holding talks"
    if str(head.tag_) == "VBD" and not aux_tags:
        return published  # "X met Y"
    if "VBD" in aux_tags and "have" not in auxes:
        return published  # "X was attacked"
    if str(head.tag_) in PRESENT_TAGS and not aux_tags and _told_now(head):
        return published  # " 'X deplores this,' Y said": the stance at the telling
    if str(head.tag_) in PRESENT_TAGS or aux_tags & PRESENT_TAGS or "VBD" in aux_tags:
        # the lead's "X meets Y" is the news; later, "X backs Y" is a habit, and "X had met
        # Y" background
        return published if lead else year_of(published)
    return year_of(published)


def _told_now(clause: Any) -> bool:
    """Whether a clause is what a speech verb in the simple past or present reports: "X
    condemns Y," Z said / says."""
    if clause.dep_ not in ("ccomp", "parataxis") or clause.head.i == clause.i:
        return False
    teller = clause.head
    auxes = [c for c in teller.children if c.dep_ in ("aux", "auxpass")]
    return (
        lemma_of(teller) in load_lexicon().speech
        and str(teller.tag_) in ("VBD", "VBZ", "VBP")
        and not auxes
    )


REFERRING_DETS = frozenset({"the", "this", "these", "that", "their", "his", "her", "its"})


def reference_date(tok: Any, published: DateRef, news_day: DateRef | None) -> DateRef:
    """The date of an event named by a bare noun without a time of its own: "their talks",
    "the visit" refer back to the news the lead dated (its own day); other nouns ("X's
    visits", "a summit") are references of the year."""
    if news_day is not None and any(
        c.dep_ in ("det", "poss") and str(c.text).lower() in REFERRING_DETS for c in tok.children
    ):
        return news_day
    return year_of(published)
