"""Who spoke, in reading order: the speech events ``speakers.Attributor`` reads quotes by.

``EventReader`` reads the document's speech verbs and "according to" phrases outside quotes,
and the subjects of a body's "issued a statement", into ``SpeechEvent``s (position, line,
speaker). A verb's speaker is its subject, or its object for "quote" ("the paper quoted him"),
the body a news outlet cites ("the agency reported, citing the army"), the parties of a joint
statement, a document the parser split from its verb, or a person named right before or after
the verb ("said Minister X"). A verb inside a clause another speech verb reports ("X said Y
would return") is no event of Y's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.strings import get_string_id

from dyad.nlp.names import Lexicon
from dyad.nlp.person_index import PersonIndex
from dyad.nlp.speaker_phrases import PhraseReader, QuoteSpan, Speaker, SpeechEvent

__all__ = ["OUTLETS", "SUBJECTS", "EventReader"]

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLIMB = frozenset({"conj", "xcomp", "advcl"})
_SUBJECT_PRONOUNS = frozenset({"he", "she"})
_RELATIVE = frozenset({"who", "that", "which"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "iobj", "pobj", "oprd", "attr"})
_SOME = frozenset({"a", "an", "one", "another"})  # "an official said": someone unnamed
_ASIDE_REACH = 12  # tokens of an aside between a subject and its verb ("X, in Y, said")


def speech_tokens(doc: Any, lex: Lexicon, subject_deps: frozenset[str]) -> Iterator[Any]:
    """The tokens of ``doc``, in order, that may open a speech event: a verb whose lemma is a
    speech verb, "according", or a subject (read off the token arrays: no Token is made for
    the other words, which the speaker rules never read)."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    verbs = {strings["VERB"], strings["AUX"]}
    according = get_string_id("according")
    subjects = {get_string_id(dep) for dep in subject_deps}
    speech: dict[int, bool] = {}  # lemma -> whether it is a subject or object speech verb
    columns = doc.to_array(["LEMMA", "LOWER", "DEP", "POS"])
    lemmas, lowers, deps, tags = (columns[:, k].tolist() for k in range(4))
    for i, (lemma, lower, dep, pos) in enumerate(zip(lemmas, lowers, deps, tags, strict=True)):
        if lemma not in speech:
            speech[lemma] = lex.speech_kind(strings[lemma]) in {"subject", "object"}
        if (speech[lemma] and pos in verbs) or lower == according or dep in subjects:
            yield doc[i]


def _as_saying(verb: Any) -> bool:
    """ "citing X as saying": the verb has "as" + a speech verb ("citing sources" alone names
    where a report comes from, not who spoke)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lemma_ == "say" for g in c.children)
        for c in verb.children
    )


_ISSUE = frozenset({"issue", "release", "publish"})  # "X issued a statement": X speaks
OUTLETS = frozenset({"agency", "television", "tv", "broadcaster", "newspaper", "radio", "media"})


class EventReader(PhraseReader):
    """The speech events of one document, read in text order when it is built."""

    def __init__(self, doc: Any, persons: PersonIndex, spans: list[QuoteSpan]) -> None:
        super().__init__(doc, persons, spans)
        self._verb_speaker: dict[int, Speaker | None] = {}
        self._read_events()

    # -- events: who spoke, in reading order -----------------------------------------------

    def _read_events(self) -> None:
        for tok in speech_tokens(self.doc, self.lex, SUBJECTS):
            if self.in_quote(tok.idx):
                continue
            kind = self.lex.speech_kind(tok.lemma_)
            line = self.line_of(tok.idx)
            if kind in {"subject", "object"} and tok.pos_ in {"VERB", "AUX"}:
                who = self._speaker_of_verb(tok, kind)
                self._verb_speaker[tok.i] = who
                unnamed = who is None and self._unnamed_speaker(tok)
                statement = self._in_statement(tok)
                self._events.append(SpeechEvent(tok.idx, line, who, statement, unnamed))
            elif tok.lower_ == "according" and self._according_object(tok) is not None:
                obj = self._according_object(tok)
                if self._media(obj) and self.lex.speech_kind(tok.head.lemma_) == "subject":
                    continue  # "X said, according to AP": AP reported it, X spoke
                who = self.resolve_phrase(obj) if obj is not None else None
                self._events.append(SpeechEvent(tok.idx, line, who))
            elif tok.dep_ in SUBJECTS and tok.head.i not in self._verb_speaker:
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

    def _unnamed_speaker(self, verb: Any) -> bool:
        """A speech verb whose speaker is one person the text does not name ("an official
        said", "a diplomat was quoted as saying"): "he" after it is that person."""
        for c in verb.children:
            if c.dep_ in {*SUBJECTS, "dobj"} and c.pos_ == "NOUN" and c.tag_ == "NN":
                some = any(d.dep_ == "det" and d.lower_ in _SOME for d in c.children)
                return some and (self.lex.is_role(c.lemma_) or c.lemma_.lower() == "source")
        return False

    def _in_statement(self, verb: Any) -> bool:
        """ "X said in a statement", "a statement from X said": spoken through a statement."""
        for child in verb.children:
            words = [child]
            if child.dep_ == "prep" and child.lower_ == "in":
                words = [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_ not in SUBJECTS:
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
        cited = self._cited_source(verb) or self._agent_of(verb)
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

    def _agent_of(self, verb: Any) -> Speaker | None:
        """ "This was stated by X", "the remarks were made by X": who a passive speech verb
        names with "by"."""
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None and not self.in_quote(obj.idx):
                return self.resolve_phrase(obj)
        return None

    def _cited_source(self, verb: Any) -> Speaker | None:
        """ "the agency reported, citing the army", "news agency X, citing the border guard,
        said": a news outlet relays the body it cites ("citing sources" names no one)."""
        subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subj is None or not any(t.lemma_.lower() in OUTLETS for t in subj.subtree):
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
                if subj.dep_ in SUBJECTS and not self.in_quote(subj.idx):
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
            if c.dep_ in SUBJECTS and not self.in_quote(c.idx) and self.line_of(c.idx) == line
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

    def _media(self, tok: Any) -> bool:
        """A news agency or "media reports": the source of a report, not of the speech, when
        the sentence names who spoke ("X said, according to AP")."""
        words = [t for t in tok.subtree if not t.is_punct]
        return any(
            "credit" in self.lex.kinds(t.text) or t.lemma_.lower() in {"media", "report"}
            for t in words
        )
