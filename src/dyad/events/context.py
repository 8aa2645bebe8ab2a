"""Context that makes a cue no event, or dates it from elsewhere in its sentence: the
circumstances named by "amid", standing patterns ("has long accused"), what a protest
condemns, a "when" clause's date; and the index of a document's time expressions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence
from typing import Any

from dyad.events.cues import lemma_of
from dyad.events.dates import Anchored, TimeExpressionLike
from dyad.events.status import clause_of

# Adverbs that make a present or present-perfect verb a standing pattern, no dated event.
HABITUAL = frozenset(
    {"long", "repeatedly", "often", "frequently", "regularly", "routinely", "consistently",
     "persistently", "continually", "constantly", "traditionally", "usually"}
)  # fmt: skip
# Units of a stretch of time that makes a perfect a standing pattern ("has accused X for years").
STRETCH_UNITS = frozenset({"year", "decade", "month", "week"})
# Prepositions whose object is the circumstance of a clause, not an event it tells of.
BACKGROUND_PREPS = frozenset({"amid", "amidst"})
CLAUSE_LINKS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "ROOT"})
# Verbs of keeping to (or breaking) what exists: their object ("observed the agreements",
# "abide by the sanctions", "violated the accord") is made before, no event of the clause.
HONOURING = frozenset(
    {"observe", "respect", "honour", "honor", "abide", "comply", "adhere", "uphold", "violate",
     "breach", "flout", "implement", "enforce"}
)  # fmt: skip


# A launch whose missiles come down at sea ("fired missiles that landed in the sea", "into
# the sea", "in X's exclusive economic zone") hit no one: a show of force, a threat.
SEA_NOUNS = frozenset({"sea", "ocean", "waters", "water", "zone", "eez", "gulf", "bay", "strait"})
LANDING_VERBS = frozenset({"land", "fall", "splash", "crash", "drop", "plunge", "come"})
PROJECTILES = frozenset({"missile", "rocket", "projectile"})


def landed_at_sea(tok: Any) -> bool:
    """Whether a launch of missiles tells them to have come down at sea: "launched three
    missiles, which landed in the sea", "... and all fell into the ocean", "fired a rocket
    into the sea"."""
    if not any(c.dep_ == "dobj" and lemma_of(c) in PROJECTILES for c in tok.children):
        return False
    if _at_sea(tok):
        return True
    landings = [t for t in tok.subtree if lemma_of(t) in LANDING_VERBS and str(t.pos_) == "VERB"]
    landings += [c for c in tok.children if c.dep_ == "conj" and lemma_of(c) in LANDING_VERBS]
    return any(_at_sea(v) for v in landings)


def shows_reach(tok: Any) -> bool:
    """Whether a launch of missiles tells what they could hit, not what they hit: "fired a
    missile capable of reaching X", "launched rockets able to strike X" (a test, a show of
    force)."""
    return any(
        c.dep_ == "dobj"
        and lemma_of(c) in PROJECTILES
        and any(m.dep_ == "amod" and lemma_of(m) in ("capable", "able") for m in c.children)
        for c in tok.children
    )


def _at_sea(verb: Any) -> bool:
    for p in verb.children:
        if p.dep_ != "prep" or lemma_of(p) not in ("in", "into", "off", "inside", "within"):
            continue
        if any(c.dep_ == "pobj" and str(c.text).lower() in SEA_NOUNS for c in p.children):
            return True  # "in the sea", "into the Sea of X", "in its exclusive economic zone"
    return False


