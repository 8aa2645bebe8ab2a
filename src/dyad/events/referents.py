"""What an event noun or clause refers back to: "the talks" named before, "their first
meeting since ..." (the same parties as the later one), "after X agreed ..." (a clause told
before its main one), and the talks a third party joined ("X, who mediated the talks").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dyad.events.cues import Cue, lemma_of

DEFINITE = frozenset({"the", "this", "these", "that"})
TALK_NOUNS = frozenset({"talk", "negotiation", "dialogue", "consultation"})


class Coded(Protocol):
    """A candidate event of the sentence: its cue token, type and pairs."""

    tok: Any
    type: str
    pairs: list[tuple[str, str]]


def same_parties_since(tok: Any, type_: str, before: Sequence[Coded]) -> list[tuple[str, str]]:
    """ "Their first meeting since a summit in X": the earlier meeting was between the same
    parties, so it takes the pairs of the later one."""
    if any(lemma_of(c) == "another" for c in tok.children):
        # "a strike killed X, a day after another strike killed Y": by the same side
        same = [c for c in before if c.type == type_ and c.pairs]
        return list(same[-1].pairs) if same else []
    if tok.dep_ != "pobj" or lemma_of(tok.head) not in ("since", "after"):
        return []
    later = tok.head.head  # "their meeting since ..." or "hold their meeting since ..."
    for c in before:
        if c.type == type_ and (
            c.tok.i == later.i or (c.tok.head.i == later.i and c.tok.dep_ == "dobj")
        ):
            return list(c.pairs)
    return []


def before_main_clause(tok: Any) -> bool:
    """Whether a cue sits in an "after ..." or "before ..." clause of another ("after X agreed
    to buy", "before signing"); "after signing X" is the same occasion as its clause."""
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "advcl" and any(
            c.dep_ == "mark" and lemma_of(c) in ("after", "before") for c in anc.children
        ):
            return True
        if anc.dep_ == "pcomp" and lemma_of(anc.head) == "before":
            return True
    return False


def definite(tok: Any, cue: Cue) -> bool:
    """An event noun referring back: "the talks", "this meeting"."""
    return cue.pos == "NOUN" and any(
        c.dep_ == "det" and lemma_of(c) in DEFINITE for c in tok.children
    )


def joined_talks(
    tok: Any, cue: Cue, type_: str, actor: str, last_pair: tuple[str, str] | None
) -> list[tuple[str, str]]:
    """ "X, who mediated the talks", "X hosted the talks": one state named with "the talks"
    that another pair held just before joins them as a third party, so it meets each side.
    ``actor`` is a state (not a body whose gathering it is)."""
    if type_ != "CONSULT" or last_pair is None or actor in last_pair or not definite(tok, cue):
        return []
    if lemma_of(tok) not in TALK_NOUNS:
        return []  # "attended the X summit": a gathering of many, not the pair's talks
    return [(actor, last_pair[0]), (actor, last_pair[1])]


# Participles by which a third party arranges talks it joins: "talks hosted by X".
ARRANGING_VERBS = frozenset({"host", "mediate", "broker", "facilitate", "chair", "convene"})


class NamesStates(Protocol):
    """``ActorReader.np_actors``: the states a noun phrase names."""

    def np_actors(self, tok: Any, role: str, depth: int = 0) -> list[str]: ...


def host_pairs(
    tok: Any, pair: tuple[str, str], reader: NamesStates, is_state: Any
) -> list[tuple[str, str]]:
    """ "X and Y held talks hosted (mediated) by Z": Z meets each side; ``tok`` is the talks'
    cue, ``pair`` the two sides, ``is_state`` tells a state's code. A summit's host is no side
    of the meetings at it ("a summit hosted by Z")."""
    out: list[tuple[str, str]] = []
    if lemma_of(tok) not in TALK_NOUNS:
        return out
    for acl in tok.children:
        if acl.dep_ != "acl" or lemma_of(acl) not in ARRANGING_VERBS:
            continue
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            for p in (c for c in agent.children if c.dep_ == "pobj"):
                for host in reader.np_actors(p, "source"):
                    if is_state(host) and host not in pair:
                        out += [(host, pair[0]), (host, pair[1])]
    return out
