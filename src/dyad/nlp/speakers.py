"""Who said a quote: the dependency parse first, then the words around the quote.

In order, for one quote:

0. before a colon, words the clause answers: "reacting to comments from X: '...'" is X's;
1. a speech verb (``data/speech_verbs.tsv``) that governs the quote in the parse, or that the
   quote governs ("..., he said" as parataxis): its subject, or its object for "quote"
   ("the statement quoted him as saying", "the paper reported, citing him as saying"), or
   the body a news outlet cites ("the agency reported, citing the army");
2. "according to X" in the quote's sentence;
3. the speech verb nearest the quote in its sentence;
4. the subject of the nearest verb above a partial quote ("Kowalska called it a '...'"; in
   "X, who called Y '...'", X), or of the clause a colon ends before the quote;
5. a quote standing alone (a second quote after "..., he said.", a paragraph of quote) takes
   the last speaker of its own or the previous paragraph; a quote paragraph left open takes
   the speaker of the quote that continues it, and passes its own on to the paragraphs of the
   quote below it that name none.

Who acted before a quote is read in text order: speakers, persons that are subjects, and a
body that "issued" or "released" a statement ("..., it said" after it).
Phrases become speakers in ``speaker_phrases``. Otherwise the speaker is None: no guess.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Any

from dyad.nlp.person_index import PersonIndex
from dyad.nlp.speaker_bodies import speech_tokens
from dyad.nlp.speaker_phrases import PRONOUNS, PhraseReader, QuoteSpan, Speaker, SpeechEvent

__all__ = ["Attributor", "QuoteSpan", "Speaker"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"conj", "xcomp", "advcl"})
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "that", "which"})
_HEADLINE_COLON = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s?){1,4}?)\s*(?:\s+to\s+[^:]{2,40})?:\s*")
_TIME_MARKS = frozenset({"after", "before", "until"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "iobj", "pobj", "oprd", "attr"})
_COLON_REACH = 4  # characters between a colon and the quote's opening mark
_PULL_REACH = 30  # later quotes searched for the words of a pull quote
_ASIDE_REACH = 12  # tokens of an aside between a subject and its verb ("X, in Y, said")
_CUT_OFF = re.compile(r"[,.!?…]?\s*[\"”’']\s*,?\s*((?:[\w.’'-]+\s+){0,3}[\w’'-]*)\s*")


def _hypothetical(verb: Any) -> bool:
    """A speech verb under a modal ("would respond", "could say") or in an infinitive
    ("agreed to respond", "vowed to answer"): no speech that happened."""
    return any(
        (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "aux" and c.lower_ == "to")
        for c in verb.children
    )


def _as_saying(verb: Any) -> bool:
    """ "citing X as saying": the verb has "as" + a speech verb ("citing sources" alone names
    where a report comes from, not who spoke)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children)
        for c in verb.children
    )


_ISSUE = frozenset({"issue", "release", "publish"})  # "X issued a statement": X speaks
_OUTLETS = frozenset({"agency", "television", "tv", "broadcaster", "newspaper", "radio", "media"})


