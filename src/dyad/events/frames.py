"""The frame of an event cue: which states act, which are acted on, and the pairs they make.

A verb cue takes its subject (inherited through "X vowed to ...", "X ... and then ...") as
source and its object, else the object of a preposition ("with", "to", "on", "against"; "in"
for meetings and attacks) as target. Noun cues are read by ``NounFrameReader``
(``events.noun_frames``), on which ``FrameReader`` builds; that module holds ``Frame``.
"""

from __future__ import annotations

from typing import Any

from dyad.events.actors import SUBJECT_DEPS, SYMMETRIC_PREPS, add_codes
from dyad.events.cues import Cue, direct_objects, lemma_of
from dyad.events.noun_frames import (
    BETWEEN,
    DIRECT_PREPS,
    ENVOY_NOUNS,
    FIGHT_PREPS,
    FROM,
    Frame,
    NounFrameReader,
    has_prep_object,
    is_distributive,
)
from dyad.nlp.doctext import span_text

# Nouns naming an act, whose doer is the other side when blamed: "deplored this move".
ACT_NOUNS = frozenset(
    {"move", "action", "act", "decision", "step", "measure", "behaviour", "behavior", "launch",
     "test", "remark", "statement", "comment", "violation", "provocation", "incident", "policy",
     "conduct", "interference", "aggression", "escalation", "actions", "plan"}
)  # fmt: skip
# Acts of deciding or saying, whose "of X" is their doer when X is an actor ("the decision
# of the X government"), not their victim as in "a violation of X's airspace".
DECISION_NOUNS = frozenset(
    {"move", "action", "act", "decision", "step", "measure", "behaviour", "behavior", "remark",
     "statement", "comment", "policy", "conduct", "actions", "plan"}
)  # fmt: skip
# Verbs whose passive names the summoner by where the summoned went ("was summoned to the
# X ministry").
SUMMON_VERBS = frozenset({"summon"})
# Where forces are sent or massed: a place unless a state is named there.
DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "near", "at", "on", "along"})
# Types whose recipient is often named only elsewhere in the clause ("sent ships to the
# islands after X agreed to buy them").
SUBTREE_TARGET_TYPES = frozenset({"MOBILIZE", "THREATEN"})
# Firms named by their state's demonym ("the Xian firm") are seldom the state a threat or a
# deployment is aimed at.
COMMERCIAL_NOUNS = frozenset({"firm", "company", "companies", "corporation", "operator"})


def _own_envoys(tok: Any) -> bool:
    """Whether a verb's object is its subjects' own envoys ("recalled their ambassadors"):
    two states doing it each do it to the other, where its envoy is posted."""
    return any(
        c.dep_ == "dobj"
        and lemma_of(c) in ENVOY_NOUNS
        and any(p.dep_ == "poss" and lemma_of(p) in ("their", "they") for p in c.children)
        for c in tok.children
    )


