"""The comparison sections alone (``compare_body.html``, docs/compare.md) are the page's own."""

from __future__ import annotations

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.render.html import Chrome, make_environment, render_compare_html, render_page


def test_the_embeddable_sections_are_the_pages_article(catalog: Catalog) -> None:
    ctx = compare_context(catalog, ["kimi-k2-instruct", "mixtral-8x22b-instruct"])
    env = make_environment()
    chrome = Chrome(twins={}, base_url="http://example.test", all_models=[], all_sources=[])
    body = env.get_template("compare_body.html").render(ctx=ctx)
    standalone = env.get_template("compare_body.html").render(ctx=ctx, standalone=True)
    assert body.startswith('<article class="comparison">') and body.endswith("</article>")
    assert body in render_page(env, "compare.html", ctx, chrome)
    assert standalone in render_compare_html(ctx)
    assert "<img " in body and "<img " not in standalone  # the charts are separate files
