"""Which runs of capitalised words name a person: ``runs`` finds them in a line, ``clean_run``
cuts titles, states and dates off their ends, ``valid_name`` refuses what cannot be a name
(a title alone, a vessel, a place, a body the gazetteer knows) and ``has_context`` finds
evidence beyond the tagger that one is (a title before, a role after, "Uganda's X said").
Used by ``persons``."""

from __future__ import annotations

import re

from dyad.nlp import names as nm
from dyad.nlp.names import Word
from dyad.nlp.person_places import (
    PLACE_NOUNS,
    a_place,
    role_to_place_before,
    thing_after,
    thing_before,
)
from dyad.nlp.person_reader import Reader as _Reader
from dyad.nlp.roles import appositive_role, role_of_body, role_suffix

__all__ = ["bare_line", "clean_run", "corroborated", "has_context", "runs", "valid_name"]

_ROLE_TO_BEFORE = re.compile(r"\b([A-Za-z-]+)\s+to\s+(?:the\s+)?$")
_NON_PERSON_ENTS = frozenset(
    {"NORP", "GPE", "LOC", "ORG", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "WORK_OF_ART"}
)


def runs(r: _Reader, ws: list[Word]) -> list[list[Word]]:
    """Maximal runs of name-shaped words joined by single spaces only."""
    text = r.text
    runs: list[list[Word]] = []
    cur: list[Word] = []
    for w in ws:
        shaped = nm.is_name_word(w.text) and "/" not in w.text
        shaped = shaped or (nm.is_initials(w.text) and r.state(w.text) is None)  # "K.P."
        shaped = shaped or (nm.is_regnal(w.text) and bool(cur))  # "King Abdullah II"
        joined = (
            bool(cur)
            and text[cur[-1].end : w.start] == " "
            and not (cur[-1].closed or cur[-1].possessive)
            and not w.opened
        )
        if shaped and joined:
            cur.append(w)
            continue
        if cur:
            runs.append(cur)
        cur = [w] if shaped else []
    if cur:
        runs.append(cur)
    return runs


def _given_name_of_state(r: _Reader, ws: list[Word]) -> bool:
    """A first name spelt like a state ("Jordan", "Israel", "Chad"): only a state's plain name,
    inside a PERSON entity that goes on to the next word, the other words no states."""
    if len(ws) < 2 or ws[0].possessive or ws[0].closed:
        return False
    if _known_person(r, ws):
        return True
    kinds = r.alias_kinds(ws[0].text)
    if not kinds or not kinds <= {"name", "capital"}:
        return False  # a demonym or seat ("Russian", "Kremlin") is never a first name
    toks = [r.doc.char_span(w.start, w.end, alignment_mode="expand") for w in ws[:2]]
    if any(t is None or not len(t) for t in toks):
        return False
    first, second = toks[0][-1], toks[1][0]
    if first.ent_type_ != "PERSON" or second.ent_type_ != "PERSON" or second.ent_iob_ != "I":
        return False
    return all(r.state(w.text) is None for w in ws[1:])


def _known_person(r: _Reader, ws: list[Word]) -> bool:
    """The gazetteer knows these words, as written, as an officeholder ("To Lam")."""
    if len(ws) < 2:
        return False
    whole = r.text[ws[0].start : ws[-1].end]
    return any(o.name == whole for o in r.offices(whole, dated=False))


def _keeps_title(r: _Reader, ws: list[Word]) -> bool:
    """ "Sheikh Hasina": a title that is also part of names (``namepart``) stays when it
    and one more word are all that is left."""
    return len(ws) == 2 and "namepart" in r.lex.kinds(ws[0].text) and nm.is_core_word(ws[1].text)


def _strippable_lead(r: _Reader, ws: list[Word]) -> bool:
    w = ws[0]
    low = w.text.lower()
    if _keeps_title(r, ws):
        return False
    if low in nm.FUNCTION_WORDS and _known_person(r, ws):
        return False  # "To Lam"
    if r.lex.is_title(w.text) or low in nm.FUNCTION_WORDS or nm.is_date_word(r.text, w):
        return True
    if r.state(w.text) is not None and not _given_name_of_state(r, ws):
        return True
    if "orgword" in r.lex.kinds(w.text):
        return True
    if len(ws) < 3:
        return False  # "Ilona Varga" stays whole even if "Ilona" is tagged GPE
    span = r.doc.char_span(w.start, w.end, alignment_mode="expand")
    if span is None or not span[-1].ent_type_ or span[-1].ent_type_ == "PERSON":
        return False
    last = span[-1].i  # the word is a whole entity of its own, not the start of a longer one
    ends_here = last + 1 >= len(r.doc) or r.doc[last + 1].ent_iob_ != "I"
    return span[-1].ent_type_ in _NON_PERSON_ENTS and ends_here


