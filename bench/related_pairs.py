"""The comparison pairs the benches build: each model with its related models (the pairs the
model pages link to), each pair once, in catalog order. Imported by the bench scripts beside
it; works on any checkout that has ``compare.related`` and ``pages.comparison.catalog_view``
(the ``--before`` trees included)."""

from __future__ import annotations

from typing import Any


def related_pairs(view: Any) -> list[tuple[str, str]]:
    """``view``: a ``pages.comparison.catalog_view`` (typed loosely: a before-tree's class)."""
    from tradeoff.compare.related import related_models

    models = list(view.models.values())
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in models:
        for r in related_models(m, models, view.cheapest_blended, 6, view.capability_sets):
            pair = (min(m.id, r.model_id), max(m.id, r.model_id))
            if pair not in seen:
                seen.add(pair)
                pairs.append(pair)
    return pairs
