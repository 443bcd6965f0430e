"""The route table: every URL of the site and the API, in one place.

Each page is one ``Page`` entry: its path (twins add ``.json`` / ``.md``), its query model
(``pages/``), its resolver (below: find the subject, redirect other spellings, return the
``pages/`` builder of its context) and its renderers (``render/``). /api/v1 entries reuse the
same query models, builders and contexts, served as JSON; the OpenAPI document is generated
from them. Files that are not pages (downloads, sitemap, static) come last.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from starlette.routing import Route

from tradeoff import urls
from tradeoff.compare.engine import MAX_MODELS
from tradeoff.pages.benchmark_index import BenchmarksContext, benchmarks_context
from tradeoff.pages.calculator import CalculatorContext, calculator_context
from tradeoff.pages.catalog_listing import CatalogContext, catalog_context
from tradeoff.pages.catalog_query import CatalogQuery
from tradeoff.pages.chart_queries import ConflictsQuery, PriceChartQuery, ScoreChartQuery
from tradeoff.pages.comparison import (
    ComparisonContext,
    PickerContext,
    compare_context,
    picker_context,
)
from tradeoff.pages.conflicts import ConflictsContext, conflicts_context
from tradeoff.pages.downloads import DownloadsContext, downloads_context
from tradeoff.pages.lab import LabContext, LabsContext, lab_context, labs_context
from tradeoff.pages.model import ModelContext, model_context
from tradeoff.pages.provider import (
    ProviderContext,
    ProvidersContext,
    provider_context,
    providers_context,
)
from tradeoff.pages.queries import (
    CalculatorQuery,
    CompareApiQuery,
    CompareQuery,
    CostQuery,
    NoQuery,
    PairQuery,
)
from tradeoff.pages.score_chart import ScoreChartContext, all_series
from tradeoff.pages.score_chart import score_chart_context as score_context
from tradeoff.pages.trends import TrendsQuery
from tradeoff.render.charts import price_by_provider_svg, price_vs_score_svg
from tradeoff.render.formats import Renderers
from tradeoff.render.history_charts import price_history_svg
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_indexes import benchmarks_md, labs_md, providers_md
from tradeoff.render.markdown_pages import (
    calculator_md,
    catalog_md,
    downloads_md,
    lab_md,
    model_md,
    provider_md,
    score_chart_md,
)
from tradeoff.render.trends_render import trends_md, trends_svg
from tradeoff.web import forms, resources
from tradeoff.web.charts import CHART_PAGES
from tradeoff.web.feeds import CHANGES_PAGES, FEED_ROUTES
from tradeoff.web.history_routes import price_history_chart, trends_page
from tradeoff.web.openapi import ApiRoute, api_route, openapi_document
from tradeoff.web.pattern import ApiDoc, Outcome, Page, PageRequest, Redirect, Show
from tradeoff.web.requests import find_model, find_models, find_ticked, split_pair
from tradeoff.web.responses import bad_parameter, not_found
from tradeoff.web.security import HEALTH_PATH

JSON = ("json",)
MODEL_EXAMPLE = "moonshotai--kimi-k2-instruct"


# Resolvers: request → subject (or a redirect), before the render cache; each returns the
# pages/ builder of its context, which runs only on a cache miss.


def catalog_page(req: PageRequest[CatalogQuery]) -> Outcome[CatalogContext]:
    """`/`: one page of the catalog table, filtered and sorted, with the ticked models
    (``models=``); its "Compare" button (``compare=``) goes to the ticked models' comparison."""
    ticked = find_ticked(req.site, req.query.models)
    if req.query.compare:
        if req.fmt != "html":
            raise bad_parameter("compare", "compare is a button of the HTML page")
        if not 2 <= len(ticked) <= MAX_MODELS:
            raise bad_parameter(
                "compare", f"tick 2 to {MAX_MODELS} models to compare ({len(ticked)} ticked)"
            )
        return Redirect(urls.compare([m.slug for m in ticked]))
    # links carry the ticks as slugs, however they were spelled
    query = req.query.model_copy(update={"models": [m.slug for m in ticked]})
    return lambda: catalog_context(req.catalog, query, [m.id for m in ticked])


def model_page(req: PageRequest[NoQuery]) -> Outcome[ModelContext]:
    """`/models/{slug}`; an id or alias redirects to the slug."""
    name = req.path["name"]
    model = find_model(req.site, name)
    if name != model.slug:
        return Redirect(urls.twin(urls.model(model.slug), req.fmt))
    return lambda: model_context(req.catalog, model)


