"""The comparison page's repeated HTML cells, built in Python instead of Jinja macros.

A comparison page has a few hundred cells (a source reference, a price, a sourced fact); a
Jinja macro call costs more than the cell it writes. These functions write the same markup
with the same escaping rule as the templates' autoescape (``markupsafe.escape`` of every
value, the markup itself literal). The rows and lists are plain ``str`` of HTML, joined by
``compare_body.comparison_body`` into the page's ``<article>``, which the templates put in
with autoescape off (a ``Markup`` per part would copy its text when built and again when put
in an f-string).
``tests/pages/test_comparison.py``'s golden pages hold them to the bytes the macros wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import markupsafe
from markupsafe import escape as _markup_escape

from tradeoff.compare.wording import NOT_SOURCED, score_text
from tradeoff.escape import href
from tradeoff.pages.comparison.image_rows import IMAGE_OUTPUT_LABELS, image_output_cells
from tradeoff.pages.comparison.pricing import (
    PricingEntry,
    QuoteEntry,
    missing_route_text,
    route_price_text,
)
from tradeoff.render.markdown import money

# markupsafe.escape's own core: for a str, escape(s) is Markup(_escape_inner(s)). A markupsafe
# without it leaves every value to the public function (a Markup per value, same text).
_escape_str: Callable[[str], str] | None = getattr(markupsafe, "_escape_inner", None)


def _escape_text_fallback(text: str) -> str:
    return str(_markup_escape(text))


# A text value's escaping called directly: markupsafe's own function for a ``str`` (below).
# ``escape`` around it costs more than the escaping (a Python call: ~570 instructions of
# ~1,000 for a short text, ~400 texts a page), so a value that is always a ``str`` (a name,
# a label, a price text) goes here; a number or anything else still goes to ``escape``.
# Given a non-str it raises, it never writes it unescaped.
escape_text: Callable[[str], str] = _escape_str or _escape_text_fallback


def escape(value: object) -> str:
    """``markupsafe.escape`` (the templates' one HTML rule) as a plain ``str``: these cells
    are joined as text and wrapped in ``Markup`` once. A ``str`` goes to markupsafe's own
    escaping function directly (the same code ``escape`` runs for it, without building a
    ``Markup`` per value: ~400 values a page); an ``int`` is its digits, the text
    ``markupsafe.escape`` writes for it; anything else (a float, ``Markup``, an object with
    ``__html__``) goes through ``markupsafe.escape`` itself."""
    if type(value) is str and _escape_str is not None:
        return _escape_str(value)
    if type(value) is int:  # a count, a source number: digits and "-" need no escaping
        return str(value)
    return str(_markup_escape(value))


_UNKNOWN = frozenset(("unpriced", "not applicable", "not per token", "partly priced"))
NOT_SOURCED_CELL = f'<span class="unknown">{escape(NOT_SOURCED)}</span>'


@lru_cache(maxsize=1024)
def source_ref(n: int | None, dated: object) -> str:
    """A cell's source reference, " [n] checked 2026-06-09" linking to the sources list, as
    HTML. A pure function of a source number and its date: a page repeats a few of them on
    every sourced cell (~60 a page), written once each (for the most recent 1,024)."""
    if not n:
        return ""
    if type(n) is not int:  # a source number is an int: its digits need no escaping
        raise TypeError(f"source number {n!r} is not an int")
    dated_html = f" {escape(dated)}" if dated else ""
    return f' <span class="src"><a href="#source-{n}">[{n}]</a>{dated_html}</span>'


def _lines(rows: Sequence[str]) -> str:
    """Rows as a template's ``{% for %}`` loop wrote them: each on its own line."""
    return "".join([row + "\n" for row in rows])


def route_price(q: QuoteEntry, field: str) -> str:
    """A route's price cell text, escaped; an unknown ("unpriced", "not per token"…) marked."""
    text = route_price_text(q, field)
    if text in _UNKNOWN:
        return f'<span class="unknown">{escape_text(text)}</span>'
    return escape_text(text)


def fact_rows(rows: Sequence[Mapping[str, Any]]) -> str:
    """The spec table's rows, one line each: a label, then each model's sourced fact."""
    # one list of pieces for the whole table, joined once: a page has ~30 facts in ~15 rows,
    # and a call, a comprehension or a join per row costs as much as writing its cells
    out: list[str] = []
    for r in rows:
        out.append(f'<tr><th scope="row">{escape_text(r["label"])}</th>')
        out += [
            f'<td><span class="{"" if c["known"] else "unknown"}">'
            f"{escape_text(c['display'])}</span>"
            f"{source_ref(c['source_n'], c['dated'])}</td>"
            for c in r["cells"]
        ]
        out.append("</tr>\n")
    return "".join(out)


def capability_rows(rows: Sequence[Mapping[str, Any]]) -> str:
    """The capability table's rows, one line each: a label, then each model's value and
    source (one list of pieces, as ``fact_rows``)."""
    out: list[str] = []
    for r in rows:
        out.append(f'<tr><th scope="row">{escape_text(r["label"])}</th>')
        out += [
            f'<td><span class="{escape_text(c["value"])}">{escape_text(c["display"])}</span>'
            f"{source_ref(c['source_n'], c['dated'])}</td>"
            for c in r["cells"]
        ]
        out.append("</tr>\n")
    return "".join(out)


def price_chart_rows(rows: Sequence[Mapping[str, Any]]) -> str:
    """The price chart table's rows, one line each."""
    return _lines([_price_chart_row(r) for r in rows])


def _price_chart_row(r: Mapping[str, Any]) -> str:
    """A row of the price chart's table: a provider, then each model's price there."""
    cells = "".join(
        '<td class="num"><span class="unknown">no comparable route</span></td>'
        if v is None
        else f'<td class="num">{escape_text(money(str(v)))}</td>'
        for v in r["prices"]
    )
    return f'<tr><th scope="row">{escape_text(r["provider_name"])}</th>{cells}</tr>'


_ROUTES = (("cheapest", escape("Headline route")), ("first_party", escape("First-party API")))


def route_rows(pricing: Sequence[PricingEntry], blend_label: str, images: bool = False) -> str:
    """The pricing summary's rows: each model's headline and first-party route (provider,
    input, output, blended), or why it has none, then (``images``: a compared model outputs
    images) its image-output route and price, then its count of active providers; one line
    each."""
    rows = []
    blended = f"blended {escape(blend_label)} / 1M tokens"
    labels = ("provider", "input / 1M tokens", "output / 1M tokens", blended)
    for key, title in _ROUTES:
        columns = [_route_cells(p, key) for p in pricing]  # each model's four cells
        rows += [
            f'<tr><th scope="row">{title}: {label}</th>{"".join([c[i] for c in columns])}</tr>\n'
            for i, label in enumerate(labels)
        ]
    if images:
        rows += _image_output_rows(pricing)
    counts = "".join([f'<td class="num">{escape(p["provider_count"])}</td>' for p in pricing])
    rows.append(f'<tr><th scope="row">Active providers</th>{counts}</tr>\n')
    return "".join(rows)


def _image_output_rows(pricing: Sequence[PricingEntry]) -> list[str]:
    """Each model's image-output route and its price per 1M image tokens (citing that
    price's own source), or why there is none."""
    providers, prices = [], []
    for p in pricing:
        provider, price = image_output_cells(p)
        q = p["image_output"]
        if q is None:
            provider = f'<span class="unknown">{escape_text(provider)}</span>'
            price = f'<span class="unknown">{escape_text(price)}</span>'
        else:
            n, dated = q["output_per_mtok_image_source_n"], q["output_per_mtok_image_dated"]
            provider, price = escape_text(provider), escape_text(price) + source_ref(n, dated)
        providers.append(f"<td>{provider}</td>")
        prices.append(f'<td class="num">{price}</td>')
    return [
        f'<tr><th scope="row">{escape_text(label)}</th>{"".join(cells)}</tr>\n'
        for label, cells in zip(IMAGE_OUTPUT_LABELS, (providers, prices), strict=True)
    ]


def _route_cells(p: PricingEntry, key: str) -> tuple[str, str, str, str]:
    """A model's cells of one route (provider, input, output, blended), or why it has none."""
    q: QuoteEntry | None = p[key]  # type: ignore[literal-required]
    if not q:  # the reason only where it is shown
        none = f'<span class="unknown">{escape_text(missing_route_text(key, p))}</span>'
        price = f'<td class="num">{none}</td>'
        return f"<td>{none}</td>", price, price, price
    lifecycle = "" if q["lifecycle"] == "ga" else f" ({escape_text(q['lifecycle'])})"
    return (
        f"<td>{escape_text(q['provider_name'])}{lifecycle}"
        f"{source_ref(q['source_n'], q['dated'])}</td>",
        f'<td class="num">{route_price(q, "input_per_mtok")}</td>',
        f'<td class="num">{route_price(q, "output_per_mtok")}</td>',
        f'<td class="num">{route_price(q, "blended_per_mtok")}</td>',
    )


def related_items(groups: Sequence[Mapping[str, Any]], models: Sequence[Mapping[str, Any]]) -> str:
    """The "continue comparing" list items of each compared model, one line each."""
    lines = []
    for r in groups:
        own = escape_text(next(m for m in models if m["id"] == r["model"])["name"])
        for i in r["items"]:
            reasons = escape_text(", ".join(i["reasons"]))
            lines.append(
                f'<li><a href="{escape_text(i["url"])}">{own} vs {escape_text(i["name"])}</a> '
                f'<span class="meta">({reasons})</span></li>'
            )
        if not r["items"]:
            lines.append(f"<li>No related model found for {own}.</li>")
    return "".join([line + "\n" for line in lines])


def source_items(sources: Sequence[Mapping[str, Any]]) -> str:
    """The numbered sources list's items, one line each."""
    lines = []
    for s in sources:
        attribution = f", {escape_text(s['attribution'])}" if s["attribution"] else ""
        lines.append(
            f'<li id="source-{escape(s["n"])}"><a href="{escape_text(href(s["url"]))}" '
            f'rel="nofollow">{escape_text(s["name"])}</a>: {escape_text(s["kind"])}, licence '
            f"{escape_text(s['licence'])}, {escape_text(s['provenance'])}{attribution}</li>\n"
        )
    return "".join(lines)


def model_heads(models: Sequence[Mapping[str, Any]]) -> str:
    """A table head's one column per compared model."""
    return "".join([f'<th scope="col">{escape_text(m["name"])}</th>' for m in models])


def _better(r: Mapping[str, Any]) -> str:
    return "higher" if r["higher_is_better"] else "lower"


def _run_date(date: object) -> str | None:
    return f"dated {date}" if date else None


def benchmark_rows(rows: Sequence[Mapping[str, Any]]) -> str:
    """The shared benchmarks' rows, one line each."""
    return _lines([_benchmark_row(r) for r in rows])


def _benchmark_row(r: Mapping[str, Any]) -> str:
    """A shared benchmark's row: label, metric, each model's score (as reported, with its
    source and run date), the basis of the comparison."""
    scores = "".join(
        f'<td class="num">{escape_text(score_text(s["score"], r["unit"]))} '
        f"({escape_text(s['reported'])})"
        f"{source_ref(s['source_n'], _run_date(s['date']))}</td>"
        for s in r["scores"]
    )
    return (
        f'<tr><th scope="row">{escape_text(r["label"])}</th><td>{escape_text(r["metric"])}, '
        f"{_better(r)} is better</td>{scores}<td>{escape_text(r['basis'])}</td></tr>"
    )


def score_chart_rows(rows: Sequence[Mapping[str, Any]], score_unit: str) -> str:
    """The score chart table's rows, one line each."""
    return _lines([_score_chart_row(r, score_unit) for r in rows])


def _score_chart_row(r: Mapping[str, Any], score_unit: str) -> str:
    """A row of the score chart's table: a benchmark, then each model's score."""
    scores = "".join(
        f'<td class="num">{escape_text(score_text(v, score_unit))}</td>' for v in r["scores"]
    )
    return (
        f'<tr><th scope="row">{escape_text(r["label"])} ({escape_text(r["metric"])}, '
        f"{_better(r)} is better)</th>{scores}</tr>"
    )
