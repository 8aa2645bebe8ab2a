"""The web app: a read-only JSON API over the store and the page at ``/`` that uses it.

``create_app(db)`` builds it; ``dyad serve`` runs it with uvicorn on 127.0.0.1. Each request
gets its own read-only connection. Errors answer as ``{"detail": ...}`` with a 4xx or 503,
never with a stack trace; every query parameter is validated and bound, never formatted
into SQL. The page and its assets are files of this package: nothing is fetched elsewhere.
"""

from __future__ import annotations

import calendar
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import psycopg
from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from dyad import __version__
from dyad.errors import DyadError, StoreError
from dyad.models import PloverType, Status
from dyad.store.base import Store as AnyStore
from dyad.timeline.model import TimelineFilter
from dyad.web import reads
from dyad.web.queries import Period, Queries, default_queries
from dyad.web.readonly import check_database, open_readonly
from dyad.web.schemas import (
    DocumentOut,
    DyadOut,
    EntryOut,
    ErrorOut,
    IndexOut,
    PersonsOut,
    QuotesOut,
    SearchOut,
    TimelineOut,
    dyad_out,
    entry_out,
    index_point_out,
)

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")

# What the page may load and run: its own files only. Article text is never markup, and this
# stops any that slipped through from running or calling out.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Resource-Policy": "same-origin",
}

DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"

State = Annotated[
    str,
    Query(min_length=1, max_length=80, description="ISO 3166-1 alpha-3 code or name"),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
BAD_REQUEST: dict[int | str, dict[str, object]] = {400: {"model": ErrorOut}}
NOT_FOUND: dict[int | str, dict[str, object]] = {404: {"model": ErrorOut}}


def get_store(request: Request) -> Iterator[AnyStore]:
    """A read-only store for one request."""
    store = open_readonly(request.app.state.db)
    try:
        yield store
    finally:
        store.close()


Store = Annotated[AnyStore, Depends(get_store)]
Q = Annotated[Queries, Depends(default_queries)]


def create_app(
    db: str | Path, *, allowed_hosts: Sequence[str] = LOCAL_HOSTS, check: bool = True
) -> FastAPI:
    """The app on the database ``db`` (which must exist at the current schema unless
    ``check`` is False). Requests naming another host than ``allowed_hosts`` are refused
    (a page elsewhere cannot reach the API through a name that resolves here)."""
    if check:
        check_database(db)
    app = FastAPI(
        title="dyad",
        version=__version__,
        description="A read-only record of relations between states, read from news "
        "articles: timelines of PLOVER events with their sources, the cooperation-conflict "
        "index, documents with every fact's span, quotes, persons and full-text search.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = str(db)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    _add_error_handlers(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _add_api(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


def timeline_filter(
    a: State,
    b: State,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=DATE, description="YYYY[-MM[-DD]]")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=DATE, description="YYYY[-MM[-DD]]")
    ] = None,
    type: Annotated[list[PloverType] | None, Query(max_length=16)] = None,
    status: Status | None = None,
    min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> TimelineFilter:
    """The query parameters of ``/api/timeline`` as one filter; ``to`` keeps all of the
    period it names (``period_end``)."""
    return TimelineFilter(
        a,
        b,
        date_from=date_from,
        date_to=period_end(date_to) if date_to else None,
        types=tuple(type or ()),
        status=status,
        min_sources=min_sources,
        outlet=outlet,
        limit=limit,
        offset=offset,
    )


