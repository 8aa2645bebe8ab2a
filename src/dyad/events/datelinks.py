"""Dates an event takes from another event it is tied to, not from a time expression of its own.

An event named "during", "at" or "amid" another takes that one's date (``linked_cues``); "a
day after B did Y" counts Y back from the date of the clause it hangs on (``counted_from``,
``comes_on``); an event of an "after/before" clause takes the month of the clause above it
(``outer_clause``, ``outer_date``).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from dyad.events.cues import lemma_of
from dyad.events.dates import Anchored, Dated, is_after, month_of
from dyad.models import DateRef

# Prepositions linking an event to another that dates it: "signed during X's visit".
LINK_PREPS = frozenset({"during", "at", "amid", "on", "with", "coinciding"})


def linked_cues(tok: Any, cues: Collection[int]) -> list[int]:
    """Cues an event is tied to by "during", "at", "amid", "coinciding with" ("signed during
    X's visit"): in the cue's own subtree, or on the verb carrying it (or on the verb that
    verb completes: "during the visit, they vowed to boost trade")."""
    out: list[int] = []
    roots = [tok]
    for anc in tok.ancestors:
        roots.append(anc)
        if str(anc.pos_) in ("VERB", "AUX") and anc.dep_ != "xcomp":
            break
    for root in roots:
        for t in root.subtree:
            if t.i == tok.i or t.i not in cues or t.dep_ != "pobj":
                continue
            prep = t.head
            if lemma_of(prep) in LINK_PREPS or lemma_of(prep.head) in LINK_PREPS:
                out.append(t.i)
    return out


COUNTED_FROM = re.compile(r"^(.*\b(?:days?|weeks?|months?|years?))\s+(after|before)$", re.I)


def counted_from(a: Anchored, tok: Any) -> tuple[Any, str] | None:
    """For "A did X on May 2, a day after B did Y": whether ``tok`` is Y, the event the
    expression counts from; then the head of A's clause and the expression turned to count
    from it ("a day earlier")."""
    m = COUNTED_FROM.match(str(a.expr.text).strip())
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl":
        tok = tok.head  # "a day after another strike killed X": the strike is the clause's
    if m is None:
        return None
    doc = tok.doc
    inside = [doc[i] for i in a.tokens]
    tied = tok.head.i in a.tokens or any(t.head.i == tok.i for t in inside)
    if a.anchor != tok.i and not tied:
        return None  # tied: "came a day after X met", the expression's "after" marks X's clause
    marks = [t for t in inside if lemma_of(t) == m.group(2).lower()]
    if not marks:
        return None
    word = marks[-1]
    if tok.dep_ == "advcl" and word.head.i == tok.i and word.dep_ == "mark":
        main = tok.head  # "..., a day after B bombed Y"
    elif tok.dep_ == "pobj" and tok.head.i == word.i and word.dep_ == "prep":
        main = word.head  # "..., two days after the vote"
    else:
        return None
    turned = "earlier" if m.group(2).lower() == "after" else "later"
    return main, f"{m.group(1)} {turned}"


def comes_on(main: Any, published: DateRef, news_day: DateRef | None) -> DateRef | None:
    """The date of the news an undated "X comes / came N days after Y" tells, which Y is
    counted back from: "the visit comes a week after the offensive", "the accusation came a
    day after talks" (the lead's day once a lead sentence gave one, else the publication
    date)."""
    if lemma_of(main) != "come" or str(main.tag_) not in ("VBZ", "VBP", "VBD"):
        return None
    return news_day or published


def outer_clause(tok: Any) -> Any | None:
    """The clause an "after ..." or "before ..." clause hangs on, for a cue inside it: "X
    declared a partnership in May, days before Y sent troops" gives "declared" for "sent"
    (a cue's own clause first; none past a reported or relative clause)."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "advcl" and any(
            c.dep_ == "mark" and lemma_of(c) in ("after", "before") for c in anc.children
        ):
            return anc.head
        if anc.dep_ in ("ccomp", "relcl", "parataxis", "csubj", "conj") or anc.head.i == anc.i:
            return None
    return None


def outer_date(dated: Dated, published: DateRef | None, same_day: bool = False) -> DateRef | None:
    """The date an event of an "after/before" clause takes from the clause it hangs on, when a
    time expression dates that one: its month (or year) at most, as the two lie days or weeks
    apart ("the talks in May 2030 came days after X shelled Y": May 2030); the day itself
    when the clause is a flare-up that follows at once (``same_day``, ``flared_after``)."""
    if not dated.explicit or dated.relative or dated.date is None:
        return None
    if published is not None and is_after(dated.date, published):
        return None
    return dated.date if same_day else month_of(dated.date)


# Verbs of a flare-up that follows at once what its "after" clause tells ("tensions
# escalated on Saturday after X's ships fired on Y's boats"): the two share the day.
ONSET_VERBS = frozenset(
    {"escalate", "erupt", "flare", "spike", "soar", "rise", "mount", "worsen", "deteriorate",
     "heighten", "intensify", "spiral", "surge", "boil"}
)  # fmt: skip


def flared_after(tok: Any) -> bool:
    """Whether a cue sits in the "after ..." clause of a flare-up verb (``ONSET_VERBS``)."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "advcl" and any(
            c.dep_ == "mark" and lemma_of(c) == "after" for c in anc.children
        ):
            return lemma_of(anc.head) in ONSET_VERBS
        if anc.dep_ in ("ccomp", "relcl", "parataxis", "csubj") or anc.head.i == anc.i:
            return False
    return False
