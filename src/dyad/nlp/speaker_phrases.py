"""From a phrase to a speaker: the person or organisation a subject, object or "according
to" phrase stands for, and the positions (quotes, lines, paragraphs) the rules read.

A phrase becomes a person (a mention; "he"/"she"/"him"/"her" resolved to the most recent
speaker, subject or person named of that gender; a role such as "the Polish president"
resolved through the persons' roles and states) or an organisation (the proper nouns of the
phrase, "the JMPS" expanded to a full name the article gives, "Oslo" to the Norwegian
government, the institution an unnamed spokesperson or press service speaks for, the source
of "a statement from X" or "posted on X's website", the group last named for "the militant
group"). "The envoy" no one holds is the person without a role who acted last. Otherwise
None: no guess. Organisation names are read by ``speaker_orgs.OrgReader``, the base of this
class; ``speakers.Attributor`` builds on this class.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from dyad.models import Person
from dyad.nlp import names as nm
from dyad.nlp.doctext import doc_text
from dyad.nlp.person_index import PersonIndex
from dyad.nlp.roles import role_suffix
from dyad.nlp.speaker_bodies import LOOKBACK_LINES, Speaker, SpeechEvent
from dyad.nlp.speaker_orgs import OrgReader
from dyad.text import fold_name

__all__ = ["PRONOUNS", "PhraseReader", "QuoteSpan", "Speaker", "SpeechEvent", "line_starts"]

PRONOUNS = MappingProxyType({"he": "m", "she": "f", "him": "m", "her": "f"})
_PHRASE_LINKS = frozenset({"prep", "pobj", "poss", "compound", "amod", "npadvmod"})


_WRAP_MIN = 40  # a line broken by a hard wrap is at least this long
_WORD_REACH = 60  # characters read either side of a token for the hyphenated word it is in


def line_starts(text: str) -> list[int]:
    """Where the text's lines start, a hard-wrapped line joined to the next: a line of
    ``_WRAP_MIN`` characters or more that ends without a sentence's or a quote's end, followed
    by one that opens in lower case, goes on in it ("... our fishermen and\ntheir families")."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        line = text[starts[-1] : i].rstrip()
        last_start = text.rfind("\n", 0, i) + 1
        wrapped = (
            i - last_start >= _WRAP_MIN
            and line[-1:] not in {".", "!", "?", ":", '"', "”", "’", ")", "…"}
            and text[i + 1 : i + 2].islower()
        )
        if not wrapped:
            starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation's content ``start``-``end``; ``mark`` is its opening mark."""

    start: int
    end: int
    mark: int
    unclosed: bool
    line: int


