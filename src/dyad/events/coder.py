"""Coding events between states in the PLOVER ontology: ``extract_events``.

For each sentence: find the cues of the lexicon (``cues``), read who acts on whom
(``actors``), whether it happened (``status``) and when (``timing``), then merge the mentions
of one real-world event (``merge``). State mentions come from ``resolve.actors``, persons'
states from ``nlp.persons``, time expressions from ``dating.relative``; each is reached
through a small protocol, so tests can pass fakes (``EventTools``).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from dyad.dating.news import lead_day
from dyad.events.actors import (
    SYMMETRIC_TYPES,
    ActorIndex,
    PersonsLike,
    StateMentionLike,
    build_index,
)
from dyad.events.context import (
    TimeIndex,
    habitual,
    in_background,
    indices,
    landed_at_sea,
    protested,
    purpose_of,
    shows_reach,
    when_clause_expression,
)
from dyad.events.cues import (
    CUE_POS,
    Cue,
    lemma_of,
    load_lexicon,
    load_scores,
    match_cue,
)
from dyad.events.dates import (
    Anchored,
    Dated,
    TimeExpressionLike,
    TimeResolver,
    anchor_expressions,
    is_after,
    month_of,
    noun_year,
    own_expression,
)
from dyad.events.frames import FrameReader
from dyad.events.groups import group_size
from dyad.events.layout import headline_and_lead, headline_pair
from dyad.events.merge import Draft, Merger
from dyad.events.pairs import acts_jointly, pairs_of
from dyad.events.parties import CLAIMED_TYPES, PartyReader
from dyad.events.reader import ActorReader
from dyad.events.referents import definite, host_pairs, joined_talks, same_parties_since
from dyad.events.refusal import refusal_pairs
from dyad.events.status import (
    CONTENT_TYPES,
    FORCE_TYPES,
    conditional_threat,
    dispute_tokens,
    disputes_claim,
    is_disputed,
    stative,
    status_of,
    threat_teller,
)
from dyad.events.timing import Candidate, EventDating
from dyad.models import DateRef, Event, Provenance
from dyad.nlp.doctext import doc_text, span_text

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

log = logging.getLogger(__name__)

__all__ = ["EventTools", "GazetteerLike", "default_tools", "extract_events"]

ANAPHOR_SENTENCES = 2  # "The talks ended Tuesday" dates talks named this many sentences back
# Acting together ("W, X, Y and Z issued a joint statement"), this many states make no event
# among themselves, save the article's pair.
MANY_PARTIES = 3
# Asking, urging: addressed to a group that holds the asker ("X urged the two sides to ..."),
# it is a statement of the asker's aims, not a request of the other side.
SELF_INCLUDING_TYPES = frozenset({"REQUEST"})


class GazetteerLike(Protocol):
    """What events need of ``resolve.gazetteer.Gazetteer`` (passed on to the mention finder)."""

    def state_code(self, mention: str) -> str | None: ...


def named_groups(doc: Any, gazetteer: Any) -> frozenset[int]:
    """The tokens of the names of non-state groups (``Gazetteer.nonstate_matcher``, when the
    gazetteer has one): "Hezbollah", "the M23"."""
    matcher = getattr(gazetteer, "nonstate_matcher", None)
    if matcher is None or not len(doc):
        return frozenset()
    spans = [(m.start, m.end) for m in matcher.scan(doc_text(doc))]
    if not spans:
        return frozenset()
    out: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


class MentionFinder(Protocol):
    """``resolve.actors.find_state_mentions`` (``on`` dates the officials it codes)."""

    def __call__(
        self, doc_or_span: Any, gazetteer: Any, /, *, on: date | None = None
    ) -> Sequence[StateMentionLike]: ...


class TimeFinder(Protocol):
    """``dating.relative.find_time_expressions``."""

    def __call__(self, text: str, anchor: DateRef | None, /) -> Sequence[TimeExpressionLike]: ...


@dataclass(frozen=True)
class EventTools:
    """The finders events rely on: state mentions, time expressions, relative dates."""

    find_mentions: MentionFinder
    find_times: TimeFinder
    resolve_time: TimeResolver


def default_tools() -> EventTools:
    """dyad's own finders (``resolve.actors``, ``dating.relative``)."""
    from dyad.dating.relative import find_time_expressions, resolve_expression
    from dyad.resolve.actors import find_state_mentions

    return EventTools(find_state_mentions, find_time_expressions, resolve_expression)


