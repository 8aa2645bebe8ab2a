"""Numbers and amounts in plain text, without spaCy.

Reads number expressions ("90", "1,450", "3.4 billion", "US$1.5tn", "seven", "a dozen") and the
amounts whose unit is written next to the number: money ("$90 billion", "3.4 billion yen",
"Rs 500 crore"), percentages ("15%", "18 percent") and measures ("1,200-mile", "12 billion cubic
meters"). Counts of people and materiel need the noun the number modifies, so ``figures`` finds
those with the parse; this module gives it the bare numbers (``find_numbers``).

The words are data: ``dyad/data/units.csv`` (scales, currency symbols and names, measure units,
counted nouns), read once through ``lexicon()``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

from dyad.scan import PatternSet

AmountKind = Literal["money", "percent", "measure", "count", "ignored"]

# fmt: off
_SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)
# fmt: on
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
WORD_VALUES: MappingProxyType[str, int] = MappingProxyType(
    {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
)

# "1,120", "240", and the Indian grouping "2,09,000" / "1,20,00,000"
_DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?!,?\d)|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_UNIT_WORD = "|".join(_SMALL[1:10])
_WORDNUM = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{_UNIT_WORD}))?|{'|'.join(reversed(_SMALL[10:]))}"
    rf"|{_UNIT_WORD})"
)
# "a million", "half a billion", "a quarter of a million", "three quarters of a billion"
_ARTICLE = (
    r"(?:half\s+(?:of\s+)?an?|(?:a|one)\s+(?:quarter|third)\s+of\s+an?"
    r"|(?:three\s+quarters|two\s+thirds)\s+of\s+an?|an?)"
)
_FRACTIONS = MappingProxyType(
    {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "three": 0.75, "two": 2 / 3}
)
# what may not touch a number on its left: letters or digits (G20, Su-35), decimals, paths, times
_LEFT_GUARD = r"(?<![\w.,/:#$€£¥₹₽₩-])"
_VAGUE_BEFORE = re.compile(
    r"(?:\b(?:tens|hundreds|thousands|millions|dozens)\s+of\s+|\bno\.?\s*)$", re.I
)
# "a 100,000-strong force": troops; "the death toll rose to 45": people
_FORCE_AFTER = (
    r"\s+(?:[\w-]+\s+){0,2}?(?:forces?|army|armies|contingent|garrison|troops|brigade|division"
    r"|deployment|mission|militia)\b"
)
_DEATH_TOLL = (
    r"\bdeath\s+toll\b[^.;:]{0,30}?\b(?:to|at|of|reached|hit|is|was|now)\s+"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+|almost\s+)?"
)
# currency names that are also English words ("won", "real", "sum"): only with a scale or a
# large sum
_WORDS_TOO = frozenset(
    {"won", "sterling", "rand", "dong", "real", "sum", "som", "sol", "kip", "pula", "lari"}
    | {"dram", "lev", "leu", "lei", "leone", "franc", "taka", "birr", "soles", "rial"}
    | {"pound", "pounds"}
)
_PERCENT = r"(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)"
# the lower bound of a range written before a measure: "three to four miles", "5-7 km"
_RANGE_LOWER = re.compile(rf"{_LEFT_GUARD}(?P<n>{_DIGITS}|{_WORDNUM})\s*(?:-|–|to|or)\s*\Z", re.I)


@dataclass(frozen=True)
class UnitLexicon:
    """The unit words of ``units.csv``: every mapping keyed by lower-cased term."""

    scales: MappingProxyType[str, float]
    short_scales: MappingProxyType[str, float]
    currency_prefixes: MappingProxyType[str, str]
    currency_words: MappingProxyType[str, str]
    measures: MappingProxyType[str, tuple[str, float]]
    nouns: MappingProxyType[str, str]
    party_nouns: frozenset[str]
    source_nouns: frozenset[str]
    bare: MappingProxyType[str, str]
    families: MappingProxyType[str, str]
    places: MappingProxyType[str, str]


@dataclass(frozen=True)
class Amount:
    """A number with its unit written beside it, at ``text[start:end]``.

    ``ignored``: a small length ("155 mm", "50-centimeter"), read only so that its number is
    not taken for a count.
    """

    value: float
    unit: str
    start: int
    end: int
    kind: AmountKind


@dataclass(frozen=True)
class NumberMatch:
    """A bare number at ``text[start:end]``; ``word`` when it is spelled out ("seven")."""

    value: float
    start: int
    end: int
    word: bool


_NOT_NUMBER = frozenset({4})  # the indexes of _Patterns.scan to skip
_ONLY_NUMBER = frozenset({0, 1, 2, 3})


@dataclass(frozen=True)
class _Patterns:
    money_prefix: re.Pattern[str]
    money_suffix: re.Pattern[str]
    percent: re.Pattern[str]
    measure: re.Pattern[str]
    number: re.Pattern[str]
    strong: re.Pattern[str]
    death_toll: re.Pattern[str]
    # money_suffix, percent, strong, measure and number, which all open with a number after
    # _LEFT_GUARD: found in one scan for that opening
    scan: PatternSet


@lru_cache(maxsize=1)
def lexicon() -> UnitLexicon:
    """The unit lexicon, read from the package data on first use."""
    tables: dict[str, dict[str, str]] = {}
    factors: dict[str, dict[str, float]] = {}
    text = resources.files("dyad.data").joinpath("units.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for row in csv.DictReader(lines):
        kind = row["kind"]
        keep_case = kind in {"currency_prefix", "place", "family"} or row["term"] == "$"
        term = row["term"] if keep_case else row["term"].lower()
        tables.setdefault(kind, {})[term] = row["code"]
        factors.setdefault(kind, {})[term] = float(row["factor"] or 1)
    return UnitLexicon(
        scales=MappingProxyType(factors["scale"]),
        short_scales=MappingProxyType(factors["scale_short"]),
        currency_prefixes=MappingProxyType(tables["currency_prefix"]),
        currency_words=MappingProxyType(tables["currency_word"]),
        measures=MappingProxyType(
            {t: (code, factors["measure"][t]) for t, code in tables["measure"].items()}
        ),
        nouns=MappingProxyType(tables["noun"]),
        party_nouns=frozenset(tables["party"]),
        source_nouns=frozenset(tables["source"]),
        bare=MappingProxyType(tables["bare"]),
        families=MappingProxyType(tables["family"]),
        places=MappingProxyType(tables["place"]),
    )


def _alternation(terms: Iterable[str]) -> str:
    """A regex alternation of the terms, longest first, spaces matching any white space."""
    words = sorted(terms, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def _number_group(tag: str) -> str:
    """A number with an optional scale; its parts land in groups ``n{tag}``, ``s{tag}``..."""
    lex = lexicon()
    long_scales = _alternation(lex.scales)
    short_scales = _alternation(lex.short_scales)
    return (
        rf"(?P<n{tag}>{_DIGITS}|{_WORDNUM}|{_ARTICLE})"
        rf"(?:(?P<ss{tag}>{short_scales})\b|(?:\s*|-)(?P<s{tag}>{long_scales})\b"
        rf"(?:\s+(?P<t{tag}>{long_scales})\b)?)?"
    )


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicon()
    num = _number_group("")
    prefixes = _alternation(lex.currency_prefixes)
    words = _alternation(lex.currency_words)
    measures = _alternation(lex.measures)
    upper = rf"(?:\s?(?:-|–|to)\s?(?:{prefixes})?\s?{_number_group('2')})?"
    flags = re.IGNORECASE
    opens = (
        money_suffix := re.compile(
            rf"{_LEFT_GUARD}{num}(?:\s+|-)(?:(?:of\s+)?(?P<cw>{words}))\b", flags
        ),
        percent := re.compile(rf"{_LEFT_GUARD}{num}[\s-]?{_PERCENT}", flags),
        strong := re.compile(rf"{_LEFT_GUARD}{num}-strong\b(?={_FORCE_AFTER})", flags),
        measure := re.compile(
            rf"{_LEFT_GUARD}{num}(?:\s|-)?(?P<mu>{measures})(?![\w²³])"
            r"(?!\s*(?:/|per\s|an?\s+(?:hour|second|minute)\b))",
            flags,
        ),
        number := re.compile(rf"{_LEFT_GUARD}{num}(?![\w%]|[-–/:]\w|[.,]\d)", flags),
    )
    opening = re.compile(rf"{_LEFT_GUARD}(?:{_DIGITS}|{_WORDNUM}|{_ARTICLE})", flags)
    return _Patterns(
        money_prefix=re.compile(
            rf"(?<![\w$])(?P<cur>(?-i:{prefixes}))\s?{num}{upper}(?!\w)", flags
        ),
        money_suffix=money_suffix,
        percent=percent,
        strong=strong,
        death_toll=re.compile(rf"{_DEATH_TOLL}{num}(?![\w%-]|\s+(?:{_PERCENT}|{measures}))", flags),
        measure=measure,
        number=number,
        scan=PatternSet(opens, opening=opening),
    )


def word_value(word: str) -> float | None:
    """The value of a spelled-out number ("seven", "twenty-one"), or None."""
    parts = re.split(r"[- ]+", word.lower().strip())
    if not parts or any(p not in WORD_VALUES for p in parts):
        return None
    return float(sum(WORD_VALUES[p] for p in parts))


def parse_number(number: str, *scales: str | None) -> float | None:
    """The value of a number and its scale words: ("2.05", "billion") -> 2.05e9.

    An article ("a", "half a") counts only with a scale: "a million" but not "a".
    """
    lex = lexicon()
    word = number.lower()
    factors = [lex.scales.get(s.lower()) or lex.short_scales.get(s.lower()) for s in scales if s]
    if any(f is None for f in factors):
        return None
    if re.fullmatch(_ARTICLE, word):
        if not factors:
            return None
        fraction = next((f for w, f in _FRACTIONS.items() if word.startswith(w)), None)
        if fraction is None and re.search(r"\b(?:quarter|third)\b", word):
            fraction = 0.25 if "quarter" in word else 1 / 3
        value: float | None = 1.0 if fraction is None else fraction
    elif word[:1].isdigit():
        try:  # str.isdigit also holds for superscripts and other scripts' digits
            value = float(word.replace(",", ""))
        except ValueError:
            return None
    else:
        value = word_value(word)
    if value is None:
        return None
    for factor in factors:
        value *= factor or 1.0
    return value


def _value(match: re.Match[str], tag: str = "") -> float | None:
    return parse_number(
        match.group(f"n{tag}"),
        match.group(f"ss{tag}"),
        match.group(f"s{tag}"),
        match.group(f"t{tag}"),
    )


def _vague(text: str, start: int) -> bool:
    """'hundreds of thousands', 'No. 1': the number before start is not an amount."""
    return bool(_VAGUE_BEFORE.search(text[max(0, start - 20) : start]))


def _currency_of_prefix(symbol: str) -> str:
    return lexicon().currency_prefixes.get(symbol, "USD")


# "SYDNEY, Australia (Reuters) -", "Riyadh (AFP) –": a place opening a line, then a dash
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w.'’ ]{1,30}?)(?:,[ \t]*(?P<country>[A-Z][\w.' ]{1,30}?))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:—|–|-{1,2})[ \t]",
    re.M,
)


@lru_cache(maxsize=1)
def _place_pattern() -> re.Pattern[str]:
    places = _alternation(lexicon().places)
    return re.compile(rf"(?<![\w$])(?:{places})(?![\w$])")


# (code, a piece of text every match contains, pattern): the piece is looked for first, as a
# substring, so that most of the patterns need not run over an article that cannot hold them.
_CodePatterns = tuple[tuple[str, str, re.Pattern[str]], ...]
_REGEX_SPECIALS = frozenset("^$*+?{}[]\\|()")


def _needle(word: str) -> str:
    """A literal piece of the pattern ``word`` (a currency word read as a regex) that every
    match of it contains: its longest run between dots (a dot matches any character); "" for a
    word with other regex syntax (then every text may hold it)."""
    if any(c in _REGEX_SPECIALS for c in word):
        return ""
    return max(word.split("."), key=len)


@lru_cache(maxsize=1)
def _currency_patterns() -> tuple[_CodePatterns, _CodePatterns]:
    """(code, needle, pattern) of each currency word of a family and of each prefix symbol, but
    the bare ones, compiled once (more of them than ``re`` keeps compiled)."""
    lex = lexicon()
    named = tuple(
        (code, _needle(word), re.compile(rf"\b{word}\b"))
        for word, code in lex.currency_words.items()
        if code in lex.families and word not in lex.bare
    )
    prefixed = tuple(
        (code, symbol, re.compile(rf"(?<![\w$]){re.escape(symbol)}\s?\d"))
        for symbol, code in lex.currency_prefixes.items()
        if code in lex.families and symbol not in lex.bare
    )
    return named, prefixed


def local_currencies(text: str) -> dict[str, str]:
    """The currency each bare currency word or symbol ("$", "pesos") stands for in ``text``.

    A bare "$" is the US dollar unless the article is another dollar state's: datelined there,
    naming its dollar ("Australian dollars"), or writing the US dollar as "US$", and that
    state is mentioned at least about as often as the United States. An article that writes
    the other dollar with its own symbol ("A$") keeps "$" for the US dollar.
    """
    lex = lexicon()
    counts: dict[str, int] = {}
    for m in _place_pattern().finditer(text):
        code = lex.places[m.group()]
        counts[code] = counts.get(code, 0) + 1
    lower = text.lower()
    named_patterns, prefix_patterns = _currency_patterns()
    named = {
        c for c, needle, pattern in named_patterns if needle in lower and pattern.search(lower)
    }
    prefixed = {
        c for c, needle, pattern in prefix_patterns if needle in text and pattern.search(text)
    }
    datelined = _dateline_codes(text)
    out: dict[str, str] = {}
    for term, family in lex.bare.items():
        default = lex.currency_prefixes.get(term) or lex.currency_words[term]
        rivals = [c for c, f in lex.families.items() if f == family and c != default]
        rivals = [c for c in rivals if c not in prefixed]
        if not rivals:
            continue
        best = max(rivals, key=lambda c: (c in datelined or c in named, counts.get(c, 0)))
        mine, theirs = counts.get(best, 0), counts.get(default, 0)
        if default in prefixed:
            wins = mine > 0 or best in datelined
        elif best in datelined:
            wins = 2 * mine >= theirs
        elif best in named:
            wins = mine >= theirs
        else:
            wins = mine >= 3 and mine > 2 * theirs
        if wins:
            out[term] = best
    return out


def _conversion(text: str, start: int, found: list[Amount]) -> bool:
    """'155 billion Canadian dollars ($106 billion)': a bracketed '$' converts to US dollars."""
    if not text[max(0, start - 2) : start].endswith("("):
        return False
    text_before = text[max(0, start - 60) : start]
    return bool(re.search(r"(?:dollars?|[A-Z]{1,3}\$\s?[\d.,]+\s*\w*)\s*\($", text_before)) or any(
        a.kind == "money" and 0 <= start - a.end <= 3 for a in found
    )


def _dateline_codes(text: str) -> set[str]:
    """The currencies of the place in the article's dateline, if it opens with one."""
    by_lower = {place.lower(): code for place, code in lexicon().places.items()}
    for m in _DATELINE.finditer(text[:3000]):
        names = [m.group("place"), m.group("country") or ""]
        codes = {by_lower[n.strip().lower()] for n in names if n.strip().lower() in by_lower}
        if codes:
            return codes
    return set()


