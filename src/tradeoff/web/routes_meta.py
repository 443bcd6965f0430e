"""Site furniture: charts, downloads, sitemap.xml, robots.txt, llms.txt, static files."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.pages.model import model_context
from tradeoff.render.markdown import esc, table
from tradeoff.web import charts, score_chart
from tradeoff.web.contexts import model_last_reviewed, provider_last_reviewed
from tradeoff.web.downloads import FILES, build_downloads, dataset_jsonld, downloads_context
from tradeoff.web.related import related_for
from tradeoff.web.responses import Problem, cached, json_ld, json_text
from tradeoff.web.routes_pages import find_model, serve, site_of
from tradeoff.web.site import Site
from tradeoff.web.templating import money

STATIC_TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}


def base_url(request: Request) -> str:
    """Scheme and host the client used (for absolute URLs in sitemap and JSON-LD)."""
    return str(request.base_url).rstrip("/")


async def chart_price_by_provider(request: Request) -> Response:
    """`/charts/price-by-provider.svg?model=SLUG`."""
    site = site_of(request)
    name = request.query_params.get("model", "")
    if not name:
        raise Problem(400, "Bad Request", "model is required (a model slug)", parameter="model")
    model = find_model(site, name)

    def build() -> bytes:
        ctx = model_context(site.catalog, model)
        return charts.price_by_provider_svg(model.name, charts.provider_prices(ctx))

    return serve(request, "svg", build)


def _score_ctx(request: Request) -> dict[str, Any]:
    site = site_of(request)
    unknown = set(request.query_params) - {"benchmark"}
    if unknown:
        raise Problem(
            400, "Bad Request", "unknown parameter; known: benchmark", parameter=sorted(unknown)[0]
        )
    ctx = score_chart.chart_context(site, request.query_params.get("benchmark") or None)
    if ctx is None:
        raise Problem(
            400,
            "Bad Request",
            "no comparable priced scores for that benchmark",
            parameter="benchmark",
        )
    return ctx


async def score_page(request: Request) -> Response:
    """`/charts/price-vs-score` (+ twins): price against a benchmark score, all models."""
    site = site_of(request)
    fmt = urls.split_format(request.url.path)[1]
    ctx = _score_ctx(request)
    ids = {p["source"] for p in (ctx["series"] or {}).get("points", [])}

    def build() -> str:
        return site.render(
            fmt,
            ctx,
            "score_chart.html",
            score_md,
            request,
            title="Price vs benchmark score",
            sources=site.sources_for(ids),
        )

    return serve(request, fmt, build)


async def score_svg(request: Request) -> Response:
    """`/charts/price-vs-score.svg?benchmark=ID`."""
    ctx = _score_ctx(request)
    if ctx["series"] is None:
        raise Problem(404, "Not Found", "no benchmark has comparable priced scores yet")
    return serve(request, "svg", lambda: score_chart.chart_svg(ctx))


def score_md(ctx: dict[str, Any]) -> str:
    """Markdown twin of the price-vs-score page: the plotted numbers."""
    s = ctx["series"]
    if s is None:
        return "# Price vs benchmark score\n\nNo comparable priced scores yet.\n"
    rows = [
        [esc(p["name"]), money(p["blended_per_mtok"]), esc(p["score"]), esc(p["date"] or "")]
        for p in s["points"]
    ]
    return (
        "\n\n".join(
            [
                f"# {esc(s['benchmark']['name'])} score vs blended price",
                table(["Model", "Blended $/1M", "Score", "Date"], rows),
            ]
        )
        + "\n"
    )


def _downloads(site: Site) -> Any:
    if "downloads" not in site.extras:
        site.extras["downloads"] = build_downloads(site.catalog)
    return site.extras["downloads"]


async def downloads_page(request: Request) -> Response:
    """`/downloads` (+ .json): the files and their licences, with a Dataset JSON-LD."""
    site = site_of(request)
    fmt = "json" if request.url.path.endswith(".json") else "html"

    def build() -> str:
        ctx = downloads_context(site.catalog, _downloads(site))
        if fmt == "json":
            return json_text(ctx)
        return site.render_html(
            "downloads.html",
            request,
            ctx=ctx,
            title="Download the catalog",
            jsonld=json_ld(dataset_jsonld(ctx, base_url(request))),
            twins={"json": urls.twin(urls.download(""), "json")},
            sources=ctx["included_sources"],
        )

    return serve(request, fmt, build)


async def download_file(request: Request) -> Response:
    """`/downloads/{name}`: one built file."""
    site = site_of(request)
    name = request.path_params["name"]
    if name not in {f[0] for f in FILES}:
        raise Problem(404, "Not Found", f"no download is called {name!r}", parameter="name")
    kind = {"sqlite": "sqlite", "json": "json", "csv": "csv", "md": "md"}[name.rsplit(".", 1)[1]]
    response = cached(request, site.version, _downloads(site).files[name], kind)
    response.headers["content-disposition"] = f'attachment; filename="{name}"'
    return response


def sitemap_entries(site: Site) -> list[tuple[str, str | None]]:
    """(path, lastmod) for every canonical page; lastmod = the page's last reviewed date."""
    if "sitemap" in site.extras:
        entries: list[tuple[str, str | None]] = site.extras["sitemap"]
        return entries
    catalog = site.catalog
    entries = [
        (urls.home(), None),
        (urls.calculator(), None),
        (urls.download(""), None),
        (urls.price_vs_score(), None),
    ]
    # lastmod is the date each page shows as "last reviewed", read from the same records.
    for model in catalog.models.values():
        entries.append((urls.model(model.slug), model_last_reviewed(catalog, model)))
    by_provider = site.offerings_by_provider
    for provider_id in catalog.providers:
        last = provider_last_reviewed(by_provider.get(provider_id, []))
        entries.append((urls.provider(provider_id), last))
    entries += [(urls.lab(lab_id), None) for lab_id in catalog.labs]
    # Comparisons linked from model pages (the same list those pages show). No lastmod: a
    # comparison's last-reviewed date is only known once it is built, and a guessed date
    # would be a false one.
    pairs = {r["url"] for model in catalog.models.values() for r in related_for(site, model)}
    entries += [(url, None) for url in sorted(pairs)]
    site.extras["sitemap"] = entries
    return entries


