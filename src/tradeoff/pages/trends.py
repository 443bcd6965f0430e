"""``/trends``: how fast capability gets cheaper, month by month (docs/history.md).

For one benchmark's comparable series (``score_chart.all_series``: same subset, metric,
harness, settings and reporter kind) and a score threshold, each month's point is the cheapest
comparable headline price, on the month's last day (the history's last day for its last
month), of any model scoring at or above the threshold (at or below, when lower is better),
with that model named. A model's comparable routes are those the comparison counts today
(paid, priced, not excluded: ``compare.pricing.model_pricing``); their price on a day is the
dated span in force that day (``price_spans``). Prices: blended 70% input / 30% output, USD
per 1M text tokens, like for like.
"""

from __future__ import annotations

import datetime as dt
import statistics
from decimal import Decimal
from typing import TypedDict

from pydantic import Field

from tradeoff import urls
from tradeoff.compare.history_claims import blended
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.history_queries import history_bounds, spans_on
from tradeoff.db.queries import Catalog
from tradeoff.pages.chart_queries import PlottedBenchmark
from tradeoff.pages.jsonable import decimal_str
from tradeoff.pages.queries import PageQuery
from tradeoff.pages.score_chart import BenchmarkInfo, Choice, chosen_series
from tradeoff.pages.view import catalog_view

TITLE = "How fast capability gets cheaper"


class TrendsQuery(PageQuery):
    """Which benchmark, and the score a model must reach (default: the median score)."""

    benchmark: PlottedBenchmark = Field(None, description="benchmark id, e.g. gpqa-diamond")
    threshold: Decimal | None = Field(
        None, ge=0, le=100_000, description="score a model must reach; default: the median"
    )


class TrendStep(TypedDict):
    """One month: the cheapest qualifying model's comparable price on its last day."""

    month: str  # YYYY-MM
    date: str  # the day priced
    model: str | None  # None: no qualifying model had a comparable price that day
    name: str | None
    url: str | None
    provider: str | None
    score: str | None
    blended_per_mtok: str | None


class TrendsContext(TypedDict):
    """Everything /trends shows (its SVG draws ``steps``)."""

    title: str
    benchmark: BenchmarkInfo | None
    benchmarks: list[Choice]
    threshold: str | None
    threshold_is_default: bool
    qualifying: int  # models at or above the threshold with a comparable route today
    steps: list[TrendStep]
    blend: str
    method: str


def _month_ends(first: str, last: str) -> list[str]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    days, year, month = [], start.year, start.month
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        day = min(nxt - dt.timedelta(days=1), end)
        days.append(day.isoformat())
        if day >= end:
            return days
        year, month = nxt.year, nxt.month


def trends_context(
    catalog: Catalog, benchmark_id: str | None, threshold: Decimal | None
) -> TrendsContext:
    """The chosen benchmark's month-by-month cheapest qualifying price."""
    series, choices = chosen_series(catalog, benchmark_id)
    base = TrendsContext(
        title=TITLE,
        benchmark=None,
        benchmarks=choices,
        threshold=None,
        threshold_is_default=threshold is None,
        qualifying=0,
        steps=[],
        blend="70% input / 30% output",
        method=__doc__.split("\n\n")[1].replace("\n", " ") if __doc__ else "",
    )
    if series is None:
        return base
    higher = series["benchmark"]["higher_is_better"]
    scores = {p["model"]: Decimal(p["score"]) for p in series["points"]}
    bar = threshold if threshold is not None else Decimal(statistics.median(scores.values()))
    view = catalog_view(catalog)
    routes: dict[str, set[tuple[str, str]]] = {}
    for model_id, score in scores.items():
        if (score >= bar) if higher else (score <= bar):
            pricing = model_pricing(
                catalog.models[model_id],
                view.offerings.get(model_id, ()),
                catalog.providers,
                DEFAULT_BLEND,
            )
            routes[model_id] = {
                (q.provider_id, q.provider_model_id.lower())
                for q in pricing.providers
                if q.excluded_reason is None and q.priced and not q.free
            }
    base["benchmark"] = series["benchmark"]
    base["threshold"] = decimal_str(bar)
    base["qualifying"] = sum(1 for r in routes.values() if r)
    bounds = history_bounds(catalog.connection())
    if bounds is None:
        return base
    first, last = bounds
    base["steps"] = [_step(catalog, day, routes, scores) for day in _month_ends(first, last)]
    return base


def _step(
    catalog: Catalog, day: str, routes: dict[str, set[tuple[str, str]]], scores: dict[str, Decimal]
) -> TrendStep:
    best: tuple[Decimal, str, str] | None = None
    for s in spans_on(catalog.connection(), day, routes):
        if s.model_id not in routes:
            continue
        if (s.provider_id, s.provider_model_id.lower()) not in routes[s.model_id]:
            continue
        value = blended(s.input_per_mtok, s.output_per_mtok, DEFAULT_BLEND)
        if value is not None and value > 0:
            candidate = (value, s.model_id, s.provider_id)
            best = candidate if best is None or candidate < best else best
    if best is None:
        return TrendStep(
            month=day[:7], date=day, model=None, name=None, url=None, provider=None,
            score=None, blended_per_mtok=None,
        )  # fmt: skip
    value, model_id, provider_id = best
    model = catalog.models[model_id]
    provider = catalog.providers.get(provider_id)
    return TrendStep(
        month=day[:7],
        date=day,
        model=model_id,
        name=model.name,
        url=urls.model(model.slug),
        provider=provider.name if provider else provider_id,
        score=decimal_str(scores[model_id]),
        blended_per_mtok=decimal_str(value),
    )
