"""Visitors turned away: REJECT by the host state of the visitor's state.

"X's delegation flew to Y's capital but was not allowed into the city", "X's envoy was refused
entry", "the minister was turned back at the border": the visitor (the subject of a passive
refusal) is refused by the state of the place it travelled to, named in the clause or in the
verb of travel it is joined to, else by the article's other state named in the sentence or the
one before.
"""

from __future__ import annotations

from typing import Any

from dyad.events.actors import ActorIndex
from dyad.events.cues import lemma_of
from dyad.events.reader import ActorReader

__all__ = ["refusal_pairs"]

# Verbs that refuse only when negated ("was not allowed to meet").
NEGATED = frozenset({"allow", "permit"})
# Prepositions of the refusing verb, or of a verb of travel, that name the host's place.
PLACE_PREPS = frozenset({"to", "in", "into", "at"})
TRAVEL = frozenset({"fly", "travel", "arrive", "go", "come", "land", "drive", "head"})
# What a visitor is not allowed to do ("was not allowed to meet X", "... into the city").
VISIT_VERBS = frozenset({"meet", "enter", "land", "visit", "cross", "see", "attend", "disembark"})
# Visitors: people, or the bodies and craft that carry them.
VISITORS = frozenset(
    {
        "delegation", "mission", "envoy", "team", "minister", "official", "diplomat",
        "ambassador", "president", "leader", "plane", "aircraft", "flight", "convoy",
        "ship", "vessel", "journalist", "monitor", "observer", "negotiator", "emissary",
    }
)  # fmt: skip


def _passive(tok: Any) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children) or str(tok.tag_) == "VBN"


def refusal_pairs(tok: Any, reader: ActorReader, index: ActorIndex) -> list[tuple[str, str]]:
    """(host, visitor) for a passive refusal verb; none when it is no such refusal."""
    if not _passive(tok):
        return []
    if lemma_of(tok) in NEGATED and not any(c.dep_ == "neg" for c in tok.children):
        return []
    if lemma_of(tok) in NEGATED and not any(
        (c.dep_ == "xcomp" and lemma_of(c) in VISIT_VERBS)
        or (c.dep_ == "prep" and lemma_of(c) == "into")
        for c in tok.children
    ):
        return []  # "was not allowed to join the bloc": no visit
    subj, patients = reader.subjects(tok)
    people = [s for s in patients or subj if s.i in index.persons or lemma_of(s) in VISITORS]
    visitors: list[str] = []
    for s in people:
        visitors.extend(c for c in reader.np_actors(s, "source") if c not in visitors)
    if not visitors:
        return []
    visitor = visitors[0]  # "an X delegation led by Y's former leader": X's
    hosts = [c for c in reader.prep_actors(tok, PLACE_PREPS) if c != visitor]
    if not hosts and tok.dep_ == "conj" and lemma_of(tok.head) in TRAVEL:
        hosts = [c for c in reader.prep_actors(tok.head, PLACE_PREPS) if c != visitor]
    if not hosts:
        partner = index.partner(visitor)
        sent = tok.sent
        start = tok.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        if partner is not None and any(
            partner in index.codes.get(i, ()) for i in range(start, sent.end)
        ):
            hosts = [partner]
    return [(hosts[0], visitor)] if hosts else []