def find_amounts(text: str) -> list[Amount]:
    """Money, percentages and measures in ``text``, in order, none overlapping."""
    pats = _patterns()
    lex = lexicon()
    found: list[Amount] = []
    local: dict[str, str] | None = None
    suffixed, percents, strong, measures, _ = pats.scan.finditer_each(text, _NOT_NUMBER)
    for m in pats.money_prefix.finditer(text):
        value = _value(m)
        upper: float | None = None
        if value is None and m.group("n2"):
            value = _value(m, "2")
        elif value is not None and m.group("n2"):
            upper = _value(m, "2")
            if not (m.group("ss") or m.group("s")):
                # "$5-6 billion": the scale written once, after the upper bound
                value = parse_number(m.group("n"), m.group("ss2"), m.group("s2"), m.group("t2"))
        if value is not None:
            code = _currency_of_prefix(m.group("cur"))
            if m.group("cur") in lex.bare and not _conversion(text, m.start(), found):
                local = local_currencies(text) if local is None else local
                code = local.get(m.group("cur"), code)
            if upper is None:
                found.append(Amount(value, code, m.start(), m.end(), "money"))
                continue
            # "$230-$250", "$5-6 billion": a range states both bounds
            lower_end = max(m.end(g) for g in ("n", "ss", "s", "t") if m.group(g))
            found.append(Amount(value, code, m.start(), lower_end, "money"))
            found.append(Amount(upper, code, m.start("n2"), m.end(), "money"))
    for m in suffixed:
        value = _value(m)
        word = re.sub(r"\s+", " ", m.group("cw").lower())
        scaled = m.group("s") or m.group("ss")
        # "won" and "pounds" are also a verb and a weight: only with a scale or a large sum
        if word in _WORDS_TOO and not scaled and (value or 0) < 1000:
            continue
        if word in {"pound", "pounds"} and re.match(r"\s+of\b", text[m.end() :]):
            continue  # "2,000 pounds of explosives": a weight
        if value is not None and not _vague(text, m.start()):
            code = lex.currency_words[word]
            if word in lex.bare:
                local = local_currencies(text) if local is None else local
                code = local.get(word, code)
            found.append(Amount(value, code, m.start(), m.end(), "money"))
    for m in percents:
        value = _value(m)
        if value is not None and not _vague(text, m.start()):
            found.append(Amount(value, "percent", m.start(), m.end(), "percent"))
    for m in strong:
        value = _value(m)
        if value is not None:
            found.append(Amount(value, "troops", m.start(), m.end(), "count"))
    for m in pats.death_toll.finditer(text):
        value = _value(m)
        if value is not None:
            found.append(Amount(value, "people", m.start("n"), m.end(), "count"))
    for m in measures:
        value = _value(m)
        unit, factor = lex.measures[re.sub(r"\s+", " ", m.group("mu").lower())]
        if value is not None and not _vague(text, m.start()):
            # "-": a small length; "a 9,000-ton frigate" is the size of a thing, not a tonnage;
            # "$200 per 1,000 cubic metres" is the measure a price is given for
            small = unit == "-" or (unit == "t" and "-" in text[m.end("n") : m.start("mu")])
            small = small or bool(re.search(r"\bper\s+$", text[max(0, m.start() - 5) : m.start()]))
            kind: AmountKind = "ignored" if small else "measure"
            found.append(Amount(value * factor, unit, m.start(), m.end(), kind))
            lower = _RANGE_LOWER.search(text, max(0, m.start() - 30), m.start())
            low = None
            if lower is not None and not re.search(
                r"\bfrom\s+$", text[max(0, lower.start("n") - 8) : lower.start("n")]
            ):
                low = parse_number(lower.group("n"), m.group("ss"), m.group("s"), m.group("t"))
            if lower is not None and low is not None and low < value:  # "three to four miles"
                found.append(Amount(low * factor, unit, lower.start("n"), lower.end("n"), kind))
    return _without_overlaps(found)


def _without_overlaps(amounts: list[Amount]) -> list[Amount]:
    """Keep the earliest-starting, then longest, of overlapping amounts."""
    kept: list[Amount] = []
    for a in sorted(amounts, key=lambda a: (a.start, -(a.end - a.start))):
        if not kept or a.start >= kept[-1].end:
            kept.append(a)
    return kept


def find_numbers(text: str) -> list[NumberMatch]:
    """Bare numbers, not part of a code (G20, Su-35), time, range, ordinal or 'hundreds of'."""
    found: list[NumberMatch] = []
    for m in _patterns().scan.finditer_each(text, _ONLY_NUMBER)[4]:
        value = _value(m)
        if value is None or _vague(text, m.start()) or re.match(r"0\d", m.group("n")):
            continue  # "Type 055" is a name
        word = not m.group("n")[:1].isdigit()
        found.append(NumberMatch(value, m.start(), m.end(), word))
    return found
