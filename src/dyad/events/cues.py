"""The PLOVER cue lexicon (``data/plover_cues.tsv``): event cues, light verbs, agent nouns,
speech verbs and status words, and the test of a cue's requirements on a parsed token.

The lexicon is data: a cue is a lemma with a part of speech, a PLOVER type and mode, and
requirements on its neighbours in the dependency parse ("send" is MOBILIZE only when what is
sent is troops or ships). The loaded lexicon is immutable and cached, loaded on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from dyad.errors import DyadError
from dyad.models import PLOVER_TYPES

CUES_FILE = "plover_cues.tsv"
SCORES_FILE = "plover_scores.tsv"

# Dependency labels of a token's modifiers, of its direct object, of clause complements.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "advmod", "npadvmod", "prt", "nummod"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})
_REQUIREMENT_KINDS = frozenset(
    {"obj", "notobj", "mod", "notmod", "prep", "notprep", "ctx", "sub", "notsubj"}
)
_BARE_REQUIREMENTS = frozenset(
    {
        "actorobj",
        "stateobj",
        "noxcomp",
        "xcomp",
        "ccomp",
        "plural",
        "cosubj",
        "jointsubj",
    }
)
_JOINT_PRONOUNS = frozenset({"they", "we", "both", "all"})

ActorTest = Callable[[Any], bool]


@dataclass(frozen=True)
class Requirement:
    """One condition on a cue's neighbourhood: ``kind`` (obj, mod, ...) and its lemmas."""

    kind: str
    lemmas: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Cue:
    """An event cue: a lemma that, with its requirements met, signals a PLOVER event."""

    type: str
    mode: str | None
    pos: str
    lemma: str
    requires: tuple[Requirement, ...] = ()
    flags: frozenset[str] = frozenset()
    cameo: str = "-"

    @property
    def symmetric(self) -> bool:
        return "sym" in self.flags

    @property
    def joint_type(self) -> str | None:
        """The type this cue takes when its actors act together ("exercises with X")."""
        for flag in self.flags:
            if flag.startswith("joint:"):
                return flag.split(":", 1)[1]
        return None


@dataclass(frozen=True)
class Lexicon:
    """The loaded cue lexicon. ``status[label][pos]`` holds the status words."""

    cues: Mapping[tuple[str, str], tuple[Cue, ...]]
    light_source: frozenset[str]
    light_target: frozenset[str]
    light_cosource: frozenset[str]
    agents: frozenset[str]
    speech: frozenset[str]
    status: Mapping[str, Mapping[str, frozenset[str]]]
    nonstate: frozenset[str] = frozenset()

    def status_words(self, label: str, pos: str) -> frozenset[str]:
        return self.status.get(label, {}).get(pos, frozenset())

    def candidates(self, lemma: str, pos: str) -> tuple[Cue, ...]:
        return self.cues.get((pos, lemma), ())


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        yield n, (line.split("\t") + [""] * 8)[:8]


def _requirements(spec: str, where: str) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    for part in spec.split():
        kind, _, lemmas = part.partition(":")
        if kind in _BARE_REQUIREMENTS and not lemmas:
            out.append(Requirement(kind))
        elif kind in _REQUIREMENT_KINDS and lemmas:
            out.append(Requirement(kind, frozenset(lemmas.lower().split("|"))))
        else:
            raise DyadError(f"{where}: unknown requirement {part!r}")
    return tuple(out)