async def sitemap(request: Request) -> Response:
    """`/sitemap.xml`."""
    site = site_of(request)
    base = base_url(request)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, lastmod in sitemap_entries(site):
        extra = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(base + path)}</loc>{extra}</url>")
    lines.append("</urlset>")
    return cached(request, site.version, "\n".join(lines) + "\n", "xml")


async def robots(request: Request) -> Response:
    """`/robots.txt`: everything may be crawled; the API and downloads are for programs."""
    text = f"User-agent: *\nAllow: /\nSitemap: {base_url(request)}/sitemap.xml\n"
    return cached(request, site_of(request).version, text, "txt")


async def llms_txt(request: Request) -> Response:
    """`/llms.txt`: where a language model finds the Markdown twins and the API."""
    site = site_of(request)
    lines = [
        "# tradeoff",
        "",
        "> Which LLM, from which provider, at what cost: a catalog of models, providers and token "
        "prices (USD per 1M tokens) where every fact carries its source and checked date.",
        "",
        "Every page has a Markdown twin (append .md) and a JSON twin (append .json).",
        "",
        "## Catalog",
        "",
        f"- [Catalog table]({urls.twin('/', 'md')}): all models, cheapest active prices",
        f"- [JSON API]({urls.api('openapi.json')}): OpenAPI 3.1 document of /api/v1",
        f"- [Downloads]({urls.download('')}): SQLite, CSV, JSON with licences",
        "",
        "## Models",
        "",
    ]
    lines += [
        f"- [{esc(m['name'])}]({urls.twin(urls.model(m['slug']), 'md')})"
        for m in site.models_by_name
    ]
    return cached(request, site.version, "\n".join(lines) + "\n", "md")


@lru_cache(maxsize=1)
def _static_names() -> frozenset[str]:
    """The files the package ships under static/ (listed once per process)."""
    return frozenset(p.name for p in resources.files("tradeoff.web").joinpath("static").iterdir())


@lru_cache(maxsize=8)
def _static_file(name: str) -> str:
    return (
        resources.files("tradeoff.web")
        .joinpath("static")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


async def static(request: Request) -> Response:
    """`/static/{name}`: the stylesheet (and any small same-origin script)."""
    name = request.path_params["name"]
    ext = name.rsplit(".", 1)[-1]
    if name not in _static_names() or ext not in STATIC_TYPES:
        raise Problem(404, "Not Found", f"no static file {name!r}")
    site = site_of(request)
    response = cached(request, site.version, _static_file(name), "txt")
    response.headers["content-type"] = STATIC_TYPES[ext]
    return response


def routes() -> list[Route]:
    """This family's routes."""
    return [
        Route("/charts/price-by-provider.svg", chart_price_by_provider),
        Route("/charts/price-vs-score.svg", score_svg),
        Route("/charts/price-vs-score", score_page),
        Route("/charts/price-vs-score.json", score_page),
        Route("/charts/price-vs-score.md", score_page),
        Route("/downloads", downloads_page),
        Route("/downloads/", downloads_page),
        Route("/downloads.json", downloads_page),
        Route("/downloads/{name}", download_file),
        Route("/sitemap.xml", sitemap),
        Route("/robots.txt", robots),
        Route("/llms.txt", llms_txt),
        Route("/static/{name}", static),
    ]
