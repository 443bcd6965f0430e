"""Server-side SVG charts (pygal): titled, labelled, no script, readable without JavaScript.

Floats appear only here, as pixel positions; every number printed on a chart is formatted
from the exact Decimal it came from.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pygal
from pygal.style import Style

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
class ProviderPrice:
    """One bar pair: a provider's input and output price for a model."""

    label: str
    input_per_mtok: Decimal
    output_per_mtok: Decimal


@dataclass(frozen=True)
class ScorePoint:
    """One model on the price-vs-score chart."""

    name: str
    price_per_mtok: Decimal
    score: Decimal


def _text(value: Decimal) -> str:
    return money(format(value.normalize(), "f"))


def _config(**overrides: Any) -> dict[str, Any]:
    # js=[]: pygal links a tooltip script on a CDN by default; our charts carry no script.
    base: dict[str, Any] = {
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


def provider_prices(model_ctx: dict[str, Any]) -> list[ProviderPrice]:
    """Active, priced offerings of a model page context, cheapest input first."""
    out: list[ProviderPrice] = []
    names = [o["provider_name"] for o in model_ctx["offerings"]]
    for o in model_ctx["offerings"]:
        prices = o["prices"]
        if o["provider_status"] != "active" or prices["free"]:
            continue
        if prices["input_per_mtok"] is None or prices["output_per_mtok"] is None:
            continue
        label = o["provider_name"]
        if names.count(label) > 1:  # one provider serving several ids of the model
            label = f"{label} ({o['provider_model_id']})"
        out.append(
            ProviderPrice(
                label, Decimal(prices["input_per_mtok"]), Decimal(prices["output_per_mtok"])
            )
        )
    out.sort(key=lambda p: (p.input_per_mtok, p.output_per_mtok, p.label))
    return out


def provider_chart_height(count: int) -> int:
    """Pixel height that gives each provider a readable bar pair."""
    return 160 + BAR_HEIGHT * max(count, 1)


def price_by_provider_svg(model_name: str, points: list[ProviderPrice]) -> bytes:
    """Horizontal bars: input and output USD per 1M tokens at each provider."""
    chart = pygal.HorizontalBar(
        **_config(
            height=provider_chart_height(len(points)),
            title=f"{model_name}: price by provider (USD per 1M tokens)",
            x_title="USD per 1M tokens",
            print_values=True,
            print_values_position="top",
            show_y_guides=False,
        )
    )
    # Cheapest at the top: pygal draws the first label at the bottom.
    ordered = list(reversed(points))
    chart.x_labels = [p.label for p in ordered]
    chart.add(
        "Input",
        [{"value": float(p.input_per_mtok), "formatter": _fmt(p.input_per_mtok)} for p in ordered],
    )
    chart.add(
        "Output",
        [
            {"value": float(p.output_per_mtok), "formatter": _fmt(p.output_per_mtok)}
            for p in ordered
        ],
    )
    return _no_script(chart.render())


def _no_script(svg: bytes) -> bytes:
    return _SCRIPT.sub(b"", svg)


def _fmt(value: Decimal) -> Any:
    text = _text(value)
    return lambda _x: text


def price_vs_score_svg(title: str, score_label: str, points: list[ScorePoint]) -> bytes:
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


def _point_fmt(point: ScorePoint) -> Any:
    text = (
        f"{point.name}: {_text(point.price_per_mtok)}, score {format(point.score.normalize(), 'f')}"
    )
    return lambda _x: text
