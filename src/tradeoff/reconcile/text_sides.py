"""No price per 1M text tokens on a side of a model whose modalities hold no text.

A dataset that states no modalities (genai-prices) may give an image-generation model an
``output_mtok``: it is OpenAI's price per 1M *image* output tokens (gpt-image-2 produces no
text). Once the model's modalities are resolved, every per-text-token price of a side with
no text (``units.without_text``) is dropped from the merged offering, with its reason — the
models.dev importer applies the same rule to models.dev's own prices. A price in that side's
own unit (LiteLLM's ``output_cost_per_image_token``) stays: the reason says when it holds the
same number (docs/units.md "A side with no text").
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation

from tradeoff.reconcile.resolved import Resolved
from tradeoff.records import Conflict, DroppedValue, Offering, PricePoint
from tradeoff.units import (
    SIDE_COMPONENTS,
    TEXT_TOKEN_FIELDS,
    TIER_FIELDS,
    component_label,
    no_text_reason,
    unit_label,
    without_text,
)


def drop_text_prices_of_no_text_sides(out: Resolved) -> None:
    """Rewrite ``out.offerings`` without the per-text-token prices of no-text sides; each
    value any source stated for such a field is recorded in ``out.dropped``, and the
    conflicts about it go (no value of that field is shown)."""
    conflicts = {(c.entity, c.field): c for c in out.conflicts}
    settled: set[tuple[str, str]] = set()
    for number, offering in enumerate(out.offerings):
        model = out.models.get(offering.model_id) if offering.model_id else None
        if model is None:
            continue
        entity = f"offering:{offering.provider_id}/{offering.provider_model_id}"
        dropped_fields: list[str] = []
        drop_tiers = False
        no_text_sides: list[str] = []
        for side, fact in (("input", model.modalities_input), ("output", model.modalities_output)):
            shown = without_text(fact.value)
            if shown is None:
                continue
            no_text_sides.append(side)
            reason = no_text_reason(side, shown)
            for name in TEXT_TOKEN_FIELDS[side]:
                if getattr(offering.prices, name) is None:
                    continue
                dropped_fields.append(name)
                for value, source_id in _stated(offering, name, conflicts.get((entity, name))):
                    kept = _kept_as(offering, side, value)
                    out.dropped.append(DroppedValue(source_id, entity, name, value, reason + kept))
                settled.add((entity, name))
            if any(
                getattr(t, n) is not None for t in offering.prices.tiers for n in TIER_FIELDS[side]
            ):
                drop_tiers = True
                out.dropped.append(
                    DroppedValue(
                        offering.price_sources.get("tiers", offering.source_id),
                        entity,
                        "tiers",
                        str(len(offering.prices.tiers)),
                        f"context tiers: {reason}",
                    )
                )
        if dropped_fields or drop_tiers:
            out.offerings[number] = _without(offering, dropped_fields, drop_tiers, no_text_sides)
    if settled:
        out.conflicts[:] = [c for c in out.conflicts if (c.entity, c.field) not in settled]


def _stated(offering: Offering, name: str, conflict: Conflict | None) -> list[tuple[str, str]]:
    """Every (value, source) stated for the field: the conflict's values, else the shown one."""
    if conflict is None:
        shown = getattr(offering.prices, name)
        return [(str(shown), offering.price_sources.get(name, offering.source_id))]
    return list(dict.fromkeys((value, source) for value, source, _ in conflict.values))


def _kept_as(offering: Offering, side: str, value: str) -> str:
    """ ", kept as output per 1M image tokens" when a price of that side in its own unit holds
    the same number; else nothing."""
    try:
        usd = Decimal(value)
    except InvalidOperation:
        return ""
    for price in offering.prices.unit_prices:
        if price.component in SIDE_COMPONENTS[side] and price.usd == usd:
            return f"; kept as {component_label(price.component).lower()} {unit_label(price.unit)}"
    return ""


def _without(
    offering: Offering, dropped: list[str], drop_tiers: bool, sides: list[str]
) -> Offering:
    prices = replace(
        offering.prices,
        **{name: None for name in dropped},  # type: ignore[arg-type]
        tiers=() if drop_tiers else offering.prices.tiers,
    )
    gone = {*dropped, *(("tiers",) if drop_tiers else ())}
    history = tuple(
        point
        for point in (_point_without(p, sides) for p in offering.history)
        if point.input_per_mtok is not None or point.output_per_mtok is not None
    )
    return replace(
        offering,
        prices=prices,
        price_sources={k: v for k, v in offering.price_sources.items() if k not in gone},
        disputed_fields=tuple(f for f in offering.disputed_fields if f not in gone),
        history=history,
    )


def _point_without(point: PricePoint, sides: list[str]) -> PricePoint:
    """A history point without the per-text-token price of a no-text side."""
    return replace(
        point,
        input_per_mtok=None if "input" in sides else point.input_per_mtok,
        output_per_mtok=None if "output" in sides else point.output_per_mtok,
    )
