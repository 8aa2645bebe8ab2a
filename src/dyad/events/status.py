"""Whether a coded event occurred, is planned, was denied, or is one side's disputed claim.

Read from the clause around the cue: auxiliaries ("will", "would", "could"), governing verbs
("plans to", "refused to", "stopped short of"), negation, modifiers of an event noun
("forthcoming", "possible", "no"), conditional clauses ("if X invades"), and reporting verbs
("claims", "allegedly"). Hypothetical events ("if X invades", "could", "in case of") and the
content of a request, threat or refusal ("urged X to withdraw") are no events: ``None``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from dyad.events.cues import Cue, Lexicon, lemma_of
from dyad.events.dates import PRESENT_TAGS
from dyad.models import Status

# Links that end a clause: above them another clause (or the sentence) begins.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "ROOT"})
# Types whose complement is what is asked, threatened, refused or blamed: no event itself.
# (What is lifted or eased, RETREAT, is no event either: "lifted its sanctions on X".)
# Hostile acts that, promised on a condition, are a threat (``conditional_threat``).
FORCE_TYPES = frozenset({"ASSAULT", "MOBILIZE", "SANCTION", "COERCE"})
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "CONCEDE", "RETREAT"})
PAST_TAGS = frozenset({"VBD"})
# Links of an event noun to the verb that does it ("did not sign a deal"): its negation is
# the event's.
DONE_DEPS = frozenset({"dobj", "nsubjpass"})
FINITE_TAGS = frozenset({"VBD", "VBZ"})
COOPERATIVE_TYPES = frozenset({"CONSULT", "COOPERATE", "AID", "SUPPORT", "AGREE"})
# Links by which an event is the complement of the verb above it, not an adjunct.
CORE_LINKS = frozenset(
    {"xcomp", "dobj", "conj", "attr", "oprd", "nsubjpass", "appos", "ccomp", "acomp", "dative"}
)
# What a disputing verb disputes: "denied this", "rejects the claim", "reports have denied".
DISPUTED_OBJECTS = frozenset(
    {
        "this",
        "that",
        "it",
        "claim",
        "report",
        "allegation",
        "accusation",
        "charge",
        "deal",
        "account",
    }
)


@dataclass(frozen=True)
class Clause:
    """A cue token, the tokens up to the head of its clause, and the clauses above it."""

    path: tuple[Any, ...]
    above: tuple[Any, ...]  # heads of the enclosing clauses, innermost first

    @property
    def head(self) -> Any:
        return self.path[-1]

    @property
    def verbs(self) -> Iterator[Any]:
        return (t for t in self.path if str(t.pos_) in ("VERB", "AUX"))


def clause_of(tok: Any) -> Clause:
    """The clause path of a token: itself, its governors up to its clause head, then above."""
    path = [tok]
    cur = tok
    while cur.dep_ not in CLAUSE_DEPS and cur.head.i != cur.i and not own_clause(cur):
        cur = cur.head
        path.append(cur)
    above: list[Any] = []
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.dep_ in CLAUSE_DEPS:
            above.append(cur)
    if above and above[-1].head.i != above[-1].i:
        above.append(above[-1].head)
    return Clause(tuple(path), tuple(above))


def own_clause(tok: Any) -> bool:
    """A verb joined to another with a tense or a subject of its own: "said it would review
    ties and accused X" (past, not under "would"), "urged X to leave, and Y agreed"."""
    return (
        tok.dep_ == "conj"
        and str(tok.pos_) in ("VERB", "AUX")
        and (
            str(tok.tag_) in FINITE_TAGS
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        )
    )


def _children(tok: Any, deps: Collection[str]) -> Iterator[Any]:
    return (c for c in tok.children if c.dep_ in deps)


def _aux_lemmas(tok: Any) -> set[str]:
    return {lemma_of(c) for c in _children(tok, ("aux", "auxpass"))} | {
        str(c.text).lower() for c in _children(tok, ("aux",))
    }


def _links(clause: Clause) -> Iterator[tuple[Any, Any]]:
    """(governor, the child on the path below it) along the clause path."""
    for below, gov in zip(clause.path, clause.path[1:], strict=False):
        yield gov, below