def clean_run(r: _Reader, run: list[Word], headline: bool) -> tuple[list[Word], list[Word]]:
    """Cut titles and other non-name words off a run: (name words, cut leading words). A title
    before a single word leaves that word ("Prime Minister Abiy" -> "Abiy": a single name the
    article or the gazetteer completes), but for "Sheikh Hasina"."""
    ws = list(run)
    titled = [
        i
        for i, w in enumerate(ws)
        if (len(ws) - i > 2 or (len(ws) - i == 2 and not _keeps_title(r, ws[i:])))
        and (
            r.lex.is_title(w.text)
            or ((i == 0 or r.lex.is_title(ws[i - 1].text)) and r.lex.misspelt_title(w.text))
            or w.text.lower() == "affairs"  # "(Minister for) Political Affairs Jane Roe"
        )
    ]
    lead: list[Word] = ws[: titled[-1] + 1] if titled else []
    ws = ws[len(lead) :]
    while ws and (_strippable_lead(r, ws) or not nm.is_core_word(ws[0].text)):
        if _first_name_after_title(r, lead, ws):
            break  # "Trade Minister German Ortiz": a demonym never follows a title
        if nm.is_initials(ws[0].text) and len(ws) >= 3 and nm.is_core_word(ws[1].text):
            break  # "K.P. Sharma Oli"
        lead.append(ws.pop(0))
    body = [i for i, w in enumerate(ws) if "orgword" in r.lex.kinds(w.text) and not w.possessive]
    cut = body[-1] + 1 if body else 0
    if body and 2 <= len(ws) - cut <= 4 and role_of_body(r, ws[cut].start) is not None:
        lead.extend(ws[:cut])  # "Secretary of the Security Council Jane Roe"
        ws = ws[cut:]
    while ws:
        last = ws[-1]
        low = last.text.lower()
        cut = nm.is_date_word(r.text, last) or "orgword" in r.lex.kinds(last.text)
        cut = cut or r.state(last.text) is not None
        cut = cut or (headline and (low in nm.FUNCTION_WORDS or r.lex.is_title(last.text)))
        shaped = nm.is_core_word(last.text) or "-" in last.text
        cut = cut or not (shaped or (nm.is_regnal(last.text) and len(ws) == 2))
        if not cut:
            break
        ws.pop()
    return ws, lead


def _first_name_after_title(r: _Reader, lead: list[Word], ws: list[Word]) -> bool:
    """A word spelt like a state right after a title and before one name word is a first name:
    "Minister German Ortiz" (the demonym would come before the title: "German Minister X")."""
    if not lead or not r.lex.is_role(lead[-1].text) or lead[-1].possessive or len(ws) != 2:
        return False
    first, last = ws
    if first.possessive or first.closed or lead[-1].closed:
        return False
    return (
        r.state(first.text) is not None
        and r.state(last.text) is None
        and (nm.is_core_word(first.text) and nm.is_core_word(last.text))
    )


def valid_name(r: _Reader, ws: list[Word], lead: list[Word] | None = None) -> bool:
    core = [w for w in ws if not nm.is_particle(w.text)]
    if not 2 <= len(core) <= 4 or len(ws) > 5 or any(w.possessive for w in ws[:-1]):
        return False
    rest, title = role_suffix(r.lex, [w.text for w in core])
    if title and not rest:
        return False  # "Prime Minister", "Deputy Prime Minister": a title alone is no person
    after = r.text[ws[-1].end : ws[-1].end + 30]
    if re.match(r" \d", after) and not ws[-1].closed:
        return False  # "Haiyang Shiyou 981", "Boeing 737": a vessel, a model
    if "place" in r.lex.kinds(ws[0].text) or (not ws[-1].closed and thing_after(r, after)):
        return False  # "San Martin", "Mar del Plata"; "the Almirante Grau frigate"
    if thing_before(r, ws[0].start):
        return False  # "USS Roe", "the destroyer Roe", "drills dubbed Roe Shield"
    if len(ws[-1].text) == 1 and not r.text[ws[-1].end :].strip():
        return False  # "Jane R" at the end of a text cut off in the name
    state_first = _given_name_of_state(r, ws) or _first_name_after_title(r, lead or [], ws)
    known = _known_person(r, ws)
    for i, w in enumerate(ws):
        low = w.text.lower()
        if r.lex.kinds(w.text) & {"orgword", "credit", "operation"} or (i and low in PLACE_NOUNS):
            return False
        if low in nm.FUNCTION_WORDS - {"in"} and not known:
            return False
        if (r.state(w.text) is not None and not (i == 0 and state_first)) or low in {"day", "days"}:
            return False
    whole = r.text[ws[0].start : ws[-1].end]
    return not r.is_actor(whole)  # a name the gazetteer knows as a state, place, body or firm


