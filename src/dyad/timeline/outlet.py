"""The outlet that published an article: from its page's metadata, else its URL's host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SITE_META = re.compile(
    r"""<meta\s+[^>]*?(?:property|name)\s*=\s*["'](?:og:site_name|application-name|"""
    r"""publisher|dc\.publisher)["'][^>]*>""",
    re.I,
)
_CONTENT = re.compile(r"""content\s*=\s*["']([^"']{1,80})["']""", re.I)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):(?!\d)", re.I)
_HOST = re.compile(r"^[a-z0-9.-]+$")
_CANONICAL = re.compile(
    r"""<link\s+[^>]*rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']""", re.I
)


def outlet_of(url: str | None, kind: str = "text", original: str = "") -> str | None:
    """The outlet's name from an HTML page's site-name metadata, else the host of the article's
    URL (or of the page's canonical link) without ``www.``; None when nothing tells."""
    if kind == "html" and original:
        head = original[:20000]
        meta = _SITE_META.search(head)
        if meta:
            content = _CONTENT.search(meta.group(0))
            if content and content.group(1).strip():
                return content.group(1).strip()
        if not url:
            canonical = _CANONICAL.search(head)
            url = canonical.group(1) if canonical else None
    return host_of(url)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    scheme = _SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None  # javascript:, mailto:, data: ... name no outlet
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    if not host or "." not in host or not _HOST.match(host):
        return None
    return host[4:] if host.startswith("www.") else host
