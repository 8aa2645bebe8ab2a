"""Who said a quote: the dependency parse first, then the words around the quote.

In order, for one quote:

1. a speech verb (``data/speech_verbs.tsv``) that governs the quote in the parse, or that the
   quote governs ("..., he said" as parataxis): its subject, or its object for "quote";
2. "according to X" in the quote's sentence;
3. the speech verb nearest the quote in its sentence;
4. the subject of the nearest verb above a partial quote ("Kowalska called it a '...'");
5. a quote standing alone (a second quote after "..., he said.", a paragraph of quote) takes
   the last speaker of its own or the previous paragraph; a quote paragraph left open takes
   the speaker of the quote that continues it.

A speaker phrase becomes a person (a mention, "he"/"she" resolved to the most recent speaker
or subject of that gender, or a role such as "the Russian leader" resolved through the persons'
roles and states) or an organisation (the proper nouns of the phrase, "the JMPS" expanded to a
full name the article gives). Otherwise the speaker is None: no guess.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from dyad.nlp import names as nm
from dyad.nlp.person_index import PersonIndex
from dyad.nlp.roles import role_suffix

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"conj", "xcomp", "advcl"})
_PRONOUNS = {"he": "m", "she": "f"}
_LOOKBACK_LINES = 3
_PLACES = frozenset({"NORP", "GPE", "LOC"})


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation's content ``start``-``end``; ``mark`` is its opening mark."""

    start: int
    end: int
    mark: int
    unclosed: bool
    line: int


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: Literal["person", "organisation"]


@dataclass(frozen=True)
class _Event:
    pos: int
    line: int
    speaker: Speaker | None


