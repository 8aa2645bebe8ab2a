"""The parts of a news article events read differently: headlines and the lead.

Headlines (the lines before the running text) sum up news of some days; the lead (the first
full sentence of running text and the one after it) tells the news of the day, so its
undated past tense means "now".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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


__all__ = ["LEAD_MIN_WORDS", "LEAD_SENTENCES", "headline_and_lead"]
