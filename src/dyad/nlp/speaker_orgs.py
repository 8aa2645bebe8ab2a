"""Organisations as speakers: the body a capitalised phrase names, for ``PhraseReader``.

``OrgReader._organisation`` turns the words before a head noun into an organisation: a run of
capitalised words ("the Japan Maritime Patrol Service"), an acronym the article spells out
("the JMPS"), a state's body ("Norway's Ministry of Defence", "the foreign ministry": its
state), a city standing for a government ("Beijing said": the Chinese government), or the
group last named for "the militant group"; a surname or an untagged word is no organisation.
A body is named in the fullest form the article gives it: with the one state named right
before it elsewhere ("the Joint Chiefs of Staff" after "Chile's Joint Chiefs of Staff"), an
acronym spelt out in brackets ("(JCS)"). "The country" is the state last a subject; "the PS"
the person whose title has those initials.
"""

from __future__ import annotations

import re
from typing import Any

from dyad.nlp import names as nm
from dyad.nlp.doctext import span_text
from dyad.nlp.speaker_bodies import _STATE_NOUNS, LOOKBACK_LINES, BodyReader, Speaker

__all__ = ["OrgReader"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# the capitalised title set right before a name: "Principal Secretary for Foreign Affairs "
_TITLE_BEFORE = re.compile(r"((?:[A-Z][a-z]+ (?:(?:of|for|and|the) )*){1,6})$")
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})
_BRACKETED = re.compile(r"\(([A-Z]{2,8})\)")
_NAME_REACH = 120  # characters read back from a bracketed acronym for the name it shortens
_OUTLET_WORDS = frozenset({"agency", "news", "television", "tv", "broadcaster", "radio", "times"})


