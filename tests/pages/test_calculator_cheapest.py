"""The calculator's cheapest line says a tie is a tie, and names no cheapest route when
nothing is to be priced (user test: Claude Haiku 4.5's "Cheapest: $450.00 … at 302.AI" while
38 other routes cost $450.00; with 0 requests every route was $0.00 and one was "cheapest")."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import CalculatorContext, cost_context
from tradeoff.render.html import Chrome, environment, render_page
from tradeoff.render.listing import listing_markdown
from tradeoff.render.markdown_calculator import calculator_md
from tradeoff.render.terminal_cost import cost_listing

CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
TIED = "google/gemini-2.5-pro"  # four comparable routes at one total in the test catalog
ALONE = "moonshotai/kimi-k2-instruct"  # one cheapest comparable route


def _comparable_at_cheapest(ctx: CalculatorContext) -> list[tuple[str, str]]:
    cheapest = ctx["cheapest"]
    assert cheapest is not None and cheapest["total_usd"] is not None
    total = Decimal(cheapest["total_usd"])
    return [
        (line["model"], line["provider_model_id"] + "@" + line["provider"])
        for line in ctx["lines"]
        if line["total_usd"] is not None
        and Decimal(line["total_usd"]) == total
        and not line["free"]
        and line["headline_excluded_reason"] is None
        and (line["fits_context"] is False) == (cheapest["fits_context"] is False)
    ]


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _every_format(ctx: CalculatorContext) -> dict[str, str]:
    return {
        "html": _text(render_page(environment(), "calculator.html", ctx, CHROME)),
        "md": calculator_md(ctx),
        "cli md": listing_markdown(cost_listing(ctx)),
    }


def test_a_tie_is_counted_and_listed(catalog: Catalog) -> None:
    ctx = cost_context(catalog, [TIED], 1_000, 100)
    at_cheapest = _comparable_at_cheapest(ctx)
    assert len(at_cheapest) == 4
    assert ctx["cheapest_tie_count"] == len(ctx["cheapest_ties"]) == len(at_cheapest) - 1
    tied = [
        (r["model"], r["provider_model_id"] + "@" + r["provider"]) for r in ctx["cheapest_ties"]
    ]
    assert tied == at_cheapest[1:]
    text = ctx["cheapest_text"]
    assert text is not None
    assert text.startswith("Cheapest: $0.00225, a tie: Gemini 2.5 Pro at ")
    assert "and 3 other routes at the same total" in text


def test_a_single_cheapest_route_is_no_tie(catalog: Catalog) -> None:
    ctx = cost_context(catalog, [ALONE], 1_000, 100)
    assert ctx["cheapest_tie_count"] == 0 and ctx["cheapest_ties"] == []
    assert ctx["cheapest_text"] == "Cheapest: $0.0007 for Kimi K2 Instruct at Deep Infra."


@pytest.mark.parametrize(
    ("tokens", "requests", "why"),
    [((1_000, 100), 0, "0 requests"), ((0, 0), 1_000, "requests of 0 tokens")],
)
def test_a_zero_workload_names_no_cheapest_route(
    catalog: Catalog, tokens: tuple[int, int], requests: int, why: str
) -> None:
    ctx = cost_context(catalog, [TIED], *tokens, requests=requests)
    assert ctx["cheapest"] is None
    assert ctx["cheapest_ties"] == [] and ctx["cheapest_tie_count"] == 0
    assert ctx["cheapest_text"] == f"Nothing to price: {why}, so no route is cheapest."
    for fmt, out in _every_format(ctx).items():
        assert ctx["cheapest_text"] in out, fmt
        assert "Cheapest:" not in out, fmt


@pytest.mark.parametrize("model", [TIED, ALONE])
def test_every_format_says_the_cheapest_line(catalog: Catalog, model: str) -> None:
    ctx = cost_context(catalog, [model], 1_000, 100)
    text = ctx["cheapest_text"]
    assert text is not None
    for fmt, out in _every_format(ctx).items():
        assert text in out, fmt
        assert out.count("Cheapest:") == 1, fmt


def test_a_workload_that_costs_nothing_on_every_route_names_no_cheapest() -> None:
    # text-embedding-3-small with 0 input tokens: its output costs nothing (no output tokens),
    # so every total is $0.00 and "Cheapest: $0.00, a tie: … and 7 other routes" was said
    from tradeoff.compare.token_workload import Workload
    from tradeoff.pages.calculator_summary import nothing_to_price

    embedding = Workload(input_tokens=0, output_tokens=500)
    said = nothing_to_price(embedding, [Decimal(0), Decimal(0)])
    assert (
        said == "Nothing to price: every comparable route costs $0.00 for this workload, so no "
        "route is cheapest."
    )
    assert nothing_to_price(embedding, [Decimal(0), Decimal("0.01")]) is None
    assert nothing_to_price(Workload(0, 0, requests=3), [Decimal(1)]) is not None