def parse_lexicon(text: str, name: str = CUES_FILE) -> Lexicon:
    """Read the lexicon from the text of a cue file (see the file's header for the columns)."""
    cues: dict[tuple[str, str], list[Cue]] = {}
    words: dict[str, set[str]] = {
        k: set() for k in ("source", "target", "cosource", "agent", "speech", "nonstate")
    }
    status: dict[str, dict[str, set[str]]] = {}
    for n, (kind, label, mode, pos, lemma, requires, flags, cameo) in _rows(text):
        where = f"{name}:{n}"
        lemma = lemma.strip().lower()
        if not lemma:
            raise DyadError(f"{where}: a row needs a lemma")
        if kind == "event":
            if label not in PLOVER_TYPES:
                raise DyadError(f"{where}: {label!r} is not a PLOVER type")
            cue = Cue(
                type=label,
                mode=mode.strip() or None,
                pos=pos,
                lemma=lemma,
                requires=_requirements(requires, where),
                flags=frozenset(f for f in flags.split() if f != "-"),
                cameo=cameo.strip() or "-",
            )
            cues.setdefault((pos, lemma), []).append(cue)
        elif kind == "light" and label in ("source", "target", "cosource"):
            words[label].add(lemma)
        elif kind in ("agent", "speech", "nonstate"):
            words[kind].add(lemma)
        elif kind == "status":
            status.setdefault(label, {}).setdefault(pos, set()).add(lemma)
        else:
            raise DyadError(f"{where}: unknown row kind {kind!r} / label {label!r}")
    return Lexicon(
        cues=MappingProxyType({k: tuple(v) for k, v in cues.items()}),
        light_source=frozenset(words["source"]),
        light_target=frozenset(words["target"]),
        light_cosource=frozenset(words["cosource"]),
        agents=frozenset(words["agent"]),
        speech=frozenset(words["speech"]),
        nonstate=frozenset(words["nonstate"]),
        status=MappingProxyType(
            {
                label: MappingProxyType({pos: frozenset(ws) for pos, ws in by_pos.items()})
                for label, by_pos in status.items()
            }
        ),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped in ``dyad/data`` (read once)."""
    text = resources.files("dyad.data").joinpath(CUES_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text)


@dataclass(frozen=True)
class ScoreTable:
    """PLOVER cooperation-conflict scores by (type, mode); (type, None) is the type's own."""

    scores: Mapping[tuple[str, str | None], float]

    def score(self, type_: str, mode: str | None = None) -> float:
        if (type_, mode) in self.scores:
            return self.scores[(type_, mode)]
        return self.scores.get((type_, None), 0.0)


def parse_scores(text: str, name: str = SCORES_FILE) -> ScoreTable:
    """Read the score table from the text of a score file: ``type<TAB>mode<TAB>score``."""
    scores: dict[tuple[str, str | None], float] = {}
    for n, row in _rows(text):
        type_, mode, value = row[0], row[1].strip() or None, row[2]
        if type_ not in PLOVER_TYPES:
            raise DyadError(f"{name}:{n}: {type_!r} is not a PLOVER type")
        try:
            scores[(type_, mode)] = float(value)
        except ValueError as exc:
            raise DyadError(f"{name}:{n}: score {value!r} is not a number") from exc
    missing = [t for t in PLOVER_TYPES if (t, None) not in scores]
    if missing:
        raise DyadError(f"{name}: no score for {', '.join(missing)}")
    return ScoreTable(MappingProxyType(scores))


@lru_cache(maxsize=1)
def load_scores() -> ScoreTable:
    """The PLOVER score table shipped in ``dyad/data`` (read once)."""
    text = resources.files("dyad.data").joinpath(SCORES_FILE).read_text(encoding="utf-8")
    return parse_scores(text)


# -- requirements on the parse ---------------------------------------------------------------


def lemma_of(tok: Any) -> str:
    return str(tok.lemma_).lower()


RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})


def direct_objects(tok: Any) -> list[Any]:
    """The token's objects; a passive participle modifying a noun has that noun as object."""
    objs = [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    if tok.dep_ == "relcl":  # "the tanker which was seized", "a ship that X seized": the tanker
        objs = [tok.head if lemma_of(o) in RELATIVE_PRONOUNS else o for o in objs]
    if not objs and tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        objs = [tok.head]
    if not objs and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in tok.children):
        # "X arrived and was greeted by Y": the passive shares its conjunct's subject
        objs = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return objs


def object_lemmas(tok: Any) -> set[str]:
    """Lemmas that name what the token acts on: its objects, their compounds, "X of Y", and
    the role of a person named ("expelled A, X's envoy")."""
    out: set[str] = set()
    for obj in direct_objects(tok):
        out.add(lemma_of(obj))
        if str(obj.tag_) == "NNS":  # "bases" is lemmatised "basis"
            out.add(str(obj.text).lower().removesuffix("s"))
        for c in obj.children:
            if c.dep_ in ("compound", "amod"):
                out.add(lemma_of(c))
            if c.dep_ == "prep" and (
                lemma_of(c) == "of" or (str(obj.pos_) in ("NUM", "ADJ") and lemma_of(c) != "to")
            ):
                out.update(lemma_of(p) for p in c.children if p.dep_ == "pobj")  # "$5m in aid"
            if c.dep_ == "conj":
                out.add(lemma_of(c))
            if c.dep_ == "appos" and str(obj.pos_) == "PROPN":
                # "summoned A, X's ambassador", "expelled A, the charge d'affaires": a person
                # named by role
                out.add(lemma_of(c))
                out.update(lemma_of(g) for g in c.children if g.dep_ == "compound")
    return out


def subject_lemmas(tok: Any) -> set[str]:
    """Lemmas of a verb's subject (a relative pronoun's noun: "missiles that landed")."""
    out: set[str] = set()
    for s in tok.children:
        if s.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if str(s.tag_) in ("WDT", "WP") and tok.dep_ == "relcl":
            s = tok.head
        out.add(lemma_of(s))
        out.update(lemma_of(c) for c in s.children if c.dep_ in ("compound", "conj"))
    return out


