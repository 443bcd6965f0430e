"""LiteLLM's price keys in units other than text tokens: which unit each is in, and why the
price keys tradeoff leaves out are left out (recorded as dropped, once per entry)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

# LiteLLM price key → (component, unit, scale): the price in its own unit is the file's
# number × scale (per token → per 1M tokens, per character → per 1K characters).
MTOK, KILO, ONE = Decimal(1_000_000), Decimal(1000), Decimal(1)
UNIT_KEYS: dict[str, tuple[str, str, Decimal]] = {
    "input_cost_per_audio_token": ("input", "per_mtok_audio", MTOK),
    "output_cost_per_audio_token": ("output", "per_mtok_audio", MTOK),
    "cache_read_input_audio_token_cost": ("cache_read", "per_mtok_audio", MTOK),
    "cache_creation_input_audio_token_cost": ("cache_write", "per_mtok_audio", MTOK),
    "input_cost_per_image_token": ("input", "per_mtok_image", MTOK),
    "output_cost_per_image_token": ("output", "per_mtok_image", MTOK),
    "cache_read_input_image_token_cost": ("cache_read", "per_mtok_image", MTOK),
    "input_cost_per_video_token": ("input", "per_mtok_video", MTOK),
    "output_cost_per_video_token": ("output", "per_mtok_video", MTOK),
    "input_cost_per_image": ("input", "per_image", ONE),
    "output_cost_per_image": ("output", "per_image", ONE),
    "input_cost_per_pixel": ("input", "per_mpx", MTOK),
    "output_cost_per_pixel": ("output", "per_mpx", MTOK),
    "input_cost_per_audio_per_second": ("input", "per_audio_second", ONE),
    "input_cost_per_video_per_second": ("input", "per_video_second", ONE),
    "output_cost_per_video_per_second": ("output", "per_video_second", ONE),
    "input_cost_per_character": ("input", "per_1k_characters", KILO),
    "output_cost_per_character": ("output", "per_1k_characters", KILO),
    "ocr_cost_per_page": ("input", "per_page", ONE),
    "input_cost_per_query": ("input", "per_query", ONE),
    "input_cost_per_request": ("request", "per_request", ONE),
}
# ``*_cost_per_second``: seconds of what depends on the mode (audio in, audio out, video out).
SECOND_UNIT_BY_MODE = {
    "audio_transcription": "per_audio_second",
    "audio_speech": "per_audio_second",
    "realtime": "per_audio_second",
    "video_generation": "per_video_second",
}
SECOND_KEYS = {"input_cost_per_second": "input", "output_cost_per_second": "output"}
# A price for one size or resolution: ``output_cost_per_image_1K``, ``output_cost_per_second_720p``.
VARIANT_KEY = re.compile(r"^(output_cost_per_image|output_cost_per_second)_([0-9][0-9a-zA-Z.]*)$")
# Price keys read nowhere, grouped by why (recorded once per entry with the keys it had).
UNMODELLED_PRICES = (
    (
        re.compile(r"cache_hit$|^explicit_cache"),
        "another name for a cache-read price (or an explicit-cache variant): not read",
    ),
    (
        re.compile(r"_(batches|flex|priority|ultrafast|balanced|decisions)$"),
        "service-tier price (batch / flex / priority…) of a tier or a non-text unit: not modelled",
    ),
    (
        re.compile(r"_above_\d+(hr|s)|_above_\d+s_interval|_above_1hr|_above_12hr"),
        "long-lived cache write or interval price: not modelled",
    ),
    (re.compile(r"_above_\d+k_tokens$"), "length tier of a non-text unit: not modelled"),
    (
        re.compile(
            r"^(search_context|google_maps|web_search|file_search|code_interpreter|"
            r"computer_use|vector_store|citation|annotation|tool_use)"
        ),
        "tool or add-on fee (search, maps, code interpreter, annotation…): not modelled",
    ),
    (
        re.compile(
            r"dbu_|_credit$|^cost_per_second$|_per_text_message$|"
            r"_per_unit$"
        ),
        "price in a unit not modelled (DBUs, credits, messages, compute seconds)",
    ),
)
# LiteLLM's image cost calculator (cost_calculator.default_image_cost_calculator) charges
# ``input_cost_per_image`` × images, else ``input_cost_per_pixel`` × pixels, for each image it
# generates: in an image-generation entry with no output-side image price, those keys price the
# generated image (gpt-image-1's "low, 1024x1024" $0.011), not an image sent in.
GENERATED_IMAGE_KEYS: dict[str, tuple[str, str, Decimal]] = {
    "input_cost_per_image": ("output", "per_image", ONE),
    "input_cost_per_pixel": ("output", "per_mpx", MTOK),
}
# an output-side image price: per image (of any size), per pixel, per image token
OUTPUT_IMAGE_KEY = re.compile(r"^output_cost_per_(pixel|image_token|image(_[0-9][0-9a-zA-Z.]*)?)$")
PRICE_LIKE = re.compile(r"cost|price")
# Kinds whose models return no output tokens: LiteLLM writes 0 there, which is no price.
NO_OUTPUT_TOKENS = {"embedding", "rerank", "moderation"}


def prices_generated_image_as_input(raw: Mapping[str, object], mode: str) -> bool:
    """Whether the entry's ``input_cost_per_image``/``_pixel`` is the generated image's price:
    an image-generation entry with such a key and no non-zero output-side image price."""
    return (
        mode == "image_generation"
        and any(name in raw for name in GENERATED_IMAGE_KEYS)
        and not any(OUTPUT_IMAGE_KEY.match(name) and value != 0 for name, value in raw.items())
    )


def unit_of(
    name: str, mode: str, generated_as_input: bool = False
) -> tuple[str, str, Decimal, str | None] | None:
    """(component, unit, scale, variant) of a key priced in a non-text unit, or None."""
    if generated_as_input:
        if name in GENERATED_IMAGE_KEYS:
            component, unit, scale = GENERATED_IMAGE_KEYS[name]
            return component, unit, scale, None
        if OUTPUT_IMAGE_KEY.match(name):  # its 0 beside the input_cost_per_* price
            return None
    if name in UNIT_KEYS:
        component, unit, scale = UNIT_KEYS[name]
        return component, unit, scale, None
    if name in SECOND_KEYS and mode in SECOND_UNIT_BY_MODE:
        return SECOND_KEYS[name], SECOND_UNIT_BY_MODE[mode], ONE, None
    found = VARIANT_KEY.match(name)
    if found is None:
        return None
    if found.group(1) == "output_cost_per_image":
        return "output", "per_image", ONE, found.group(2)
    if mode == "video_generation":
        return "output", "per_video_second", ONE, found.group(2)
    return None


def unmodelled_reason(name: str, mode: str) -> str:
    if OUTPUT_IMAGE_KEY.match(name):  # reached only beside an input_cost_per_image/_pixel
        return "0 beside the price per generated image (input_cost_per_*): not a price"
    if name in SECOND_KEYS:
        return f"price per second in mode {mode!r}: seconds of what is not stated"
    for pattern, reason in UNMODELLED_PRICES:
        if pattern.search(name):
            return reason
    return "price key not modelled"
