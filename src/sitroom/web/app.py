"""The FastAPI app: every page is HTML for people and JSON (``?format=json``) for programs,
built from one data function; errors have one JSON shape; the room is opened read-only."""

from __future__ import annotations

import threading
from collections import OrderedDict
from importlib import resources
from pathlib import Path

import duckdb
import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from sitroom.errors import SitroomError
from sitroom.model.dates import is_partial_date
from sitroom.model.mention import ACTOR_KINDS
from sitroom.model.plover import TYPES
from sitroom.query.meaning import MODEL
from sitroom.store import access, vectors
from sitroom.store.room import Room
from sitroom.web import pages, statement_pages

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")
"""Host headers served by default: this machine's names, so that a web page elsewhere cannot read the
room through DNS rebinding."""

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
"""On every response: no script runs (the UI has none; a document's own markup is shown as text), no
asset loads from elsewhere, no page is framed or sniffed into another type."""

TYPE_PATTERN = f"(?i)^({'|'.join(TYPES)})?$"
"""A PLOVER event type (any case), or empty for every type."""


def create_app(db: str | Path, hosts: tuple[str, ...] = ()) -> FastAPI:
    """The web UI of the room ``db``, answering requests whose Host is this machine's or one of
    ``hosts`` (``sitroom serve --host`` adds the address it binds)."""
    app = FastAPI(title="sitroom", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    hosts = tuple(f"[{h}]" if ":" in h and not h.startswith("[") else h for h in hosts)  # IPv6 literals
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOCAL_HOSTS, *hosts])

    @app.middleware("http")
    async def secured(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(
            lambda name: resources.files("sitroom.web").joinpath("templates", name).read_text("utf-8")),
        autoescape=True)
    Room(db, read_only=True).close()  # fail at start, with advice, if the room is missing or foreign

    pages_made = PageCache()

    def respond(r: Room, request: Request, template: str, data) -> Response:
        """The page as HTML or JSON, from ``data()`` (the page's data function); while the corpus-wide
        picture lags behind the documents (an interrupted build) the page says so, and JSON carries the
        header ``X-Sitroom-Resolved: no``. A page is made once per state of the room: the same request
        again, or many at once, is answered from the cache until a build or an override changes the room."""
        wants_json = _wants_json(request)

        def make() -> tuple[bytes, str, dict]:
            made = data()
            headers = {} if r.resolved else {"X-Sitroom-Resolved": "no"}
            if wants_json:
                return JSONResponse(made).body, "application/json", headers
            html = env.get_template(template).render(data=made, types=TYPES, kinds=ACTOR_KINDS,
                                                      stale=not r.resolved)
            return html.encode("utf-8"), "text/html; charset=utf-8", headers

        key = (request.url.path, request.url.query, wants_json)
        body, media_type, headers = pages_made.get(key, room_state(r), make)
        return Response(body, media_type=media_type, headers=headers)

    def room() -> Room:
        return Room(db, read_only=True)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, env, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _error(request, env, 422, detail)

    @app.exception_handler(pages.NotFound)
    async def not_found(request: Request, exc: pages.NotFound):
        return _error(request, env, 404, str(exc))

    @app.exception_handler(duckdb.Error)
    async def damaged_room(request: Request, exc: duckdb.Error):
        return _error(request, env, 503, str(access.room_error(Path(db), exc)))

    @app.exception_handler(SitroomError)
    async def room_error(request: Request, exc: SitroomError):
        return _error(request, env, 503, str(exc))

    @app.get("/", response_class=HTMLResponse)
    def overview(request: Request):
        with room() as r:
            return respond(r, request, "overview.html.j2", lambda: pages.overview(r))

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline(request: Request, actor: str | None = None,
                 type: str | None = Query(None, pattern=TYPE_PATTERN),
                 since: str | None = Query(None, alias="from", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                 until: str | None = Query(None, alias="to", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                 dated: bool = False, page: int = Query(1, ge=1)):
        with room() as r:
            since, until = _date(since), _date(until)
            return respond(r, request, "timeline.html.j2",
                           lambda: pages.timeline_page(r, actor or None, type or None, since, until, dated,
                                                       page))

    @app.get("/actors", response_class=HTMLResponse)
    def actors(request: Request, kind: str | None = Query(None, pattern=f"^({'|'.join(ACTOR_KINDS)})?$"),
               name: str | None = Query(None, max_length=200), page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "actors.html.j2",
                           lambda: pages.actors_page(r, kind or None, name or None, page))

    @app.get("/documents", response_class=HTMLResponse)
    def documents(request: Request, source: str | None = Query(None, max_length=200),
                  page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "documents.html.j2",
                           lambda: pages.documents_page(r, source or None, page))

    @app.get("/actors/{actor_id}", response_class=HTMLResponse)
    def actor(request: Request, actor_id: str, page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "actor.html.j2", lambda: pages.actor_page(r, actor_id, page))

    @app.get("/events/{event_id}", response_class=HTMLResponse)
    def event(request: Request, event_id: str):
        with room() as r:
            return respond(r, request, "event.html.j2", lambda: pages.event_page(r, event_id))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: str, start: int | None = Query(None, ge=0),
                 end: int | None = Query(None, ge=0)):
        with room() as r:
            return respond(r, request, "document.html.j2", lambda: pages.document_page(r, doc_id, start, end))

    @app.get("/search", response_class=HTMLResponse)
    def search(request: Request, q: str | None = Query(None, max_length=200),
               actor: str | None = Query(None, max_length=200),
               source: str | None = Query(None, max_length=200),
               since: str | None = Query(None, alias="from", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
               until: str | None = Query(None, alias="to", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
               type: str | None = Query(None, pattern=TYPE_PATTERN)):
        with room() as r:
            since, until = _date(since), _date(until)
            return respond(r, request, "search.html.j2",
                           lambda: pages.search_page(r, q, actor or None, source or None, since, until,
                                                     type or None))

    @app.get("/network", response_class=HTMLResponse)
    def network(request: Request, actor: str | None = Query(None, max_length=200),
                since: str | None = Query(None, alias="from", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                until: str | None = Query(None, alias="to", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
                side: str | None = Query(None, pattern="^(cooperation|conflict)?$"),
                limit: int = Query(pages.NETWORK_ACTORS, ge=1, le=2000)):
        with room() as r:
            since, until = _date(since), _date(until)
            return respond(r, request, "network.html.j2",
                           lambda: pages.network_page(r, actor or None, since, until, side or None, limit))

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes(request: Request, speaker: str | None = Query(None, max_length=200),
               page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "quotes.html.j2",
                           lambda: statement_pages.quotes_page(r, speaker or None, page))

    @app.get("/claims", response_class=HTMLResponse)
    def claims(request: Request, subject: str | None = Query(None, max_length=200),
               page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "claims.html.j2",
                           lambda: statement_pages.claims_page(r, subject or None, page))

    @app.get("/disagreements", response_class=HTMLResponse)
    def disagreements(request: Request, page: int = Query(1, ge=1)):
        with room() as r:
            return respond(r, request, "disagreements.html.j2",
                           lambda: statement_pages.disagreements_page(r, page))

    @app.get("/ask", response_class=HTMLResponse)
    def ask(request: Request, q: str | None = Query(None, max_length=300),
            actor: str | None = Query(None, max_length=200),
            source: str | None = Query(None, max_length=200),
            since: str | None = Query(None, alias="from", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
            until: str | None = Query(None, alias="to", pattern=r"^(\d{4}(-\d{2}){0,2})?$"),
            type: str | None = Query(None, pattern=TYPE_PATTERN)):
        with room() as r:
            since, until = _date(since), _date(until)
            return respond(r, request, "ask.html.j2",
                           lambda: pages.ask_page(r, q, actor or None, source or None, since, until,
                                                  type or None))

    return app


class PageCache:
    """Made pages, by request and state of the room, at most ``limit`` bytes of them; a page asked for
    while it is being made is waited for, not made again."""

    def __init__(self, limit: int = 64 * 2**20):
        self.limit = limit
        self._pages: OrderedDict[tuple, tuple[bytes, str, dict]] = OrderedDict()
        self._making: dict[tuple, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, state: tuple, make):
        """The page for ``key`` in the room's ``state``, made by ``make()`` if it is not kept."""
        key = (*key, state)
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
            making = self._making.setdefault(key, threading.Lock())
        with making:
            with self._lock:
                if key in self._pages:
                    return self._pages[key]
            page = make()
            with self._lock:
                self._pages[key] = page
                self._making.pop(key, None)
                while sum(len(p[0]) for p in self._pages.values()) > self.limit and len(self._pages) > 1:
                    self._pages.popitem(last=False)
            return page


def room_state(r: Room) -> tuple:
    """What changes when a build, a resolution, an override or `sitroom embed` changes the room's
    picture or its answers."""
    return (*r.db.execute("SELECT count(*), max(built_at) FROM documents").fetchone(),
            *r.db.execute("SELECT count(*), max(created_at) FROM actor_overrides").fetchone(),
            r.resolved, r.resolved_by, vectors.count(r, MODEL))


def _date(value: str | None) -> str | None:
    """A ``from``/``to`` parameter: a partial date of a real day, month or year, else a 422."""
    if not value:
        return None
    if not is_partial_date(value):
        raise HTTPException(422, f"{value!r} is not a date: write 2021, 2021-07 or 2021-07-08 (a day that "
                                 "exists)")
    return value


def _wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _error(request: Request, env: jinja2.Environment, status: int, message: str):
    body = {"error": {"status": status, "message": message}}
    if _wants_json(request) or request.url.path.startswith("/api"):
        return JSONResponse(body, status_code=status)
    html = env.get_template("error.html.j2").render(data=body["error"], types=TYPES)
    return HTMLResponse(html, status_code=status)
