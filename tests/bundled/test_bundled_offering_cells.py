"""A model page's offering cells say what the comparison's route cells say (held fixed,
round 25): gpt-image-1-mini's OpenAI and Azure output read "unpriced" on its model page (their
image output is sold per 1M image tokens: "not per token" on a comparison), and fal's Gemini
2.5 Flash Image input read "not per token" (fal states no input price in any unit: "unpriced"
on a comparison and in the calculator)."""

from __future__ import annotations

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import catalog_rows, missing_row_price
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.pricing import route_price_text
from tradeoff.pages.model import model_context
from tradeoff.pages.offerings import price_cell_text
from tradeoff.render.markdown_pages import model_md


@pytest.mark.parametrize(
    ("model", "other", "provider", "cells"),
    [
        ("gpt-image-1-mini", "gpt-image-1", "openai", ("$2.00", "not per token")),
        ("gpt-image-1-mini", "gpt-image-1", "azure", ("$2.00", "not per token")),
        ("gemini-2.5-flash-image", "gpt-image-1-mini", "fal", ("unpriced", "not per token")),
    ],
)
def test_the_model_page_and_the_comparison_word_each_side_alike(
    catalog: Catalog, model: str, other: str, provider: str, cells: tuple[str, str]
) -> None:
    page = model_context(catalog, catalog.resolve(model))
    offering = next(o for o in page["offerings"] if o["provider"] == provider)
    shown = tuple(
        price_cell_text(offering["prices"], k) for k in ("input_per_mtok", "output_per_mtok")
    )
    assert shown == cells
    compared = compare_context(catalog, [model, other], (70, 30))["pricing"][0]
    route = next(
        r for r in (*compared["providers"], *compared["other_routes"]) if r["provider"] == provider
    )
    assert (
        route_price_text(route, "input_per_mtok"),
        route_price_text(route, "output_per_mtok"),
    ) == cells
    row = next(
        line
        for line in model_md(page).splitlines()
        if f"`{offering['provider_model_id']}`" in line and offering["provider_name"] in line
    )
    assert f"| {cells[0]} | {cells[1]} |" in row, row


def test_the_catalog_row_of_a_model_sold_per_image_says_so(catalog: Catalog) -> None:
    # gpt-image-1-mini read "unpriced" in the catalog table: its OpenAI and Azure routes price
    # input per token and sell output per image / per 1M image tokens (no total per token),
    # while GPT-Image-2 and FLUX read "not per token (per image)"
    rows = {r["id"]: r for r in catalog_rows(catalog)}
    mini = rows["openai/gpt-image-1-mini"]
    assert mini["cheapest"] is None
    assert mini["not_per_token"] is not None
    assert {"per image", "per 1M image tokens"} <= set(mini["not_per_token"].split(", "))


def test_a_catalog_row_words_each_side_alone(catalog: Catalog) -> None:
    # the fix above wrote "not per token (per 1M pixels, …)" in gpt-image-1-mini's input cell,
    # though its input is $2.00 per 1M tokens on every route: only output is sold per image
    rows = {r["id"]: r for r in catalog_rows(catalog)}
    mini = rows["openai/gpt-image-1-mini"]
    assert missing_row_price(mini, "input") == "no comparable route"
    assert missing_row_price(mini, "output").startswith("not per token (")
    fal_only = [r for r in rows.values() if r["not_per_token_sides"] == ["input", "output"]]
    assert fal_only  # a model sold per image only: both sides not per token
    for row in fal_only:
        assert missing_row_price(row, "input") == missing_row_price(row, "output")


@pytest.mark.parametrize(
    ("model", "side", "said"),
    [
        # all five routes price it per token, none is comparable (131K of 262K context)
        ("mistral/ministral-3b-2512", "input", "no comparable route"),
        ("mistral/ministral-3b-2512", "output", "no comparable route"),
        ("cohere/rerank-v3.5", "output", "not applicable"),  # a rerank has no output tokens
    ],
)
def test_a_row_without_a_headline_route_says_why_per_side(
    catalog: Catalog, model: str, side: str, said: str
) -> None:
    rows = {r["id"]: r for r in catalog_rows(catalog)}
    row = rows.get(model) or next(r for r in rows.values() if r["id"].endswith(model.split("/")[1]))
    assert row["cheapest"] is None
    assert missing_row_price(row, side) == said


def test_a_side_no_route_prices_in_any_unit_is_unpriced_as_in_a_comparison(
    catalog: Catalog,
) -> None:
    # DALL-E 3's row read input "not per token (per image, per 1M pixels)": only its output
    # is sold per image; no route prices its input in any unit ("unpriced" on a comparison)
    rows = {r["id"]: r for r in catalog_rows(catalog)}
    dalle = rows["openai/dall-e-3"]
    assert missing_row_price(dalle, "input") == "unpriced"
    assert missing_row_price(dalle, "output").startswith("not per token (")
