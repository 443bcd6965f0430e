"""models.dev ``[cost]`` tables → exact prices, with misspelled and non-token keys handled."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tradeoff.catalog.schema import (
    ImportedPrices,
    ImportedTier,
)
from tradeoff.errors import DataError
from tradeoff.sources.models_dev_reader import TreeReader

COST_KEYS = {"input", "output", "cache_read", "cache_write", "reasoning", "tiers"}
COST_MISSPELLED = {
    "cache_input": "cache_read",
    "cached_input": "cache_read",
    "cached_write": "cache_write",
}
COST_NOT_TOKEN = {
    "input_audio",
    "output_audio",
    "image",
    "citation",
    "request",
    "context_over_200k",
}


def read_prices(
    reader: TreeReader, cost: object, path: Path, entity: str, free: bool
) -> ImportedPrices:
    """A ``[cost]`` table; all-zero prices not marked free become unpriced (and are recorded)."""
    if cost is None:
        return ImportedPrices(free=free)
    if not isinstance(cost, dict):
        raise DataError(f"expected a table, got {cost!r}", path=path, field="cost")
    values: dict[str, Decimal] = {}
    for key, raw in cost.items():
        if key == "tiers":
            continue
        if key in COST_MISSPELLED:
            target = COST_MISSPELLED[key]
            reader.drop(entity, f"cost.{key}", raw, f"misspelled key, read as cost.{target}")
            key = target
        elif key in COST_NOT_TOKEN:
            reader.drop(entity, f"cost.{key}", raw, "not a per-token text price; not modelled")
            continue
        elif key not in COST_KEYS:
            raise DataError(f"unknown key {key!r}", path=path, field=f"cost.{key}")
        values[key] = reader.money(raw, path, f"cost.{key}", entity)
    tiers = read_tiers(reader, cost.get("tiers"), path, entity)
    if values and all(v == 0 for v in values.values()) and not free:
        reader.drop(entity, "cost", "all zero", "all-zero prices not marked free: unpriced")
        return ImportedPrices()
    return ImportedPrices(
        input_per_mtok=values.get("input"),
        output_per_mtok=values.get("output"),
        cache_read_per_mtok=values.get("cache_read"),
        cache_write_per_mtok=values.get("cache_write"),
        reasoning_per_mtok=values.get("reasoning"),
        free=free and all(v == 0 for v in values.values()),
        tiers=tiers,
    )


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