def extract_events(
    doc: SpacyDoc,
    *,
    doc_id: str,
    published: DateRef | None,
    persons: PersonsLike | None,
    gazetteer: GazetteerLike,
    tools: EventTools | None = None,
) -> list[Event]:
    """The PLOVER events between states that ``doc`` (a parsed article) reports, one per
    real-world event, each with its sentences as provenance, its status, date, mode and score.
    """
    return _Coder(doc, doc_id, published, persons, gazetteer, tools or default_tools()).run()


class _Coder(EventDating):
    def __init__(
        self,
        doc: Any,
        doc_id: str,
        published: DateRef | None,
        persons: PersonsLike | None,
        gazetteer: GazetteerLike,
        tools: EventTools,
    ) -> None:
        self.doc = doc
        self.doc_id = doc_id
        self.published = published
        self.tools = tools
        self.lex = load_lexicon()
        on = (
            date.fromisoformat(published.date)
            if published and published.precision == "day"
            else None
        )
        mentions = tools.find_mentions(doc, gazetteer, on=on)
        self.sents = [s for s in doc.sents if span_text(s).strip()]
        self.headline, self.lead = headline_and_lead(self.sents)
        index = build_index(doc, mentions, persons, self.lex.agents)
        self.index: ActorIndex = index.with_pair(headline_pair(self.sents, self.headline, index))
        self.reader = ActorReader(self.index, self.lex, named_groups(doc, gazetteer))
        self.frames = FrameReader(self.reader)
        self.parties = PartyReader(doc, self.index, self.reader, self.lex, published)
        self.text = doc_text(doc)  # kept by the parser: Doc.text joins every token per call
        self.pos: list[int] = doc.to_array("POS").tolist() if len(doc) else []
        self.cue_pos = {doc.vocab.strings[p] for p in CUE_POS}
        self.times = list(tools.find_times(self.text, published)) if len(doc) else []
        self.time_index = TimeIndex(self.times)
        self.merger = Merger()
        self.last_date: DateRef | None = None
        self.news_day: DateRef | None = None  # the day the lead dates its news to
        self.anchored: list[Anchored] = []  # the time expressions of the current sentence
        self.occasions: dict[int, str] = {}  # "that visit" of the sentence: its cue's type
        self.referred: set[int] = set()  # "the summit": cues dated by the one named before
        self.claims: set[tuple[str, str, str]] = set()  # hostile acts told by another state
        self.last_talks: tuple[str, str] | None = None  # the last meeting with both sides named

    def run(self) -> list[Event]:
        for si, sent in enumerate(self.sents):
            self._sentence(si, sent)
        events = self.merger.events(load_scores())
        return [self._disputed(e) for e in events]

    def _disputed(self, event: Event) -> Event:
        """Each side's account of the other's attack ("according to X, Y's troops fired";
        "Y said X's army shelled"): each is one side's claim, disputed by the other."""
        key = (event.type, event.source, event.target)
        if (
            event.status == "occurred"
            and key in self.claims
            and (event.type, event.target, event.source) in self.claims
        ):
            return replace(event, status="reported")
        return event

    # -- one sentence --------------------------------------------------------------------------

    def _sentence(self, si: int, sent: Any) -> None:
        cues: dict[int, Cue] = {}
        for i in range(sent.start, sent.end):
            if self.pos[i] not in self.cue_pos:
                continue  # no cue is listed for the word's part of speech (``match_cue``)
            cue = match_cue(self.doc[i], self.lex, self.reader.is_actor)
            if cue is not None:
                cues[i] = cue
        if not cues:
            return
        # What is condemned or protested happened ("protested X's airstrikes"); what is
        # alleged, asked, threatened or refused did not (yet)
        content = {i for i, c in cues.items() if c.type in CONTENT_TYPES and c.mode != "disapprove"}
        disputes = dispute_tokens(sent, self.lex)
        disputers = self._next_disputers(si)
        found: list[Candidate] = []
        for i in sorted(cues):
            same = {j for j, c in cues.items() if j != i and c.mode == cues[i].mode == "disapprove"}
            if purpose_of(self.doc[i], same):
                continue  # "summoned X's envoy to lodge a protest": the summons tells it
            cand = self._candidate(self.doc[i], cues[i], content - {i}, disputes, found)
            if cand is None:
                continue
            if cand.status == "occurred" and any(s in disputers for s, _ in cand.pairs):
                cand.status = "reported"
            found.append(cand)
        # Time expressions date the events found, or the verbs they hang on: a cue that made
        # no event ("for talks on Tuesday" without parties) passes its date up.
        exprs = self.time_index.within(sent.start_char, sent.end_char)
        events = {c.tok.i for c in found}
        anchored = anchor_expressions(sent, exprs, events, self.lex)
        self.anchored = anchored
        protests = {c.tok.i for c in found if c.cue.mode == "disapprove"}
        for cand in found:
            if cand.teller is not None:  # "said on Monday it would strike if ...": Monday
                cand.expr = own_expression(cand.teller, anchored, climb_ccomp=False)
            if cand.expr is None:
                cand.expr = own_expression(
                    cand.tok, anchored, climb_ccomp=False, planned=cand.status == "planned"
                )
            if cand.expr is None:
                cand.expr = when_clause_expression(cand.tok, anchored)
            if protested(cand.tok, protests):
                cand.protested, cand.weight = True, min(cand.weight, 1)  # a reference to it
            # "protested on Wednesday X's decision to halt ...", "visited X on Tuesday amid Y's
            # sanctions": the day of the clause above is not theirs
            outside = cand.expr is not None and cand.expr.anchor not in indices(cand.tok)
            if outside and (cand.protested or cand.background):
                cand.expr = None
        # "during that visit": an occasion named before, whose date a cue tied to it takes
        self.occasions = {c.tok.i: c.type for c in found if c.anaphor and c.expr is None}
        found = [c for c in found if not c.anaphor or c.expr is not None]
        self._add(si, found, events)

    def _candidate(
        self,
        tok: Any,
        cue: Cue,
        content: Collection[int],
        disputes: Collection[int],
        before: Sequence[Candidate],
    ) -> Candidate | None:
        if "refusal" in cue.flags:
            turned = refusal_pairs(tok, self.reader, self.index)
            if turned:  # "was not allowed to meet", "was refused entry": it happened
                return Candidate(tok, cue, cue.type, "occurred", turned, None, cue.mode, 1)
            if lemma_of(tok) in ("allow", "permit", "turn"):
                return None
        status = status_of(tok, cue, self.lex, content=content, disputed=is_disputed(tok, disputes))
        if status is None:
            log.debug("cue %r (%s): no event (hypothetical or content)", str(tok.text), cue.type)
            return None
        if stative(tok, cue):
            return None
        frame = self.frames.frame(tok, cue)
        type_ = cue.type
        if cue.joint_type and acts_jointly(frame):
            type_ = cue.joint_type
        if type_ == "ASSAULT" and (landed_at_sea(tok) or shows_reach(tok)):
            type_ = "THREATEN"  # "fired missiles that landed in the sea": a show of force
        if not frame.sources and type_ in CLAIMED_TYPES and self.parties.own_forces(tok, cue):
            # "the armed forces destroyed ..., the X ministry said": X's forces
            frame.sources = (self.parties.claimants(tok) or self.parties.previous_subject(tok))[:1]
            frame.targets = [t for t in frame.targets if t not in frame.sources]
        pairs = pairs_of(frame, cue, type_, self.index.is_state)
        if "states" in cue.flags:  # "told the X minister", not "told the UN assembly"
            pairs = [p for p in pairs if all(self.index.is_state(c) for c in p)]
        if type_ in SELF_INCLUDING_TYPES and self._asks_itself(tok, frame.sources):
            return None  # "X called on both sides to ...": X asks itself too, no request of Y
        if (
            len(frame.sources) >= MANY_PARTIES
            and type_ != "CONSULT"  # a meeting of three is between each two of them
            and not frame.targets
            and not frame.between
        ):
            main = set(self.index.top(2))  # "W, X, Y and Z issued a joint statement"
            pairs = [p for p in pairs if set(p) <= main]
        weight = 1 if frame.group or cue.pos != "VERB" else 2
        earlier = same_parties_since(tok, type_, before)
        if earlier:
            pairs, weight = earlier, 1
        if not pairs and not frame.sources and not frame.targets and definite(tok, cue):
            return Candidate(tok, cue, type_, status, [], None, cue.mode, 0, anaphor=True)
        if not pairs:
            if status == "denied" and cue.type not in SYMMETRIC_TYPES:
                return None  # "X has not invaded": one side, no other named: nothing to code
            pairs, weight = self.parties.fill(frame, cue, type_, tok), 0
            actors = set(frame.sources + frame.targets)
            if len(actors) == 1 and self.index.is_state(next(iter(actors))):
                pairs = joined_talks(tok, cue, type_, actors.pop(), self.last_talks) or pairs
        log.debug(
            "cue %r (%s) %s: sources %s targets %s -> %s",
            str(tok.text),
            type_,
            status,
            frame.sources,
            frame.targets,
            pairs,
        )
        if not pairs:
            return None
        if type_ == "CONSULT" and len(pairs) == 1:  # "talks hosted by Z": Z meets each side
            pairs = pairs + host_pairs(tok, pairs[0], self.reader, self.index.is_state)
        if status == "occurred" and type_ in CLAIMED_TYPES:
            claimants = self.parties.claimants(tok)
            if claimants and all(c not in claimants for c, _ in pairs):
                self.claims.update((type_, s, t) for s, t in pairs)  # "X said Y's army shelled"
        mode = cue.mode
        if status == "planned" and type_ in FORCE_TYPES and conditional_threat(tok, self.lex):
            type_, status, mode = "THREATEN", "occurred", None  # "would strike if X ..."
            teller = threat_teller(tok, self.lex)
        else:
            teller = None
        background = (cue.pos == "NOUN" and in_background(tok)) or habitual(tok)
        if type_ == "CONSULT" and any(not self.index.is_state(c) for p in pairs for c in p):
            mode = "multilateral"
        return Candidate(
            tok, cue, type_, status, pairs, None, mode, weight, background=background, teller=teller
        )

    def _asks_itself(self, tok: Any, sources: Sequence[str]) -> bool:
        """Whether a request is addressed to a group of the article's states that holds its
        asker ("X urged the two sides to ...", "X called on both countries to ...")."""
        addressees = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        addressees += [
            p
            for c in tok.children
            if c.dep_ == "prep" and lemma_of(c) in ("on", "upon")
            for p in c.children
            if p.dep_ == "pobj"
        ]
        for a in addressees:
            size = group_size(a)
            if size is not None and size >= 2 and set(self.index.top(size)) & set(sources):
                return True
        return False

    def _add(self, si: int, found: list[Candidate], cues: Collection[int]) -> None:
        sent = self.sents[si]
        whole = span_text(sent)
        text = whole.strip()
        start = int(sent.start_char) + (len(whole) - len(whole.lstrip()))
        prov = Provenance(self.doc_id, start, start + len(text), text)
        by_tok = {c.tok.i: c for c in found}
        dates: dict[int, Dated] = {}
        for cand in found:
            dated = self._date(si, cand, by_tok, dates, cues)
            if cand.protested and not dated.explicit and dated.date is not None:
                dated = Dated(month_of(dated.date), False)  # done some days before the protest
            if si in self.lead and self.news_day is None:  # "the talks held on Thursday"
                self.news_day = lead_day(dated.date, dated.explicit, self.published)
            if cand.anaphor:
                if dated.explicit and dated.date is not None:
                    back = self.sents[max(0, si - ANAPHOR_SENTENCES)].start_char
                    self.merger.redate_last(cand.type, dated.date, back, cand.status)
                continue
            if cand.background and not dated.explicit:
                continue  # "amid X's sanctions on Y": the standing context, no dated event
            status = cand.status
            if status == "occurred" and self._after_published(dated.date):
                status = "planned"
            if status == "planned" and self._made_before(cand):
                status = "occurred"  # "agreed to revive a pact signed in 2001": it was made
            merged: DateRef | None = dated.date
            weight = min(cand.weight, 1) if si in self.headline else cand.weight
            for source, target in cand.pairs:
                draft = Draft(
                    cand.type,
                    source,
                    target,
                    status,
                    dated.date,
                    # a headline's date sums up the news: the lead's more precise one refines it
                    dated.explicit and si not in self.headline,
                    text,
                    prov,
                    cand.mode,
                    weight,
                    mutual=cand.cue.symmetric,
                )
                merged = self.merger.add(draft)
            if cand.type == "CONSULT" and cand.weight > 0 and len(cand.pairs) == 1:
                self.last_talks = cand.pairs[0]
            dates[cand.tok.i] = Dated(merged, dated.explicit, dated.relative)
            if merged is not None and dated.explicit:
                self.last_date = merged

    def _made_before(self, cand: Candidate) -> bool:
        """A thing named by a noun with the past year it was made ("the sanctions imposed
        in 2009", "an accord dating from 1998"): it happened, whatever is now planned for it."""
        if cand.cue.pos != "NOUN" or self.published is None:
            return False
        year = noun_year(cand.tok, self.published)
        return year is not None and year.date[:4] < self.published.date[:4]

    def _after_published(self, date: DateRef | None) -> bool:
        return date is not None and self.published is not None and is_after(date, self.published)

    def _next_disputers(self, si: int) -> set[str]:
        """States that dispute a claim in the next sentence ("Russia rejects this")."""
        if si + 1 >= len(self.sents):
            return set()
        nxt = self.sents[si + 1]
        out: set[str] = set()
        for tok in nxt:
            if tok.dep_ == "ROOT" and disputes_claim(tok, self.lex):
                for s in self.reader.subjects(tok)[0]:
                    out.update(self.reader.np_actors(s, "source"))
        return out
