"""Rows of the catalog table (CLI `models list`, web `/`)."""

from __future__ import annotations

from typing import Any

from tradeoff.db.queries import Catalog
from tradeoff.render.jsonable import jsonable


def catalog_rows(catalog: Catalog) -> list[dict[str, Any]]:
    """One row per model: identity, key facts, and its cheapest active priced offering."""
    rows: list[dict[str, Any]] = []
    for model in catalog.models.values():
        offerings = catalog.offerings_for(model.id)
        active = [
            o
            for o in offerings
            if catalog.providers.get(o.provider_id) is None
            or catalog.providers[o.provider_id].active
        ]
        priced = [
            o
            for o in active
            if o.prices.input_per_mtok is not None and o.prices.output_per_mtok is not None
        ]
        cheapest = min(priced, key=lambda o: (o.prices.input_per_mtok, o.provider_id), default=None)
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
                "providers": sorted({o.provider_id for o in active}),
                "offering_count": len(offerings),
                "provider_count": len({o.provider_id for o in active}),
                "cheapest": None
                if cheapest is None
                else {
                    "provider": cheapest.provider_id,
                    "input_per_mtok": jsonable(cheapest.prices.input_per_mtok),
                    "output_per_mtok": jsonable(cheapest.prices.output_per_mtok),
                },
            }
        )
    return rows
