"""Server-side SVG charts (pygal) of page contexts: titled, labelled, no script.

The price-by-provider chart draws a model page's ``price_chart`` bars; the price-vs-score
chart draws the price-vs-score page's series. Floats appear only here, as pixel positions;
every number printed on a chart is formatted from the exact Decimal it came from.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pygal
from pygal.style import Style

from tradeoff.pages.model import ModelContext, PriceBar
from tradeoff.pages.score_chart import ScoreChartContext
from tradeoff.render.markdown import money

CHART_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1f2328",
    foreground_strong="#1f2328",
    foreground_subtle="#57606a",
    colors=("#0b5cad", "#c2410c", "#15803d", "#7c3aed"),
    font_family="system-ui, sans-serif",
    title_font_size=18,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
    tooltip_font_size=13,
)
BAR_HEIGHT = 34
TICKS = tuple(Decimal(t) for t in ("0.01", "0.03", "0.1", "0.3", "1", "3", "10", "30", "100"))
# pygal inlines its config as a <script> even with js=[]; our SVGs carry no script at all.
_SCRIPT = re.compile(rb"<script\b.*?</script>", re.DOTALL)


@dataclass(frozen=True)
class ScorePoint:
    """One model on the price-vs-score chart."""

    name: str
    price_per_mtok: Decimal
    score: Decimal


def _text(value: Decimal) -> str:
    return money(format(value.normalize(), "f"))


def _config(**overrides: object) -> dict[str, object]:
    # js=[]: pygal links a tooltip script on a CDN by default; our charts carry no script.
    base: dict[str, object] = {
        "js": [],
        "style": CHART_STYLE,
        "width": 800,
        "disable_xml_declaration": False,
        "explicit_size": True,
        "pretty_print": False,
        "legend_at_bottom": True,
        "truncate_label": -1,
        "truncate_legend": -1,
    }
    base.update(overrides)
    return base


def chart_height(count: int) -> int:
    """Pixel height that gives each provider a readable bar pair."""
    return 160 + BAR_HEIGHT * max(count, 1)


def price_by_provider_svg(ctx: ModelContext) -> bytes:
    """Horizontal bars: input and output USD per 1M tokens at each active provider."""
    points = ctx["price_chart"]["bars"] if ctx["price_chart"] else []
    chart = pygal.HorizontalBar(
        **_config(
            height=chart_height(len(points)),
            title=f"{ctx['name']}: price by provider (USD per 1M tokens)",
            x_title="USD per 1M tokens",
            print_values=True,
            print_values_position="top",
            show_y_guides=False,
        )
    )
    chart.uuid = "price-by-provider"  # pygal draws a random id: same page, same bytes
    # Cheapest at the top: pygal draws the first label at the bottom.
    ordered: list[PriceBar] = list(reversed(points))
    chart.x_labels = [p["label"] for p in ordered]
    inputs = [Decimal(p["input_per_mtok"]) for p in ordered]
    outputs = [Decimal(p["output_per_mtok"]) for p in ordered]
    for series, values in (("Input", inputs), ("Output", outputs)):
        chart.add(series, [{"value": float(v), "formatter": _fmt(v)} for v in values])
    return _no_script(chart.render())


def _no_script(svg: bytes) -> bytes:
    return _SCRIPT.sub(b"", svg)


def _fmt(value: Decimal) -> Callable[[object], str]:
    text = _text(value)
    return lambda _x: text


def price_vs_score_svg(ctx: ScoreChartContext) -> bytes:
    """The price-vs-score page's series as a scatter; the title counts the dots drawn."""
    s = ctx["series"]
    if s is None:
        raise ValueError("no benchmark has comparable priced scores to plot")
    unit = s["benchmark"]["unit"]
    better = "higher" if s["benchmark"]["higher_is_better"] else "lower"
    points = [
        ScorePoint(p["name"], Decimal(p["blended_per_mtok"]), Decimal(p["score"]))
        for p in s["points"]
    ]
    points = [p for p in points if p.price_per_mtok > 0]  # the title counts what is drawn
    dated = ctx.get("prices_as_of")
    as_of = f", prices as of {dated}" if dated else ""
    return _scatter(
        f"{s['benchmark']['name']} score vs price ({len(points)} models){as_of}",
        f"{s['benchmark']['name']} ({s['basis']['metric']}, {unit}; {better} is better)",
        points,
    )


def _scatter(title: str, score_label: str, points: list[ScorePoint]) -> bytes:
    """A scatter of blended price (x, log scale) against a benchmark score (y), one dot a model.

    Prices span four orders of magnitude, so x is log10(price) with ticks labelled in USD.
    """
    priced = [p for p in points if p.price_per_mtok > 0]
    low = min((p.price_per_mtok for p in priced), default=Decimal("0.01"))
    high = max((p.price_per_mtok for p in priced), default=Decimal("100"))
    ticks = [t for t in TICKS if low / 3 <= t <= high * 3]
    chart = pygal.XY(
        **_config(
            height=560,
            title=title,
            x_title="Blended price, USD per 1M tokens (70% input / 30% output), cheapest "
            "provider; log scale",
            y_title=score_label,
            stroke=False,
            dots_size=5,
            show_legend=False,
            print_labels=len(priced) <= 24,
            x_labels=[math.log10(t) for t in ticks],
            x_value_formatter=_tick_label,
        )
    )
    chart.uuid = "price-vs-score"  # pygal draws a random id: same page, same bytes
    chart.add(
        "Models",
        [
            {
                "value": (math.log10(p.price_per_mtok), float(p.score)),
                "label": p.name,
                "formatter": _point_fmt(p),
            }
            for p in priced
        ],
    )
    return _no_script(chart.render())


def _tick_label(x: float) -> str:
    return _text(Decimal(repr(round(10**x, 6))))


def _point_fmt(point: ScorePoint) -> Callable[[object], str]:
    text = (
        f"{point.name}: {_text(point.price_per_mtok)}, score {format(point.score.normalize(), 'f')}"
    )
    return lambda _x: text
