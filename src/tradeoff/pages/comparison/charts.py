"""The comparison's two charts, as the numbers they draw (the SVG and the table beside it
read the same rows): each model's price at every provider side by side, and the shared
benchmark scores.

Only numbers the page's sections already hold are drawn: the pricing section's per-provider
comparable routes at the page's blend (never across kinds: ``compare.like_for_like``), and the
shared benchmark rows (same benchmark, subset, metric and settings: ``compare.comparable``).
"""

from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict

from tradeoff import urls
from tradeoff.compare import wording as w
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.pages.comparison.benchmarks import BenchmarksEntry
from tradeoff.pages.comparison.pricing import BlendEntry, PricingEntry, QuoteEntry


class PriceChartRow(TypedDict):
    """One provider: each compared model's price there (None: it does not serve it like for
    like), in the page's model order."""

    provider: str
    provider_name: str
    prices: list[str | None]


class ScoreChartRow(TypedDict):
    """One shared benchmark row: each compared model's score, in the page's model order."""

    label: str
    metric: str
    higher_is_better: bool
    scores: list[str]


class CompareCharts(TypedDict):
    """Both charts: the URL of each SVG (None: not drawn, ``*_note`` says why) and its rows."""

    price_url: str | None
    price_unit: str  # what a bar's number is ("USD per 1M tokens, blended 70/30")
    price_note: str
    price_rows: list[PriceChartRow]
    score_url: str | None
    score_unit: str  # the one unit drawn ("%")
    score_note: str
    score_rows: list[ScoreChartRow]


def _bar_value(q: QuoteEntry) -> str | None:
    """A comparable, paid route's price as the provider table prints it (blended, or the input
    price of a kind without output tokens); None for anything else."""
    if q["headline_excluded_reason"] is not None or q["free"]:
        return None
    return q["blended_per_mtok"] if q["output_applicable"] else q["input_per_mtok"]


def price_rows(pricing: Sequence[PricingEntry]) -> list[PriceChartRow]:
    """Every provider serving a compared model like for like, cheapest first."""
    names: dict[str, str] = {}
    prices: dict[str, dict[str, str]] = {}
    for p in pricing:
        for q in p["providers"]:
            value = _bar_value(q)
            if value is not None:
                names[q["provider"]] = q["provider_name"]
                prices.setdefault(q["provider"], {})[p["model"]] = value
    order = sorted(prices, key=lambda pid: (min(map(Decimal, prices[pid].values())), pid))
    return [
        {
            "provider": pid,
            "provider_name": names[pid],
            "prices": [prices[pid].get(p["model"]) for p in pricing],
        }
        for pid in order
    ]


def _unit(pricing: Sequence[PricingEntry], blend: BlendEntry) -> str:
    routes = [q for p in pricing for q in p["providers"]]
    if routes and not any(q["output_applicable"] for q in routes):
        return "USD per 1M input tokens"
    return f"USD per 1M tokens, blended {blend['label']} input/output"


def compare_charts(
    slugs: Sequence[str],
    pricing: Sequence[PricingEntry],
    benchmarks: BenchmarksEntry,
    blend: BlendEntry,
    comparable: bool,
) -> CompareCharts:
    """The charts of a comparison of ``slugs`` (``comparable``: one known kind)."""
    asked = blend["label"].replace("/", ":")
    query = None if blend["label"] == DEFAULT_BLEND.label else asked
    rows = price_rows(pricing) if comparable else []
    if not comparable:
        price_note = "Not drawn: the models are of different kinds (or a kind not yet sourced)."
    elif not rows:
        price_note = "Not drawn: no compared model has a comparable paid route."
    else:
        price_note = (
            f"{w.count(len(rows), 'provider')}; comparable paid routes only (the headline rule), "
            "a missing bar: that provider does not serve the model like for like."
        )
    ids = [p["model"] for p in pricing]
    shared = benchmarks["shared"]
    units = [r["unit"] for r in shared]
    unit = max(dict.fromkeys(units), key=units.count) if units else ""
    drawn = [r for r in shared if r["unit"] == unit]
    score_rows: list[ScoreChartRow] = []
    for r in drawn:
        scores = {s["model"]: s["score"] for s in r["scores"]}  # one score per model a row
        score_rows.append(
            {
                "label": r["label"],
                "metric": r["metric"],
                "higher_is_better": r["higher_is_better"],
                "scores": [scores[m] for m in ids],
            }
        )
    if not shared:
        score_note = "Not drawn: no benchmark row compares these models."
    else:
        score_note = f"{w.count(len(drawn), 'shared benchmark row')} {w.unit_words(unit)}"
        left = len(shared) - len(drawn)
        verb = "is" if left == 1 else "are"
        score_note += (
            f"; {w.count(left, 'row')} in other units {verb} in the table only." if left else "."
        )
    return {
        "price_url": urls.compare_chart("prices", slugs, query) if rows else None,
        "price_unit": _unit(pricing, blend),
        "price_note": price_note,
        "price_rows": rows,
        "score_url": urls.compare_chart("scores", slugs, query) if score_rows else None,
        "score_unit": unit,
        "score_note": score_note,
        "score_rows": score_rows,
    }
