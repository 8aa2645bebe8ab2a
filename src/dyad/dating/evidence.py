"""Evidence about an article's publication date read from its own text.

Each piece of evidence is an interval of days the publication date is likely to fall in, with
a weight and a short label saying why (:class:`Evidence`). Month-days without a year ("NORDHAVEN,
June 2 (Agency)", "on March 14") are kept as :class:`PendingDay` until the year is known, and
weekday words as :class:`WeekdayMention`. :func:`dyad.dating.published.infer_published` weighs
them together. The records are in ``dating.records``; the dates a story reports in its body
are read by ``dating.reported``.

Weights (strongest first): a labelled publication line ("PUBLISHED :", "Posted", "Issued on")
10, a dateline with a date 9 (8 without the year), a date-only line near the top 6, an
"Updated" / "Last modified" line 6 as an upper bound (first publication came before) and 2 for
its day, a date-only line elsewhere 4, a bare date led by its weekday and without a time near
the top (how site headers show today's date) 3, a copyright year 2.5, the latest reported date
2 (a window of a week after it) plus 1 (a lower bound), page furniture (a date line next to a
menu, log-in or subscription block: the day the page was served) 1 as an upper bound, and 1.5
for the 30 days before it only when nothing else settles the date, year and month mentions 0.5
(bounds only).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

from dyad.dating.patterns import (
    DAY_RE,
    MIN_DATE,
    MONTH_RE,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    ref_range,
    safe_date,
    shift_days,
    weekday_number,
)
from dyad.dating.records import Evidence, PendingDay, TextEvidence, point
from dyad.dating.relative import TimeExpression, find_time_expressions
from dyad.dating.reported import read_reported_dates
from dyad.dating.stamps import ago_stamps, formal_stamps, short_stamps, url_stamps
from dyad.text import near_furniture

_LABEL: Final = re.compile(
    r"^\W*(?P<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|publication date|"
    r"issued(?:\s+on)?|"
    r"date|last\s+updated|updated(?:\s+on)?|last\s+modified|modified)\b\s*(?:at|on)?\s*:?",
    re.IGNORECASE,
)
_DATELINE: Final = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Z.'’ /-]{{1,40}}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,[^()\n]{{3,25}}\()|"
    rf"(?!{WEEKDAY_RE})[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,\s*(?:{MONTH_RE}\.?\s*{DAY_RE}|{DAY_RE}\s+"
    rf"{MONTH_RE})(?:,?\s+{YEAR_RE})?\.?\s*(?:--|[-–—:])))"
    rf"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?,\s*"
    rf"(?P<date>(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})|(?P<day2>{DAY_RE})\s+(?P<mon2>{MONTH_RE}))"
    rf"(?:,?\s+(?P<year>{YEAR_RE}))?\.?\s*(?:/(?P<agency2>[A-Za-z]+)/\.?|"
    r"\((?P<agency>[^()\n]{2,40})\)\s*(?:--|[-–—:])?|\s*(?:--|[-–—:]))"
)
# A wire dateline without its place: "March 21 (Agency) --", "21 March 2031 (Agency):"
_BARE_DATELINE: Final = re.compile(
    rf"^\s*(?:(?P<mon>{MONTH_RE})\.?\s*(?P<day>{DAY_RE})|(?P<day2>{DAY_RE})\s+(?P<mon2>{MONTH_RE})\.?)"
    rf"(?:,?\s+(?P<year>{YEAR_RE}))?\s*\((?P<agency>[A-Z][^()\n]{{1,30}})\)\s*(?:--|[-–—:])"
)
_COPYRIGHT: Final = re.compile(
    rf"(?:©|\([cC]\)|\bCopyright\b)\s*(?:©\s*)?(?P<y1>{YEAR_RE})(?:\s*[-–]\s*(?P<y2>{YEAR_RE}))?"
)
_CAPTION: Final = re.compile(
    r"\((?:[^()]*(?:/|\bvia\b|Photo|PHOTO|Pool|File|Getty|[Hh]andout)[^()]*)\)\s*$|"
    r"\b(?:AFP|AP|REUTERS|Reuters|EPA|Xinhua|Getty) (?:PHOTO|Photo)\b|"
    r"\b(?:Photo|PHOTO|Credit|Image):|\[File:"
)
_TIME_OR_NOISE: Final = re.compile(
    r"\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|\b(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|KST|JST|"
    r"CET|CEST|IST|HKT|SGT)\b|[+-]\d{1,2}\b|\b\d+\s+(?:hours?|minutes?|mins?|days?)\s+ago\b|"
    r"\b(?:updated|published|posted|on|at|by|last|modified|am|pm)\b",
    re.IGNORECASE,
)
# A bare date led by its weekday ("Tuesday, March 4, 2031") is how site headers show today.
_HEADER_DATE: Final = re.compile(r"\W*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s")
_NUMERIC: Final = re.compile(r"\b(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<year>(?:19|20)\d{2})\b")
_CLOCK: Final = re.compile(r"\b\d{1,2}[:.]\d{2}\b")  # a time: a story's own line, not a header
_TOP_LINES: Final = 25
_TOP_CHARS: Final = 2500
_DIGIT: Final = re.compile(r"\d")
_DATE_LINE_WORDS: Final = 14  # a date line (``_is_date_line``) has no more words than this


def _lines(text: str) -> list[tuple[int, str]]:
    """The text's lines with their offsets; a line of segments set apart by " | " (a site's
    header: "Agency | Updated: Jan 5, 2024 | Editor: X") gives each segment as a line."""
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for sep in _SEGMENT.finditer(line):
            out.append((offset + start, line[start : sep.start()]))
            start = sep.end()
        out.append((offset + start, line[start:]))
        offset += len(line) + 1
    return out


def _uncapitalised(line: str) -> str:
    """A line set in capitals with a number ("PUBLISHED: MARCH 10, 2023") in title case, so
    its month and weekday names read as such; other lines as they are (same length)."""
    if any(c.islower() for c in line) or not any(c.isdigit() for c in line):
        return line
    if _CAPTION.search(line):
        return line  # "AFP PHOTO / 12 MAY 2019": a photo's date, not the page's
    titled = line.title()
    return titled if len(titled) == len(line) else line


_UPDATE_WINDOW: Final = 7  # days before an update line that first publication likely was
_SEGMENT: Final = re.compile(r"\s+[|•·]\s+")


def _first_date(expressions: list[TimeExpression]) -> TimeExpression | None:
    for expression in expressions:
        if expression.date and expression.kind in ("absolute", "month"):
            return expression
    return None


def _is_date_line(line: str, expression: TimeExpression) -> bool:
    """A short line that is (nearly) only a date, a time and labels: a byline or header date."""
    if len(line.split()) > _DATE_LINE_WORDS:
        return False
    rest = line.replace(expression.text, " ")
    rest = _TIME_OR_NOISE.sub(" ", rest)
    return len(re.findall(r"\b[a-z]{2,}\b", rest)) <= 1


def _label_dates(rest: str, day_first: bool | None) -> list[tuple[date, date, float]]:
    """The dates a labelled line may give, each with its share of the line's weight.

    A slash date whose day and month could swap ("10/03/2023") gives both readings, half
    each, unless the text's other numeric dates (``day_first``) settle the order.
    """
    expression = _first_date(find_time_expressions(rest, None, future=False))
    if expression and expression.date and expression.start <= 20:
        lo, hi = ref_range(expression.date)
        return [(lo, hi, 1.0)]
    m = _NUMERIC.search(rest[:30])
    if m is None:
        return []
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    orders = [(a, b), (b, a)] if day_first is None else [(a, b) if day_first else (b, a)]
    days = [d for day, month in orders if (d := safe_date(year, month, day))]
    return [(d, d, 1.0 / len(days)) for d in dict.fromkeys(days)]


def _day_first(text: str) -> bool | None:
    """Whether the text writes numeric dates day first, when one of them shows it."""
    for m in _NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            return True
        if b > 12 >= a:
            return False
    return None


def _read_stamps(text: str, found: TextEvidence, used: list[tuple[int, int]]) -> None:
    """Dates in web addresses at the top and formal dates ("Dated this 14th day of ...")."""
    for stamp in url_stamps(text, _TOP_CHARS):
        found.items.append(point(stamp.day, 9.0 * stamp.share, stamp.label))
        found.line_years.append(stamp.day.year)
    for stamp in formal_stamps(text):
        found.items.append(point(stamp.day, 9.0, stamp.label))
        found.line_years.append(stamp.day.year)


def _yearless_line(line: str, expressions: list[TimeExpression]) -> PendingDay | None:
    """A date line without its year ("Thursday, February 24"): a day awaiting its year."""
    first = next((e for e in expressions if e.kind == "absolute" and e.date is None), None)
    if first is None or first.start > 12 or len(line.split()) > 8:
        return None
    rest = _TIME_OR_NOISE.sub(" ", line.replace(first.text, " "))
    if re.findall(r"\b[a-z]{2,}\b", rest):
        return None
    m = re.search(
        rf"(?P<mon>{MONTH_RE})\s*(?P<day>{DAY_RE})|(?P<d>{DAY_RE})\s+(?P<m>{MONTH_RE})", first.text
    )
    name = re.search(WEEKDAY_RE, first.text)
    if m is None:
        return None
    month, day = month_number(m["mon"] or m["m"]), int((m["day"] or m["d"]).rstrip("stndrh"))
    weekday = weekday_number(name.group()) if name else -1
    label = f"yearless date line '{line.strip()[:40]}'"
    return (
        PendingDay(month, day, 6.0, label, weekday=weekday) if safe_date(2000, month, day) else None
    )


def _read_lines(text: str, found: TextEvidence, used: list[tuple[int, int]], today: date) -> None:
    lines = _lines(text)
    day_first = _day_first(text)
    served: list[date] = []
    for index, (offset, line) in enumerate(lines):
        line = _uncapitalised(line)  # "PUBLISHED: MARCH 10, 2023" (menus and captions as set)
        if not line.strip():
            continue
        top = index < _TOP_LINES and offset < _TOP_CHARS
        label = _LABEL.match(line)
        dateline = (
            _DATELINE.match(line) or _BARE_DATELINE.match(line) if offset < _TOP_CHARS * 2 else None
        )
        if label and len(line) <= 120:
            strong = not re.search(r"updated|modified", label["label"], re.IGNORECASE)
            name = f"{'publication' if strong else 'update'} line '{line.strip()[:60]}'"
            readings = _label_dates(line[label.end() :], day_first)
            if not readings:  # "Updated: Fri - 10 March 23"
                stamps = short_stamps(line[label.end() :], today, day_first)
                readings = [(st.day, st.day, st.share) for st in stamps]
            for lo, hi, share in readings:
                found.items.append(Evidence(lo, hi, (10.0 if strong else 2.0) * share, name))
                if not strong:  # an update usually follows first publication within days
                    start = shift_days(lo, -_UPDATE_WINDOW)
                    found.items.append(Evidence(start, hi, share, f"week before {name}"))
                if hi == lo:
                    found.line_years.append(lo.year)
            if readings and not strong:
                # First published on or before the last update: the update bounds the date
                # from above and only weakly dates the article itself.
                latest = max(hi for _, hi, _ in readings)
                found.items.append(Evidence(MIN_DATE, latest, 6.0, f"not after {name}"))
            if readings:
                used.append((offset, offset + len(line)))
                continue
        if dateline:
            _read_dateline(dateline, found)
            used.append((offset, offset + dateline.end()))
            continue
        if not top and len(line.split()) > _DATE_LINE_WORDS:
            continue  # below the header, only a date line is read: a paragraph is none
        # What a line gives without an anchor (a full date, a month and year, a day awaiting
        # its year) is written with a digit
        has_digit = _DIGIT.search(line) is not None
        expressions = find_time_expressions(line, None, future=False) if has_digit else []
        expression = _first_date(expressions)
        if top and (expression is None or expression.start > 0):
            stamps = short_stamps(line, today, day_first)
            if stamps:
                for stamp in stamps:
                    found.items.append(point(stamp.day, 6.0 * stamp.share, stamp.label))
                    found.line_years.append(stamp.day.year)
                used.append((offset, offset + len(line)))
                continue
        if top and expression is None and (pending := _yearless_line(line, expressions)):
            found.pending.append(pending)
            used.append((offset, offset + len(line)))
            continue
        if expression and expression.date and _is_date_line(line, expression):
            lo, hi = ref_range(expression.date)
            quoted = line.strip()[:40]
            if top and near_furniture(lines, index):
                # The day the page was served: publication was then or before (likely within
                # a month, but that guess only counts when nothing else dates the article).
                note = f"page furniture '{quoted}'"
                found.items.append(Evidence(MIN_DATE, hi, 1.0, f"not after the page date {hi}"))
                found.items.append(Evidence(shift_days(lo, -30), hi, 1.5, note, fallback=True))
                served.append(hi)
            elif top and _HEADER_DATE.match(line) and not _CLOCK.search(line):
                found.items.append(Evidence(lo, hi, 3.0, f"header date '{quoted}'"))
                served.append(hi)
            else:
                weight = 6.0 if top else 4.0
                found.items.append(Evidence(lo, hi, weight, f"date line '{quoted}'"))
                if expression.date.precision == "day":
                    found.line_years.append(lo.year)
            used.append((offset, offset + len(line)))
    if served:
        top_lines = [line for offset, line in lines[:_TOP_LINES] if offset < _TOP_CHARS]
        for first, last, why in ago_stamps(top_lines, max(served)):
            found.items.append(Evidence(first, last, 6.0, why))


def _read_dateline(match: re.Match[str], found: TextEvidence) -> None:
    month = month_number(match["mon"] or match["mon2"])
    day = int((match["day"] or match["day2"]).rstrip("stndrh"))
    label = f"dateline '{match.group().strip(' -–—:')}'"
    if match["year"]:
        when = safe_date(int(match["year"]), month, day)
        if when:
            found.items.append(point(when, 9.0, label))
    elif safe_date(2000, month, day):
        found.pending.append(PendingDay(month, day, 8.0, label))


def _read_copyright(text: str, found: TextEvidence, used: list[tuple[int, int]]) -> None:
    for match in _COPYRIGHT.finditer(text):
        year = int(match["y2"] or match["y1"])
        weight = 1.0 if match["y2"] else 2.5
        found.items.append(
            Evidence(date(year, 1, 1), date(year, 12, 31), weight, f"copyright {year}")
        )
        used.append((match.start(), match.end()))


def _caption_lines(text: str) -> list[tuple[int, int]]:
    return [(o, o + len(line)) for o, line in _lines(text) if _CAPTION.search(line)]


def read_text_evidence(text: str, today: date | None = None) -> TextEvidence:
    """Publication lines, datelines, date lines, copyright, reported dates and weekdays."""
    found = TextEvidence()
    used: list[tuple[int, int]] = []
    _read_stamps(text, found, used)
    _read_lines(text, found, used, today or date.today())
    _read_copyright(text, found, used)
    read_reported_dates(text, found, used, _caption_lines(text))
    return found
