"""Page furniture removed by general rules; offsets of the cleaned text map to the original."""

from __future__ import annotations

from dyad.clean.html import extract_html
from dyad.clean.text import clean_text, is_furniture


def test_menu_and_account_lines_are_furniture() -> None:
    for line in ["Log In", "Sign up", "• MENU", "Share  Tweet  Email", "Read more", "Home | World"]:
        assert is_furniture(line), line


def test_prompts_are_furniture() -> None:
    assert is_furniture("Enjoying this story? Subscribe now for full access. Just $3 a month.")
    assert is_furniture("Comments are moderated and may take a day to appear.")
    assert is_furniture("Join our WhatsApp channel for breaking news!")


def test_article_sentences_are_not_furniture() -> None:
    for line in [
        "Kenya and Uganda signed a trade deal on Monday.",
        "The minister said he would share details with parliament next week.",
        "Search teams were sent to the border, officials said.",
    ]:
        assert not is_furniture(line), line


def test_cleaning_keeps_offsets_and_paragraphs() -> None:
    original = (
        "Log In\n\n    MENU\n\n    Brazil and Argentina agree on tariffs\n\n"
        "    Officials from both countries met in Brasilia.\n\nRead more\n"
    )
    cleaned = clean_text(original)
    assert cleaned.text == (
        "Brazil and Argentina agree on tariffs\n\nOfficials from both countries met in Brasilia.\n"
    )
    at = cleaned.text.index("Brasilia")
    assert original[cleaned.to_original(at) :].startswith("Brasilia")
    assert "Log In" in cleaned.removed and "Read more" in cleaned.removed


def test_single_newline_articles_become_paragraphs() -> None:
    original = "First paragraph ends here.\nSecond one begins and ends.\nThird says more.\n"
    assert clean_text(original).text.count("\n\n") == 2


def test_hard_wrapped_text_is_not_split_into_paragraphs() -> None:
    line = "word " * 14
    original = "\n".join([line.strip()] * 6) + ".\n"
    assert "\n\n" not in clean_text(original).text


def test_html_goes_through_trafilatura() -> None:
    html = (
        "<html><head><title>Peru and Chile talks</title>"
        '<meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>'
        "<body><nav>Home Log in</nav><article><h1>Peru and Chile talks</h1>"
        "<p>LIMA -- Peru and Chile held talks on Tuesday about the maritime border, officials "
        "said in a statement released late in the evening.</p>"
        "<p>The talks are expected to continue next week in Santiago with other delegations.</p>"
        "</article><footer>Subscribe now</footer></body></html>"
    )
    out = extract_html(html, "page.html")
    assert out.title == "Peru and Chile talks"
    assert out.date == "2021-03-04"
    assert "maritime border" in out.text and "Subscribe" not in out.text
    assert "\n\n" in out.text


def test_short_html_fragment_keeps_its_text() -> None:
    out = extract_html("<p>Ghana and Togo reopened their border on Friday.</p>", "frag.html")
    assert "Ghana and Togo reopened their border" in out.text