class TimeIndex:
    """A document's time expressions by start offset, built once: each sentence takes its own
    by bisection, not by a scan of the whole document."""

    def __init__(self, times: Sequence[TimeExpressionLike]) -> None:
        self.times = list(times)
        self.order = sorted(range(len(self.times)), key=lambda k: self.times[k].start)
        self.starts = [self.times[k].start for k in self.order]

    def within(self, start: int, end: int) -> list[TimeExpressionLike]:
        """The expressions that start in ``[start, end)``, in the finder's order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [self.times[k] for k in sorted(self.order[lo:hi])]


def when_clause_expression(tok: Any, anchored: Sequence[Anchored]) -> Anchored | None:
    """The date of a "when" clause hung on a cue's clause: "two soldiers were killed when X
    shelled a post on Monday" were killed on Monday."""
    head = clause_of(tok).head
    for c in head.children:
        if c.dep_ == "advcl" and any(
            m.dep_ == "advmod" and lemma_of(m) == "when" for m in c.children
        ):
            inside = indices(c)
            found = [a for a in anchored if a.anchor in inside and not a.blocked]
            if found:
                return found[0]
    return None


def protested(tok: Any, protests: Collection[int]) -> bool:
    """Whether a cue is what a protest or condemnation in its sentence (the cue indices
    ``protests``) disapproves of ("protested against X's decision to halt exports")."""
    return any(a.i in protests for a in tok.ancestors)


def indices(tok: Any) -> set[int]:
    """The token indices of a token's subtree."""
    return {int(t.i) for t in tok.subtree}


def habitual(tok: Any) -> bool:
    """A verb of a standing pattern, no one event: "has long accused X of ...", "has
    repeatedly attacked X", "routinely sends ships"."""
    if str(tok.pos_) != "VERB":
        return False
    perfect = any(c.dep_ == "aux" and str(c.text).lower() in ("has", "have") for c in tok.children)
    if not perfect and str(tok.tag_) not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "advmod" and lemma_of(c) in HABITUAL for c in tok.children):
        return True
    return any(_stretch(t) and _phrase_of(t, tok) for t in tok.subtree)


def _phrase_of(tok: Any, verb: Any) -> bool:
    """Whether a token hangs on a verb through phrases only ("accused X of arming Y for
    years"), no clause of its own between them."""
    while tok.i != verb.i:
        if tok.dep_ not in ("pobj", "prep", "pcomp", "npadvmod"):
            return False
        tok = tok.head
    return True


def _stretch(tok: Any) -> bool:
    """A stretch of time or a count of times: "for years", "for decades", "several times"."""
    if lemma_of(tok) == "time" and str(tok.tag_) == "NNS" and tok.dep_ == "npadvmod":
        return True
    return (
        tok.dep_ == "pobj"
        and lemma_of(tok.head) == "for"
        and str(tok.tag_) == "NNS"
        and lemma_of(tok) in STRETCH_UNITS
        and not any(c.dep_ in ("nummod", "det") for c in tok.children)
    )


def in_background(tok: Any) -> bool:
    """Whether an event noun names the circumstances of a clause ("visited X amid Y's
    sanctions on Z", "amid tensions over X's invasion of Y"), not an event it reports."""
    if honoured(tok):
        return True
    for anc in (tok, *tok.ancestors):
        if anc.dep_ in ("pobj", "pcomp") and lemma_of(anc.head) in BACKGROUND_PREPS:
            return True
        if anc.dep_ in CLAUSE_LINKS:
            return False
    return False


def honoured(tok: Any) -> bool:
    """Whether an event noun is what a verb keeps to or breaks ("have observed the
    agreements", "abide by the sanctions", "violated the accord"): a thing made before."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":  # "abide by", "comply with", "adhere to"
        head = head.head
    elif tok.dep_ != "dobj":
        return False
    return str(head.pos_) == "VERB" and lemma_of(head) in HONOURING


def purpose_of(tok: Any, acts: Collection[int]) -> bool:
    """Whether a cue is told as the purpose of another act in ``acts`` (the indices of cues
    of its own type): "summoned X's envoy to lodge a protest over ...", "summoned the envoy
    to protest against ...": one act, told by the verb above."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "aux" and lemma_of(c) == "to" for c in cur.children
        ):
            return cur.head.i in acts
        if cur.dep_ in CLAUSE_LINKS or cur.dep_ == "conj":
            return False
        cur = cur.head
    return False
