"""What a phrase of an event's argument refers back to, for ``ActorReader``: "the ministry"
or "the army" named before with its state, "his counterpart" (the same office in the other
state of the pair), "that country", "it" and "he" (the nearest state or official before), a
sentence-opening "It" (the subject of the sentence before), and a relative pronoun's
antecedent. Functions over the reader (``events.reader``), whose ``np_actors`` they call.

The speaker rules have their own resolver of the same references, on speakers rather than
states: "the ministry said" in ``nlp.speaker_bodies`` (``BodyReader._named_before``,
``_body_mentioned_before``, ``_body_named_before``, ``_state_before`` for "the country's"
and "Its army"), and "it" in ``nlp.speaker_phrases`` (``PhraseReader._it``, ``_it_above``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dyad.events.actors import SUBJECT_DEPS, add_codes
from dyad.events.cues import lemma_of

if TYPE_CHECKING:
    from dyad.events.reader import ActorReader

STATE_PRONOUNS = frozenset({"it", "its"})
# A state named as a modifier ("U.S. sanctions") is no antecedent of "its".
ARGUMENT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Sentences back in which "the ministry" finds the ministry named with its state.
BACK_SENTENCES = 3
# Bodies a state has one of, which "the ministry" names again (not persons, units or ships,
# of which an article names several: "the minister", "the soldiers").
INSTITUTIONS = frozenset(
    {"ministry", "government", "administration", "military", "army", "navy", "embassy",
     "parliament", "cabinet", "regime", "airforce", "coastguard", "consulate"}
)  # fmt: skip
NAMED_BEFORE_DEPTH = 4  # the earlier mention is read at this depth, and looks no further back
# Nouns naming the holder of the same office in another state: "his counterpart".
COUNTERPART_NOUNS = frozenset({"counterpart", "opposite"})


def named_before(r: ActorReader, tok: Any) -> list[str]:
    """ "The ministry also demanded ...": a definite body or force named with no state
    is the one named with its state in the sentences before ("the X-ian Foreign Ministry
    summoned ... The ministry also ...")."""
    lemma = lemma_of(tok)
    if lemma not in INSTITUTIONS or str(tok.pos_) != "NOUN":
        return []
    if not any(c.dep_ == "det" and lemma_of(c) in ("the", "this", "that") for c in tok.children):
        return []
    if any(c.dep_ in ("amod", "compound", "poss", "prep") for c in tok.children):
        return []  # "the foreign ministry of X", "the new ministry": another noun phrase
    doc = tok.doc
    start = int(tok.sent.start)
    limit = start
    for _ in range(BACK_SENTENCES):
        if limit == 0:
            break
        limit = int(doc[limit - 1].sent.start)
    for i in range(tok.i - 1, limit - 1, -1):
        t = doc[i]
        if lemma_of(t) == lemma and str(t.pos_) in ("NOUN", "PROPN"):
            found = [c for c in r.np_actors(t, "source", NAMED_BEFORE_DEPTH) if r.index.is_state(c)]
            if found:
                return found[:1]
    return []


def counterpart(r: ActorReader, tok: Any, owners: list[str]) -> list[str]:
    """ "X accused his counterpart", "the minister met his counterpart": the holder of
    that office in the other state of the article's pair (the owner's, else that of the
    subject of the verb the noun hangs on)."""
    if not owners and tok.dep_ in ("dobj", "pobj", "dative"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        for s in verb.children:
            if s.dep_ in SUBJECT_DEPS:
                add_codes(owners, r.np_actors(s, "source", 3))
    if len(owners) != 1:
        return []
    other = r.index.partner(owners[0])
    return [other] if other is not None else []


def nearest(r: ActorReader, tok: Any, person: bool) -> list[str]:
    """The nearest state (or official's state) named before a pronoun, within two sentences."""
    doc = tok.doc
    sent_start = tok.sent.start
    limit = doc[sent_start - 1].sent.start if sent_start > 0 else 0
    own = _own_subject(tok)  # "the president received him": him is someone else
    if not person and tok.i == sent_start and sent_start > 0:
        prior = prior_subject(r, doc[sent_start - 1].sent)
        if prior:
            return prior  # "X fired ... at Y. It said ...": X, the subject before
    for i in range(tok.i - 1, limit - 1, -1):
        codes = r.index.codes.get(i, ())
        if not codes or (i in r.index.persons) != person or i in own:
            continue
        if not person:
            if not all(r.index.is_state(c) for c in codes) or doc[i].dep_ in ARGUMENT_MODIFIER_DEPS:
                continue
            if str(doc[i].pos_) == "ADJ":
                continue
            if doc[i].dep_ == "poss" and r.named_group(doc[i].head):
                continue  # "X's Y group said it ...": it is the group, not X
        return list(codes)
    return []


def prior_subject(r: ActorReader, sent: Any, depth: int = 0) -> list[str]:
    """The states of the subject of a sentence's main clause, or of its owner ("Its
    agency said ..."), a sentence-opening "It" or "Its" standing for the one before."""
    root = sent.root
    for s in root.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        found = [c for c in r.np_actors(s, "source", 3) if r.index.is_state(c)]
        if found:
            return found
        owners = [c for c in s.children if c.dep_ == "poss"] + [s]
        for o in owners:
            text = str(o.text).lower()
            if text in STATE_PRONOUNS and o.i == sent.start and depth < 3 and sent.start > 0:
                return prior_subject(r, o.doc[sent.start - 1].sent, depth + 1)
            if o.dep_ == "poss":
                found = [c for c in r.np_actors(o, "source", 3) if r.index.is_state(c)]
                if found:
                    return found
    return []


def antecedent(r: ActorReader, tok: Any) -> list[str]:
    """The noun a relative pronoun stands for: the nearest noun before its clause that
    lies in the phrase the clause modifies ("purchases of X vehicles, on which ...")."""
    head = tok.head
    while head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
        head = head.head
    if head.dep_ not in ("relcl", "acl"):
        return []
    phrase = {t.i for t in head.head.subtree}
    start = min(t.i for t in head.subtree)
    doc = tok.doc
    for i in range(start - 1, head.head.i - 1, -1):
        if i in phrase and str(doc[i].pos_) in ("NOUN", "PROPN"):
            return r.np_actors(doc[i], "target", 3)
    return r.np_actors(head.head, "target", 3)


def that_country(tok: Any) -> bool:
    """ "That country", "this nation": the state named last before it."""
    return (
        lemma_of(tok) in ("country", "nation", "state")
        and str(tok.tag_) == "NN"
        and any(c.dep_ == "det" and lemma_of(c) in ("that", "this") for c in tok.children)
        and not any(c.dep_ in ("amod", "compound") for c in tok.children)
    )


def _own_subject(tok: Any) -> frozenset[int]:
    """The tokens of the subject of the verb an object pronoun hangs on ("X received him"):
    a pronoun that is no reflexive never stands for its own clause's subject."""
    if tok.dep_ not in ("dobj", "pobj", "dative") or str(tok.text).lower() not in ("him", "her"):
        return frozenset()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    return frozenset(t.i for s in verb.children if s.dep_ in SUBJECT_DEPS for t in s.subtree)
