"""The comparison page's sections, written in Python (``compare.html`` puts them in the site
layout or a standalone page).

This was the template ``compare_body.html``. A Jinja template pays for every value it writes
an attribute lookup, ``markupsafe.escape`` building a ``Markup``, and one generator step per
piece through each enclosing template (the page, its layout, its block, the include): on a
page of ~30 KB that cost a third of the HTML's time, more than the values themselves. Here
each section is one f-string; every value goes through ``html_cells.escape`` (markupsafe's
own rule, the templates' autoescape). The repeated cells
and rows are ``html_cells``; the cards, lists and price changes ``compare_sections``.
``tests/pages/test_comparison.py``'s golden pages hold the bytes to what the template wrote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tradeoff.pages.comparison import ComparisonContext
from tradeoff.pages.comparison.pricing import HEADLINE_RULE
from tradeoff.render import compare_sections as sections
from tradeoff.render import html_cells as cells
from tradeoff.render import provider_table
from tradeoff.render.compare_charts import compare_chart_height
from tradeoff.render.html_cells import escape, escape_text

_HEADLINE_RULE = escape(HEADLINE_RULE)


def comparison_body(ctx: ComparisonContext, standalone: bool) -> str:
    """The page's ``<article>`` as HTML, every value in it escaped: a standalone page
    (``tradeoff compare --format html``) has no chart images (they are separate files on the
    site); their tables are on both. A plain ``str``, put in by the templates inside
    ``{% autoescape false %}``: as ``Markup`` its ~26 KB would be copied twice more (building
    the ``Markup``, then Jinja's escape of it builds another)."""
    c: Any = ctx  # read as a mapping: the sections below index its entries by name
    heads = cells.model_heads(c["models"])  # one <th> per model: every table's head
    return "".join(
        (
            _top(c, heads),
            _pricing(c, heads, standalone),
            _capabilities(c, heads),
            _benchmarks(c, heads, standalone),
            sections.price_changes(c["price_changes"]),
            _closing(c),
        )
    )


def _top(c: Mapping[str, Any], heads: str) -> str:
    """Title, cards, summary, verdict and the specs table."""
    return (
        f'<article class="comparison">\n<h1>{escape_text(c["title"])}</h1>\n'
        f"{sections.glance(c['summary_cards'], c['verdict_line'])}"
        f'<p class="lede">{escape_text(c["summary"])}</p>\n\n'
        f'<section id="verdict">\n<h2>Verdict</h2>\n<p>{escape_text(c["verdict"])}</p>\n'
        f'<ul class="choose">\n{sections.list_items(c["choose"], "text")}</ul>\n</section>\n\n'
        '<section id="specs">\n<h2>Specs</h2>\n<div class="table-wrap"><table>\n'
        f'<thead><tr><th scope="col">Spec</th>{heads}</tr></thead>\n<tbody>\n'
        f"{cells.fact_rows(c['specs'])}</tbody>\n</table></div>\n"
        f'<p class="meta">{escape_text(c["reviewed_text"]["specs"])}</p>\n</section>\n\n'
    )


def _pricing(c: Mapping[str, Any], heads: str, standalone: bool) -> str:
    """The pricing summary, shared providers, the price chart and each model's providers."""
    blend = c["blend"]["label"]
    shared = sections.names(c["shared_providers"], ", ") if c["shared_providers"] else "none"
    ch = c["charts"]
    images = c["image_output"]  # a compared model outputs images: the blend leaves them out
    image_note = "" if images is None else f'<p class="meta">{escape_text(images["note"])}</p>\n'
    if ch["price_rows"]:
        image = (
            ""
            if standalone
            else _chart_image(
                c,
                ch["price_url"],
                ch["price_rows"],
                (
                    f"{escape_text(ch['price_unit'])} of {sections.names(c['models'], ' and ')} "
                    "at each provider"
                ),
            )
        )
        chart = (
            '<figure class="chart compare-chart" aria-labelledby="price-chart-caption">\n'
            f'{image}<figcaption id="price-chart-caption">Price by provider, '
            f"{escape_text(ch['price_unit'])}. {escape_text(ch['price_note'])}</figcaption>\n"
            '<div class="table-wrap"><table class="chart-data">\n'
            f'<thead><tr><th scope="col">Provider</th>{heads}</tr></thead>\n<tbody>\n'
            f"{cells.price_chart_rows(ch['price_rows'])}</tbody>\n</table></div>\n</figure>\n"
        )
    else:
        chart = f'<p class="meta">Price chart: {escape_text(ch["price_note"])}</p>\n'
    return (
        '<section id="pricing">\n<h2>Pricing and availability</h2>\n'
        f'<p class="meta">USD per 1M tokens; blended = {escape_text(blend)} input/output. '
        f"{_HEADLINE_RULE}</p>\n"
        '<div class="table-wrap"><table>\n'
        f'<thead><tr><th scope="col"></th>{heads}</tr></thead>\n<tbody>\n'
        f"{cells.route_rows(c['pricing'], blend, images is not None)}</tbody>\n</table></div>\n"
        f"{image_note}"
        f"<p>Shared providers ({escape(c['shared_provider_count'])}): {shared}.</p>\n"
        f"{chart}{provider_table.provider_sections(c['pricing'], blend)}"
        f'<p class="meta">{escape_text(c["reviewed_text"]["pricing"])}</p>\n</section>\n\n'
    )


def _capabilities(c: Mapping[str, Any], heads: str) -> str:
    return (
        '<section id="capabilities">\n<h2>Capabilities</h2>\n<div class="table-wrap"><table>\n'
        f'<thead><tr><th scope="col">Capability</th>{heads}</tr></thead>\n<tbody>\n'
        f"{cells.capability_rows(c['capabilities'])}</tbody>\n</table></div>\n</section>\n\n"
    )


def _benchmarks(c: Mapping[str, Any], heads: str, standalone: bool) -> str:
    """The shared benchmarks' table and chart, or why there is none; what was left out."""
    b = c["benchmarks"]
    out = ['<section id="benchmarks">\n<h2>Benchmarks</h2>\n']
    if b["shared"]:
        out.append(
            '<div class="table-wrap"><table>\n<thead><tr><th scope="col">Benchmark</th>'
            f'<th scope="col">Metric</th>{heads}<th scope="col">Basis</th></tr></thead>\n'
            f"<tbody>\n{cells.benchmark_rows(b['shared'])}</tbody>\n</table></div>\n"
        )
        ch = c["charts"]
        if ch["score_rows"]:
            out.append(_score_chart(c, ch, heads, standalone))
        n = b["without_counterpart"]
        if n:  # no line break after it: as the template wrote it
            out.append(
                f'<p class="meta">{escape(n)} other result{"s" if n != 1 else ""} '
                f"{'have' if n != 1 else 'has'} no comparable counterpart.</p>"
            )
    else:
        out.append(f"<p>{escape_text(b['statement'])}</p>\n")
    if b["excluded_by_rule"]:
        out.append(
            f"<p>Not compared:</p>\n<ul>{sections.plain_items(b['excluded_by_rule'])}</ul>\n"
        )
    out.append("</section>\n\n")
    return "".join(out)


def _chart_image(c: Mapping[str, Any], url: str, rows: Sequence[object], what: str) -> str:
    """A chart's image on the site (a standalone page has none; the table beside it has the
    same numbers): ``what`` is the alt text's escaped description of the bars."""
    height = compare_chart_height(len(rows), len(c["models"]))
    return (
        f'<img src="{escape_text(url)}" alt="Bar chart: {what} side by side; the same numbers '
        f'are in the table beside it." width="800" height="{height}">'
    )


def _score_chart(c: Mapping[str, Any], ch: Mapping[str, Any], heads: str, standalone: bool) -> str:
    image = (
        ""
        if standalone
        else _chart_image(
            c,
            ch["score_url"],
            ch["score_rows"],
            (
                f"shared benchmark scores ({escape_text(ch['score_unit'])}) of "
                f"{sections.names(c['models'], ' and ')}"
            ),
        )
    )
    return (
        '<figure class="chart compare-chart" aria-labelledby="score-chart-caption">\n'
        f'{image}<figcaption id="score-chart-caption">Shared benchmark scores '
        f"({escape_text(ch['score_unit'])}). {escape_text(ch['score_note'])}</figcaption>\n"
        '<div class="table-wrap"><table class="chart-data">\n'
        f'<thead><tr><th scope="col">Benchmark</th>{heads}</tr></thead>\n<tbody>\n'
        f"{cells.score_chart_rows(ch['score_rows'], ch['score_unit'])}</tbody>\n"
        "</table></div>\n</figure>\n"
    )


def _closing(c: Mapping[str, Any]) -> str:
    """Deep dive, FAQ, related comparisons and the numbered sources."""
    return (
        '\n<section id="deep-dive">\n<h2>Deep dive</h2>\n'
        f"{sections.titled_paragraphs(c['deep_dive'], 'title', 'text')}</section>\n\n"
        '<section id="faq">\n<h2>FAQ</h2>\n'
        f"{sections.titled_paragraphs(c['faq'], 'question', 'answer')}</section>\n\n"
        '<section id="related">\n<h2>Continue comparing</h2>\n<ul>\n'
        f"{cells.related_items(c['related'], c['models'])}</ul>\n</section>\n\n"
        '<section id="sources">\n<h2>Sources</h2>\n<ol>\n'
        f"{cells.source_items(c['sources'])}</ol>\n"
        f'<p class="meta">{escape_text(c["reviewed_line"])}</p>\n</section>\n</article>'
    )
