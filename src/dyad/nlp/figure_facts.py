"""Which mentions of a value are one figure: a document states each fact once.

A value in a headline or summary line is the one the body gives; an amount given again is the
deal or sum named again; a count of another noun in another sentence of the body ("four soldiers
were killed", "four civilians were killed") is another fact.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dyad.models import Figure

__all__ = ["once_each"]


def once_each(figures: list[Figure], counted: frozenset[str]) -> list[Figure]:
    """One figure per fact: the first mention, with a year from a later one if needed.

    An amount given again is the deal or sum named again, and a value in a headline or summary
    line is the one the body gives; but a count of another noun in another sentence of the body
    ("four soldiers were killed", "four civilians were killed") is another fact: kept."""
    groups: dict[tuple[str, float], list[list[Figure]]] = {}
    for fig in figures:
        key = (fig.unit, float(f"{fig.value:.6g}"))
        found = next((g for g in groups.setdefault(key, []) if _same_fact(g, fig, counted)), None)
        if found is None:
            groups[key].append([fig])
            continue
        found.append(fig)
        if found[0].year is None and fig.year is not None:
            found[0] = replace(found[0], year=fig.year)
    kept = [g[0] for gs in groups.values() for g in gs]
    return sorted(kept, key=lambda f: f.provenance.start)


def _same_fact(group: list[Figure], fig: Figure, counted: frozenset[str]) -> bool:
    body = [f for f in group if _body_sentence(f.provenance.sentence)]
    if not _body_sentence(fig.provenance.sentence) or not body:
        return True  # a headline or summary line states a figure the body gives too
    if fig.unit not in counted:
        return True  # "$400 billion" again: the deal is named again, not made again
    return any(_counted_word(f) == _counted_word(fig) for f in body)


def _counted_word(fig: Figure) -> str:
    words = re.findall(r"[a-z]+", (fig.measure or "").lower())
    return words[-1] if words else ""


def _body_sentence(sentence: str) -> bool:
    """A full sentence of the body (not a headline, summary line or caption fragment)."""
    sentence = sentence.strip()
    return sentence.endswith((".", "!", "?", ".”", '."', "”", '"')) and len(sentence.split()) > 12
