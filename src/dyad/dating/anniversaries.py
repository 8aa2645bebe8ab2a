"""Publication-date evidence from anniversaries the article counts.

"The 30th anniversary of diplomatic relations between Vietnam and South Korea", "marking 75
years since the end of the Second World War", "Ghana's 60th independence anniversary", "NATO's
75th anniversary", "ASEAN turns 50": a count of years from an occasion whose date is public
knowledge gives the year the article was written in (the occasion's year plus the count). The
occasions are in ``data/occasions.csv`` (independence and foundation days of states, the
founding of international organisations, wars, treaties, and the establishment of diplomatic
relations between pairs of states); an occasion is found by its kind and the states the text
names ("independence" and Ghana, "diplomatic ties" and Vietnam and South Korea, "the two
countries" and the two states the article names most) or by one of its names ("the Korean War
armistice").

The year is weighed as evidence beside the others (a dateline outweighs it). "Will mark" and
"ahead of" put the article in the months before the anniversary; "next year" a year earlier,
"last year" a year later. When the sentence ties the anniversary to a day ("on Wednesday",
"today", "this week", "on the 30th anniversary of"), the days around the anniversary day count
as well, so a weekday word can pin the day ("today" is the anniversary day, "yesterday" the day
after it, "tomorrow" the day before). An age ("the 40-year-old treaty") puts the article
between that anniversary and the next. A sentence naming a later year (a past or coming
anniversary: "in 2015, the 70th anniversary of ...") is not read; nor are approximate counts
("more than 30 years").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Final

from dyad.dating.patterns import WEEKDAY_RE, is_future_at, safe_date, sentence_bounds, shift_days
from dyad.dating.records import Evidence
from dyad.nlp.numbers import word_value

__all__ = ["Occasion", "anniversary_evidence", "load_occasions", "ordinal_value"]

_FILE: Final = "occasions.csv"
_YEAR_WEIGHT: Final = 3.0
_DAY_WEIGHT: Final = 2.0
_BEFORE_DAYS: Final = 270  # "will mark": the article is from the months before the anniversary

_UNITS: Final = tuple(
    re.findall(
        r"\w+",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen",
    )
)
_UNIT_ORDINALS: Final = tuple(
    re.findall(
        r"\w+",
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth",
    )
)
_TENS: Final = tuple(re.findall(r"\w+", "twenty thirty forty fifty sixty seventy eighty ninety"))
_TEN_ORDINALS: Final = tuple(
    re.findall(
        r"\w+", "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
    )
)
_SPECIAL: Final = {
    "hundredth": 100,
    "centenary": 100,
    "centennial": 100,
    "sesquicentennial": 150,
    "sesquicentenary": 150,
    "bicentenary": 200,
    "bicentennial": 200,
}
_ORDINAL_RE: Final = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|(?:(?:"
    + "|".join(_TENS)
    + r")[- ])?(?:"
    + "|".join(_UNIT_ORDINALS)
    + r")|"
    + "|".join(_TEN_ORDINALS)
    + r"|(?:one )?hundredth)"
)
_CARDINAL_RE: Final = (
    r"(?:\d{1,3}|(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS[:9])
    + r"))?|"
    + "|".join(_UNITS)
    + r"|(?:a|one) hundred)"
)
_APPROXIMATE: Final = re.compile(
    r"(?:more than|over|nearly|almost|about|around|some|at least|roughly|close to|"
    r"under|less than|fewer than|several|first|last)\s*$",
    re.IGNORECASE,
)
# "the 30th anniversary of", "Ghana's 60th independence anniversary", "the centenary of"
_ANNIVERSARY: Final = re.compile(
    rf"(?i:\b(?P<ord>{_ORDINAL_RE})\s+(?P<mid>(?:[\w’'-]+\s+){{0,3}}?)"
    rf"(?:anniversary|anniversaries|jubilee|birthday)|\b(?P<word>centenary|centennial|sesquicentennial|"
    rf"sesquicentenary|bicentenary|bicentennial)|\b(?P<ord2>{_ORDINAL_RE})\s+(?P<day>"
    r"(?:Independence|National|Liberation|Victory|Unity|Republic|Africa)\s+Day))"
)
_YEARS: Final = re.compile(
    rf"(?i:\b(?P<n>{_CARDINAL_RE}|half a)\s+(?P<unit>years?|decades?|century)\s+"
    r"(?P<rel>since|after|of)\s)"
)
_AGE: Final = re.compile(rf"(?i:\b(?P<n>{_CARDINAL_RE})-year-old\s)")
_AFTER_CUE: Final = re.compile(r"(?i:\b(?:now|marks?|marking|marked|comes?|coming)\b[^.;]{0,25}$)")
_POSSESSOR: Final = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,5}[A-Z][\w.&-]*|\bthe [a-z]+)['’]s\s+(?:the\s+)?$"
)
_YEAR: Final = re.compile(r"\b(?:1[6-9]|20)\d{2}\b")
_LAST_YEAR: Final = re.compile(r"(?i:\blast year(?:['’]s)?\b|\ba year ago\b)")
_NEXT_YEAR: Final = re.compile(r"(?i:\bnext year(?:['’]s)?\b|\bcoming year\b)")
_SOON: Final = re.compile(
    r"(?i:\b(?:ahead of|upcoming|forthcoming|approaching|on the eve of|run-up to|"
    r"in the lead-up to|preparations? for|prepar(?:e|es|ing) to (?:mark|celebrate))\b)"
)
_ON_THE_DAY: Final = re.compile(
    rf"(?i:\b(?:today|tonight|yesterday|tomorrow|this week|on {WEEKDAY_RE}|{WEEKDAY_RE} "
    r"(?:marks|marked)|on the [\w-]+ anniversary)\b)"
)
_TODAY: Final = re.compile(
    r"(?i:\b(?P<today>today|tonight)\b|\b(?P<yesterday>yesterday)\b|\b(?P<tomorrow>tomorrow)\b)"
)
# "ASEAN turns 50", "the alliance turns 75 this week"
_TURNS: Final = re.compile(rf"(?i:\bturn(?:s|ed)?\s+(?P<n>{_CARDINAL_RE})\b(?!\s*(?:%|per\b)))")
_THIS_YEAR: Final = re.compile(r"(?i:\b(?:this year|year-long|throughout the year)\b)")
_RELATIONS: Final = re.compile(
    r"(?i:\b(?:diplomatic|relations|ties|relationship|diplomatic relations)\b)"
)
_INDEPENDENCE: Final = re.compile(r"(?i:\bindependen(?:ce|t)\b)|\b(?P<national>National Day)\b")
_STATE_KINDS: Final = frozenset({"name", "official", "demonym", "capital", "pair"})
_OCCASION_CHARS: Final = 120


@dataclass(frozen=True)
class Occasion:
    """A dated occasion anniversaries are counted from (a row of ``occasions.csv``)."""

    kind: str
    states: frozenset[str]
    day: date
    precision: str  # "day", "month" or "year"
    names: tuple[str, ...]

    @property
    def label(self) -> str:
        what = self.names[0] if self.names else self.kind
        return f"{what} {'/'.join(sorted(self.states))}".strip()


def _parse_date(value: str) -> tuple[date, str]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), "day"
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), "month"
    return date(parts[0], 1, 1), "year"


@lru_cache(maxsize=1)
def load_occasions() -> tuple[Occasion, ...]:
    """The packaged occasions."""
    from dyad.resolve.loader import read_rows

    found: list[Occasion] = []
    for row in read_rows(_FILE, ("kind", "states", "date", "names", "source")):
        day, precision = _parse_date(row["date"])
        states = frozenset(s for s in row["states"].split(";") if s)
        names = tuple(n.strip() for n in row["names"].split(";") if n.strip())
        found.append(Occasion(row["kind"], states, day, precision, names))
    return tuple(found)


@lru_cache(maxsize=1)
def _state_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of the state names, capitals, demonyms and pair words, and their codes."""
    from dyad.resolve.loader import load_state_aliases

    aliases, _ = load_state_aliases()
    codes: dict[str, str] = {}
    for alias in aliases:
        if alias.code and alias.kind in _STATE_KINDS and len(alias.text) > 1:
            codes.setdefault(alias.text, alias.code)
    parts = []
    for text in sorted(codes, key=len, reverse=True):
        escaped = re.escape(text)
        parts.append(escaped if text.endswith("-") else rf"{escaped}(?![\w])")
    return re.compile(rf"(?<![\w.])(?:{'|'.join(parts)})"), codes