class PhraseReader(OrgReader):
    """The document's quotes, lines and persons, and the phrase-to-speaker rules."""

    def __init__(self, doc: Any, persons: PersonIndex, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self._positions: dict[str, list[int]] | None = None
        self._org_words: frozenset[str] | None = None
        self.persons = persons
        self.lex = nm.lexicon()
        self._quoted = sorted((s.mark, s.end + 1) for s in spans)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._line_starts = line_starts(self.text)  # a hard-wrapped line is one line
        self._acronyms = self._find_acronyms()
        self._events: list[SpeechEvent] = []  # filled in reading order by the subclass
        self._event_pos: list[int] = []  # their positions, for bisection (``_events_back``)
        self._document_names: dict[str, set[str]] = {}
        self._nonblank = self._nonblank_lines()

    # -- positions -------------------------------------------------------------------------

    # -- phrases to speakers ---------------------------------------------------------------

    def _person_at(self, tok: Any) -> Speaker | None:
        p = self.persons.at(tok.idx, tok.idx + len(tok.text))
        return Speaker(p.name, "person") if p else None

    def _pronoun(self, tok: Any) -> Speaker | None:
        return self._pronoun_at(tok.idx, tok.lower_)

    def _pronoun_at(self, pos: int, word: str) -> Speaker | None:
        """The person "he"/"she"/"him"/"her" stands for, a few lines back at most: the most
        recent speaker or subject not known to be of the other gender; failing that, the most
        recent person named (outside quotes) not known to be of the other gender. Never an
        organisation or a place."""
        want = PRONOUNS.get(word.lower())
        line = self.line_of(pos)
        for event in self._events_back(pos):  # "An official said ... He added": no one named
            if self._paragraph_gap(event.line, line) > LOOKBACK_LINES:
                break
            if event.unnamed:
                return None
            if event.speaker is not None and event.speaker.kind == "person":
                break
        fits = {want, None}
        for name in self._actors_back(pos, line):  # the nearest that fits: no list of them all
            if self.persons.gender(name) in fits:
                return Speaker(name, "person")
        mentions = self.persons.mentions
        for i in range(bisect.bisect_left(mentions, pos, key=lambda m: m.start) - 1, -1, -1):
            m = mentions[i]
            if self.in_quote(m.start):
                continue
            if self._paragraph_gap(self.line_of(m.start), line) > LOOKBACK_LINES:
                break
            if self.persons.gender(m.name) in fits:
                return Speaker(m.name, "person")
        return None

    def _actors_back(self, pos: int, line: int) -> Iterator[str]:
        """The persons who spoke or acted before ``pos`` (a few lines back at most), the
        nearest first, except that the subject of an "after/while Y ..." clause comes after
        the main subject of its sentence."""
        aside: list[tuple[int, str]] = []  # subjects of "after Y left": after the main subject
        for event in self._events_back(pos):
            if self._paragraph_gap(event.line, line) > LOOKBACK_LINES:
                break
            if event.speaker is None or event.speaker.kind != "person":
                continue
            sent = self._subordinate_subject(event.pos)
            if sent is not None:
                aside.append((sent, event.speaker.name))
                continue
            start = self.doc.char_span(event.pos, event.pos + 1, alignment_mode="expand")
            here = start[0].sent.start if start is not None and len(start) else -1
            yield from (n for s, n in aside if s != here)
            yield event.speaker.name
            yield from (n for s, n in aside if s == here)
            aside = []
        yield from (n for _, n in aside)

    def _subordinate_subject(self, pos: int) -> int | None:
        """The sentence start of a subject at ``pos`` when it is the subject of an adverbial
        clause ("after Y left", "while Y waited"), else None."""
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or not len(span):
            return None
        tok = span[0]
        verb = tok.head
        if tok.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "advcl":
            return None
        if not any(c.dep_ == "mark" for c in verb.children):
            return None
        return int(tok.sent.start)

    def _it(self, tok: Any) -> Speaker | None:
        """ "it": the organisation subject of the clause above in its own sentence ("X
        denounced the raid, which it called '...'"; never the noun its own relative clause
        hangs on: in "the army, which it accused", "it" is not the army); else the
        organisation that spoke last, a few lines back at most."""
        above = self._it_above(tok)
        return above if above is not None else self._body_spoke_last(tok)

    def _it_above(self, tok: Any) -> Speaker | None:
        own = {v.head.i for v in [tok.head, *tok.head.ancestors] if v.dep_ == "relcl"}
        for verb in tok.head.ancestors:
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None or subj.i in own:
                continue
            if subj.i < tok.i and subj.pos_ != "PRON" and not self.in_quote(subj.idx):
                who = self.resolve_phrase(subj)
                return who if who is not None and who.kind == "organisation" else None
        return None

    def resolve_phrase(self, tok: Any) -> Speaker | None:
        """The person or organisation a subject (or object) token stands for."""
        low = tok.lower_
        if low in PRONOUNS:
            return self._pronoun(tok)
        if low == "it":
            return self._it(tok)
        if tok.pos_ == "PRON" or low in nm.FUNCTION_WORDS:
            return None
        left = [t for t in tok.subtree if t.i <= tok.i and not self.in_quote(t.idx)]
        for t in [tok, *reversed(left)]:
            who = None if self._owner_of_role(t) else self._person_at(t)
            if who:
                return who
        joined = self._hyphenated(tok)  # "Ben-Youssaf", which the parser splits in three
        if joined is not None:
            return joined
        appositives = [c for c in tok.children if c.dep_ == "appos"]
        for child in appositives:  # "BUENOS AIRES, Argentina (AP) — Jane Roe, ... said"
            for t in child.subtree:
                who = None if self._owner_of_role(t) else self._person_at(t)
                if who:
                    return who
        for t in self._nested_appositives(tok):  # "the envoy to the UN, Jane Roe, said"
            who = next(filter(None, (self._person_at(w) for w in t.subtree)), None)
            if who:
                return who
        if appositives and self._dateline_city(tok):  # "SEOUL (AP) - Korea's Ministry of
            for child in appositives:  # Defense said", parsed as the city's appositive
                if child.i > 0 and self.doc[child.i - 1].text != "(":
                    org = self._organisation(child, [t for t in child.subtree if t.i <= child.i])
                    if org is not None:
                        return org
        if appositives and tok.pos_ == "PROPN":  # "ECOWAS, the regional bloc": ECOWAS
            org = self._organisation(tok, left)
            if org is not None:
                return org
        for child in appositives:
            org = self._organisation(child, [t for t in child.subtree if t.i <= child.i])
            if org:
                return org
        unit = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        if "pressunit" in self.lex.kinds(" ".join([*unit, tok.lower_])):
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                who = self.resolve_phrase(obj) if obj is not None else None
                if who is not None:
                    return who  # "the press service of the Chilean Navy": the navy
        document = self.document_speaker(tok)
        if document is not None:
            return document
        if "generic" in self.lex.kinds(tok.lemma_) and not self.lex.is_role(tok.lemma_):
            source = self._source_of(tok)  # "a statement from the Egyptian presidency"
            if source is None and "document" in self.lex.kinds(tok.lemma_):
                source = self._issuer_before(tok)  # "the statement added"
            if source is not None:
                return source
        of_role = self._of_role(tok)
        if of_role is not None:  # "the Kenyan head of state"
            state = next(filter(None, (self.persons.state_code(t.text) for t in left)), None)
            p = self.persons.by_role(of_role, state) or self._last_in_role(tok, of_role, state)
            return Speaker(p.name, "person") if p is not None else None
        if self.lex.is_role(tok.lemma_) or self.lex.is_role(tok.text):
            if tok.tag_ in {"NNS", "NNPS"} and "voice" not in self.lex.kinds(tok.lemma_):
                return None  # "the two ministers said": no one of them alone
            return self._by_role(tok, left)
        return self._organisation(tok, left)

    def _hyphenated(self, tok: Any) -> Speaker | None:
        """The person a hyphenated surname the token is part of names, if one."""
        text, lo = self.text, max(0, tok.idx - _WORD_REACH)  # bounded: no scan of a long run
        start = max(text.rfind(" ", lo, tok.idx), text.rfind("\n", lo, tok.idx), lo - 1) + 1
        end = tok.idx + len(tok.text)
        stop = min(len(text), end + _WORD_REACH)
        while end < stop and not text[end].isspace() and text[end] not in ",.;:!?":
            end += 1
        word = text[start:end]
        if "-" not in word.strip("-") or not word[:1].isupper():
            return None
        p = self.persons.resolve(word, near=tok.idx)
        return Speaker(p.name, "person") if p is not None else None

    def _issuer_before(self, tok: Any) -> Speaker | None:
        """ "the statement said", "a statement said": who last spoke through a statement ("X
        said in a statement", "a statement from X said"), else the body that spoke last."""
        det = any(c.dep_ == "det" and c.lower_ in {"the", "this", "a"} for c in tok.children)
        if not det or any(c.dep_ in {"amod", "compound"} for c in tok.children):
            return None
        for event in self._events_back(tok.idx):
            if event.statement and event.speaker is not None:
                return event.speaker
        line = self.line_of(tok.idx)  # else the body that spoke last, a few paragraphs back
        for event in self._events_back(tok.idx):
            if self._paragraph_gap(event.line, line) > 2 * LOOKBACK_LINES:
                break
            if event.speaker is not None and event.speaker.kind == "organisation":
                return event.speaker
        return None

    def _of_role(self, tok: Any) -> str | None:
        """A role written with "of" ("head of state", "chief of staff"), or None."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    phrase = f"{tok.lower_} of {obj.lower_}"
                    if obj.dep_ == "pobj" and self.lex.is_role(phrase):
                        return phrase
        return None

    def _owner_of_role(self, t: Any) -> bool:
        """ "Roe's spokesman", "Roe's adviser": the one whose aide speaks, not the speaker."""
        doc = self.doc
        who = self._person_at(t)  # "Jane Roe's spokesman": from "Jane" to the possessive
        while who is not None and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN":
            if self._person_at(doc[t.i + 1]) != who:
                break
            t = doc[t.i + 1]
        if t.i + 2 >= len(doc) or doc[t.i + 1].lower_ not in {"'s", "’s", "'", "’"}:
            return False
        for head in doc[t.i + 2 : t.i + 5]:
            if self.lex.is_role(head.text) or "voice" in self.lex.kinds(head.text):
                return True
            if head.pos_ not in {"ADJ", "PROPN", "NOUN"}:
                return False
        return False

    def _nested_appositives(self, tok: Any) -> list[Any]:
        """Appositives of the phrase's own modifiers, which the parser often hangs on the last
        noun before the comma ("the spokesman for the Western Command, Col. Jane Roe")."""
        out = []
        for t in tok.subtree:
            if t.dep_ != "appos" or t.head is tok or self.in_quote(t.idx):
                continue
            chain = [t.head, *t.head.ancestors]
            chain = chain[: [a.i for a in chain].index(tok.i)]
            if all(a.dep_ in _PHRASE_LINKS for a in chain):
                out.append(t)
        return out

    def document_speaker(self, tok: Any) -> Speaker | None:
        """A joint document speaking: "a joint declaration ... said", "according to the joint
        statement", and "the statement" when the article has named a joint statement before.
        It speaks under the proper name the article gives a document of that kind, if one."""
        if "document" not in self.lex.kinds(tok.lemma_) or tok.pos_ != "NOUN":
            return None
        kind = tok.lemma_.lower()
        mods = [c for c in tok.children if c.i < tok.i and c.dep_ != "det"]
        if any(c.lower_ == "joint" for c in mods):
            return Speaker(self.document_name(kind, f"joint {kind}"), "organisation")
        definite = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children)
        if mods or not definite:
            return None
        if re.search(rf"\bjoint {kind}\b", self.text[: tok.idx], re.IGNORECASE):
            return Speaker(self.document_name(kind, f"joint {kind}"), "organisation")
        return None

    def document_name(self, kind: str, default: str) -> str:
        """The one proper name the article gives a document of this kind ("the Lake Tana
        Declaration"), else ``default``."""
        if kind not in self._document_names:  # one scan of the text per kind
            found = re.finditer(rf"\b((?:[A-Z][\w’'-]+ ){{1,4}}{kind.title()})\b", self.text)
            names = {re.sub(r"^(?:(?:The|A|An|In|Joint) )+", "", m.group(1)) for m in found}
            names.discard(kind.title())
            self._document_names[kind] = names
        names = self._document_names[kind]
        return next(iter(names)) if len(names) == 1 else default

    def _source_of(self, tok: Any) -> Speaker | None:
        """Who issued a statement or report: "from X", "by X", "of X", "X's", "issued by X",
        "posted on X's website"."""
        for acl in (c for c in tok.children if c.dep_ == "acl" and c.i > tok.i):
            for agent in (c for c in acl.children if c.dep_ == "agent"):
                obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if obj is not None and not self.in_quote(obj.idx):
                    return self.resolve_phrase(obj)  # "a statement issued by X"
        places = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}]
        for acl in (c for c in tok.children if c.dep_ == "acl" and c.i > tok.i):
            places += [c for c in acl.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}]
        for place in (o for p in places for o in p.children if o.dep_ == "pobj"):
            owner = next((c for c in place.children if c.dep_ == "poss"), None)
            site = "site" in self.lex.kinds(place.lemma_)  # "posted on X's website": X's
            if site and owner is not None and owner.lower_ not in PRONOUNS:
                return self.resolve_phrase(owner)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and not self.in_quote(obj.idx):
                    return self.resolve_phrase(obj)
            if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
                return self.resolve_phrase(child)
        return None

    def _by_role(self, tok: Any, left: list[Any]) -> Speaker | None:
        """ "the Polish president": the one person of that role (and state). An unnamed
        spokesperson ("a Kremlin spokesman") speaks for the institution named with it."""
        voice = "voice" in self.lex.kinds(tok.text)
        rest = role_suffix(self.lex, [t.lower_ for t in left])[0]
        named = (t for t in left[: len(rest)] if t.i < tok.i)  # not the role's words ("the
        # Prime Minister", "the Deputy Foreign Minister"), which the tagger may call PROPN
        if any(t.pos_ == "PROPN" and not self.persons.state_code(t.text) for t in named):
            member = self._member_of(tok, left)  # "the Chilean Navy commander": its commander
            if member is not None:
                return member
            if not voice and "generic" not in self.lex.kinds(tok.text):
                return None  # "Acme's CEO": no name, no guess
            return self._voice_of(tok, left)  # "a Harbour Office spokesperson" speaks for it
        unnamed = any(t.dep_ == "det" and t.lower_ in {"a", "an"} for t in left)
        if not unnamed:  # "a senior official": someone unnamed, never a person named before
            state = None
            for t in left:
                state = state or self.persons.state_code(t.text)
            role = " ".join(role_suffix(self.lex, [t.lower_ for t in left])[1]) or tok.lower_
            p = self.persons.by_role(role, state) or self.persons.by_role(tok.lemma_, state)
            if p is None and any(t.dep_ == "det" and t.lower_ == "the" for t in left):
                p = self._last_in_role(tok, role, state)
                if p is None and not voice and tok.tag_ not in {"NNS", "NNPS"}:
                    p = self._unroled_actor(tok)
            if p is not None:
                return Speaker(p.name, "person")
        if not voice:
            return None
        body = self._voice_of(tok, left)
        if body is None and [t.lower_ for t in left] == ["the", tok.lower_]:
            body = self._body_spoke_last(tok)  # "the spokesperson said": of the body before
        return body

    def _unroled_actor(self, tok: Any) -> Person | None:
        """ "Jane Roe made the remarks to a TV channel. '...,' the envoy said": no one holds
        the role, so the person who acted or spoke last, in this paragraph or the one before,
        when the article gave that person no role at all (a person of another role is
        someone else's counterpart, not this one)."""
        line = self.line_of(tok.idx)
        for event in self._events_back(tok.idx):
            if self._paragraph_gap(event.line, line) > 1:
                break
            who = event.speaker
            if event.unnamed:
                return None  # "An official said ... the official added": no one named
            if who is None or who.kind != "person":
                continue
            p = self.persons.get(who.name)
            return p if p is not None and (not p.role or self._generic_holder(p, tok)) else None
        return None

    def _body_spoke_last(self, tok: Any) -> Speaker | None:
        """The organisation that spoke last, a few paragraphs back at most."""
        line = self.line_of(tok.idx)
        for event in self._events_back(tok.idx):
            if self._paragraph_gap(event.line, line) > LOOKBACK_LINES:
                break
            if event.speaker is not None and event.speaker.kind == "organisation":
                return event.speaker
        return None

    def _member_of(self, tok: Any, left: list[Any]) -> Speaker | None:
        """ "the Ecuadorian Navy commander": the one person the article gave that role in
        that body ("Ecuadorian Navy Commander Raul Benitez"), else None."""
        words = [t.text for t in left if t.i < tok.i and t.dep_ != "det" and not t.is_punct]
        body = fold_name(" ".join(w for w in words if w not in {"'s", "’s"}))
        if not body:
            return None
        hits = [
            p
            for p in self.persons.persons
            if p.affiliation and self.persons.holds(p, tok.lemma_)
            if body in fold_name(p.affiliation) or fold_name(p.affiliation) in body
        ]
        return Speaker(hits[0].name, "person") if len(hits) == 1 else None

    def _last_in_role(self, tok: Any, role: str, state: str | None) -> Person | None:
        """ "the minister", "the leftist leader": the person of that role who acted last
        (a speaker or a subject), else the one of that role named last."""
        for r in dict.fromkeys((role, tok.lemma_.lower())):
            for event in self._events_back(tok.idx):
                who = event.speaker
                if who is None or who.kind != "person":
                    continue
                p = self.persons.get(who.name)
                if p is not None and self.persons.holds(p, r, state):
                    return p
            p = self.persons.last_in_role(r, state, tok.idx)
            if p is not None:
                return p
        return None

    def _voice_of(self, tok: Any, left: list[Any]) -> Speaker | None:
        """The institution a spokesperson speaks for ("Kremlin", "Polish Interior Ministry"),
        not a bare demonym ("a Russian spokesman"); "a spokesman for the Polish Interior
        Ministry" speaks for the ministry."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                who = self.resolve_phrase(obj) if obj is not None else None
                if who is not None and who.kind == "organisation":
                    return who
        org = self._organisation(tok, left)
        for owner in (c for c in tok.children if c.dep_ == "poss" and org is None):
            if owner.pos_ == "PROPN" and owner.lower_ not in PRONOUNS:  # "the EU's spokesman"
                org = self._organisation(owner, [t for t in owner.subtree if t.i <= owner.i])
        if org is None or " " in org.name or org.kind != "organisation":
            return org
        if self.persons.alias_kinds(org.name) & {"demonym", "people"}:
            return None
        if self.doc[tok.i - 1].ent_type_ == "NORP" and not self.persons.alias_kinds(org.name):
            return None
        return org