class Attributor(PhraseReader):
    """Speakers for the quotes of one document."""

    def __init__(self, doc: Any, persons: PersonIndex, spans: list[QuoteSpan]) -> None:
        super().__init__(doc, persons, spans)
        self._verb_speaker: dict[int, Speaker | None] = {}
        self._read_events()

    # -- events: who spoke, in reading order -----------------------------------------------

    def _read_events(self) -> None:
        for tok in speech_tokens(self.doc, self.lex, _SUBJECTS):
            if self.in_quote(tok.idx):
                continue
            kind = self.lex.speech_kind(tok.lemma_)
            line = self.line_of(tok.idx)
            if kind in {"subject", "object"} and tok.pos_ in {"VERB", "AUX"}:
                who = self._speaker_of_verb(tok, kind)
                self._verb_speaker[tok.i] = who
                self._events.append(SpeechEvent(tok.idx, line, who, self._in_statement(tok)))
            elif tok.lower_ == "according" and self._according_object(tok) is not None:
                obj = self._according_object(tok)
                if self._media(obj) and self.lex.speech_kind(tok.head.lemma_) == "subject":
                    continue  # "X said, according to AP": AP reported it, X spoke
                who = self.resolve_phrase(obj) if obj is not None else None
                self._events.append(SpeechEvent(tok.idx, line, who))
            elif tok.dep_ in _SUBJECTS and tok.head.i not in self._verb_speaker:
                if self._reported(tok.head):
                    continue  # "X said Y would return": Y is spoken of, X is the actor
                who = self._person_at(tok)
                if who is None and tok.lower_ in _SUBJECT_PRONOUNS:
                    who = self._pronoun(tok)
                issued = who is None and tok.head.lemma_ in _ISSUE
                if issued:  # "the ministry issued a statement": the body speaks through it
                    who = self.resolve_phrase(tok)
                if who is not None:
                    self._events.append(SpeechEvent(tok.idx, line, who, issued))

    def _in_statement(self, verb: Any) -> bool:
        """ "X said in a statement", "a statement from X said": spoken through a statement."""
        for child in verb.children:
            words = [child]
            if child.dep_ == "prep" and child.lower_ == "in":
                words = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ not in _SUBJECTS:
                continue
            if any("document" in self.lex.kinds(w.lemma_) for w in words):
                return True
        return False

    def _reported(self, verb: Any) -> bool:
        """A verb inside a clause a speech verb reports ("X said [Y would return]")."""
        below = verb
        for anc in verb.ancestors:
            if below.dep_ not in {"ccomp", "conj"}:
                return False
            if self.lex.speech_kind(anc.lemma_) == "subject" and not self.in_quote(anc.idx):
                return below.dep_ == "ccomp" or self._reported(anc)
            below = anc
        return False

    def _according_object(self, tok: Any) -> Any:
        for child in tok.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            for obj in nxt.children:
                if obj.dep_ == "pobj":
                    return obj
        return None

    def _speaker_of_verb(self, verb: Any, kind: str) -> Speaker | None:
        if kind == "object":  # "the agency quoted the leader", "the leader was quoted as saying"
            deps = {"dobj", "obj", "nsubjpass"}
            obj = next((c for c in verb.children if c.dep_ in deps), None)
            return self.resolve_phrase(obj) if obj is not None else None
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "... quoted X as saying"
            above = verb.head.head
            if above.i in self._verb_speaker:
                return self._verb_speaker[above.i]
        if verb.dep_ == "acl" and self.lex.kinds(verb.head.lemma_) & {"document", "generic"}:
            who = self.resolve_phrase(verb.head)  # "a joint declaration stating that ..."
            if who is not None:
                return who
        cited = self._cited_source(verb)
        if cited is not None:
            return cited
        for child in verb.children:  # "the statement said, quoting X": X
            relays = child.lemma_ == "quote" or (child.lemma_ == "cite" and _as_saying(child))
            if relays and child.dep_ in {"advcl", "xcomp", "conj"}:
                who = self._speaker_of_verb(child, "object")
                if who is not None:
                    return who
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                joint = self.document_speaker(obj)  # "X and Y said in a joint statement"
                if joint is not None and any(c.lower_ == "joint" for c in obj.children):
                    return joint
        return self._subject_speaker(verb)

    def _cited_source(self, verb: Any) -> Speaker | None:
        """ "the agency reported, citing the army", "news agency X, citing the border guard,
        said": a news outlet relays the body it cites ("citing sources" names no one)."""
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None or not any(t.lemma_.lower() in _OUTLETS for t in subj.subtree):
            return None
        for cite in (c for c in [*verb.children, *subj.children] if c.lemma_ == "cite"):
            if cite.dep_ not in {"advcl", "xcomp", "conj", "acl"}:
                continue
            for obj in (c for c in cite.children if c.dep_ in {"dobj", "obj"}):
                who = None if self.in_quote(obj.idx) else self.resolve_phrase(obj)
                if who is not None:
                    return who
        return None

    def _subject_speaker(self, verb: Any) -> Speaker | None:
        """The first of a verb's subjects that is a person or an organisation."""
        subjects = sorted(self._subjects(verb), key=lambda t: t.i)
        if len(subjects) > 1 and self._one_phrase(subjects[0], subjects[1]):
            subjects = subjects[:1]  # "the statement from the office of X Y added": one phrase
        for subj in sorted(subjects, key=lambda t: abs(t.i - verb.i)):
            who = self.resolve_phrase(subj)
            if who is not None:
                return who
        if not subjects:
            who = self._misread_document(verb)
            if who is not None:
                return who
        return self._adjacent_person(verb)

    def _one_phrase(self, first: Any, second: Any) -> bool:
        """Two subjects of one verb with nothing but a noun phrase's words between them: the
        parser split one subject ("the statement from the office of [PM X]")."""
        between = self.doc[first.i + 1 : second.i]
        return any(t.dep_ == "prep" for t in between) and not any(
            (t.is_punct and t.text not in {"-", "–"}) or t.pos_ in {"CCONJ", "VERB", "AUX"}
            for t in between
        )

    def _misread_document(self, verb: Any) -> Speaker | None:
        """ "A joint declaration read out after the talks said ...", which the parser reads as
        a clause "a declaration read out" before a subjectless "said": the document speaks."""
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i > verb.i or self.in_quote(clause.idx):
                continue
            for subj in clause.children:
                if subj.dep_ in _SUBJECTS and not self.in_quote(subj.idx):
                    who = self.document_speaker(subj)
                    if who is not None:
                        return who
        return None

    def _adjacent_person(self, verb: Any) -> Speaker | None:
        """A person named right before ("X also said", "the minister, X, said") or after
        ("said Minister X") a verb."""
        line = self.line_of(verb.idx)
        back = self.doc[max(0, verb.i - 4) : verb.i]
        for n, tok in enumerate(reversed(back)):
            if n == 0 and tok.text == ",":
                continue  # the end of an appositive the parse left without a verb
            if self.line_of(tok.idx) != line or tok.is_punct or self.in_quote(tok.idx):
                break
            who = self._person_at(tok)
            if who is not None:
                return who
            if tok.pos_ not in {"ADV", "AUX", "PART"}:
                break
        aside = self._before_aside(verb)  # "X, on his first visit here, also said"
        if aside is not None:
            return aside
        ahead = self.doc[verb.i + 1 : verb.i + 7]
        for tok in ahead:
            if self.line_of(tok.idx) != line or tok.is_punct or self.in_quote(tok.idx):
                break
            if tok.dep_ in _OBJECTS or tok.head.dep_ in _OBJECTS:
                break  # "called Lula '...'", "told Minister X": the one spoken to or of
            who = self._person_at(tok)
            if who is not None:
                return who
            if not (tok.pos_ == "PROPN" or self.lex.is_title(tok.text) or tok.dep_ == "det"):
                break
        return None

    def _before_aside(self, verb: Any) -> Speaker | None:
        """A person named before a verbless aside set off by commas right before the verb
        ("X, on his first visit here, also expressed ..."), which the parser hung elsewhere."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ in {"ADV", "AUX", "PART"}:
            i -= 1
        if i < 1 or self.doc[i].text != ",":
            return None
        for j in range(i - 1, max(-1, i - _ASIDE_REACH), -1):
            tok = self.doc[j]
            if tok.pos_ in {"VERB", "AUX"} or tok.is_sent_start or self.in_quote(tok.idx):
                return None
            if tok.text == ",":
                return self._person_at(self.doc[j - 1]) if j >= 1 else None
        return None

    def _subjects(self, verb: Any, depth: int = 0) -> list[Any]:
        line = self.line_of(verb.idx)
        found = [
            c
            for c in verb.children
            if c.dep_ in _SUBJECTS and not self.in_quote(c.idx) and self.line_of(c.idx) == line
        ]
        if verb.dep_ == "relcl":  # "X, who once called Y '...'": the relative pronoun is X
            found = [verb.head if c.lower_ in _RELATIVE else c for c in found]
        if found or depth >= 3 or verb.head is verb:
            return found
        if verb.dep_ in _CLIMB:
            return self._subjects(verb.head, depth + 1)
        if verb.dep_ == "relcl":
            return [verb.head]
        if verb.dep_ == "acl" and verb.head.head is not verb.head:
            return self._subjects(verb.head.head, depth + 1)
        return []

    # -- quotes ----------------------------------------------------------------------------

    def attribute(self, spans: list[QuoteSpan]) -> list[Speaker | None]:
        """A speaker (or None) per quote. A quote paragraph left open takes the speaker of the
        quote that continues it (read from the last paragraph back), before any speaker of
        the paragraphs above it."""
        out = [self._attribute(q, last=not q.unclosed) for q in spans]
        for i in reversed(range(len(spans))):
            q = spans[i]
            if out[i] is not None or not q.unclosed:
                continue
            if i + 1 < len(spans) and self._paragraph_gap(q.line, spans[i + 1].line) <= 1:
                out[i] = out[i + 1]
            out[i] = out[i] or self._attribute(q)
        for i in range(1, len(spans)):  # a quote's later paragraphs: its speaker goes on
            if out[i] is None and self._goes_on(spans[i - 1], spans[i]):
                out[i] = out[i - 1]
        for i, q in enumerate(spans):
            if out[i] is None and self._own_line(q):
                out[i] = self._pulled_from(spans, i, out)
        return out

    def _goes_on(self, before: QuoteSpan, q: QuoteSpan) -> bool:
        """Whether ``q`` is the next paragraph of the quote ``before`` left open: the first
        thing on the paragraph right below it."""
        if not before.unclosed or self._paragraph_gap(before.line, q.line) != 1:
            return False
        return not self.text[self._line_starts[q.line] : q.mark].strip()

    def _own_line(self, q: QuoteSpan) -> bool:
        """A quote that is the whole of its line (a pull quote or subheading)."""
        start = self._line_starts[q.line]
        end = self.text.find("\n", q.end)
        end = len(self.text) if end < 0 else end
        rest = self.text[start : q.mark] + self.text[q.end : end]
        return not rest.strip(" \t\"“”'‘’.,:;!?…")

    def _pulled_from(
        self, spans: list[QuoteSpan], i: int, out: list[Speaker | None]
    ) -> Speaker | None:
        """The speaker of a later quote that holds a pull quote's words in order."""
        words = re.findall(r"\w+", self.text[spans[i].start : spans[i].end].lower())
        if len(words) < 3:
            return None
        for j in range(i + 1, min(len(spans), i + 1 + _PULL_REACH)):
            later = re.findall(r"\w+", self.text[spans[j].start : spans[j].end].lower())
            it = iter(later)
            if out[j] is not None and all(w in it for w in words):
                return out[j]
        return None

    def _attribute(self, q: QuoteSpan, last: bool = True) -> Speaker | None:
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        inside = [t for t in span if q.start <= t.idx < q.end] if span is not None else []
        if not inside:
            return None
        context = self._context(q, inside)
        words = self._colon_words(q)
        if words is not None:
            return words
        verb = self._governing_verb(q, inside)
        if verb is not None:  # "In a joint statement, the two sides said '...'": the document
            return self._verb_speaker.get(verb.i) or self._joint_document(q)
        beyond = self._beyond_boundary(inside)
        verbs = [t for t in context if t.i in self._verb_speaker and t.i not in beyond]
        spoken = any(self._verb_speaker[t.i] is not None for t in verbs)
        for tok in context:
            if tok.lower_ == "according":
                obj = self._according_object(tok)
                if obj is not None and not (spoken and self._media(obj)):
                    return self.resolve_phrase(obj)
        if verbs:
            near = min(verbs, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))
            return self._verb_speaker[near.i]
        who = self._cut_off(q) or self._surface(q) or self._subject_above(q, inside)
        who = who or self._colon_clause(q)
        if who is not None:
            return who
        if sum(not t.is_punct for t in context) <= 2:
            return self._last_speaker(q) if last else None
        who = self._joint_document(q)
        if who is None and last and not verbs:  # "Likewise, the plan '...'": no one else speaks
            who = self._last_speaker(q)  # in the sentence; the speaker just before goes on
        return who

    def _media(self, tok: Any) -> bool:
        """A news agency or "media reports": the source of a report, not of the speech, when
        the sentence names who spoke ("X said, according to AP")."""
        words = [t for t in tok.subtree if not t.is_punct]
        return any(
            "credit" in self.lex.kinds(t.text) or t.lemma_.lower() in {"media", "report"}
            for t in words
        )

    def _cut_off(self, q: QuoteSpan) -> Speaker | None:
        """A text that ends a few words after the quote, inside its attribution ('...," Mr
        Wil', '...," the'): a person whose name begins with the last word ("Wil" -> Wilson),
        else the last speaker before the quote."""
        m = _CUT_OFF.fullmatch(self.text, q.end)  # the rest of the text, not a copy of it
        if m is None or not m.group(1):
            return None
        last = m.group(1).split()[-1]
        if len(last) >= 3 and last[:1].isupper():
            hits = [p for p in self.persons.persons if p.name.split()[-1].startswith(last)]
            if len(hits) == 1:
                return Speaker(hits[0].name, "person")
        return next((e.speaker for e in self._events_back(q.start) if e.speaker is not None), None)

    def _joint_document(self, q: QuoteSpan) -> Speaker | None:
        """ "In a joint declaration, they '...'": the document speaks, under the proper name the
        article gives a document of that kind ("the Lake Tana Declaration") if it gives one:
        the first such "in" from the start of the quote's line, ending before its mark."""
        starts, found = self._joint_documents
        i = bisect.bisect_left(starts, self._line_starts[q.line])
        if i < len(found) and found[i][0] <= q.mark:
            return found[i][1]
        return None  # "in a statement" alone: whose, the sentence must say

    @cached_property
    def _joint_documents(self) -> tuple[list[int], list[tuple[int, Speaker]]]:
        """Every "in" (outside quotes) before a document of a name or joint ("in a joint
        statement"), in text order: its start, and its end with the document as speaker."""
        found: list[tuple[int, int, Speaker]] = []
        for tok in self.doc:
            if tok.lower_ != "in" or self.in_quote(tok.idx):
                continue
            doc = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if doc is None or "document" not in self.lex.kinds(doc.lemma_):
                continue
            words = [t for t in doc.subtree if t.i <= doc.i and t.dep_ != "det"]
            default = " ".join(t.text for t in words)
            name = self.document_name(doc.lemma_.lower(), default)
            if name != default or any(t.lower_ == "joint" for t in words):
                found.append((tok.idx, tok.idx + len(tok.text), Speaker(name, "organisation")))
        return [s for s, _, _ in found], [(e, who) for _, e, who in found]

    def _surface(self, q: QuoteSpan) -> Speaker | None:
        """Without the parse: '"...," Name said', '"...," said Name', 'Name said: "..."', and
        a headline's 'Name: "..."'."""
        verbs = self._verb_forms
        after = self.text[q.end : q.end + 90].split("\n", 1)[0]
        m = re.match(rf"[,.!?…]?\s*[\"”’']\s*,?\s*(?:{verbs})\s+([^,.;:\"“”]+)", after)
        m = m or re.match(rf"[,.!?…]?\s*[\"”’']\s*,?\s*([^,.;:\"“”]+?)\s+(?:{verbs})\b", after)
        if m:
            return self._surface_name(m.group(1), q.end + m.start(1))
        before = self.text[max(0, q.mark - 90) : q.mark].rsplit("\n", 1)[-1]
        b = re.search(rf"([^,.;:\"“”]+?)\s+(?:{verbs})(?:\s+\w+){{0,3}}\s*[:,]\s*$", before)
        if b:
            return self._surface_name(b.group(1), q.mark - len(before) + b.start(1))
        h = _HEADLINE_COLON.fullmatch(before)  # a headline "Name: '...'", "Name to Name: '...'"
        if h:
            return self._surface_name(h.group(1), q.mark - len(before) + h.start(1))
        return None

    def _surface_name(self, phrase: str, pos: int) -> Speaker | None:
        words = phrase.split()
        if len(words) == 1 and words[0].lower() in PRONOUNS:
            return self._pronoun_at(pos, words[0])
        if not words or len(words) > 6:
            return None
        person = self.persons.resolve(phrase, near=pos)
        return Speaker(person.name, "person") if person else None

    @cached_property
    def _verb_forms(self) -> str:
        lemmas = [w for w, kind in self.lex.speech.items() if kind == "subject" and " " not in w]
        forms = {f"{w}(?:s|es|d|ed)?" for w in lemmas} | {"said", "told", "wrote"}
        return "|".join(sorted(forms, key=len, reverse=True))

    def _context(self, q: QuoteSpan, inside: list[Any]) -> list[Any]:
        """The tokens outside quotes in the quote's sentences and line."""
        first, last = inside[0].sent, inside[-1].sent
        line = q.line
        toks = self.doc[first.start : last.end]
        return [t for t in toks if not self.in_quote(t.idx) and self.line_of(t.idx) == line]

    def _governing_verb(self, q: QuoteSpan, inside: list[Any]) -> Any:
        """The speech verb nearest above the quote in the parse (or one the quote governs, as
        in "..., he said"). When its speaker cannot be named ("the two sides affirmed '...',
        the statement said"), a speech verb further up that has one reports the quote."""
        found: list[tuple[int, Any]] = []
        ids = {t.i for t in inside}
        for t in inside:
            for child in t.children:
                outside = child.i not in ids and not self.in_quote(child.idx)
                if outside and child.i in self._verb_speaker:
                    found.append((0, child))
            if t.head.i in ids:
                continue
            below = t
            for depth, anc in enumerate(t.ancestors):
                if self._clause_boundary(below):
                    break  # "Y recalled its envoy after X circulated a note backing '...'"
                below = anc
                if anc.i in self._verb_speaker and not self.in_quote(anc.idx):
                    if _hypothetical(anc):
                        continue  # "X said Mexico would respond '...'": X said it
                    found.append((depth, anc))
        found.sort(key=lambda x: x[0])
        named = [v for _, v in found if self._verb_speaker.get(v.i) is not None]
        spoke = [v for v in named if not self._relayed(v)]  # "X said '...', the agency reported"
        return (spoke or named or [v for _, v in found] or [None])[0]

    def _relayed(self, verb: Any) -> bool:
        """A report verb whose subject is a news outlet ("the official news agency reported")."""
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        return subj is not None and any(t.lemma_.lower() in _OUTLETS for t in subj.subtree)

    def _beyond_boundary(self, inside: list[Any]) -> set[int]:
        """The quote's ancestors above an adverbial clause boundary (see ``_clause_boundary``)."""
        out: set[int] = set()
        for t in inside:
            chain = [t, *t.ancestors]
            cut = next((i for i, a in enumerate(chain) if self._clause_boundary(a)), None)
            if cut is not None:
                out.update(a.i for a in chain[cut + 1 :])
        return out

    def _clause_boundary(self, tok: Any) -> bool:
        """An adverbial clause with its own subject and a conjunction ("after X did Y"): what
        it says is not what the verb above it reports."""
        if tok.dep_ != "advcl" or tok.pos_ not in {"VERB", "AUX"}:
            return False
        kids = list(tok.children)
        has_subject = any(c.dep_ in _SUBJECTS and not self.in_quote(c.idx) for c in kids)
        return has_subject and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in kids)

    def _subject_above(self, q: QuoteSpan, inside: list[Any]) -> Speaker | None:
        ids = {t.i for t in inside}
        for t in inside:
            if t.head.i in ids:
                continue
            for anc in t.ancestors:
                if self.in_quote(anc.idx):
                    continue
                if anc.pos_ in {"VERB", "AUX"} and self._subjects(anc):
                    return self._subject_speaker(anc)
        return None

    def _colon_clause(self, q: QuoteSpan) -> Speaker | None:
        """ "X disagreed: '...'": the subject of the clause a colon ends right before the
        quote, whatever its verb."""
        last = self._before_colon(q)
        if last is None:
            return None
        for verb in [last, *last.ancestors]:
            if self.in_quote(verb.idx) or verb.sent.start != last.sent.start:
                break
            if verb.pos_ in {"VERB", "AUX"} and self._subjects(verb):
                return self._subject_speaker(verb)
        return None

    def _before_colon(self, q: QuoteSpan) -> Any:
        """The token before a colon set right before the quote's opening mark, or None."""
        start = max(0, q.mark - _COLON_REACH)
        before = self.text[start : q.mark].rstrip()
        if not before.endswith(":"):
            return None
        pos = start + len(before) - 1
        colon = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
        if colon is None or not len(colon) or colon[0].i == 0:
            return None
        return self.doc[colon[0].i - 1]

    def _colon_words(self, q: QuoteSpan) -> Speaker | None:
        """ "X was reacting to comments from Y on Tuesday: '...'": the verb of the clause a
        colon ends right before the quote answers words ("to" a speech noun with "from Y",
        "by Y" or "Y's"); the quote gives them, so Y speaks. ("Referring to Y's remarks, X
        said: '...'" is X's: "said" answers nothing.)"""
        last = self._before_colon(q)
        verb = (
            next((t for t in [last, *last.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
            if last is not None
            else None
        )
        if verb is None or self.in_quote(verb.idx) or verb.sent.start != last.sent.start:
            return None
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
            for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
                if self.lex.speech_kind(noun.lemma_) not in {"words", "subject"}:
                    continue
                for child in noun.children:
                    obj = None
                    if child.dep_ == "prep" and child.lower_ in {"from", "by"}:
                        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    elif child.dep_ == "poss" and child.lower_ not in PRONOUNS:
                        obj = child
                    who = self.resolve_phrase(obj) if obj is not None else None
                    if who is not None:
                        return who
        return None

    def _last_speaker(self, q: QuoteSpan) -> Speaker | None:
        last = next(self._events_back(q.start), None)
        if last is None or self._paragraph_gap(last.line, q.line) > 1:
            return None
        return last.speaker