def _states_in(text: str) -> list[str]:
    pattern, codes = _state_pattern()
    found: list[str] = []
    for match in pattern.finditer(text):
        code = codes[match.group()]
        if code not in found:
            found.append(code)
    return found


@lru_cache(maxsize=2048)
def _name_pattern(name: str) -> re.Pattern[str]:
    exact = len(name) <= 5 and name.upper() == name  # "UN", "NATO", "SCO": as written
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return re.compile(pattern if exact else f"(?i:{pattern})")


@lru_cache(maxsize=1)
def _name_index() -> tuple[tuple[re.Pattern[str], Occasion, int], ...]:
    return tuple(
        (_name_pattern(name), occasion, len(name))
        for occasion in load_occasions()
        for name in occasion.names
    )


def ordinal_value(token: str) -> int | None:
    """The number of an ordinal ("30th", "seventy-fifth", "centenary"); None if not one."""
    token = token.lower().strip()
    if token in _SPECIAL:
        return _SPECIAL[token]
    if token.startswith("one hundred"):
        return 100
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", token)
    if digits:
        return int(digits[1])
    words = re.split(r"[- ]", token)
    if len(words) == 1:
        if words[0] in _UNIT_ORDINALS:
            return _UNIT_ORDINALS.index(words[0]) + 1
        if words[0] in _TEN_ORDINALS:
            return 20 + 10 * _TEN_ORDINALS.index(words[0])
        return None
    if len(words) == 2 and words[0] in _TENS and words[1] in _UNIT_ORDINALS[:9]:
        return 20 + 10 * _TENS.index(words[0]) + _UNIT_ORDINALS.index(words[1]) + 1
    return None


