"""What a careful reader found wrong on the bundled catalog's pages, held fixed.

- Kimi K2 Instruct's headline was NanoGPT's ``kimi-k2-instruct-fast`` (precision unstated,
  sold at exactly NanoGPT's FP4 price), and that route drove a "cheapest route fell 38%" claim.
- Every Claude model's headline was Poe, whose API is paid in compute points.
"""

from __future__ import annotations

import pytest

from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.queries import Catalog
from tradeoff.pages.price_history import price_history

KIMI = "moonshotai/kimi-k2-instruct"


def test_kimi_k2s_headline_is_no_nanogpt_route_of_unstated_precision(catalog: Catalog) -> None:
    model = catalog.models[KIMI]
    p = model_pricing(model, catalog.offerings_for(KIMI), catalog.providers, DEFAULT_BLEND)
    assert p.cheapest is not None and p.cheapest.provider_id != "nano-gpt"
    reasons = {
        q.provider_model_id: q.excluded_reason
        for q in (*p.providers, *p.other_routes)
        if q.provider_id == "nano-gpt"
    }
    assert reasons["kimi-k2-instruct-fast"] == "“fast” serving variant, precision not stated"
    assert reasons["baseten/Kimi-K2-Instruct-FP4"] == "third-party FP4 quantization"
    assert all(reasons.values()), reasons
    history = price_history(catalog, model)
    assert history is not None and history["cheapest_trend"] is not None
    assert "NanoGPT" not in history["cheapest_trend"]["text"]


def test_no_headline_is_a_price_in_points(catalog: Catalog) -> None:
    points = {pid for pid, p in catalog.providers.items() if p.price_basis != "usd"}
    assert "poe" in points
    for model_id in sorted(catalog.models):
        if not model_id.startswith("anthropic/"):
            continue
        model = catalog.models[model_id]
        offerings = catalog.offerings_for(model_id)
        p = model_pricing(model, offerings, catalog.providers, DEFAULT_BLEND)
        assert p.cheapest is None or p.cheapest.provider_id not in points, model_id


def test_whisper_large_v3_was_released_in_november_2023(catalog: Catalog) -> None:
    # models.dev says 2024-10-01, the date of large-v3-turbo, another checkpoint
    model = catalog.models["openai/whisper-large-v3"]
    assert str(model.release_date.value) == "2023-11-06"
    assert model.release_date.source_id == "whisper-changelog"


def test_gemini_2_5_flash_is_not_headlined_at_a_lone_stale_price(catalog: Catalog) -> None:
    # LiteLLM lists OCI at $0.15 / $0.60 (the preview's price), Google sells at $0.30 / $2.50
    model_id = "google/gemini-2.5-flash"
    model = catalog.models[model_id]
    p = model_pricing(model, catalog.offerings_for(model_id), catalog.providers, DEFAULT_BLEND)
    assert p.cheapest is not None and p.cheapest.provider_id != "oracle"
    oracle = [q for q in (*p.providers, *p.other_routes) if q.provider_id == "oracle"]
    assert oracle and all("unverified" in (q.excluded_reason or "") for q in oracle)


@pytest.mark.parametrize(
    ("model_id", "card"),
    [
        ("alibaba/qwen2.5-72b-instruct", "qwen2.5-72b-instruct-card"),
        ("alibaba/qwen2.5-7b-instruct", "qwen2.5-7b-instruct-card"),
        ("alibaba/qwen2.5-coder-32b-instruct", "qwen2.5-coder-32b-instruct-card"),
    ],
)
def test_qwen2_5_routes_at_the_released_32k_context_are_comparable(
    catalog: Catalog, model_id: str, card: str
) -> None:
    # Qwen's model cards: "The current config.json is set for context length up to 32,768
    # tokens"; 131,072 needs YaRN rope scaling, added "only when processing long contexts is
    # required". A 32K route serves the released checkpoint at its native setting: like for
    # like, its context shown on the route; never "not headline: 32K of 128K context".
    model = catalog.models[model_id]
    assert model.context_tokens.value == 32_768
    assert model.context_tokens.source_id == card
    p = model_pricing(model, catalog.offerings_for(model_id), catalog.providers, DEFAULT_BLEND)
    routes = [*p.providers, *p.other_routes]
    at_32k = [q for q in routes if (q.context_tokens or 0) >= 32_000]
    assert at_32k and not [q for q in at_32k if "context" in (q.excluded_reason or "")]


def test_qwen_image_has_open_weights_under_apache_2_0_as_its_readme_says(
    catalog: Catalog,
) -> None:
    # models.dev says "Open weights: no"; QwenLM/Qwen-Image's README (at 6b5e1f5, 2026-02-10)
    # says "We released Qwen-Image weights! Check at [Huggingface](...Qwen/Qwen-Image)" and
    # "Qwen-Image is licensed under Apache 2.0." The curated fact outranks the dataset.
    model = catalog.models["alibaba/qwen-image"]
    assert model.open_weights.value is True
    assert model.open_weights.source_id == "qwen-image-readme"
    assert model.licence.value == "Apache 2.0"
    assert model.licence.source_id == "qwen-image-readme"
    assert model.weights_url == "https://huggingface.co/Qwen/Qwen-Image"
    # its release date read "not yet sourced (sources disagree)": the README dates the weights
    assert model.release_date.value is not None and model.release_date.value.iso == "2025-08-04"
    assert model.release_date.source_id == "qwen-image-readme"
