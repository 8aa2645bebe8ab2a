"""Person names in plain text, without spaCy: the shape of a name, titles, credits and bylines.

A *word* here is a run of non-space characters with its quotes, brackets and trailing
punctuation cut off (``Word``); a possessive ``'s`` is cut too and remembered. A name is 2-4
such words, each capitalised ("Wu", "Ji-hoon", "el-Masri", "J."), in one line with nothing but a
space between them. The words that stand around names (titles, honorifics, organisation words,
photo-credit words) and the speech verbs are data: ``dyad/data/titles.tsv`` and
``dyad/data/speech_verbs.tsv``, read once through ``lexicon()``.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from dyad.text import fold_name as fold


def _wordset(words_: str) -> frozenset[str]:
    return frozenset(words_.split())


PARTICLES = _wordset(
    "al el ad as ash bin ibn bint abu de da del della di du dos das van von der den ter le la"
)
FUNCTION_WORDS = _wordset(
    """a an the and or but nor in on at of for to by with from as when while after before if
    then so yet this that these those his her its their our my your it he she we they i you
    meanwhile however also still even only now here there where what who whom whose which why
    how although though since during despite under over about into via among between without
    within amid against according earlier later last next both each every all some many most
    such no not yes once until unless because thus hence instead besides like unlike near
    analysts officials experts critics others people many several"""
)
DAYS = frozenset(d.lower() for d in calendar.day_name)
MONTHS = frozenset(
    [m.lower() for m in calendar.month_name if m]
    + ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)

_OPENERS = "\"'“‘«([{<"
_CLOSERS = "\"'”’»)]}>,;:!?…"
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Lexicon:
    """The word lists: ``titles`` maps a lower-case phrase to its kinds (see titles.tsv)."""

    titles: Mapping[str, frozenset[str]]
    speech: Mapping[str, str]
    covers: Mapping[str, frozenset[str]] = field(default_factory=dict)  # role_classes.tsv

    def offices_of(self, generic: str) -> frozenset[str]:
        """The offices a generic role noun stands for ("diplomat": "foreign minister"...)."""
        return self.covers.get(generic.lower().strip(), frozenset())

    def kinds(self, phrase: str) -> frozenset[str]:
        return self.titles.get(phrase.lower().strip(), frozenset())

    def is_title(self, phrase: str) -> bool:
        """A title, honorific or title modifier ("President", "Mr.", "deputy")."""
        return bool(self.kinds(phrase) & {"honorific", "leader", "official", "other", "modifier"})

    def is_role(self, phrase: str) -> bool:
        return bool(self.kinds(phrase) & {"leader", "official", "other"})

    def speech_kind(self, lemma: str) -> str | None:
        return self.speech.get(lemma.lower())

    def misspelt_title(self, word: str) -> bool:
        """A capitalised word one typing slip (a letter changed, added, dropped or swapped)
        from a one-word title of 6 letters or more ("Presidnet", "Chancelor")."""
        low = word.lower()
        if len(low) < 6 or not word[:1].isupper() or self.kinds(low):
            return False
        return any(one_slip(low, t) for t in self._long_titles.get(low[0], ()))

    @cached_property
    def _long_titles(self) -> Mapping[str, tuple[str, ...]]:
        """The one-word leader and official titles of 6 letters or more, by first letter."""
        by_first: dict[str, list[str]] = {}
        for t, kinds in self.titles.items():
            if len(t) >= 6 and " " not in t and kinds & {"leader", "official"}:
                by_first.setdefault(t[0], []).append(t)
        return {first: tuple(ts) for first, ts in by_first.items()}


def one_slip(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one substitution, insertion, deletion or transposition."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _read_tsv(name: str) -> list[tuple[str, str]]:
    text = resources.files("dyad").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first, _, second = line.partition("\t")
        rows.append((first.strip().lower(), second.strip()))
    return rows[1:]  # the column header


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The titles, speech-verb and role-class lists, read once from ``dyad/data``."""
    titles: dict[str, set[str]] = {}
    for phrase, kind in _read_tsv("titles.tsv"):
        titles.setdefault(phrase, set()).add(kind)
    speech = dict(_read_tsv("speech_verbs.tsv"))
    covers: dict[str, set[str]] = {}
    for generic, office in _read_tsv("role_classes.tsv"):
        covers.setdefault(generic, set()).add(office.lower())
    return Lexicon(
        MappingProxyType({k: frozenset(v) for k, v in titles.items()}),
        MappingProxyType(speech),
        MappingProxyType({k: frozenset(v) for k, v in covers.items()}),
    )