def _span_years(number: str, unit: str) -> int | None:
    """Years in "30 years", "five decades", "half a century"."""
    unit = unit.lower()
    if unit == "century":
        return 50 if number.lower() == "half a" else None
    value = _cardinal_value(number)
    return value * 10 if value is not None and unit.startswith("decade") else value


def _cardinal_value(token: str) -> int | None:
    """The number of a cardinal ``_CARDINAL_RE`` matched: digits, words ("twenty-one"), "a
    hundred"."""
    token = token.lower().strip()
    if token.isdigit():
        return int(token)
    if token.endswith("hundred"):
        return 100
    value = word_value(token)
    return None if value is None else int(value)


@dataclass(frozen=True)
class _Count:
    years: int
    start: int
    end: int
    occasion_text: str  # the words naming the occasion: before, inside and after the count
    age: bool = False  # "the 40-year-old treaty": between the 40th and the 41st anniversary


def _occasion_after(text: str, end: int, limit: int) -> str:
    rest = text[end : min(limit, end + _OCCASION_CHARS)]
    cut = re.search(r"[.;:!?()\[\]]|—|\s–\s", rest)
    return rest[: cut.start()] if cut else rest


def _counts(text: str) -> Iterator[_Count]:
    for match in _ANNIVERSARY.finditer(text):
        token = match["ord"] or match["word"] or match["ord2"]
        years = ordinal_value(token)
        if years is None or years <= 0 or years > 400:
            continue
        s_start, s_end = sentence_bounds(text, match.start(), match.end())
        before = text[max(s_start, match.start() - 70) : match.start()]
        possessor = _POSSESSOR.search(re.sub(r"(?<=\S)\s+the\s+$", " ", before))
        after = _occasion_after(text, match.end(), s_end)
        of = re.match(r"\s*(?:celebrations?\s+|commemorations?\s+|year\s+)?(?:of|since)\s+", after)
        parts = [match["mid"] or "", match["day"] or "", possessor[1] if possessor else ""]
        parts.append(after[of.end() :] if of else "")
        their = of and re.match(r"(?:its|their)\b", after[of.end() :])
        if their or (not of and re.search(r"\b(?:its|their)\s+$", before)):
            parts.append(text[s_start : match.start()])  # "NATO marks its 75th anniversary"
        yield _Count(years, match.start(), match.end(), " | ".join(p for p in parts if p))
    for match in _YEARS.finditer(text):
        years = _span_years(match["n"], match["unit"])
        if years is None or years <= 0 or years > 400:
            continue
        s_start, s_end = sentence_bounds(text, match.start(), match.end())
        before = text[s_start : match.start()]
        if _APPROXIMATE.search(before):
            continue
        if match["rel"].lower() == "after" and not _AFTER_CUE.search(before):
            continue  # "signed ten years after the war": counted from another past day
        occasion = _occasion_after(text, match.end(), s_end)
        yield _Count(years, match.start(), match.end(), occasion)
    for match in _TURNS.finditer(text):
        years = _cardinal_value(match["n"])
        if years is None or years <= 0 or years > 400:
            continue
        s_start, _ = sentence_bounds(text, match.start(), match.end())
        subject = text[max(s_start, match.start() - 80) : match.start()]
        yield _Count(years, match.start(), match.end(), subject)
    for match in _AGE.finditer(text):
        years = _cardinal_value(match["n"])
        if years is None or years <= 0 or years > 400:
            continue
        _, s_end = sentence_bounds(text, match.start(), match.end())
        occasion = _occasion_after(text, match.end(), s_end)
        yield _Count(years, match.start(), match.end(), occasion, age=True)


