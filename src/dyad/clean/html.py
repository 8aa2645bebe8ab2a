"""HTML cleaning through trafilatura: main text, title and the date the page's metadata gives."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from dyad.errors import IngestError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None  # ISO date from the page's metadata (htmldate via trafilatura)


def extract_html(html: str, source: str) -> HtmlExtract:
    """The article in an HTML page. Raises IngestError when the page holds no article text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise IngestError(source, f"HTML could not be parsed ({exc})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        # A fragment too short for trafilatura's article heuristics: take all its text.
        text = _all_text(html)
    if not text.strip():
        raise IngestError(source, "HTML page has no article text")
    title = getattr(doc, "title", None) or None
    date = getattr(doc, "date", None) or None
    # trafilatura separates paragraphs by one newline; dyad's paragraphs are blank-line separated.
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    body = "\n\n".join(paragraphs)
    if title and paragraphs and paragraphs[0] != title.strip():
        body = f"{title.strip()}\n\n{body}"
    return HtmlExtract(text=body + "\n", title=title, date=str(date) if date else None)


def _all_text(html: str) -> str:
    """Every paragraph of text in an HTML fragment, scripts and styles left out."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h1|//h2|//h3|//li|//blockquote") or [root]
    return "\n".join(" ".join(b.text_content().split()) for b in blocks)
