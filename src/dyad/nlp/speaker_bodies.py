"""Bodies as speakers: a state's ministry, army or government named in the form the article
gives it with its state ("Norway's Ministry of Defence" -> "Norwegian Ministry of Defence",
"North Korea's army" -> "North Korean Army", "Its army" -> the army of the state last a
subject; "the ministry" -> the body of that kind that spoke last, else the one last a
subject; "the foreign ministry" with no state -> the state its sentence is about, else the
dateline's, else the headline's), a news agency under its own name ("China's official
Xinhua news agency" -> "Xinhua"), and the positions (quotes, lines, paragraphs) the
speaker rules read. ``speaker_phrases.PhraseReader`` builds on it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Literal

from dyad.nlp.names import Lexicon
from dyad.nlp.person_index import PersonIndex

__all__ = ["LOOKBACK_LINES", "BodyReader", "Speaker", "SpeechEvent"]

LOOKBACK_LINES = 3
# a wire dateline at a line start: "NAIROBI (Agency) -", "LIMA, Peru, May 2 (Agency) —"
DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?:,[^\n(:\-–—]{1,40})?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[-–—:]"
)
# "Ministry of Foreign Affairs", "ministry of finance": the words of what it is "of"
_MINISTRY_OF = re.compile(
    r"\b[Mm]inistry of ((?:[A-Z][a-z]+)(?: (?:and )?[A-Z][a-z]+){0,2}|[a-z]+(?: affairs)?)\b"
)
# generic nouns that refer back to an officeholder who just spoke ("the official said")
_GENERIC_REFERENCES = {"diplomat": "diplomat", "official": "any", "representative": "any"}
_DIPLOMATIC_BODIES = ("foreign", "embassy", "external affairs", "state department")
_STATE_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})  # "the country's army"
DATELINE_REACH = 600  # characters of the text's opening searched for a dateline
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# the head nouns of a news outlet's description ("the official Xinhua news agency")
_OUTLET_HEADS = frozenset({"agency", "television", "tv", "broadcaster", "newspaper", "radio"})


def _spelling(word: str) -> str:
    """A word's one spelling for comparing ("Defense" and "defence" alike)."""
    return word.lower().replace("defense", "defence")


def _head_noun(name: str) -> str:
    """The head noun of a body's name: "ministry" of "Norwegian Ministry of Defence"."""
    ws = name.lower().split()
    cut = ws.index("of", 1) if "of" in ws[1:] else len(ws)
    return ws[cut - 1].removesuffix("'s").removesuffix("’s")


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: Literal["person", "organisation"]


@dataclass(frozen=True)
class SpeechEvent:
    """Someone speaking or acting at ``pos``: a speech verb's speaker or a clause's subject."""

    pos: int
    line: int
    speaker: Speaker | None
    statement: bool = False  # said in or through a statement ("X said in a statement")
    unnamed: bool = False  # spoken by someone the text does not name ("an official said")


