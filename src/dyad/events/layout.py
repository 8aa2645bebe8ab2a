"""The parts of a news article events read differently: headlines and the lead.

Headlines (the lines before the running text) sum up news of some days; the lead (the first
full sentence of running text and the one after it) tells the news of the day, so its
undated past tense means "now".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dyad.nlp.doctext import span_text

LEAD_SENTENCES = 2  # sentences of the lead, whose past tense without a date means "now"
LEAD_MIN_WORDS = 20  # the lead is the first full sentence this long; before it, headlines


def headline_and_lead(sents: Sequence[Any]) -> tuple[frozenset[int], frozenset[int]]:
    """Headlines (the lines before the running text) and the lead: the first full sentence of
    running text (long, with a finite verb, ending in a full stop) and the ones after it."""
    for si, sent in enumerate(sents):
        words = [t for t in sent if t.is_alpha]
        finite = any(str(t.tag_) in ("VBD", "VBZ", "VBP") for t in sent)
        full = span_text(sent).rstrip().rstrip("\"'”’)").endswith((".", "!", "?"))
        if len(words) >= LEAD_MIN_WORDS and finite and full:
            return frozenset(range(si)), frozenset(range(si, si + LEAD_SENTENCES))
    return frozenset(), frozenset(range(min(LEAD_SENTENCES, len(sents))))


class CodedTokens(Protocol):
    """``ActorIndex``: the states a token names, and whether it is a state."""

    def code(self, tok: Any) -> tuple[str, ...]: ...

    def is_state(self, code: str) -> bool: ...


def headline_pair(
    sents: Sequence[Any], headline: frozenset[int], index: CodedTokens
) -> tuple[str, ...]:
    """The two states the title (the first headline) names, when it names exactly two ("X
    and Y agree to end border fighting"): the article's pair, whoever else it names more often
    (a mediator, a host). Empty otherwise."""
    named: list[str] = []
    if headline:
        for tok in sents[min(headline)]:
            for code in index.code(tok):
                if index.is_state(code) and code not in named:
                    named.append(code)
    return tuple(named) if len(named) == 2 else ()


__all__ = ["LEAD_MIN_WORDS", "LEAD_SENTENCES", "headline_and_lead", "headline_pair"]
