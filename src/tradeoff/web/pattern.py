"""The page pattern: one route entry = path + query model + resolver + renderers.

A request to a page goes through the same steps whatever the page:

1. the format, from the path's suffix (``urls.split_format``); a format the page does not
   serve is a 404, and the suffix is cut from the last path parameter;
2. the query string, validated by the page's query model (a 400 naming the parameter);
3. the resolver: finds the page's subject (404 with suggestions), redirects other spellings
   to the canonical URL, and returns a zero-argument builder of the page's context;
4. the render cache: same catalog + same URL = same bytes, so the builder (a ``pages/``
   function) and the renderer run only on a miss;
5. the renderer for the format (``render.formats.Renderers``): the context itself as JSON,
   the page's template, its Markdown or SVG function.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.queries import PageQuery
from tradeoff.render.formats import Renderers
from tradeoff.web.forms import FormHandler
from tradeoff.web.requests import parse_query
from tradeoff.web.responses import MEDIA_TYPES, Problem, cached, not_found, uncached
from tradeoff.web.site import Site

Q = TypeVar("Q", bound=PageQuery)
C = TypeVar("C", bound=Mapping[str, object])
TWIN_FORMATS = ("json", "md", "svg")  # formats a path suffix can ask for


@dataclass(frozen=True)
class Redirect:
    """The canonical URL of what was asked (301)."""

    location: str


@dataclass(frozen=True)
class Show(Generic[C]):
    """Serve this request as another page (the compare form with too few models: the picker)."""

    renderers: Renderers[C]
    build: Callable[[], C]


@dataclass(frozen=True)
class PageRequest(Generic[Q]):
    """One request to one page, parsed: path parameters (format suffix cut), query, format."""

    site: Site
    request: Request
    path: dict[str, str]
    query: Q
    fmt: str

    @property
    def catalog(self) -> Catalog:
        """The app's catalog."""
        return self.site.catalog

    @property
    def raw(self) -> QueryParams:
        """The query string as given (to tell a non-canonical spelling from the canonical)."""
        return self.request.query_params


Outcome = Callable[[], C] | Redirect | Show[Any]
Resolver = Callable[[PageRequest[Q]], Outcome[C]]


@dataclass(frozen=True)
class ApiDoc:
    """How an /api/v1 entry is documented in the OpenAPI document."""

    operation_id: str
    summary: str
    tag: str = "catalog"
    path_params: tuple[tuple[str, str, str], ...] = ()  # (name, description, example)
    response: object = None  # the context TypedDict its 200 JSON is (OpenAPI schema)


@dataclass(frozen=True)
class Page(Generic[Q, C]):
    """One entry of the route table."""

    name: str
    path: str  # Starlette path of the first format; twins add a suffix (/ → /index.json)
    query: type[Q]
    resolve: Resolver[Q, C]
    renderers: Renderers[C]
    formats: tuple[str, ...] = ("html", "json", "md")  # the first is served without suffix
    aliases: tuple[str, ...] = ()  # other paths of the first format (e.g. "/downloads/")
    api: ApiDoc | None = None
    # the HTML page's form, re-rendered with a message next to the field a bad value of its
    # query is in (web/forms.py); twins and the API answer the problem itself
    form: FormHandler | None = None

    def __post_init__(self) -> None:
        missing = set(self.formats) - self.renderers.formats()
        if missing:
            raise ValueError(f"page {self.name} has no renderer for {sorted(missing)}")

    def paths(self) -> list[str]:
        """Every Starlette path this page answers."""
        if "{" in self.path:  # the last parameter carries the suffix
            return [self.path]
        twins = [urls.twin(self.path, f) for f in self.formats[1:]]
        return [self.path, *twins, *self.aliases]

    def routes(self) -> list[Route]:
        """Starlette routes of this entry (GET and HEAD)."""
        return [Route(p, self.endpoint) for p in self.paths()]

    def fmt_of(self, request: Request) -> tuple[str, dict[str, str]]:
        """The format asked by the path's suffix, and the path parameters without it."""
        twins = [f for f in self.formats[1:] if f in TWIN_FORMATS]
        _, fmt = urls.split_format(request.url.path, twins)
        params = {k: str(v) for k, v in request.path_params.items()}
        if fmt == "html":
            return self.formats[0], params
        last = re.findall(r"\{(\w+)", self.path)
        if last:
            params[last[-1]] = params[last[-1]][: -len(fmt) - 1]
        return fmt, params

    async def endpoint(self, request: Request) -> Response:
        """Serve one request to this page."""
        site: Site = request.app.state.site
        fmt, params = self.fmt_of(request)
        try:
            query = parse_query(self.query, request.query_params, site)
            outcome = self.resolve(PageRequest(site, request, params, query, fmt))
        except Problem as problem:
            if fmt != "html" or self.form is None or problem.status >= 500:
                raise
            return await show_form(request, site, self.form, problem)
        if isinstance(outcome, Redirect):
            return RedirectResponse(outcome.location, status_code=301)
        # The cache key: what the page reads (entry, format, path, validated query), so
        # other spellings of the same query share one entry and junk never makes one.
        page = f"{self.name}{sorted(params.items())}{query.model_dump_json()}"
        key = f"{self.name}.{fmt}{page[len(self.name) :]}"
        if isinstance(outcome, Show):
            show = outcome.build
            return await serve(request, site, fmt, outcome.renderers, show, {}, key, page)
        # Twins of the canonical path (an alias such as /downloads/ links /downloads.json).
        here = request.url.path if "{" in self.path else self.path
        here += f"?{request.url.query}" if request.url.query else ""
        twins = {f: urls.twin(here, f) for f in self.formats if f in ("json", "md")}
        return await serve(request, site, fmt, self.renderers, outcome, twins, key, page)


async def show_form(request: Request, site: Site, form: FormHandler, problem: Problem) -> Response:
    """The page's form again, as typed, with the problem's message next to its field (the
    problem's 4xx status; never cached)."""

    def render() -> str:
        template, ctx = form(site, request.query_params, problem)
        return site.render_html(template, ctx, site.chrome({}))

    body = await site.in_worker(render)
    return uncached(request, body, problem.status, MEDIA_TYPES["html"])


async def serve(
    request: Request,
    site: Site,
    fmt: str,
    renderers: Renderers[C],
    build: Callable[[], C],
    twins: dict[str, str],
    key: str,
    page: str = "",
) -> Response:
    """The page from the render cache, or built and rendered now; ETag and Cache-Control.

    Building and rendering is CPU work of up to a second (a comparison, the catalog table):
    it runs in a worker thread, so the event loop keeps answering other requests meanwhile.
    ``page`` names the context whatever the format (``Site.context``).
    """
    if fmt not in renderers.formats():
        raise not_found("Not Found", f"Nothing is served at {request.url.path}.")
    body = site.recall(key)
    if body is None:

        def render() -> bytes:
            chrome = site.chrome(twins, request.url.path)
            context = site.context(page, build)
            built = renderers.render(
                fmt, context, lambda template, ctx: site.render_html(template, ctx, chrome)
            )
            # Kept as bytes: a cached page is sent without encoding it again.
            return built.encode() if isinstance(built, str) else built

        body = site.remember(key, await site.in_worker(render))
    return cached(request, site.version, body, fmt, key)
