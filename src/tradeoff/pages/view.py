"""What every page reads from the whole catalog, gathered once per opened catalog.

``catalog_view`` is the records the compare engine needs (offerings by model, each model's
cheapest route at the default blend, capability sets); the other values serve pickers and
the benchmark section.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TypedDict

from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.compare.benchmarks import NO_BENCHMARKS, BenchmarkSection, section_from_results
from tradeoff.compare.engine import CatalogView
from tradeoff.compare.pricing import Quote, model_pricing
from tradeoff.compare.related import capability_set
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import benchmark_queries
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.records import Model, Offering

BenchmarkData = tuple[dict[str, list[BenchmarkResult]], dict[str, Benchmark]]


class ModelName(TypedDict):
    """A model as pickers list it."""

    slug: str
    name: str
    id: str


@per_catalog
def catalog_view(catalog: Catalog) -> CatalogView:
    """The records compare needs, gathered once per opened catalog."""
    offerings: dict[str, list[Offering]] = defaultdict(list)
    for o in catalog.offerings:
        if o.model_id:
            offerings[o.model_id].append(o)
    quotes: dict[str, Quote | None] = {}
    cheapest: dict[str, Decimal | None] = {}
    for m in catalog.models.values():
        q = model_pricing(m, offerings.get(m.id, ()), catalog.providers, DEFAULT_BLEND).cheapest
        quotes[m.id] = q
        cheapest[m.id] = None if q is None else q.blended_per_mtok
    return CatalogView(
        models=catalog.models,
        offerings=dict(offerings),
        providers=catalog.providers,
        labs=catalog.labs,
        sources=catalog.sources,
        cheapest_blended=cheapest,
        cheapest_quotes=quotes,
        capability_sets={m.id: capability_set(m) for m in catalog.models.values()},
    )


def cheapest_quotes(catalog: Catalog) -> Mapping[str, Quote | None]:
    """Each model's cheapest route at the default blend (``ModelPricing.cheapest``), by id.

    The catalog table, its CSV, the API and the comparison page all state this one quote.
    """
    return catalog_view(catalog).cheapest_quotes


@per_catalog
def models_by_slug(catalog: Catalog) -> dict[str, Model]:
    """Every model by its URL slug."""
    return {m.slug: m for m in catalog.models.values()}


@per_catalog
def model_names(catalog: Catalog) -> list[ModelName]:
    """Every model's name, slug and id, sorted by name (pickers, llms.txt)."""
    names = [ModelName(slug=m.slug, name=m.name, id=m.id) for m in catalog.models.values()]
    return sorted(names, key=lambda m: (m["name"].lower(), m["id"]))


@per_catalog
def benchmark_data(catalog: Catalog) -> BenchmarkData:
    """(results by model, registry by id) of the compiled catalog."""
    return (
        dict(benchmark_queries.results_by_model(catalog)),
        {b.id: b for b in benchmark_queries.benchmarks(catalog)},
    )


def benchmark_section(catalog: Catalog, models: Sequence[Model]) -> BenchmarkSection:
    """Shared benchmark rows of the models (``tradeoff.compare.comparable``)."""
    results, registry = benchmark_data(catalog)
    if not results:
        return NO_BENCHMARKS
    names = {m.id: m.name for m in models}
    return section_from_results([m.id for m in models], results, registry, names)
