"""Prices of different units never meet on the bundled catalog's pages (docs/units.md), held
fixed (round seven).

- gpt-image-1-mini vs GPT-Image-1 led with "$3.80 blended" at OpenAI: $2.00 per 1M *text*
  input tokens blended with $8.00 per 1M *image* output tokens. genai-prices states the
  image rate as a plain ``output_mtok`` (its comment: the model's sole output modality is
  image), and models.dev's OpenAI entry gave the model text output too; OpenAI's model page
  lists text as input only.
- Azure's GPT-Image-1.5 read "output $32.00 per 1M tokens": models.dev's ``output = 32`` is
  the price per 1M image output tokens (LiteLLM: text 10, image 32); Google's own Gemini 2.5
  Flash Image read output $30 (its image rate; text output is $2.50).
- 302.AI's Gemini 2.5 Flash Image read output $30.00 "12.0× list price, unverified" (round
  eight): the image rate Google states beside its $2.50 text price, filed by models.dev as
  302.AI's text price; likewise $120 and $60 for the Gemini 3 / 3.1 image previews.
- The calculator's "N unpriced" counted Oracle's per-character routes, which are billed in
  another unit (``[[excluded_prices]] billed_in``), not unpriced.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.calculator import cost_context
from tradeoff.pages.comparison import compare_context
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_pages import calculator_md
from tradeoff.render.terminal import cost_listing

MINI = "openai/gpt-image-1-mini"


def test_gpt_image_1_minis_image_output_is_no_text_token_price(catalog: Catalog) -> None:
    assert catalog.models[MINI].modalities_output.value == ("image",)
    openai = next(o for o in catalog.offerings_for(MINI) if o.provider_id == "openai")
    assert openai.prices.output_per_mtok is None
    assert openai.prices.input_per_mtok == Decimal("2")  # text input: a price per text token
    units = {(p.component, p.unit): p.usd for p in openai.prices.unit_prices}
    assert units[("output", "per_mtok_image")] == Decimal("8")


def test_no_blend_of_text_input_and_image_output_heads_the_page(catalog: Catalog) -> None:
    ctx = compare_context(catalog, ["gpt-image-1-mini", "gpt-image-1"], (70, 30))
    mini = ctx["pricing"][0]
    assert mini["cheapest"] is None
    first_party = mini["first_party"]
    assert first_party is not None and first_party["blended_per_mtok"] is None
    for route in (*mini["providers"], *mini["other_routes"]):
        assert route["blended_per_mtok"] is None, route
    page = render_compare_markdown(ctx)
    assert "$3.80" not in page
    assert "output not priced per token: output $8.00 per 1M image tokens" in page


def test_the_calculator_counts_oracles_per_character_route_apart(catalog: Catalog) -> None:
    # Oracle bills Llama 3.3 70B per character (a price not in the catalog): it is a route
    # billed in another unit, not an unpriced one
    ctx = cost_context(catalog, ["llama-3.3-70b-instruct"], 1_000_000, 100_000)
    oracle = next(line for line in ctx["lines"] if line["provider"] == "oracle")
    assert oracle["total_usd"] is None and oracle["not_per_token"]
    unpriced = [line for line in ctx["lines"] if line["total_usd"] is None]
    assert ctx["unpriced_count"] == len(unpriced) - 1
    assert ctx["not_per_token_count"] == 1
    assert ctx["priced_count"] + ctx["unpriced_count"] + ctx["not_per_token_count"] == len(
        ctx["lines"]
    )
    summary = f"{ctx['unpriced_count']} unpriced, 1 not priced per token"
    assert summary in calculator_md(ctx)
    assert summary in cost_listing(ctx).title
    row = next(r for r in cost_listing(ctx).rows if r[1] == "Oracle OCI Generative AI")
    assert row[3:7] == ("not per token",) * 4


@pytest.mark.parametrize(
    ("provider", "model_id", "text_output", "image_output"),
    [
        ("azure", "openai/gpt-image-1.5", "10", "32"),
        ("google", "google/gemini-2.5-flash-image", "2.5", "30"),
    ],
)
def test_an_image_token_rate_is_never_a_text_token_price(
    catalog: Catalog, provider: str, model_id: str, text_output: str, image_output: str
) -> None:
    (offering,) = [o for o in catalog.offerings_for(model_id) if o.provider_id == provider]
    assert offering.prices.output_per_mtok == Decimal(text_output)
    units = {(p.component, p.unit): p.usd for p in offering.prices.unit_prices}
    assert units[("output", "per_mtok_image")] == Decimal(image_output)


@pytest.mark.parametrize(
    ("model_id", "image_output"),
    [
        ("google/gemini-2.5-flash-image", "30"),
        ("google/gemini-3-pro-image-preview", "120"),
        ("google/gemini-3.1-flash-image-preview", "60"),
    ],
)
def test_a_resellers_copy_of_the_labs_image_rate_is_no_text_token_price(
    catalog: Catalog, model_id: str, image_output: str
) -> None:
    (resold,) = [o for o in catalog.offerings_for(model_id) if o.provider_id == "302ai"]
    assert resold.prices.output_per_mtok is None
    units = {(p.component, p.unit): p.usd for p in resold.prices.unit_prices}
    assert units[("output", "per_mtok_image")] == Decimal(image_output)
    page = render_compare_markdown(compare_context(catalog, [model_id, "gpt-image-1.5"], (70, 30)))
    assert "list price, unverified" not in page.split("302.AI", 1)[1].split("\n", 1)[0]