class Word(NamedTuple):
    """A word of the text: ``text`` without surrounding punctuation, at ``start``-``end`` (a
    named tuple: made for every word of a text, it costs a third of a frozen dataclass)."""

    text: str
    start: int
    end: int
    possessive: bool = False
    closed: bool = False  # punctuation (a comma, a quote mark...) follows the word
    opened: bool = False  # punctuation precedes the word


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    """The words of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    for m in _WORD.finditer(text, start, end):
        raw, s = m.group(), m.start()
        lead = len(raw) - len(raw.lstrip(_OPENERS))
        body = raw[lead:]
        stripped = body.rstrip(_CLOSERS)
        if stripped.endswith(".") and not _keeps_dot(stripped):
            stripped = stripped.rstrip(".")
        possessive = bool(_POSSESSIVE.search(stripped))
        if possessive:
            stripped = _POSSESSIVE.sub("", stripped)
        if not stripped:
            continue
        closed = len(stripped) < len(body)
        yield Word(stripped, s + lead, s + lead + len(stripped), possessive, closed, lead > 0)


def _keeps_dot(word: str) -> bool:
    """ "J." and "U.S." keep their final dot; "said." does not."""
    core = word[:-1]
    return (len(core) == 1 and core.isalpha()) or "." in core


def is_date_word(text: str, w: Word) -> bool:
    """A day name, or a month name next to a number ("Jan. 26", "26 May")."""
    low = w.text.lower()
    if low in DAYS:
        return True
    if low not in MONTHS:
        return False
    after = text[w.end : w.end + 3].lstrip(". ")
    before = text[max(0, w.start - 3) : w.start].rstrip()
    if after[:1].isdigit() or before[-1:].isdigit():
        return True
    return bool(_MONTH_AFTER.search(text[max(0, w.start - 12) : w.start]))  # "in December"


_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
_MONTH_AFTER = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate)\s+$"
)


def is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def is_initials(word: str) -> bool:
    """A run of initials ("K.P."), shaped like a state's abbreviation ("U.S.") too."""
    return _INITIALS.fullmatch(word) is not None


def is_particle(word: str) -> bool:
    return word.lower() in PARTICLES


_HYPHEN_AND_APOSTROPHES = str.maketrans("", "", "-'’")


def _alpha_parts(word: str) -> list[str] | None:
    """The hyphen-separated parts of a word of letters and apostrophes, or None."""
    parts = word.split("-")
    if "" in parts:
        return None
    letters = word.translate(_HYPHEN_AND_APOSTROPHES)
    if letters and not letters.isalpha():
        return None
    if not parts[0][0].isalpha():
        return None
    return parts


# "Tehran-backed", "Paris-based", "Kremlin-allied": a compound that qualifies a group
_QUALIFIER_PARTS = _wordset(
    """backed based led allied aligned funded sponsored supported linked affiliated controlled
    run owned born made built style era bound friendly leaning oriented influenced armed"""
)


def is_name_word(word: str, *, caps_ok: bool = False) -> bool:
    """Shaped like a word of a person's name: "Wu", "Ji-hoon", "el-Masri", "O'Brien", "J."."""
    if is_initial(word) or is_particle(word):
        return True
    parts = _alpha_parts(word)
    if parts is None:
        return False
    if len(parts) > 1 and parts[-1] in _QUALIFIER_PARTS:
        return False
    if len(parts) > 1 and parts[0].lower() in PARTICLES:
        return all(p[0].isupper() for p in parts[1:])
    if not parts[0][0].isupper():
        return False
    if word.isupper() and len(word) > 1:
        return caps_ok
    return True


def is_core_word(word: str) -> bool:
    """A name word that can open or close a name: not an initial nor a bare particle."""
    return is_name_word(word) and not is_initial(word) and not is_particle(word)


REGNAL = _wordset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI")


def is_regnal(word: str) -> bool:
    """A regnal number after a monarch's name ("Abdullah II", "Mohammed VI")."""
    return word in REGNAL


