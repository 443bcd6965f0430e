"""LiteLLM keys that price one model at a quality, size, step count or action
(``hd/1024-x-1792/dall-e-3``, ``fal-ai/recraft/v3/text-to-image``) are one offering of that
model whose unit prices carry the variant — never an offering per variant."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from tradeoff.catalog.schema import ImportedOffering, ImportFile
from tradeoff.normalize import normalize
from tradeoff.sources.litellm import import_file
from tradeoff.sources.litellm_units import prices_generated_image_as_input, unit_of
from tradeoff.sources.litellm_variants import split_variant

FIXTURE = Path(__file__).parents[1] / "fixtures" / "litellm-variants"


@pytest.fixture(scope="module")
def imported() -> ImportFile:
    return import_file(FIXTURE, retrieved=dt.date(2026, 11, 29))


def _offering(imported: ImportFile, provider: str, model_id: str) -> ImportedOffering:
    found = [
        o for o in imported.offerings if (o.provider, o.provider_model_id) == (provider, model_id)
    ]
    assert len(found) == 1, [(o.provider, o.provider_model_id) for o in imported.offerings]
    return found[0]


def _units(offering: ImportedOffering) -> list[tuple[str, str, Decimal | None, str | None]]:
    return [(u.component, u.unit, u.usd, u.variant) for u in offering.prices.unit_prices]


def test_one_offering_per_provider_and_model(imported: ImportFile) -> None:
    pairs = Counter((o.provider, o.provider_model_id) for o in imported.offerings)
    assert sorted(pairs) == [
        ("azure", "dall-e-3"),
        ("bedrock", "stability.stable-diffusion-xl-v1"),
        ("fal_ai", "bytedance/seedance-2.0"),
        ("fal_ai", "fal-ai/bytedance/seedream/v3"),
        ("fal_ai", "fal-ai/recraft/v3"),
        ("fal_ai", "openai/gpt-image-2"),
        ("gemini", "gemini-9-pro-image"),
        ("openai", "gpt-image-8"),
        ("openai", "gpt-image-9"),
        ("xai", "grok-imagine-image-9"),
    ]
    assert set(pairs.values()) == {1}
    assert (
        imported.counts["entries folded into another's variant prices"] == 8
    )  # 18 entries, 10 offerings


def test_a_variant_s_token_price_and_a_second_price_for_one_variant_are_dropped(
    imported: ImportFile,
) -> None:
    sized = _offering(imported, "openai", "gpt-image-9")
    assert sized.prices.input_per_mtok is None
    assert _units(sized) == [("output", "per_image", Decimal("0.01"), "low, 1024x1024")]
    dropped = {(d.entity, d.field): (d.value, d.reason) for d in imported.dropped}
    assert dropped[("offering:openai/gpt-image-9", "prices")] == (
        "low/1024-x-1024/gpt-image-9",
        "per-token price of one variant (low, 1024x1024)",
    )
    value, reason = dropped[("offering:fal_ai/openai/gpt-image-2", "output per_image (plain)")]
    assert value == "0.25" and "kept 0.2" in reason


def test_quality_and_size_become_the_price_variant(imported: ImportFile) -> None:
    dalle = _offering(imported, "azure", "dall-e-3")
    assert _units(dalle) == [
        ("output", "per_mpx", Decimal("0.0839233"), "hd, 1024x1024"),
        ("output", "per_mpx", Decimal("0.0719343"), "hd, 1024x1792"),
        ("output", "per_mpx", Decimal("0.0419617"), "standard, 1024x1024"),
    ]


def test_an_image_model_s_input_image_price_is_the_price_of_each_image_it_generates(
    imported: ImportFile,
) -> None:
    """LiteLLM's image cost calculator charges ``input_cost_per_image`` (else
    ``input_cost_per_pixel`` x pixels) for each image generated: with no output-side image
    price in the entry, that is the output price, never a price for images sent in."""
    sized = _offering(imported, "openai", "gpt-image-8")
    assert _units(sized) == [
        ("output", "per_image", Decimal("0.011"), "low, 1024x1024"),
        ("output", "per_mpx", Decimal("0.010490417"), "low, 1024x1024"),
    ]
    dropped = {(d.entity, d.field): (d.value, d.reason) for d in imported.dropped}
    assert dropped[("offering:openai/gpt-image-8", "keys")] == (
        "output_cost_per_pixel",
        "0 beside the price per generated image (input_cost_per_*): not a price",
    )
    assert _units(_offering(imported, "xai", "grok-imagine-image-9")) == [
        ("output", "per_image", Decimal("0.02"), None)
    ]


def test_an_input_image_price_beside_an_output_image_price_stays_an_input_price(
    imported: ImportFile,
) -> None:
    gemini = _offering(imported, "gemini", "gemini-9-pro-image")
    assert _units(gemini) == [
        ("input", "per_image", Decimal("0.0011"), None),
        ("output", "per_image", Decimal("0.134"), None),
    ]


def test_steps_become_the_price_variant(imported: ImportFile) -> None:
    sdxl = _offering(imported, "bedrock", "stability.stable-diffusion-xl-v1")
    assert _units(sdxl) == [
        ("output", "per_image", Decimal("0.04"), "50 steps, 1024x1024"),
        ("output", "per_image", Decimal("0.08"), "max steps, 1024x1024"),
    ]


def test_an_action_joins_the_model_s_plain_price(imported: ImportFile) -> None:
    image = _offering(imported, "fal_ai", "openai/gpt-image-2")
    assert image.source_url == "https://fal.ai/models/openai/gpt-image-2"
    assert _units(image) == [
        ("output", "per_image", Decimal("0.2"), None),
        ("output", "per_image", Decimal("0.151"), "edit"),
        ("output", "per_image", Decimal("0.211"), "high, 1024x1024"),
        ("output", "per_image", Decimal("0.22"), "high, 1024x1024, edit"),
    ]


def test_a_video_action_keeps_the_resolution(imported: ImportFile) -> None:
    video = _offering(imported, "fal_ai", "bytedance/seedance-2.0")
    assert _units(video) == [
        ("output", "per_video_second", Decimal("0.3"), "image-to-video"),
        ("output", "per_video_second", Decimal("0.3"), "text-to-video"),
        ("output", "per_video_second", Decimal("0.3"), "text-to-video, 720p"),
    ]


@pytest.mark.parametrize(
    ("model_id", "expected"),
    [
        ("hd/1024-x-1792/dall-e-3", ("dall-e-3", "hd, 1024x1792")),
        ("1024-x-1024/50-steps/stability.x-v1", ("stability.x-v1", "50 steps, 1024x1024")),
        ("512-x-512/max-steps/stability.x-v0", ("stability.x-v0", "max steps, 512x512")),
        (
            "high/1024-x-1024/openai/gpt-image-2.5/flare/edit",
            ("openai/gpt-image-2.5/flare", "high, 1024x1024, edit"),
        ),
        ("fal-ai/recraft/v3/text-to-image", ("fal-ai/recraft/v3", "text-to-image")),
        ("dall-e-3", ("dall-e-3", None)),
        ("accounts/fireworks/models/flux-1-dev", ("accounts/fireworks/models/flux-1-dev", None)),
    ],
)
def test_split_variant(model_id: str, expected: tuple[str, str | None]) -> None:
    assert split_variant(model_id) == expected


def test_two_fal_models_no_longer_share_a_key() -> None:
    seedream = normalize("fal-ai/bytedance/seedream/v3").key
    recraft = normalize("fal-ai/recraft/v3").key
    assert seedream != recraft
    assert (seedream, recraft) == ("seedream-v3", "recraft-v3")
    assert normalize("fal-ai/bytedance/seedream/v3/text-to-image").key == "seedream-v3"
    assert normalize("openai/gpt-image-2/edit").key == "gpt-image-2"
    assert normalize("fal-ai/flux-pro/v1.1-ultra").key == "flux-pro-v1-1-ultra"


@pytest.mark.parametrize(
    ("model_id", "key"),
    [
        ("ai21/jamba-1.6-large", "jamba-1-6-large"),  # an owner ending in a digit is no version
        ("EVA-UNIT-01/EVA-Qwen2.5-72B-v0.2", "eva-qwen2-5-72b-v0-2"),
        ("vercel/v0-1.5-md", "v0-1-5-md"),  # a model named like a version keeps its name
        ("accounts/fireworks/models/flux-kontext-max", "flux-kontext-max"),
    ],
)
def test_an_owner_or_model_named_like_a_version_is_not_joined(model_id: str, key: str) -> None:
    assert normalize(model_id).key == key


def test_a_zero_output_image_price_never_overwrites_the_generated_image_s_price() -> None:
    # both keys name the output price per image: in either order the 0 is no price
    for raw in (
        {"input_cost_per_image": 0.04, "output_cost_per_image": 0.0},
        {"output_cost_per_image": 0.0, "input_cost_per_image": 0.04},
    ):
        assert prices_generated_image_as_input(raw, "image_generation")
        units = {name: unit_of(name, "image_generation", True) for name in raw}
        assert units["input_cost_per_image"] == ("output", "per_image", Decimal(1), None)
        assert units["output_cost_per_image"] is None


def test_without_an_input_image_price_a_zero_output_price_is_an_ordinary_zero() -> None:
    raw = {"output_cost_per_pixel": 0.0, "input_cost_per_token": 1e-06}
    assert not prices_generated_image_as_input(raw, "image_generation")
