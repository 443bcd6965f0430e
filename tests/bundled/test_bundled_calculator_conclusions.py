"""The user test's calculator cases on the bundled catalog.

1. Image models: "Cheapest: $3.255 for Gemini 2.5 Flash Image at Google" was 1,290 output
   tokens at $2.50 per 1M *text* tokens, while an image is $30 per 1M image tokens ($0.039 an
   image), and nothing said so. Every format now says that each total is text tokens only and
   leaves image output out (the comparison's ``not_in_blend`` wording), beside the cheapest line.
2. Claude Haiku 4.5: "Cheapest: $450.00 … at 302.AI" while many routes cost $450.00.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import cost_context
from tradeoff.render.html import Chrome, environment, render_page
from tradeoff.render.markdown_calculator import calculator_md

CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])
IMAGES = ["openai--gpt-image-1-mini", "google--gemini-2.5-flash-image", "openai--dall-e-3"]
HAIKU = "anthropic--claude-haiku-4-5-20251001"
TEXT_ONLY = "is for text tokens only: it does not include image output"


def _html(ctx: object) -> str:
    page = render_page(environment(), "calculator.html", ctx, CHROME)  # type: ignore[arg-type]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", page))


def test_image_models_totals_say_image_output_is_left_out(catalog: Catalog) -> None:
    ctx = cost_context(catalog, IMAGES, 100, 1_290, requests=1_000)
    note = ctx["image_output_note"]
    assert note is not None and TEXT_ONLY in note
    assert note.startswith("Each total " + TEXT_ONLY)  # every model priced outputs images
    assert "per 1M image tokens or per image" in note
    cheapest = ctx["cheapest_text"]
    assert cheapest is not None and cheapest.startswith("Cheapest: $3.255")
    assert cheapest.endswith(note)  # the caveat right beside the text-only total
    for out in (_html(ctx), calculator_md(ctx)):
        assert cheapest in " ".join(out.split())


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_tradeoff_cost_says_image_output_is_not_in_the_totals(fmt: str) -> None:
    args = ["cost", "gemini-2.5-flash-image", "gpt-image-1-mini"]
    counts = ["--input-tokens", "100", "--output-tokens", "1290", "--requests", "1000"]
    result = CliRunner().invoke(app, [*args, *counts, "--format", fmt, "--wide"])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        ctx = json.loads(result.stdout)
        assert TEXT_ONLY in ctx["image_output_note"]
        assert ctx["cheapest_text"].endswith(ctx["image_output_note"])
    else:
        out = " ".join(result.stdout.split())
        assert "Cheapest: $3.255" in out
        assert out.count(TEXT_ONLY) == 1


def test_a_text_model_says_nothing_of_image_output(catalog: Catalog) -> None:
    ctx = cost_context(catalog, [HAIKU], 2_000, 500, requests=100_000)
    assert ctx["image_output_note"] is None
    assert TEXT_ONLY not in (ctx["cheapest_text"] or "")


def test_haiku_routes_at_450_are_a_tie(catalog: Catalog) -> None:
    ctx = cost_context(catalog, [HAIKU], 2_000, 500, requests=100_000)
    cheapest = ctx["cheapest"]
    assert cheapest is not None and Decimal(cheapest["total_usd"] or "") == 450
    same = [
        line
        for line in ctx["lines"]
        if line["total_usd"] is not None
        and Decimal(line["total_usd"]) == 450
        and not line["free"]
        and line["headline_excluded_reason"] is None
        and (line["fits_context"] is False) == (cheapest["fits_context"] is False)
    ]
    n = len(same) - 1
    assert n >= 12
    assert ctx["cheapest_tie_count"] == len(ctx["cheapest_ties"]) == n
    assert ctx["cheapest_text"] == (
        f"Cheapest: $450.00, a tie: Claude Haiku 4.5 at {cheapest['provider_name']} and {n} "
        "other routes at the same total."
    )
    assert ctx["cheapest_text"] in _html(ctx)
    assert ctx["cheapest_text"] in calculator_md(ctx)


def test_zero_workload_names_no_cheapest_route(catalog: Catalog) -> None:
    ctx = cost_context(catalog, [HAIKU], 2_000, 500, requests=0)
    assert ctx["cheapest"] is None
    assert "Cheapest:" not in _html(ctx)
