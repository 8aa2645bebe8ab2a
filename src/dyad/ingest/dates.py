"""The one check of a date a user types: ISO 8601 to the day, month or year."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso_date(value: str) -> str:
    """``value`` if it is an ISO date written to the day, month or year ("2023-03-21",
    "2023-03", "2023") that exists on the calendar; else ``ValueError`` saying what is expected."""
    text = value.strip()
    m = _ISO.fullmatch(text)
    if not m:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date on the calendar ({exc})") from exc
    if year < 1900 or year > 2100:
        raise ValueError(f"{value!r}: the year must be between 1900 and 2100")
    return text