def is_hypothetical(tok: Any, cue: Cue, clause: Clause, lex: Lexicon) -> bool:
    """A conditional, possible or hoped-for event: "if X invades", "could", "a possible war"."""
    if cue.pos == "NOUN":
        mods = {lemma_of(c) for c in _children(tok, ("amod", "det", "compound"))}
        if mods & (
            lex.status_words("hypothetical", "ADJ") | lex.status_words("hypothetical", "DET")
        ):
            return True
    modals = lex.status_words("hypothetical", "AUX")
    if any(_aux_lemmas(v) & modals for v in clause.verbs):
        return True
    maybe = lex.status_words("hypothetical", "ADV")  # "to potentially visit", "perhaps meet"
    if any(lemma_of(c) in maybe for v in clause.verbs for c in _children(v, ("advmod",))):
        return True
    marks = lex.status_words("hypothetical", "SCONJ")
    for head in (clause.head, *clause.above):
        if head.dep_ in ("advcl", "ccomp") and any(
            lemma_of(m) in marks for m in _children(head, ("mark",))
        ):
            return True  # "if X invades", "never said whether it would send troops"
    conditional = lex.status_words("conditional", "AUX")
    if (
        cue.pos == "NOUN"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and _aux_lemmas(tok.head) & conditional
    ):
        return True  # "an invasion would mean ...": a consequence weighed, no plan
    if tok.dep_ == "advcl" and any(lemma_of(m) in marks for m in _children(tok, ("mark",))):
        return True
    if tok.dep_ == "advcl" and any(
        lemma_of(m) in marks and m.i < tok.i < tok.head.i for m in _children(tok.head, ("mark",))
    ):
        return True  # "If X attacks, ..." with "attacks" read as a noun: the mark is its clause's
    nouns = lex.status_words("hypothetical", "NOUN")
    verbs = lex.status_words("hypothetical", "VERB")
    pronouns = lex.status_words("hypothetical", "PRON")  # "had nothing to talk about"
    for gov, _below in _links(clause):
        lemma = lemma_of(gov)
        if (
            (str(gov.pos_) == "NOUN" and lemma in nouns)
            or (str(gov.pos_) == "VERB" and lemma in verbs)
            or lemma in pronouns
        ):
            return True
    head = clause.head  # "nothing to talk about", "no need to meet"
    return head.dep_ in ("relcl", "acl") and (
        lemma_of(head.head) in pronouns
        or (str(head.head.pos_) == "NOUN" and lemma_of(head.head) in nouns)
    )


def is_content(tok: Any, content: Collection[int]) -> bool:
    """Whether a cue is what another cue asks for, threatens, refuses or blames."""
    cur = tok
    while cur.head.i != cur.i:
        if own_clause(cur):
            return False  # "X lifted tariffs, and Y agreed ...": a clause of its own
        if cur.dep_ in ("acl", "relcl") and any(c.dep_ == "agent" for c in cur.children):
            return False  # "sought the release of a tanker seized by X": a thing done
        cur = cur.head
        if cur.i in content:
            return True
    return False


def is_negated(tok: Any, clause: Clause, lex: Lexicon) -> bool:
    """Plainly negated: "did not", "has never", "isn't"."""
    negs = lex.status_words("denied", "PART")
    for t in clause.path:
        if str(t.pos_) in ("VERB", "AUX") or t.i == tok.i:
            for c in t.children:
                if c.dep_ == "neg" or (c.dep_ == "advmod" and lemma_of(c) in negs):
                    return True
    return False


def is_denied(tok: Any, cue: Cue, clause: Clause, lex: Lexicon) -> bool:
    """Refused or withheld: "refused to", "declined to", "stopped short of", "no deal"."""
    if cue.pos == "NOUN":
        if any(lemma_of(c) in lex.status_words("denied", "DET") for c in _children(tok, ("det",))):
            return True
        if tok.dep_ == "pobj" and lemma_of(tok.head) in lex.status_words("denied", "ADP"):
            return True
    if cue.pos == "NOUN" and tok.dep_ == "pobj":
        return False  # "stopped short of supplying arms in its war": the war is no denial
    verbs = lex.status_words("denied", "VERB")
    adjs = lex.status_words("denied", "ADJ")  # "were unable to reach a deal"
    # "denied that its troops had crossed": the clause a verb both of refusal and of
    # dispute ("deny") governs did not happen, by its teller's account
    head = clause.head
    denier = head.head
    if (
        head.dep_ == "ccomp"
        and lemma_of(denier) in verbs & lex.status_words("dispute", "VERB")
        and str(denier.pos_) == "VERB"
        and not any(c.dep_ == "neg" for c in denier.children)
    ):
        return True
    return any(
        (
            ((lemma_of(gov) in verbs or _phrasal(gov) in verbs) and str(gov.pos_) == "VERB")
            or (lemma_of(gov) in adjs and str(gov.pos_) == "ADJ" and below.dep_ == "xcomp")
        )
        and not any(c.dep_ == "neg" for c in gov.children)  # "never refused to": no denial
        for gov, below in _links(clause)
    )


