"""Related comparisons linked from a model page (ranked by ``compare.related``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tradeoff.compare.related import related_models
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.records import Model
from tradeoff.web import urls
from tradeoff.web.site import Site


def blended_prices(site: Site) -> dict[str, Decimal | None]:
    """Each model's cheapest active blended price at the default 70/30 (None = unpriced)."""
    if "blended" not in site.extras:
        out: dict[str, Decimal | None] = {}
        for row in site.rows:
            c = row["cheapest"]
            out[row["id"]] = (
                None
                if c is None
                else DEFAULT_BLEND.price(
                    Decimal(c["input_per_mtok"]), Decimal(c["output_per_mtok"])
                )
            )
        site.extras["blended"] = out
    prices: dict[str, Decimal | None] = site.extras["blended"]
    return prices


def related_for(site: Site, model: Model) -> list[dict[str, Any]]:
    """Pairs worth comparing with ``model``, with the reasons the ranking gives."""
    models = site.catalog.models
    ranked = related_models(model, list(models.values()), blended_prices(site))
    return [
        {
            "id": r.model_id,
            "name": models[r.model_id].name,
            "reason": ", ".join(r.reasons),
            "url": urls.compare([model.slug, models[r.model_id].slug]),
        }
        for r in ranked
    ]
