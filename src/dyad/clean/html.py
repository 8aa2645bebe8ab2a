"""HTML cleaning through trafilatura: main text, title and the date the page's metadata gives.

libxml2 (under lxml, under trafilatura) stops parsing a page at 256 levels of nesting (or a
text node over 10 MB): the tree it returns ends there and every word after it is lost. Such a
page gets its text from a streaming tokenizer instead (``_stream_text``: no tree, so no
depth, linear in the page), while trafilatura still gives the title and date from the tree's head.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from dyad.errors import IngestError

log = logging.getLogger(__name__)

# Elements whose text is no text of the page.
_SKIPPED = frozenset({"script", "style", "noscript", "template", "title", "head"})
# Elements that begin and end a block of text (a paragraph, an item, a cell...).
_BLOCKS = frozenset(
    (
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    )
)  # fmt: skip
_DEPTH_LIMIT = re.compile(r"excessive depth", re.I)


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
    if _truncated(html):
        log.info("%s: HTML nested too deeply for a tree; its text is read as a stream", source)
        text = _stream_text(html)
    elif not text or not text.strip():
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


def _truncated(html: str) -> bool:
    """Whether libxml2 stops before the page's end (nesting past its depth limit, a resource
    limit): the same parse as trafilatura's, its error log read."""
    from lxml.etree import ParserError
    from lxml.html import HTMLParser as LxmlParser
    from lxml.html import fromstring

    parser = LxmlParser(collect_ids=False, default_doctype=False, encoding="utf-8")
    with contextlib.suppress(ParserError, ValueError):  # the error log says what stopped it
        fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    return any(
        e.type_name == "ERR_RESOURCE_LIMIT" or _DEPTH_LIMIT.search(e.message)
        for e in parser.error_log
    )


class _TextStream(HTMLParser):
    """The text of a page, one line per block element, without building a tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _stream_text(html: str) -> str:
    """Every block of text in a page, in order, scripts, styles and the head left out."""
    stream = _TextStream()
    stream.feed(html)
    stream.close()
    lines = "".join(stream.parts).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


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
