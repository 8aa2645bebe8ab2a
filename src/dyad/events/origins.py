"""The year a deal or measure named by a noun was made: "the 2006 treaty", "an accord dating
from 1998", "pacts with X, signed in January 2022" (a thing made before, whatever is planned for
it now).
"""

from __future__ import annotations

import re
from typing import Any

from dyad.events.cues import lemma_of
from dyad.models import DateRef

YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# Verbs of a clause on a deal that name the year it was made ("an accord dating from 1998",
# "a pact signed in 2001").
ORIGIN_VERBS = frozenset(
    {"date", "go", "sign", "conclude", "reach", "seal", "ink", "impose", "agree", "adopt"}
)
ORIGIN_PREPS = frozenset({"from", "to", "back", "in"})


def noun_year(tok: Any, published: DateRef | None) -> DateRef | None:
    """The past year a deal named by a noun was made: "the 2006 treaty", "an accord dating
    from 1998" (not a year to come: "the 2030 goals")."""
    years = [c for c in tok.children if c.dep_ in ("nummod", "compound", "amod", "nmod")]
    near = list(tok.children)  # "an accord on trade dating from 1998": on the last noun
    near += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    near = [g for n in near for g in (n, *n.children)]
    for c in near:
        if c.dep_ == "acl" and lemma_of(c) in ORIGIN_VERBS:
            for p in c.children:
                if p.dep_ == "prep" and lemma_of(p) in ORIGIN_PREPS:
                    years.extend(g for g in p.children if g.dep_ == "pobj")
    for y in years:
        text = str(y.text)
        if YEAR.match(text) and (published is None or text <= published.date[:4]):
            return DateRef(text, "year")
    return None


def signed_in_past(tok: Any, published: DateRef | None) -> bool:
    """Whether a deal named by a noun carries a past year of its making: "the 2006 treaty",
    "pacts with X, signed in January 2022"."""
    if noun_year(tok, published) is not None:
        return True
    clauses = [c for c in tok.children if c.dep_ == "acl" and lemma_of(c) in ORIGIN_VERBS]
    for c in tok.children:
        if c.dep_ == "prep":
            for o in c.children:  # "pacts with X, signed in 2022": the parser hangs it on X
                clauses += [
                    g for g in o.children if g.dep_ == "acl" and lemma_of(g) in ORIGIN_VERBS
                ]
    if tok.dep_ in ("nsubj", "nsubjpass") and lemma_of(tok.head) in ORIGIN_VERBS:
        clauses.append(tok.head)  # "pacts with X signed in 2022", parsed as their subject
    limit = published.date[:4] if published is not None else "9999"
    return any(
        YEAR.match(str(t.text)) and str(t.text) <= limit
        for c in clauses
        for p in c.children
        if p.dep_ == "prep" and lemma_of(p) in ORIGIN_PREPS
        for t in p.subtree
    )