def _by_name(occasion_text: str, context: Sequence[str], article: str) -> list[Occasion]:
    """Occasions a name in the text gives: the earliest name found, the longest there."""
    hits: list[tuple[int, int, Occasion]] = []
    for pattern, occasion, size in _name_index():
        found = pattern.search(occasion_text)
        if found is None:
            continue
        if occasion.kind in ("relations", "treaty") and not occasion.states <= set(context):
            continue  # "the alliance" of two states the text does not name
        if occasion.kind == "founding" and not occasion.states & set(context):
            continue  # "the revolution" of a state the text does not name
        if found.group().startswith("the ") and not _named_elsewhere(occasion, article):
            continue  # "the alliance": NATO only in an article that names NATO
        hits.append((found.start(), -size, occasion))
    if not hits:
        return []
    first = min(h[:2] for h in hits)
    return [o for pos, size, o in hits if (pos, size) == first]


def _named_elsewhere(occasion: Occasion, article: str) -> bool:
    """Whether the article names the occasion by one of its specific names ("NATO")."""
    return any(
        _name_pattern(name).search(article)
        for name in occasion.names
        if not name.startswith("the ")
    )


def _resolve(
    count: _Count, sentence_states: Sequence[str], article_states: Sequence[str], article: str
) -> list[Occasion]:
    text = count.occasion_text
    named = _states_in(text)
    context = list(dict.fromkeys(named + list(sentence_states)))
    found = _by_name(text, context, article)
    if found:
        return found
    if _RELATIONS.search(text):
        rows = [o for o in load_occasions() if o.kind == "relations"]
        # "between the two countries": the two states the article names most
        for pool in (named, context, article_states[1:] if len(context) < 2 else ()):
            pairs = [o for o in rows if o.states <= set(pool)]
            if pairs:
                return pairs
        return []
    independence = _INDEPENDENCE.search(text)
    if independence:
        kinds = ("independence", "founding") if independence["national"] else ("independence",)
        rows = [o for o in load_occasions() if o.kind in kinds]
        # "the nation celebrated its independence": the state the article names most
        for pool in (named[:1], context, article_states[:1] if not context else ()):
            chosen = [o for o in rows if o.states & set(pool)]
            if chosen:
                return chosen
    return []


