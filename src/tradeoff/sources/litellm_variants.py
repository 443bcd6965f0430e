"""LiteLLM keys that price one model at a quality, size, step count or action.

``hd/1024-x-1792/dall-e-3``, ``1024-x-1024/50-steps/stability.stable-diffusion-xl-v1`` and
``high/1024-x-1024/openai/gpt-image-2/edit`` are each one price of one model (``dall-e-3``,
``stability.stable-diffusion-xl-v1``, ``openai/gpt-image-2``), not a model of their own. fal's
endpoint paths end with what the endpoint does (``fal-ai/recraft/v3/text-to-image``): the model
is the path before it. The importer folds such entries into one offering per (provider, model)
whose unit prices carry the variant ("hd, 1024x1792", "50 steps, 1024x1024", "edit").
"""

from __future__ import annotations

import re

from tradeoff.catalog.schema import Dropped, ImportedOffering, ImportedUnitPrice
from tradeoff.normalize import ACTION_SEGMENT

# [quality/]WIDTH-x-HEIGHT/[STEPS-steps/]model…
SIZED = re.compile(
    r"^(?:(?P<quality>[a-z]+)/)?(?P<width>\d+)-x-(?P<height>\d+)/"
    r"(?:(?P<steps>\d+|max)-steps/)?(?P<model>.+)$"
)


def split_variant(model_id: str) -> tuple[str, str | None]:
    """(the model's own id, the variant the key prices) — the variant None for a plain id."""
    parts: list[str] = []
    found = SIZED.match(model_id)
    if found is not None:
        if found["quality"]:
            parts.append(found["quality"])
        if found["steps"]:
            parts.append(f"{found['steps']} steps")
        parts.append(f"{found['width']}x{found['height']}")
        model_id = found["model"]
    head, sep, last = model_id.rpartition("/")
    if sep and head and ACTION_SEGMENT.match(last.lower()):
        parts.append(last)
        model_id = head
    return model_id, ", ".join(parts) or None


def with_variant(variant: str | None, own: str | None) -> str | None:
    """The key's variant, then the price key's own (``text-to-video, 720p``)."""
    return ", ".join(part for part in (variant, own) if part) or None


def fold_variants(
    entries: list[tuple[ImportedOffering, str | None]], dropped: list[Dropped]
) -> list[ImportedOffering]:
    """One offering per (provider, model id): the plain entry (else the first) keeps its facts
    and every entry's unit prices join it; a price given twice for one variant keeps the first
    and the other is recorded as dropped."""
    groups: dict[tuple[str, str], list[tuple[ImportedOffering, str | None]]] = {}
    for offering, variant in entries:
        groups.setdefault((offering.provider, offering.provider_model_id), []).append(
            (offering, variant)
        )
    folded: list[ImportedOffering] = []
    for (provider, model_id), group in groups.items():
        if len(group) == 1:
            folded.append(group[0][0])
            continue
        group.sort(key=lambda item: item[1] is not None)  # the plain entry first, else in order
        base = group[0][0]
        prices: dict[tuple[str, str, str | None], ImportedUnitPrice] = {}
        for offering, _ in group:
            for price in offering.prices.unit_prices:
                key = (price.component, price.unit, price.variant)
                kept = prices.setdefault(key, price)
                if kept is not price and kept.usd != price.usd:
                    dropped.append(
                        Dropped(
                            entity=f"offering:{provider}/{model_id}",
                            field=f"{price.component} {price.unit} ({price.variant or 'plain'})",
                            value=str(price.usd),
                            reason=f"two entries price this variant; kept {kept.usd}",
                        )
                    )
        unit_prices = sorted(prices.values(), key=lambda p: (p.component, p.unit, p.variant or ""))
        update = {"unit_prices": unit_prices}
        folded.append(base.model_copy(update={"prices": base.prices.model_copy(update=update)}))
    return folded
