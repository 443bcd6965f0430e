"""Small record builders for compare tests (no database)."""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from tradeoff.records import (
    CAPABILITIES,
    Fact,
    Model,
    Offering,
    PartialDate,
    Prices,
    PriceTier,
    Provider,
)

T = TypeVar("T")


def _fact(value: T | None) -> Fact[T]:
    """A fact from source "src" checked 2026-01-01, or not yet sourced when ``value`` is None."""
    if value is None:
        return Fact(None)
    return Fact(value, "src", "2026-01-01")


def model(
    model_id: str,
    lab: str = "lab",
    caps: dict[str, bool | None] | None = None,
    *,
    release_date: str | None = None,
    licence: str | None = None,
    open_weights: bool | None = None,
    parameters_total: int | None = None,
    architecture: str | None = None,
    context_tokens: int | None = None,
    kind: str | None = "text-generation",
) -> Model:
    """A model with only the given facts known (a text-generation model unless told)."""
    caps = caps or {}
    return Model(
        id=model_id,
        name=model_id.split("/")[-1].title(),
        lab_id=lab,
        family=None,
        release_date=_fact(None if release_date is None else PartialDate(release_date)),
        knowledge_cutoff=Fact(None),
        licence=_fact(licence),
        open_weights=_fact(open_weights),
        parameters_total=_fact(parameters_total),
        parameters_active=Fact(None),
        architecture=_fact(architecture),
        experts_total=Fact(None),
        experts_per_token=Fact(None),
        context_tokens=_fact(context_tokens),
        max_output_tokens=Fact(None),
        modalities_input=Fact(None),
        modalities_output=Fact(None),
        capabilities={
            c: Fact(caps.get(c), "src" if caps.get(c) is not None else None) for c in CAPABILITIES
        },
        kind=_fact(kind),
    )


def offering(
    model_id: str,
    provider: str,
    inp: str | None,
    out: str | None,
    *,
    cache_read: Decimal | None = None,
    tiers: tuple[PriceTier, ...] = (),
    free: bool = False,
    pmid: str | None = None,
    lifecycle: str = "ga",
    name: str | None = None,
    quantization: str | None = None,
    context_tokens: int | None = None,
) -> Offering:
    """An offering with the given prices (None = unpriced)."""
    prices = Prices(
        input_per_mtok=None if inp is None else Decimal(inp),
        output_per_mtok=None if out is None else Decimal(out),
        cache_read_per_mtok=cache_read,
        tiers=tiers,
        free=free,
    )
    return Offering(
        provider_id=provider,
        provider_model_id=pmid or model_id,
        model_id=model_id,
        name=name,
        prices=prices,
        source_id="src",
        checked="2026-01-01",
        lifecycle=lifecycle,
        quantization=quantization,
        context_tokens=context_tokens,
    )


def provider(
    pid: str, kind: str = "inference-host", status: str = "active", lab: str | None = None
) -> Provider:
    """A provider; a defunct one has been since 2024-10-31."""
    return Provider(
        pid, pid.title(), kind, status, "2024-10-31" if status == "defunct" else None, None, lab
    )


PROVIDERS = {
    "lab-api": provider("lab-api", "first-party", lab="lab"),
    "host": provider("host"),
    "other": provider("other"),
    "gone": provider("gone", status="defunct"),
}
