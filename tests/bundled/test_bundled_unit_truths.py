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
from tradeoff.render.html import Chrome, environment, render_page
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.render.markdown_calculator import calculator_md
from tradeoff.render.terminal_cost import cost_listing

MINI = "openai/gpt-image-1-mini"
CHROME = Chrome(twins={}, base_url="http://x", all_models=[], all_sources=[])


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
    # each side worded alone: no cached tokens cost $0.00 whatever the unit
    assert row[3:7] == ("not per token", "$0.00", "not per token", "not per token")


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


def test_the_calculator_counts_routes_as_the_comparison_does(catalog: Catalog) -> None:
    # fal sells Gemini 2.5 Flash Image per image only (no input price in any unit): the
    # comparison says "1 of 9 providers is not priced per token: fal (per image)… 1 of 9 has no
    # sourced price: Qiniu"; the calculator said "9 offerings (2 unpriced)", fal "unpriced"
    image = "google/gemini-2.5-flash-image"
    page = compare_context(catalog, ["gemini-2.5-flash-image", "gpt-image-1-mini"], (70, 30))
    lists = {k: v for c in page["claims"] for k, v in c["lists"].items()}
    ctx = cost_context(catalog, [image], 1_000, 1_000)
    no_total = [line for line in ctx["lines"] if line["total_usd"] is None]
    otherwise = [line["provider_name"] for line in no_total if line["not_per_token"]]
    unpriced = [line["provider_name"] for line in no_total if not line["not_per_token"]]
    assert unpriced == lists[f"unpriced:{image}"] == ["Qiniu"]
    # One rule on both pages (``compare.route_gap``): "not priced per token" are the routes
    # with no total because a side is sold in another unit: fal, and 302.AI (input per 1M
    # tokens, output per 1M image tokens: its input cost is shown, its total is not).
    assert lists[f"not_per_token:{image}"] == otherwise == ["302.AI", "fal"]
    (resold,) = [line for line in no_total if line["provider_name"] == "302.AI"]
    assert resold["input_usd"] is not None and resold["output_missing"] == "not per token"
    assert (ctx["not_per_token_count"], ctx["unpriced_count"]) == (2, 1)
    assert ctx["priced_count"] + 3 == ctx["line_count"] == len(ctx["lines"])
    summary = "1 unpriced, 2 not priced per token"
    assert f"{ctx['line_count']} offerings ({summary})" == cost_listing(ctx).title
    markdown = calculator_md(ctx)
    assert summary in markdown
    (fal_md,) = [
        row for row in markdown.splitlines() if row.startswith("| Gemini 2.5 Flash Image | fal |")
    ]
    assert fal_md.startswith(
        "| Gemini 2.5 Flash Image | fal | not per token | unpriced | not per token |"
    )
    html = render_page(environment(), "calculator.html", ctx, CHROME)
    assert "6 priced routes, 1 unpriced, 2 not priced per token for" in html
    (fal,) = [r for r in cost_listing(ctx).rows if r[1] == "fal"]
    # input: no price in any unit; cached: no cached tokens ($0); output: sold per image
    assert fal[3:7] == ("unpriced", "$0.00", "not per token", "not per token")


def test_a_side_priced_per_token_shows_its_cost(catalog: Catalog) -> None:
    # gpt-image-1-mini at OpenAI: $2.00 per 1M text input tokens, output per image. Its Input
    # cell read "not per token" although input is priced per token.
    ctx = cost_context(catalog, [MINI], 1_000, 1_000, 500)
    (openai,) = [line for line in ctx["lines"] if line["provider"] == "openai"]
    assert openai["total_usd"] is None and openai["not_per_token"]
    assert openai["input_usd"] == "0.001" and openai["input_missing"] is None
    assert openai["output_usd"] is None and openai["output_missing"] == "not per token"
    (row,) = [r for r in cost_listing(ctx).rows if r[1] == "OpenAI"]
    assert row[3] == "$0.001" and row[5:7] == ("not per token", "not per token")
    html = render_page(environment(), "calculator.html", ctx, CHROME)
    cells = html.split('data-provider="openai"')[1].split("</tr>")[0]
    assert 'data-label="Input">$0.001<' in cells
    assert 'data-label="Output"><span class="unknown">not per token</span>' in cells


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


def test_vercels_half_priced_image_route_is_listed_alike_on_both_pages(catalog: Catalog) -> None:
    # Vercel AI Gateway's gpt-image-1-mini: input $2.00 per 1M tokens, output stated in no
    # unit. The calculator counted it "unpriced"; the comparison listed it nowhere.
    mini = "openai/gpt-image-1-mini"
    page = compare_context(catalog, ["gpt-image-1-mini", "gpt-image-1"], (70, 30))
    lists = {k: v for c in page["claims"] for k, v in c["lists"].items()}
    ctx = cost_context(catalog, [mini], 1_000, 1_000)
    by_class = {
        key: [line["provider_name"] for line in ctx["lines"] if line[key]]
        for key in ("not_per_token", "partly_priced")
    }
    unpriced = [
        line["provider_name"] for line in ctx["lines"] if line["total_missing"] == "unpriced"
    ]
    assert lists[f"partly_priced:{mini}"] == by_class["partly_priced"] == ["Vercel AI Gateway"]
    assert lists[f"not_per_token:{mini}"] == by_class["not_per_token"] == ["Azure", "OpenAI"]
    assert lists[f"unpriced:{mini}"] == unpriced == ["Poe"]
    counts = (ctx["unpriced_count"], ctx["partly_priced_count"], ctx["not_per_token_count"])
    assert counts == (1, 1, 2)
    assert cost_listing(ctx).title == (
        "4 offerings (1 unpriced, 1 partly priced, 2 not priced per token)"
    )
    (pricing,) = [p for p in page["pricing"] if p["model"] == mini]
    assert (pricing["partly_priced_count"], pricing["not_per_token_count"]) == (1, 2)


def test_gpt_4o_mini_tts_output_is_audio_only(catalog: Catalog) -> None:
    # OpenAI's model page: text input $0.60 per 1M tokens, audio output $12.00 per 1M tokens,
    # output modality audio only. genai-prices' output 12 and LiteLLM's 10 were text output
    # prices (12 shown, a conflict); the output is the audio rate LiteLLM states apart.
    # Azure serves the same model: its output is audio only too
    routes = [
        o
        for o in catalog.offerings
        if o.provider_model_id == "gpt-4o-mini-tts" and o.provider_id in ("openai", "azure")
    ]
    assert len(routes) == 2
    for offering in routes:
        assert offering.prices.input_per_mtok == Decimal("0.6")
        assert offering.prices.output_per_mtok is None
        units = {(p.component, p.unit): p.usd for p in offering.prices.unit_prices}
        assert units[("output", "per_mtok_audio")] == Decimal("12")
