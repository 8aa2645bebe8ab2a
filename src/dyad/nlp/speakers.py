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
   quote below it that name none; a run of paragraphs that are each a whole quote keeps the
   speaker of the first.

An attribution set between dashes inside the marks ("..., - he said. - ...") comes before
all of these.

Who acted before a quote is read in text order: speakers, persons that are subjects, and a
body that "issued" or "released" a statement ("..., it said" after it).
Speech events are read in ``speaker_events``; phrases become speakers in ``speaker_phrases``.
Otherwise the speaker is None: no guess.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import Any

from dyad.nlp.speaker_events import OUTLETS, SUBJECTS, EventReader
from dyad.nlp.speaker_phrases import PRONOUNS, QuoteSpan, Speaker

__all__ = ["Attributor", "QuoteSpan", "Speaker"]

_HEADLINE_COLON = re.compile(r"\s*((?:[A-Z][\w’'.-]*\s?){1,4}?)\s*(?:\s+to\s+[^:]{2,40})?:\s*")
_TIME_MARKS = frozenset({"after", "before", "until"})
_COLON_REACH = 4  # characters between a colon and the quote's opening mark
_PULL_REACH = 30  # later quotes searched for the words of a pull quote
# an attribution between dashes inside a quote: ", - he said. - ", ", – the minister added, – "
_DASHED = re.compile(
    r"[,.!?…]\s*[-–—]\s+([\w.’'-]+(?:\s[\w.’'-]+){0,3}?)\s+(?:said|added|noted|stressed"
    r"|stated|explained|continued|emphasi[sz]ed|underlined|pointed out|told [A-Z][\w.]+)"
    r"[^-–—\"“”\n]{0,60}?[.,]?\s*[-–—]\s"
)
_CUT_OFF = re.compile(r"[,.!?…]?\s*[\"“”’']\s*,?\s*((?:[\w.’'-]+\s+){0,3}[\w’'-]*)\s*")


def _hypothetical(verb: Any) -> bool:
    """A speech verb under a modal ("would respond", "could say") or in an infinitive
    ("agreed to respond", "vowed to answer"): no speech that happened."""
    return any(
        (c.dep_ == "aux" and c.tag_ == "MD") or (c.dep_ == "aux" and c.lower_ == "to")
        for c in verb.children
    )


class Attributor(EventReader):
    """Speakers for the quotes of one document."""

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
        for i in range(1, len(spans)):  # a run of paragraphs that are each a whole quote:
            before, q = spans[i - 1], spans[i]  # the speaker of the one above goes on
            alone = self._own_line(q) and self._own_line(before)
            if out[i] is None and alone and self._paragraph_gap(before.line, q.line) == 1:
                out[i] = out[i - 1]
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
        words = self._colon_words(q) or self._dashed_aside(q)
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

    def _dashed_aside(self, q: QuoteSpan) -> Speaker | None:
        """ "I can confirm it, - he said. - As for the reasons...": an attribution set off by
        dashes inside the marks (as Russian news sets it) names the speaker."""
        m = _DASHED.search(self.text, q.start, q.end)
        if m is None:
            return None
        return self._surface_name(m.group(1), m.start(1))

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
        # after a full stop inside the marks only an attribution that ends there ('"..."
        # Mena said.'), not a new sentence ('"... nations." Salas said the deal was ...')
        end = r"(?=\s*[.,;]|\s*$)" if self.text[q.end - 1 : q.end] == "." else ""
        m = re.match(rf"[,.!?…]?\s*[\"“”’']\s*,?\s*(?:{verbs})\s+([^,.;:\"“”]+){end}", after)
        m = m or re.match(
            rf"[,.!?…]?\s*[\"“”’']\s*,?\s*([^,.;:\"“”]+?)\s+(?:{verbs})\b{end}", after
        )
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
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        return subj is not None and any(t.lemma_.lower() in OUTLETS for t in subj.subtree)

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
        has_subject = any(c.dep_ in SUBJECTS and not self.in_quote(c.idx) for c in kids)
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
