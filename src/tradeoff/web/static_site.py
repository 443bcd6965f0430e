"""The static site: which URLs it holds, the file of each URL, and the host's lookup rule.

Every file is what `tradeoff serve` sends for its URL: the build (``web/static_build.py``)
asks the app itself, in-process, for each URL listed here. A URL maps to a file by its path
(percent-decoded, as a web server maps it) and its media type:

- an HTML page gets ``.html`` (``/`` → ``index.html``, ``/models/x`` → ``models/x.html``);
- an /api/v1 document without a suffix gets ``.json`` (``/api/v1/models/x`` →
  ``api/v1/models/x.json``);
- anything else keeps its path (twins ``/models/x.json``, ``/sitemap.xml``, downloads);
- two query URLs are files too, the query value naming the file: a pair's API comparison
  ``/api/v1/compare?models=a,b`` → ``api/v1/compare/a,b.json`` and a model's price chart
  ``/charts/price-by-provider.svg?model=x`` → ``charts/price-by-provider/x.svg``.

A static host serves them with one rule (``host_files``; nginx: ``try_files $uri $uri.html
$uri.json``); every other URL with a query string is for the server (docs/deploy.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qsl, unquote, urlsplit

from starlette.routing import Match

from tradeoff import urls
from tradeoff.compare.like_for_like import kinds_of, prices_comparable
from tradeoff.db.history_queries import models_with_history
from tradeoff.db.queries import Catalog
from tradeoff.pages.downloads import FILES as DOWNLOADS
from tradeoff.pages.related import related_pairs
from tradeoff.pages.sitemap import sitemap_entries
from tradeoff.pages.view import benchmark_section, catalog_view, models_by_slug
from tradeoff.render.site_files import sitemap_name, sitemap_parts
from tradeoff.web.resources import _static_names
from tradeoff.web.routes import PAGES

# Query URLs stored as files: path → (query parameter, folder of the files, file suffix).
QUERY_FILES: dict[str, tuple[str, str, str]] = {
    urls.api("compare"): ("models", "api/v1/compare", ".json"),
    urls.chart("price-by-provider"): ("model", "charts/price-by-provider", ".svg"),
    urls.chart("price-history"): ("model", "charts/price-history", ".svg"),
}
NOT_FOUND_FILE = "404.html"  # the site's not-found page, for the host's error page


def page_formats(path: str) -> tuple[str, ...]:
    """The formats the route table serves for a page path (its twins), from the table."""
    scope = {"type": "http", "path": path, "method": "GET"}
    for page in PAGES:
        for route in page.routes():
            if route.matches(scope)[0] is Match.FULL:
                return page.formats
    raise ValueError(f"no page of the route table serves {path}")


def site_urls(catalog: Catalog) -> Iterator[str]:
    """Every URL of the static site: the sitemap's pages with their twins, the compare form,
    /api/v1 documents (models, providers, labs, conflicts, the sitemap's pairs, OpenAPI),
    price charts, the sitemap pairs' comparison charts, downloads, static files, the
    sitemap, robots.txt and llms.txt. A comparison's API document and charts follow its
    page (the build renders them from one context)."""
    entries = sitemap_entries(catalog)
    pairs = {
        urls.canonical_pair(m.slug, catalog.models[r["id"]].slug)
        for m in catalog.models.values()
        for r in related_pairs(catalog, m)
    }
    after = {urls.compare(list(pair)): _pair_files(catalog, pair) for pair in pairs}
    for entry in entries:
        for fmt in page_formats(entry.path):
            yield urls.twin(entry.path, fmt)
        yield from after.get(entry.path, ())
    yield urls.compare([])  # the picker, linked from every page
    for fmt in ("html", "json", "md", "svg"):
        yield urls.trends(fmt=fmt)  # the price trend at its default benchmark and threshold
    yield from feed_urls(catalog)
    yield urls.api("openapi.json")
    for listing in ("models", "providers", "labs", "conflicts"):
        yield urls.api(listing)
    dated = models_with_history(catalog.connection())
    for model in catalog.models.values():
        yield urls.api(f"models/{model.slug}")
        yield urls.chart("price-by-provider", {"model": model.slug})
        if model.id in dated:
            yield urls.chart("price-history", {"model": model.slug})
    for provider_id in catalog.providers:
        yield urls.api(f"providers/{provider_id}")
    for lab_id in catalog.labs:
        yield urls.api(f"labs/{lab_id}")
    listed = {entry.path for entry in entries}
    for pair in sorted(pairs):  # those of a pair whose page is not in the sitemap
        if urls.compare(list(pair)) not in listed:
            yield from after[urls.compare(list(pair))]
    for name, _, _ in DOWNLOADS:
        yield urls.download(name)
    for name in sorted(_static_names()):
        yield urls.static(name)
    yield "/sitemap.xml"
    yield from (f"/{sitemap_name(n)}" for n in range(1, sitemap_parts(entries) + 1))
    yield "/robots.txt"
    yield "/llms.txt"


def _pair_files(catalog: Catalog, pair: tuple[str, str]) -> list[str]:
    """A sitemap pair's API comparison and the charts its page links."""
    return [urls.api("compare", {"models": ",".join(pair)}), *compare_chart_urls(catalog, [pair])]


def feed_urls(catalog: Catalog) -> Iterator[str]:
    """Every Atom feed: the whole catalog's, each model's, provider's and lab's."""
    yield urls.changes_feed()
    for model in catalog.models.values():
        yield urls.changes_feed("models", model.slug)
    for provider_id in catalog.providers:
        yield urls.changes_feed("providers", provider_id)
    for lab_id in catalog.labs:
        yield urls.changes_feed("labs", lab_id)


def compare_chart_urls(catalog: Catalog, pairs: list[tuple[str, str]]) -> Iterator[str]:
    """The charts each sitemap pair's page links: prices when the pair's prices are compared
    (one known kind) and a model has a headline route, scores when a benchmark row is shared
    (a chart with nothing to draw still answers, saying why)."""
    view = catalog_view(catalog)
    by_slug = models_by_slug(catalog)
    for pair in pairs:
        models = [by_slug[s] for s in pair]
        if prices_comparable(kinds_of(models)) and any(
            view.cheapest_quotes.get(m.id) for m in models
        ):
            yield urls.compare_chart("prices", pair)
        if benchmark_section(catalog, models).rows:
            yield urls.compare_chart("scores", pair)


def _query_file(path: str, query: str) -> str | None:
    """The file of a query URL stored as a file (the raw value names it, as nginx's
    ``$arg_…`` does), else None."""
    rule = QUERY_FILES.get(path)
    if rule is None:
        return None
    name, folder, suffix = rule
    raw = [v for k, _, v in (p.partition("=") for p in query.split("&")) if k == name]
    if len(raw) != 1 or len(parse_qsl(query)) != 1 or not raw[0]:
        return None
    if "/" in raw[0] or raw[0].startswith(".") or "%2f" in raw[0].lower():
        return None
    return f"{folder}/{raw[0]}{suffix}"


def file_for(url: str, media_type: str) -> str:
    """The file (relative path) a URL's response is stored in."""
    parts = urlsplit(url)
    if parts.query:
        stored = _query_file(parts.path, parts.query)
        if stored is None:
            raise ValueError(f"{url} has a query string: it is served, not built")
        return stored
    path = unquote(parts.path).lstrip("/")
    if not path or path.endswith("/") or ".." in path.split("/"):
        return path + "index.html" if not path or path.endswith("/") else _refuse(url)
    if media_type.startswith("text/html") and not path.endswith(".html"):
        return path + ".html"
    if media_type.startswith("application/json") and not path.endswith(".json"):
        return path + ".json"
    return path


def _refuse(url: str) -> str:
    raise ValueError(f"{url} does not name a file")


def host_files(url: str) -> list[str] | None:
    """The files a static host tries for a URL, in order (the nginx config of
    docs/deploy.md does the same); None when the URL needs the server."""
    parts = urlsplit(url)
    if parts.query:
        stored = _query_file(parts.path, parts.query)
        return None if stored is None else [stored]
    path = unquote(parts.path).lstrip("/")
    if ".." in path.split("/"):
        return []
    if not path or path.endswith("/"):
        return [path + "index.html"]
    return [path, path + ".html", path + ".json"]
