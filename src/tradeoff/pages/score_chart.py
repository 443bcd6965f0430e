"""Price vs benchmark score across the catalog: one comparable series per benchmark.

Only results that can be compared are plotted together: the same benchmark, subset, metric,
harness, settings and kind of reporter (``comparable()``'s rule); the largest such group with
a known price is the series. A model with several results in the group shows its latest.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TypedDict

from tradeoff import urls
from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.db.benchmark_queries import benchmarks, results_by_model
from tradeoff.db.queries import Catalog
from tradeoff.pages.jsonable import decimal_str
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.sources import Attribution, attribution
from tradeoff.pages.view import catalog_view

TITLE = "Price vs benchmark score"
BLEND = "70/30 input/output, headline route (the cheapest comparable offering)"
MIN_POINTS = 3
TOP_LABELLED = 8  # the best scores carry a visible label on the chart
GroupKey = tuple[str, str, str, str, tuple[tuple[str, str], ...], str]


class BenchmarkInfo(TypedDict):
    """The benchmark a series plots."""

    id: str
    name: str
    unit: str
    higher_is_better: bool


class Basis(TypedDict):
    """What every plotted result shares (so the dots can be compared)."""

    subset: str
    metric: str
    harness: str | None
    settings: dict[str, str]
    reported: str


class Point(TypedDict):
    """One model: its blended price and its score."""

    model: str
    name: str
    url: str
    blended_per_mtok: str
    score: str
    date: str | None
    source: str


class Series(TypedDict):
    """One benchmark's largest comparable group of priced results."""

    benchmark: BenchmarkInfo
    basis: Basis
    points: list[Point]


class Choice(TypedDict):
    """A benchmark the page can plot instead."""

    id: str
    name: str
    points: int


class ScoreChartContext(TypedDict):
    """Everything the price-vs-score page shows (its SVG plots ``series``)."""

    title: str
    series: Series | None
    benchmarks: list[Choice]
    # models asked for (`?models=`, e.g. the compared ones), marked on the chart; labelled:
    # those of them on the chart and the TOP_LABELLED best scores (model ids)
    marked: list[str]
    labelled: list[str]
    blend: str
    # the oldest date of the plotted prices (a dataset snapshot's or a review's): "as of"
    prices_as_of: str | None
    sources: list[Attribution]


def _key(r: BenchmarkResult) -> GroupKey:
    return (r.benchmark_id, r.subset, r.metric, r.harness_key, r.settings, r.reported)


@per_catalog
def all_series(catalog: Catalog) -> dict[str, Series]:
    """For each benchmark with enough priced models: its largest comparable group."""
    # The compare engine's cheapest paid active route at 70/30: the price every page shows.
    # A price of 0 cannot sit on the log-scale axis, so such a model is not a point at all.
    prices = catalog_view(catalog).cheapest_blended
    registry: dict[str, Benchmark] = {b.id: b for b in benchmarks(catalog)}
    groups: dict[GroupKey, dict[str, BenchmarkResult]] = defaultdict(dict)
    for model_id, results in results_by_model(catalog).items():
        price = prices.get(model_id)
        if price is None or price <= 0 or model_id not in catalog.models:
            continue
        for r in results:
            if r.left_out_because:  # withdrawn by its source, or a preview checkpoint's run
                continue
            held = groups[_key(r)].get(model_id)
            if held is None or (r.date or "") > (held.date or ""):
                groups[_key(r)][model_id] = r
    out: dict[str, Series] = {}
    for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        bench = registry.get(key[0])
        if bench is None or key[0] in out or len(members) < MIN_POINTS:
            continue
        points = [
            (
                price,
                Point(
                    model=m,
                    name=catalog.models[m].name,
                    url=urls.model(catalog.models[m].slug),
                    blended_per_mtok=decimal_str(price),
                    score=decimal_str(r.score),
                    date=r.date,
                    source=r.source_id,
                ),
            )
            for m, r in members.items()
            if (price := prices.get(m)) is not None
        ]
        points.sort(key=lambda p: p[0])
        out[key[0]] = Series(
            benchmark=BenchmarkInfo(
                id=bench.id,
                name=bench.name,
                unit=bench.unit,
                higher_is_better=bench.higher_is_better,
            ),
            basis=Basis(
                subset=key[1],
                metric=key[2],
                harness=key[3] or None,
                settings=dict(key[4]),
                reported=key[5],
            ),
            points=[p for _, p in points],
        )
    return out


def labelled_models(series: Series | None, marked: list[str]) -> list[str]:
    """The marked models on the chart, then the best TOP_LABELLED scores (ties by price)."""
    if series is None:
        return []
    sign = -1 if series["benchmark"]["higher_is_better"] else 1
    ranked = sorted(
        series["points"], key=lambda p: (sign * Decimal(p["score"]), Decimal(p["blended_per_mtok"]))
    )
    on_chart = {p["model"] for p in series["points"]}
    out = [m for m in marked if m in on_chart]
    out += [p["model"] for p in ranked[:TOP_LABELLED] if p["model"] not in out]
    return out


def chosen_series(catalog: Catalog, benchmark_id: str | None) -> tuple[Series | None, list[Choice]]:
    """The series of the benchmark asked for (default: the one with the most priced models),
    and every benchmark that could be chosen instead, by name."""
    found = all_series(catalog)
    chosen = benchmark_id or max(found, key=lambda b: (len(found[b]["points"]), b), default="")
    series = found.get(chosen)
    choices = [
        Choice(id=b, name=s["benchmark"]["name"], points=len(s["points"]))
        for b, s in sorted(found.items(), key=lambda kv: kv[1]["benchmark"]["name"].lower())
    ]
    return series, choices


def score_chart_context(
    catalog: Catalog, benchmark_id: str | None, marked: list[str] | None = None
) -> ScoreChartContext:
    """The price-vs-score page: the chosen series and the other benchmarks it could show."""
    series, choices = chosen_series(catalog, benchmark_id)
    quotes = catalog_view(catalog).cheapest_quotes
    dates = [
        q.checked
        for p in (series["points"] if series else [])
        if (q := quotes.get(p["model"])) is not None
    ]
    return ScoreChartContext(
        title=TITLE,
        series=series,
        benchmarks=choices,
        marked=list(marked or []),
        labelled=labelled_models(series, list(marked or [])),
        blend=BLEND,
        prices_as_of=min(dates, default=None),
        sources=attribution(catalog, {p["source"] for p in series["points"]} if series else ()),
    )
