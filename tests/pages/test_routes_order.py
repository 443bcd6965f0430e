"""A routes table reads headline first in every format (``compare.pricing.route_order``): the
headline route, the other comparable routes, then the routes that are not comparable under
their own heading, whose count is the rows under it."""

from __future__ import annotations

import re

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.pages.comparison.pricing import PricingEntry, routes_order_text
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown

PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR, None)


def test_the_headline_route_is_the_first_row(ctx: ComparisonContext) -> None:
    for p in ctx["pricing"]:
        head = p["cheapest"]
        assert head is not None
        first = p["providers"][0]
        assert (first["provider"], first["provider_model_id"]) == (
            head["provider"],
            head["provider_model_id"],
        )
        reasons = [q["headline_excluded_reason"] is not None for q in p["providers"]]
        assert reasons == sorted(reasons)  # every comparable row before every other one
        # Kimi K2's NanoGPT FP4 route ($0.67) is cheaper than its headline ($0.95)
        assert any(r for r in reasons), "the test catalog should hold a non-comparable row"


def test_markdown_table_starts_with_the_headline_route(ctx: ComparisonContext) -> None:
    md = render_compare_markdown(ctx)
    for p in ctx["pricing"]:
        section = md.split(f"#### {p['model_name']}: ", 1)[1]
        first_row = section.split("|---|", 1)[1].split("\n")[1]
        assert first_row.startswith(f"| {p['providers'][0]['provider_name']} |")
        assert first_row.split(" | ")[9] == "headline route"
        order = routes_order_text(p)
        assert order is not None and order in section.split("|")[0]


def test_html_heads_the_rows_that_are_not_comparable_with_their_count(
    ctx: ComparisonContext,
) -> None:
    html = render_compare_html(ctx)
    for p in ctx["pricing"]:
        section = html.split(f"<h3>{p['model_name']}: ", 1)[1].split("</table>", 1)[0]
        comparable, _, rest = section.partition('<th scope="rowgroup"')
        label = re.search(r"Not comparable: (\d+) routes?", rest)
        assert label is not None and int(label.group(1)) == p["excluded_count"]
        under = rest.count('<th scope="row">')
        assert under == p["excluded_count"] and "headline route" in comparable
        assert "not headline" not in comparable
        assert comparable.count('<th scope="row">') == p["provider_count"] - under


def _pricing(total: int, excluded: int) -> PricingEntry:
    entry: dict[str, object] = {"provider_count": total, "excluded_count": excluded}
    return entry  # type: ignore[return-value]  # the two counts are all it reads


@pytest.mark.parametrize(
    ("total", "excluded", "text"),
    [
        (0, 0, None),
        (1, 0, None),
        (1, 1, None),
        (2, 0, "The headline route first, then 1 other comparable route by blended price."),
        (
            9,
            4,
            "The headline route first, then 4 other comparable routes by blended price, then 4 "
            "routes that are not comparable (by reason, then price).",
        ),
        (
            2,
            1,
            "The headline route first, then 1 route that is not comparable (by reason, then "
            "price).",
        ),
        (3, 3, "No comparable route: the 3 routes by reason, then price."),
    ],
)
def test_the_order_sentence_counts_the_rows(total: int, excluded: int, text: str | None) -> None:
    assert routes_order_text(_pricing(total, excluded)) == text
