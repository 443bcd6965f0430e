"""/trends as SVG (one step line of the cheapest qualifying price, each step's model named)
and as Markdown (pages/trends.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pygal

from tradeoff.escape import md as esc
from tradeoff.pages.trends import TrendsContext
from tradeoff.render.charts import _config, _no_script, _text
from tradeoff.render.markdown import money, table


def _label(ctx: TrendsContext) -> str:
    bench = ctx["benchmark"]
    assert bench is not None
    at = "at or above" if bench["higher_is_better"] else "at or below"
    return f"{bench['name']} {at} {ctx['threshold']}{bench['unit'] if bench['unit'] == '%' else ''}"


def _ticks(days: list[int]) -> list[int]:
    """Month labels at least 15 days apart (a last, partial month can be days after the
    previous month's end: its label would print over the other)."""
    kept: list[int] = []
    for day in days:
        if kept and day - kept[-1] < 15:
            kept[-1] = day
        else:
            kept.append(day)
    return kept


def trends_svg(ctx: TrendsContext) -> bytes:
    """The month-by-month cheapest price as a step line; a label names each new model."""
    if ctx["benchmark"] is None or not any(s["blended_per_mtok"] for s in ctx["steps"]):
        raise ValueError("no comparable priced history for this benchmark")
    steps = ctx["steps"]
    chart = pygal.XY(
        **_config(
            height=520,
            title=f"Cheapest model with {_label(ctx)}, by month",
            x_title="Month (price on its last day)",
            y_title=f"Blended USD per 1M tokens ({ctx['blend']})",
            allow_interruptions=True,
            print_labels=True,
            show_legend=False,
            x_labels=_ticks([dt.date.fromisoformat(s["date"]).toordinal() for s in steps]),
            x_value_formatter=lambda x: dt.date.fromordinal(int(x)).strftime("%Y-%m"),
            y_value_formatter=lambda y: _text(Decimal(repr(round(y, 6)))),
            include_x_axis=True,
            x_label_rotation=30,
        )
    )
    chart.uuid = "price-trend"  # pygal draws a random id: same page, same bytes
    points: list[object] = []
    previous: str | None = None
    for s in steps:
        if s["blended_per_mtok"] is None:
            points.append(None)
            previous = None
            continue
        text = f"{s['name']} ({s['provider']}): {_text(Decimal(s['blended_per_mtok']))}"
        points.append(
            {
                "value": (
                    dt.date.fromisoformat(s["date"]).toordinal(),
                    float(s["blended_per_mtok"]),
                ),
                "label": s["name"] if s["model"] != previous else "",
                "formatter": lambda _x, t=text: t,
            }
        )
        previous = s["model"]
    chart.add("Cheapest qualifying model", points)
    return _no_script(chart.render())


def trends_md(ctx: TrendsContext) -> str:
    """The page's numbers: one row a month."""
    if ctx["benchmark"] is None:
        return f"# {esc(ctx['title'])}\n\nNo benchmark has comparable priced scores yet.\n"
    rows = [
        [
            s["month"],
            esc(s["name"] or "no qualifying model priced"),
            esc(s["provider"] or ""),
            esc(s["score"] or ""),
            money(s["blended_per_mtok"]),
        ]
        for s in ctx["steps"]
    ]
    return (
        "\n\n".join(
            [
                f"# {esc(ctx['title'])}: {esc(_label(ctx))}",
                esc(ctx["method"]),
                f"{ctx['qualifying']} models qualify.",
                table(["Month", "Cheapest model", "Provider", "Score", "Blended $/1M"], rows),
            ]
        )
        + "\n"
    )