def model_api(req: PageRequest[NoQuery]) -> Outcome[ModelContext]:
    """`/api/v1/models/{id|slug|alias}`: any name, no redirect."""
    model = find_model(req.site, req.path["name"])
    return lambda: model_context(req.catalog, model)


def price_chart(req: PageRequest[PriceChartQuery]) -> Outcome[ModelContext]:
    """`/charts/price-by-provider.svg?model=SLUG`: the model page's price chart."""
    model = find_model(req.site, req.query.model)
    return lambda: model_context(req.catalog, model)


def provider_page(req: PageRequest[NoQuery]) -> Outcome[ProviderContext]:
    """`/providers/{id}`."""
    provider = req.catalog.providers.get(req.path["name"])
    if provider is None:
        name = req.path["name"]
        raise not_found("Unknown provider", f"No provider is called {name!r}.", "id")
    return lambda: provider_context(req.catalog, provider)


def lab_page(req: PageRequest[NoQuery]) -> Outcome[LabContext]:
    """`/labs/{id}`."""
    lab = req.catalog.labs.get(req.path["name"])
    if lab is None:
        raise not_found("Unknown lab", f"No lab is called {req.path['name']!r}.", "id")
    return lambda: lab_context(req.catalog, lab)


def compare_pair(req: PageRequest[PairQuery]) -> Outcome[ComparisonContext]:
    """`/compare/{a}-vs-{b}`; the reverse order, other spellings and blends redirect."""
    models = split_pair(req.site, req.path["pair"])
    if models[0].id == models[1].id:
        raise bad_parameter("pair", "compare two different models")
    slugs = [m.slug for m in models]
    asked = req.raw.get("blend")
    # The request's path is percent-decoded (`%3A` arrives as `:`): compare it decoded, or a
    # slug with a quoted character would redirect to itself forever.
    if req.request.url.path != unquote(urls.twin(urls.compare(slugs), req.fmt)) or (
        asked and asked != req.query.blend
    ):
        return Redirect(urls.twin(urls.compare(slugs, req.query.blend), req.fmt))
    ids = [m.id for m in sorted(models, key=lambda m: m.slug)]
    return lambda: compare_context(req.catalog, ids, req.query.blend_parts)


def compare_query(req: PageRequest[CompareQuery]) -> Outcome[ComparisonContext]:
    """`/compare?models=a,b,c`: 2 models redirect to their pair; fewer get the picker."""
    models = find_models(req.site, req.query.models)
    if len(models) == 2:
        target = urls.compare([m.slug for m in models], req.query.blend)
        return Redirect(urls.twin(target, req.fmt))
    if len(models) < 2:
        if req.fmt != "html":
            raise bad_parameter("models", "give 2 to 4 models, comma-separated")
        return Show(PICKER, lambda: picker_context(models, req.query.blend))
    return lambda: compare_context(req.catalog, [m.id for m in models], req.query.blend_parts)


def compare_api(req: PageRequest[CompareApiQuery]) -> Outcome[ComparisonContext]:
    """`/api/v1/compare?models=a,b[,c,d]`: any order, no redirect."""
    models = find_models(req.site, req.query.models)
    if len(models) < 2:
        raise bad_parameter("models", "give 2 to 4 models, comma-separated")
    return lambda: compare_context(req.catalog, [m.id for m in models], req.query.blend_parts)


def calculator_page(req: PageRequest[CalculatorQuery]) -> Outcome[CalculatorContext]:
    """`/calculator` and `/api/v1/cost`: the workload priced on the chosen models."""
    models = find_models(req.site, req.query.models)
    return lambda: calculator_context(req.catalog, models, req.query.workload())


def score_page(req: PageRequest[ScoreChartQuery]) -> Outcome[ScoreChartContext]:
    """`/charts/price-vs-score`: its SVG needs a series to plot."""

    def build() -> ScoreChartContext:
        # in the worker: the series are built from the whole catalog (not on the event loop)
        if req.fmt == "svg" and not all_series(req.catalog):
            raise not_found("Not Found", "no benchmark has comparable priced scores yet")
        return score_context(req.catalog, req.query.benchmark, marked)

    marked = [m.id for m in find_models(req.site, req.query.models)]

    return build


