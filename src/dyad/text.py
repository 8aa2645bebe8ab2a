"""Text utilities shared by the stages, free of spaCy: folding for comparison, and page
furniture (navigation, account prompts, subscription prices) told apart from article text.

- ``fold`` makes a text ASCII at the *same length* (accents, curly quotes, dashes, odd spaces),
  so offsets found in the folded text index the original; ``fold_name`` is the lower-case,
  accent-free form names are compared in (not length-preserving).
- ``is_furniture(line)``: a whole line of page furniture (``clean`` drops it);
  ``near_furniture(lines, i)``: line ``i`` sits in a site header (``dating`` ignores its
  dates); ``subscription_price(text, start, end, value)``: a price in a subscription prompt
  (``figures`` drops it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Final

__all__ = ["fold", "fold_name", "is_furniture", "near_furniture", "subscription_price"]

# -- folding -----------------------------------------------------------------------------------

# Characters folded one-for-one; letters with diacritics are added below from Unicode data.
_PUNCT_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u200a": " ",
    "\u00ad": "-",
}


def _fold_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _PUNCT_FOLD.items()}
    for cp in range(0x00C0, 0x0250):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            table[cp] = base
    table[ord("ı")] = "i"  # Turkish dotless i (Yıldırım)
    table[ord("ł")] = "l"
    table[ord("Ł")] = "L"
    table[ord("ø")] = "o"
    table[ord("Ø")] = "O"
    table[ord("đ")] = "d"
    table[ord("Đ")] = "D"
    return table


_FOLD = _fold_table()
# The runs of characters folding changes: news text has few, and translating only them costs
# a sixth of translating every character (str.translate looks each one up in the table). The
# pattern opens with the class itself, not "[...]+", so the engine skips ahead to a member.
_FOLDABLE = "[" + "".join(re.escape(chr(cp)) for cp in sorted(_FOLD)) + "]"
_FOLDED_RUN = re.compile(_FOLDABLE + _FOLDABLE + "*")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def fold(text: str) -> str:
    """``text`` with accents, curly quotes and dashes made ASCII; ``len(fold(t)) == len(t)``."""
    return _FOLDED_RUN.sub(_fold_run, text)


def fold_name(text: str) -> str:
    """Lower case without accents, for comparing names."""
    s = unicodedata.normalize("NFKD", text)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")


# -- page furniture ----------------------------------------------------------------------------

# Words that make up navigation bars, account prompts and sharing widgets.
_FURNITURE_WORDS = (
    r"log ?in|log ?out|sign ?in|sign ?up|sign ?out|register|reset password|forgot password|"
    r"my account|menu|search|home|subscribe|subscription|subscribers?|newsletters?|"
    r"share|share this|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|telegram|"
    r"reddit|pinterest|copy link|comments?|advertisement|advertising|sponsored|skip to content|"
    r"skip to main content|toggle navigation|close|open|next|previous|back to top|"
    r"read more|more to read|more from|related|related articles|related stories|recommended|"
    r"most popular|most read|trending|latest|top stories|view original post|view comments|"
    r"follow us|listen|watch|play|video|photos?|gallery|cookies?|accept|privacy policy|"
    r"terms of use|terms of service|contact us|about us|donate|support us|premium|"
    r"world today|world|news|opinion|business|politics|sport|sports|culture|tech|science"
)
_MENU_LINE = re.compile(
    rf"^[\s•·|>»\-–—*#]*((?:{_FURNITURE_WORDS})[\s•·|/,:!.\-–—]*)+$", re.IGNORECASE
)
# Whole-sentence prompts that are furniture wherever they stand.
_PROMPT_PATTERNS = (
    r"^\s*(click|tap) here\b",
    r"\bsubscribe (now|today|for|to)\b",
    r"\b(enjoying|enjoy) (this|the) (article|story)\b",
    r"\bfull access\b.*\$\s?\d",
    r"\bjust \$\s?\d+(\.\d\d)? (a|per) (month|year|week)\b",
    r"\bjoin (us|our)\b.*\b(channel|newsletter|community|telegram|whatsapp)\b",
    r"\bsign up (for|to) (our|the)\b.*\bnewsletter\b",
    r"\b(comment threads?|comments?) (are|is) (monitored|moderated|closed)\b",
    r"\bcomments? policy\b",
    r"\bwe (use|value) cookies\b",
    r"\bthis (article|story) (was|has been) (updated|corrected)\b.*\bsee (below|correction)\b",
    r"^\s*(read|see) (more|also|next)\s*:",
    r"^\s*(also read|read also|recommended reading|more on this)\s*:?",
    r"^\s*(advertisement|sponsored content|continue reading( below)?)\s*$",
    r"^\s*(share|follow) (this|us|on)\b.{0,40}$",
    r"^\s*download (the|our) app\b",
    r"^\s*(image|photo|video) (source|credit)s?\s*[:,]",
    r"^\s*(photo |image )?credits?\s*:",
)
_PROMPT = re.compile("|".join(_PROMPT_PATTERNS), re.IGNORECASE)


def is_furniture(line: str) -> bool:
    """Whether a line of text is page furniture rather than article text."""
    stripped = line.strip()
    if not stripped:
        return False
    words = stripped.split()
    if len(words) <= 8 and _MENU_LINE.match(stripped):
        return True
    return len(words) <= 40 and bool(_PROMPT.search(stripped))


_HEADER_FURNITURE: Final = re.compile(
    r"\b(?:MENU|Menu|Log ?[Ii]n|LOG ?IN|Sign ?[Ii]n|Sign [Uu]p|Subscribe|SUBSCRIBE|Subscription|"
    r"Reset Password|Register|Newsletters?|Search|Skip to (?:main )?content|My Account|E-?[Pp]aper|"
    r"Today['’]s Paper|Home)\b"
)


def near_furniture(lines: Sequence[tuple[int, str]], index: int) -> bool:
    """A site header: a short line of menu or account words among the six lines before
    ``lines[index]`` or on it (dates there are the page's, not the story's)."""
    window = lines[max(0, index - 6) : index + 1]
    return any(len(line.split()) <= 6 and _HEADER_FURNITURE.search(line) for _, line in window)


_PRICE_CUE_WINDOW = 200
_PRICE_PERIOD = re.compile(r"^\s*(?:a|an|per|/|each)\s*(?:month|year|week|day|mo|yr)\b", re.I)
_PRICE_CUE = re.compile(
    r"subscri|(?:full|unlimited|digital|premium|all)\s+access|sign\s*up|\bmembership|free\s+trial"
    r"|\bdonat|paywall",
    re.I,
)


def subscription_price(text: str, start: int, end: int, value: float) -> bool:
    """A price at ``text[start:end]`` in a subscription prompt: 'Just $5 a month' beside
    'subscribe' (any price per period, or one under 100)."""
    per_period = bool(_PRICE_PERIOD.match(text[end : end + 20]))
    if not per_period and value >= 100:
        return False
    window = text[max(0, start - _PRICE_CUE_WINDOW) : end + _PRICE_CUE_WINDOW // 2]
    return bool(_PRICE_CUE.search(window))