def _add_api(app: FastAPI) -> None:
    @app.get("/api/dyads", response_model=list[DyadOut], tags=["timeline"])
    def dyads(store: Store, q: Q) -> list[DyadOut]:
        """The pairs of states in the store, with their entry counts and date ranges."""
        names = _names()
        return [dyad_out(d, names(d.a), names(d.b)) for d in q.list_dyads(store)]

    @app.get("/api/timeline", response_model=TimelineOut, responses=BAD_REQUEST, tags=["timeline"])
    def timeline(
        store: Store, q: Q, where: Annotated[TimelineFilter, Depends(timeline_filter)]
    ) -> TimelineOut:
        """The entries between two states in date order, each with every source."""
        code_a, code_b = q.state_code(where.a), q.state_code(where.b)
        entries = q.timeline(store, replace(where, a=code_a, b=code_b))
        assert where.limit is not None  # timeline_filter always pages
        names = _names()
        return TimelineOut(
            a=code_a,
            b=code_b,
            a_name=names(code_a),
            b_name=names(code_b),
            limit=where.limit,
            offset=where.offset,
            count=len(entries),
            entries=[entry_out(e) for e in entries],
        )

    @app.get("/api/entry", response_model=EntryOut, responses=NOT_FOUND, tags=["timeline"])
    def entry(
        store: Store, q: Q, id: Annotated[str, Query(min_length=1, max_length=300)]
    ) -> EntryOut | JSONResponse:
        """One timeline entry by its id."""
        found = q.entry(store, id)
        if found is None:
            return _error(404, "no such timeline entry")
        return entry_out(found)

    @app.get("/api/index", response_model=IndexOut, responses=BAD_REQUEST, tags=["timeline"])
    def index(store: Store, q: Q, a: State, b: State, by: Period = "month") -> IndexOut:
        """The cooperation-conflict index of a pair by period, each entry counted once."""
        code_a, code_b = q.state_code(a), q.state_code(b)
        points = q.index_series(store, code_a, code_b, by=by)
        return IndexOut(a=code_a, b=code_b, by=by, points=[index_point_out(p) for p in points])

    @app.get(
        "/api/documents/{doc_id:path}",
        response_model=DocumentOut,
        responses=NOT_FOUND,
        tags=["documents"],
    )
    def document(store: Store, doc_id: str) -> DocumentOut | JSONResponse:
        """A document's cleaned text and every fact read from it with its character span.
        ``doc_id`` is a key of the database, never a file name (it may hold a ``/``)."""
        if len(doc_id) > 500:
            return _error(404, "no such document")
        found = reads.document(store, doc_id)
        if found is None:
            return _error(404, "no such document")
        return found

    @app.get("/api/quotes", response_model=QuotesOut, tags=["documents"])
    def quotes(
        store: Store,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        doc_id: Annotated[str | None, Query(max_length=500)] = None,
        limit: Limit = 200,
        offset: Offset = 0,
    ) -> QuotesOut:
        """Quotes whose speaker's name contains ``speaker`` (any case), newest first."""
        found = reads.quotes(store, speaker or None, doc_id, limit, offset)
        return QuotesOut(
            speaker=speaker or None, limit=limit, offset=offset, count=len(found), quotes=found
        )

    @app.get("/api/persons", response_model=PersonsOut, tags=["documents"])
    def persons(
        store: Store,
        name: Annotated[str | None, Query(max_length=200)] = None,
        limit: Limit = 200,
        offset: Offset = 0,
    ) -> PersonsOut:
        """The persons named in the articles, most quoted first."""
        found = reads.persons(store, name or None, limit, offset)
        return PersonsOut(limit=limit, offset=offset, count=len(found), persons=found)

    @app.get("/api/search", response_model=SearchOut, tags=["documents"])
    def search(
        store: Store,
        q: Annotated[str, Query(min_length=1, max_length=500, description="words to find")],
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> SearchOut:
        """Sentences containing every word of ``q`` (case and accents ignored; ``word*``
        finds words that begin so), best match first."""
        hits = reads.search(store, q, limit, offset)
        return SearchOut(q=q, limit=limit, offset=offset, count=len(hits), hits=hits)


def _add_error_handlers(app: FastAPI) -> None:
    async def dyad_error(request: Request, exc: Exception) -> JSONResponse:
        if isinstance(exc, StoreError):
            log.error("%s %s: %s", request.method, request.url.path, exc)
            return _error(503, "the database cannot be read")
        return _error(400, str(exc))

    async def sqlite_error(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s: database error: %s", request.method, request.url.path, exc)
        return _error(503, "the database cannot be read")

    async def any_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal error")

    app.add_exception_handler(DyadError, dyad_error)
    app.add_exception_handler(sqlite3.Error, sqlite_error)
    app.add_exception_handler(psycopg.Error, sqlite_error)
    app.add_exception_handler(Exception, any_error)


def period_end(date: str) -> str:
    """The last day of the period a date names ("2021" -> "2021-12-31", "2021-02" ->
    "2021-02-28"): ``to=2021`` keeps all of 2021, whatever precision an entry is dated to."""
    if len(date) == 4:
        return f"{date}-12-31"
    if len(date) == 7:
        last = calendar.monthrange(int(date[:4]), int(date[5:7]))[1]
        return f"{date}-{last:02d}"
    return date


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _names() -> Callable[[str], str]:
    from dyad.resolve.gazetteer import Gazetteer

    return Gazetteer.load().state_name
