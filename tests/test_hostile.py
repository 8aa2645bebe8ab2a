"""Hostile inputs: a long text on one line, a wall of quotation marks, deeply nested HTML.

Correctness only, never time (``scripts/bench_hostile.py`` measures time and memory, into
``bench/hostile.md``): each input is analysed, every offset lies inside the text, every span
reads what the text says there, and quotes and figures stay sane. The indexes that keep long
texts linear answer as the whole-text scans they replace. The inputs are the benchmark's own
generators (invented people and events, nothing from the corpus), at a few hundred KB.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.ingest.reader import RawDocument, content_hash
from dyad.models import Analysis, Person, Provenance
from dyad.nlp.doctext import per_text
from dyad.nlp.person_index import Mention, PersonIndex
from dyad.nlp.person_places import _PLACE_CUE, _PlaceCues
from dyad.nlp.persons import _Cand, _Cluster, _cluster
from dyad.nlp.quotes import _REPEAT_SLACK, _drop_repeats, _in_order, _word_list
from dyad.nlp.speaker_phrases import QuoteSpan, Speaker
from dyad.settings import Settings


def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "scripts" / "bench_hostile.py"
    spec = importlib.util.spec_from_file_location("bench_hostile", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_hostile", module)
    spec.loader.exec_module(module)
    return module


# -- the indexes answer as the scans they replace ------------------------------------------

_PLACE_TEXT = (
    "Residents in Khan Tamar fled on Monday. The villages of  Dor Kela and Sava were shelled "
    "near the Sava  River, at Port Vell and outside the town of Mira's. In Lura's view the "
    "talks failed; Lura said in\nKesto that within Tamar nothing moved. Co. in Co. Ltd. "
    "'Vale' in 'Vale' and in the the Gorm."
)


@pytest.mark.parametrize(
    "name",
    ["Khan Tamar", "Tamar", "Dor Kela", "Sava", "Port Vell", "Mira", "Lura", "Kesto", "Co.",
     "Co", "'Vale'", "Vale", "the Gorm", "Gorm", " Sava", "Ltd", "River"],
)  # fmt: skip
def test_place_cues_answer_as_a_search_of_the_whole_text(name: str) -> None:
    whole = re.search(rf"{_PLACE_CUE}{re.escape(name)}\b(?!['’])", _PLACE_TEXT) is not None
    assert _PlaceCues(_PLACE_TEXT).cued(name) is whole


def test_place_cues_on_random_texts() -> None:
    rng = random.Random(5)
    words = ["in", "near", "the", "at", "cities", "of", "Tamar", "Tamar's", "Co.", "  ", "\n"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        cues = _PlaceCues(text)
        for name in ("Tamar", "Co.", "the Tamar", "of Tamar"):
            whole = re.search(rf"{_PLACE_CUE}{re.escape(name)}\b(?!['’])", text) is not None
            assert cues.cued(name) is whole, (text, name)


def _repeats_pairwise(
    text: str, spans: list[QuoteSpan], speakers: list[Speaker | None]
) -> list[tuple[QuoteSpan, Speaker | None]]:
    """The definition: a quote is dropped when another holds its words in order, at most
    ``_REPEAT_SLACK`` more, is not of another known speaker, and is kept over it."""

    def kept_over(i: int, j: int) -> bool:
        if (speakers[i] is None) != (speakers[j] is None):
            return speakers[i] is None
        return j < i

    words = [_word_list(text[s.start : s.end]) for s in spans]
    out = []
    for i, s in enumerate(spans):
        wi = words[i]
        repeat = any(
            j != i
            and len(wi) <= len(wj) <= len(wi) + _REPEAT_SLACK
            and (len(wj) > len(wi) or kept_over(i, j))
            and _in_order(wi, wj)
            and (speakers[i] is None or speakers[j] is None or speakers[i] == speakers[j])
            for j, wj in enumerate(words)
        )
        if not repeat:
            out.append((s, speakers[i]))
    return out


def test_repeated_quotes_are_dropped_as_the_pairwise_comparison_drops_them() -> None:
    rng = random.Random(7)
    who = [None, Speaker("Ana Velo", "person"), Speaker("Rui Kask", "person")]
    for _ in range(2000):
        vocab = ["talks", "will", "go", "on", "'", "-"][: rng.randint(2, 6)]
        quotes = [
            " ".join(rng.choice(vocab) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 12))
        ]
        text = " | ".join(quotes)
        spans, pos = [], 0
        for q in quotes:
            spans.append(QuoteSpan(pos, pos + len(q), pos, False, 0))
            pos += len(q) + 3
        speakers = [rng.choice(who) for _ in spans]
        assert _drop_repeats(text, spans, speakers) == _repeats_pairwise(text, spans, speakers)


def test_the_person_at_a_span_is_found_by_bisection_as_by_a_scan() -> None:
    rng = random.Random(9)
    for _ in range(300):
        mentions = []
        for n in range(rng.randint(0, 15)):
            start = rng.randint(0, 200)
            mentions.append(Mention(start, start + rng.randint(1, 40), f"P{n}", True))
        index = PersonIndex([Person(m.name) for m in mentions], mentions)
        for _ in range(20):
            start = rng.randint(0, 240)
            end = start + rng.randint(0, 10)
            best = None
            for m in index.mentions:  # the scan from the first mention
                if m.start >= end:
                    break
                if m.end > start and (best is None or m.start <= start < m.end):
                    best = m
            got = index.at(start, end)
            assert (got.name if got else None) == (best.name if best else None)


def test_names_cluster_as_with_the_first_cluster_that_has_the_name() -> None:
    rng = random.Random(11)
    names = ["Ana Velo", "A. Velo", "Ana Maria Velo", "Velo Ana", "Rui Kask", "R. Kask",
             "Rui Kask-Lee", "Lina Kask", "Maria Velo"]  # fmt: skip
    for _ in range(300):
        cands = [
            _Cand(i * 10, i * 10 + 5, rng.choice(names), rng.random() < 0.2)
            for i in range(rng.randint(1, 25))
        ]
        want: list[_Cluster] = []
        for pass_headline in (False, True):
            for c in cands:
                if c.headline != pass_headline:
                    continue
                home = next((k for k in want if k.has_name(c.name)), None)
                if home is None:
                    if c.headline:
                        continue
                    home = _Cluster()
                    want.append(home)
                if not c.headline:
                    home.names.append((c.name, c.start))
                home.mentions.append((c.start, c.end, True))
        assert _cluster(cands) == want


def test_a_per_text_index_is_built_once_per_doc() -> None:
    import spacy

    nlp = spacy.blank("en")
    built: list[str] = []

    def build(text: str) -> int:
        built.append(text)
        return len(built)

    first, second = nlp("Ana Velo met Rui Kask."), nlp("Rui Kask left.")
    assert per_text(first, "k", build) == per_text(first, "k", build) == 1
    assert per_text(first[1:3], "k", build) == 1  # a span shares its Doc's index
    assert per_text(second, "k", build) == 2
    assert built == ["Ana Velo met Rui Kask.", "Rui Kask left."]


def test_taken_spans_answer_as_a_scan() -> None:
    from dyad.nlp.figures import _Taken

    rng = random.Random(3)
    for _ in range(200):
        taken, spans = _Taken(), []
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 300)
            end = start + rng.randint(-2, 25)
            taken.add(start, end)
            spans.append((start, end))
            a = rng.randint(0, 320)
            b = a + rng.randint(0, 12)
            scan = any(a < e and s < b for s, e in spans)
            assert taken.overlaps(a, b) is scan, (spans, a, b)


def test_hashtag_lines_answer_as_a_search_back() -> None:
    from dyad.nlp.figures import _LineHeads

    rng = random.Random(4)
    pieces = ["#", "# ", "  ", "\n", "\u2003", "$5", "word", " #tag", "\t"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        heads = _LineHeads(text)
        for pos in range(len(text)):
            line_start = text.rfind("\n", 0, pos) + 1
            expected = text[line_start : pos + 1].lstrip().startswith("#")
            assert heads.hashtag(pos) is expected, (text, pos)


# -- hostile inputs, analysed whole ---------------------------------------------------------


def _analyse(text: str, kind: str = "text") -> tuple[str, Analysis]:
    from dyad.pipeline import prepare

    raw = RawDocument("hostile", "hostile", text, kind, content_hash(text))
    analysed = prepare(raw, Settings(), None)
    return analysed.document.text, analysed.analysis


def _inside(text: str, prov: Provenance) -> None:
    assert 0 <= prov.start <= prov.end <= len(text)
    assert prov.sentence in text


def _check(text: str, a: Analysis) -> None:
    """Every offset inside the text, every span reads what the record says."""
    for p in a.persons:
        assert p.mentions
        for m in p.mentions:
            _inside(text, m)
            said = text[m.start : m.end]
            assert said.strip() and said[:1].isupper(), (p.name, said)
    for q in a.quotes:
        _inside(text, q.provenance)
        assert text[q.provenance.start : q.provenance.end] == q.text
        assert len(q.text.split()) >= 3
        assert q.speaker is None or q.speaker_kind in {"person", "organisation"}
    for f in a.figures:
        _inside(text, f.provenance)
        assert text[f.provenance.start : f.provenance.end] == f.text
        assert f.value == f.value and abs(f.value) < 1e16  # a number, not NaN or absurd
    for e in a.events:
        assert e.source != e.target
        for prov in e.provenance:
            _inside(text, prov)


@pytest.mark.model
def test_a_long_text_on_one_line() -> None:
    line = _bench().long_line(200_000)
    assert "\n" not in line
    text, a = _analyse(line)
    _check(text, a)
    assert len(a.persons) > 20 and a.quotes and a.figures and a.events


@pytest.mark.model
def test_a_wall_of_quotation_marks() -> None:
    marks = 8_000
    raw = _bench().quotation_marks(marks)
    assert sum(raw.count(m) for m in '"\u201c\u201d') == marks
    text, a = _analyse(raw)
    _check(text, a)
    assert a.quotes and len(a.quotes) < marks // 2  # each quote spends two marks at least
    for q in a.quotes:  # a quote's content never runs over a line's end
        assert "\n" not in q.text


def _element_texts(page: str) -> list[str]:
    """The sentence each element of ``nested_html`` holds, in page order."""
    return [" ".join(t.split()) for t in re.findall(r'class="c\d">([^<]*)', page)]


@pytest.mark.parametrize("depth", [20_000, 100_000])
def test_deeply_nested_html_keeps_every_word(depth: int) -> None:
    from dyad.pipeline import to_document

    page = _bench().nested_html(depth)
    raw = RawDocument("nested", "nested", page, "html", content_hash(page))
    text = to_document(raw, Settings()).text
    sentences = _element_texts(page)
    assert len(sentences) == depth
    assert "<" not in text and "class=" not in text
    assert text.rstrip().endswith(sentences[-1])  # the innermost element's words
    title, *paragraphs = text.rstrip().split("\n\n")  # a span's sentence joins its block's
    assert title == "Talks" and " ".join(paragraphs) == " ".join(sentences)


def test_a_page_within_the_depth_limit_is_read_by_trafilatura() -> None:
    from dyad.clean import html

    page = _bench().nested_html(100)
    assert not html._truncated(page)
    assert html._truncated(_bench().nested_html(300))
    text = html.extract_html(page, "shallow").text
    assert _element_texts(page)[0] in text


def test_the_text_stream_of_a_page() -> None:
    from dyad.clean.html import _stream_text

    page = (
        "<html><head><title>Talks</title><style>p {color: red}</style></head><body>"
        "<script>var x = '<p>no</p>';</script><div>Ana Velo met<br>Rui Kask &amp; "
        "<b>Lia</b>   Moro.<p>Kask left &lt;early&gt;.</div><noscript>Enable it</noscript>"
        "<span>Tail words"
    )
    assert (
        _stream_text(page) == "Ana Velo met\nRui Kask & Lia Moro.\nKask left <early>.\nTail words"
    )


_MARKUP = st.lists(
    st.sampled_from(
        ["<div>", "</div>", "<span>", "</span>", "<p>", "<br/>", "<script>", "</script>",
         "<style>", "<title>", "</title>", "<!--", "-->", "&amp;", "&#x", "<", ">", "\n",
         "Ana Velo met Rui Kask. ", "<![CDATA[", "<!DOCTYPE html>"]
    ) | st.text(max_size=8),
    max_size=40,
).map("".join)  # fmt: skip


@given(_MARKUP)
@settings(max_examples=300, deadline=None)
def test_the_text_stream_survives_any_markup(page: str) -> None:
    from dyad.clean.html import _stream_text, _truncated

    text = _stream_text(page)
    assert "\n\n" not in text and text == text.strip()
    assert isinstance(_truncated(page), bool)


@pytest.mark.model
def test_deeply_nested_html() -> None:
    page = _bench().nested_html(400)  # past libxml2's 256 levels: the text beyond is kept
    text, a = _analyse(page, "html")
    assert "<" not in text and "class=" not in text
    assert text.rstrip().endswith(_element_texts(page)[-1])
    _check(text, a)
    assert a.persons and a.events
    assert any(p.start > len(text) * 0.9 for e in a.events for p in e.provenance)
