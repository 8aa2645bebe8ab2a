"""Coding events between states in the PLOVER ontology: ``extract_events``.

For each sentence: find the cues of the lexicon (``cues``), read who acts on whom
(``actors``), whether it happened (``status``) and when (``dates``), then merge the mentions
of one real-world event (``merge``). State mentions come from ``resolve.actors``, persons'
states from ``nlp.persons``, time expressions from ``dating.relative``; each is reached
through a small protocol, so tests can pass fakes (``EventTools``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from dyad.dating.news import lead_day, news_default
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
from dyad.events.datelinks import (
    LINK_PREPS,
    comes_on,
    counted_from,
    linked_cues,
    outer_clause,
    outer_date,
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
    reference_date,
    resolve,
    tense_date,
)
from dyad.events.frames import FrameReader, governor
from dyad.events.groups import group_size
from dyad.events.layout import headline_and_lead
from dyad.events.merge import Draft, Merger
from dyad.events.pairs import acts_jointly, pairs_of
from dyad.events.parties import CLAIMED_TYPES, PartyReader, of_making
from dyad.events.reader import ActorReader
from dyad.events.referents import before_main_clause, definite, joined_talks, same_parties_since
from dyad.events.refusal import refusal_pairs
from dyad.events.status import (
    CONTENT_TYPES,
    FORCE_TYPES,
    clause_of,
    conditional_threat,
    dispute_tokens,
    disputes_claim,
    is_disputed,
    stative,
    status_of,
    threat_teller,
)
from dyad.models import DateRef, Event, Provenance, Status
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
COUNTED_TEXT = re.compile(r"\b(after|before|later|earlier)\b", re.I)


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


@dataclass
class _Candidate:
    tok: Any
    cue: Cue
    type: str
    status: Status
    pairs: list[tuple[str, str]]
    expr: Anchored | None
    mode: str | None
    weight: int
    anaphor: bool = False  # "the talks" with no parties named: dates an earlier mention
    background: bool = False  # "amid X's sanctions": context, an event only when dated
    protested: bool = False  # what a protest condemns: before the protest, not on its day
    teller: Any = None  # the speech verb a conditional threat is told by: its time is theirs


class _Coder:
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
        self.index: ActorIndex = build_index(doc, mentions, persons, self.lex.agents)
        self.reader = ActorReader(self.index, self.lex, named_groups(doc, gazetteer))
        self.frames = FrameReader(self.reader)
        self.parties = PartyReader(doc, self.index, self.reader, self.lex, published)
        self.text = doc_text(doc)  # kept by the parser: Doc.text joins every token per call
        self.pos: list[int] = doc.to_array("POS").tolist() if len(doc) else []
        self.cue_pos = {doc.vocab.strings[p] for p in CUE_POS}
        self.times = list(tools.find_times(self.text, published)) if len(doc) else []
        self.time_index = TimeIndex(self.times)
        self.sents = [s for s in doc.sents if span_text(s).strip()]
        self.headline, self.lead = headline_and_lead(self.sents)
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
        found: list[_Candidate] = []
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
        before: Sequence[_Candidate],
    ) -> _Candidate | None:
        if "refusal" in cue.flags:
            turned = refusal_pairs(tok, self.reader, self.index)
            if turned:  # "was not allowed to meet", "was refused entry": it happened
                return _Candidate(tok, cue, cue.type, "occurred", turned, None, cue.mode, 1)
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
        if type_ == "ASSAULT" and landed_at_sea(tok):
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
            return _Candidate(tok, cue, type_, status, [], None, cue.mode, 0, anaphor=True)
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
        return _Candidate(
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

    def _add(self, si: int, found: list[_Candidate], cues: Collection[int]) -> None:
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

    def _date(
        self,
        si: int,
        cand: _Candidate,
        by_tok: dict[int, _Candidate],
        dates: dict[int, Dated],
        cues: Collection[int],
    ) -> Dated:
        planned = cand.status == "planned"
        year = noun_year(cand.tok, self.published) if cand.cue.pos == "NOUN" else None
        if year is not None:
            return Dated(year, True)  # "the 2006 treaty", "an accord dating from 1998"
        counted = self._counted(cand)
        if counted is not None:
            return counted
        if cand.expr is not None:
            dated = resolve(
                cand.expr,
                self.published,
                planned=planned,
                reference=self.last_date,
                resolver=self.tools.resolve_time,
                anchor_tag=str(self.doc[cand.expr.anchor].tag_),
            )
            if dated.date is not None:
                return dated
        for j in linked_cues(cand.tok, cues):
            if j in dates and (dates[j].explicit or j in self.referred):
                return Dated(dates[j].date, True)
            other = by_tok.get(j)
            if j not in dates and other is not None and other.expr is not None:
                got = resolve(
                    other.expr,
                    self.published,
                    planned=other.status == "planned",
                    reference=self.last_date,
                    resolver=self.tools.resolve_time,
                )
                if got.date is not None:
                    return Dated(got.date, True)
            if j in self.occasions:  # "During that visit, the two sides signed ..."
                back = self.merger.last_dated(self.occasions[j])
                if back is not None:
                    return Dated(back, True)
        outer = outer_clause(cand.tok) if not planned else None
        if outer is not None:  # "in May, days before X sent troops": May
            a = own_expression(outer, self.anchored, climb_ccomp=False)
            if a is not None:
                got = resolve(
                    a,
                    self.published,
                    planned=False,
                    reference=self.last_date,
                    resolver=self.tools.resolve_time,
                )
                when = outer_date(got, self.published)
                if when is not None:
                    return Dated(when, False)
        if self.published is None:
            return Dated(None, False)
        head = cand.teller if cand.teller is not None else clause_of(cand.tok).head
        back = self._occasion(cand) if not planned else None
        if back is not None:  # "at the summit" after "a summit on May 3": that one's day
            self.referred.add(cand.tok.i)
            return Dated(back, False)
        if cand.cue.pos == "NOUN" and not planned and not self._carried(cand.tok):
            return Dated(reference_date(cand.tok, self.published, self.news_day), False)
        story = self._story_date(si)
        if story is not None and not planned and str(head.tag_) == "VBD" and si not in self.lead:
            return Dated(story, False)  # "In 2020 X did A. It also did B."
        default = tense_date(
            head,
            self.published,
            planned=planned,
            lead=si in self.lead,
            headline=si in self.headline,
            opening=bool(self.lead) and si == min(self.lead),
        )
        if not planned:  # the lead's own day, once a lead sentence gave it
            default = news_default(default, self.published, self.news_day)
        if not planned and before_main_clause(cand.tok):
            default = month_of(default)  # "... after X agreed to buy": some days before
        return Dated(default, False)

    def _counted(self, cand: _Candidate) -> Dated | None:
        """ "A struck on Tuesday, a day after B struck": B's strike is counted back from the
        date of A's clause."""
        if self.published is None:
            return None
        got = next((c for a in self.anchored if (c := counted_from(a, cand.tok)) is not None), None)
        if got is None:
            # "a day after X met but failed to reach a deal": the deal's clause is the meeting's
            first = clause_of(cand.tok).head
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.i != cand.tok.i:
                got = next(
                    (c for a in self.anchored if (c := counted_from(a, first)) is not None), None
                )
        if got is None:
            return None
        main, turned = got
        own = [a for a in self.anchored if a.anchor == main.i]
        for a in own:
            if a.blocked or a.expr.date is None or COUNTED_TEXT.search(str(a.expr.text)):
                continue
            when = self.tools.resolve_time(turned, self.published, reference=a.expr.date)
            if when is not None:
                return Dated(when, True, relative=True)
        base = comes_on(main, self.published, self.news_day)  # "the visit comes a week after"
        when = self.tools.resolve_time(turned, self.published, reference=base) if base else None
        return Dated(when, True, relative=True) if when is not None else None

    def _story_date(self, si: int) -> DateRef | None:
        """The last past date named in the previous sentence of the same paragraph."""
        if si == 0 or self.published is None:
            return None
        prev, cur = self.sents[si - 1], self.sents[si]
        if "\n" in self.text[prev.start_char : cur.start_char]:
            return None  # a new paragraph
        dates = [
            e.date
            for e in self.time_index.within(prev.start_char, prev.end_char)
            if e.date is not None and is_after(self.published, e.date)
        ]
        return dates[-1] if dates else None

    def _occasion(self, cand: _Candidate) -> DateRef | None:
        """The date of the event a definite noun refers back to ("the summit", "that visit"),
        when a time expression dated the latest mention of its type and pair; a noun a light
        verb carries ("signed the deal") is dated by that verb, unless it is the occasion of
        the verb's clause ("signed a deal at the summit")."""
        tok = cand.tok
        if not definite(tok, cand.cue):
            return None
        occasion = tok.dep_ == "pobj" and lemma_of(tok.head) in LINK_PREPS
        if not occasion and self._carried(tok):
            return None
        return self.merger.last_dated(cand.type, cand.pairs)

    def _carried(self, tok: Any) -> bool:
        """Whether an event noun is the object of a light verb ("signed a deal"), whose tense
        dates it."""
        if of_making(tok):  # "the signing of an accord had begun ...": dated as a verb
            return True
        gov, _ = governor(tok)
        if gov is None:
            return False
        lemma = lemma_of(gov)
        return lemma in self.lex.light_source or lemma in self.lex.light_target

    def _made_before(self, cand: _Candidate) -> bool:
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
