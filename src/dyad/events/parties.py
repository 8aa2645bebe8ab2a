"""The parties of an event when the sentence leaves one implicit.

A meeting or deal with one side named is with the article's other state; an attack or
sanction told without its agent ("was killed in an airstrike in X", "a ban on X's wine") is
the other state's when it is named in or just before the sentence; forces named without their
state ("the armed forces destroyed ...") are the speaker's or the previous sentence's subject's.
Also: who tells of an event ("X said that ...", "according to X"), for claims.
"""

from __future__ import annotations

from typing import Any

from dyad.events.actors import SYMMETRIC_TYPES, ActorIndex
from dyad.events.cues import Cue, Lexicon, direct_objects, lemma_of
from dyad.events.dates import signed_in_past
from dyad.events.frames import ACT_NOUNS
from dyad.events.noun_frames import Frame, governor
from dyad.events.reader import ActorReader
from dyad.events.status import clause_of
from dyad.models import DateRef
from dyad.nlp.doctext import doc_text

# Verbs whose object is what is blamed, seldom the other side: a side named alone blames the
# article's other state ("deplored this move").
CONTENT_SLOT_TYPES = frozenset({"ACCUSE"})
# What is asked for or refused with no addressee named is addressed to no state in particular
# ("called for an end to the war", "rejected suggestions that ..."): completed from the
# article's pair only when what is asked or refused names the other state ("refused to
# recognise Y's president").
UNADDRESSED_TYPES = frozenset({"REJECT", "REQUEST"})
# Hostile acts told without their agent ("was killed in an airstrike in X", "a ban on X's
# wine has been in place"): in an article about two states, the other one acts.
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
# Material hostile acts that, told by another state while the other side tells the reverse,
# are one side's claim.
CLAIMED_TYPES = frozenset({"ASSAULT", "MOBILIZE", "COERCE"})


