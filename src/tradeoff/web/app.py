"""The ASGI app factory: catalog opened read-only once per app, no import-time state."""

from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.gzip import GZipMiddleware, IdentityResponder
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.render.html import make_environment
from tradeoff.web.caching import (
    GZIP_LEVEL,
    GZIP_MINIMUM_SIZE,
    Representations,
    ResponseCache,
    accepts_gzip,
)
from tradeoff.web.pattern import TWIN_FORMATS
from tradeoff.web.responses import MEDIA_TYPES, ErrorPage, Problem, problem_response, uncached
from tradeoff.web.routes import routes
from tradeoff.web.security import SecurityMiddleware
from tradeoff.web.site import Site
from tradeoff.web.warm import warm_at_start

log = logging.getLogger("tradeoff.web")


DEFAULT_BASE_URL = "http://127.0.0.1:8000"  # `tradeoff serve`'s default bind address
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


class WeightedGZip(GZipMiddleware):
    """Starlette's gzip, for a client whose Accept-Encoding accepts gzip by its weights
    (RFC 9110 §12.5.3): Starlette's own test is "gzip" anywhere in the header, so
    ``gzip;q=0`` (gzip refused) got gzip. Identity otherwise (with Vary, as Starlette's)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        accept = Headers(scope=scope).get("accept-encoding") if scope["type"] == "http" else "*"
        if not accepts_gzip(accept):
            identity = IdentityResponder(
                self.app, self.minimum_size, exclude_content_types=self.exclude_content_types
            )
            await identity(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


class TradeoffApp(Starlette):
    """Starlette with the security middleware outermost (outside the 500 handler too), then
    the response cache (answers sent before, sent again: ``web.caching.ResponseCache``), then
    gzip (Starlette's, for what is not a cached body: cached bodies come gzipped once from
    ``web.caching`` with their own ETag, and the middleware passes encoded bodies through)."""

    allowed_hosts: tuple[str, ...] = ("*",)
    # Set when the stack is built (the first request): ``web.server`` answers what the
    # response cache holds before the ASGI app, after the same security checks.
    security: SecurityMiddleware | None = None
    response_cache: ResponseCache | None = None

    def build_middleware_stack(self) -> ASGIApp:
        compressed = WeightedGZip(
            super().build_middleware_stack(),
            minimum_size=GZIP_MINIMUM_SIZE,
            compresslevel=GZIP_LEVEL,
        )
        self.response_cache = ResponseCache(compressed)
        self.security = SecurityMiddleware(self.response_cache, self.allowed_hosts)
        return self.security


def hosts_for(base_url: str) -> tuple[str, ...]:
    """The Host names a site at ``base_url`` answers: its own, and loopback names when it is
    served on loopback (a browser on the same machine may say either)."""
    host = (urlsplit(base_url).hostname or "").lower()
    if not host:
        raise ValueError(f"base URL without a host: {base_url!r}")
    return (host, *LOOPBACK_NAMES) if host in LOOPBACK_NAMES else (host,)


def wants_html(request: Request) -> bool:
    """Page URLs get HTML error pages; API paths, twins and files get problem+json."""
    path = request.url.path
    twin = urls.split_format(path, TWIN_FORMATS)[1] != "html"
    return not (path.startswith("/api/") or twin or path.endswith(".xml"))


def _error_page(request: Request, problem: Problem) -> Response:
    site: Site = request.app.state.site
    ctx = ErrorPage(title=problem.title, detail=problem.detail, suggestions=problem.suggestions)
    body = site.render_html("error.html", ctx, site.chrome({}))
    return uncached(request, body, problem.status, MEDIA_TYPES["html"])


def _asks_html(request: Request) -> bool:
    """The client asks for HTML by name (a browser); a program's ``*/*`` does not."""
    return "text/html" in request.headers.get("accept", "")


async def on_problem(request: Request, exc: Exception) -> Response:
    """Problem → HTML page (with suggestions) for pages: a 404, or a 400 a browser asked for
    (a bad filter on /changes must not show it raw JSON); problem+json otherwise."""
    assert isinstance(exc, Problem)
    if wants_html(request) and (exc.status == 404 or (exc.status == 400 and _asks_html(request))):
        return _error_page(request, exc)
    return problem_response(exc, request)


async def on_usage_error(request: Request, exc: Exception) -> Response:
    """A library usage error (bad blend, bad token count) is the caller's 400."""
    assert isinstance(exc, TradeoffError)
    parameter = (exc.field or "").lstrip("-").replace("-", "_") or None
    return await on_problem(request, Problem(400, "Bad Request", exc.message, parameter=parameter))


async def on_http(request: Request, exc: Exception) -> Response:
    """Router errors (no such path, wrong method) in the site's own shapes."""
    assert isinstance(exc, HTTPException)
    title = {404: "Not Found", 405: "Method Not Allowed"}.get(exc.status_code, "Error")
    problem = Problem(exc.status_code, title, f"Nothing is served at {request.url.path}.")
    if exc.status_code == 404 and wants_html(request):
        return _error_page(request, problem)
    return problem_response(problem, request)


async def on_crash(request: Request, exc: Exception) -> Response:
    """An unexpected error: logged for us, a plain apology for the visitor (no traceback)."""
    log.error("unhandled error on %s", request.url.path, exc_info=exc)
    problem = Problem(500, "Internal Server Error", "Something went wrong on our side.")
    return problem_response(problem, request)


def create_app(
    db_path: Path | str | None = None,
    *,
    base_url: str | None = None,
    allowed_hosts: Collection[str] | None = None,
) -> Starlette:
    """Build the app over a compiled catalog (default: the bundled one, built if needed).

    Absolute URLs (canonical links, JSON-LD, the sitemap, robots.txt) are ``base_url`` plus
    the path, never the request's Host. ``allowed_hosts`` are the Host names answered (any
    other is a 400); by default the base URL's host, or any host when no base URL is given
    (an in-process app: ``tradeoff serve`` always gives one).
    """
    if db_path is None:
        from tradeoff.pages.precompute import ensure_database

        db_path = ensure_database()
    app = TradeoffApp(
        lifespan=warm_at_start,
        routes=routes(),
        exception_handlers={
            Problem: on_problem,
            TradeoffError: on_usage_error,
            HTTPException: on_http,
            Exception: on_crash,
        },
    )
    if allowed_hosts is None:
        allowed_hosts = ("*",) if base_url is None else hosts_for(base_url)
    app.allowed_hosts = tuple(allowed_hosts)
    site_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
    app.state.representations = Representations()  # ETags and gzip forms of cached bodies
    app.state.site = Site(Catalog(Path(db_path)), make_environment(), base_url=site_url)
    return app
