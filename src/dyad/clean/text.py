"""Plain-text cleaning: page furniture removed by general rules, offsets kept.

The cleaned text is built from pieces of the original; ``Cleaned.offsets`` records, for each
piece, where it starts in the cleaned text and in the original, so any span of the cleaned text
maps back to the original (``to_original``). Furniture is recognised by its shape — short
lines made of navigation, log-in, subscription, sharing and comment-policy words, "read more"
links, photo-agency boilerplate — never by strings copied from any particular article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dyad.text import is_furniture

_BLANK_RUN = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: tuple[tuple[int, int], ...]  # (clean_start, original_start) of each piece
    removed: tuple[str, ...]  # the furniture lines taken out, for the record

    def to_original(self, offset: int) -> int:
        """The original offset of cleaned-text ``offset``."""
        if not self.offsets:
            return offset
        starts = [c for c, _ in self.offsets]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, original_start = self.offsets[i]
        return original_start + (offset - clean_start)


_CRLF = re.compile(r"\r\n")


def clean_text(original: str) -> Cleaned:
    """Remove furniture lines and indentation, keep paragraphs apart by one blank line."""
    # Offsets must index ``original`` as given: every CRLF loses its CR here, so the positions
    # of the CRs dropped are kept to map each line's start back.
    dropped = [m.start() for m in _CRLF.finditer(original)]
    original = original.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [(_raw_offset(start, dropped), line) for start, line in _lines_with_offsets(original)]
    one_per_line = _paragraph_per_line(original)
    pieces: list[tuple[int, str]] = []  # (original_start, text) ; text "" marks a paragraph break
    removed: list[str] = []
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            pieces.append((start, ""))
            continue
        if is_furniture(line):
            removed.append(stripped)
            pieces.append((start, ""))
            continue
        lead = len(line) - len(line.lstrip())
        pieces.append((start + lead, stripped))
        if one_per_line:
            pieces.append((start + len(line), ""))
    text_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    length = 0
    pending_break = False
    for start, piece in pieces:
        if not piece:
            pending_break = bool(text_parts)
            continue
        if text_parts:
            sep = "\n\n" if pending_break else "\n"
            text_parts.append(sep)
            length += len(sep)
        offsets.append((length, start))
        text_parts.append(piece)
        length += len(piece)
        pending_break = False
    text = "".join(text_parts)
    if text:
        text += "\n"
    return Cleaned(text=text, offsets=tuple(offsets), removed=tuple(removed))


def _raw_offset(position: int, dropped: list[int]) -> int:
    """A position in the text with CRLF made LF, as a position in the text as given (each CR
    dropped before it, at raw positions ``dropped``, moves it one back)."""
    if not dropped:
        return position
    # The k-th CR dropped sits at raw position dropped[k], i.e. normalised dropped[k] - k.
    lo, hi = 0, len(dropped)
    while lo < hi:
        mid = (lo + hi) // 2
        if dropped[mid] - mid < position:
            lo = mid + 1
        else:
            hi = mid
    return position + lo


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _paragraph_per_line(text: str) -> bool:
    """True when the text has no blank lines but many lines: each line is then a paragraph.

    Hard-wrapped text (lines of similar width that mostly end mid-sentence) is the exception.
    """
    if _BLANK_RUN.search(text):
        return False
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 3:
        return True
    mid_sentence = sum(1 for ln in lines if not re.search(r"[.!?\"”'’:)]\s*$", ln))
    widths = sorted(len(ln) for ln in lines)
    narrow_band = widths[len(widths) // 2] <= 90 and widths[-1] <= 100
    return not (narrow_band and mid_sentence > len(lines) / 2)
