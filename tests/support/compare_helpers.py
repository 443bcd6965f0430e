"""Small record builders for compare tests (no database)."""

from __future__ import annotations

from decimal import Decimal

from tradeoff.records import CAPABILITIES, Fact, Model, Offering, PartialDate, Prices, Provider


def model(
    model_id: str, lab: str = "lab", caps: dict[str, bool | None] | None = None, **facts: object
) -> Model:
    """A model with only the given facts known."""
    caps = caps or {}

    def f(key: str) -> Fact[object]:
        value = facts.get(key)
        return Fact(value, "src" if value is not None else None, "2026-01-01" if value else None)

    release = facts.get("release_date")
    return Model(
        id=model_id,
        name=model_id.split("/")[-1].title(),
        lab_id=lab,
        family=None,
        release_date=Fact(PartialDate(str(release)), "src", "2026-01-01")
        if release
        else Fact(None),
        knowledge_cutoff=Fact(None),
        licence=f("licence"),  # type: ignore[arg-type]
        open_weights=f("open_weights"),  # type: ignore[arg-type]
        parameters_total=f("parameters_total"),  # type: ignore[arg-type]
        parameters_active=Fact(None),
        architecture=f("architecture"),  # type: ignore[arg-type]
        experts_total=Fact(None),
        experts_per_token=Fact(None),
        context_tokens=f("context_tokens"),  # type: ignore[arg-type]
        max_output_tokens=Fact(None),
        modalities_input=Fact(None),
        modalities_output=Fact(None),
        capabilities={
            c: Fact(caps.get(c), "src" if caps.get(c) is not None else None) for c in CAPABILITIES
        },
    )


def offering(
    model_id: str,
    provider: str,
    inp: str | None,
    out: str | None,
    **extra: object,
) -> Offering:
    """An offering with the given prices (None = unpriced)."""
    prices = Prices(
        input_per_mtok=None if inp is None else Decimal(inp),
        output_per_mtok=None if out is None else Decimal(out),
        cache_read_per_mtok=extra.pop("cache_read", None),  # type: ignore[arg-type]
        tiers=extra.pop("tiers", ()),  # type: ignore[arg-type]
        free=bool(extra.pop("free", False)),
    )
    return Offering(
        provider_id=provider,
        provider_model_id=str(extra.pop("pmid", model_id)),
        model_id=model_id,
        name=None,
        prices=prices,
        source_id="src",
        checked="2026-01-01",
        **extra,  # type: ignore[arg-type]
    )


def provider(
    pid: str, kind: str = "inference-host", status: str = "active", lab: str | None = None
) -> Provider:
    return Provider(
        pid, pid.title(), kind, status, "2024-10-31" if status == "defunct" else None, None, lab
    )


PROVIDERS = {
    "lab-api": provider("lab-api", "first-party", lab="lab"),
    "host": provider("host"),
    "other": provider("other"),
    "gone": provider("gone", status="defunct"),
}
