"""Server-side SVG charts (pygal) of page contexts: titled, labelled, no script.

The price-by-provider chart draws a model page's ``price_chart`` bars (pygal); the
price-vs-score chart draws the price-vs-score page's series (``render/scatter.py``). Floats
appear only here, as pixel positions; every number printed on a chart is formatted from the
exact Decimal it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pygal
from markupsafe import Markup
from pygal.style import Style

from tradeoff.pages.model import ModelContext, PriceBar
from tradeoff.pages.score_chart import ScoreChartContext
from tradeoff.render.markdown import money
from tradeoff.render.scatter import Dot, scatter_svg

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
# pygal inlines its config as a <script> even with js=[]; our SVGs carry no script at all.
_SCRIPT = re.compile(rb"<script\b.*?</script>", re.DOTALL)


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


def score_dots(ctx: ScoreChartContext) -> tuple[str, str, str, list[Dot]]:
    """(title, x title, y title, dots) of the price-vs-score chart; the title counts the dots
    drawn (a price of 0 cannot sit on the log axis)."""
    s = ctx["series"]
    if s is None:
        raise ValueError("no benchmark has comparable priced scores to plot")
    unit = s["benchmark"]["unit"]
    better = "higher" if s["benchmark"]["higher_is_better"] else "lower"
    labelled, marked = set(ctx["labelled"]), set(ctx["marked"])
    dots = [
        Dot(
            name=p["name"],
            url=p["url"],
            price_per_mtok=Decimal(p["blended_per_mtok"]),
            score=Decimal(p["score"]),
            labelled=p["model"] in labelled,
            marked=p["model"] in marked,
        )
        for p in s["points"]
    ]
    dots = [d for d in dots if d.price_per_mtok > 0]  # the title counts what is drawn
    dated = ctx.get("prices_as_of")
    as_of = f", prices as of {dated}" if dated else ""
    return (
        f"{s['benchmark']['name']} score vs price ({len(dots)} models){as_of}",
        "Blended price, USD per 1M tokens (70% input / 30% output), cheapest provider; log scale",
        f"{s['benchmark']['name']} ({s['basis']['metric']}, {unit}; {better} is better)",
        dots,
    )


def price_vs_score_svg(ctx: ScoreChartContext) -> bytes:
    """The price-vs-score page's series as a standalone SVG document (the ``.svg`` twin)."""
    title, x_title, y_title, dots = score_dots(ctx)
    svg = scatter_svg(title, x_title, y_title, dots, standalone=True)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + svg).encode()


def price_vs_score_inline(ctx: ScoreChartContext) -> Markup:
    """The same chart inline in the page, so its dots are links with titles and the labels
    of unlabelled dots show on hover and keyboard focus (styled by site.css)."""
    title, x_title, y_title, dots = score_dots(ctx)
    # every value from data is escaped by scatter_svg
    return Markup(scatter_svg(title, x_title, y_title, dots, standalone=False))
