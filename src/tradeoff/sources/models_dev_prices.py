"""models.dev ``[cost]`` tables → exact prices, with misspelled and non-token keys handled.

models.dev states every cost per 1M tokens, except where the file says otherwise: a comment
over the table (``# per audio minute``) gives the whole table another unit, and a model whose
input (or output) modalities hold no text cannot be priced per text token — such a price is
imported in the unit the file states, or dropped with the reason, never shown per 1M tokens.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from tradeoff.catalog.schema import (
    ImportedPrices,
    ImportedTier,
    ImportedUnitPrice,
)
from tradeoff.errors import DataError
from tradeoff.sources.models_dev_reader import TreeReader
from tradeoff.units import without_text as units_without_text

COST_KEYS = {"input", "output", "cache_read", "cache_write", "reasoning", "tiers"}
COST_MISSPELLED = {
    "cache_input": "cache_read",
    "cached_input": "cache_read",
    "cached_write": "cache_write",
}
# Per 1M audio tokens, as every models.dev cost (a provider file says so: "Cost per million
# audio input tokens").
COST_AUDIO_TOKENS = {"input_audio": "input", "output_audio": "output"}
COST_NOT_TOKEN = {
    "image": "price per image or per image token: the unit is not stated; not modelled",
    "citation": "price per citation token: not modelled",
    "request": "price per request or per 1K requests: the unit is not stated; not modelled",
    "context_over_200k": "context tier in the old form: read from cost.tiers where stated",
}
# ``# per <unit>`` over a [cost] table → the unit of the whole table.
COMMENT_UNIT = re.compile(r"^#\s*per\s+(.+?)\s*$", re.IGNORECASE)
COMMENT_UNITS = {
    "audio minute": "per_audio_minute",
    "minute of audio": "per_audio_minute",
    "audio second": "per_audio_second",
    "second of audio": "per_audio_second",
    "image": "per_image",
    "page": "per_page",
}
INPUT_SIDE = ("input", "cache_read", "cache_write")
OUTPUT_SIDE = ("output", "reasoning")


def cost_comment(path: Path) -> str | None:
    """The ``# per …`` comment inside the file's own [cost] table, if any."""
    inside = False
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text = line.strip()
        if text.startswith("["):
            inside = text == "[cost]"
        elif inside and text.startswith("#") and COMMENT_UNIT.match(text):
            return text
    return None


def without_text(modalities: object, side: str) -> tuple[str, ...] | None:
    """The stated modalities of one side when they hold no text (audio-only input…): the
    rule of ``units.without_text``, which the reconciler applies to every dataset's prices."""
    if not isinstance(modalities, dict):
        return None
    return units_without_text(modalities.get(side))