def title_case(word: str) -> str:
    """ "KOVALENKO" -> "Kovalenko", "JEAN-YVES" -> "Jean-Yves"."""
    return "-".join(p[:1].upper() + p[1:].lower() for p in word.split("-"))


def name_tokens(name: str) -> list[str]:
    """The comparable tokens of a name: no particles, initials kept as their letter."""
    return list(_name_tokens(name))


@lru_cache(maxsize=8192)  # names are compared pairwise, again and again, in a long text
def _name_tokens(name: str) -> tuple[str, ...]:
    out = re.findall(r"[a-z0-9']+", fold(name).replace("-", " "))
    return tuple([t for t in out if t not in PARTICLES] or out)


def surname_key(word: str) -> str:
    """A single name word as compared with a name's first or last word ("el-Masri" -> "masri")."""
    toks = name_tokens(word)
    return "".join(toks)


@lru_cache(maxsize=65536)  # each name of a long text is compared with every person's
def same_name(a: str, b: str) -> bool:
    """Two full names of one person: same words, or same last word and compatible first word."""
    for ta in (name_tokens(a), ["".join(name_tokens(a.replace("-", "")))]):
        for tb in (name_tokens(b), ["".join(name_tokens(b.replace("-", "")))]):
            if len(ta) < 2 or len(tb) < 2:
                continue
            if set(ta) == set(tb):
                return True
            if ta[-1] == tb[-1]:
                fa, fb = ta[0], tb[0]
                if fa == fb or (len(fa) == 1 and fb.startswith(fa)):
                    return True
                if len(fb) == 1 and fa.startswith(fb):
                    return True
    ta, tb = sorted((name_tokens(a), name_tokens(b)), key=len)
    if 2 <= len(ta) < len(tb) and tb[-len(ta) :] == ta:
        return True  # a double surname without the given name: "Ruiz Ortega", "Ana Ruiz Ortega"
    ja, jb = "".join(name_tokens(a)), "".join(name_tokens(b))
    return len(name_tokens(a)) >= 2 and ja == jb


def canonical(words_: list[str]) -> str:
    """A name as written, middle initials dropped: "Robert K. Hale" -> "Robert Hale"."""
    kept = [w for i, w in enumerate(words_) if not (is_initial(w) and 0 < i < len(words_) - 1)]
    return " ".join(kept)


def name_weight(name: str) -> tuple[int, int]:
    """Prefer the fuller form of a name: more words, then more letters."""
    parts = [p for p in name.split() if not is_initial(p)]
    return (len(parts), len(name))


_SENTENCE_END = re.compile(r"(\w+)([.!?])\s+[A-Z“\"(]")


def _ends_sentence_inside(line: str) -> bool:
    """A sentence ends inside the line ("... on Monday. (Photo: ...)"): running text, not a
    headline. Abbreviations ("Gen.", "Jan.", "U.S.") end none."""
    lex = lexicon()
    for m in _SENTENCE_END.finditer(line):
        word, mark = m.group(1), m.group(2)
        if mark != ".":
            return True
        if len(word) <= 1 or word.lower() in MONTHS or lex.kinds(word + ".") or word.isupper():
            continue
        return True
    return False


def is_title_case_line(line: str) -> bool:
    """A headline or caption line: nearly every longer word capitalised, one sentence."""
    if line.rstrip().endswith((".", "!", '"', "”", ",", ";")) or _ends_sentence_inside(line):
        return False
    ws = [w.text for w in words(line) if w.text[:1].isalpha()]
    long_ = [w for w in ws if len(w) > 3 and w.lower() not in FUNCTION_WORDS]
    if len(ws) < 3 or len(ws) > 16 or not long_:
        return False
    caps = sum(1 for w in long_ if w[:1].isupper())
    return caps / len(long_) >= 0.8


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
    for m in _AGENCY_SLASH.finditer(text):
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
    for m in [
        *_BYLINE.finditer(text),
        *_DESK_CREDIT.finditer(text),
        *_AGENCIES_LINE.finditer(text),
        *_EDITOR_FIELD.finditer(text),
    ]:
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
    for m in [
        *_BYLINE.finditer(text),
        *_DESK_CREDIT.finditer(text),
        *_AGENCIES_LINE.finditer(text),
    ]:
        spans.append((m.start(1), m.end(1)))
    return spans
