"""The frame record, and the frame of a noun cue: ``NounFrameReader``, which ``FrameReader``
(``events.frames``, the frame of a verb cue) builds on.

A noun cue takes its possessor or demonym as source ("Israel's strike", "U.S. sanctions"),
the objects of its prepositions as targets ("talks with X", "sanctions on X"), and, when it
is carried by a light verb (``governor``), that verb's subject ("X held talks", "X imposed
tariffs") or its recipient ("X faced sanctions"). The place named as recipient ("talks in
X", "visited X") is read here for both kinds of cue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad.events.actors import SUBJECT_DEPS, SYMMETRIC_TYPES, TARGET_PREPS, add_codes
from dyad.events.cues import Cue, direct_objects, lemma_of
from dyad.events.reader import ActorReader

LOCATION_PREPS = frozenset({"in", "inside"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Nouns that count or group event nouns: "a series of agreements", "a new round of talks".
QUANTITY_NOUNS = frozenset(
    {"series", "number", "set", "range", "raft", "slew", "package", "round", "couple", "pair",
     "dozen", "host", "string", "wave", "spate", "flurry", "batch", "bunch", "list"}
)  # fmt: skip
DIRECT_PREPS = TARGET_PREPS - LOCATION_PREPS
# Prepositions of the clause around a subject noun that name the other party ("war erupted
# between X and Y", "the visit was to X").
CLAUSE_PREPS = frozenset({"between", "among", "with", "against", "to"})
CLAUSE_CUE_PREPS = frozenset({"between", "with", "to", "on", "against", "for", "at"})
# Prepositions by which a clause's participants hold a meeting ("X told Y in a phone call").
SETTING_PREPS = frozenset({"in", "during", "at", "on", "over", "via"})
LOCATED_TYPES = frozenset({"CONSULT", "ASSAULT", "MOBILIZE", "PROTEST"})
# Types whose "from X" names where the force comes from, its side: "rocket fire from X".
ORIGIN_TYPES = frozenset({"ASSAULT", "MOBILIZE"})
FROM = frozenset({"from"})
BETWEEN = frozenset({"between"})
FIGHT_PREPS = frozenset({"in", "during"})
# A clause's subject undergoes the event it is under: "X is under sanctions", "came under fire".
UNDERGOING_PREPS = frozenset({"under"})
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
# Verbs whose subject takes part in the fight they hold: "X's soldiers died in a clash with Y".
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


def is_distributive(tok: Any, subjects: list[Any]) -> bool:
    """ "Both X and Y ...", "each": the subjects act each on their own."""
    words = {lemma_of(c) for c in tok.children if c.dep_ in ("preconj", "advmod", "det", "predet")}
    for s in subjects:
        words |= {lemma_of(c) for c in s.children if c.dep_ in ("preconj", "det", "predet")}
    return bool(words & {"both", "each"})


def has_prep_object(tok: Any, preps: frozenset[str]) -> bool:
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


class NounFrameReader:
    """Reads the frame of a noun cue, and the place as recipient of any cue."""

    def __init__(self, reader: ActorReader) -> None:
        self.r = reader

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
        # "rocket fire from X": X fires; "the expulsion of Y's diplomats from X": X expels
        origin = cue.type in ORIGIN_TYPES or cue.mode == "expel"
        if origin and not f.sources:
            add_codes(f.sources, r.prep_actors(tok, FROM))
            if cue.mode == "expel":  # "expulsion of [diplomats from X]", as parsed
                for c in tok.children:
                    if c.dep_ == "prep" and lemma_of(c) == "of":
                        for p in c.children:
                            add_codes(f.sources, r.prep_actors(p, FROM))
        r.exclude = set(f.sources)
        add_codes(
            f.targets, r.prep_actors(tok, DIRECT_PREPS - {"by"} - (FROM if origin else set()))
        )
        f.target_slot = has_prep_object(tok, DIRECT_PREPS - {"by", "of", "for", "over"})
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
            other = f.target_slot or has_prep_object(gov, DIRECT_PREPS - {prep or ""})
            if not f.targets:
                add_codes(f.targets, r.prep_actors(gov, DIRECT_PREPS))
                f.target_slot = f.target_slot or has_prep_object(gov, DIRECT_PREPS)
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
        f.distributive = f.distributive or is_distributive(gov, subj)
