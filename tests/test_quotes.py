"""Quotes: quotation marks, and speakers read with the parse.

Every sentence and name here is written for the test. Finding the marks needs no model; the
speakers need the real parse (``model``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

import pytest

from dyad.nlp.quotes import extract_quotes, find_quote_spans
from dyad.resolve.gazetteer import Office


def spans(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


# -- marks: no model ----------------------------------------------------------------------------


def test_straight_and_curly_double_marks() -> None:
    text = 'He said "we will go on talking." She said “the door stays open for now.”'
    assert spans(text) == ["we will go on talking.", "the door stays open for now."]


def test_mixed_marks_pair() -> None:
    assert spans('a "quasi-formal alliance” of the two') == ["quasi-formal alliance"]


def test_interrupted_quote_gives_two_spans() -> None:
    text = "“The first part is here,” she said. “And the second part follows.”"
    assert spans(text) == ["The first part is here", "And the second part follows."]


def test_quote_ending_a_sentence_is_not_joined_to_the_next() -> None:
    text = 'Officials called the report "wholly untrue." "We have nothing to hide," he said.'
    assert spans(text) == ["wholly untrue.", "We have nothing to hide"]
    # with no sentence end between them, two marked runs are still one quote
    assert spans('She called it "a step" "in the right direction" today.') == [
        'a step" "in the right direction'
    ]


def test_single_curly_marks_not_apostrophes() -> None:
    text = "Minister calls it a ‘turning point for trade’ as the country’s exports rise"
    assert spans(text) == ["turning point for trade"]
    assert spans("It’s the countries’ best year, and the rivals’ worst.") == []


def test_straight_single_marks_in_headline() -> None:
    text = "Capital condemns 'an unfriendly act' and vows to 'defend its interests' today"
    assert spans(text) == ["an unfriendly act", "defend its interests"]
    assert spans("Sales rose in the '90s and the firm's rock 'n' roll era") == ["n"]


def test_unmatched_mark_loses_only_its_line() -> None:
    text = (
        'He said "this mark is never closed and runs on\n\n'
        'Later she said "the next quote is fine."\n\n'
        "“A paragraph of quote that goes on\n\n"
        "“into the next paragraph,” he said.\n\n"
        "The text is cut off here: “We will not"
    )
    assert spans(text) == [
        "this mark is never closed and runs on",
        "the next quote is fine.",
        "A paragraph of quote that goes on",
        "into the next paragraph",
        "We will not",  # a text cut off inside a quote keeps what it has
    ]


# -- speakers: the real model ---------------------------------------------------------------------


class FakeGazetteer:
    STATES = MappingProxyType(
        {
            "Russian": "RUS",
            "Kremlin": "RUS",
            "Polish": "POL",
            "Indian": "IND",
            "U.S.": "USA",
            "Japanese": "JPN",
            "Egypt": "EGY",
        }
    )

    def state_code(self, mention: str) -> str | None:
        return self.STATES.get(mention.strip())

    def offices_of(self, name: str, on: date | None = None) -> list[Office]:
        return []


def quotes_of(text: str) -> list[tuple[str | None, str]]:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    doc = parse(text)
    persons = extract_persons(doc, FakeGazetteer(), doc_id="t")
    return [(q.speaker, q.text) for q in extract_quotes(doc, persons, doc_id="t")]


def speakers(text: str) -> list[str | None]:
    return [s for s, _ in quotes_of(text)]


@pytest.mark.model
def test_said_before_after_and_reversed() -> None:
    text = (
        "Polish President Anna Kowalska met the envoy on Monday.\n\n"
        "“We are ready to sign the deal soon,” Kowalska said.\n\n"
        "“Nobody expected such quick progress,” said Maria Lind, a senior lecturer at "
        "Northfield University."
    )
    assert quotes_of(text) == [
        ("Anna Kowalska", "We are ready to sign the deal soon"),
        ("Maria Lind", "Nobody expected such quick progress"),
    ]


@pytest.mark.model
def test_pronoun_takes_the_last_speaker_not_a_name_in_the_quote() -> None:
    text = (
        "Polish President Anna Kowalska arrived in the capital on Monday.\n\n"
        "The visit is about trade, said Jan Brandt, a senior fellow at the Northfield "
        "Institute.\n\n"
        "“Kowalska needs a quick win before the vote at home,” he said. “That is why she came.”"
    )
    assert speakers(text) == ["Jan Brandt", "Jan Brandt"]


@pytest.mark.model
def test_colon_told_and_according_to() -> None:
    text = (
        "Russian Foreign Minister Ivan Sokolov spoke after the talks.\n\n"
        "Sokolov told reporters: “We have found common ground on most issues.”\n\n"
        "“The second round will be in the spring,” Sokolov told Kowalski.\n\n"
        "The talks were “frank and very useful,” according to Maria Lind, who attended them."
    )
    assert speakers(text) == ["Ivan Sokolov", "Ivan Sokolov", "Maria Lind"]


@pytest.mark.model
def test_quoted_leader_resolved_by_role_and_state() -> None:
    text = (
        "Indian Prime Minister Ravi Menon met U.S. President Laura Hayes on Friday.\n\n"
        "“Our ties have never been this strong,” the wire service quoted the Indian leader "
        "as saying.\n\n"
        "Hours later the U.S. leader replied to Menon: “We want to double our "
        "trade within five years.”"
    )
    assert speakers(text) == ["Ravi Menon", "Laura Hayes"]


@pytest.mark.model
def test_partial_quote_and_statement() -> None:
    text = (
        "Kowalska, the Polish president, called the accord a “turning point for the region” "
        "on Tuesday.\n\n"
        "Anna Kowalska also said in a statement that both sides would “work without delay on "
        "the details.”"
    )
    assert speakers(text) == ["Anna Kowalska", "Anna Kowalska"]


@pytest.mark.model
def test_organisations_speak() -> None:
    text = (
        "The Japan Maritime Patrol Service said two ships entered the zone. “Our vessels "
        "followed them at a safe distance,” the JMPS said.\n\n"
        "The Kremlin said the exercise was “routine and planned long in advance.”\n\n"
        "The drills will “strengthen regional stability,” according to a Polish Interior "
        "Ministry statement."
    )
    assert speakers(text) == [
        "Japan Maritime Patrol Service",
        "Kremlin",
        "Polish Interior Ministry",
    ]


@pytest.mark.model
def test_no_speaker_rather_than_a_guess() -> None:
    text = "The crowd carried banners reading “no more war in our time” through the square."
    assert quotes_of(text) == [(None, "no more war in our time")]


@pytest.mark.model
def test_short_quotes_titles_and_repeats_dropped() -> None:
    text = (
        "Minister Warns Of ‘Hard Choices Ahead’\n\n"
        "The band played the song “Evening In The Old Harbour” as guests arrived, calling the "
        "night “magical” and a “great success.”\n\n"
        "Anna Kowalska warned of “very hard choices ahead” for the coalition."
    )
    assert quotes_of(text) == [("Anna Kowalska", "very hard choices ahead")]


@pytest.mark.model
def test_continued_paragraph_and_run_of_sentences() -> None:
    text = (
        "“We will defend our own waters,” Egypt’s President Omar Farouk said on Sunday.\n\n"
        "“We have no claims on anyone. We only ask for what is fair.”\n\n"
        "“The first paragraph of a long statement goes here\n\n"
        "“and it ends in this one,” Farouk added."
    )
    assert quotes_of(text) == [
        ("Omar Farouk", "We will defend our own waters"),
        ("Omar Farouk", "We have no claims on anyone. We only ask for what is fair."),
        ("Omar Farouk", "The first paragraph of a long statement goes here"),
        ("Omar Farouk", "and it ends in this one"),
    ]


@pytest.mark.model
def test_provenance_points_at_the_quote() -> None:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    text = "Nothing here.\n\n“We are ready to talk at any time,” Kowalska said."
    doc = parse(text)
    (q,) = extract_quotes(doc, extract_persons(doc, None, doc_id="d"), doc_id="d")
    assert text[q.provenance.start : q.provenance.end] == q.text
    assert q.provenance.doc_id == "d" and "Kowalska said" in q.provenance.sentence


def test_british_single_marks_with_plural_possessive() -> None:
    text = "‘Both our countries’ navies will patrol together from now on,’ she said."
    assert spans(text) == ["Both our countries’ navies will patrol together from now on"]


@pytest.mark.model
def test_british_style_and_spokesperson_of_an_office() -> None:
    text = (
        "The opposition leader, Nora Quist, called the plan ‘a gimmick that fixes nothing’.\n\n"
        "A Harbour Office spokesperson said: ‘We will not comment on operational matters.’"
    )
    assert speakers(text) == ["Nora Quist", "Harbour Office"]


@dataclass(frozen=True)
class Alias:
    text: str
    code: str
    kind: str


class GazetteerWithAliases(FakeGazetteer):
    ALIASES = (Alias("Norway", "NOR", "name"), Alias("Oslo", "NOR", "capital"))
    DEMONYMS = (Alias("Norwegian", "NOR", "demonym"),)

    def lookup(self, mention: str) -> tuple[Alias, ...]:
        return tuple(a for a in self.ALIASES if a.text == mention)

    def aliases_of(self, code: str) -> tuple[Alias, ...]:
        return tuple(a for a in self.ALIASES + self.DEMONYMS if a.code == code)


@pytest.mark.model
def test_a_capital_speaking_is_its_government() -> None:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    text = "Oslo called the seizure of the trawler “an act of piracy on the high seas.”"
    doc = parse(text)
    for gazetteer, want in ((GazetteerWithAliases(), "Norwegian government"), (None, "Oslo")):
        persons = extract_persons(doc, gazetteer, doc_id="t")
        (quote,) = extract_quotes(doc, persons, doc_id="t")
        assert (quote.speaker, quote.speaker_kind) == (want, "organisation")


def test_surface_patterns_without_a_parse() -> None:
    import spacy

    from dyad.nlp.persons import extract_persons

    text = (
        "Anna Kowalska arrived. “We will win the vote soon,” Kowalska said. "
        "“It will take some time,” said Anna Kowalska. Kowalska said: “We are ready for it.”"
    )
    doc = spacy.blank("en")(text)  # no parser, no sentences: the patterns still read it
    doc.ents = [doc.char_span(0, 13, label="PERSON")]
    persons = extract_persons(doc, None, doc_id="t")
    got = [(q.speaker, q.text) for q in extract_quotes(doc, persons, doc_id="t")]
    assert got == [
        ("Anna Kowalska", "We will win the vote soon"),
        ("Anna Kowalska", "It will take some time"),
        ("Anna Kowalska", "We are ready for it."),
    ]


@pytest.mark.model
def test_the_ministry_is_the_ministry_named_before() -> None:
    text = (
        "The Freedonian Defence Ministry said the drills would continue.\n\n"
        "“Our forces will remain in the area for as long as needed,” the ministry said."
    )
    assert speakers(text) == ["Freedonian Defence Ministry"]


# -- speakers across regions and styles (all names invented) -------------------------------------


class RegionGazetteer(FakeGazetteer):
    """States, capitals, seats and demonyms of several regions, with ``lookup``."""

    ALIASES = (
        Alias("Argentina", "ARG", "name"),
        Alias("Buenos Aires", "ARG", "capital"),
        Alias("Argentine", "ARG", "demonym"),
        Alias("Brazilian", "BRA", "demonym"),
        Alias("Peru", "PER", "name"),
        Alias("Kenya", "KEN", "name"),
        Alias("Egypt", "EGY", "name"),
        Alias("Egyptian", "EGY", "demonym"),
        Alias("Somali", "SOM", "demonym"),
        Alias("Kremlin", "RUS", "seat"),
        Alias("Russian", "RUS", "demonym"),
        Alias("White House", "USA", "seat"),
        Alias("Chinese", "CHN", "demonym"),
        Alias("Indian", "IND", "demonym"),
        Alias("Pakistani", "PAK", "demonym"),
        Alias("Polish", "POL", "demonym"),
    )

    def lookup(self, mention: str) -> tuple[Alias, ...]:
        return tuple(a for a in self.ALIASES if a.text == mention.strip())

    def aliases_of(self, code: str) -> tuple[Alias, ...]:
        return tuple(a for a in self.ALIASES if a.code == code)

    def state_code(self, mention: str) -> str | None:
        codes = {a.code for a in self.lookup(mention)}
        return codes.pop() if len(codes) == 1 else None


def region_speakers(text: str) -> list[str | None]:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    doc = parse(text)
    persons = extract_persons(doc, RegionGazetteer(), doc_id="t")
    names = [p.name for p in persons.persons]
    assert "Buenos Aires" not in names
    return [q.speaker for q in extract_quotes(doc, persons, doc_id="t")]


@pytest.mark.model
def test_a_capital_never_speaks_for_she() -> None:
    text = (
        "Lucia Ferreyra, Argentina’s foreign minister, said Buenos Aires had no plan to leave "
        "the bloc. “We are staying exactly where we are,” she said.\n\n"
        "BUENOS AIRES, Argentina (AP) — Lucia Ferreyra, Argentina’s foreign minister, said "
        "Buenos Aires would stay. “Nobody is leaving the bloc,” she said."
    )
    assert region_speakers(text) == ["Lucia Ferreyra", "Lucia Ferreyra"]


@pytest.mark.model
def test_she_is_the_last_woman_named_when_no_subject_is() -> None:
    text = (
        "The deal was praised on Monday by Rosa Quispe, Peru’s trade minister, in Lima.\n\n"
        "“It opens new markets for our farmers,” she said."
    )
    assert region_speakers(text) == ["Rosa Quispe"]


@pytest.mark.model
def test_relative_clause_speaker_is_the_antecedent() -> None:
    text = (
        "Argentine President Tomas Varela met Brazilian President Joao Mendes on Saturday.\n\n"
        "Varela, who once called Mendes “a dangerous populist,” did not repeat the insult.\n\n"
        "Kenya’s President Daniel Otieno, who called the attack “a cowardly act of terror,” "
        "flew to the border on Sunday."
    )
    assert region_speakers(text) == ["Tomas Varela", "Daniel Otieno"]


@pytest.mark.model
def test_quoted_him_as_saying() -> None:
    text = (
        "Egyptian President Omar Farouk received his Somali counterpart in Cairo on Sunday.\n\n"
        "“Egypt will not allow anyone to threaten its neighbours,” the statement quoted him "
        "as saying."
    )
    assert region_speakers(text) == ["Omar Farouk"]


@pytest.mark.model
def test_unnamed_spokespeople_speak_for_their_institution() -> None:
    text = (
        "“The talks were long but useful,” a Kremlin spokesman said.\n\n"
        "“We reject these claims entirely,” a White House spokeswoman told reporters.\n\n"
        "“Our position on the border has not changed,” a Chinese Commerce Ministry spokesperson "
        "said.\n\n"
        "“Nothing was agreed at the meeting,” a Russian spokesman said."
    )
    assert region_speakers(text) == ["Kremlin", "White House", "Chinese Commerce Ministry", None]


@pytest.mark.model
def test_named_spokesman_then_an_unnamed_one() -> None:
    text = (
        "Kremlin spokesman Ivan Sokolov said the talks were “useful but difficult.”\n\n"
        "“We will meet again in the spring,” the Kremlin spokesman said.\n\n"
        "A Kremlin spokesman later added that “no date has been set yet.”"
    )
    assert region_speakers(text) == ["Ivan Sokolov", "Ivan Sokolov", "Kremlin"]


@pytest.mark.model
def test_statement_from_an_institution() -> None:
    text = (
        "The two leaders agreed “to continue close coordination on all regional issues,” "
        "according to a statement from the Egyptian presidency.\n\n"
        "Both sides will “keep the hotline open at all times,” according to a statement by the "
        "Indian foreign ministry."
    )
    assert region_speakers(text) == ["Egyptian Presidency", "Indian Foreign Ministry"]


@pytest.mark.model
def test_told_reporters_said_in_a_statement_and_honorifics() -> None:
    text = (
        "Pakistani Foreign Minister Ayesha Rana met Indian Foreign Minister Vikram Sethi.\n\n"
        "“We discussed the border in great detail,” Rana told reporters in Islamabad.\n\n"
        "Sethi said in a statement: “India wants calm on the frontier.”\n\n"
        "Ms. Rana said the talks were “a first step and only a first step.” Mr. Sethi agreed, "
        "calling them “a good start for both of us.”"
    )
    assert region_speakers(text) == ["Ayesha Rana", "Vikram Sethi", "Ayesha Rana", "Vikram Sethi"]


@pytest.mark.model
def test_quote_over_a_paragraph_break_in_single_marks() -> None:
    text = (
        "Polish Prime Minister Marta Zielinska spoke after the summit in Warsaw.\n\n"
        "‘We have waited many years for an agreement of this kind\n\n"
        "‘and now we must make it work for everyone,’ she said."
    )
    assert region_speakers(text) == ["Marta Zielinska", "Marta Zielinska"]


@pytest.mark.model
def test_a_joint_declaration_speaks_under_its_name() -> None:
    text = (
        "Ethiopian Prime Minister Dawit Alemu and Sudanese leader Omar Kamal met on Monday. In a "
        "declaration issued at the end of the talks, both leaders “committed to resolving all "
        "disputes over the dam peacefully.”\n\n"
        "The Lake Tana Declaration, named after the lake where the talks took place, was "
        "welcomed across the region.\n\n"
        "In a joint statement issued later, they “agreed to deepen cooperation in energy and "
        "trade.”"
    )
    assert region_speakers(text) == ["Lake Tana Declaration", "joint statement"]


@pytest.mark.model
def test_a_title_and_a_surname_alone_is_no_organisation() -> None:
    text = (
        "“There can be no military solution to this conflict,” said Mr. Haddad, who spoke at "
        "the assembly in New York.\n\n"
        "Iran’s President Reza Karimi spoke first. His foreign minister, Leila Navabi, later "
        "said Tehran “does not seek war but will defend itself.”"
    )
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons

    doc = parse(text)
    persons = extract_persons(doc, RegionGazetteer(), doc_id="t")
    got = [(q.speaker, q.speaker_kind) for q in extract_quotes(doc, persons, doc_id="t")]
    assert got == [(None, None), ("Leila Navabi", "person")]
    navabi = persons.get("Leila Navabi")
    assert navabi is not None and navabi.role == "foreign minister"


@pytest.mark.model
def test_he_and_she_after_two_ministers_meet() -> None:
    text = (
        "Kenyan Foreign Minister Peter Wafula met his Somali counterpart, Amina Warsame, in "
        "Nairobi. “The border will reopen next month,” he said. “Trade will follow quickly,” "
        "she said."
    )
    assert region_speakers(text) == ["Peter Wafula", "Amina Warsame"]


@pytest.mark.model
def test_headline_colon_quoting_and_would_respond() -> None:
    text = (
        "Farouk: ‘Egypt will not allow threats to its neighbours’\n\n"
        "Otieno to Kato: “Let us build the pipeline together”\n\n"
        "Egyptian President Omar Farouk met Kenyan President Daniel Otieno and Ugandan "
        "President Moses Kato in Cairo.\n\n"
        "“We want peace with every neighbour,” the statement said, quoting Farouk.\n\n"
        "Mexican President Lucia Romero said Mexico would respond to the tariffs “with calm "
        "and a cool head.”"
    )
    assert region_speakers(text) == ["Omar Farouk", "Daniel Otieno", "Omar Farouk", "Lucia Romero"]


@pytest.mark.model
def test_a_quote_over_three_paragraphs_after_another_speaker() -> None:
    text = (
        "Jan Brandt, a senior fellow at the Northfield Institute, said the deal was “good for "
        "both sides.”\n\n"
        "“We have waited many years for an agreement of this kind\n\n"
        "“We have talked to everyone in the region about it\n\n"
        "“and now we must make it work for everyone,” Polish Prime Minister Marta Zielinska "
        "said."
    )
    assert region_speakers(text) == ["Jan Brandt"] + ["Marta Zielinska"] * 3


@pytest.mark.model
def test_an_unnamed_minister_is_not_the_minister_named_before() -> None:
    text = (
        "Pakistani Interior Minister Tariq Rana met the envoy in Islamabad.\n\n"
        "“We will not accept this at all,” a Pakistani minister said.\n\n"
        "“Our borders stay closed for now,” the Pakistani minister said."
    )
    assert region_speakers(text) == [None, "Tariq Rana"]


@pytest.mark.model
def test_joint_documents_speak() -> None:
    text = (
        "Freedonian President Anna Kowalska and Sylvanian leader Marek Duda met in Geneva.\n\n"
        "A joint declaration released after the talks between Kowalska and Duda said the two "
        "states “will settle every dispute by peaceful means alone.”\n\n"
        "Later, the two leaders signed a joint communique stating that “the border question is "
        "closed for good.”\n\n"
        "In a joint statement, the two sides said they “will reopen consulates within three "
        "months.”\n\n"
        "The two ministers pledged “to restore direct flights before the summer”, the statement "
        "said.\n\n"
        "Both governments will “respect each other’s territorial integrity”, according to the "
        "joint statement.\n\n"
        "The statement, which had been drafted for weeks, will cover “the most pressing issues, "
        "including trade,” Duda said."
    )
    assert region_speakers(text) == [
        "joint declaration",
        "joint communique",
        "joint statement",
        "joint statement",
        "joint statement",
        "Marek Duda",
    ]


@pytest.mark.model
def test_a_statement_without_a_joint_one_before_is_nobody() -> None:
    text = "The ministers pledged “to restore direct flights by summer”, the statement said."
    assert region_speakers(text) == [None]


@pytest.mark.model
def test_speaker_in_an_appositive_after_a_mission() -> None:
    text = (
        "Sylvania recalled its ambassador from Lumen for consultations in May after Freedonia's "
        "envoy to the United Nations, Omar Hadid, circulated a note backing “self-rule for the "
        "coastal provinces”.\n\n"
        "The spokesman for the navy’s Southern Fleet, Capt. Jonas Berg, said the islands “have "
        "always belonged to Freedonia.”\n\n"
        "The ambassador to the UN, Maria Lind, said the council “must act before it is too late.”"
    )
    assert region_speakers(text) == ["Omar Hadid", "Jonas Berg", "Maria Lind"]


def test_a_full_stop_between_quotes_keeps_them_apart() -> None:
    text = "She called the offer ‘unacceptable’. ‘We will not sign anything like it,’ she said."
    assert spans(text) == ["unacceptable", "We will not sign anything like it"]


@pytest.mark.model
def test_a_short_lowercase_quote_with_a_place_is_no_title() -> None:
    text = (
        "Freedonian President Anna Kowalska denied the reports and accused “those in Lumen” of "
        "spreading rumours."
    )
    assert quotes_of(text) == [("Anna Kowalska", "those in Lumen")]


@pytest.mark.model
def test_a_phrase_repeated_by_another_speaker_is_kept() -> None:
    text = (
        "Freedonian Foreign Minister Anna Kowalska met Sylvanian Foreign Minister Marek Duda.\n\n"
        "Kowalska said her country wanted “a fair and lasting settlement”. Duda said he too "
        "wanted a “fair and lasting settlement” but not at any price.\n\n"
        "Kowalska later repeated that she wanted “a fair and lasting settlement”."
    )
    assert quotes_of(text) == [
        ("Anna Kowalska", "a fair and lasting settlement"),
        ("Marek Duda", "fair and lasting settlement"),
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        '"We reject these claims entirely," Japan\'s foreign ministry said on Monday.',
        '"We reject these claims entirely," the Japanese foreign ministry said on Monday.',
        '"We reject these claims entirely," the foreign ministry of Japan said on Monday.',
    ],
)
def test_a_state_body_is_named_one_way(text: str) -> None:
    from dyad.nlp.model import parse
    from dyad.nlp.persons import extract_persons
    from dyad.nlp.quotes import extract_quotes
    from dyad.resolve.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    doc = parse(text)
    quotes = extract_quotes(doc, extract_persons(doc, gaz, doc_id="t"), doc_id="t")
    assert [q.speaker for q in quotes] == ["Japanese Foreign Ministry"]


@pytest.mark.model
def test_pronoun_after_a_reported_clause_is_the_reporter() -> None:
    text = (
        "Kenya’s Foreign Secretary Amani Njoroge said online that the staff would fly to "
        "Nairobi and that Tomas Quispe would return home “safe and well.” He said Kenya would "
        "not cut ties with Peru. “We keep our consulates open to serve everyone,” he wrote."
    )
    assert region_speakers(text) == ["Amani Njoroge", "Amani Njoroge"]


@pytest.mark.model
def test_the_foreign_ministry_without_a_state() -> None:
    named = (
        "Egypt’s foreign ministry said it had summoned the envoy.\n\n"
        "“The decision was taken after long consultation,” the foreign ministry said."
    )
    assert region_speakers(named) == ["Egyptian Foreign Ministry"]
    unnamed = (
        "Egypt and Kenya held talks on Monday.\n\n"
        "“The decision was taken after long consultation,” the foreign ministry said."
    )
    assert region_speakers(unnamed) == ["Foreign Ministry"]