class BodyReader:
    """Positions in the document and the rules that name a state's bodies (the reader's
    state is set up by ``PhraseReader``)."""

    doc: Any
    text: str
    persons: PersonIndex
    lex: Lexicon
    _events: list[SpeechEvent]
    _event_pos: list[int]  # their positions, for bisection (``_events_back``)
    _nonblank: list[int]  # non-blank lines before each line (``_paragraph_gap``)
    _positions: dict[str, list[int]] | None
    _quoted: list[tuple[int, int]]
    _quoted_starts: list[int]
    _line_starts: list[int]

    # -- positions -------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos) - 1

    def _paragraph_gap(self, a: int, b: int) -> int:
        """How many non-blank lines lie from line ``a`` to line ``b``."""
        lo, hi = sorted((a, b))
        return self._nonblank[hi] - self._nonblank[lo]

    def _nonblank_lines(self) -> list[int]:
        """How many of the first n lines are not blank, for every n."""
        starts = self._line_starts
        blank = []
        for n, start in enumerate(starts):
            end = starts[n + 1] - 1 if n + 1 < len(starts) else len(self.text)
            blank.append(int(bool(self.text[start:end].strip())))
        return [0, *accumulate(blank)]

    def _events_back(self, pos: int) -> Iterator[SpeechEvent]:
        """The events before ``pos``, the nearest first (they are read in text order)."""
        events = self._events
        self._event_pos.extend(e.pos for e in events[len(self._event_pos) :])
        for i in range(bisect.bisect_left(self._event_pos, pos) - 1, -1, -1):
            yield events[i]

    # -- bodies -----------------------------------------------------------------------------

    def _state_body(self, words: list[Any]) -> Speaker | None:
        """ "Egypt's foreign ministry", "the Chinese government", "a Turkish presidency
        statement": a state's body as written (its last word an ``orgword``)."""
        if not words or "orgword" not in self.lex.kinds(words[-1].lemma_):
            return None
        head = words[-1]
        outlet = self._outlet_name(words)
        if outlet is not None:
            return outlet
        found = self._state_in(words)
        states = [] if found is None else [found[0]]
        if not states and len(words) > 1 and words[0].lower_ == "its":
            owner = self._state_before(words[0])  # "Chile denied it. Its army said ..."
            if owner is not None:
                return Speaker(self._canonical_body(owner, words[1:]), "organisation")
        if not states and len(words) > 1 and words[0].lower_ in _STATE_NOUNS:
            owner = self._state_before(words[0])  # "the country's foreign ministry"
            if owner is not None and self.doc[words[0].i + 1].lower_ in {"'s", "’s"}:
                return Speaker(self._canonical_body(owner, words[1:]), "organisation")
        if not states:
            owner = self._of_state(head)  # "the foreign ministry of Japan"
            if owner is not None:
                return Speaker(self._canonical_body(owner, words), "organisation")
            if len(words) == 1:  # "the ministry": named before; "the office of X" as written
                return self._named_before(head) or self._office_of(head)
            return self._body_named_before(words)
        assert found is not None
        after, state = words[found[1] :], found[2]
        rest = list(self.doc[after[0].i : after[-1].i + 1]) if after else []
        if len(rest) == 1:  # "Egypt's ministry": the fuller name given it before
            rest = self._fuller_body(state, rest[0]) or rest
        return Speaker(self._canonical_body(state, rest), "organisation")

    def _outlet_name(self, words: list[Any]) -> Speaker | None:
        """ "China's official Xinhua news agency", "the semi-official Tasnim news agency": a
        news outlet speaks under its own name, the one proper name among its words (not its
        state, nor "official" or "News")."""
        if words[-1].lemma_.lower() not in _OUTLET_HEADS:
            return None
        found = self._state_in(words)
        state = range(found[0], found[1]) if found is not None else range(0)
        names = [
            t
            for k, t in enumerate(words[:-1])
            if (t.pos_ == "PROPN" or t.text.isupper()) and t.text[:1].isupper()
            if k not in state  # "North Korea's"
            if "media" in self.persons.alias_kinds(t.text) or not self.persons.state_code(t.text)
            if not self.lex.kinds(t.text) & {"orgword", "modifier", "honorific", "official"}
        ]
        return Speaker(names[0].text, "organisation") if len(names) == 1 else None

    def _state_in(self, words: list[Any]) -> tuple[int, int, Any] | None:
        """The first state named among a body's words before its head: where it starts, the
        index of the word after it, and its words, the longest name read ("North Korea's",
        "the South Korean", "Saudi Arabia's": not "Korea", "Korean", "Saudi" alone)."""
        for k in range(len(words) - 1):
            for n in (3, 2, 1):
                ws = words[k : k + n]
                if k + n > len(words) - 1 or ws[-1].i - ws[0].i != n - 1:
                    continue  # the head is no part of it; a name's words are adjacent
                span = self.doc[ws[0].i : ws[-1].i + 1]
                media = "media" in self.persons.alias_kinds(span.text)  # "Xinhua": an outlet
                if self.persons.state_code(span.text) and not media:
                    return k, k + n, span if n > 1 else ws[0]
        return None

    def _fuller_body(self, state: Any, head: Any) -> list[Any] | None:
        """The words of a body of the same state and head noun named earlier with more words
        ("Egypt's foreign ministry" before "Egypt's ministry"), else None."""
        code = self.persons.state_code(state.text)
        for i in self._token_positions().get(head.lower_, []):
            if i >= head.i or self.in_quote(self.doc[i].idx):
                continue
            for k in range(i - 1, max(i - 5, -1), -1):
                t = self.doc[k]
                if self.persons.state_code(t.text) == code and t.ent_type_ in {"GPE", "NORP"}:
                    body = [w for w in self.doc[k + 1 : i + 1] if w.lower_ not in {"'s", "’s"}]
                    if len(body) > 1 and all(w.pos_ in {"NOUN", "PROPN", "ADJ"} for w in body):
                        return body
                    break
                if t.pos_ not in {"NOUN", "PROPN", "ADJ", "PART"}:
                    break
        return None

    def _body_named_before(self, words: list[Any]) -> Speaker | None:
        """ "the foreign ministry said" with no state: the state's body the article named
        before ("Egypt's foreign ministry"), else the body's own words ("Foreign Ministry")."""
        body = [t.lower_ for t in words]
        if any(t.pos_ not in {"NOUN", "PROPN", "ADJ"} for t in words):
            return None
        n, doc = len(body), self.doc
        owner: Any = None
        firsts = self._token_positions().get(body[0], [])
        last = bisect.bisect_left(firsts, words[0].i - n + 1)  # the body's earlier mentions
        for i in firsts[bisect.bisect_left(firsts, 1) : last]:
            if [t.lower_ for t in doc[i : i + n]] != body or self.in_quote(doc[i].idx):
                continue
            j = i - 1 if doc[i - 1].lower_ in {"'s", "’s", "'", "’"} else i
            for k in (2, 1):
                state = doc[j - k : j]
                if j - k >= 0 and state[0].pos_ != "DET" and self.persons.state_code(state.text):
                    owner = state
                    break
        if owner is None and len(body) == 2 and body[1] == "ministry":  # "the foreign
            for _, named in self._ministries_of(body[0], words[0].idx):  # ministry" after
                owner = named if named is not None else owner  # "Peru's Ministry of
        owner = owner if owner is not None else self._seat_of(words[-1])  # Foreign Affairs"
        if owner is None:  # "Kenya has recalled its envoy, the foreign ministry said"
            mentions = [i for i in firsts[:last] if [t.lower_ for t in doc[i : i + n]] == body]
            owner = next(filter(None, map(self._state_subject, [*mentions, words[0].i])), None)
        owner = owner if owner is not None else self._dateline_state()
        if owner is None and "statebody" in self.lex.kinds(words[-1].lemma_):
            owner = self._lead_state()  # "Peru condemns ..." over "the foreign ministry said"
            owner = owner if owner is not None else self._one_state_near(words[-1])
        if owner is not None:
            return Speaker(self._canonical_body(owner, words), "organisation")
        span = self.doc[words[0].i : words[-1].i + 1]
        return Speaker(" ".join(self._body_words(list(span))), "organisation")

    def _seat_of(self, head: Any) -> Any | None:
        """The state of the place a body sits in: "the Foreign Ministry in Lima", or "In
        Moscow, the Foreign Ministry said" (a place set before the body's own verb)."""
        preps = [(c, True) for c in head.children] + [(c, c.i < head.i) for c in head.head.children]
        for prep, fits in preps:
            if not fits or prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                if place.ent_type_ == "GPE" and self.persons.state_code(place.text):
                    return place
        return None

    def _dateline_city(self, tok: Any) -> bool:
        """A wire dateline's city at a line's start ("SEOUL (AP) -", "LIMA, Peru -")."""
        start = self._line_starts[self.line_of(tok.idx)]
        if not tok.text.isupper() or self.text[start : tok.idx].strip():
            return False
        return DATELINE.match(self.text, start) is not None

    def _generic_holder(self, person: Any, tok: Any) -> bool:
        """Whether a person who just spoke is the one a generic noun refers back to: "the
        diplomat" a foreign ministry's spokesperson or official, "the (Kenyan) official" or
        "the Kremlin representative" anyone holding an office (of that state, if it names
        one). Not a person of no office, nor of another state."""
        kind = _GENERIC_REFERENCES.get(tok.lemma_.lower())
        if kind is None or not person.role:
            return False
        for mod in (c for c in tok.children if c.dep_ in {"amod", "compound"}):
            code = self.persons.state_code(mod.text)
            if code and person.state and code != person.state:
                return False  # "the Chilean official" is no Peruvian
        office = self.lex.kinds(person.role.split()[-1]) & {"official", "leader", "voice"}
        if kind == "diplomat":
            where = f"{person.role} {person.affiliation or ''}".lower()
            return bool(office) and any(w in where for w in _DIPLOMATIC_BODIES)
        return bool(office)

    def _one_state_near(self, tok: Any) -> Any | None:
        """The one state named (outside quotes) in the body's sentence and the one before
        ("Moscow's answer came fast. '...,' the Foreign Ministry said"), else None."""
        sent = tok.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        found: dict[str, Any] = {}
        for ent in self.doc[start : sent.end].ents:
            if ent.label_ in {"GPE", "NORP"} and not self.in_quote(ent.start_char):
                code = self.persons.state_code(ent.text.removeprefix("the "))
                if code:
                    found.setdefault(code, ent)
        return next(iter(found.values())) if len(found) == 1 else None

    def _lead_state(self) -> Any | None:
        """The state that is the subject of the article's first sentence (its headline, when
        it has one), or None; none when states act together ("Peru and Chile agree ...")."""
        first = next(iter(self.doc.sents), None)
        state = self._state_subject(first.start) if first is not None else None
        if state is None or any(c.dep_ == "conj" for c in state.children):
            return None
        return state

    def _state_subject(self, i: int) -> Any | None:
        """The state that is a subject in the sentence of token ``i`` (outside quotes)."""
        for t in self.doc[i].sent:
            subject = t.dep_ in {"nsubj", "nsubjpass"} and not self.in_quote(t.idx)
            if subject and t.ent_type_ == "GPE" and self.persons.state_code(t.text):
                return t
        return None

    def _state_before(self, tok: Any) -> Any | None:
        """The state "the country" refers back to: the last state that is a subject in this
        sentence or the two before it (outside quotes), else the dateline's."""
        sent = tok.sent
        for _ in range(3):
            found = [
                e
                for e in sent.ents
                if e.label_ == "GPE" and e.end <= tok.i and e.root.dep_ in {"nsubj", "nsubjpass"}
                if not self.in_quote(e.start_char) and self.persons.state_code(e.text)
            ]
            if found:
                return found[-1]
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return self._dateline_state()

    def _dateline_state(self) -> Any | None:
        """The state of the city a wire dateline opens the article with ("NAIROBI (Agency) -")."""
        m = DATELINE.search(self.text[:DATELINE_REACH])
        if m is None or not self.persons.state_code(m.group(1)):
            return None
        span = self.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        return span if span is not None and len(span) else None

    def _token_positions(self) -> dict[str, list[int]]:
        """Token indices by lower-case text, in order (built once per document)."""
        if self._positions is None:
            self._positions = {}
            for tok in self.doc:
                self._positions.setdefault(tok.lower_, []).append(tok.i)
        return self._positions

    def _of_state(self, head: Any) -> Any | None:
        """The state named in "of X" after a body's head word, or None."""
        for prep in head.children:
            if prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and self.persons.state_code(obj.text):
                        return obj
        return None

    def _canonical_body(self, state: Any, rest: list[Any]) -> str:
        """ "China's foreign ministry", "the China foreign ministry" -> "Chinese Foreign
        Ministry": the state's demonym, then the body's words capitalised."""
        government = self.persons.government_of(state.text)
        if government is None and "demonym" in self.persons.alias_kinds(state.text):
            government = f"{state.text} government"
        body = self._body_words(rest)
        if government is None or not body:
            start = getattr(state, "start_char", None)  # a Span ("South Sudan") or a token
            start = state.idx if start is None else start
            if not rest:
                return str(state.text)
            return self.text[start : rest[-1].idx + len(rest[-1].text)]
        demonym = government.rsplit(" ", 1)[0]
        return " ".join([demonym, *self._ministry_of(body, state)])

    def _ministry_of(self, body: list[str], state: Any) -> list[str]:
        """ "Finance Ministry" as "Ministry of Finance" when the article gives the body that
        fuller form ("the ministry of finance", "Peru's Ministry of Foreign Affairs"), not as
        another state's body."""
        if len(body) not in {2, 3} or body[-1].lower() != "ministry":
            return body
        code = self.persons.state_code(state.text)
        fields = {_spelling(w) for w in body[:-1]}  # "Foreign Affairs Ministry": both words
        for words, owner in self._ministries_of(body[0], len(self.text)):
            if not fields <= {_spelling(w) for w in words}:
                continue
            if owner is None or self.persons.state_code(owner.text) == code:
                field = [w if w[:1].isupper() else w.capitalize() for w in words]
                return ["Ministry", "of", *field]
        return body

    def _ministries_of(self, field: str, before: int) -> Iterator[tuple[list[str], Any]]:
        """The article's "Ministry of ..." mentions (outside quotes) before ``before`` whose
        words hold ``field`` ("foreign" in "Ministry of Foreign Affairs"), each with the state
        named right before it ("Peru's", "the Chilean"), or None."""
        for m in _MINISTRY_OF.finditer(self.text, 0, before):
            words = m.group(1).split()
            if _spelling(field) not in {_spelling(w) for w in words}:
                continue
            lead = self.text[max(0, m.start() - 30) : m.start()]
            owner = None
            for k in (2, 1):  # "South Korea's", "Peru's", "the Chilean"
                found = re.search(r"((?:\S+\s+){%d})$" % k, lead)
                if found is None:
                    continue
                phrase = re.sub(r"(?:'s|’s)?\s*$", "", found.group(1))
                lead_the = len(phrase) - len(re.sub(r"^[Tt]he\s+", "", phrase))
                phrase = phrase[lead_the:]
                if self.persons.state_code(phrase):
                    at = found.start(1) + lead_the + m.start() - len(lead)
                    owner = self.doc.char_span(at, at + len(phrase), alignment_mode="expand")
                    break
            yield words, owner

    @staticmethod
    def _body_words(rest: list[Any]) -> list[str]:
        """A body's words capitalised, a possessive inside kept on its word ("Prime Minister's
        Office"), the state's own possessive before them dropped."""
        body: list[str] = []
        for t in rest:
            if t.lower_ in {"'s", "’s", "'", "’"}:
                if body:
                    body[-1] += "'s"
                continue
            small = t.lower_ in {"of", "for", "and", "on"} and bool(body)  # "Ministry of Defence"
            body.append(t.text if t.text[:1].isupper() or small else t.text.capitalize())
        return body

    def _office_of(self, head: Any) -> Speaker | None:
        """ "the office of the army spokesman" named nowhere before: the body as written,
        when what it is "of" is an officeholder (a role or a person)."""
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                role = self.lex.is_role(obj.lemma_) or "voice" in self.lex.kinds(obj.lemma_)
                role = role or any(  # "the office of the OSCE chair": a named body's holder
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children
                )
                if not role and self.persons.at(obj.idx, obj.idx + len(obj.text)) is None:
                    continue
                end = max(t.idx + len(t.text) for t in obj.subtree)
                return Speaker(self.text[head.idx : end], "organisation")
        return None

    def _named_before(self, tok: Any) -> Speaker | None:
        """ "the ministry said": the organisation of that kind that spoke last (a few
        paragraphs back, or further for "the office of X", which names whose office it is)."""
        head = tok.lemma_.lower()
        line = self.line_of(tok.idx)
        owned = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        reach = 4 * LOOKBACK_LINES if owned else LOOKBACK_LINES
        for event in self._events_back(tok.idx):
            if self._paragraph_gap(event.line, line) > reach:
                break
            who = event.speaker
            if who and who.kind == "organisation" and _head_noun(who.name) == head:
                return who
        return self._body_mentioned_before(tok, head, reach) or self._affiliation_before(
            tok, head, reach
        )

    def _affiliation_before(self, tok: Any, head: str, reach: int) -> Speaker | None:
        """ "Russian Foreign Ministry spokeswoman X said ... The ministry said": the body of
        that kind a person named a few paragraphs back works for, named with its state."""
        line = self.line_of(tok.idx)
        mentions = self.persons.mentions
        for i in range(bisect.bisect_left(mentions, tok.idx, key=lambda m: m.start) - 1, -1, -1):
            m = mentions[i]
            if self._paragraph_gap(self.line_of(m.start), line) > reach:
                break
            p = self.persons.get(m.name)
            body = p.affiliation if p is not None and not self.in_quote(m.start) else None
            if body and _head_noun(body) == head and self.persons.state_code(body.split()[0]):
                return Speaker(body, "organisation")
        return None

    def _body_mentioned_before(self, tok: Any, head: str, reach: int) -> Speaker | None:
        """ "Peru's Foreign Ministry summoned the envoy. '...,' the ministry said": the body
        of that kind that was last a subject (outside quotes, named with more words than its
        head noun), a few paragraphs back at most, when no body of that kind spoke before."""
        line = self.line_of(tok.idx)
        for i in reversed(self._token_positions().get(tok.lower_, [])):
            mention = self.doc[i]
            if i >= tok.i or self.in_quote(mention.idx) or mention.dep_ not in _SUBJECTS:
                continue  # "signed a border agreement": no body that acts
            if self._paragraph_gap(self.line_of(mention.idx), line) > reach:
                break
            left = [t for t in mention.subtree if t.i <= i and not self.in_quote(t.idx)]
            if sum(t.pos_ != "DET" for t in left) < 2:
                continue  # another bare "the ministry"
            who = self._organisation(mention, left)
            if who is not None and who.kind == "organisation" and _head_noun(who.name) == head:
                return who
        return None

    def _organisation(self, tok: Any, left: list[Any]) -> Speaker | None:
        raise NotImplementedError  # ``OrgReader`` reads organisation names
