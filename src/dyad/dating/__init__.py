"""Dates: time expressions resolved against an anchor, and publication dates inferred.

Pure functions on strings and dates; nothing here needs spaCy.
"""

from __future__ import annotations

from dyad.dating.offices import OfficeSource
from dyad.dating.published import infer_published, parse_meta
from dyad.dating.relative import TimeExpression, find_time_expressions, resolve_expression

__all__ = [
    "OfficeSource",
    "TimeExpression",
    "find_time_expressions",
    "infer_published",
    "parse_meta",
    "resolve_expression",
]
