"""When a candidate event happened, in the context of its article: the dating steps of the
event coder (``coder``).

A cue's event (``Candidate``) takes, in order: the year of a noun ("the 2006 treaty"), a day
counted from another event ("a day after ..."), its own time expression (``dates.resolve``),
the date of an event it is tied to (``datelinks``), the month of an "after/before" clause's
outer clause, the date of an occasion named before ("at the summit"), else a default from its
clause's tense, the lead's day or the previous sentence of the paragraph. ``EventDating`` holds
these steps; ``coder._Coder`` holds the article's state they read.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dyad.dating.news import news_default
from dyad.events.context import TimeIndex
from dyad.events.cues import Cue, Lexicon, lemma_of
from dyad.events.datelinks import (
    LINK_PREPS,
    comes_on,
    counted_from,
    flared_after,
    linked_cues,
    outer_clause,
    outer_date,
)
from dyad.events.dates import (
    Anchored,
    Dated,
    is_after,
    month_of,
    noun_year,
    own_expression,
    reference_date,
    resolve,
    tense_date,
)
from dyad.events.merge import Merger
from dyad.events.noun_frames import governor
from dyad.events.parties import of_making
from dyad.events.referents import before_main_clause, definite
from dyad.events.status import clause_of, reacted_to
from dyad.models import DateRef, Status

if TYPE_CHECKING:
    from dyad.events.coder import EventTools

COUNTED_TEXT = re.compile(r"\b(after|before|later|earlier)\b", re.I)


@dataclass
class Candidate:
    """A cue's event in a sentence, before it is dated and merged: its pairs, status, the
    time expression attached to it (if any), mode and weight."""

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


class EventDating:
    """The steps that date a ``Candidate``; the event coder (``coder._Coder``) sets the article
    state they read and update."""

    doc: Any
    published: DateRef | None
    tools: EventTools
    lex: Lexicon
    text: str
    time_index: TimeIndex
    sents: list[Any]
    headline: frozenset[int]
    lead: frozenset[int]
    merger: Merger
    last_date: DateRef | None
    news_day: DateRef | None
    anchored: list[Anchored]
    occasions: dict[int, str]
    referred: set[int]

    def _date(
        self,
        si: int,
        cand: Candidate,
        by_tok: dict[int, Candidate],
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
                when = outer_date(got, self.published, flared_after(cand.tok))
                if when is not None:
                    return Dated(when, False)
        if self.published is None:
            return Dated(None, False)
        head = cand.teller if cand.teller is not None else clause_of(cand.tok).head
        back = self._occasion(cand) if not planned else None
        if back is not None:  # "at the summit" after "a summit on May 3": that one's day
            self.referred.add(cand.tok.i)
            return Dated(back, False)
        if reacted_to(cand.tok, cand.cue):  # "will reply after the expulsion of ...": recent
            return Dated(month_of(self.news_day or self.published), False)
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

    def _counted(self, cand: Candidate) -> Dated | None:
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

    def _occasion(self, cand: Candidate) -> DateRef | None:
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