def downloads_page(req: PageRequest[NoQuery]) -> Outcome[DownloadsContext]:
    """`/downloads`: the files and their licences."""
    return lambda: downloads_context(req.catalog)


def providers_page(req: PageRequest[NoQuery]) -> Outcome[ProvidersContext]:
    """`/providers` and `/api/v1/providers`."""
    return lambda: providers_context(req.catalog)


def labs_page(req: PageRequest[NoQuery]) -> Outcome[LabsContext]:
    """`/labs` and `/api/v1/labs`."""
    return lambda: labs_context(req.catalog)


def benchmarks_page(req: PageRequest[NoQuery]) -> Outcome[BenchmarksContext]:
    """`/benchmarks`: the benchmark registry."""
    return lambda: benchmarks_context(req.catalog)


def conflicts_api(req: PageRequest[ConflictsQuery]) -> Outcome[ConflictsContext]:
    """`/api/v1/conflicts[?model=]`."""
    model_id = find_model(req.site, req.query.model).id if req.query.model else None
    return lambda: conflicts_context(req.catalog, model_id)


def openapi_api(req: PageRequest[NoQuery]) -> Outcome[dict[str, object]]:
    """`/api/v1/openapi.json` and the documentation page `/api`, from this table."""
    return lambda: openapi_document(api_routes())


# Renderers shared by a page and its API entry.
CATALOG = Renderers[CatalogContext](template="catalog.html", markdown=catalog_md)
MODEL = Renderers[ModelContext](template="model.html", markdown=model_md)
PROVIDER = Renderers[ProviderContext](template="provider.html", markdown=provider_md)
LAB = Renderers[LabContext](template="lab.html", markdown=lab_md)
COMPARE = Renderers[ComparisonContext](template="compare.html", markdown=render_compare_markdown)
CALCULATOR = Renderers[CalculatorContext](template="calculator.html", markdown=calculator_md)
PICKER = Renderers[PickerContext](template="picker.html", json=False)
PROVIDERS = Renderers[ProvidersContext](template="providers.html", markdown=providers_md)
LABS = Renderers[LabsContext](template="labs.html", markdown=labs_md)
BENCHMARKS = Renderers[BenchmarksContext](template="benchmarks.html", markdown=benchmarks_md)


# Path parameters of the API, documented with an example the OpenAPI test calls.
MODEL_NAME = ("name", "canonical id (lab/model), slug (lab--model) or known alias", MODEL_EXAMPLE)
PROVIDER_ID = ("name", "provider id", "moonshotai")
LAB_ID = ("name", "lab id", "mistral")


# The table holds pages of different query and context types: each entry is checked when it
# is built (its resolver, query model and renderers agree), the table itself is heterogeneous.
AnyPage = Page[Any, Any]

PAGES: tuple[AnyPage, ...] = (
    Page("catalog", "/", CatalogQuery, catalog_page, CATALOG, form=forms.catalog_form),
    Page("model", "/models/{name:path}", NoQuery, model_page, MODEL),
    Page("provider", "/providers/{name}", NoQuery, provider_page, PROVIDER),
    Page("lab", "/labs/{name}", NoQuery, lab_page, LAB),
    Page("providers", "/providers", NoQuery, providers_page, PROVIDERS),
    Page("labs", "/labs", NoQuery, labs_page, LABS),
    Page("benchmarks", "/benchmarks", NoQuery, benchmarks_page, BENCHMARKS),
    Page("compare", "/compare", CompareQuery, compare_query, COMPARE, form=forms.picker_form),
    Page("compare-pair", "/compare/{pair:path}", PairQuery, compare_pair, COMPARE),
    Page(
        "calculator",
        "/calculator",
        CalculatorQuery,
        calculator_page,
        CALCULATOR,
        form=forms.calculator_form,
    ),
    Page(
        "price-vs-score",
        "/charts/price-vs-score",
        ScoreChartQuery,
        score_page,
        Renderers(template="score_chart.html", markdown=score_chart_md, svg=price_vs_score_svg),
        formats=("html", "json", "md", "svg"),
    ),
    Page(
        "price-by-provider",
        "/charts/price-by-provider.svg",
        PriceChartQuery,
        price_chart,
        Renderers(svg=price_by_provider_svg, json=False),
        formats=("svg",),
    ),
    *CHART_PAGES,
    Page(
        "price-history",
        "/charts/price-history.svg",
        PriceChartQuery,
        price_history_chart,
        Renderers(svg=price_history_svg, json=False),
        formats=("svg",),
    ),
    Page(
        "trends",
        "/trends",
        TrendsQuery,
        trends_page,
        Renderers(template="trends.html", markdown=trends_md, svg=trends_svg),
        formats=("html", "json", "md", "svg"),
    ),
    Page(
        "api-docs",
        "/api",
        NoQuery,
        openapi_api,
        Renderers[dict[str, object]](template="api_docs.html"),
        formats=("html", "json"),
    ),
    Page(
        "downloads",
        "/downloads",
        NoQuery,
        downloads_page,
        Renderers(template="downloads.html", markdown=downloads_md),
        aliases=("/downloads/",),
    ),
    *CHANGES_PAGES,
)

