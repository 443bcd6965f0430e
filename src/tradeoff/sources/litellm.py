"""Importer for LiteLLM's ``model_prices_and_context_window.json``.

Every entry whose ``mode`` is a model kind (``kinds.LITELLM_MODE_KIND``: chat, embedding,
rerank, image generation, transcription, speech, realtime, OCR, video…) becomes an offering
of that kind; other modes (search, guardrail, vector store…) are counted, not imported.
Prices per text token become the ``*_per_mtok`` fields; prices in any other unit (per audio
or image token, per image, per second of audio or video, per character, per page, per query)
become ``unit_prices`` with their unit (tradeoff.units, sources.litellm_units). Keys look
like ``together_ai/moonshotai/Kimi-K2-Instruct``: the routing prefix is LiteLLM's, not the
provider's, so it is removed and the provider is LiteLLM's ``litellm_provider`` (mapped to a
catalog provider by the aliases in providers.toml). Per-token prices become Decimal USD per 1M.
``supports_*`` flags are tri-state: a missing flag is unknown, never "no".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from tradeoff.catalog.parsing import parse_json, read_text
from tradeoff.catalog.schema import (
    Dropped,
    ImportedOffering,
    ImportedPrices,
    ImportedProvider,
    ImportedTier,
    ImportedUnitPrice,
    ImportFile,
    SourceEntry,
)
from tradeoff.errors import DataError
from tradeoff.kinds import LITELLM_MODE_KIND
from tradeoff.money import clean_decimal, per_token_to_per_mtok
from tradeoff.normalize import marked_free
from tradeoff.sources.litellm_units import (
    NO_OUTPUT_TOKENS,
    PRICE_LIKE,
    prices_generated_image_as_input,
    unit_of,
    unmodelled_reason,
)
from tradeoff.sources.litellm_variants import SIZED, fold_variants, split_variant, with_variant
from tradeoff.units import price_key

SOURCE_ID = "litellm"
DEFAULT_FILE = "model_prices_and_context_window.json"

# LiteLLM price key → our price field.
PRICE_KEYS = {
    "input_cost_per_token": "input_per_mtok",
    "output_cost_per_token": "output_per_mtok",
    "cache_read_input_token_cost": "cache_read_per_mtok",
    "cache_creation_input_token_cost": "cache_write_per_mtok",
    "output_cost_per_reasoning_token": "reasoning_per_mtok",
    "input_cost_per_token_batches": "batch_input_per_mtok",
    "output_cost_per_token_batches": "batch_output_per_mtok",
    "input_cost_per_token_flex": "flex_input_per_mtok",
    "output_cost_per_token_flex": "flex_output_per_mtok",
    "input_cost_per_token_priority": "priority_input_per_mtok",
    "output_cost_per_token_priority": "priority_output_per_mtok",
}
# `<kind>_above_<N>k_tokens`: the whole request's price once its input exceeds N thousand tokens.
TIER_KEY = re.compile(
    r"^(input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|"
    r"cache_creation_input_token_cost)_above_(\d+)k_tokens$"
)
TIER_FIELD = {
    "input_cost_per_token": "input_per_mtok",
    "output_cost_per_token": "output_per_mtok",
    "cache_read_input_token_cost": "cache_read_per_mtok",
    "cache_creation_input_token_cost": "cache_write_per_mtok",
}
# supports_* flag → catalog capability (offering-level, tri-state).
CAPABILITY_KEYS = {
    "supports_function_calling": "tool_call",
    "supports_vision": "vision",
    "supports_reasoning": "reasoning",
    "supports_response_schema": "structured_output",
    "supports_prompt_caching": "prompt_caching",
}
MULTIMODAL_KEYS = ("supports_vision", "supports_audio_input", "supports_pdf_input")
# Read above or deliberately not modelled (capability flags and LiteLLM internals).
KNOWN_KEYS = {
    "litellm_provider",
    "mode",
    "max_input_tokens",
    "max_output_tokens",
    "max_tokens",
    "deprecation_date",
    "deprecation_source",
    "successor_model",
    "source",
    "metadata",
    "comment",
}
# Not prices, not modelled: capability lists, rate limits, LiteLLM routing internals.
NOT_MODELLED = re.compile(
    r"^(supports_|supported_|rpm$|tpm$|reasoning_|default_reasoning|off_peak_|"
    r"regional_|fedramp_|bedrock_|provider_specific|prompt_cache_min|thinking_|"
    r"token_count_|use_openai_|output_vector_size|max_|tool_use_system_prompt)"
)
# Keys with region or commitment paths (bedrock/us-east-1/..., bedrock/*/1-month-commitment/...)
REGIONAL_PROVIDERS = {"bedrock", "bedrock_converse"}


def source_entry(retrieved: dt.date, version: str | None = None) -> SourceEntry:
    """The LiteLLM source record for one snapshot."""
    name = "LiteLLM model_prices_and_context_window.json"
    return SourceEntry(
        name=f"{name} (litellm {version})" if version else name,
        kind="dataset",
        url="https://github.com/BerriAI/litellm",
        licence="MIT",
        retrieved=retrieved,
        attribution="LiteLLM by BerriAI (MIT)",
    )


def read_json(path: Path) -> Any:
    """Parse a JSON file; a syntax error names the file and line."""
    if path.is_dir():
        path = path / DEFAULT_FILE
    return parse_json(read_text(path), path)


def import_file(
    path: Path, *, retrieved: dt.date | None = None, version: str | None = None
) -> ImportFile:
    """Read LiteLLM's price map into one normalized import (entries of every model mode)."""
    day = retrieved or dt.date.today()
    data = read_json(path)
    if path.is_dir():
        path = path / DEFAULT_FILE
    if not isinstance(data, dict):
        raise DataError("expected a JSON object of model entries at the top level", path=path)
    reader = _Reader(path, day)
    entries: list[tuple[ImportedOffering, str | None]] = []
    providers: dict[str, ImportedProvider] = {}
    counts: Counter[str] = Counter()
    for key, entry in data.items():
        if key == "sample_spec":
            continue  # LiteLLM's own documentation of the format
        if not isinstance(entry, dict):
            raise DataError(f"expected an object, got {type(entry).__name__}", path=path, field=key)
        mode = entry.get("mode")
        if mode is not None and not isinstance(mode, str):
            raise DataError(f"expected text, got {mode!r}", path=path, field=f"{key}.mode")
        counts["entries"] += 1
        kind = LITELLM_MODE_KIND.get(mode or "")
        if kind is None:
            # search, guardrail, vector store, evaluation… and entries without a mode: no model
            counts[f"not a model (mode {mode or 'unset'})"] += 1
            continue
        read = reader.entry(key, entry, mode or "", kind)
        if read is not None:
            entries.append(read)
            provider = read[0].provider
            providers.setdefault(provider, ImportedProvider(id=provider, name=provider))
    # hd/1024-x-1792/dall-e-3 and standard/1024-x-1024/dall-e-3: one offering of dall-e-3
    offerings = fold_variants(entries, reader.dropped)
    if len(entries) > len(offerings):
        counts["entries folded into another's variant prices"] = len(entries) - len(offerings)
    counts.update(f"offerings: {o.kind}" for o in offerings)
    counts["offerings"] = len(offerings)
    return ImportFile(
        source_id=SOURCE_ID,
        source=source_entry(day, version),
        generated_by="tradeoff import litellm",
        providers=sorted(providers.values(), key=lambda p: p.id),
        offerings=offerings,
        dropped=reader.dropped,
        counts=dict(sorted(counts.items())),
    )


