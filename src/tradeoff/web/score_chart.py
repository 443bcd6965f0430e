"""Price vs benchmark score across the catalog: one comparable series per benchmark.

Only results that can be compared are plotted together: the same benchmark, subset, metric,
harness, settings and kind of reporter (``comparable()``'s rule); the largest such group with
a known price is the series. A model with several results in the group shows its latest.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from tradeoff import urls
from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.db.benchmark_queries import benchmarks, results_by_model
from tradeoff.pages.comparison import catalog_view
from tradeoff.pages.jsonable import jsonable
from tradeoff.web import charts
from tradeoff.web.site import Site

MIN_POINTS = 3
GroupKey = tuple[str, str, str, str, tuple[tuple[str, str], ...], str]


def _key(r: BenchmarkResult) -> GroupKey:
    return (r.benchmark_id, r.subset, r.metric, r.harness_key, r.settings, r.reported)


def series(site: Site) -> dict[str, dict[str, Any]]:
    """For each benchmark with enough priced models: its largest comparable group."""
    if "score_series" in site.extras:
        cached: dict[str, dict[str, Any]] = site.extras["score_series"]
        return cached
    # The compare engine's cheapest paid active route at 70/30: the price every page shows.
    # A price of 0 cannot sit on the log-scale axis, so such a model is not a point at all.
    prices = catalog_view(site.catalog).cheapest_blended
    registry: dict[str, Benchmark] = {b.id: b for b in benchmarks(site.catalog)}
    groups: dict[GroupKey, dict[str, BenchmarkResult]] = defaultdict(dict)
    for model_id, results in results_by_model(site.catalog).items():
        price = prices.get(model_id)
        if price is None or price <= 0 or model_id not in site.catalog.models:
            continue
        for r in results:
            held = groups[_key(r)].get(model_id)
            if held is None or (r.date or "") > (held.date or ""):
                groups[_key(r)][model_id] = r
    out: dict[str, dict[str, Any]] = {}
    for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        bench = registry.get(key[0])
        if bench is None or key[0] in out or len(members) < MIN_POINTS:
            continue
        out[key[0]] = {
            "benchmark": {
                "id": bench.id,
                "name": bench.name,
                "unit": bench.unit,
                "higher_is_better": bench.higher_is_better,
            },
            "basis": {
                "subset": key[1],
                "metric": key[2],
                "harness": key[3] or None,
                "settings": dict(key[4]),
                "reported": key[5],
            },
            "points": sorted(
                (
                    {
                        "model": m,
                        "name": site.catalog.models[m].name,
                        "url": urls.model(site.catalog.models[m].slug),
                        "blended_per_mtok": jsonable(prices[m]),
                        "score": jsonable(r.score),
                        "date": r.date,
                        "source": r.source_id,
                    }
                    for m, r in members.items()
                ),
                key=lambda p: Decimal(p["blended_per_mtok"]),
            ),
        }
    site.extras["score_series"] = out
    return out


def chart_context(site: Site, benchmark_id: str | None) -> dict[str, Any] | None:
    """The price-vs-score page: the chosen series (default: the one with most points)."""
    all_series = series(site)
    if not all_series:
        return {"series": None, "benchmarks": [], "catalog_version": site.version}
    chosen = benchmark_id or max(all_series, key=lambda b: (len(all_series[b]["points"]), b))
    if chosen not in all_series:
        return None
    choices = [
        {"id": b, "name": s["benchmark"]["name"], "points": len(s["points"])}
        for b, s in sorted(all_series.items(), key=lambda kv: kv[1]["benchmark"]["name"].lower())
    ]
    return {
        "series": all_series[chosen],
        "benchmarks": choices,
        "blend": "70/30 input/output, cheapest active provider",
        "catalog_version": site.version,
    }


def chart_svg(ctx: dict[str, Any]) -> bytes:
    """The SVG scatter of one series."""
    s = ctx["series"]
    unit = s["benchmark"]["unit"]
    better = "higher" if s["benchmark"]["higher_is_better"] else "lower"
    points = [
        charts.ScorePoint(p["name"], Decimal(p["blended_per_mtok"]), Decimal(p["score"]))
        for p in s["points"]
    ]
    points = [p for p in points if p.price_per_mtok > 0]  # the title counts what is drawn
    return charts.price_vs_score_svg(
        f"{s['benchmark']['name']} score vs price ({len(points)} models)",
        f"{s['benchmark']['name']} ({s['basis']['metric']}, {unit}; {better} is better)",
        points,
    )
