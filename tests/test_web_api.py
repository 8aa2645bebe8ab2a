"""The JSON API through FastAPI's TestClient, on a store of articles written for these tests
(tests/web_articles.py), answered by the real store and timeline queries."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import get_args
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from dyad.errors import StoreError
from dyad.models import PLOVER_TYPES
from dyad.store.schema import MIGRATIONS
from dyad.web import create_app
from dyad.web.app import MAX_LIMIT, PloverType, period_end
from dyad.web.queries import default_queries
from dyad.web.readonly import check_database, open_readonly
from dyad.web.reads import fts_query
from tests.web_articles import HOSTILE_SENTENCE, build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(
        create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False
    ) as c:
        yield c


# -- timeline ----------------------------------------------------------------------------


def test_dyads_lists_each_pair_once_with_names_counts_and_dates(client: TestClient) -> None:
    r = client.get("/api/dyads")
    assert r.status_code == 200
    pairs = {(d["a"], d["b"]): d for d in r.json()}
    assert set(pairs) == {("BOL", "PER"), ("CHL", "PER")}
    chl_per = pairs[("CHL", "PER")]
    assert (chl_per["a_name"], chl_per["b_name"]) == ("Chile", "Peru")
    assert chl_per["entries"] == 3 and chl_per["documents"] == 2
    assert chl_per["first"] == "2021-03-02" and chl_per["last"] == "2021-05"


def test_timeline_gives_each_entry_with_every_source_and_its_span(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"a": "CHL", "b": "PER"})
    assert r.status_code == 200
    body = r.json()
    assert (body["a"], body["b"], body["count"]) == ("CHL", "PER", 3)
    entries = body["entries"]
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    agree = next(e for e in entries if e["type"] == "AGREE")
    for key in ("id", "date", "precision", "type", "source", "target", "status", "sources"):
        assert key in agree
    assert len(agree["sources"]) == 2
    assert sorted(agree["outlets"]) == ["pacific-daily.test", "southern-wire.test"]
    for s in agree["sources"]:
        assert set(s) >= {"doc_id", "outlet", "url", "published", "sentence", "start", "end"}
        text = client.get(f"/api/documents/{s['doc_id']}").json()["text"]
        assert text[s["start"] : s["end"]] == s["sentence"]


def test_a_pair_is_unordered_and_may_be_named(client: TestClient) -> None:
    by_code = client.get("/api/timeline", params={"a": "CHL", "b": "PER"}).json()
    by_name = client.get("/api/timeline", params={"a": "Peru", "b": "chile"}).json()
    assert by_name["entries"] == by_code["entries"]


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"type": "ACCUSE"}, ["ACCUSE"]),
        ({"type": ["AGREE", "ACCUSE"]}, ["AGREE", "ACCUSE"]),
        ({"from": "2021-04"}, ["ACCUSE"]),
        ({"to": "2021-03"}, ["AGREE", "CONSULT"]),
        ({"to": "2021-03-02"}, ["AGREE", "CONSULT"]),
        ({"to": "2021-03-01"}, []),
        ({"to": "2020"}, []),
        ({"from": "2021", "to": "2021"}, ["AGREE", "CONSULT", "ACCUSE"]),
        ({"min_sources": 2}, ["AGREE"]),
        ({"outlet": "pacific-daily.test"}, ["AGREE", "ACCUSE"]),
        ({"status": "planned"}, []),
        ({"limit": 1, "offset": 1}, ["CONSULT"]),
    ],
)
def test_timeline_filters(client: TestClient, params: dict[str, object], types: list[str]) -> None:
    r = client.get("/api/timeline", params={"a": "CHL", "b": "PER", **params})  # type: ignore[arg-type]
    assert r.status_code == 200, r.text
    assert [e["type"] for e in r.json()["entries"]] == types


@pytest.mark.parametrize(
    "params",
    [
        {"limit": MAX_LIMIT + 1},
        {"limit": 0},
        {"limit": -1},
        {"offset": -5},
        {"from": "2021-13"},
        {"from": "yesterday"},
        {"to": "2021-02-30x"},
        {"type": "HUG"},
        {"status": "rumoured"},
        {"min_sources": 0},
        {"a": ""},
    ],
)
def test_timeline_refuses_bad_parameters_with_422(
    client: TestClient, params: dict[str, object]
) -> None:
    r = client.get("/api/timeline", params={"a": "CHL", "b": "PER", **params})  # type: ignore[arg-type]
    assert r.status_code == 422


def test_an_unknown_state_is_a_400_naming_it(client: TestClient) -> None:
    r = client.get("/api/timeline", params={"a": "Atlantis", "b": "PER"})
    assert r.status_code == 400
    assert "Atlantis" in r.json()["detail"]


def test_entry_by_id(client: TestClient) -> None:
    first = client.get("/api/timeline", params={"a": "CHL", "b": "PER"}).json()["entries"][0]
    r = client.get("/api/entry", params={"id": first["id"]})
    assert r.status_code == 200 and r.json() == first
    assert client.get("/api/entry", params={"id": "no/such/entry"}).status_code == 404


@pytest.mark.parametrize(
    ("by", "periods"),
    [("month", ["2021-03", "2021-05"]), ("quarter", ["2021-Q1", "2021-Q2"]), ("year", ["2021"])],
)
def test_index_series(client: TestClient, by: str, periods: list[str]) -> None:
    r = client.get("/api/index", params={"a": "PER", "b": "CHL", "by": by})
    assert r.status_code == 200
    points = r.json()["points"]
    assert [p["period"] for p in points] == periods
    assert sum(p["entries"] for p in points) == 3
    assert (
        client.get("/api/index", params={"a": "PER", "b": "CHL", "by": "week"}).status_code == 422
    )


# -- documents, quotes, persons, search --------------------------------------------------


def test_document_gives_text_and_every_fact_with_its_span(client: TestClient) -> None:
    r = client.get("/api/documents/andes-1")
    assert r.status_code == 200
    doc = r.json()
    assert doc["outlet"] == "southern-wire.test" and doc["published"] == "2021-03-04"
    text = doc["text"]
    assert len(doc["events"]) == 2 and len(doc["quotes"]) == 1 and len(doc["persons"]) == 1
    for event in doc["events"]:
        span = event["spans"][0]
        assert text[span["start"] : span["end"]] == span["sentence"]
    quote = doc["quotes"][0]
    assert quote["text"] in text[quote["span"]["start"] : quote["span"]["end"]]
    assert quote["speaker"] == "Ana Rivas"


def test_any_document_id_is_reachable(client: TestClient) -> None:
    r = client.get("/api/documents/" + quote("wire/été 7", safe=""))
    assert r.status_code == 200 and r.json()["doc_id"] == "wire/été 7"


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents/no-such-doc",
        "/api/documents/..%2f..%2fetc%2fpasswd",
        "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/documents/%2e%2e/%2e%2e/etc/passwd",
        "/api/documents/....//....//etc/passwd",
        "/api/documents/%00",
        "/api/documents/" + "x" * 5000,
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2fapp.py",
    ],
)
def test_no_path_reaches_a_file_outside_the_assets(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "import" not in r.text


def test_quotes_by_speaker(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"speaker": "rivas"})
    assert r.status_code == 200
    quotes = r.json()["quotes"]
    assert [q["speaker"] for q in quotes] == ["Ana Rivas"]
    assert quotes[0]["doc_id"] == "andes-1" and quotes[0]["title"]
    assert client.get("/api/quotes").json()["count"] == 2
    assert client.get("/api/quotes", params={"speaker": "Nobody"}).json()["quotes"] == []


def test_persons_with_their_roles_and_quote_counts(client: TestClient) -> None:
    persons = {p["name"]: p for p in client.get("/api/persons").json()["persons"]}
    assert persons["Ana Rivas"] == {
        "name": "Ana Rivas",
        "roles": ["foreign minister"],
        "states": ["CHL"],
        "documents": 1,
        "quotes": 1,
    }
    only = client.get("/api/persons", params={"name": "ana"}).json()["persons"]
    assert [p["name"] for p in only] == ["Ana Rivas"]


def test_search_finds_sentences_by_their_words(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "FISHERIES accord"}).json()["hits"]
    assert [h["doc_id"] for h in hits] == ["andes-1"]
    text = client.get("/api/documents/andes-1").json()["text"]
    assert text[hits[0]["start"] : hits[0]["end"]] == hits[0]["sentence"]
    prefix = client.get("/api/search", params={"q": "fish*"}).json()["hits"]
    assert {h["doc_id"] for h in prefix} == {"andes-1", "andes-2"}


@pytest.mark.parametrize(
    "q",
    ['"', "accord OR", "NEAR(a b", "*", "a AND (", "-x", "col:term", "^", "' OR 1=1 --", "\x00"],
)
def test_search_syntax_in_the_query_is_only_words(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200
    assert isinstance(r.json()["hits"], list)


def test_period_end() -> None:
    assert period_end("2021") == "2021-12-31"
    assert period_end("2024-02") == "2024-02-29"
    assert period_end("2021-02-03") == "2021-02-03"


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('pipe* "gas" OR (x') == '"pipe"* "gas" "OR" "x"'
    assert fts_query("!!! ---") is None


# -- hostile input, errors, read-only ------------------------------------------------------

INJECTIONS = [
    "' OR '1'='1",
    "CHL'; DROP TABLE documents; --",
    '" OR ""="',
    "1; SELECT * FROM sqlite_master",
    "') UNION SELECT text, text, text FROM documents --",
    "%' OR 1=1 --",
    "\x00",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "😀" * 30,
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_strings_in_every_parameter_give_4xx_or_nothing(
    client: TestClient, payload: str
) -> None:
    requests = [
        ("/api/timeline", {"a": payload, "b": "PER"}),
        ("/api/timeline", {"a": "CHL", "b": payload}),
        ("/api/timeline", {"a": "CHL", "b": "PER", "outlet": payload}),
        ("/api/timeline", {"a": "CHL", "b": "PER", "from": payload}),
        ("/api/timeline", {"a": "CHL", "b": "PER", "type": payload}),
        ("/api/timeline", {"a": "CHL", "b": "PER", "status": payload}),
        ("/api/timeline", {"a": "CHL", "b": "PER", "limit": payload}),
        ("/api/index", {"a": payload, "b": "PER"}),
        ("/api/index", {"a": "CHL", "b": "PER", "by": payload}),
        ("/api/entry", {"id": payload}),
        ("/api/quotes", {"speaker": payload}),
        ("/api/quotes", {"doc_id": payload}),
        ("/api/persons", {"name": payload}),
        ("/api/search", {"q": payload}),
    ]
    for path, params in requests:
        r = client.get(path, params=params)
        assert r.status_code < 500, (path, params, r.text)
        if r.status_code == 200:
            body = r.json()
            rows = body.get("entries") or body.get("quotes") or body.get("persons")
            assert not rows, (path, params, body)
    r = client.get("/api/documents/" + quote(payload, safe=""))
    assert r.status_code == 404
    assert client.get("/api/dyads").status_code == 200  # nothing was dropped


def test_the_database_is_never_written(db: Path, client: TestClient) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for payload in INJECTIONS:
        client.get("/api/search", params={"q": payload})
        client.get("/api/quotes", params={"speaker": payload})
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    store = open_readonly(db)
    try:
        with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
            store.conn.execute("DELETE FROM documents")
    finally:
        store.close()


def test_no_write_method_is_routed(client: TestClient) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert client.request(method, "/api/dyads").status_code == 405
    paths = client.get("/openapi.json").json()["paths"]
    assert all(set(ops) == {"get"} for ops in paths.values())


class Exploding:
    def list_dyads(self, store: object) -> list[object]:
        raise RuntimeError("secret /home/user/db.sqlite at line 12")


def test_an_internal_error_answers_500_without_a_trace(db: Path) -> None:
    app = create_app(db)
    app.dependency_overrides[default_queries] = Exploding
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get("/api/dyads")
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error"}
    assert "Traceback" not in r.text and "secret" not in r.text


def test_a_vanished_database_answers_503_without_a_path(tmp_path: Path) -> None:
    db = build_store(tmp_path / "gone.db")
    app = create_app(db)
    db.unlink()
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        r = c.get("/api/quotes")
    assert r.status_code == 503
    assert str(tmp_path) not in r.text


def test_other_host_names_are_refused(client: TestClient) -> None:
    r = client.get("/api/dyads", headers={"Host": "attacker.example"})
    assert r.status_code == 400
    assert client.get("/api/dyads", headers={"Host": "localhost:8000"}).status_code == 200


def test_security_headers_on_the_page_and_the_api(client: TestClient) -> None:
    for path in ("/", "/api/dyads", "/static/app.js", "/api/nothing"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_the_page_and_its_assets_are_local_and_use_no_markup_sinks(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="/static/app.js"' in page.text and 'href="/static/style.css"' in page.text
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    script = client.get("/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    for text in (page.text, script, client.get("/static/style.css").text):
        external = [
            u
            for u in ("http://", "https://", "//cdn")
            if u in text.replace("http://www.w3.org/2000/svg", "")
        ]
        assert not external


def test_every_endpoint_is_documented(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/dyads",
        "/api/timeline",
        "/api/entry",
        "/api/index",
        "/api/documents/{doc_id}",
        "/api/quotes",
        "/api/persons",
        "/api/search",
    ):
        assert paths[path]["get"].get("description"), path
    limit = next(p for p in paths["/api/timeline"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == MAX_LIMIT


def test_the_type_filter_knows_every_plover_type() -> None:
    assert set(get_args(PloverType)) == set(PLOVER_TYPES)


def test_the_hostile_article_is_served_as_text(client: TestClient) -> None:
    doc = client.get("/api/documents/hostile").json()
    assert HOSTILE_SENTENCE in doc["text"]  # stored and answered as it is: JSON, not markup
    assert client.get("/api/documents/hostile").headers["content-type"] == "application/json"


# -- opening the database ------------------------------------------------------------------


def test_check_database_refuses_a_missing_or_older_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        check_database(tmp_path / "none.db")
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    conn.close()
    with pytest.raises(StoreError, match="schema is version 2"):
        check_database(old)
    with pytest.raises(StoreError):
        check_database(tmp_path)  # a folder
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        check_database(junk)
