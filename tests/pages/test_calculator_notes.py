"""A calculator route's notes say the same things in every format: HTML's notes cell omitted
the route's own note ("partly priced: output price not yet sourced", what the total leaves
out) and used its own test for "not comparable"; Markdown and the terminal omitted the free
tier, the context tier and the lifecycle; the terminal worded the cache note apart."""

from __future__ import annotations

import re

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import CalculatorContext, LineEntry, cost_context, line_notes
from tradeoff.render.html import Chrome, environment, render_page
from tradeoff.render.markdown_calculator import calculator_md
from tradeoff.render.terminal_cost import cost_listing

CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
NOTES = {
    "free": True,
    "tier_above_input_tokens": 200_000,
    "cache_priced_as_input": True,
    "fits_context": False,
    "lifecycle": "deprecated",
    "note": "cache write not in the total",
    "headline_excluded_reason": "third-party quantization (fp8)",
}


@pytest.fixture
def ctx(catalog: Catalog) -> CalculatorContext:
    """A priced calculator page whose first line has every kind of note."""
    model = next(iter(catalog.models))
    page = cost_context(catalog, [model], 1_000_000, 1_000)
    assert page["lines"]
    line: LineEntry = {**page["lines"][0], **NOTES}  # type: ignore[typeddict-item]
    return {**page, "lines": [line]}


def test_line_notes_names_every_note_once(ctx: CalculatorContext) -> None:
    said = line_notes(ctx["lines"][0])
    assert said.split("; ") == [
        "free tier",
        "price tier above 200K input tokens",
        "cached tokens priced as input (no cache price listed)",
        "request larger than the served context",
        "not comparable: third-party quantization (fp8)",
        "cache write not in the total",
        "deprecated",
    ]
    assert "request larger" not in line_notes(ctx["lines"][0], fit=False)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_every_format_says_the_same_notes(ctx: CalculatorContext) -> None:
    said = line_notes(ctx["lines"][0])
    html = _text(render_page(environment(), "calculator.html", ctx, CHROME))
    assert said in html
    (row,) = cost_listing(ctx).rows
    assert row[-1] == said
    markdown = calculator_md(ctx)
    assert line_notes(ctx["lines"][0], fit=False) in markdown  # its Fits column says the fit
