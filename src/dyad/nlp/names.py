"""Person names in plain text, without spaCy: the shape of a name, titles and the lexicon.

A *word* here is a run of non-space characters with its quotes, brackets and trailing
punctuation cut off (``Word``); a possessive ``'s`` is cut too and remembered. A name is 2-4
such words, each capitalised ("Wu", "Ji-hoon", "el-Masri", "J."), in one line with nothing but a
space between them. The words that stand around names (titles, honorifics, organisation words,
photo-credit words) and the speech verbs are data: ``dyad/data/titles.tsv`` and
``dyad/data/speech_verbs.tsv``, read once through ``lexicon()``. Names in photo credits and
bylines are read in ``nlp.credits``.
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


_POSSESSIVE_LAST = ("s", "'", "’")  # the last characters a possessive ends with
_new_word = tuple.__new__  # a Word without the named tuple's own __new__ (made for every word)


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    """The words of ``text[start:end]``, offsets into ``text``."""
    end = len(text) if end is None else end
    for m in _WORD.finditer(text, start, end):
        raw = m.group()
        body = raw.lstrip(_OPENERS)
        stripped = body.rstrip(_CLOSERS)
        if stripped[-1:] == "." and not _keeps_dot(stripped):
            stripped = stripped.rstrip(".")
        possessive = stripped[-1:] in _POSSESSIVE_LAST and bool(_POSSESSIVE.search(stripped))
        if possessive:
            stripped = _POSSESSIVE.sub("", stripped)
        if not stripped:
            continue
        lead = len(raw) - len(body)
        s = m.start() + lead
        closed = len(stripped) < len(body)
        yield _new_word(Word, (stripped, s, s + len(stripped), possessive, closed, lead > 0))


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
    if len(word) not in (4, 6) or word[1:2] != ".":  # what two or three initials look like
        return False
    return _INITIALS.fullmatch(word) is not None


def is_particle(word: str) -> bool:
    return word.lower() in PARTICLES


def _alpha_parts(word: str) -> list[str] | None:
    """The hyphen-separated parts of a word of letters and apostrophes, or None."""
    parts = word.split("-")
    if "" in parts:
        return None
    letters = word.replace("-", "").replace("'", "").replace("’", "")
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