def _phrasal(verb: Any) -> str:
    """A verb with its particle, as the lexicon writes phrasal verbs: "hold off", "call off"."""
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma_of(verb)} {lemma_of(prt)}" if prt is not None else lemma_of(verb)


def is_reported(tok: Any, clause: Clause, lex: Lexicon) -> bool:
    """Attributed as a claim: "allegedly", "reportedly", "X claims that ..."."""
    advs = lex.status_words("reported", "ADV")
    for t in clause.path:
        if any(lemma_of(c) in advs for c in t.children):
            return True
    verbs = lex.status_words("reported", "VERB")
    head = clause.head
    return head.dep_ == "ccomp" and lemma_of(head.head) in verbs


def _infinitive(verb: Any) -> bool:
    return any(lemma_of(c) == "to" for c in _children(verb, ("aux",)))


def _headline_infinitive(verb: Any) -> bool:
    """ "Chadian president to visit Niger on Monday": a headline's "X to V", which the parser
    hangs on the noun X as its root (a sentence has no bare noun for its root)."""
    noun = verb.head
    return (
        verb.dep_ in ("relcl", "acl", "advcl")
        and str(verb.tag_) == "VB"
        and _infinitive(verb)
        and noun.dep_ == "ROOT"
        and str(noun.pos_) in ("NOUN", "PROPN")
    )


def is_planned(tok: Any, cue: Cue, clause: Clause, lex: Lexicon) -> bool:
    """Future or intended: "will", "would", "is to", "plans to", "expected to", "forthcoming"."""
    if reacted_to(tok, cue):
        return False
    auxes = lex.status_words("planned", "AUX")
    if any(_aux_lemmas(v) & auxes for v in clause.verbs):
        return True
    verbs = lex.status_words("planned", "VERB")
    adjs = lex.status_words("planned", "ADJ")
    plans = lex.status_words("planned", "NOUN")
    core = True  # the cue is what the governor plans, not an adjunct ("... following X")
    for gov, below in _links(clause):
        lemma = lemma_of(gov)
        cooperative = lex.status_words("cooperative", "VERB")
        if (
            below.dep_ == "xcomp"
            and core
            and cue.type in COOPERATIVE_TYPES
            and lemma in cooperative
        ):
            return True  # "agreed to resume visits"
        if below.dep_ == "xcomp" and (lemma in verbs or lemma in adjs) and core:
            if lemma == "be" and not any(lemma_of(c) == "to" for c in _children(below, ("aux",))):
                continue
            return True
        if str(gov.pos_) == "NOUN" and lemma in plans and below.dep_ in ("prep", "acl"):
            return True
        if below.i == tok.i and tok.dep_ == "dobj" and lemma in verbs and cue.pos == "NOUN":
            return True
        core = core and below.dep_ in CORE_LINKS
    head = clause.head
    if head.dep_ == "ROOT" and str(head.tag_) == "VB" and _infinitive(head):
        return True  # a headline's "X to visit Y"
    if _headline_infinitive(head):
        return True  # the same, parsed as a clause on the headline's noun
    purpose = lex.status_words("purpose", "VERB")
    for below in (*clause.path, head):
        if (
            below.dep_ in ("advcl", "xcomp")
            and lemma_of(below.head) in purpose
            and _infinitive(below)
        ):
            return True  # "left X to attend the summit"
    if cue.pos == "NOUN":
        if lemma_of(tok) in lex.status_words("planned", "NOUN"):
            return True
        mods = {lemma_of(c) for c in _children(tok, ("amod", "compound", "acl"))}
        if mods & (adjs | verbs) and str(clause.head.tag_) not in PAST_TAGS:
            return True
    return False


def conditional_threat(tok: Any, lex: Lexicon) -> bool:
    """A hostile act promised on a condition: "would send warships if X drills", "will impose
    sanctions unless X withdraws" (a threat made now, no plan); the cue's clause has a clause
    of condition ("If X attacks, Y would ..." may hang the mark on the main verb)."""
    head = clause_of(tok).head
    marks = lex.status_words("hypothetical", "SCONJ") - {"whether"}
    for c in head.children:
        if c.dep_ == "advcl" and any(lemma_of(m) in marks for m in _children(c, ("mark",))):
            return True
        if c.dep_ == "mark" and lemma_of(c) in marks and head.dep_ not in ("advcl", "ccomp"):
            return True
    return False


