"""The frame of an event cue: which states act, which are acted on, and the pairs they make.

A verb cue takes its subject (inherited through "X vowed to ...", "X ... and then ...") as
source and its object, else the object of a preposition ("with", "to", "on", "against"; "in"
for meetings and attacks) as target. A noun cue takes its possessor or demonym as source
("Israel's strike", "U.S. sanctions"), the objects of its prepositions as targets ("talks with
X", "sanctions on X"), and, when it is carried by a light verb, that verb's subject ("X held
talks", "X imposed tariffs") or its recipient ("X faced sanctions").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad.events.actors import (
    SUBJECT_DEPS,
    SYMMETRIC_PREPS,
    SYMMETRIC_TYPES,
    TARGET_PREPS,
    add_codes,
)
from dyad.events.cues import Cue, direct_objects, lemma_of
from dyad.events.reader import ActorReader
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
LOCATION_PREPS = frozenset({"in", "inside"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Nouns that count or group event nouns: "a series of agreements", "a new round of talks".
QUANTITY_NOUNS = frozenset(
    {"series", "number", "set", "range", "raft", "slew", "package", "round", "couple", "pair",
     "dozen", "host", "string", "wave", "spate", "flurry", "batch", "bunch", "list"}
)  # fmt: skip
DIRECT_PREPS = TARGET_PREPS - LOCATION_PREPS
# Where forces are sent or massed: a place unless a state is named there.
DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "near", "at", "on", "along"})
# Prepositions of the clause around a subject noun that name the other party ("war erupted
# between X and Y", "the visit was to X").
CLAUSE_PREPS = frozenset({"between", "among", "with", "against", "to"})
CLAUSE_CUE_PREPS = frozenset({"between", "with", "to", "on", "against", "for", "at"})
# Prepositions by which a clause's participants hold a meeting ("X told Y in a phone call").
SETTING_PREPS = frozenset({"in", "during", "at", "on", "over", "via"})
# Types whose recipient is often named only elsewhere in the clause ("sent ships to the
# islands after X agreed to buy them").
SUBTREE_TARGET_TYPES = frozenset({"MOBILIZE", "THREATEN"})
# Firms named by their state's demonym ("the Xian firm") are seldom the state a threat or a
# deployment is aimed at.
COMMERCIAL_NOUNS = frozenset({"firm", "company", "companies", "corporation", "operator"})
LOCATED_TYPES = frozenset({"CONSULT", "ASSAULT", "MOBILIZE", "PROTEST"})
# Types whose "from X" names where the force comes from, its side: "rocket fire from X".
ORIGIN_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
FROM = frozenset({"from"})
BETWEEN = frozenset({"between"})
FIGHT_PREPS = frozenset({"in", "during"})
# A clause's subject undergoes the event it is under: "X is under sanctions", "came under fire".
UNDERGOING_PREPS = frozenset({"under"})
# Verbs whose subject takes part in the fight they hold: "X's soldiers died in a clash with Y".
# Prepositions that set a noun event beside a clause as its time or cause ("applied to join
# X following Y's war on Z"): the clause's actors are not the event's.
ADVERBIAL_PREPS = frozenset(
    {"following", "follow", "after", "before", "amid", "since", "despite", "until", "ahead",
     "because", "given", "than", "like", "unlike", "prior", "due", "except"}
)  # fmt: skip
# Verbs of going somewhere for a meeting: "X is expected in Y for talks with Z".
TRAVEL_VERBS = frozenset(
    {"expect", "arrive", "travel", "come", "go", "fly", "head", "return", "due", "set"}
)
FIGHT_VERBS = frozenset(
    {"die", "kill", "wound", "injure", "perish", "hurt", "lose", "engage", "involve", "capture"}
)


# Light verbs of a give-and-take: "X and Y traded accusations" is each accusing the other.
MUTUAL_VERBS = frozenset({"trade", "exchange", "swap"})
# The envoys a state posts abroad: "X and Y recalled their ambassadors" is each recalling its
# envoy from the other.
ENVOY_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "emissary", "chargé"})


@dataclass
class Frame:
    """The states around one cue: who acts, who is acted on, and how they were found."""

    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    group: bool = False  # an actor was "the two countries", "they", "their"
    joint: bool = False  # the actors act together ("X, along with Y, ...")
    distributive: bool = False  # "both ... engaged in exercises": each on its own
    target_slot: bool = False  # a target was named, state or not ("clashes with the West")
    between: list[str] = field(default_factory=list)  # "talks between X and Y" (hosted by Z)
    place: list[str] = field(default_factory=list)  # targets named as the place ("in X")
    reciprocal: bool = False  # "attacked each other"
    victims: list[str] = field(default_factory=list)  # "condemned the attack on X": X


def governor(tok: Any) -> tuple[Any | None, str | None]:
    """The verb carrying a noun (as object, or through a preposition), and that preposition;
    "signed a series of agreements" carries the agreements."""
    while True:
        if tok.dep_ in ("conj", "appos") and str(tok.head.pos_) in ("NOUN", "PROPN"):
            tok = tok.head
        elif (
            tok.dep_ == "pobj"
            and lemma_of(tok.head) == "of"
            and lemma_of(tok.head.head) in QUANTITY_NOUNS
        ):
            tok = tok.head.head
        elif tok.dep_ == "pobj" and lemma_of(tok.head) == "in" and _amount(tok.head.head):
            tok = tok.head.head  # "announced $3 billion in aid"
        else:
            break
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and lemma_of(head) in ("at", "during")
        and head.head.dep_ in ("dobj", "nsubjpass")
        and str(head.head.head.pos_) in ("VERB", "AUX")
    ):
        return head.head.head, lemma_of(head)  # "signed a deal at talks in X": the signers met
    if tok.dep_ == "conj" and str(head.pos_) in ("VERB", "AUX"):
        return head, None
    if tok.dep_ in ("dobj", "attr", "nsubjpass", "oprd", "dative") and str(head.pos_) in (
        "VERB",
        "AUX",
    ):
        return head, None
    if tok.dep_ == "pobj" and head.dep_ == "prep" and str(head.head.pos_) in ("VERB", "AUX"):
        return head.head, lemma_of(head)
    return None, None


def _amount(tok: Any) -> bool:
    """A sum or count: "$3 billion", "three billion dollars", "500 tonnes"."""
    return str(tok.pos_) in ("NUM", "NOUN", "SYM") and (
        bool(tok.like_num)
        or str(tok.tag_) == "$"
        or any(c.dep_ in ("nummod", "quantmod") or str(c.tag_) == "$" for c in tok.children)
    )


def _anti(tok: Any) -> bool:
    """A modifier "anti-X" (one token, or "anti", "-", "X"): X is the target."""
    if str(tok.text).lower().startswith("anti"):
        return True
    doc = tok.doc
    return (
        tok.i >= 2
        and str(doc[tok.i - 1].text) == "-"
        and str(doc[tok.i - 2].text).lower() == "anti"
    )


def _distributive(tok: Any, subjects: list[Any]) -> bool:
    """ "Both X and Y ...", "each": the subjects act each on their own."""
    words = {lemma_of(c) for c in tok.children if c.dep_ in ("preconj", "advmod", "det", "predet")}
    for s in subjects:
        words |= {lemma_of(c) for c in s.children if c.dep_ in ("preconj", "det", "predet")}
    return bool(words & {"both", "each"})


def _own_envoys(tok: Any) -> bool:
    """Whether a verb's object is its subjects' own envoys ("recalled their ambassadors"):
    two states doing it each do it to the other, where its envoy is posted."""
    return any(
        c.dep_ == "dobj"
        and lemma_of(c) in ENVOY_NOUNS
        and any(p.dep_ == "poss" and lemma_of(p) in ("their", "they") for p in c.children)
        for c in tok.children
    )


def _has_prep_object(tok: Any, preps: frozenset[str]) -> bool:
    """Whether a preposition names a party, state or not ("clashes with the West"; "talks on
    Tuesday" names a time, no party)."""
    return any(
        c.dep_ == "prep"
        and lemma_of(c) in preps
        and any(
            p.dep_ in ("pobj", "pcomp") and str(p.ent_type_) not in TIME_ENTITIES
            for p in c.children
        )
        for c in tok.children
    )


class FrameReader:
    """Reads the frame of each cue of a document."""

    def __init__(self, reader: ActorReader) -> None:
        self.r = reader

    def frame(self, tok: Any, cue: Cue) -> Frame:
        self.r.group_used = False
        self.r.exclude = set()
        f = self._verb(tok, cue) if cue.pos == "VERB" else self._noun(tok, cue)
        self.r.exclude = set()
        f.group = f.group or self.r.group_used
        return f

    def _targets_by_prep(self, f: Frame, tok: Any, cue: Cue) -> None:
        add_codes(f.targets, self.r.prep_actors(tok, DIRECT_PREPS))
        # A preposition of the cue's idiom names no recipient: "put X on alert", "call for X".
        idiom = frozenset().union(*(q.lemmas for q in cue.requires if q.kind == "prep"))
        if cue.type == "MOBILIZE":  # "sent ships to the area": a place, no recipient
            idiom = idiom | DESTINATION_PREPS
        f.target_slot = f.target_slot or _has_prep_object(tok, DIRECT_PREPS - idiom)
        if cue.type == "AID" and not f.targets:  # "deposited $1 billion in X's central bank"
            for c in tok.children:
                if c.dep_ == "prep" and lemma_of(c) in ("in", "into"):
                    for p in c.children:
                        if p.dep_ == "pobj" and lemma_of(p) in self.r.lex.agents:
                            add_codes(f.targets, self.r.np_actors(p, "target"))
        self._place(f, tok, cue)

    def _place(self, f: Frame, tok: Any, cue: Cue, other_named: bool | None = None) -> None:
        """The place as recipient ("visited X", "talks in X", "strike in X") when no other is
        named, unless several parties met there (a third country hosting them) or a meeting's
        other party is named and is no state ("met business leaders in X", "toured a plant in
        X": where it happened, not with whom)."""
        if cue.type == "CONSULT" and (f.target_slot if other_named is None else other_named):
            return
        if not f.targets and cue.type in LOCATED_TYPES and len(f.sources) < 2:
            place = self.r.prep_actors(tok, LOCATION_PREPS)
            if not place and cue.type == "ASSAULT":  # "a strike on a car in X": X is hit
                for o in direct_objects(tok):  # "attacked a base in X"
                    if o.dep_ != "nsubjpass":
                        add_codes(place, self.r.prep_actors(o, LOCATION_PREPS))
                for c in tok.children:
                    if c.dep_ == "prep" and lemma_of(c) in ("on", "against"):
                        for o in c.children:
                            if o.dep_ == "pobj":
                                add_codes(place, self.r.prep_actors(o, LOCATION_PREPS))
            add_codes(f.targets, place)
            f.place = [c for c in place if c not in f.place] + f.place

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
            add_codes(f.targets, r.theme_actors(o) if themed else r.deep_actors(o, "target"))
        f.target_slot = bool(objs) and not theme
        if theme:  # "launched an offensive against rebels": a recipient named, no state
            f.target_slot = any(_has_prep_object(o, DIRECT_PREPS - {"of"}) for o in objs)
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
        f.distributive = _distributive(tok, subj)
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

    def _noun(self, tok: Any, cue: Cue) -> Frame:
        r = self.r
        f = Frame()
        forum = False
        for c in tok.children:
            if c.dep_ == "poss":
                add_codes(f.sources, r.np_actors(c, "target"))
            elif c.dep_ == "amod" and any(g.dep_ in SUBJECT_DEPS for g in c.children):
                for g in c.children:  # "X raised duties": the parser made "raised" a modifier
                    if g.dep_ in SUBJECT_DEPS:
                        add_codes(f.sources, r.np_actors(g, "source"))
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod"):
                if str(tok.pos_) == "PROPN" and c.i in r.index.cities:
                    continue  # "the Xville Declaration": named after a city, its venue
                codes = r.np_actors(c, "target")
                if cue.type == "CONSULT" and codes and not any(r.index.is_state(x) for x in codes):
                    forum = True
                    add_codes(f.targets, codes)
                else:
                    add_codes(f.targets if _anti(c) else f.sources, codes)
            elif c.dep_ == "prep" and lemma_of(c) == "by":
                add_codes(f.sources, r.prep_actors(tok, frozenset({"by"})))
            elif c.dep_ in ("acl", "relcl"):
                for s in c.children:
                    if s.dep_ in SUBJECT_DEPS:
                        add_codes(f.sources, r.np_actors(s, "source"))
                if c.dep_ == "acl":  # "the deals signed between X and Y", not "that ended with"
                    add_codes(f.targets, r.prep_actors(c, CLAUSE_CUE_PREPS))
        if not f.sources:
            add_codes(f.sources, r.left_possessor(tok))
        origin = cue.type in ORIGIN_TYPES  # "rocket fire from X": X fires
        if origin and not f.sources:
            add_codes(f.sources, r.prep_actors(tok, FROM))
        r.exclude = set(f.sources)
        add_codes(
            f.targets, r.prep_actors(tok, DIRECT_PREPS - {"by"} - (FROM if origin else set()))
        )
        f.target_slot = _has_prep_object(tok, DIRECT_PREPS - {"by", "of", "for", "over"})
        if not forum:
            self._place(f, tok, cue)
        add_codes(f.between, r.prep_actors(tok, BETWEEN))
        if tok.dep_ == "pobj" and lemma_of(tok.head) == "of":
            counted = tok.head.head  # "rounds of talks between X and Y"
            if lemma_of(counted) in QUANTITY_NOUNS and not f.between:
                add_codes(f.between, r.prep_actors(counted, BETWEEN))
        gov, prep = governor(tok)
        if gov is not None:
            self._governed(f, cue, gov, prep, forum)
        if len(f.sources) >= 2 and f.place:
            # "At the summit in X, Y and Z met": the place hosted the parties named later
            f.targets = [c for c in f.targets if c not in f.place]
        if tok.dep_ in ("nsubj", "nsubjpass") and not f.targets:
            add_codes(f.targets, r.prep_actors(tok.head, CLAUSE_PREPS))
        if not f.sources and tok.dep_ == "conj" and str(tok.head.pos_) in ("NOUN", "PROPN"):
            for c in tok.head.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod"):
                    add_codes(f.sources, r.np_actors(c, "target"))
        f.reciprocal = tok.dep_ == "dobj" and lemma_of(tok.head) in MUTUAL_VERBS
        self._envoy_posting(f, tok, cue)
        return f

    def _envoy_posting(self, f: Frame, tok: Any, cue: Cue) -> None:
        """ "The recall of its ambassador in Y", "the withdrawal of X's envoy to Y": the
        envoy's state recalls it from the state it is posted to."""
        if cue.type != "SANCTION" or cue.mode != "withdraw":
            return
        r = self.r
        for c in tok.children:
            if c.dep_ != "prep" or lemma_of(c) != "of":
                continue
            for envoy in c.children:
                if envoy.dep_ != "pobj" or lemma_of(envoy) not in ENVOY_NOUNS:
                    continue
                owners = [
                    x
                    for m in envoy.children
                    if m.dep_ in ("poss", "amod", "compound")
                    for x in r.np_actors(m, "target")
                ]
                posts = [
                    x
                    for x in r.prep_actors(envoy, frozenset({"in", "to", "at"}))
                    if x not in owners
                ]
                if owners and posts:
                    f.sources = [x for x in owners if x not in posts]
                    f.targets = posts

    def _governed(self, f: Frame, cue: Cue, gov: Any, prep: str | None, forum: bool) -> None:
        """Actors a noun cue takes from the verb that carries it ("X held talks with Y")."""
        r = self.r
        lex = r.lex
        if prep in ADVERBIAL_PREPS and (f.sources or cue.type not in SYMMETRIC_TYPES):
            return  # "X did A after Y's war on Z", not "X did A after a deal with Y"
        lem = lemma_of(gov)
        subj = r.subjects(gov)[0]
        if prep in UNDERGOING_PREPS:  # "X is under sanctions", "X came under attack from Y"
            objs = [o for o in direct_objects(gov) if o.dep_ != "nsubjpass"]
            if objs and not f.sources:  # "Y put X under sanctions"
                add_codes(f.sources, r.subject_actors(gov)[0])
            for n in objs or subj:
                add_codes(f.targets, [c for c in r.np_actors(n, "target") if c not in f.sources])
            return
        light = lem in lex.light_source or (lem == "be" and prep is not None)
        if light and not f.sources:
            add_codes(f.sources, r.subject_actors(gov)[0])
        if lem in lex.light_cosource:
            add_codes(f.sources, r.subject_actors(gov)[0])
        if lem in lex.light_target:
            add_codes(f.targets, [s for s in r.subject_actors(gov)[0] if s not in f.sources])
        if light or lem in lex.light_target:
            for s in subj:
                co = r.co_actors(s)
                f.joint = f.joint or bool(co)
                add_codes(f.sources, co)
            co = r.co_actors(gov)
            f.joint = f.joint or bool(co)
            add_codes(f.sources, co)
            # a party named beside the noun, not the noun's own preposition ("is in X for talks")
            other = f.target_slot or _has_prep_object(gov, DIRECT_PREPS - {prep or ""})
            if not f.targets:
                add_codes(f.targets, r.prep_actors(gov, DIRECT_PREPS))
                f.target_slot = f.target_slot or _has_prep_object(gov, DIRECT_PREPS)
            if not f.between:
                add_codes(f.between, r.prep_actors(gov, BETWEEN))
            if not forum:
                self._place(f, gov, cue, other)
            if not f.targets and cue.type == "AGREE" and len(f.sources) < 2:
                skip = {t.i for s in subj for t in s.subtree}
                rest = [c for c in r.subtree_states(gov, skip) if c not in f.sources]
                f.targets.extend(rest[:1])
        elif prep in FIGHT_PREPS and cue.symmetric and cue.type == "ASSAULT" and lem in FIGHT_VERBS:
            # "X's soldiers died in a clash with Y": the clause's subject is a party
            sources, patients = r.subject_actors(gov)
            add_codes(f.sources, [c for c in sources + patients if c not in f.targets])
        elif cue.type == "CONSULT" and (
            prep in SETTING_PREPS or (prep == "for" and lem in TRAVEL_VERBS)
        ):
            add_codes(f.sources, r.subject_actors(gov)[0])
            for o in direct_objects(gov):
                add_codes(f.targets, r.np_actors(o, "target"))
        f.distributive = f.distributive or _distributive(gov, subj)
