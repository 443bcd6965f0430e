"""Price units: what one dollar figure buys.

Text-token prices live in the ``*_per_mtok`` fields of ``records.Prices`` (USD per 1M text
tokens: the unit is in the field name). Every other price is a ``records.UnitPrice`` whose
``unit`` is one of ``UNITS``: per 1M audio tokens, per image, per second of audio, per page…
Prices are compared, blended and claimed about only within one unit: a speech-to-text model's
price per minute of audio is never set against a chat model's price per 1M tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

# What a per-token cell says for an offering sold only in other units (never "unpriced").
NOT_PER_TOKEN: Final = "not per token"
# What a total says for a route priced per token on one side and in no unit on the other.
PARTLY_PRICED: Final = "partly priced"
# Why a route or a side has no total per text token (``compare.route_gap.route_gap``): a side
# sold in another unit, no price stated in any unit, or a price on one side only (the other
# stated in no unit: half a price cannot be totalled).
NOT_PER_TOKEN_ROUTE: Final = "not_per_token"
UNPRICED_ROUTE: Final = "unpriced"
PARTLY_PRICED_ROUTE: Final = "partly_priced"

# The unit of the ``*_per_mtok`` fields: USD per 1M text tokens.
TEXT_TOKENS: Final = "per_mtok"

# Every unit a price may be sold in → how a reader says it.
UNITS: Final[dict[str, str]] = {
    TEXT_TOKENS: "per 1M tokens",
    "per_mtok_audio": "per 1M audio tokens",
    "per_mtok_image": "per 1M image tokens",
    "per_mtok_video": "per 1M video tokens",
    "per_image": "per image",
    "per_mpx": "per 1M pixels",
    "per_audio_second": "per second of audio",
    "per_audio_minute": "per minute of audio",
    "per_video_second": "per second of video",
    "per_1k_characters": "per 1K characters",
    "per_character": "per character",
    "per_page": "per page",
    "per_request": "per request",
    "per_1k_requests": "per 1K requests",
    "per_query": "per query",
    "per_1k_queries": "per 1K queries",
}

# What part of a sale a price is for → how a reader says it.
COMPONENTS: Final[dict[str, str]] = {
    "input": "Input",
    "output": "Output",
    "cache_read": "Cache read",
    "cache_write": "Cache write",
    "request": "Request",
    "web_search": "Web search",
}


def unit_label(unit: str) -> str:
    """The reader's words for a unit; an unknown unit is named as such, never hidden."""
    return UNITS.get(unit, f"unknown unit {unit!r}")


def component_label(component: str) -> str:
    return COMPONENTS.get(component, component.replace("_", " ").capitalize())


def price_key(component: str, unit: str, variant: str | None = None) -> str:
    """The JSON key of a unit price: the component, then its unit, then its variant
    (``output_per_image``, ``input_per_audio_minute``, ``output_per_video_second_720p``)."""
    key = f"{component}_{unit}"
    return f"{key}_{variant}" if variant else key


def unit_of_field(field: str) -> str | None:
    """The unit a price field or claim number is in, read from its name's ending
    (``cheapest.blended_per_mtok`` → ``per_mtok``); None when the name states none."""
    endings = [unit for unit in UNITS if field.endswith(f"_{unit}") or field == unit]
    return max(endings, key=len, default=None)


# The per-1M-text-token price fields of ``records.Prices`` on each side of a sale, and the
# unit-price components of that side (a price of the same number in another unit there means
# a dropped per-text-token price loses nothing).
TEXT_TOKEN_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "input": (
        "input_per_mtok",
        "cache_read_per_mtok",
        "cache_write_per_mtok",
        "batch_input_per_mtok",
        "flex_input_per_mtok",
        "priority_input_per_mtok",
    ),
    "output": (
        "output_per_mtok",
        "reasoning_per_mtok",
        "batch_output_per_mtok",
        "flex_output_per_mtok",
        "priority_output_per_mtok",
    ),
}
SIDE_COMPONENTS: Final[dict[str, tuple[str, ...]]] = {
    "input": ("input", "cache_read", "cache_write"),
    "output": ("output",),
}
# The same sides of a context tier (``records.PriceTier``).
TIER_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "input": ("input_per_mtok", "cache_read_per_mtok", "cache_write_per_mtok"),
    "output": ("output_per_mtok",),
}


def without_text(modalities: object) -> tuple[str, ...] | None:
    """The stated modalities of one side of a model when they hold no text (an image model's
    ``("image",)`` output, Whisper's ``("audio",)`` input): no price per 1M text tokens can
    apply to that side. None when they hold text or are not stated (unknown is not no-text)."""
    if isinstance(modalities, Sequence) and not isinstance(modalities, str) and modalities:
        values = tuple(str(v) for v in modalities)
        if "text" not in values:
            return values
    return None


def no_text_reason(side: str, modalities: Sequence[str]) -> str:
    """Why a per-1M-text-token price of a no-text side is dropped (maintain.checks reads the
    words "a price per 1M text tokens cannot apply" as ``price-unit-not-stated``)."""
    return (
        f"the model's {side} modalities are {', '.join(modalities)} (no text): "
        "a price per 1M text tokens cannot apply"
    )