class Attributor:
    """Speakers for the quotes of one document."""

    def __init__(self, doc: Any, persons: PersonIndex, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.text: str = doc.text
        self.persons = persons
        self.lex = nm.lexicon()
        self._quoted = sorted((s.mark, s.end + 1) for s in spans)
        self._quoted_starts = [s for s, _ in self._quoted]
        self._line_starts = [0] + [i + 1 for i, ch in enumerate(self.text) if ch == "\n"]
        self._acronyms = self._find_acronyms()
        self._events: list[_Event] = []
        self._verb_speaker: dict[int, Speaker | None] = {}
        self._read_events()

    # -- positions -------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self._quoted[i][0] <= pos < self._quoted[i][1]

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self._line_starts, pos) - 1

    def sentence_text(self, q: QuoteSpan) -> str:
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        return str(span[0].sent.text).strip() if span is not None and len(span) else ""

    def _paragraph_gap(self, a: int, b: int) -> int:
        """How many non-blank lines lie from line ``a`` to line ``b``."""
        lo, hi = sorted((a, b))
        starts = self._line_starts
        count = 0
        for n in range(lo, hi):
            end = starts[n + 1] - 1 if n + 1 < len(starts) else len(self.text)
            count += bool(self.text[starts[n] : end].strip())
        return count

    # -- events: who spoke, in reading order -----------------------------------------------

    def _read_events(self) -> None:
        for tok in self.doc:
            if self.in_quote(tok.idx):
                continue
            kind = self.lex.speech_kind(tok.lemma_)
            line = self.line_of(tok.idx)
            if kind in {"subject", "object"} and tok.pos_ in {"VERB", "AUX"}:
                who = self._speaker_of_verb(tok, kind)
                self._verb_speaker[tok.i] = who
                self._events.append(_Event(tok.idx, line, who))
            elif tok.lower_ == "according" and self._according_object(tok) is not None:
                obj = self._according_object(tok)
                who = self.resolve_phrase(obj) if obj is not None else None
                self._events.append(_Event(tok.idx, line, who))
            elif tok.dep_ in _SUBJECTS and tok.head.i not in self._verb_speaker:
                who = self._person_at(tok)
                if who is None and tok.lower_ in _PRONOUNS:
                    who = self._pronoun(tok)
                if who is not None:
                    self._events.append(_Event(tok.idx, line, who))

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
        return self._subject_speaker(verb)

    def _subject_speaker(self, verb: Any) -> Speaker | None:
        """The first of a verb's subjects that is a person or an organisation."""
        for subj in sorted(self._subjects(verb), key=lambda t: abs(t.i - verb.i)):
            who = self.resolve_phrase(subj)
            if who is not None:
                return who
        return self._adjacent_person(verb)

    def _adjacent_person(self, verb: Any) -> Speaker | None:
        """A person named right before ("X also said") or after ("said Minister X") a verb."""
        line = self.line_of(verb.idx)
        back = self.doc[max(0, verb.i - 4) : verb.i]
        for tok in reversed(back):
            if self.line_of(tok.idx) != line or tok.is_punct or self.in_quote(tok.idx):
                break
            who = self._person_at(tok)
            if who is not None:
                return who
            if tok.pos_ not in {"ADV", "AUX", "PART"}:
                break
        ahead = self.doc[verb.i + 1 : verb.i + 7]
        for tok in ahead:
            if self.line_of(tok.idx) != line or tok.is_punct or self.in_quote(tok.idx):
                break
            who = self._person_at(tok)
            if who is not None:
                return who
            if not (tok.pos_ == "PROPN" or self.lex.is_title(tok.text) or tok.dep_ == "det"):
                break
        return None

    def _subjects(self, verb: Any, depth: int = 0) -> list[Any]:
        line = self.line_of(verb.idx)
        found = [
            c
            for c in verb.children
            if c.dep_ in _SUBJECTS and not self.in_quote(c.idx) and self.line_of(c.idx) == line
        ]
        if found or depth >= 3 or verb.head is verb:
            return found
        if verb.dep_ in _CLIMB:
            return self._subjects(verb.head, depth + 1)
        if verb.dep_ == "relcl":
            return [verb.head]
        if verb.dep_ == "acl" and verb.head.head is not verb.head:
            return self._subjects(verb.head.head, depth + 1)
        return []

    # -- phrases to speakers ---------------------------------------------------------------

    def _person_at(self, tok: Any) -> Speaker | None:
        p = self.persons.at(tok.idx, tok.idx + len(tok.text))
        return Speaker(p.name, "person") if p else None

    def _pronoun(self, tok: Any) -> Speaker | None:
        return self._pronoun_at(tok.idx, tok.lower_)

    def _pronoun_at(self, pos: int, word: str) -> Speaker | None:
        """The most recent speaker or subject of the pronoun's gender, a few lines back."""
        want = _PRONOUNS.get(word.lower())
        line = self.line_of(pos)
        i = bisect.bisect_left([e.pos for e in self._events], pos)
        for event in reversed(self._events[:i]):
            if self._paragraph_gap(event.line, line) > _LOOKBACK_LINES:
                break
            who = event.speaker
            if who is None or who.kind != "person":
                continue
            if want and self.persons.gender(who.name) not in (None, want):
                continue
            return who
        return None

    def _it(self, tok: Any) -> Speaker | None:
        line = self.line_of(tok.idx)
        for event in reversed([e for e in self._events if e.pos < tok.idx]):
            if self._paragraph_gap(event.line, line) > _LOOKBACK_LINES:
                break
            if event.speaker is not None and event.speaker.kind == "organisation":
                return event.speaker
        return None

    def resolve_phrase(self, tok: Any) -> Speaker | None:
        """The person or organisation a subject (or object) token stands for."""
        low = tok.lower_
        if low in _PRONOUNS:
            return self._pronoun(tok)
        if low == "it":
            return self._it(tok)
        if tok.pos_ == "PRON" or low in nm.FUNCTION_WORDS:
            return None
        left = [t for t in tok.subtree if t.i <= tok.i and not self.in_quote(t.idx)]
        for t in [tok, *reversed(left)]:
            who = self._person_at(t)
            if who:
                return who
        for child in tok.children:
            if child.dep_ == "appos":
                for t in child.subtree:
                    who = self._person_at(t)
                    if who:
                        return who
                org = self._organisation(child, list(child.subtree))
                if org:
                    return org
        if self.lex.is_role(tok.lemma_) or self.lex.is_role(tok.text):
            return self._by_role(tok, left)
        return self._organisation(tok, left)

    def _by_role(self, tok: Any, left: list[Any]) -> Speaker | None:
        if any(t.pos_ == "PROPN" and not self.persons.state_code(t.text) for t in left):
            if "generic" not in self.lex.kinds(tok.text):
                return None  # "Acme's CEO": no name, no guess
            org = self._organisation(tok, left)  # "a Harbour Office spokesperson" speaks for it
            if org is None or " " in org.name or self.doc[tok.i - 1].ent_type_ not in _PLACES:
                return org
            return None
        state = None
        for t in left:
            state = state or self.persons.state_code(t.text)
        role = " ".join(role_suffix(self.lex, [t.lower_ for t in left])[1]) or tok.lower_
        p = self.persons.by_role(role, state) or self.persons.by_role(tok.lemma_, state)
        return Speaker(p.name, "person") if p else None

    def _organisation(self, tok: Any, left: list[Any]) -> Speaker | None:
        words = [t for t in left if t.pos_ != "DET" and t.dep_ != "case" and not t.is_punct]
        while words and "generic" in self.lex.kinds(words[-1].text):
            words.pop()
        run: list[Any] = []
        for t in reversed(words):
            if not (t.text[:1].isupper() or (run and t.lower_ in {"of", "for", "and"})):
                break
            run.insert(0, t)
        while run and run[0].lower_ in {"of", "for", "and"}:
            run.pop(0)
        if not run or not words or run[-1].i != words[-1].i:
            return self._state_body(tok, words)
        tail = [t for t in tok.subtree if t.i > tok.i]
        if tail and tail[0].lower_ == "of" and len(tail) > 1 and tail[1].text[:1].isupper():
            run += [t for t in tail if t.text[:1].isupper() or t.lower_ == "of"][:5]
        name = self.text[run[0].idx : run[-1].idx + len(run[-1].text)]
        if len(run) == 1 and run[0].text.isupper():
            name = self._acronyms.get(run[0].text, name)
        name = self.persons.government_of(name) or name  # "Beijing said": Chinese government
        person = self.persons.resolve(name, near=tok.idx) if len(run) == 1 else None
        if person is not None:
            return Speaker(person.name, "person")
        single = run[0] if len(run) == 1 and not run[0].text.isupper() else None
        if single is not None and single.ent_type_ == "PERSON" and not self._known_org(name):
            return None  # a surname never introduced with a full name
        return Speaker(name, "organisation")

    def _state_body(self, tok: Any, words: list[Any]) -> Speaker | None:
        """ "Egypt's foreign ministry", "the Chinese government": a state's body as written."""
        if "orgword" not in self.lex.kinds(tok.lemma_) or not words or words[-1].i != tok.i:
            return None
        if not any(self.persons.state_code(t.text) for t in words[:-1]):
            return self._named_before(tok) if len(words) == 1 else None
        start = words[0].idx
        return Speaker(self.text[start : tok.idx + len(tok.text)], "organisation")

    def _named_before(self, tok: Any) -> Speaker | None:
        """ "the ministry said": the organisation of that kind that spoke last."""
        head = tok.lemma_.lower()
        line = self.line_of(tok.idx)
        for event in reversed([e for e in self._events if e.pos < tok.idx]):
            if self._paragraph_gap(event.line, line) > _LOOKBACK_LINES:
                break
            who = event.speaker
            if who and who.kind == "organisation" and who.name.lower().split()[-1] == head:
                return who
        return None

    def _known_org(self, word: str) -> bool:
        """A word tagged PERSON that names an agency or is tagged ORG elsewhere ("Xinhua")."""
        if self.lex.kinds(word) & {"credit", "orgword"}:
            return True
        return any(t.text == word and t.ent_type_ == "ORG" for t in self.doc)

    def _find_acronyms(self) -> dict[str, str]:
        """ "JMPS" -> "Japan Maritime Patrol Service" when the article spells the name out."""
        found: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ not in {"ORG", "NORP", "GPE", "FAC"}:
                continue
            ws = [w.text for w in nm.words(ent.text) if w.text.lower() != "the"]
            caps = [w for w in ws if w[:1].isupper()]
            parts = [p for w in caps for p in w.split("-") if p[:1].isupper()]
            if len(caps) >= 2:
                found.setdefault("".join(w[0] for w in caps), " ".join(ws))
                found.setdefault("".join(p[0] for p in parts), " ".join(ws))
        return found

    # -- quotes ----------------------------------------------------------------------------

    def attribute(self, spans: list[QuoteSpan]) -> list[Speaker | None]:
        out = [self._attribute(q) for q in spans]
        for i, q in enumerate(spans):
            if out[i] is None and q.unclosed and i + 1 < len(spans):
                nxt = spans[i + 1]
                if self._paragraph_gap(q.line, nxt.line) <= 1:
                    out[i] = out[i + 1]
        return out

    def _attribute(self, q: QuoteSpan) -> Speaker | None:
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        inside = [t for t in span if q.start <= t.idx < q.end] if span is not None else []
        if not inside:
            return None
        context = self._context(q, inside)
        verb = self._governing_verb(q, inside)
        if verb is not None:
            return self._verb_speaker.get(verb.i)
        for tok in context:
            if tok.lower_ == "according":
                obj = self._according_object(tok)
                if obj is not None:
                    return self.resolve_phrase(obj)
        verbs = [t for t in context if t.i in self._verb_speaker]
        if verbs:
            near = min(verbs, key=lambda t: min(abs(t.idx - q.start), abs(t.idx - q.end)))
            return self._verb_speaker[near.i]
        who = self._surface(q) or self._subject_above(q, inside)
        if who is not None:
            return who
        if sum(not t.is_punct for t in context) <= 2:
            return self._last_speaker(q)
        return None

    def _surface(self, q: QuoteSpan) -> Speaker | None:
        """Without the parse: '"...," Name said', '"...," said Name', 'Name said: "..."'."""
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
        return None

    def _surface_name(self, phrase: str, pos: int) -> Speaker | None:
        words = phrase.split()
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
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
        best: tuple[int, Any] | None = None
        ids = {t.i for t in inside}
        for t in inside:
            for child in t.children:
                outside = child.i not in ids and not self.in_quote(child.idx)
                if outside and child.i in self._verb_speaker and (best is None or best[0] > 0):
                    best = (0, child)
            if t.head.i in ids:
                continue
            for depth, anc in enumerate(t.ancestors):
                if anc.i in self._verb_speaker and not self.in_quote(anc.idx):
                    if best is None or depth < best[0]:
                        best = (depth, anc)
                    break
        return best[1] if best else None

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

    def _last_speaker(self, q: QuoteSpan) -> Speaker | None:
        before = [e for e in self._events if e.pos < q.start]
        if not before or self._paragraph_gap(before[-1].line, q.line) > 1:
            return None
        return before[-1].speaker