def _names_time(prep: Any) -> bool:
    """A preposition whose object is a time ("fired on Tuesday" is no "fired on X")."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objs) and all(str(p.ent_type_) in ("DATE", "TIME") for p in objs)


def _hyphen_parts(tok: Any) -> set[str]:
    lemma = lemma_of(tok)
    return {lemma, *lemma.split("-")}


def _modifier_actor_count(tok: Any, is_actor: ActorTest) -> int:
    """Actors among a noun's modifiers and their conjuncts ("the X and Y leaders")."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")]
    mods += [g for c in mods for g in c.children if g.dep_ == "conj"]
    return sum(1 for c in mods if is_actor(c))


def requirement_met(tok: Any, req: Requirement, is_actor: ActorTest) -> bool:
    """Whether ``tok`` meets ``req``; ``is_actor(token)`` tells a person or state."""
    kind, lemmas = req.kind, req.lemmas
    if kind == "obj":
        return bool(object_lemmas(tok) & lemmas)
    if kind == "notobj":
        return not (object_lemmas(tok) & lemmas)
    if kind in ("mod", "notmod"):
        found: set[str] = set()
        for c in tok.children:
            if c.dep_ in MODIFIER_DEPS or c.dep_ in ("det", "predet", "poss"):
                found |= _hyphen_parts(c)
                found.update(lemma_of(g) for g in c.children if g.dep_ in ("amod", "compound"))
        return bool(found & lemmas) == (kind == "mod")
    if kind == "notprep":
        return not requirement_met(tok, Requirement("prep", lemmas), is_actor)
    if kind == "prep":
        for c in tok.children:
            if (
                c.dep_ in ("prep", "prt", "agent")
                and lemma_of(c) in lemmas
                and c.i > tok.i
                and not _names_time(c)
            ):
                return True  # after the cue: "called for X", not "for years, X called Y"
            if c.dep_ in ("advcl", "xcomp", "ccomp") and any(
                m.dep_ == "mark" and lemma_of(m) in lemmas for m in c.children
            ):
                return True  # "called for X to withdraw": "for" marks the clause
        return False
    if kind == "ctx":
        near = {lemma_of(tok.head)} | {lemma_of(c) for c in tok.children}
        near |= {lemma_of(s) for s in tok.head.children if s.i != tok.i}
        return bool(near & lemmas)
    if kind == "sub":
        return any(lemma_of(t) in lemmas for t in tok.subtree)
    if kind == "notsubj":
        return not (subject_lemmas(tok) & lemmas)
    if kind == "actorobj":
        return any(is_actor(o) for o in direct_objects(tok))
    if kind == "stateobj":
        return any(is_actor(t) for o in direct_objects(tok) for t in o.subtree)
    if kind == "noxcomp":
        return not any(c.dep_ == "xcomp" for c in tok.children)
    if kind == "xcomp":
        return any(c.dep_ == "xcomp" for c in tok.children)
    if kind == "ccomp":
        return any(c.dep_ == "ccomp" for c in tok.children)
    if kind == "cosubj":  # "X and Y spoke": two actors in the subject
        return any(
            s.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "conj" and is_actor(c) for c in s.children)
            for s in tok.children
        ) or any(
            s.dep_ in ("nsubj", "nsubjpass")
            and str(s.tag_) in ("NNS", "NNPS")
            and _modifier_actor_count(s, is_actor) >= 2
            for s in tok.children
        )
    if kind == "jointsubj":
        return _joint_subject(tok, is_actor)
    if kind == "plural":
        return str(tok.tag_) in ("NNS", "NNPS")
    return False


def _joint_subject(tok: Any, is_actor: ActorTest) -> bool:
    """Whether the cue's subject (or that of the verb it is joined to) names several sides.

    "X and Y pledged", "the two leaders pledged", "they pledged" act together; "X pledged to
    withdraw Y's troops" is one side's promise, no agreement.
    """
    verb = tok
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(
        str(s.tag_) in ("NNS", "NNPS")
        or lemma_of(s) in _JOINT_PRONOUNS
        or any(c.dep_ == "conj" and is_actor(c) for c in s.children)
        for s in subjects
    )


# The part of speech a cue is listed under, by the token's.
CUE_POS = MappingProxyType({"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"})


def match_cue(tok: Any, lex: Lexicon, is_actor: ActorTest) -> Cue | None:
    """The first cue of the lexicon whose lemma, part of speech and requirements ``tok`` meets."""
    pos = CUE_POS.get(str(tok.pos_))
    if pos is None:
        return None
    lemma = lemma_of(tok)
    candidates = lex.candidates(lemma, pos)
    if not candidates and pos == "NOUN":
        candidates = lex.candidates(str(tok.text).lower(), pos)
    for cue in candidates:
        if all(requirement_met(tok, r, is_actor) for r in cue.requires):
            return cue
    return None
