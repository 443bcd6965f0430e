"""The comparison's "continue comparing" section (``compare.related``)."""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.compare.engine import CatalogView, Comparison
from tradeoff.records import model_slug


class RelatedItem(TypedDict):
    """A model worth comparing with one of the compared models, and why."""

    id: str
    slug: str
    name: str
    reasons: list[str]
    compare: list[str]
    url: str


class RelatedGroup(TypedDict):
    """The related models of one compared model."""

    model: str
    items: list[RelatedItem]


def related_section(result: Comparison, view: CatalogView) -> list[RelatedGroup]:
    """For each compared model, related models with canonical pair URLs."""
    names = view.names or {i: m.name for i, m in view.models.items()}
    return [
        {
            "model": model_id,
            "items": [
                {
                    "id": r.model_id,
                    "slug": model_slug(r.model_id),
                    "name": names[r.model_id],
                    "reasons": list(r.reasons),
                    "compare": sorted([model_id, r.model_id]),
                    "url": urls.compare([model_slug(model_id), model_slug(r.model_id)]),
                }
                for r in items
            ],
        }
        for model_id, items in result.related
    ]
