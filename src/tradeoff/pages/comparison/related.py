"""The comparison's "continue comparing" section (``compare.related``)."""

from collections.abc import Mapping, Sequence
from typing import TypedDict

from tradeoff import urls
from tradeoff.compare.engine import CatalogView, Comparison
from tradeoff.compare.related import Related
from tradeoff.pages.comparison.bases import NO_BASES, Bases
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


def related_section(
    result: Comparison, view: CatalogView, bases: Bases | None = None
) -> list[RelatedGroup]:
    """For each compared model, related models with canonical pair URLs (``bases``: items
    kept per catalog, ``comparison.kept``)."""
    names = view.names or {i: m.name for i, m in view.models.items()}
    return [
        {"model": model_id, "items": _items(model_id, items, names, bases)}
        for model_id, items in result.related
    ]


def _items(
    model_id: str, items: Sequence[Related], names: Mapping[str, str], bases: Bases | None
) -> list[RelatedItem]:
    kept = (bases or NO_BASES).get  # a hit is used only for this very record
    out: list[RelatedItem] = []
    for r in items:
        hit = kept(id(r))
        if hit is None or hit[0] is not r:
            out.append(related_item(model_id, r, names))
            continue
        base: RelatedItem = hit[1]
        entry = base.copy()  # the page's own dict and lists
        entry["reasons"] = base["reasons"].copy()
        entry["compare"] = base["compare"].copy()
        out.append(entry)
    return out


def related_item(model_id: str, r: Related, names: Mapping[str, str]) -> RelatedItem:
    """One related model of ``model_id``: a pure function of the two (and the names)."""
    other = model_slug(r.model_id)
    return {
        "id": r.model_id,
        "slug": other,
        "name": names[r.model_id],
        "reasons": list(r.reasons),
        "compare": sorted([model_id, r.model_id]),
        "url": urls.compare([model_slug(model_id), other]),
    }
