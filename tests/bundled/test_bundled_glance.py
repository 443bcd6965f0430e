"""A model page's price box says why a route has no blended price, in words that parse
(held fixed, round 25): gpt-image-1-mini read "First-party price: not per token per 1M tokens
(blended 70/30; input $2.00, output not per token)"."""

from __future__ import annotations

import re

from tradeoff.db.queries import Catalog
from tradeoff.pages.model import model_context
from tradeoff.render.html import Chrome, environment, render_page

CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])


def _box_line(catalog: Catalog, model: str, key: str) -> str:
    ctx = model_context(catalog, catalog.resolve(model))
    html = render_page(environment(), "model.html", ctx, CHROME)
    found = re.search(rf'<p class="glance-{key}">(.*?)</p>', html, re.S)
    assert found is not None
    return re.sub(r"<[^>]+>", "", found[1])


def test_a_route_without_a_blended_price_is_not_called_one(catalog: Catalog) -> None:
    line = _box_line(catalog, "gpt-image-1-mini", "first_party")
    assert line == (
        "First-party price: not per token (per 1M tokens: input $2.00, output not per token)"
        " at OpenAI"
    )


def test_a_blended_price_keeps_its_blend(catalog: Catalog) -> None:
    line = _box_line(catalog, "gpt-4o", "first_party")
    assert re.fullmatch(
        r"First-party price: \$\S+ per 1M tokens \(blended 70/30; input \$\S+, output \$\S+\)"
        r" at OpenAI",
        line,
    ), line


def test_an_input_only_price_says_so_once(catalog: Catalog) -> None:
    # text-embedding-3-small read "$0.02 (input only) per 1M tokens (input only)"
    line = _box_line(catalog, "text-embedding-3-small", "first_party")
    assert re.fullmatch(r"First-party price: \$\S+ per 1M tokens \(input only\) at OpenAI", line), (
        line
    )
