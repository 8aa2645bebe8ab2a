"""Names in photo credits and bylines, read from plain text without spaCy.

``credit_names(text)`` finds the photographers and reporters a text credits ("(Jane Roe/Agency)",
"PHOTO / POOL JOHN SMITH", "By Jane Roe in Lima and John Doe", "Jane Roe, Staff Writer") as
``NameSpan``s; ``contributor_spans(text)`` gives the spans of the sentences and lines that credit
reporters, so their names are not read as people in the story. The shape of a name word and the
lexicon of credit and newsroom words come from ``nlp.names``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from dyad.nlp.names import (
    FUNCTION_WORDS,
    Lexicon,
    is_core_word,
    is_name_word,
    lexicon,
    title_case,
    words,
)

__all__ = ["NameSpan", "contributor_spans", "credit_names"]


@dataclass(frozen=True)
class NameSpan:
    """A name read from a credit or byline: its words (title-cased) and where it is."""

    start: int
    end: int
    words: tuple[str, ...]


_PAREN = re.compile(r"[(\[]([^()\[\]\n]{3,240})[)\]]")
_CREDIT_MARK = re.compile(r"\b(?:PHOTOS?|Photos?|Photograph|CREDIT|Credit|FILE|File)\b\s*[:/]?")
_SEGMENT_SPLIT = re.compile(r"\s*/\s*|\s+(?:via|VIA)\s+|\s*[,;|]\s*|\s+-\s+")
_AGENCY_SLASH = re.compile(r"\b([A-Za-z]+)\s?/\s?(?=[A-Z])")  # "REUTERS/Jane Roe"
_BYLINE = re.compile(
    r"^[ \t]*(?:(?:Written|Words|Published|Posted|Reported|Edited)[ \t]+[Bb]y|By|BY|WRITTEN BY"
    r"|PUBLISHED BY|POSTED BY)[ \t]*:?[ \t]+([^\n]{3,120})$",
    re.MULTILINE,
)
_DESK_CREDIT = re.compile(  # "(Reporting by Jane Roe in Lima; Editing by John Doe)"
    r"\b(?:[Aa]dditional reporting|Reporting|Writing|Editing|Compiled|Edited|Translated)"
    r"\s+by\s+([^;\n()]{3,160})"
)
_AGENCIES_LINE = re.compile(  # "Jane Roe in Lima and agencies", "Jane Roe and agencies"
    r"^[ \t]*([^\n]{3,120}?)[ \t]+(?:and|AND|&)[ \t]+(?:agencies|wires|wire services)[ \t]*$",
    re.MULTILINE,
)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_WEEKDAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?"
# a date or time that ends a byline: "October 2, 2024 | 04:16 pm", "| 23.01.2024", "Fri 10 Mar"
_DATE_TAIL = re.compile(
    rf"(?:\s*\||\s+\d|\s+{_MONTHS}\s+\d|\s+{_WEEKDAYS}\s+\d|\s+(?:Updated|Published)\b).*$"
)
_DATE_START = rf"(?:{_WEEKDAYS}[ \t]+)?(?:\d{{1,4}}[./ -]|{_MONTHS}[ \t]+\d)"
# a header line of names before a date: "Jane Roe, John Doe | 23.01.2024", or on the next line
_NAMES_DATED = re.compile(
    rf"^[ \t]*([A-Z][^\n|:]{{3,120}}?)[ \t]*(?:\||\n)[ \t]*(?={_DATE_START})", re.MULTILINE
)
_EDITOR_FIELD = re.compile(  # "Editor: Jane Roe", "Reporter: John Doe"
    r"\b(?:Editor|Editors|Reporter|Reporters|Author|Authors|Writer|Edited by)[ \t]*:[ \t]*"
    r"([^\n|;]{3,80})"
)
_STAFF_LINE = re.compile(r"^[ \t]*([^\n,]{3,60}),[ \t]*([^\n,]{3,40})$", re.MULTILINE)
_PLACE_TAIL = re.compile(r"\s+(?:in|from)\s+[^,;]*$")
_BYLINE_SPLIT = re.compile(r"\s*,\s*|\s+(?:and|AND|&)\s+")
_CONTRIBUTED = re.compile(
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|contributed reporting"
    r"|(?:reported|reporting) from",
    re.IGNORECASE,
)


def _segment_name(text: str, start: int, lex: Lexicon) -> NameSpan | None:
    ws = list(words(text, start, start + len(_segment_raw(text, start))))
    while ws and "credit" in lex.kinds(ws[0].text):
        ws.pop(0)
    cut = next((i for i, w in enumerate(ws) if i >= 2 and "credit" in lex.kinds(w.text)), None)
    ws = ws[:cut]  # "JANE ROE Image Credit: AFP"
    if not 2 <= len(ws) <= 4:
        return None
    for w in ws:
        if not is_name_word(w.text, caps_ok=True) or w.possessive:
            return None
        if lex.kinds(w.text) & {"credit", "orgword"} or w.text.lower() in FUNCTION_WORDS:
            return None
    if not (is_core_word(title_case(ws[0].text)) and is_core_word(title_case(ws[-1].text))):
        return None
    shaped = tuple(title_case(w.text) if w.text.isupper() else w.text for w in ws)
    return NameSpan(ws[0].start, ws[-1].end, shaped)


def _segment_raw(text: str, start: int) -> str:
    m = _SEGMENT_SPLIT.search(text, start)
    return text[start : m.start()] if m else text[start:]


def _segments(text: str, start: int, end: int) -> Iterator[int]:
    pos = start
    while pos < end:
        m = _SEGMENT_SPLIT.search(text, pos, end)
        yield pos
        if not m or m.end() <= pos:
            return
        pos = m.end()


def _byline_role_end(part: str, lex: Lexicon) -> int:
    """Where the name starts in a byline part led by a newsroom role ("China correspondent
    Jane Roe", "Senior Editor Jane Roe"); 0 when no role leads it."""
    ws = list(words(part))
    ends = [w.end for w in ws[:-1] if "press" in lex.kinds(w.text)]
    if not ends:
        return 0
    rest = len(part) - len(part[ends[-1] :].lstrip())
    return rest if len(part[rest:].split()) >= 2 else 0


def _byline_names(text: str, pos: int, line: str, lex: Lexicon, found: list[NameSpan]) -> None:
    """The names of a byline's parts: "Jane Roe in Lima and John Doe", "Jane Roe Political
    editor and John Doe"."""
    for part in _BYLINE_SPLIT.split(line):
        start = text.find(part, pos)
        pos = start + len(part)
        part = _PLACE_TAIL.sub("", part)  # "Jane Roe in Lima"
        lead = _byline_role_end(part, lex)  # "Beijing correspondent Jane Roe"
        start, part = start + lead, part[lead:]
        part = part[: _byline_role_start(part, lex)]  # "Jane Roe Political editor"
        name = _segment_name(text[: start + len(part)], start, lex) if part else None
        if name and all(n.start != name.start for n in found):
            found.append(name)


def _byline_role_start(part: str, lex: Lexicon) -> int:
    """Where a newsroom role after the name starts ("Jane Roe Diplomatic editor")."""
    ws = list(words(part))
    for i, w in enumerate(ws[2:], start=2):
        if "press" in lex.kinds(w.text.lower()):
            first = i - 1 if i > 2 and ws[i - 1].text[:1].isupper() else i
            return ws[first].start
    return len(part)


@lru_cache(maxsize=2)
def _bylines(text: str) -> tuple[re.Match[str], ...]:
    """Bylines, desk credits and "and agencies" lines, in that order (read once for the two
    callers that look at one text)."""
    return (
        *_BYLINE.finditer(text),
        *_DESK_CREDIT.finditer(text),
        *_AGENCIES_LINE.finditer(text),
    )


def credit_names(text: str, lex: Lexicon | None = None) -> list[NameSpan]:
    """Photographers named in credits: "(Jane Roe/Agency)", "PHOTO / POOL JOHN SMITH", bylines."""
    lex = lex or lexicon()
    found: list[NameSpan] = []
    zones: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1)
        if "/" in inner or _CREDIT_MARK.search(inner) or " via " in inner.lower():
            zones.append((m.start(1), m.end(1)))
    for m in _CREDIT_MARK.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        close = text.find(")", m.end(), line_end)
        zones.append((m.end(), close if close >= 0 else line_end))
    for m in _AGENCY_SLASH.finditer(text) if "/" in text else ():
        if "credit" in lex.kinds(m.group(1)) and m.group(1)[:1].isupper():
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end < 0 else line_end
            close = text.find(")", m.end(), line_end)
            zones.append((m.start(), close if close >= 0 else line_end))
    for zs, ze in zones:
        sub = text[:ze]
        head = _CREDIT_MARK.match(sub, zs)
        for seg in _segments(sub, head.end() if head else zs, ze):
            name = _segment_name(sub, seg, lex)
            if name and all(n.start != name.start for n in found):
                found.append(name)
    for m in [*_bylines(text), *_EDITOR_FIELD.finditer(text)]:
        _byline_names(text, m.start(1), _DATE_TAIL.sub("", m.group(1)), lex, found)
    for m in _NAMES_DATED.finditer(text[:2000]):
        names: list[NameSpan] = []
        _byline_names(text, m.start(1), m.group(1), lex, names)
        parts = [p for p in _BYLINE_SPLIT.split(m.group(1)) if p.strip()]
        if names and len(names) == len(parts):
            found.extend(n for n in names if all(f.start != n.start for f in found))
    for m in _STAFF_LINE.finditer(text):  # "Jane Roe, Staff Writer"
        role = [w.text.lower() for w in words(m.group(2))]
        if role and "press" in lex.kinds(role[-1]) and len(role) <= 4:
            name = _segment_name(text[: m.end(1)], m.start(1), lex)
            if name and all(n.start != name.start for n in found):
                found.append(name)
    return found


def contributor_spans(text: str) -> list[tuple[int, int]]:
    """Sentences that credit reporters ("X in Y contributed to this report"): their spans."""
    spans: list[tuple[int, int]] = []
    for m in _CONTRIBUTED.finditer(text):
        start = max(text.rfind("\n", 0, m.start()), text.rfind(". ", 0, m.start()) + 1, 0)
        spans.append((start, m.start()))
    for m in _bylines(text):
        spans.append((m.start(1), m.end(1)))
    return spans