def has_context(r: _Reader, run_lead: list[Word], ws: list[Word], prev: Word | None) -> bool:
    """Evidence beyond NER that ``ws`` names a person: a title before, a role after."""
    if any(r.lex.is_role(w.text) or "honorific" in r.lex.kinds(w.text) for w in run_lead):
        return True
    if _keeps_title(r, ws):  # "Sheikh Hasina", but not a place such as "Sheikh Jarrah"
        whole = r.text[ws[0].start : ws[-1].end]
        if not r.labels(ws[0].start, ws[-1].end) & _NON_PERSON_ENTS or r.offices(whole):
            return True
    if run_lead and role_of_body(r, ws[0].start) is not None:
        return True  # "Secretary of the Security Council Jane Roe"
    if prev is not None and r.lex.is_title(prev.text) and r.text[prev.end : ws[0].start] == ". ":
        return True  # "Gen. Jane Roe", "Brig. Gen. Jane Roe"
    if _known_person(r, ws):
        return True  # an officeholder's full name, as the gazetteer writes it
    if role_to_place_before(r, ws[0].start) and r.text[ws[-1].end : ws[-1].end + 1] == ",":
        return True  # "the ambassador to Chile, Jane Roe, said"
    if run_lead and _role_to_state_lead(r, run_lead):
        return True  # "Ambassador to Chile Jane Roe": no commas
    if prev is not None and r.lex.is_role(prev.text):
        if not prev.closed:
            return True  # "spokesman Jane Roe"
        between = r.text[prev.end : ws[0].start]
        if between.strip() == "," and r.text[ws[-1].end : ws[-1].end + 1] == ",":
            return True  # "the opposition leader, Jane Roe, said"
    if _second_of_titled_pair(r, ws[0].start):
        return True
    if _after_state_possessive(r, ws, prev):
        return True
    if ws[-1].possessive:
        return False
    if appositive_role(r.lex, r.text, ws[-1].end) is None:
        return False
    return not a_place(r, ws[0].start, ws[-1].end)  # "in the village of X, where officials"


def _role_to_state_lead(r: _Reader, lead: list[Word]) -> bool:
    """The words cut before a name are a state that a role serves: "Ambassador to [Chile]
    Jane Roe", "envoy to [South Sudan] Jane Roe"."""
    state = r.text[lead[0].start : lead[-1].end]
    if r.state(state) is None or lead[-1].possessive or lead[-1].closed:
        return False
    m = _ROLE_TO_BEFORE.search(r.text[max(0, lead[0].start - 40) : lead[0].start])
    return m is not None and r.lex.is_role(m.group(1))


def _after_state_possessive(r: _Reader, ws: list[Word], prev: Word | None) -> bool:
    """ "Uganda's Jane Roe said": news names a person by the state
    they act for; not when the tagger calls the words a place or body ("Kenya's Rift Valley")
    and only when a verb follows: the name is the subject ("Peru's Machu Picchu, officials
    said" is a place)."""
    if prev is None or not prev.possessive or r.state(prev.text) is None:
        return False
    if r.text[prev.end : ws[0].start].strip(" '’s") or len(ws) > 3:
        return False
    if r.labels(ws[0].start, ws[-1].end) & (_NON_PERSON_ENTS - {"GPE"}):
        return False
    after = r.doc.char_span(ws[-1].start, ws[-1].end, alignment_mode="expand")
    if after is None:
        return False
    nxt = after.doc[after.end] if after.end < len(after.doc) else None
    return nxt is not None and nxt.pos_ in {"VERB", "AUX"}


def _second_of_titled_pair(r: _Reader, start: int) -> bool:
    """ "Presidents Jane Roe and Ana Diaz": a plural title stands before both names."""
    before = r.text[max(0, start - 80) : start]
    if "\n" in before:
        before = before[before.rindex("\n") + 1 :]
    tokens = before.split()
    if not tokens or tokens[-1] not in {"and", "&"}:
        return False
    for k in range(2, min(6, len(tokens))):  # 1-4 name words between title and "and"
        title, names = tokens[-k - 1], tokens[-k:-1]
        if not all(w[:1].isupper() and "orgword" not in r.lex.kinds(w) for w in names):
            return False  # "the Presidents Cup and ..."
        plural = title.lower().endswith("s") and r.lex.is_role(title[:-1])
        if plural and r.lex.is_role(title):
            return True
    return False


def bare_line(r: _Reader, ws: list[Word]) -> bool:
    """A line that is nothing but 2-4 capitalised words: a menu entry as often as a name."""
    return 2 <= len(ws) <= 4 and all(nm.is_name_word(w.text) for w in ws)


def corroborated(r: _Reader, ws: list[Word], person_words: set[str]) -> bool:
    """The first or last word, no title, is tagged PERSON elsewhere ("Wu" -> "Wu Mei-ling")."""
    ends = (ws[0].text, ws[-1].text)
    return any(w in person_words and not r.lex.is_title(w) for w in ends)
