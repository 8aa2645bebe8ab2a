"""The page in a real headless Chromium (Debian's /usr/bin/chromium, driven by playwright with
that executable; playwright's own browsers are never downloaded). The app runs under uvicorn
in a thread on a free 127.0.0.1 port. Screenshots are written under out/.

``make test`` installs Chromium first (the ``browser`` target); without it these tests skip.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from dyad.web import create_app
from tests.conftest import REPO, SEEDS, SHARED
from tests.web_articles import HOSTILE_SENTENCE, HOSTILE_TITLE, build_store

CHROMIUM = Path("/usr/bin/chromium")
OUT = REPO / "out"
CLUSTERS = SHARED / "corpus" / "clusters"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (`make browser` installs it)",
    ),
]


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The app on ``db`` served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium context with a fresh profile, shared by this module's tests."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture(scope="module")
def invented_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("web-browser") / "web.db")
    with serving(db) as url:
        yield url


class Watched:
    """A page with every dialog and page error it raised."""

    def __init__(self, context: Any) -> None:
        self.page = context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def api(self, path: str) -> Any:
        return self.page.evaluate(f"fetch({json.dumps(path)}).then(r => r.json())")


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    try:
        yield w
    finally:
        w.page.close()


def choose_pair(page: Any, base: str, value: str) -> None:
    page.goto(base + "/")
    page.wait_for_selector(f'#pair option[value="{value}"]', state="attached")
    page.select_option("#pair", value)
    page.wait_for_selector("#timeline tbody tr")


def highlight_in_view(page: Any) -> bool:
    """Whether the highlighted span is inside the visible part of the document box."""
    return bool(
        page.evaluate(
            """() => {
              const m = document.getElementById('highlight');
              const box = document.getElementById('doc-text').getBoundingClientRect();
              const r = m.getBoundingClientRect();
              return r.top >= box.top - 1 && r.top < box.bottom && r.height > 0;
            }"""
        )
    )


def test_click_an_entry_opens_its_source_with_the_sentence_highlighted(
    watched: Watched, invented_site: str
) -> None:
    page = watched.page
    choose_pair(page, invented_site, "CHL|PER")
    rows = page.locator("#timeline tbody tr")
    assert rows.count() == 3
    assert page.locator("#axis .dot").count() == 3
    page.wait_for_selector("#index-chart rect.bar")  # the index loads after the rows
    assert page.locator("#index-chart rect.bar").count() >= 2
    api = watched.api("/api/timeline?a=CHL&b=PER")
    shared = next(e for e in api["entries"] if len(e["sources"]) == 2)
    page.click(f'#timeline tbody tr[data-entry-id="{shared["id"]}"]')
    page.wait_for_selector("#highlight")
    assert page.locator("#entry-body .source").count() == 2
    first = shared["sources"][0]
    assert page.text_content("#highlight") == first["sentence"]
    assert highlight_in_view(page)
    # the second article of the same event, at its own sentence
    second = shared["sources"][1]
    page.click('#entry-body .source button[data-source="1"]')
    page.wait_for_function(
        "s => document.getElementById('highlight')?.textContent === s", arg=second["sentence"]
    )
    assert second["doc_id"] in page.text_content("#doc-meta")
    # the address names the pair and the entry: opening it again shows the same
    link = page.url
    assert "#a=CHL&b=PER&entry=" in link
    page.goto("about:blank")
    page.goto(link)
    page.wait_for_selector("#highlight")
    assert page.text_content("#highlight") == first["sentence"]
    assert page.input_value("#pair") == "CHL|PER"
    assert not watched.dialogs and not watched.errors


def test_filters_by_type_status_years_and_outlet(watched: Watched, invented_site: str) -> None:
    page = watched.page
    choose_pair(page, invented_site, "CHL|PER")
    page.check('#f-types input[value="ACCUSE"]')
    page.click('#filters button[type="submit"]')
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 1")
    assert "ACCUSE" in page.text_content("#timeline tbody tr")
    assert "conf" in (page.get_attribute("#timeline tbody tr", "class") or "")
    page.click("#f-clear")
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 3")
    page.fill("#f-to", "2021")
    page.select_option("#f-outlet", "pacific-daily.test")
    page.click('#filters button[type="submit"]')
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 2")
    page.fill("#f-from", "2022")
    page.click('#filters button[type="submit"]')
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 0")
    page.click("#f-clear")
    page.select_option("#f-status", "planned")
    page.click('#filters button[type="submit"]')
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 0")
    assert not watched.errors


def test_quotes_by_person_and_search_open_the_document(
    watched: Watched, invented_site: str
) -> None:
    page = watched.page
    page.goto(invented_site + "/")
    page.click('.tabs button[data-tab="quotes"]')
    page.click('#speakers button[data-speaker="Ana Rivas"]')
    page.wait_for_selector("#quotes li blockquote")
    assert "This accord protects our coast." in page.text_content("#quotes")
    page.click("#quotes li button.open")
    page.wait_for_selector("#highlight")
    assert "This accord protects our coast." in page.text_content("#highlight")
    page.click('.tabs button[data-tab="search"]')
    page.fill("#q", "fishing data")
    page.click('#search-form button[type="submit"]')
    page.wait_for_selector("#hits li button.open")
    page.click("#hits li button.open")
    page.wait_for_function(
        "() => document.getElementById('highlight')?.textContent.includes('share fishing data')"
    )
    assert not watched.dialogs and not watched.errors


def test_a_hostile_article_is_shown_as_inert_text(watched: Watched, invented_site: str) -> None:
    page = watched.page
    choose_pair(page, invented_site, "BOL|PER")
    page.click("#timeline tbody tr")
    page.wait_for_selector("#highlight")
    assert page.text_content("#highlight") == HOSTILE_SENTENCE
    assert page.text_content("#doc-title") == HOSTILE_TITLE
    assert "<script>" in page.text_content("#doc-text")
    # the facts list and quotes show the markup in names and quotes as text too
    page.click("#doc-facts summary")
    page.hover("#doc-text")
    page.click('.tabs button[data-tab="quotes"]')
    page.click('#speakers button[data-speaker="Rosa <i>Quispe</i>"]')
    page.wait_for_selector("#quotes li blockquote")
    page.hover("#quotes li blockquote")
    assert "<b onmouseover" in page.text_content("#quotes")
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "web-hostile.png"))
    inert = page.evaluate(
        """() => ({
          xss: window.__xss === undefined ? null : String(window.__xss),
          scripts: [...document.scripts].map(s => s.getAttribute('src')),
          imgs: document.images.length,
          jsLinks: document.querySelectorAll('a[href^="javascript" i]').length,
          handlers: [...document.querySelectorAll('*')].filter(
            el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
          marked: document.querySelectorAll('#doc-text *:not(mark), #quotes b, #speakers i').length,
        })"""
    )
    assert inert == {
        "xss": None,
        "scripts": ["/static/app.js"],
        "imgs": 0,
        "jsLinks": 0,
        "handlers": 0,
        "marked": 0,
    }
    assert not watched.dialogs
    assert not watched.errors


# -- the real corpus: seeds and clusters, ingested and merged --------------------------------


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not SEEDS.is_dir() or not CLUSTERS.is_dir():
        pytest.skip("../shared/corpus is not beside the repository")
    from dyad.pipeline import ingest
    from dyad.store.sqlite import open_store

    db = tmp_path_factory.mktemp("web-corpus") / "corpus.db"
    with open_store(db) as store:
        report = ingest([SEEDS, CLUSTERS], store)
    assert report.ok, report.failed
    with serving(db) as url:
        yield url


@pytest.mark.model
def test_china_russia_on_the_ingested_corpus(watched: Watched, corpus_site: str) -> None:
    page = watched.page
    choose_pair(page, corpus_site, "CHN|RUS")
    timeline = watched.api("/api/timeline?a=CHN&b=RUS&limit=1000")
    assert page.locator("#timeline tbody tr").count() == timeline["count"] > 0
    # the entry most outlets reported
    entry = max(timeline["entries"], key=lambda e: (len(e["sources"]), e["date"] or ""))
    assert len(entry["sources"]) >= 2
    page.click(f'#timeline tbody tr[data-entry-id="{entry["id"]}"]')
    page.wait_for_selector("#highlight")
    first = entry["sources"][0]
    doc = watched.api(f"/api/documents/{first['doc_id']}")
    marked = page.text_content("#highlight")
    assert marked == doc["text"][first["start"] : first["end"]]
    assert first["sentence"].strip() in marked or marked in first["sentence"]
    assert highlight_in_view(page)
    assert page.locator("#entry-body .source").count() == len(entry["sources"])
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "web-china-russia.png"))
    page.evaluate("() => window.scrollTo(0, 0)")
    page.screenshot(path=str(OUT / "web-china-russia-overview.png"))
    assert not watched.dialogs and not watched.errors
