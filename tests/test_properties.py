"""Property tests: the text-level parsers survive any string and keep their offsets inside it.

Cleaning (with its offset map back to the original), the quotation scanner, number and amount
parsing, and time-expression resolution are fed arbitrary text by hypothesis, biased towards
the characters they react to (quotation marks, digits, currency signs, month names, CRLF).
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.clean.text import clean_text
from dyad.dating.relative import find_time_expressions
from dyad.models import DateRef
from dyad.nlp.numbers import find_amounts, find_numbers, parse_number
from dyad.nlp.quotes import find_quote_spans
from dyad.text import _FOLD, fold

PIECES = st.sampled_from(
    [" ", "\n", "\n\n", "\r\n", "\u00a0", "\t", '"', "\u201c", "\u201d", "'", "\u2018",
     "\u2019", "$", "\u20ac", "%", "5", "12", "3.5", "1,200", "billion", "million", "one",
     "March", "Monday", "last year", "2019", "on May 2", "said", "Chile", "Peru", "km",
     "troops", "-", ".", ",", "(", ")", "Share", "Subscribe", "\u200b", "\x00", "\ufeff"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=80).map("".join),
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_cleaning_maps_every_kept_line_back_to_the_original(original: str) -> None:
    cleaned = clean_text(original)
    assert cleaned.text == "" or cleaned.text.endswith("\n")
    for clean_start, raw_start in cleaned.offsets:
        assert 0 <= clean_start < len(cleaned.text)
        assert 0 <= raw_start < len(original)
        line = cleaned.text[clean_start:].split("\n", 1)[0]
        raw = original[raw_start : raw_start + len(line)].replace("\u00a0", " ")
        assert line == raw.replace("\r", "\n")


@FAST
@given(TEXT)
def test_quote_spans_lie_inside_the_text(text: str) -> None:
    for span in find_quote_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


@FAST
@given(TEXT)
def test_amounts_and_numbers_lie_inside_the_text(text: str) -> None:
    for amount in find_amounts(text):
        assert 0 <= amount.start < amount.end <= len(text)
    for number in find_numbers(text):
        assert 0 <= number.start < number.end <= len(text)
        assert number.value == number.value  # not NaN


@FAST
@given(st.text(max_size=20), st.sampled_from([None, "million", "billion", "thousand", "bn"]))
def test_parse_number_never_raises(number: str, scale: str | None) -> None:
    value = parse_number(number, scale)
    assert value is None or value == value


@FAST
@given(TEXT, st.booleans())
def test_time_expressions_resolve_inside_the_text(text: str, anchored: bool) -> None:
    anchor = DateRef("2021-06-09", "day") if anchored else None
    for expression in find_time_expressions(text, anchor):
        assert 0 <= expression.start <= expression.end <= len(text)
        assert text[expression.start : expression.end] == expression.text
        if expression.date is not None:
            year = int(expression.date.date[:4])
            assert 1 <= year <= 9999
            date.fromisoformat((expression.date.date + "-01-01")[:10])


@FAST
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["\u00e9", "\u2019", "`", "\u0131", "\u0141", "é"]), st.text(max_size=5)
        ),
        max_size=60,
    ).map("".join)
)
def test_folding_is_the_fold_table_applied_to_every_character(text: str) -> None:
    assert fold(text) == text.translate(_FOLD)
    assert len(fold(text)) == len(text)
