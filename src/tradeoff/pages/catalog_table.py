"""Rows of the catalog table (CLI `models list`, web `/`)."""

from __future__ import annotations

from typing import Any

from tradeoff.compare.pricing import is_live
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import catalog_view
from tradeoff.pages.jsonable import jsonable


def catalog_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per model: identity, key facts, and its cheapest route.

    "Cheapest" is the comparison engine's (``ModelPricing.cheapest`` at the default 70/30
    blend): the cheapest paid, priced offering on an active provider, so the catalog table,
    its CSV, the API and the comparison page state the same route.
    """
    view = catalog_view(catalog)
    rows: list[dict[str, Any]] = []
    for model in catalog.models.values():
        offerings = view.offerings.get(model.id, ())
        live = {
            o.provider_id for o in offerings if is_live(o, catalog.providers.get(o.provider_id))
        }
        cheapest = view.cheapest_quotes.get(model.id)
        lab = catalog.labs.get(model.lab_id)
        rows.append(
            {
                "id": model.id,
                "slug": model.slug,
                "name": model.name,
                "lab": model.lab_id,
                "lab_name": lab.name if lab else model.lab_id,
                "release_date": model.release_date.value.iso if model.release_date.value else None,
                "context_tokens": model.context_tokens.value,
                "open_weights": model.open_weights.value,
                "licence": model.licence.value,
                "capabilities": {k: f.value for k, f in model.capabilities.items()},
                "modalities_input": list(model.modalities_input.value or ()),
                "providers": sorted(live),
                "offering_count": len(offerings),
                "provider_count": len(live),
                "cheapest": None
                if cheapest is None
                else {
                    "provider": cheapest.provider_id,
                    "provider_model_id": cheapest.provider_model_id,
                    "input_per_mtok": jsonable(cheapest.input_per_mtok),
                    "output_per_mtok": jsonable(cheapest.output_per_mtok),
                    "blended_per_mtok": jsonable(cheapest.blended_per_mtok),
                    "free": cheapest.free,
                    "lifecycle": cheapest.lifecycle,
                },
            }
        )
    return rows
