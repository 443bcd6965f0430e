"""The model page's price-history chart: one step line per provider (pygal, server-side SVG).

Same approach as ``render.charts``: titled, labelled, no script, numbers formatted from the
exact Decimals of the context (the page's table holds the same numbers). The headline route's
line is drawn thick and named "(headline)"; x is the date, y the blended price.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pygal

from tradeoff.pages.history_shapes import HistoryLine
from tradeoff.pages.model import ModelContext
from tradeoff.render.charts import CHART_STYLE, _config, _no_script, _text

LINE_COLORS = (
    "#0b5cad",
    "#c2410c",
    "#15803d",
    "#7c3aed",
    "#b91c1c",
    "#0e7490",
    "#a16207",
    "#4b5563",
)


def _day(iso: str) -> int:
    return dt.date.fromisoformat(iso).toordinal()


def _month_ticks(first: str, last: str) -> list[int]:
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    ticks, day = [], dt.date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            ticks.append(day.toordinal())
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    step = max(1, -(-len(ticks) // 6))  # at most six labels: they must not run together
    return ticks[::step]


def _month(x: float) -> str:
    """An x value's label: its month (pygal also asks for 0 when it has nothing to draw)."""
    return dt.date.fromordinal(int(x)).strftime("%Y-%m") if x >= 1 else ""


def _points(line: HistoryLine, last: str) -> list[object]:
    """Step points: each price held flat from its start to its end (a jump at each change);
    None breaks the line where no like-for-like price is stated or the offering was gone."""
    points: list[object] = []
    previous_end: str | None = None
    for step in line["steps"]:
        if previous_end is not None and previous_end != step["start"]:
            points.append(None)
        value = step["blended_per_mtok"]
        end = step["end"] or last
        if value is None:
            points.append(None)
        else:
            text = _text(Decimal(value))
            for day in (step["start"], end):
                points.append(
                    {"value": (_day(day), float(value)), "formatter": lambda _x, t=text: t}
                )
        previous_end = step["end"]
    return points


def price_history_svg(ctx: ModelContext) -> bytes:
    """Blended price (70% input / 30% output) of each shown route over time; a chart with
    nothing to draw (no dated like-for-like price) says so rather than failing."""
    history = ctx["price_history"]
    if history is None:
        raise ValueError("this model has no dated price history")
    last = history["last_date"]
    drawn = any(s["blended_per_mtok"] is not None for ln in history["lines"] for s in ln["steps"])
    lines = history["lines"] if drawn else []
    style = CHART_STYLE.__class__(**{**CHART_STYLE.__dict__, "colors": LINE_COLORS})
    chart = pygal.XY(
        **_config(
            height=520,
            style=style,
            title=f"{ctx['name']}: price history by provider",
            x_title=f"Date (models.dev and genai-prices history, to {last})",
            y_title=f"Blended USD per 1M tokens ({history['blend']})",
            allow_interruptions=True,
            show_dots=False,
            x_labels=_month_ticks(history["first_date"], last) if lines else [],
            x_value_formatter=_month,
            y_value_formatter=lambda y: _text(Decimal(repr(round(y, 6)))),
            include_x_axis=True,
            no_data_text="No dated like-for-like price to draw",
        )
    )
    chart.uuid = "price-history"  # pygal draws a random id: same page, same bytes
    for line in lines:
        name = line["provider_name"] + (" (headline)" if line["headline"] else "")
        width = 4 if line["headline"] else 1.5
        chart.add(name, _points(line, last), stroke_style={"width": width})
    return _no_script(chart.render())
