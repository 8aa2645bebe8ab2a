"""Reading the actors of a cue's arguments: ``ActorReader``.

Over an ``ActorIndex`` (``events.actors``): the states a noun phrase names (its conjuncts,
modifiers, owners), pronouns ("they" and "the two countries" for the article's pair, "he"
and "it" for the nearest official or state, a relative pronoun for its antecedent), the
subjects a verb inherits through "X vowed to ...", and the recipients named through
prepositions. Split out of ``events.actors``, which builds the index; what "the ministry",
"his counterpart", "that country", "it" and a relative pronoun refer back to is read in
``events.anaphora``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dyad.events.actors import SUBJECT_DEPS, ActorIndex, add_codes
from dyad.events.anaphora import (
    COUNTERPART_NOUNS,
    NAMED_BEFORE_DEPTH,
    STATE_PRONOUNS,
    antecedent,
    counterpart,
    named_before,
    nearest,
    that_country,
)
from dyad.events.cues import Lexicon, direct_objects, lemma_of
from dyad.events.groups import GROUP_NUMBERS, group_size, is_group_noun, neighbour_of_pair
from dyad.nlp.doctext import line_marks

PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "we", "us", "our"})
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Prepositions a search for recipients does not go through: places ("targets in X", "the
# sea between X and Y").
PLACE_PREPS = frozenset({"in", "inside", "within", "between", "among", "across"})
CO_ACTOR_PREPS = frozenset({"along", "together", "alongside"})
# Conjunctions the parser takes for prepositions before a clause's subject: "as X launched".
LOST_SUBJECT_MARKS = frozenset(
    {"as", "after", "before", "when", "while", "since", "until", "because"}
)
INHERIT_DEPS = frozenset({"xcomp", "conj", "pcomp", "advcl", "prep", "acomp", "oprd", "advmod"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "appos"})
# Participles naming a third party that arranges an event, not a side of it: "an X-brokered
# summit", "a Y-hosted meeting", "an X-sponsored conference".
THIRD_PARTY_PARTICIPLES = frozenset(
    {"broker", "host", "mediate", "sponsor", "organise", "organize", "facilitate", "convene",
     "chair"}
)  # fmt: skip
# Participles tying a non-state group to a state: "X-backed militias", "rebels armed by X".
SPONSOR_VERBS = frozenset(
    {"back", "sponsor", "support", "arm", "fund", "finance", "train", "direct", "control",
     "ally", "align", "command", "equip"}
)  # fmt: skip
# Verbs tying a group to a state "to" it: "militias linked to the X army".
TIE_VERBS = frozenset({"link", "tie", "affiliate", "attach", "loyal"})
# Marks of clauses that share the time and place of the clause above them.
TEMPORAL_MARKS = frozenset({"when", "after", "before", "as", "once", "until", "since"})


def _quoted(tok: Any) -> bool:
    """Whether a token lies inside a quotation opened earlier in its paragraph."""
    marks = line_marks(tok.doc, '"\u201c\u201d')  # counted by bisection, not by rereading
    end = int(tok.idx)
    start = marks.line_start(end)
    opened, closed = marks.count("\u201c", start, end), marks.count("\u201d", start, end)
    return marks.count('"', start, end) % 2 == 1 or opened > closed


def _arranger(tok: Any) -> bool:
    """ "(X-)brokered", "hosted": a participle naming who arranged an event."""
    return str(tok.tag_) == "VBN" and lemma_of(tok) in THIRD_PARTY_PARTICIPLES


def _arranger_prefix(tok: Any) -> bool:
    """ "African Union-brokered": a name (of one or more words) hyphened to such a participle."""
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and i - tok.i < 5 and str(doc[i].pos_) == "PROPN":
        i += 1
    return (
        i + 1 < len(doc)
        and str(doc[i].text) in ("-", "–")
        and not doc[i].whitespace_
        and _arranger(doc[i + 1])
    )


def clause_tokens(tok: Any) -> Iterator[Any]:
    """The tokens under ``tok`` in its own clause: no relative, reported, coordinated or
    concessive clause ("while X ...") below it; temporal and purpose clauses stay in."""
    yield tok
    for c in tok.children:
        if c.dep_ in ("relcl", "ccomp", "parataxis", "csubj") or (
            c.dep_ == "conj" and str(c.pos_) in ("VERB", "AUX")
        ):
            continue
        if c.dep_ == "advcl":
            marks = {lemma_of(m) for m in c.children if m.dep_ == "mark"}
            if marks and not marks & TEMPORAL_MARKS:
                continue
        yield from clause_tokens(c)


class ActorReader:
    """Reads the actors of cues in one document (its index, its lexicon, its cue tokens)."""

    def __init__(
        self, index: ActorIndex, lex: Lexicon, groups: frozenset[int] = frozenset()
    ) -> None:
        self.index = index
        self.lex = lex
        self.groups = groups  # tokens of named non-state groups ("Hezbollah", "the M23")
        self.group_used = False
        self.exclude: set[str] = set()

    def named_group(self, tok: Any) -> bool:
        """Whether a noun names a non-state group ("the X Front", "X's Y group" with Y a
        group's name), which acts for no state, not the one that owns it in the text."""
        if self.index.code(tok):
            return False
        return tok.i in self.groups or any(
            c.dep_ in ("compound", "appos") and c.i in self.groups for c in tok.children
        )

    # -- one noun phrase ---------------------------------------------------------------------

    def is_actor(self, tok: Any) -> bool:
        """Whether a token names a state or official itself (or through an apposition or a
        conjunct, or as "he"/"she"): "pressed Japan", "welcomed a guest, X", not "their plan"."""
        if self.index.code(tok):
            return True
        if is_group_noun(tok) and self._pronoun_or_group(tok):
            return True  # "urged both sides", "the two countries"
        if lemma_of(tok) in self.lex.agents and any(
            c.dep_ in ("poss", "compound", "amod") and self.index.code(c) for c in tok.children
        ):
            return True  # "met Chinese officials", "pressed Japan's envoy"
        if str(tok.text).lower() in PERSON_PRONOUNS:
            return bool(nearest(self, tok, person=True))
        return any(c.dep_ in ("appos", "conj") and self.is_actor(c) for c in tok.children)

    def np_actors(self, tok: Any, role: str, depth: int = 0) -> list[str]:
        """The states a noun phrase headed by ``tok`` names (its conjuncts included)."""
        out: list[str] = []
        if depth > 4 or _arranger(tok) or _arranger_prefix(tok):
            return out  # "an X-brokered summit": X arranged it, no side of it
        if (lemma_of(tok) in self.lex.nonstate and not self.index.code(tok)) or self.named_group(
            tok
        ):
            return self._sponsors(tok, depth)  # "Xian rebels", "X's Y group" act for no state
        codes = self.index.code(tok)
        if codes:
            if (
                role == "target"
                or tok.i in self.index.persons
                or not self._bare_demonym(tok)
                or lemma_of(tok.head) in self.lex.agents
            ):
                add_codes(out, codes)
        else:
            add_codes(out, self._pronoun_or_group(tok))
            if not out:
                add_codes(out, self._modifier_actors(tok, role, depth))
            named = any(
                c.dep_ in ("amod", "compound", "nmod") and self.index.code(c) for c in tok.children
            )  # "his Xian counterpart" names the state
            if lemma_of(tok) in COUNTERPART_NOUNS and not named:
                out = counterpart(self, tok, out)
            elif not out and depth < NAMED_BEFORE_DEPTH:
                add_codes(out, named_before(self, tok))
        for c in tok.children if codes else ():  # "the ministers of X and Y", read as X's
            if c.dep_ == "prep" and lemma_of(c) == "of":
                for p in c.children:
                    if p.dep_ == "pobj" and set(self.index.code(p)) <= set(codes):
                        conj = [x for x in p.children if x.dep_ == "conj"]
                        for x in conj:
                            add_codes(out, self.np_actors(x, role, depth + 1))
        for c in tok.children:
            if c.dep_ in ("conj", "appos"):  # "X and Y", "NAIROBI - Kenya and Uganda"
                add_codes(out, self.np_actors(c, role, depth + 1))
            elif c.dep_ in ("nmod", "compound") and any(g.dep_ == "cc" for g in c.children):
                add_codes(out, self.np_actors(c, role, depth + 1))  # "X and Y Z", misparsed
        return out

    def _sponsors(self, tok: Any, depth: int) -> list[str]:
        """The states a non-state group is tied to: "X-backed militias", "rebels armed by X"."""
        out: list[str] = []
        for c in tok.children:
            if str(c.tag_) != "VBN" or lemma_of(c) not in SPONSOR_VERBS | TIE_VERBS:
                continue
            for g in c.children:
                if g.dep_ in ("npadvmod", "compound", "amod", "nmod"):
                    add_codes(out, self.np_actors(g, "target", depth + 1))
                elif g.dep_ == "agent" or (g.dep_ == "prep" and lemma_of(g) == "to"):
                    for p in g.children:
                        if p.dep_ == "pobj":
                            add_codes(out, self.np_actors(p, "target", depth + 1))
        return out

    def _bare_demonym(self, tok: Any) -> bool:
        if tok.i in self.index.names:
            return False  # "Togo" tagged as a nationality is still the state's name
        return str(tok.pos_) == "ADJ" or str(tok.ent_type_) == "NORP"

    def _modifier_actors(self, tok: Any, role: str, depth: int) -> list[str]:
        out: list[str] = []
        agentive = lemma_of(tok) in self.lex.agents or is_group_noun(tok)
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS:
                if c.dep_ in ("amod", "compound", "nmod") and role == "source" and not agentive:
                    continue
                add_codes(out, self.np_actors(c, "target" if agentive else role, depth + 1))
            elif c.dep_ == "prep" and lemma_of(c) in ("of", "from") and agentive:
                for p in c.children:
                    if p.dep_ == "pobj":
                        add_codes(out, self.np_actors(p, "target", depth + 1))
        return out

    def _pronoun_or_group(self, tok: Any) -> list[str]:
        lemma = lemma_of(tok)
        text = str(tok.text).lower()
        if lemma in PLURAL_PRONOUNS or text in PLURAL_PRONOUNS:
            if text in FIRST_PERSON and _quoted(tok):
                return []  # "we" in a quotation is the speaker's side, not the pair
            if text not in FIRST_PERSON and self._nonstate_before(tok):
                return []  # "struck the rebels, accusing them of ...": the rebels
            return self._group(2)
        if text in PERSON_PRONOUNS | STATE_PRONOUNS and tok.dep_ in SUBJECT_DEPS:
            speaker = self._speaker(tok)
            if speaker:
                return speaker
        if text in PERSON_PRONOUNS or lemma in PERSON_PRONOUNS:
            return nearest(self, tok, person=True)
        if text in STATE_PRONOUNS:
            return nearest(self, tok, person=False)
        if str(tok.tag_) in RELATIVE_TAGS:
            return antecedent(self, tok)
        if (
            lemma in GROUP_NUMBERS
            and str(tok.pos_) in ("NUM", "DET", "PRON")
            and (
                tok.dep_ in SUBJECT_DEPS
                or (tok.dep_ == "pobj" and lemma_of(tok.head) in ("between", "among"))
            )
        ):
            return self._group(GROUP_NUMBERS[lemma])
        size = group_size(tok)
        if size is not None:
            return self._group(size)
        if neighbour_of_pair(tok):
            return self._group(2)  # "the neighbouring country": the other of the pair
        if that_country(tok):
            return nearest(self, tok, person=False)  # "that country's ambassador"
        return []

    def _nonstate_before(self, tok: Any) -> bool:
        """A plural non-state group named earlier in the sentence ("militants", "the
        groups"), which a plural pronoun after it stands for."""
        return any(
            str(t.tag_) == "NNS" and lemma_of(t) in self.lex.nonstate and not self.index.code(t)
            for t in tok.doc[tok.sent.start : tok.i]
        )

    def _speaker(self, tok: Any) -> list[str]:
        """ "X said it would ...": the subject pronoun of reported speech is the speaker."""
        clause = tok.head
        if clause.dep_ != "ccomp" or lemma_of(clause.head) not in self.lex.speech:
            return []
        out: list[str] = []
        for s in clause.head.children:
            if s.dep_ in SUBJECT_DEPS and s.i != tok.i:
                add_codes(out, self.np_actors(s, "source", 3))
        return out

    def _group(self, n: int) -> list[str]:
        top = self.index.top(n)
        if top:
            self.group_used = True
        return list(top)

    # -- deep search for targets ------------------------------------------------------------

    def theme_actors(self, tok: Any, skip: frozenset[str] = frozenset()) -> list[str]:
        """Recipients named on what is sent or fired, or its owner, not its make: "troops near
        X's border", "X's membership", not "Iranian-made drones"; none by the prepositions
        ``skip`` ("troops from X": where they left)."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ == "poss":  # "ratified X's membership", "recognised X's independence"
                add_codes(out, [x for x in self.np_actors(c, "target") if x not in self.exclude])
            if c.dep_ == "prep" and lemma_of(c) not in PLACE_PREPS | {"of"} | skip:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        add_codes(out, self.deep_actors(p, "target", 1))
        return out

    def deep_actors(self, tok: Any, role: str, depth: int = 0) -> list[str]:
        """A phrase's states, else those of its prepositional objects ("on exports to X");
        states in ``self.exclude`` (the sources) do not count ("to its border with X")."""
        out = [c for c in self.np_actors(tok, role) if c not in self.exclude]
        if out or depth >= 2 or self.owned_by_other(tok):
            return out
        for c in tok.children:
            if c.dep_ == "prep" and lemma_of(c) not in PLACE_PREPS:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        add_codes(out, self.deep_actors(p, role, depth + 1))
        return out

    def owned_by_other(self, tok: Any) -> bool:
        """A phrase owned by a party that is no state ("the West's criticism of its ties with
        X", "the rebels' demands", "rebel positions near X's border"): the owner is the
        party, not a state inside it."""
        return any(
            (
                c.dep_ == "poss"
                and str(c.pos_) in ("NOUN", "PROPN")
                and not self.np_actors(c, "target")
            )
            or (
                c.dep_ in ("compound", "amod")
                and lemma_of(c) in self.lex.nonstate
                and not self.index.code(c)
                and not any(g.dep_ in ("npadvmod", "compound", "amod") for g in c.children)
            )
            for c in tok.children
        )

    def subtree_states(self, tok: Any, skip: set[int]) -> list[str]:
        """States named anywhere under ``tok`` outside the token indices in ``skip``."""
        out: list[str] = []
        for t in clause_tokens(tok):
            if t.i not in skip and not _arranger_prefix(t):  # "an X-brokered meeting"
                add_codes(out, self.index.code(t))
        return out

    # -- clauses -----------------------------------------------------------------------------

    def subjects(self, verb: Any, depth: int = 0) -> tuple[list[Any], list[Any]]:
        """(subjects, patients) of a verb; subjects inherited through xcomp, conj, advcl."""
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        for c in verb.children:
            if c.dep_ == "agent":
                subj.extend(p for p in c.children if p.dep_ == "pobj")
        if subj or patients or depth > 4 or verb.head.i == verb.i:
            return subj, patients
        if verb.dep_ == "pcomp" and lemma_of(verb.head) in ("with", "without"):
            objs = [p for p in verb.head.children if p.dep_ == "pobj"]
            if objs:  # "with X joining Y": X does it
                return objs, []
        if verb.dep_ == "pcomp" and lemma_of(verb.head) in ("for", "of"):
            outer = verb.head.head  # "condemned X for imposing", "accused X of arming": X
            objs = [o for o in direct_objects(outer) if o.dep_ == "dobj"]
            if str(outer.pos_) == "VERB" and objs and self.is_actor(objs[0]):
                return objs[:1], []
        if verb.dep_ in ("acl", "relcl") and str(verb.tag_) == "VBG":
            head = verb.head
            if not self.is_actor(head) and head.dep_ == "dobj" and str(head.head.pos_) == "VERB":
                return self.subjects(head.head, depth + 1)  # "X signed orders imposing ..."
            signers = [
                g
                for m in head.children
                if m.dep_ == "amod" and str(m.pos_) == "VERB"
                for g in m.children
                if g.dep_ in SUBJECT_DEPS
            ]
            if signers and not self.is_actor(head):
                return signers, []  # the same, misparsed: "after X signed(amod) orders imposing"
            return [head], []
        if (
            verb.dep_ in ("acl", "relcl", "advcl")
            and str(verb.tag_) == "VB"
            and any(c.dep_ == "aux" and lemma_of(c) == "to" for c in verb.children)
            and verb.head.dep_ == "ROOT"
            and self.is_actor(verb.head)
        ):
            return [verb.head], []  # a headline's "X's president to visit Y": X visits
        if verb.dep_ == "acl" and any(lemma_of(c) == "to" for c in verb.children):
            owners = [c for c in verb.head.children if c.dep_ == "poss" and self.is_actor(c)]
            owners += [
                o
                for c in verb.head.children
                if c.dep_ == "prep" and lemma_of(c) == "of" and c.i < verb.i
                for o in c.children
                if o.dep_ == "pobj" and self.is_actor(o)
            ]  # "the decision of the X government to cut ties"
            if owners:
                return owners, []  # "X's decision to cut ties"
        lost = self._lost_subject(verb)
        if lost is not None:
            return [lost], []
        if verb.dep_ in INHERIT_DEPS:
            head = verb.head
            if verb.dep_ == "xcomp":
                objs = [o for o in direct_objects(head) if o.dep_ != "nsubjpass"]
                if objs and self.is_actor(objs[0]):
                    return objs[:1], []
                subj, patients = self.subjects(head, depth + 1)
                return (subj or patients), []  # "X is expected to visit": X visits
            return self.subjects(head, depth + 1)
        return subj, patients

    @staticmethod
    def _lost_subject(verb: Any) -> Any | None:
        """ "... as X launched ...": the parser took "as X" for a phrase; X is the subject."""
        doc = verb.doc
        if str(verb.tag_) not in ("VBD", "VBZ", "VBP"):
            return None
        for i in range(verb.i - 1, max(verb.sent.start, verb.i - 6) - 1, -1):
            t = doc[i]
            if str(t.pos_) in ("VERB", "AUX"):
                return None
            if (
                t.dep_ == "pobj"
                and str(t.pos_) in ("PROPN", "NOUN", "PRON")
                and lemma_of(t.head) in LOST_SUBJECT_MARKS
            ):
                return t
        return None

    def subject_actors(self, verb: Any) -> tuple[list[str], list[str]]:
        subj, patients = self.subjects(verb)
        sources: list[str] = []
        targets: list[str] = []
        for s in subj:
            add_codes(sources, self.np_actors(s, "source"))
        for p in patients:
            add_codes(targets, self.deep_actors(p, "target"))
        return sources, targets

    def prep_actors(self, tok: Any, preps: frozenset[str]) -> list[str]:
        out: list[str] = []
        for c in tok.children:
            # "sent troops to X": the parser may call the preposition a dative
            dative = c.dep_ == "dative" and str(c.pos_) == "ADP"
            if (c.dep_ in ("prep", "agent") or dative) and lemma_of(c) in preps:
                for p in c.children:
                    if p.dep_ in ("pobj", "pcomp"):
                        add_codes(out, self.deep_actors(p, "target"))
        return out

    def left_possessor(self, tok: Any) -> list[str]:
        """The owner in "X and Y's joint drills" when the parser lost the possessive link."""
        doc = tok.doc
        i = tok.i - 1
        while (
            i > tok.sent.start
            and doc[i].dep_ in ("amod", "compound", "punct", "nmod", "nummod")
            and doc[i].head.i == tok.i
        ):
            i -= 1
        if i <= tok.sent.start or str(doc[i].tag_) != "POS":
            return []
        owner = doc[i - 1]
        out = self.np_actors(owner, "target")
        while owner.dep_ == "conj" and owner.head.i != owner.i:
            owner = owner.head
            add_codes(out, self.np_actors(owner, "target"))
        return out

    def co_actors(self, tok: Any) -> list[str]:
        """States acting alongside: "X, along with Y, ...", "together with Y", "alongside Y"."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ != "prep" or lemma_of(c) not in CO_ACTOR_PREPS:
                continue
            add_codes(out, self.prep_actors(c, frozenset({"with"})))
            for p in c.children:
                if p.dep_ == "pobj":
                    add_codes(out, self.np_actors(p, "target"))
        return out
