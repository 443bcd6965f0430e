"""Related comparisons a model page links (ranked by ``compare.related``).

Kept per catalog: the model page, its JSON twin and the sitemap list the same pairs from one
ranking.
"""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.compare.related import RELATED_LIMIT, Related, related_models
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.view import catalog_view, has_derived
from tradeoff.records import Model


class RelatedPair(TypedDict):
    """A comparison worth reading next, and why."""

    id: str
    name: str
    reason: str
    url: str


@per_catalog
def _ranked(catalog: Catalog) -> dict[str, list[RelatedPair]]:
    return {}  # filled model by model, on first use


def related_pairs(catalog: Catalog, model: Model) -> list[RelatedPair]:
    """Pairs worth comparing with ``model``, with the reasons the ranking gives."""
    known = _ranked(catalog)
    found = known.get(model.id)
    if found is None:
        ranked: list[Related]
        if has_derived(catalog):  # stored at database build (pages.precompute)
            stored = derived.related(catalog, [model.id])[model.id][:RELATED_LIMIT]
            ranked = [Related(r.related_id, r.score, r.reasons) for r in stored]
            models = catalog.models_of(r.model_id for r in ranked)
        else:
            models = catalog.models
            view = catalog_view(catalog)
            ranked = related_models(
                model, list(models.values()), view.cheapest_blended, caps=view.capability_sets
            )
        found = known[model.id] = [
            RelatedPair(
                id=r.model_id,
                name=models[r.model_id].name,
                reason=", ".join(r.reasons),
                url=urls.compare([model.slug, models[r.model_id].slug]),
            )
            for r in ranked
        ]
    return found
