"""A comparison's charts as accessible SVG (pygal, drawn server-side, no script): each model's
price at every provider side by side, and the shared benchmark scores.

Each SVG carries a ``<title>`` and a ``<desc>`` that the root names (``role="img"``,
``aria-labelledby``); every printed number is formatted from the exact decimal string of the
page's ``charts`` section, the same string the table beside the chart prints.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

import pygal

from tradeoff.compare.wording import score_text
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.render.charts import CHART_STYLE, _config, _no_script, _text

CHART_WIDTH = 800  # the charts' width (render.charts), unless labels need more
BARS_WIDTH = 400  # room for the bars beside the longest label

ROW_HEIGHT = 18  # pixels per bar: one bar per model per row


def compare_chart_height(rows: int, models: int) -> int:
    """Pixel height giving every model's bar in every row room for its printed value."""
    return 170 + ROW_HEIGHT * max(rows, 1) * max(models, 1)


def _accessible(svg: bytes, uid: str, title: str, desc: str) -> bytes:
    """Name the chart for assistive technology: a first <title> and <desc>, referenced by
    the root element (an <img> shows its alt text; the SVG opened alone reads these)."""
    open_at = svg.find(b"<svg")
    close_at = svg.find(b">", open_at)
    if open_at < 0 or close_at < 0:
        raise ValueError("not an SVG document")
    label = f' role="img" aria-labelledby="{uid}-title {uid}-desc"'.encode()
    named = (
        f'<title id="{uid}-title">{escape(title)}</title>'
        f'<desc id="{uid}-desc">{escape(desc)}</desc>'
    ).encode()
    return svg[:close_at] + label + b">" + named + svg[close_at + 1 :]


def _fmt(text: str) -> Callable[[object], str]:
    return lambda _x: text


def _bars(values: Sequence[str | None], show: Callable[[Decimal], str]) -> list[object]:
    return [
        None if v is None else {"value": float(Decimal(v)), "formatter": _fmt(show(Decimal(v)))}
        for v in values
    ]


def _score_text(unit: str) -> Callable[[Decimal], str]:
    def show(value: Decimal) -> str:
        return score_text(value, unit)

    return show


def compare_price_svg(ctx: ComparisonContext) -> bytes:
    """Horizontal bars: every compared model's price at each provider, cheapest provider first."""
    charts = ctx["charts"]
    rows = charts["price_rows"]
    names = [m["name"] for m in ctx["models"]]
    title = f"{ctx['title']}: price by provider ({charts['price_unit']})"
    chart = pygal.HorizontalBar(
        **_config(
            height=compare_chart_height(len(rows), len(names)),
            title=title,
            x_title=charts["price_unit"],
            print_values=True,
            print_values_position="top",
            show_y_guides=False,
            no_data_text=charts["price_note"],
        )
    )
    chart.uuid = "compare-prices"  # pygal draws a random id: same page, same bytes
    ordered = list(reversed(rows))  # pygal draws the first label at the bottom
    chart.x_labels = [r["provider_name"] for r in ordered]
    for i, name in enumerate(names):
        chart.add(name, _bars([r["prices"][i] for r in ordered], _text))
    desc = "; ".join(
        f"{r['provider_name']}: "
        + ", ".join(
            f"{name} {_text(Decimal(p)) if p is not None else 'not served like for like'}"
            for name, p in zip(names, r["prices"], strict=True)
        )
        for r in rows
    )
    desc = desc + "." if rows else charts["price_note"]
    return _accessible(_no_script(chart.render()), "compare-prices", title, desc)


def chart_width(labels: list[str]) -> int:
    """Pixel width that leaves the bars ``BARS_WIDTH`` beside the longest label (pygal
    approximates a character as 0.6 of the font size). A narrower chart squeezed the bars to
    nothing, and pygal then looped for ever splitting the axis title into lines of no width."""
    longest = max((len(label) for label in labels), default=0)
    return max(CHART_WIDTH, int(longest * 0.6 * CHART_STYLE.label_font_size) + BARS_WIDTH)


def compare_scores_svg(ctx: ComparisonContext) -> bytes:
    """Horizontal bars: every compared model's score on each shared benchmark row drawn."""
    charts = ctx["charts"]
    rows = charts["score_rows"]
    names = [m["name"] for m in ctx["models"]]
    unit = charts["score_unit"]
    title = f"{ctx['title']}: shared benchmark scores ({unit})"
    show = _score_text(unit)
    ordered = list(reversed(rows))
    labels = [
        f"{r['label']} ({'higher' if r['higher_is_better'] else 'lower'} is better)"
        for r in ordered
    ]
    chart = pygal.HorizontalBar(
        **_config(
            height=compare_chart_height(len(rows), len(names)),
            width=chart_width(labels),
            title=title,
            x_title=f"score ({unit})",
            print_values=True,
            print_values_position="top",
            show_y_guides=False,
            no_data_text=charts["score_note"],
        )
    )
    chart.uuid = "compare-scores"
    chart.x_labels = labels
    for i, name in enumerate(names):
        chart.add(name, _bars([r["scores"][i] for r in ordered], show))
    desc = "; ".join(
        f"{r['label']}, {r['metric']}: "
        + ", ".join(
            f"{name} {show(Decimal(s))}" for name, s in zip(names, r["scores"], strict=True)
        )
        for r in rows
    )
    desc = desc + "." if rows else charts["score_note"]
    return _accessible(_no_script(chart.render()), "compare-scores", title, desc)
