"""The day an article's news happened, as its lead dates it.

A story published on Thursday about a summit "on Wednesday" tells, in later sentences, more of
Wednesday's news without repeating the day ("Y warned that ..."). :func:`lead_day` takes the
day a lead sentence's own time expression gives, when it lies in the week up to publication;
:func:`news_default` dates undated news of later sentences by it instead of by publication.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from dyad.models import DateRef

NEWS_DAYS: Final = 7  # how far before publication the lead's own day may be and still be news


def lead_day(when: DateRef | None, explicit: bool, published: DateRef | None) -> DateRef | None:
    """The day a lead sentence dates its news to ("X and Y agreed on Wednesday ..."), when a
    time expression gave it (``explicit``) and it lies in the week up to publication."""
    if not explicit or when is None or published is None:
        return None
    if when.precision != "day" or published.precision != "day":
        return None
    gap = (date.fromisoformat(published.date) - date.fromisoformat(when.date)).days
    return when if 0 <= gap <= NEWS_DAYS else None


def news_default(default: DateRef, published: DateRef, news_day: DateRef | None) -> DateRef:
    """A later sentence's undated news ("Y warned that ...") took place on the lead's day, not
    on the day the story was published: "the summit on Wednesday" in Thursday's paper."""
    return news_day if news_day is not None and default == published else default


__all__ = ["NEWS_DAYS", "lead_day", "news_default"]
