"""Prices keep the unit they are sold in: LiteLLM's unit keys, models.dev's unit comments and
modalities, genai-prices' audio / image token prices — never shown per 1M text tokens."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from tradeoff.catalog.schema import ImportedOffering, ImportedUnitPrice, ImportFile
from tradeoff.sources.litellm import import_file
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"
UNITS = FIXTURES / "units"


@pytest.fixture(scope="module")
def litellm() -> ImportFile:
    return import_file(UNITS / "litellm", retrieved=dt.date(2026, 11, 29))


def _by_id(imported: ImportFile, model_id: str) -> ImportedOffering:
    return next(o for o in imported.offerings if o.provider_model_id == model_id)


def _units(offering: ImportedOffering) -> list[tuple[str, str, Decimal | None, str | None]]:
    return [(u.component, u.unit, u.usd, u.variant) for u in offering.prices.unit_prices]


def test_transcription_is_priced_per_second_of_audio(litellm: ImportFile) -> None:
    whisper = _by_id(litellm, "whisper-1")
    assert whisper.kind == "speech-to-text"
    assert whisper.prices.input_per_mtok is None and whisper.prices.output_per_mtok is None
    assert _units(whisper) == [
        ("input", "per_audio_second", Decimal("0.0001"), None),
        ("output", "per_audio_second", Decimal("0.0001"), None),
    ]


def test_speech_keeps_text_tokens_audio_tokens_and_characters_apart(litellm: ImportFile) -> None:
    tts = _by_id(litellm, "gpt-4o-mini-tts")
    assert tts.kind == "text-to-speech"
    assert tts.prices.input_per_mtok == Decimal("0.6")
    assert _units(tts) == [
        ("output", "per_audio_second", Decimal("0.00025"), None),
        ("output", "per_mtok_audio", Decimal("12"), None),
    ]
    azure = _by_id(litellm, "speech/azure-tts")
    assert _units(azure) == [("input", "per_1k_characters", Decimal("0.015"), None)]


def test_images_are_priced_per_image_by_size_or_per_megapixel(litellm: ImportFile) -> None:
    image = _by_id(litellm, "fal-ai/widget-image")
    assert image.kind == "image-generation"
    assert _units(image) == [
        ("output", "per_image", Decimal("0.08"), None),
        ("output", "per_image", Decimal("0.08"), "1K"),
        ("output", "per_image", Decimal("0.16"), "4K"),
    ]
    dalle = _by_id(litellm, "dall-e-2")  # the key 256-x-256/dall-e-2: dall-e-2 at one size
    # LiteLLM's input_cost_per_pixel prices each pixel generated; its 0 output price is none
    assert _units(dalle) == [("output", "per_mpx", Decimal("0.24414"), "256x256")]
    dropped = {(d.entity, d.field): (d.value, d.reason) for d in litellm.dropped}
    assert dropped[("offering:openai/dall-e-2", "keys")] == (
        "output_cost_per_pixel",
        "0 beside the price per generated image (input_cost_per_*): not a price",
    )


def test_an_embedding_has_no_output_price_not_a_zero_one(litellm: ImportFile) -> None:
    embedding = _by_id(litellm, "text-embedding-3-small")
    assert embedding.kind == "embedding"
    assert embedding.prices.input_per_mtok == Decimal("0.02")
    assert embedding.prices.output_per_mtok is None
    reasons = [d.reason for d in litellm.dropped if "text-embedding" in d.entity]
    assert any("no output tokens" in r for r in reasons)
    assert embedding.prices.batch_input_per_mtok == Decimal("0.01")


def test_ocr_video_and_add_on_fees(litellm: ImportFile) -> None:
    assert _units(_by_id(litellm, "widget-ocr")) == [("input", "per_page", Decimal("0.001"), None)]
    assert _units(_by_id(litellm, "widget-video")) == [
        ("output", "per_video_second", Decimal("0.1"), None),
        ("output", "per_video_second", Decimal("0.05"), "720p"),
    ]
    chat = _by_id(litellm, "widget-chat")
    assert chat.prices.input_per_mtok == Decimal("1")
    assert _units(chat) == [("input", "per_mtok_audio", Decimal("10"), None)]
    reasons = {(d.entity, d.value): d.reason for d in litellm.dropped}
    assert (
        "tool or add-on fee"
        in reasons[("offering:acme/widget-chat", "search_context_cost_per_query")]
    )
    assert "tool or add-on fee" in reasons[("offering:acme/widget-ocr", "annotation_cost_per_page")]


def test_modes_that_are_not_models_are_counted_not_imported(litellm: ImportFile) -> None:
    assert litellm.counts["not a model (mode search)"] == 1
    assert all(o.provider_model_id != "widget-search" for o in litellm.offerings)
    assert litellm.counts["entries"] == litellm.counts["offerings"] + 1


@pytest.fixture(scope="module")
def models_dev(tmp_path_factory: pytest.TempPathFactory) -> ImportFile:
    tree = tmp_path_factory.mktemp("units") / "tree"
    shutil.copytree(FIXTURES / "models-dev-mini", tree)
    models = tree / "providers" / "hostco" / "models"
    for name in ("whisper-per-minute", "whisper-no-unit", "omni-audio-tokens"):
        shutil.copy(UNITS / "models-dev" / f"{name}.toml", models / f"{name}.toml")
    return import_tree(tree, commit="abc123")


def test_a_per_minute_comment_gives_the_table_its_unit(models_dev: ImportFile) -> None:
    whisper = _by_id(models_dev, "whisper-per-minute")
    assert whisper.prices.input_per_mtok is None and whisper.prices.output_per_mtok is None
    assert _units(whisper) == [("input", "per_audio_minute", Decimal("0.0023"), None)]
    reasons = {d.field: d.reason for d in models_dev.dropped if "whisper-per-minute" in d.entity}
    assert "per audio minute" in reasons["cost.output"]
    assert "per audio minute" in reasons["cost.output_audio"]


def test_an_audio_only_model_gets_no_text_token_price(models_dev: ImportFile) -> None:
    whisper = _by_id(models_dev, "whisper-no-unit")
    assert whisper.prices.input_per_mtok is None
    assert whisper.prices.unit_prices == []
    reasons = {d.field: d.reason for d in models_dev.dropped if "whisper-no-unit" in d.entity}
    assert "input modalities are audio (no text)" in reasons["cost.input"]


def test_audio_token_prices_are_per_million_audio_tokens(models_dev: ImportFile) -> None:
    omni = _by_id(models_dev, "omni-audio-tokens")
    assert (omni.prices.input_per_mtok, omni.prices.output_per_mtok) == (
        Decimal("0.25"),
        Decimal("0.97"),
    )
    assert _units(omni) == [("input", "per_mtok_audio", Decimal("2.2"), None)]


@pytest.mark.parametrize(
    ("unit", "component"),
    [("", "input"), ("per_mtok", "input"), ("per_parsec", "input"), ("per_image", "brunch")],
)
def test_a_unit_price_without_a_known_unit_is_rejected(unit: str, component: str) -> None:
    with pytest.raises(ValidationError, match=r"unknown price (unit|component)"):
        ImportedUnitPrice(component=component, unit=unit, usd=Decimal(1))
