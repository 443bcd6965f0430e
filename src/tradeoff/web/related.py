"""Related comparisons linked from a model page (ranked by ``compare.related``)."""

from __future__ import annotations

from typing import Any

from tradeoff import urls
from tradeoff.compare.related import related_models
from tradeoff.pages.comparison import catalog_view
from tradeoff.records import Model
from tradeoff.web.site import Site


def related_for(site: Site, model: Model) -> list[dict[str, Any]]:
    """Pairs worth comparing with ``model``, with the reasons the ranking gives.

    Kept per app: the model page and the sitemap list the same pairs from one ranking.
    """
    known: dict[str, list[dict[str, Any]]] = site.extras.setdefault("related", {})
    found = known.get(model.id)
    if found is None:
        found = known[model.id] = _rank(site, model)
    return found


def _rank(site: Site, model: Model) -> list[dict[str, Any]]:
    models = site.catalog.models
    view = catalog_view(site.catalog)
    ranked = related_models(
        model, list(models.values()), view.cheapest_blended, caps=view.capability_sets
    )
    return [
        {
            "id": r.model_id,
            "name": models[r.model_id].name,
            "reason": ", ".join(r.reasons),
            "url": urls.compare([model.slug, models[r.model_id].slug]),
        }
        for r in ranked
    ]
