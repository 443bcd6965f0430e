"""The benchmark index (`/benchmarks`): every registered benchmark with how many results and
models the catalog holds for it, and where its price-vs-score chart is."""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.db.benchmark_queries import benchmarks, result_counts, results_by_model
from tradeoff.db.queries import Catalog
from tradeoff.pages.score_chart import all_series
from tradeoff.pages.sources import Attribution, attribution


class BenchmarkSummary(TypedDict):
    """A registered benchmark. ``homepage`` is its registry source (None: not yet sourced);
    ``subset`` and ``version`` are None when the registry fixes none; ``chart`` is its
    price-vs-score page when enough priced models share a comparable result, else None."""

    id: str
    name: str
    category: str
    subset: str | None
    version: str | None
    metric: str
    unit: str
    higher_is_better: bool
    homepage: str | None
    result_count: int
    model_count: int
    chart: str | None


class BenchmarksContext(TypedDict):
    """Every benchmark, by name; ``benchmark_count == len(benchmarks)``, ``result_count`` is
    the sum of the listed benchmarks' result counts."""

    title: str
    benchmarks: list[BenchmarkSummary]
    benchmark_count: int
    result_count: int
    sources: list[Attribution]


def benchmarks_context(catalog: Catalog) -> BenchmarksContext:
    """The benchmark registry with result and model counts; sources are the results' own."""
    counts = result_counts(catalog)
    charted = all_series(catalog)
    listed = [
        BenchmarkSummary(
            id=b.id,
            name=b.name,
            category=b.category,
            subset=b.subset,
            version=b.version,
            metric=b.metric,
            unit=b.unit,
            higher_is_better=b.higher_is_better,
            homepage=b.homepage,
            result_count=counts.get(b.id, (0, 0))[0],
            model_count=counts.get(b.id, (0, 0))[1],
            chart=urls.price_vs_score(b.id) if b.id in charted else None,
        )
        for b in sorted(benchmarks(catalog), key=lambda b: (b.name.lower(), b.id))
    ]
    used = {r.source_id for rs in results_by_model(catalog).values() for r in rs}
    return BenchmarksContext(
        title="Benchmarks",
        benchmarks=listed,
        benchmark_count=len(listed),
        result_count=sum(b["result_count"] for b in listed),
        sources=attribution(catalog, used),
    )