class PartyReader:
    """Completes and attributes the parties of cues in one document."""

    def __init__(
        self,
        doc: Any,
        index: ActorIndex,
        reader: ActorReader,
        lex: Lexicon,
        published: DateRef | None,
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = index
        self.reader = reader
        self.lex = lex
        self.published = published

    def fill(self, frame: Frame, cue: Cue, type_: str, tok: Any) -> list[tuple[str, str]]:
        """One side named: the other is the article's main partner of that state. For a
        meeting, deal or joint action always; for an act of one side on another only when the
        recipient's place is empty and the partner is named in or just before the sentence."""
        if type_ == "AGREE" and cue.pos == "VERB" and len(frame.sources) == 1 and not frame.targets:
            return self._agree_partner(frame.sources[0], tok)
        if type_ == "AGREE" and cue.pos == "NOUN":
            return self._dated_deal(tok, frame)
        content = (
            cue.pos == "VERB" and type_ in CONTENT_SLOT_TYPES and self._content_object(tok, type_)
        )  # "rejected the pretexts", "deplored this move"
        if content and any(self.reader.owned_by_other(o) for o in direct_objects(tok)):
            return []  # "rejected the West's criticism": the other side is named, no state
        if content and type_ == "ACCUSE" and any(_victim_named(o) for o in direct_objects(tok)):
            return []  # "condemned the attack on a convoy": no doer named, none to guess
        actors = list(dict.fromkeys(frame.sources + frame.targets))
        if len(actors) != 1 or not self.index.is_state(actors[0]):
            return []
        actor = actors[0]
        partner = self.index.partner(actor)
        if partner is None or "nofill" in cue.flags:
            return []
        if type_ in UNADDRESSED_TYPES and not self._in_content(partner, tok):
            return []
        if partner in frame.victims:
            return []  # "condemned the attack on X": X suffered it, no one named did it

        if (
            type_ in AGENTLESS_TYPES
            and not frame.sources
            and actor in frame.targets
            and self._agentless(tok, cue)
            and self._named_near(partner, tok)
        ):
            return [(partner, actor)]
        if frame.target_slot and not content:
            return []
        if type_ in SYMMETRIC_TYPES:
            return [(actor, partner)]
        if (
            (cue.pos == "VERB" or (type_ in AGENTLESS_TYPES and _counted(tok)))
            and actor in frame.sources
            and self._named_near(partner, tok)
        ):
            return [(actor, partner)]
        return []

    def previous_subject(self, tok: Any) -> list[str]:
        """The state that is the subject of the sentence before, in the same paragraph."""
        start = tok.sent.start
        if start == 0 or "\n" in self.text[self.doc[start - 1].idx : tok.sent.start_char]:
            return []
        prev = self.doc[start - 1].sent
        out: list[str] = []
        for s in (c for c in prev.root.children if c.dep_ == "nsubj"):
            out.extend(c for c in self.reader.np_actors(s, "source") if self.index.is_state(c))
        return out if len(out) == 1 else []

    def own_forces(self, tok: Any, cue: Cue) -> bool:
        """Whether a verb's subject is a state's forces named without their state ("the
        army", "the armed forces", "troops")."""
        if cue.pos != "VERB":
            return False
        subj = [c for c in tok.children if c.dep_ == "nsubj"]
        return bool(subj) and all(
            lemma_of(s) in self.lex.agents
            and not self.index.code(s)
            and not any(
                c.dep_ in ("poss", "compound", "nmod") or self.index.code(c) for c in s.children
            )
            for s in subj
        )

    def claimants(self, tok: Any) -> list[str]:
        """States that tell of a cue's clause: the subject of the speech verb it is reported
        under ("X said that ..."), or "according to X"."""
        clause = clause_of(tok)
        out: list[str] = []
        for head in (tok, *clause.path, *clause.above):
            for c in head.children:
                if c.dep_ == "prep" and str(c.text).lower() == "according":
                    for to in c.children:
                        for p in to.children if lemma_of(to) == "to" else ():
                            if p.dep_ == "pobj":
                                out.extend(self.reader.np_actors(p, "source"))
        head = clause.head
        if head.dep_ == "ccomp" and lemma_of(head.head) in self.lex.speech:
            for s in self.reader.subjects(head.head)[0]:
                out.extend(self.reader.np_actors(s, "source"))
        return [c for c in out if self.index.is_state(c)]

    def _content_object(self, tok: Any, type_: str) -> bool:
        """Whether a verb's object is what is rejected, asked or blamed, not a party: for
        blame, an act ("condemned the move"), not people ("accused the rebels")."""
        if type_ != "ACCUSE":
            return True
        objs = [o for o in direct_objects(tok) if o.dep_ not in ("nsubjpass", "oprd")]
        return bool(objs) and all(
            lemma_of(o) in ACT_NOUNS or bool(self.lex.candidates(lemma_of(o), "NOUN")) for o in objs
        )

    def _in_content(self, code: str, tok: Any) -> bool:
        """Whether a state is named in what a verb asks or refuses, not in a claim's content
        clause ("rejected suggestions that X ...")."""
        skip = {
            t.i
            for clause in tok.subtree
            if clause.dep_ in ("acl", "relcl", "ccomp") and clause.i != tok.i
            for t in clause.subtree
        }
        return any(
            code in self.index.code(t) for t in tok.subtree if t.i not in skip and t.i != tok.i
        )

    def _agentless(self, tok: Any, cue: Cue) -> bool:
        """Whether a cue names no agent at all, state or not: a passive without "by", a noun
        with no owner, no "by" and no light verb's subject ("rebels launched an attack")."""
        if cue.pos == "VERB":
            subj, _ = self.reader.subjects(tok)
            return not subj
        for c in tok.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and lemma_of(c) == "by"):
                return False
            if c.dep_ in ("compound", "amod", "nmod") and (
                str(c.pos_) == "PROPN" or lemma_of(c) in self.lex.agents
            ):
                return False
        gov, _ = governor(tok)
        return gov is None or not self.reader.subjects(gov)[0]

    def _dated_deal(self, tok: Any, frame: Frame) -> list[tuple[str, str]]:
        """A past deal named by a noun with its year: with no side named ("an earlier accord
        dating from 1998"), of the article's pair; with one ("pacts with X, signed in 2022"),
        of that side and its partner in the article."""
        named = list(dict.fromkeys(frame.sources + frame.targets))
        if not signed_in_past(tok, self.published):
            if named or not _made(tok):
                return []
            named = []  # "the agreements reached", "the signing of an accord": the pair's
        if len(named) == 1 and self.index.is_state(named[0]):
            partner = self.index.partner(named[0])
            top = self.index.top(2)
            if partner is None and top and top[0] != named[0]:
                sent = tok.sent  # "X's third such deal, after pacts with Y signed in 2022"
                if any(top[0] in self.index.codes.get(i, ()) for i in range(sent.start, sent.end)):
                    partner = top[0]
            return [(partner, named[0])] if partner is not None else []
        top = self.index.top(2)
        if named or len(top) != 2 or not all(self.index.is_state(c) for c in top):
            return []
        return [(top[0], top[1])]

    def _agree_partner(self, source: str, tok: Any) -> list[tuple[str, str]]:
        """ "X agreed to lift its tariffs on Y's goods": X alone agreed to act on the article's
        other state, named in what was agreed (not "X agreed to buy islands", Y objecting)."""
        partner = self.index.partner(source)
        if partner is not None and any(partner in self.index.code(t) for t in tok.subtree):
            return [(source, partner)]
        return []

    def _named_near(self, code: str, tok: Any) -> bool:
        """Whether a state is named in the cue's sentence or the one before."""
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
        return any(code in self.index.codes.get(i, ()) for i in range(start, sent.end))


def _counted(tok: Any) -> bool:
    """A plural, counted or indefinite event noun, one of a series or one act ("Xian
    airstrikes killed 12", "two raids", "a Xian drone strike killed 3 in Y"), not "the Xian
    invasion", a war the article may place elsewhere."""
    return str(tok.tag_) in ("NNS", "NNPS") or any(
        c.dep_ == "nummod" or (c.dep_ == "det" and lemma_of(c) in ("a", "an")) for c in tok.children
    )


def _victim_named(tok: Any) -> bool:
    """An act named with what it struck ("the attack on a convoy", "the strike against ...")."""
    return any(
        c.dep_ == "prep"
        and lemma_of(c) in ("on", "against")
        and any(p.dep_ == "pobj" and str(p.ent_type_) not in ("DATE", "TIME") for p in c.children)
        for c in tok.children
    )


# A deal named as made, with no side named: "the agreements reached", "the signing of an
# accord" (in an article about two states, theirs).
MADE_VERBS = frozenset({"reach", "sign", "conclude", "seal", "ink", "strike"})
MAKING_NOUNS = frozenset({"signing", "conclusion"})


def _made(tok: Any) -> bool:
    if any(
        c.dep_ == "acl" and str(c.tag_) == "VBN" and lemma_of(c) in MADE_VERBS for c in tok.children
    ):
        return True
    return of_making(tok)


def of_making(tok: Any) -> bool:
    """A deal named as what a noun of making makes: "the signing of an accord"."""
    head = tok.head
    return tok.dep_ == "pobj" and lemma_of(head) == "of" and lemma_of(head.head) in MAKING_NOUNS