def threat_teller(tok: Any, lex: Lexicon) -> Any | None:
    """The speech verb that tells a conditional threat ("X said on Monday it would strike if
    Y ..."): the threat is made when told, and dated by the telling."""
    head = clause_of(tok).head
    if head.dep_ in ("ccomp", "parataxis") and lemma_of(head.head) in lex.speech:
        return head.head
    return None


# Hostile acts that a planned response follows ("will summon X's envoy after the expulsion
# of Y's diplomats"): the act was done, whatever is planned in reply.
REACTED_TYPES = frozenset(
    {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "THREATEN", "ACCUSE", "PROTEST", "REJECT"}
)
REACTION_PREPS = frozenset({"after", "following"})


def reacted_to(tok: Any, cue: Cue) -> bool:
    """A hostile act named by a noun after "after"/"following": what a reply answers."""
    return (
        cue.pos == "NOUN"
        and cue.type in REACTED_TYPES
        and tok.dep_ == "pobj"
        and lemma_of(tok.head) in REACTION_PREPS
    )


def status_of(
    tok: Any,
    cue: Cue,
    lex: Lexicon,
    *,
    content: Collection[int] = (),
    disputed: bool = False,
) -> Status | None:
    """The status of the event a cue signals, or None when it is no event at all."""
    clause = clause_of(tok)
    if is_hypothetical(tok, cue, clause, lex) or is_content(tok, content):
        return None
    if is_denied(tok, cue, clause, lex):
        return "denied"
    if is_negated(tok, clause, lex):
        # "did not attack": the text says it did not happen; "has not criticised" tells of
        # no statement at all
        if cue.type in CONTENT_TYPES or (cue.pos == "NOUN" and tok.dep_ not in DONE_DEPS):
            return None  # "the outcomes of their talks are not ...": no word on the talks
        return "denied"
    if disputed or is_reported(tok, clause, lex):
        return "reported"
    if is_planned(tok, cue, clause, lex):
        return "planned"
    return "occurred"


def disputes_claim(tok: Any, lex: Lexicon) -> bool:
    """A word that disputes a claim: "denied this deal", "rejects this", "did not confirm",
    "a claim (X did not confirm)"."""
    lemma = lemma_of(tok)
    if lemma in lex.status_words("dispute", "NOUN") and tok.dep_ in ("appos", "attr"):
        return True
    if lemma in lex.status_words("unconfirmed", "VERB"):
        return any(c.dep_ == "neg" for c in tok.children)
    if lemma not in lex.status_words("dispute", "VERB") or str(tok.pos_) != "VERB":
        return False
    args = [c for c in tok.children if c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp")]
    for a in args:
        if lemma_of(a) in DISPUTED_OBJECTS:
            return True
        if a.dep_ in ("ccomp", "xcomp") or any(lemma_of(c) in DISPUTED_OBJECTS for c in a.children):
            return True
    return False


def dispute_tokens(sent: Any, lex: Lexicon) -> frozenset[int]:
    """Tokens of a sentence that dispute a claim ("denied", "rejects this")."""
    lemmas = (  # the only lemmas ``disputes_claim`` accepts
        lex.status_words("dispute", "NOUN")
        | lex.status_words("unconfirmed", "VERB")
        | lex.status_words("dispute", "VERB")
    )
    return frozenset(t.i for t in sent if lemma_of(t) in lemmas and disputes_claim(t, lex))


def is_disputed(tok: Any, disputes: Collection[int]) -> bool:
    """A claim disputed in its own sentence, not by the cue's own governors ("signed a deal
    (although some reports denied this)"; not "denied signing")."""
    governors = {a.i for a in tok.ancestors}
    return any(i != tok.i and i not in governors for i in disputes)


# Nouns of these types that are the subject of a present-tense copula describe a standing
# relationship ("their treaty remains ..."), not an event.
STATIVE_TYPES = frozenset({"AGREE", "COOPERATE", "SUPPORT"})
COPULAS = frozenset({"be", "remain", "become", "stay"})


def stative(tok: Any, cue: Cue) -> bool:
    """An agreement or partnership as the subject of a present copula: a state, no event."""
    if cue.pos != "NOUN" or cue.type not in STATIVE_TYPES or tok.dep_ not in ("nsubj", "attr"):
        return False
    head = tok.head
    return lemma_of(head) in COPULAS and str(head.tag_) in PRESENT_TAGS