class FrameReader(NounFrameReader):
    """Reads the frame of each cue of a document."""

    def frame(self, tok: Any, cue: Cue) -> Frame:
        self.r.group_used = False
        self.r.exclude = set()
        f = self._verb(tok, cue) if cue.pos == "VERB" else self._noun(tok, cue)
        self.r.exclude = set()
        f.group = f.group or self.r.group_used
        return f

    def _targets_by_prep(self, f: Frame, tok: Any, cue: Cue) -> None:
        # "moved troops from X to the border with Y": X is where they left, Y faces them
        origin = FROM if cue.type == "MOBILIZE" else frozenset()
        add_codes(f.targets, self.r.prep_actors(tok, DIRECT_PREPS - origin))
        # A preposition of the cue's idiom names no recipient: "put X on alert", "call for X".
        idiom = frozenset().union(*(q.lemmas for q in cue.requires if q.kind == "prep"))
        if cue.type == "MOBILIZE":  # "sent ships to the area": a place, no recipient
            idiom = idiom | DESTINATION_PREPS
        f.target_slot = f.target_slot or has_prep_object(tok, DIRECT_PREPS - idiom)
        if cue.type == "AID" and not f.targets:  # "deposited $1 billion in X's central bank"
            for c in tok.children:
                if c.dep_ == "prep" and lemma_of(c) in ("in", "into"):
                    for p in c.children:
                        if p.dep_ == "pobj" and lemma_of(p) in self.r.lex.agents:
                            add_codes(f.targets, self.r.np_actors(p, "target"))
        self._place(f, tok, cue)

    def _clause_subjects(self, tok: Any) -> list[str]:
        """States that are subjects of adverbial clauses under a cue: the other side in
        "sent ships after X agreed to buy", "warned of sanctions if X invades"."""
        out: list[str] = []
        for t in tok.subtree:
            if t.dep_ == "advcl" and t.i != tok.i:
                for s in t.children:  # "if the Xian firm drills": a firm, not its state
                    if s.dep_ in SUBJECT_DEPS and lemma_of(s) not in COMMERCIAL_NOUNS:
                        add_codes(out, self.r.np_actors(s, "source"))
        return out

    def _verb(self, tok: Any, cue: Cue) -> Frame:
        r = self.r
        f = Frame()
        subj, patients = r.subjects(tok)
        for s in subj:
            add_codes(f.sources, r.np_actors(s, "source"))
            co = r.co_actors(s)
            f.joint = f.joint or bool(co)
            add_codes(f.sources, co)
        sides: list[str] = []  # the parties of a fight the verb's act was done in
        if not f.sources:  # "rocket fire from X hit Y", "X's strike killed Y's soldiers"
            means = list(subj)
            if not subj:  # "Y's soldiers were killed in an X drone attack"
                means = [
                    p
                    for c in tok.children
                    if c.dep_ == "prep" and lemma_of(c) in FIGHT_PREPS
                    for p in c.children
                    if p.dep_ == "pobj"
                ]
            for s in means:
                nouns = r.lex.candidates(lemma_of(s), "NOUN")
                if nouns and nouns[0].type == cue.type:
                    means_frame = self._noun(s, nouns[0])
                    add_codes(f.sources, means_frame.sources)
                    if nouns[0].symmetric:  # "a clash with Y": either side may have done it
                        add_codes(sides, means_frame.sources + means_frame.targets)
        theme = any(q.kind == "obj" for q in cue.requires)  # "send troops": no recipient
        owner = "owner" in cue.flags  # "seized a Xian tanker": the tanker's state undergoes it
        for p in patients:  # "Chinese troops were deployed": the troops' state acts
            add_codes(f.sources if theme and not owner else f.targets, r.np_actors(p, "target"))
        if not f.sources and patients and lemma_of(tok) in SUMMON_VERBS:
            # "X's envoy was summoned to the Y foreign ministry": Y's ministry summoned
            here = r.prep_actors(tok, frozenset({"to"}))
            add_codes(f.sources, [c for c in here if c not in f.targets])
        if sides and set(f.sources) & set(f.targets):
            # "X's troops were killed in a clash with Y's guards": the other side killed them
            f.sources = [c for c in sides if c not in f.targets]
        r.exclude = set(f.sources)
        objs = [o for o in direct_objects(tok) if o.dep_ != "nsubjpass"]
        blamed = cue.type == "ACCUSE" and bool(objs)
        for o in objs:  # "launched Iranian-made drones": the drones' make is no recipient
            themed = theme and not owner
            if cue.type == "ACCUSE":  # "condemned X's attack on Y", "blamed X for ...": X
                add_codes(f.targets, self._doers(o) if self._act(o) else r.np_actors(o, "target"))
                add_codes(f.victims, [c for c in r.subtree_states(o, set()) if c not in f.targets])
                continue
            origin = FROM if cue.type == "MOBILIZE" else frozenset()  # "troops from X"
            add_codes(
                f.targets, r.theme_actors(o, origin) if themed else r.deep_actors(o, "target")
            )
        f.target_slot = bool(objs) and not theme
        if theme:  # "launched an offensive against rebels": a recipient named, no state
            f.target_slot = any(has_prep_object(o, DIRECT_PREPS - {"of"}) for o in objs)
        if blamed:  # "blamed X for the attack on Y": the act is no one blamed
            for c in tok.children:
                if c.dep_ == "prep" and lemma_of(c) in ("for", "over"):
                    add_codes(
                        f.victims, [x for x in r.subtree_states(c, set()) if x not in f.targets]
                    )
        if not f.targets and not blamed:
            self._targets_by_prep(f, tok, cue)
        if not f.targets and cue.type == "REQUEST":  # "demanded that X withdraw": X is asked
            for s in (s for c in tok.children if c.dep_ == "ccomp" for s in c.children):
                if s.dep_ in SUBJECT_DEPS:
                    add_codes(
                        f.targets, [x for x in r.np_actors(s, "source") if x not in f.sources]
                    )
        co = r.co_actors(tok)
        f.joint = f.joint or bool(co)
        add_codes(f.sources, co)
        if cue.mode == "visit" and self._meets_elsewhere(tok):
            f.targets = []  # "flew to X for talks with Y": X is the venue, Y the party
            f.target_slot = True
        if "inverse" in cue.flags:
            f.sources, f.targets = f.targets, f.sources
        add_codes(f.between, r.prep_actors(tok, BETWEEN))
        if not f.targets and cue.type == "THREATEN":
            f.targets.extend(self._warned_attackers(tok, f.sources)[:1])
        if not f.targets and cue.type in SUBTREE_TARGET_TYPES:
            rest = [c for c in self._clause_subjects(tok) if c not in f.sources]
            f.targets.extend(rest[:1])
        f.distributive = is_distributive(tok, subj)
        f.reciprocal = (
            any(
                lemma_of(t) == "other" and any(lemma_of(d) == "each" for d in t.children)
                for t in tok.subtree
            )
            or "one another" in span_text(tok.sent).lower()
        )
        if not f.targets and len(f.sources) == 2 and _own_envoys(tok):
            f.reciprocal, f.distributive = True, False  # "X and Y each recalled their envoys"
        return f

    def _act(self, tok: Any) -> bool:
        """A noun naming an act ("the move", "the attack", "the killing of ...")."""
        lemma = lemma_of(tok)
        return str(tok.pos_) == "NOUN" and (
            lemma in ACT_NOUNS
            or bool(self.r.lex.candidates(lemma, "NOUN"))
            or lemma.endswith("ing")
        )

    def _doers(self, tok: Any) -> list[str]:
        """Who did an act a noun names: its owner or modifier ("X's attack", "the Xian
        strike"), or "by X"."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                add_codes(out, self.r.np_actors(c, "target"))
        add_codes(out, self.r.prep_actors(tok, frozenset({"by"})))
        if not out and lemma_of(tok) in DECISION_NOUNS:
            for c in tok.children:  # "the decision of the X government": X decided
                if c.dep_ == "prep" and lemma_of(c) == "of":
                    for o in c.children:
                        if o.dep_ == "pobj" and self.r.is_actor(o):
                            add_codes(out, self.r.np_actors(o, "target"))
        return out

    def _warned_attackers(self, tok: Any, sources: list[str]) -> list[str]:
        """ "X warned that an attack by Y would ...": the threat is to whoever would attack."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            for t in c.subtree:
                nouns = self.r.lex.candidates(lemma_of(t), "NOUN")
                if str(t.pos_) != "NOUN" or not any(n.type == "ASSAULT" for n in nouns):
                    continue
                doers = self.r.prep_actors(t, frozenset({"by", "from"}))
                for m in t.children:
                    if m.dep_ in ("poss", "amod", "compound", "nmod"):
                        add_codes(doers, self.r.np_actors(m, "target"))
                add_codes(out, [d for d in doers if d not in sources])
        return out

    def _meets_elsewhere(self, tok: Any) -> bool:
        """A trip whose purpose is a meeting with a party named in it ("flew to X for talks
        with Y", "went to X to meet Y")."""
        for c in tok.children:
            if c.dep_ == "prep" and lemma_of(c) == "for":
                for p in c.children:
                    if p.dep_ == "pobj" and self.r.prep_actors(p, SYMMETRIC_PREPS):
                        return True
            if (
                c.dep_ in ("advcl", "xcomp")
                and lemma_of(c) in ("meet", "talk", "hold")
                and (
                    any(self.r.is_actor(o) for o in direct_objects(c))
                    or bool(self.r.prep_actors(c, SYMMETRIC_PREPS))
                )
            ):
                return True
        return False
