"""The page resolvers: request → subject (or a redirect), before the render cache; each
returns the ``pages/`` builder of its context, which runs only on a cache miss. The route
table (``web/routes.py``) names one per page."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

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
    NoQuery,
    PairQuery,
)
from tradeoff.pages.score_chart import ScoreChartContext, all_series
from tradeoff.pages.score_chart import score_chart_context as score_context
from tradeoff.render.formats import Renderers
from tradeoff.web.pattern import Outcome, PageRequest, Redirect, Show
from tradeoff.web.requests import find_model, find_models, find_ticked, split_pair
from tradeoff.web.responses import bad_parameter, not_found
from tradeoff.web.site import Site

# The picker (none or one model on /compare): HTML only.
PICKER = Renderers[PickerContext](template="picker.html", json=False)


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
    return comparison(req.site, ids, req.query.blend_parts)


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
    return comparison(req.site, [m.id for m in models], req.query.blend_parts)


def comparison(
    site: Site, ids: list[str], blend: tuple[int, int] | None
) -> Callable[[], ComparisonContext]:
    """A comparison's context, built once for its page, twins, API document and charts when
    the site shares contexts (the static build asks for them one after the other)."""
    return lambda: site.context(
        ("compare", tuple(ids), blend), lambda: compare_context(site.catalog, ids, blend)
    )


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