def provider_model_id(key: str, provider: str) -> str:
    """The provider's own id: the LiteLLM key without LiteLLM's routing prefix."""
    head, sep, rest = key.partition("/")
    if not sep:
        return key
    lowered = head.lower()
    if (
        lowered == provider
        or provider.startswith(lowered + "-")
        or lowered.replace("-", "_") == provider
        or (lowered == "bedrock" and provider in REGIONAL_PROVIDERS)
    ):
        return rest
    return key


class _Reader:
    def __init__(self, path: Path, as_of: dt.date) -> None:
        self.path = path
        self.as_of = as_of
        self.dropped: list[Dropped] = []

    def drop(self, entity: str, field: str, value: object, reason: str) -> None:
        self.dropped.append(Dropped(entity=entity, field=field, value=str(value), reason=reason))

    def fail(self, key: str, field: str, message: str) -> DataError:
        return DataError(message, path=self.path, field=f"{key}.{field}")

    def entry(
        self, key: str, raw: dict[str, Any], mode: str, kind: str
    ) -> tuple[ImportedOffering, str | None] | None:
        """The offering of one entry and the variant (quality, size, action) its key prices."""
        provider = raw.get("litellm_provider")
        if not isinstance(provider, str) or not provider:
            raise self.fail(key, "litellm_provider", f"expected a provider id, got {provider!r}")
        routed = provider_model_id(key, provider)
        model_id, variant = split_variant(routed)
        if SIZED.match(routed):  # 1024-x-1024/50-steps/bedrock/amazon.nova-canvas-v1:0
            model_id = provider_model_id(model_id, provider)
        entity = f"offering:{provider}/{model_id}"
        if provider in REGIONAL_PROVIDERS and "/" in model_id:
            self.drop(entity, "key", key, "region- or commitment-specific price: not modelled")
            return None
        values: dict[str, Decimal] = {}
        tiers: dict[int, dict[str, Decimal]] = {}
        capabilities: dict[str, bool] = {}
        units: dict[tuple[str, str, str | None], Decimal] = {}
        unmodelled: dict[str, list[str]] = {}
        generated_as_input = prices_generated_image_as_input(raw, mode)
        for name, value in raw.items():
            if name in PRICE_KEYS:
                values[PRICE_KEYS[name]] = self.money(key, name, value, entity)
            elif (unit := unit_of(name, mode, generated_as_input)) is not None:
                component, unit_name, scale, own = unit
                units[(component, unit_name, with_variant(variant, own))] = self.scaled(
                    key, name, value, scale
                )
            elif (found := TIER_KEY.match(name)) is not None:
                field = TIER_FIELD[found.group(1)]
                tier = tiers.setdefault(int(found.group(2)) * 1000, {})
                tier[field] = self.money(key, name, value, entity)
            elif name in CAPABILITY_KEYS:
                capabilities[CAPABILITY_KEYS[name]] = self.flag(key, name, value)
            elif name in MULTIMODAL_KEYS:
                self.flag(key, name, value)
            elif name == "tiered_pricing":
                self.ranges(key, value, entity, values, tiers)
            elif PRICE_LIKE.search(name) and not NOT_MODELLED.match(name):
                unmodelled.setdefault(unmodelled_reason(name, mode), []).append(name)
            elif name not in KNOWN_KEYS and not NOT_MODELLED.match(name):
                self.drop(entity, name, value, "unknown key: not read")
        for reason, names in sorted(unmodelled.items()):
            self.drop(entity, "keys", ", ".join(sorted(names)), reason)
        if kind in NO_OUTPUT_TOKENS and values.get("output_per_mtok") == 0:
            self.drop(
                entity,
                "output_cost_per_token",
                0,
                f"{kind} models return no output tokens: LiteLLM's 0 is not a price",
            )
            del values["output_per_mtok"]
        for (component, unit_name, priced), usd in list(units.items()):
            if usd == 0 and not marked_free(model_id):
                what = price_key(component, unit_name, priced)
                self.drop(entity, what, 0, "zero price not marked free: unpriced")
                del units[(component, unit_name, priced)]
        if any(isinstance(raw.get(k), bool) and raw[k] for k in MULTIMODAL_KEYS):
            capabilities["multimodal_input"] = True
        context = self.count(key, raw, "max_input_tokens")
        output = self.count(key, raw, "max_output_tokens")
        if output is not None and context is not None and output > context:
            self.drop(entity, "max_output_tokens", output, f"max output above context ({context})")
            output = None
        free = marked_free(model_id)
        if values and all(v == 0 for v in values.values()) and not free:
            self.drop(entity, "prices", "all zero", "all-zero prices not marked free: unpriced")
            values, tiers = {}, {}
        if variant and (values or tiers):
            # the *_per_mtok fields have no variant: one size's token price is not the model's
            self.drop(entity, "prices", key, f"per-token price of one variant ({variant})")
            values, tiers = {}, {}
        by_key = sorted(units.items(), key=lambda i: (i[0][0], i[0][1], i[0][2] or ""))
        unit_prices = [
            ImportedUnitPrice(component=c, unit=u, usd=usd, variant=v) for (c, u, v), usd in by_key
        ]
        # LiteLLM's `deprecation_date` is the day the provider stops serving the model (its
        # values are the shutdown dates of the providers' deprecation pages: docs/lifecycle.md).
        # Passed at the snapshot: retired on it; still ahead: a scheduled retirement.
        retired_on = self.date(key, raw, "deprecation_date")
        lifecycle: Literal["retired", "ga"] = (
            "retired" if retired_on and retired_on <= self.as_of.isoformat() else "ga"
        )
        successor = raw.get("successor_model")
        if successor is not None and not isinstance(successor, str):
            raise self.fail(key, "successor_model", f"expected text, got {successor!r}")
        url = raw.get("source")
        if url is not None and not isinstance(url, str):
            raise self.fail(key, "source", f"expected a URL, got {url!r}")
        facts: dict[str, str | int | bool | list[str]] = {}
        if context is not None:
            facts["context_tokens"] = context
        for name in ("vision", "reasoning", "tool_call", "structured_output"):
            if name in capabilities:
                facts[name] = capabilities[name]
        offering = ImportedOffering(
            provider=provider,
            provider_model_id=model_id,
            prices=ImportedPrices(
                **values,
                free=free and all(v == 0 for v in values.values()),
                tiers=[ImportedTier(above_input_tokens=n, **tiers[n]) for n in sorted(tiers)],
                unit_prices=unit_prices,
            ),
            kind=kind,
            context_tokens=context,
            max_output_tokens=output,
            capabilities=capabilities,
            lifecycle=lifecycle,
            retired_on=retired_on,
            successor=provider_model_id(successor, provider) if successor else None,
            source_url=url,
            facts=facts,
        )
        return offering, variant

    def scaled(self, key: str, name: str, raw: Any, scale: Decimal) -> Decimal:
        """A non-text-unit price in its unit: the file's number × scale, exact."""
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise self.fail(key, name, f"expected a number, got {raw!r}")
        try:
            value, _ = clean_decimal(raw, digits=12)
        except ValueError as exc:
            raise self.fail(key, name, str(exc)) from exc
        if value < 0:
            raise self.fail(key, name, f"negative price {raw!r}")
        return clean_decimal(value * scale)[0]

    def money(self, key: str, name: str, raw: Any, entity: str) -> Decimal:
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise self.fail(key, name, f"expected a number, got {raw!r}")
        try:
            value, repaired = per_token_to_per_mtok(raw)
        except ValueError as exc:  # not a number, or negative
            raise self.fail(key, name, str(exc)) from exc
        if repaired:
            self.drop(entity, name, raw, f"float artifact corrected to {value} per 1M")
        return value

    def ranges(
        self,
        key: str,
        raw: Any,
        entity: str,
        values: dict[str, Decimal],
        tiers: dict[int, dict[str, Decimal]],
    ) -> None:
        """``tiered_pricing: [{range: [lo, hi], <price keys>}]``: the range from 0 is the base."""
        if not isinstance(raw, list):
            raise self.fail(key, "tiered_pricing", f"expected a list, got {raw!r}")
        for index, step in enumerate(raw):
            where = f"tiered_pricing[{index}]"
            bounds = step.get("range") if isinstance(step, dict) else None
            if not isinstance(bounds, list) or len(bounds) != 2:
                raise self.fail(key, where, "expected {range: [lo, hi], prices}")
            low = bounds[0]
            if isinstance(low, bool) or not isinstance(low, int | float) or low < 0:
                raise self.fail(key, f"{where}.range", f"expected a token count, got {low!r}")
            target = values if low == 0 else tiers.setdefault(int(low), {})
            for name, price in step.items():
                field = TIER_FIELD.get(name) if low else PRICE_KEYS.get(name)
                if field is None and name != "range":
                    self.drop(entity, f"{where}.{name}", price, "not a modelled tier price")
                elif field is not None:
                    value = self.money(key, f"{where}.{name}", price, entity)
                    if low == 0:
                        target.setdefault(field, value)
                    else:
                        target[field] = value

    def flag(self, key: str, name: str, raw: Any) -> bool:
        if not isinstance(raw, bool):
            raise self.fail(key, name, f"expected true or false, got {raw!r}")
        return raw

    def count(self, key: str, raw: dict[str, Any], name: str) -> int | None:
        value = raw.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, name, f"expected an integer, got {value!r}")
        return value if value > 0 else None

    def date(self, key: str, raw: dict[str, Any], name: str) -> str | None:
        value = raw.get(name)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise self.fail(key, name, f"expected YYYY-MM-DD, got {value!r}") from None
