"""A comparison's "price changes" (``price_changes``): each model's cheapest-route trend and
latest moves.

The model page's price-history section is built by ``pages.price_history`` from the
``price_spans`` / ``price_changes`` records (``db.history_queries``) and the pure claims of
``compare.history_claims``; a comparison reads its models' changes as stored at database build
(``pages.precompute``), so a cold ``tradeoff compare`` imports none of that (docs/history.md).
"""

from __future__ import annotations

from tradeoff import urls
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.history_shapes import ModelPriceChanges
from tradeoff.pages.view import StoredValues, has_derived
from tradeoff.records import Model

__all__ = ["LATEST_MOVES", "ModelPriceChanges", "computed_price_changes", "price_changes"]

LATEST_MOVES = 3  # moves per model on a comparison page (the model page lists them all)


def price_changes(
    catalog: Catalog, models: list[Model], read: StoredValues | None = None
) -> list[ModelPriceChanges]:
    """Each compared model's price changes (models without a dated history are left out):
    stored at database build (``pages.precompute``), else computed. ``read``: the models'
    stored values already read (``pages.view.stored_values``)."""
    if not has_derived(catalog):
        return computed_price_changes(catalog, models)
    if read is not None:
        got = [read.get(m.id, {}).get("price_changes") for m in models]
        return [c for c in got if c is not None]
    stored = derived.model_values(catalog, "price_changes", [m.id for m in models])
    return [stored[m.id] for m in models if stored.get(m.id) is not None]


def computed_price_changes(catalog: Catalog, models: list[Model]) -> list[ModelPriceChanges]:
    """``price_changes``, from the price history records."""
    from tradeoff.pages.price_history import price_history

    out = []
    for model in models:
        history = price_history(catalog, model)
        if history is None:
            continue
        out.append(
            ModelPriceChanges(
                model=model.id,
                name=model.name,
                url=urls.model(model.slug) + "#price-history",
                first_date=history["first_date"],
                last_date=history["last_date"],
                cheapest_trend=history["cheapest_trend"],
                latest_moves=history["moves"][:LATEST_MOVES],
                moves_total=history["moves_total"],
            )
        )
    return out