def read_prices(
    reader: TreeReader,
    cost: object,
    path: Path,
    entity: str,
    free: bool,
    *,
    comment: str | None = None,
    modalities: object = None,
) -> ImportedPrices:
    """A ``[cost]`` table; all-zero prices not marked free become unpriced (and are recorded).

    ``comment``: a ``# per …`` comment over the table (its unit); ``modalities``: the model's
    input / output modalities (no text on a side: no per-text-token price on that side)."""
    if cost is None:
        return ImportedPrices(free=free)
    if not isinstance(cost, dict):
        raise DataError(f"expected a table, got {cost!r}", path=path, field="cost")
    if comment is not None:
        return _commented_unit(reader, cost, path, entity, comment)
    values: dict[str, Decimal] = {}
    units: list[ImportedUnitPrice] = []
    for key, raw in cost.items():
        if key == "tiers":
            continue
        if key in COST_MISSPELLED:
            target = COST_MISSPELLED[key]
            reader.drop(entity, f"cost.{key}", raw, f"misspelled key, read as cost.{target}")
            key = target
        elif key in COST_AUDIO_TOKENS:
            usd = reader.money(raw, path, f"cost.{key}", entity)
            if usd or free:
                units.append(
                    ImportedUnitPrice(
                        component=COST_AUDIO_TOKENS[key], unit="per_mtok_audio", usd=usd
                    )
                )
            else:
                reader.drop(entity, f"cost.{key}", raw, "zero price not marked free: unpriced")
            continue
        elif key in COST_NOT_TOKEN:
            reader.drop(entity, f"cost.{key}", raw, COST_NOT_TOKEN[key])
            continue
        elif key not in COST_KEYS:
            raise DataError(f"unknown key {key!r}", path=path, field=f"cost.{key}")
        values[key] = reader.money(raw, path, f"cost.{key}", entity)
    tiers = read_tiers(reader, cost.get("tiers"), path, entity)
    for side, names in (("input", INPUT_SIDE), ("output", OUTPUT_SIDE)):
        shown = without_text(modalities, side)
        if shown is None:
            continue
        for name in names:
            if name in values:
                reader.drop(
                    entity,
                    f"cost.{name}",
                    values.pop(name),
                    f"{side} modalities are {', '.join(shown)} (no text): a price per 1M text "
                    "tokens cannot apply and the file states no other unit",
                )
        if tiers:
            reader.drop(
                entity, "cost.tiers", len(tiers), f"token tiers of a no-text {side}: no unit stated"
            )
            tiers = []
    if values and all(v == 0 for v in values.values()) and not free:
        reader.drop(entity, "cost", "all zero", "all-zero prices not marked free: unpriced")
        return ImportedPrices(unit_prices=units)
    return ImportedPrices(
        unit_prices=units,
        input_per_mtok=values.get("input"),
        output_per_mtok=values.get("output"),
        cache_read_per_mtok=values.get("cache_read"),
        cache_write_per_mtok=values.get("cache_write"),
        reasoning_per_mtok=values.get("reasoning"),
        free=free and all(v == 0 for v in values.values()),
        tiers=tiers,
    )


def _commented_unit(
    reader: TreeReader, cost: dict[str, object], path: Path, entity: str, comment: str
) -> ImportedPrices:
    """A [cost] table under ``# per <unit>``: its input price in that unit; other keys have
    no clear meaning in it (an output "per audio minute" of a transcription) and are dropped."""
    found = COMMENT_UNIT.match(comment)
    unit = COMMENT_UNITS.get(found.group(1).lower()) if found else None
    units: list[ImportedUnitPrice] = []
    for key, raw in cost.items():
        field = f"cost.{key}"
        if unit is None:
            reader.drop(entity, field, raw, f"the table is priced {comment!r}: unit not modelled")
        elif key == "input":
            usd = reader.money(raw, path, field, entity)
            if usd:
                units.append(ImportedUnitPrice(component="input", unit=unit, usd=usd))
            else:
                reader.drop(entity, field, raw, "zero price not marked free: unpriced")
        else:
            reader.drop(
                entity,
                field,
                raw,
                f"the table is priced {comment!r}: only the input is read in that unit "
                f"(cost.{key} {comment.lstrip('# ')} has no clear meaning); never per 1M tokens",
            )
    return ImportedPrices(unit_prices=units)


def read_tiers(reader: TreeReader, raw: object, path: Path, entity: str) -> list[ImportedTier]:
    """``[[cost.tiers]]``: context tiers (whole-request prices above N input tokens)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise DataError(f"expected a list of tables, got {raw!r}", path=path, field="cost.tiers")
    tiers: list[ImportedTier] = []
    for index, entry in enumerate(raw):
        field = f"cost.tiers[{index}]"
        tier = entry.get("tier") if isinstance(entry, dict) else None
        if not isinstance(tier, dict) or not isinstance(tier.get("size"), int):
            raise DataError("expected tier = { size = N }", path=path, field=field)
        if tier.get("type", "context") != "context":
            reader.drop(entity, field, tier, "non-context tier not modelled")
            continue
        prices = {
            key: reader.money(entry[key], path, f"{field}.{key}", entity)
            for key in ("input", "output", "cache_read", "cache_write")
            if key in entry
        }
        tiers.append(
            ImportedTier(
                above_input_tokens=tier["size"],
                input_per_mtok=prices.get("input"),
                output_per_mtok=prices.get("output"),
                cache_read_per_mtok=prices.get("cache_read"),
                cache_write_per_mtok=prices.get("cache_write"),
            )
        )
    return tiers
