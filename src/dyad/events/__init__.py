"""PLOVER events between states: cue lexicon, actors, status, dates, merging and scores.

``extract_events(doc, doc_id=..., published=..., persons=..., gazetteer=...)`` (in
``coder``) codes a parsed article; the lexicon and the score table are data files in
``dyad/data`` (``plover_cues.tsv``, ``plover_scores.tsv``).
"""

from __future__ import annotations

from dyad.events.coder import EventTools, extract_events

__all__ = ["EventTools", "extract_events"]
