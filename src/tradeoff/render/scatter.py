"""The price-vs-score scatter as SVG, drawn here rather than by pygal: every dot is a link to
its model with a ``<title>``; the compared models and the top scores carry a visible label, the
others show theirs on hover or keyboard focus (CSS, no script).

Price runs on a log scale. pygal's XY chart, given log10(price), drew its zero axis as a solid
line at log10(1) = 0 — the stray line at $1.00; this chart draws only the grid it labels.
The same SVG serves the page (inline, styled by site.css, dark mode included) and the ``.svg``
twin (standalone, with its own ``<style>``, which an SVG document may carry).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from tradeoff.render.markdown import money

WIDTH, HEIGHT = 800, 560
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 48, 72
TICKS = tuple(Decimal(t) for t in ("0.01", "0.03", "0.1", "0.3", "1", "3", "10", "30", "100"))
LINE = 15  # label height, px
# Light colours in presentation attributes; the site's stylesheet (and the standalone style
# below) override them by class.
STANDALONE_STYLE = """
.point .label { visibility: hidden; }
.point.labelled .label, .point:hover .label, .point:focus .label { visibility: visible; }
@media (prefers-color-scheme: dark) {
  .bg { fill: #0d1117; } text { fill: #e6edf3; } .grid { stroke: #3d444d; }
  .dot { fill: #6cb6ff; } .marked .dot { fill: #ffa657; }
}
"""


@dataclass(frozen=True)
class Dot:
    """One model on the scatter."""

    name: str
    url: str
    price_per_mtok: Decimal
    score: Decimal
    labelled: bool
    marked: bool


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _score_ticks(low: float, high: float) -> list[float]:
    span = max(high - low, 1e-9)
    raw = span / 6
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]


def scatter_svg(title: str, x_title: str, y_title: str, dots: list[Dot], standalone: bool) -> str:
    """The scatter; ``standalone`` adds the XML header, namespace and its own style."""
    priced = [d for d in dots if d.price_per_mtok > 0]
    xs = [math.log10(d.price_per_mtok) for d in priced] or [0.0]
    ys = [float(d.score) for d in priced] or [0.0, 1.0]
    x0, x1 = min(xs) - 0.15, max(xs) + 0.15
    pad = max((max(ys) - min(ys)) * 0.06, 0.5)
    y0, y1 = min(ys) - pad, max(ys) + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def px(x: float) -> float:
        return LEFT + (x - x0) / (x1 - x0) * plot_w

    def py(y: float) -> float:
        return TOP + (y1 - y) / (y1 - y0) * plot_h

    out = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" class="scatter" '
        f'role="group" aria-labelledby="scatter-title"'
        + (' xmlns="http://www.w3.org/2000/svg">' if standalone else ">"),
        f'<title id="scatter-title">{_e(title)}</title>',
    ]
    if standalone:
        out.append(f"<style>{STANDALONE_STYLE}</style>")
    out.append(f'<rect class="bg" width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>')
    out.append(
        f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" font-size="17" '
        f'font-weight="600" fill="#1f2328">{_e(title)}</text>'
    )
    for tick in TICKS:
        x = math.log10(tick)
        if x0 <= x <= x1:
            out.append(_grid_x(px(x), TOP, TOP + plot_h, money(_number(tick))))
    for score in _score_ticks(y0, y1):
        out.append(_grid_y(py(score), LEFT, LEFT + plot_w, f"{score:g}"))
    out.append(
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 16}" text-anchor="middle" font-size="13" '
        f'fill="#1f2328">{_e(x_title)}</text>'
    )
    out.append(
        f'<text transform="translate(16 {TOP + plot_h / 2}) rotate(-90)" text-anchor="middle" '
        f'font-size="13" fill="#1f2328">{_e(y_title)}</text>'
    )
    placed: list[tuple[float, float, float, float]] = []
    # unlabelled dots first, so the labelled ones (and their labels) are drawn on top
    for d in sorted(priced, key=lambda d: (d.labelled, d.marked)):
        cx, cy = px(math.log10(d.price_per_mtok)), py(float(d.score))
        out.append(_dot(d, cx, cy, _label_at(d, cx, cy, placed)))
    out.append("</svg>")
    return "\n".join(out)


def _grid_x(x: float, top: float, bottom: float, label: str) -> str:
    return (
        f'<line class="grid" x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{bottom}" '
        f'stroke="#d0d7de" stroke-dasharray="3 3"/>'
        f'<text x="{x:.1f}" y="{bottom + 18}" text-anchor="middle" font-size="12" '
        f'fill="#1f2328">{_e(label)}</text>'
    )


def _grid_y(y: float, left: float, right: float, label: str) -> str:
    return (
        f'<line class="grid" x1="{left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
        f'stroke="#d0d7de" stroke-dasharray="3 3"/>'
        f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
        f'fill="#1f2328">{_e(label)}</text>'
    )


def _label_at(
    d: Dot, cx: float, cy: float, placed: list[tuple[float, float, float, float]]
) -> tuple[float, float, str]:
    """Where the dot's label goes: right of the dot (left near the right edge), moved up or
    down a line at a time until it overlaps no label placed before it."""
    width = 7 * len(d.name)
    right = cx + 8 + width <= WIDTH - RIGHT
    x = cx + 8 if right else cx - 8
    left_edge = x if right else x - width
    for shift in (0, -LINE, LINE, -2 * LINE, 2 * LINE, -3 * LINE, 3 * LINE):
        y = min(max(cy + 4 + shift, TOP + LINE), HEIGHT - BOTTOM)
        box = (left_edge, y - LINE + 3, left_edge + width, y + 3)
        if not d.labelled or not any(_overlap(box, other) for other in placed):
            break
    if d.labelled:
        placed.append(box)
    return x, y, "start" if right else "end"


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _dot(d: Dot, cx: float, cy: float, label: tuple[float, float, str]) -> str:
    text = f"{d.name}: {money(_number(d.price_per_mtok))} per 1M tokens, score {_number(d.score)}"
    classes = "point" + (" labelled" if d.labelled else "") + (" marked" if d.marked else "")
    fill = "#c2410c" if d.marked else "#0b5cad"
    lx, ly, anchor = label
    return (
        f'<a class="{classes}" href="{_e(d.url)}" aria-label="{_e(text)}">'
        f"<title>{_e(text)}</title>"
        f'<circle class="dot" cx="{cx:.1f}" cy="{cy:.1f}" r="{7 if d.marked else 5}" '
        f'fill="{fill}"/>'
        f'<text class="label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="12" '
        f'fill="#1f2328">{_e(d.name)}</text></a>'
    )
