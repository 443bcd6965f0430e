"""The comparison's "continue comparing" section (``compare.related``)."""

from collections.abc import Mapping, Sequence
from typing import TypedDict

from tradeoff import urls
from tradeoff.compare.engine import CatalogView, Comparison
from tradeoff.compare.related import Related
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
        {"model": model_id, "items": _items(model_id, items, names)}
        for model_id, items in result.related
    ]


def _items(model_id: str, items: Sequence[Related], names: Mapping[str, str]) -> list[RelatedItem]:
    slug = model_slug(model_id)
    out: list[RelatedItem] = []
    for r in items:
        other = model_slug(r.model_id)
        out.append(
            {
                "id": r.model_id,
                "slug": other,
                "name": names[r.model_id],
                "reasons": list(r.reasons),
                "compare": sorted([model_id, r.model_id]),
                "url": urls.compare([slug, other]),
            }
        )
    return out
