"""What every page reads from the whole catalog, gathered once per opened catalog.

``catalog_view`` is the records the compare engine needs (offerings by model, each model's
cheapest route at the default blend, capability sets); the other values serve pickers and
the benchmark section.
"""

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypedDict

from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.compare.benchmarks import NO_BENCHMARKS, BenchmarkSection, section_from_results
from tradeoff.compare.engine import CatalogView
from tradeoff.compare.pricing import Quote, model_pricing
from tradeoff.compare.related import Related, capability_set
from tradeoff.compare.stored_pricing import pricing_from_json
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import benchmark_queries, derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.records import Model, model_slug

if TYPE_CHECKING:
    from tradeoff.records import Offering  # annotations only: not on cold paths


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


@per_catalog
def has_derived(catalog: Catalog) -> bool:
    """Whether the database holds the values precomputed at build (``db.derived``)."""
    return derived.has_derived(catalog)


# model id → name → a value stored at build (``db.derived`` ``model_values``)
StoredValues = Mapping[str, Mapping[str, Any]]
# what a comparison page reads of each model's stored values
PAGE_VALUES = ("pricing", "price_changes")


def stored_values(catalog: Catalog, model_ids: Sequence[str]) -> StoredValues | None:
    """What a comparison page reads of its models' stored values, in one read; None for a
    database without them."""
    if not has_derived(catalog):
        return None
    return derived.model_values_of(catalog, model_ids, PAGE_VALUES)


def compare_view(
    catalog: Catalog, models: Sequence[Model], stored: StoredValues | None = None
) -> CatalogView:
    """What a comparison of ``models`` reads: those models, their offerings, their stored
    headlines and related models (and every model's name) — not the whole catalog.
    ``stored``: their values already read (``stored_values``); default: read here.

    Without the precomputed values (a database compiled without ``pages.precompute``) it is
    the whole ``catalog_view``; both give the same page.
    """
    if not has_derived(catalog):
        return catalog_view(catalog)
    ids = [m.id for m in models]
    if stored is None:
        stored = {
            i: {"pricing": v} for i, v in derived.model_values(catalog, "pricing", ids).items()
        }
    related = {
        model_id: tuple(Related(r.related_id, r.score, r.reasons) for r in rows)
        for model_id, rows in derived.related(catalog, ids).items()
    }
    heads = derived.headlines(catalog, ids)
    return CatalogView(
        models=catalog.models_of(ids),
        offerings=OfferingsOf(catalog, ids),
        providers=catalog.providers,
        labs=catalog.labs,
        sources=catalog.sources,
        cheapest_blended={i: h.blended_per_mtok for i, h in heads.items()},
        capability_sets={i: h.capabilities for i, h in heads.items()},
        related=related,
        names=catalog.model_names,
        pricing={i: pricing_from_json(v["pricing"]) for i, v in stored.items() if "pricing" in v},
    )


class OfferingsOf(Mapping[str, Sequence["Offering"]]):
    """The offerings of some models, read when first looked up: a comparison at the default
    blend reads each model's stored pricing instead (``CatalogView.pricing``)."""

    def __init__(self, catalog: Catalog, ids: Sequence[str]) -> None:
        self._catalog = catalog
        self._ids = ids
        self._loaded: dict[str, list[Offering]] | None = None

    def _all(self) -> dict[str, list["Offering"]]:
        if self._loaded is None:
            self._loaded = self._catalog.offerings_of(self._ids)
        return self._loaded

    def __getitem__(self, model_id: str) -> Sequence["Offering"]:
        return self._all()[model_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def cheapest_quotes(catalog: Catalog) -> Mapping[str, Quote | None]:
    """Each model's cheapest route at the default blend (``ModelPricing.cheapest``), by id.

    The catalog table, its CSV, the API and the comparison page all state this one quote.
    """
    return catalog_view(catalog).cheapest_quotes


class _ModelsBySlug(Mapping[str, Model]):
    """Every model by its URL slug; a model is loaded only when looked up."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._ids = {model_slug(i): i for i in catalog.model_ids}

    def __getitem__(self, slug: str) -> Model:
        return self._catalog.model(self._ids[slug])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


@per_catalog
def models_by_slug(catalog: Catalog) -> Mapping[str, Model]:
    """Every model by its URL slug (loaded when looked up)."""
    return _ModelsBySlug(catalog)


@per_catalog
def model_names(catalog: Catalog) -> list[ModelName]:
    """Every model's name, slug and id, sorted by name (pickers, llms.txt)."""
    names = [ModelName(slug=model_slug(i), name=n, id=i) for i, n in catalog.model_names.items()]
    return sorted(names, key=lambda m: (m["name"].lower(), m["id"]))


@per_catalog
def benchmark_registry(catalog: Catalog) -> dict[str, Benchmark]:
    """The benchmark registry by id."""
    return {b.id: b for b in benchmark_queries.benchmarks(catalog)}


@per_catalog
def has_results(catalog: Catalog) -> bool:
    """Whether the catalog holds any benchmark result."""
    return benchmark_queries.has_results(catalog)


def benchmark_section(
    catalog: Catalog,
    models: Sequence[Model],
    read: Mapping[str, Sequence[BenchmarkResult]] | None = None,
) -> BenchmarkSection:
    """Shared benchmark rows of the models (``tradeoff.compare.comparable``): reads only
    their results (``read``: their results already read)."""
    if not has_results(catalog):
        return NO_BENCHMARKS
    names = {m.id: m.name for m in models}
    results = read if read is not None else benchmark_queries.results_of(catalog, list(names))
    registry = benchmark_registry(catalog)
    return section_from_results([m.id for m in models], results, registry, names)