API: tuple[AnyPage, ...] = (
    Page(
        "api-openapi",
        "/api/v1/openapi.json",
        NoQuery,
        openapi_api,
        Renderers[dict[str, object]](),
        formats=JSON,
        api=ApiDoc("openapi", "This OpenAPI document", "meta"),
    ),
    Page(
        "api-models",
        "/api/v1/models",
        CatalogQuery,
        catalog_page,
        CATALOG,
        formats=JSON,
        api=ApiDoc("listModels", "Catalog table, filtered", response=CatalogContext),
    ),
    Page(
        "api-model",
        "/api/v1/models/{name:path}",
        NoQuery,
        model_api,
        MODEL,
        formats=JSON,
        api=ApiDoc("getModel", "One model", path_params=(MODEL_NAME,), response=ModelContext),
    ),
    Page(
        "api-compare",
        "/api/v1/compare",
        CompareApiQuery,
        compare_api,
        COMPARE,
        formats=JSON,
        api=ApiDoc("compare", "Compare 2 to 4 models", "compare", response=ComparisonContext),
    ),
    Page(
        "api-cost",
        "/api/v1/cost",
        CostQuery,
        calculator_page,
        CALCULATOR,
        formats=JSON,
        api=ApiDoc(
            "cost",
            "Price a token workload on every offering of the chosen models",
            "compare",
            response=CalculatorContext,
        ),
    ),
    Page(
        "api-providers",
        "/api/v1/providers",
        NoQuery,
        providers_page,
        PROVIDERS,
        formats=JSON,
        api=ApiDoc("listProviders", "Every provider", response=ProvidersContext),
    ),
    Page(
        "api-provider",
        "/api/v1/providers/{name}",
        NoQuery,
        provider_page,
        PROVIDER,
        formats=JSON,
        api=ApiDoc(
            "getProvider",
            "One provider and its offerings",
            path_params=(PROVIDER_ID,),
            response=ProviderContext,
        ),
    ),
    Page(
        "api-labs",
        "/api/v1/labs",
        NoQuery,
        labs_page,
        LABS,
        formats=JSON,
        api=ApiDoc("listLabs", "Every lab", response=LabsContext),
    ),
    Page(
        "api-lab",
        "/api/v1/labs/{name}",
        NoQuery,
        lab_page,
        LAB,
        formats=JSON,
        api=ApiDoc("getLab", "One lab and its models", path_params=(LAB_ID,), response=LabContext),
    ),
    Page(
        "api-conflicts",
        "/api/v1/conflicts",
        ConflictsQuery,
        conflicts_api,
        Renderers[ConflictsContext](),
        formats=JSON,
        api=ApiDoc("listConflicts", "Where sources disagree", response=ConflictsContext),
    ),
)

FILES: tuple[Route, ...] = (
    Route("/downloads/{name}", resources.download_file),
    Route("/sitemap.xml", resources.sitemap),
    Route("/sitemap-{part:int}.xml", resources.sitemap),
    Route("/robots.txt", resources.robots),
    Route("/llms.txt", resources.llms),
    Route("/static/{name}", resources.static),
    Route(HEALTH_PATH, resources.healthz),
)


def api_routes() -> list[ApiRoute]:
    """The /api/v1 entries as documented (the OpenAPI document and its test read these)."""
    return [api_route(p.path, p.api, p.query) for p in API if p.api is not None]


def routes() -> list[Route]:
    """Every Starlette route of the app, pages first (GET and HEAD only)."""
    return [route for page in (*PAGES, *API) for route in page.routes()] + [
        *FEED_ROUTES,
        *FILES,
    ]
