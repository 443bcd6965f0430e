"""`/changes` (page and twins) and its Atom feeds: the whole catalog's, and one per model,
provider and lab (``/changes.atom``, ``/changes/{models|providers|labs}/{name}.atom``).

A feed is the same changes list as the page (``pages.changes``), the newest ``FEED_LIMIT``,
rendered by ``render.atom`` with absolute URLs from the site's configured base URL. Feeds are
cached like pages: same catalog + same URL = same bytes, with an ETag.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.pages.changes import FEED_LIMIT, ChangesContext, changes_context
from tradeoff.pages.changes_query import ChangesQuery
from tradeoff.render.atom import atom_feed
from tradeoff.render.formats import Renderers
from tradeoff.render.markdown_changes_page import changes_md
from tradeoff.web.pattern import Outcome, Page, PageRequest
from tradeoff.web.requests import find_model
from tradeoff.web.responses import cached, not_found
from tradeoff.web.site import Site

SUFFIX = ".atom"


def changes_page(req: PageRequest[ChangesQuery]) -> Outcome[ChangesContext]:
    """`/changes`: the newest changes, filtered."""
    q = req.query
    model_id = find_model(req.site, q.model).id if q.model else None
    return lambda: changes_context(
        req.catalog,
        since=q.since,
        until=q.until,
        kinds=q.kind,
        provider=q.provider,
        lab=q.lab,
        model=model_id,
        limit=q.limit,
    )


CHANGES = Renderers[ChangesContext](template="changes.html", markdown=changes_md)
CHANGES_PAGES: tuple[Page[Any, Any], ...] = (
    Page("changes", "/changes", ChangesQuery, changes_page, CHANGES),
)


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _newest_source_day(site: Site) -> str:
    return max((s.retrieved for s in site.catalog.sources.values()), default="1970-01-01")


async def whole_feed(request: Request) -> Response:
    """`/changes.atom`: every change of the catalog (the newest)."""
    return await _serve(request, None, None)


async def subject_feed(request: Request) -> Response:
    """`/changes/{models|providers|labs}/{name}.atom`."""
    subject = str(request.path_params["subject"])
    raw = str(request.path_params["name"])
    if subject not in urls.FEED_SUBJECTS or not raw.endswith(SUFFIX):
        raise not_found("Not Found", f"Nothing is served at {request.url.path}.")
    name = raw[: -len(SUFFIX)]
    site = _site(request)
    if subject == "models":
        model = find_model(site, name)
        if name != model.slug:
            return RedirectResponse(urls.changes_feed("models", model.slug), status_code=301)
        return await _serve(request, "models", model.id)
    known = site.catalog.providers if subject == "providers" else site.catalog.labs
    if name not in known:
        what = subject[:-1]
        raise not_found(f"Unknown {what}", f"No {what} is called {name!r}.", "name")
    return await _serve(request, subject, name)


async def _serve(request: Request, subject: str | None, name: str | None) -> Response:
    site = _site(request)
    key = f"feed:{subject}:{name}"
    body = site.recall(key)
    if body is None:

        def build() -> bytes:
            ctx = changes_context(
                site.catalog,
                limit=FEED_LIMIT,
                model=name if subject == "models" else None,
                provider=name if subject == "providers" else None,
                lab=name if subject == "labs" else None,
            )
            if subject == "models":
                page = urls.model(site.catalog.models[str(name)].slug)
            else:
                page = urls.changes({str(subject)[:-1]: name} if subject else None)
            return atom_feed(
                base_url=site.base_url,
                feed_path=ctx["feed"],
                page_path=page,
                title=f"tradeoff — {ctx['title']}",
                entries=ctx["changes"],
                updated=_newest_source_day(site),
            )

        body = site.remember(key, await site.in_worker(build))
    return cached(request, site.version, body, "atom", key)


FEED_ROUTES: tuple[Route, ...] = (
    Route("/changes.atom", whole_feed),
    Route("/changes/{subject}/{name:path}", subject_feed),
)
