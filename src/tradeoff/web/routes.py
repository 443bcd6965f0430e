"""The route table: every URL of the site and the API, in one place.

Each page is one ``Page`` entry: its path (twins add ``.json`` / ``.md``), its query model
(``pages/``), its resolver (below: find the subject, redirect other spellings, return the
``pages/`` builder of its context) and its renderers (``render/``). /api/v1 entries reuse the
same query models, builders and contexts, served as JSON; the OpenAPI document is generated
from them. Files that are not pages (downloads, sitemap, static) come last.
"""

from __future__ import annotations

from typing import Any

from starlette.routing import Route

from tradeoff.pages.benchmark_index import BenchmarksContext
from tradeoff.pages.calculator import CalculatorContext
from tradeoff.pages.catalog_listing import CatalogContext
from tradeoff.pages.catalog_query import CatalogQuery
from tradeoff.pages.chart_queries import ConflictsQuery, PriceChartQuery, ScoreChartQuery
from tradeoff.pages.comparison import (
    ComparisonContext,
)
from tradeoff.pages.conflicts import ConflictsContext
from tradeoff.pages.lab import LabContext, LabsContext
from tradeoff.pages.model import ModelContext
from tradeoff.pages.provider import (
    ProviderContext,
    ProvidersContext,
)
from tradeoff.pages.queries import (
    CalculatorQuery,
    CompareApiQuery,
    CompareQuery,
    CostQuery,
    NoQuery,
    PairQuery,
)
from tradeoff.pages.trends import TrendsQuery
from tradeoff.render.charts import price_by_provider_svg, price_vs_score_svg
from tradeoff.render.formats import Renderers
from tradeoff.render.history_charts import price_history_svg
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_calculator import calculator_md
from tradeoff.render.markdown_indexes import benchmarks_md, labs_md, providers_md
from tradeoff.render.markdown_pages import (
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
from tradeoff.web.pattern import ApiDoc, Outcome, Page, PageRequest
from tradeoff.web.resolvers import (
    benchmarks_page,
    calculator_page,
    catalog_page,
    compare_api,
    compare_pair,
    compare_query,
    conflicts_api,
    downloads_page,
    lab_page,
    labs_page,
    model_api,
    model_page,
    price_chart,
    provider_page,
    providers_page,
    score_page,
)
from tradeoff.web.security import HEALTH_PATH

JSON = ("json",)
MODEL_EXAMPLE = "moonshotai--kimi-k2-instruct"


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