def _evidence_for(reading: _Reading) -> list[Evidence]:
    count, occasion, shift = reading.count, reading.occasion, reading.shift
    year = occasion.day.year + count.years + shift
    label = f"{count.years} years from {occasion.label} ({occasion.day.year})"
    anniversary = safe_date(year, occasion.day.month, occasion.day.day) or date(year, 3, 1)
    if count.age:  # from the anniversary to the day before the next one
        lo = anniversary if occasion.precision != "year" else date(year, 1, 1)
        nxt = safe_date(year + 1, lo.month, lo.day) or date(year + 1, 3, 1)
        return [Evidence(lo, shift_days(nxt, -1), _DAY_WEIGHT, f"{label}-old: {year}")]
    found: list[Evidence] = []
    if reading.future and occasion.precision != "year" and shift == 0:
        lo = shift_days(anniversary, -_BEFORE_DAYS)
        found.append(Evidence(lo, anniversary, _YEAR_WEIGHT, f"before {label}"))
    else:
        whole = Evidence(date(year, 1, 1), date(year, 12, 31), _YEAR_WEIGHT, f"{label}: {year}")
        found.append(whole)
    if reading.on_day and occasion.precision == "day" and shift == 0:
        lo, hi = shift_days(anniversary, -3), shift_days(anniversary, 5)
        found.append(Evidence(lo, hi, _DAY_WEIGHT, f"days around {label}"))
        if reading.lag is not None:
            day = shift_days(anniversary, reading.lag)
            found.append(
                Evidence(day, day, 1.0, f"{label}, the anniversary {reading.lag} days ago")
            )
    return found


def _lag(sentence: str) -> int | None:
    """Days from the anniversary to the writing when the sentence says "today", "yesterday"
    or "tomorrow" (only one of them)."""
    lags = {0 if m["today"] else 1 if m["yesterday"] else -1 for m in _TODAY.finditer(sentence)}
    return lags.pop() if len(lags) == 1 else None


def anniversary_evidence(text: str) -> list[Evidence]:
    """Evidence about the publication date from the anniversaries the text counts.

    Counts giving the same year are read once: tied to a day if any of them is, in the future
    only if all of them are.
    """
    readings: dict[tuple[int, int], _Reading] = {}
    article: list[str] | None = None
    for count in _counts(text):
        s_start, s_end = sentence_bounds(text, count.start, count.end)
        sentence = text[s_start:s_end]
        if article is None:
            article = _most_named(text)
        occasions = _resolve(count, _states_in(sentence), article, text)
        years = {o.day.year for o in occasions}
        if len(years) != 1:
            continue  # unknown, or several occasions of different years
        (base,) = years
        if any(int(y) > base for y in _YEAR.findall(sentence)):
            continue  # "in 2015, the 70th anniversary": another anniversary than this year's
        shift = 1 if _LAST_YEAR.search(sentence) else -1 if _NEXT_YEAR.search(sentence) else 0
        future = is_future_at(text, count.start, count.end) or bool(_SOON.search(sentence))
        on_day = bool(_ON_THE_DAY.search(sentence)) and not _THIS_YEAR.search(sentence)
        distinct = {(o.day, o.precision) for o in occasions}
        occasion = occasions[0] if len(distinct) == 1 else _year_only(occasions[0])
        lag = _lag(sentence) if on_day else None
        if count.age and re.search(r"(?i:\banniversary\b)", sentence):
            count = replace(count, age=False)  # "the 40-year-old treaty ... anniversary events"
        key = (base + count.years, shift)
        old = readings.get(key)
        if old is not None:
            if old.occasion.precision == "day" or occasion.precision != "day":
                occasion = old.occasion
            future, on_day = future and old.future, on_day or old.on_day
            lag = old.lag if old.lag is not None else lag
        readings[key] = _Reading(count, occasion, shift, future, on_day, lag)
    found: list[Evidence] = []
    for reading in readings.values():
        found.extend(_evidence_for(reading))
    return found


@dataclass(frozen=True)
class _Reading:
    count: _Count
    occasion: Occasion
    shift: int
    future: bool
    on_day: bool
    lag: int | None = None  # "today": the anniversary day itself; "yesterday": the day after


def _most_named(text: str) -> list[str]:
    """The state the text names most often, then the two it names most (each left empty when
    another state is named as often): [one, first, second]."""
    pattern, codes = _state_pattern()
    ranked = Counter(codes[m.group()] for m in pattern.finditer(text)).most_common(3)
    one = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) else ""
    if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
        return [one]
    return [one, ranked[0][0], ranked[1][0]]


def _year_only(occasion: Occasion) -> Occasion:
    return Occasion(
        occasion.kind, occasion.states, date(occasion.day.year, 1, 1), "year", occasion.names
    )
