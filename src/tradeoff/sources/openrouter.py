"""Importer for OpenRouter's ``GET /api/v1/models`` response (a saved JSON file).

OpenRouter is both a provider and the source of its own offerings' facts (first-party for
them). Prices are per-token decimal strings: ``"-1"`` means dynamic (the router picks a model
at request time: unpriced), ``"0"`` for both input and output means free. ``id``,
``canonical_slug`` and ``hugging_face_id`` are aliases for linking. What is not imported, on
purpose: ``description`` (OpenRouter's text, no licence to redistribute), ``created`` (when
OpenRouter listed the model, not its release date) and ``file`` input (OpenRouter's file
handling, not a capability of the model).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from tradeoff.catalog.parsing import parse_json, read_text
from tradeoff.catalog.schema import (
    Dropped,
    ImportedOffering,
    ImportedPrices,
    ImportedProvider,
    ImportFile,
    SourceEntry,
)
from tradeoff.errors import DataError
from tradeoff.money import per_token_to_per_mtok

SOURCE_ID = "openrouter"
PROVIDER_ID = "openrouter"
PRICE_KEYS = {
    "prompt": "input_per_mtok",
    "completion": "output_per_mtok",
    "input_cache_read": "cache_read_per_mtok",
    "input_cache_write": "cache_write_per_mtok",
    "internal_reasoning": "reasoning_per_mtok",
}
NOT_CAPABILITY_INPUTS = {"file"}


def source_entry(retrieved: dt.date) -> SourceEntry:
    """The OpenRouter source record: no licence stated, so never redistributed."""
    return SourceEntry(
        name="OpenRouter models API",
        kind="dataset",
        url="https://openrouter.ai/api/v1/models",
        licence="OpenRouter terms (no licence stated)",
        retrieved=retrieved,
        redistributable=False,
    )


def import_file(path: Path, *, retrieved: dt.date | None = None) -> ImportFile:
    """Read a saved /api/v1/models response into one normalized import."""
    day = retrieved or dt.date.today()
    data = parse_json(read_text(path), path)
    models = data.get("data") if isinstance(data, dict) else None
    if not isinstance(models, list):
        raise DataError('expected {"data": [models]} (the /api/v1/models response)', path=path)
    reader = _Reader(path)
    offerings = [reader.model(index, raw) for index, raw in enumerate(models)]
    return ImportFile(
        source_id=SOURCE_ID,
        source=source_entry(day),
        generated_by="tradeoff import openrouter",
        providers=[
            ImportedProvider(id=PROVIDER_ID, name="OpenRouter", url="https://openrouter.ai")
        ],
        offerings=offerings,
        dropped=reader.dropped,
        counts={"entries": len(models), "offerings": len(offerings)},
    )


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.dropped: list[Dropped] = []

    def drop(self, entity: str, field: str, value: object, reason: str) -> None:
        self.dropped.append(Dropped(entity=entity, field=field, value=str(value), reason=reason))

    def fail(self, where: str, message: str) -> DataError:
        return DataError(message, path=self.path, field=where)

    def text(self, raw: dict[str, Any], key: str, where: str) -> str | None:
        value = raw.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"expected text, got {value!r}")
        return value

    def model(self, index: int, raw: Any) -> ImportedOffering:
        where = f"data[{index}]"
        if not isinstance(raw, dict):
            raise self.fail(where, f"expected a model object, got {type(raw).__name__}")
        model_id = self.text(raw, "id", where)
        if model_id is None:
            raise self.fail(f"{where}.id", "missing model id")
        where = f"{where} ({model_id})"
        entity = f"offering:{PROVIDER_ID}/{model_id}"
        aliases = [
            a
            for a in (
                self.text(raw, "canonical_slug", where),
                self.text(raw, "hugging_face_id", where),
            )
            if a and a.lower() != model_id.lower()
        ]
        prices = self.prices(raw.get("pricing"), f"{where}.pricing", entity, model_id)
        context = self.count(raw.get("context_length"), f"{where}.context_length")
        top = raw.get("top_provider") or {}
        if not isinstance(top, dict):
            raise self.fail(f"{where}.top_provider", f"expected an object, got {top!r}")
        output = self.count(
            top.get("max_completion_tokens"), f"{where}.top_provider.max_completion_tokens"
        )
        if output is not None and context is not None and output > context:
            self.drop(
                entity, "max_completion_tokens", output, f"max output above context ({context})"
            )
            output = None
        facts, capabilities = self.capabilities(raw, where, entity)
        if context is not None:
            facts["context_tokens"] = context
        cutoff = self.text(raw, "knowledge_cutoff", where)
        if cutoff and len(cutoff) >= 4 and cutoff[:4].isdigit():
            facts["knowledge_cutoff"] = cutoff[:10]
        expires = self.text(raw, "expiration_date", where)
        return ImportedOffering(
            provider=PROVIDER_ID,
            provider_model_id=model_id,
            aliases=aliases,
            name=self.text(raw, "name", where),
            prices=prices,
            context_tokens=context,
            max_output_tokens=output,
            capabilities=capabilities,
            lifecycle="deprecated" if expires else "ga",
            retired_on=expires[:10] if expires else None,
            facts=facts,
        )

    def prices(self, raw: Any, where: str, entity: str, model_id: str) -> ImportedPrices:
        if not isinstance(raw, dict):
            raise self.fail(where, f"expected a pricing object, got {raw!r}")
        values: dict[str, Decimal] = {}
        dynamic = False
        for key, value in raw.items():
            field = PRICE_KEYS.get(key)
            if field is None:
                self.drop(
                    entity, f"pricing.{key}", value, "not a per-token text price: not modelled"
                )
                continue
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise self.fail(f"{where}.{key}", f"expected a decimal string, got {value!r}")
            if str(value).strip() == "-1":
                dynamic = True
                continue
            try:
                amount, repaired = per_token_to_per_mtok(value)
            except ValueError as exc:  # not a number, or negative
                raise self.fail(f"{where}.{key}", str(exc)) from exc
            if repaired:
                self.drop(entity, f"pricing.{key}", value, f"float artifact corrected to {amount}")
            values[field] = amount
        if dynamic:
            self.drop(entity, "pricing", "-1", "dynamic price (router picks the model): unpriced")
            return ImportedPrices()
        text = (values.get("input_per_mtok"), values.get("output_per_mtok"))
        if text == (Decimal(0), Decimal(0)):
            return ImportedPrices(**values, free=True)
        return ImportedPrices(**values)

    def count(self, raw: Any, where: str) -> int | None:
        if raw is None:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise self.fail(where, f"expected an integer, got {raw!r}")
        return raw if raw > 0 else None

    def capabilities(
        self, raw: dict[str, Any], where: str, entity: str
    ) -> tuple[dict[str, str | int | bool | list[str]], dict[str, bool]]:
        arch = raw.get("architecture") or {}
        if not isinstance(arch, dict):
            raise self.fail(f"{where}.architecture", f"expected an object, got {arch!r}")
        facts: dict[str, str | int | bool | list[str]] = {}
        capabilities: dict[str, bool] = {}
        for side in ("input", "output"):
            values = arch.get(f"{side}_modalities")
            if values is None:
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise self.fail(
                    f"{where}.architecture.{side}_modalities", f"expected a list, got {values!r}"
                )
            kept = sorted(v for v in values if v not in NOT_CAPABILITY_INPUTS)
            if side == "input" and len(kept) < len(values):
                self.drop(
                    entity,
                    "architecture.input_modalities",
                    "file",
                    "file input is OpenRouter's file handling, not a model capability",
                )
            facts[f"modalities_{side}"] = kept
            if side == "input":
                capabilities["vision"] = facts["vision"] = "image" in kept
                capabilities["multimodal_input"] = facts["multimodal_input"] = kept != ["text"]
        params = raw.get("supported_parameters")
        if params is not None:
            if not isinstance(params, list):
                raise self.fail(f"{where}.supported_parameters", f"expected a list, got {params!r}")
            # A listed parameter is a yes; an absent one stays unknown (lists are incomplete).
            for name, wanted in (
                ("tool_call", {"tools"}),
                ("structured_output", {"structured_outputs", "response_format"}),
                ("reasoning", {"reasoning", "include_reasoning"}),
            ):
                if wanted & set(params):
                    capabilities[name] = True
        return facts, capabilities
