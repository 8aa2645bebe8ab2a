"""The source-target pairs of a cue's frame (``events.frames``): who acts on whom.

A state acting on itself makes no pair, nor do two multilateral bodies; a meeting pairs each
side with each other; the parties named by "between" are the only ones of a meeting, deal or
fight ("talks between X and Y hosted by Z"); a hostile act told of "they" is no act of one of
the pair on the other unless it is mutual ("attacked each other").
"""

from __future__ import annotations

from collections.abc import Callable

from dyad.events.actors import SYMMETRIC_TYPES
from dyad.events.cues import Cue
from dyad.events.noun_frames import Frame

MAX_ACTORS = 5
# Acts of one side on another: "they" (the article's pair) doing one does not do it to itself.
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "ACCUSE"})


def pairs_of(
    frame: Frame, cue: Cue, type_: str, is_state: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """Source-target pairs of a frame. A state acting on itself makes no pair, nor do two
    multilateral bodies; a meeting of sources and targets pairs each source with each target
    and the sources among themselves ("X and Y met Z"); the parties named by "between" are the
    only ones of a meeting, deal or fight ("talks between X and Y hosted by Z")."""
    sources = frame.sources[:MAX_ACTORS]
    targets = [t for t in frame.targets if t not in sources][:MAX_ACTORS]
    pairs: list[tuple[str, str]] = []
    mediated = cue.mode != "third-party"  # "shuttle diplomacy between X and Y": with each
    if (type_ in SYMMETRIC_TYPES or cue.symmetric) and len(frame.between) >= 2 and mediated:
        pairs = _combinations(frame.between[:MAX_ACTORS])  # a host or mediator is no party
    elif type_ in SYMMETRIC_TYPES or cue.symmetric:
        if sources and targets:
            pairs = [(s, t) for s in sources for t in targets] + _combinations(sources)
        else:
            pairs = _combinations(sources or targets)
    elif sources and targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif len(sources) >= 2 and frame.reciprocal and not frame.distributive:
        pairs = _combinations(sources)  # "X and Y accused each other", "traded accusations"
        pairs += [(b, a) for a, b in pairs]
    elif len(sources) >= 2 and (
        frame.distributive or (frame.group and (type_ not in HOSTILE_TYPES or frame.reciprocal))
    ):
        pairs = _combinations(sources)  # "they shelled the town": no attack of one on the other
    return [(a, b) for a, b in pairs if a != b and (is_state(a) or is_state(b))]


def _combinations(codes: list[str]) -> list[tuple[str, str]]:
    return [(a, b) for i, a in enumerate(codes) for b in codes[i + 1 :]]


def acts_jointly(frame: Frame) -> bool:
    """Whether a frame's actors act together ("X, along with Y, ..." or several sources)."""
    if frame.distributive:
        return False
    return frame.joint or len(frame.sources) >= 2


__all__ = ["HOSTILE_TYPES", "MAX_ACTORS", "acts_jointly", "pairs_of"]