class OrgReader(BodyReader):
    """The rules that read an organisation's name (the reader's state is set up by
    ``PhraseReader``, which also resolves the phrases these rules look back to)."""

    _acronyms: dict[str, str]
    _org_words: frozenset[str] | None

    def resolve_phrase(self, tok: Any) -> Speaker | None:
        raise NotImplementedError  # ``PhraseReader`` resolves phrases

    def _owner_of_role(self, t: Any) -> bool:
        raise NotImplementedError  # ``PhraseReader`` reads roles and their owners

    def _organisation(self, tok: Any, left: list[Any]) -> Speaker | None:
        if tok.lemma_.lower() in _STATE_NOUNS and [t.lower_ for t in left] == ["the", tok.lower_]:
            state = self._country_before(tok)  # "The country denied it, saying '...'"
            government = self.persons.government_of(state.text) if state is not None else None
            return Speaker(government, "organisation") if government else None
        if tok.text.isupper() and 2 <= len(tok.text) <= 4 and tok.text not in self._acronyms:
            holder = self._role_initials(tok)  # "the PS said": the Principal Secretary
            if holder is not None:
                return holder
        if "groupnoun" in self.lex.kinds(tok.lemma_) and not any(
            t.pos_ == "PROPN" and not self.persons.state_code(t.text) for t in left if t.i < tok.i
        ):  # "the militant group", "the Iran-backed movement": no name of its own
            return self._group_before(tok)
        words = [t for t in left if t.pos_ != "DET" and t.dep_ != "case" and not t.is_punct]
        popped = False
        while words and "generic" in self.lex.kinds(words[-1].text):
            popped = bool(words.pop())
        if popped and len(words) > 1 and words[-1].lower_ == "press":
            words.pop()  # "the White House press release": the White House's
        run: list[Any] = []
        for t in reversed(words):
            inside = bool(run) and 0 < t.i < len(self.doc) - 1  # "Tehrik-e-Taliban": "e"
            inside = inside and self._joining_hyphen(t.i - 1) and self._joining_hyphen(t.i + 1)
            if not (t.text[:1].isupper() or (run and t.lower_ in {"of", "for", "and"}) or inside):
                break
            gap = range(t.i + 1, run[0].i) if run else range(0)
            if any(self.doc[k].is_punct and not self._joining_hyphen(k) for k in gap):
                break  # "Roe, Acme's spokesman": a comma ends the name, as "LIMA - " does
            run.insert(0, t)
        while run and run[0].lower_ in {"of", "for", "and"}:
            run.pop(0)
        if not run or not words or run[-1].i != words[-1].i:
            return self._state_body(words)
        if len(run) == 1 and len(words) > 1 and "orgword" in self.lex.kinds(run[0].text):
            state_body = self._state_body(words)  # "the Chilean defence Ministry": a case slip
            if state_body is not None:
                return state_body
        if self.lex.kinds(run[0].text) & {"honorific", "leader", "official"}:
            return None  # "Mr. Sharif", "President Ruto": a person no full name introduced
        tail = [t for t in tok.subtree if t.i > tok.i]
        state = self._of_state(tok) if "statebody" in self.lex.kinds(tok.lemma_) else None
        if state is not None and tail and tail[0].lower_ == "of":  # "the Army of Peru"
            return Speaker(self._canonical_body(state, run), "organisation")
        generic = "statebody" in self.lex.kinds(tok.lemma_) and run[-1].i == tok.i
        generic = generic and all("modifier" in self.lex.kinds(t.text) for t in run[:-1])
        if generic and not (tail and tail[0].lower_ == "of"):  # "the Foreign Ministry" as
            if len(run) == 1:  # "the foreign ministry": with its state; "the Ministry" as
                return self._state_body(run)  # "the ministry": the one named before
            return self._body_named_before(run)
        if tail and tail[0].lower_ == "of" and len(tail) > 1 and tail[1].text[:1].isupper():
            run += [t for t in tail if t.text[:1].isupper() or t.lower_ == "of"][:5]
        found = self._state_in(run)  # "North Korea's Ministry of Defence": two words
        n = found[1] if found is not None and found[0] == 0 else 1
        possessive = self.doc[run[n - 1].i + 1].lower_ in {"'s", "’s", "'", "’"}
        owner = found[2] if n > 1 and found is not None else None
        owner = owner or (run[0] if self.persons.state_code(run[0].text) else None)
        if owner is None and run[0].lower_ in _STATE_NOUNS:
            owner = self._state_before(run[0])  # "the Kingdom's Ministry of Finance"
        if len(run) > n and possessive and owner is not None:
            body = list(self.doc[run[n].i : run[-1].i + 1])  # "Norway's Ministry of Defence"
            if any(self.persons.state_code(t.text) for t in body):  # a name with its state
                return Speaker(
                    self.text[body[0].idx : run[-1].idx + len(run[-1].text)], "organisation"
                )
            return Speaker(self._canonical_body(owner, body), "organisation")
        name = self.text[run[0].idx : run[-1].idx + len(run[-1].text)]
        if len(run) == 1 and run[0].text.isupper():
            name = self._acronyms.get(run[0].text, name)
        name = self.persons.government_of(name) or name  # "Beijing said": Chinese government
        one_word = len(run) == 1 or not re.search(r"\s", name)  # "Abd-Elaty"
        person = self.persons.resolve(name, near=tok.idx) if one_word else None
        if person is not None:
            if self._owner_of_role(run[0]):
                return None  # "Roe's spokesman" is not Roe
            return Speaker(person.name, "person")
        single = run[0] if len(run) == 1 and not run[0].text.isupper() else None
        known = self._known_org(name) or self._known_org(single.text) if single else False
        if single is not None and single.ent_type_ not in _ORG_LABELS and not known:
            return None  # a surname never introduced with a full name, or anything untagged
        if found is None:  # "the Joint Chiefs of Staff" after "Chile's Joint Chiefs of Staff"
            name = self._with_state(name)
        return Speaker(name, "organisation")

    def _with_state(self, name: str) -> str:
        """A body's name (two words or more, none of them a state's) in the fullest form the
        article gives it: with the one state it names right before it ("Chile's Joint Chiefs
        of Staff", "the Chilean Joint Chiefs of Staff" -> "Chilean Joint Chiefs of Staff")."""
        words = name.split()
        if len(words) < 2 or any(self.persons.state_code(w) for w in words):
            return name
        outlet = any(w.lower() in _OUTLET_WORDS for w in words)
        if outlet or self.persons.alias_kinds(name):
            return name  # a news outlet or a name the gazetteer knows goes by its own name
        owners: dict[str, Any] = {}
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", self.text):
            if self.in_quote(m.start()):
                continue
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span.start == 0:
                continue
            j = span.start - 1 if self.doc[span.start - 1].lower_ in {"'s", "’s"} else span.start
            for k in (2, 1):
                state = self.doc[max(0, j - k) : j]
                if len(state) == k and state[0].pos_ != "DET" and state[-1].pos_ != "ADP":
                    code = self.persons.state_code(state.text)
                    if code:
                        owners.setdefault(code, state)
                        break
        if len(owners) != 1:
            return name
        owner = next(iter(owners.values()))
        government = self.persons.government_of(owner.text)  # "Chilean government"
        if government is None:
            demonym = "demonym" in self.persons.alias_kinds(owner.text)
            return f"{owner.text} {name}" if demonym else name
        return f"{government.rsplit(' ', 1)[0]} {name}"

    def _country_before(self, tok: Any) -> Any | None:
        """The state "the country" stands for: the last state that is a subject, or owns
        the subject ("Somalia's response was ..."), in this sentence or the two before."""
        sent = tok.sent
        for _ in range(3):
            found = [
                e
                for e in sent.ents
                if e.label_ == "GPE" and e.end <= tok.i and not self.in_quote(e.start_char)
                if e.root.dep_ in _SUBJECTS
                or (e.root.dep_ == "poss" and e.root.head.dep_ in _SUBJECTS)
                if self.persons.state_code(e.text)
            ]
            if found:
                return found[-1]
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
        return None

    def _role_initials(self, tok: Any) -> Speaker | None:
        """The person a role's initials stand for ("the PS" after "Principal Secretary Jane
        Roe", "the PM"): the last who spoke or acted whose title, as the article sets it
        before the name, opens or ends with those initials, a few paragraphs back at most."""
        line = self.line_of(tok.idx)
        for event in self._events_back(tok.idx):
            if self._paragraph_gap(event.line, line) > LOOKBACK_LINES:
                break
            who = event.speaker
            if who is not None and who.kind == "person" and tok.text in self._initials(who.name):
                return Speaker(who.name, "person")
        return None

    def _initials(self, name: str) -> set[str]:
        """The initials of the titles set before a person's mentions, and of their role:
        {"PS", "PSFA"...} for "Principal Secretary for Foreign Affairs Jane Roe"."""
        found: set[str] = set()
        p = self.persons.get(name)
        titles = [p.role] if p is not None and p.role else []
        for m in self.persons.mentions:
            if m.name == name:
                t = _TITLE_BEFORE.search(self.text, max(0, m.start - 80), m.start)
                titles += [t.group(1)] if t else []
        for title in titles:
            ws = [w for w in title.split() if w.lower() not in {"of", "for", "and", "the"}]
            initials = "".join(w[0] for w in ws).upper()
            found |= {initials[:k] for k in range(2, 5)} | {initials[-k:] for k in range(2, 5)}
        return found

    def _group_before(self, tok: Any) -> Speaker | None:
        """ "Hezbollah fired rockets. The Iran-backed group said ...": the organisation last
        a subject (outside quotes, a few paragraphs back at most) that is no state and no
        state's body (its name does not open with a state: not "Israel Defense Forces")."""
        line = self.line_of(tok.idx)
        for k in range(tok.i - 1, -1, -1):
            t = self.doc[k]
            if self._paragraph_gap(self.line_of(t.idx), line) > LOOKBACK_LINES:
                break
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.pos_ != "PROPN" or self.in_quote(t.idx):
                continue
            first = min(t.subtree, key=lambda w: w.i)
            first = first if first.pos_ != "DET" else self.doc[first.i + 1]
            if self.persons.state_code(first.text):
                continue
            who = self.resolve_phrase(t)
            if who is not None and who.kind == "organisation":
                return who
        return None

    def _joining_hyphen(self, k: int) -> bool:
        """A hyphen inside a word ("Ben-Youssaf"), not a dash set between spaces."""
        tok = self.doc[k]
        return tok.text == "-" and not tok.whitespace_ and not self.doc[k - 1].whitespace_

    def _known_org(self, word: str) -> bool:
        """A word that names an agency or body ("Xinhua"), is one the gazetteer knows, or is
        tagged ORG elsewhere."""
        if self.lex.kinds(word) & {"credit", "orgword"} or self.persons.alias_kinds(word):
            return True
        if self._org_words is None:  # read once per document
            self._org_words = frozenset(t.text for t in self.doc if t.ent_type_ == "ORG")
        return word in self._org_words

    def _find_acronyms(self) -> dict[str, str]:
        """ "JMPS" -> "Japan Maritime Patrol Service" when the article spells the name out."""
        found = self._spelt_out_acronyms()
        for ent in self.doc.ents:
            if ent.label_ not in {"ORG", "NORP", "GPE", "FAC"}:
                continue
            ws = [w.text for w in nm.words(span_text(ent)) if w.text.lower() != "the"]
            caps = [w for w in ws if w[:1].isupper()]
            parts = [p for w in caps for p in w.split("-") if p[:1].isupper()]
            if len(caps) >= 2:
                found.setdefault("".join(w[0] for w in caps), " ".join(ws))
                found.setdefault("".join(p[0] for p in parts), " ".join(ws))
        return found

    def _spelt_out_acronyms(self) -> dict[str, str]:
        """ "the Joint Chiefs of Staff (JCS)": an acronym in brackets right after the
        capitalised words whose initials it is."""
        found: dict[str, str] = {}
        for m in _BRACKETED.finditer(self.text):
            acronym, initials = m.group(1), ""
            taken: list[str] = []
            for w in reversed(self.text[max(0, m.start() - _NAME_REACH) : m.start()].split()):
                if w[:1].isupper():
                    initials = w[0] + initials
                elif not (initials and w in {"of", "for", "and", "on"}):
                    break
                taken.insert(0, w)
                if len(initials) >= len(acronym):
                    break
            if initials == acronym and taken[0][:1].isupper():
                found.setdefault(acronym, " ".join(taken))
        return found
