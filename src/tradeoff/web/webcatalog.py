"""The catalog as the web opens it: read-only, with the lookups pages repeat indexed once."""

from __future__ import annotations

from functools import cached_property

from tradeoff.db.queries import Catalog
from tradeoff.records import Conflict


class WebCatalog(Catalog):
    """The read-only catalog with conflicts indexed once: the base class re-reads every
    conflict row on each ``conflicts(model_id)`` call (~100 ms per model page)."""

    @cached_property
    def _conflicts_by_entity(self) -> dict[str, list[Conflict]]:
        index: dict[str, list[Conflict]] = {}
        for c in super().conflicts():
            index.setdefault(c.entity, []).append(c)
        return index

    def conflicts(self, model_id: str | None = None) -> list[Conflict]:
        """Recorded disagreements, optionally only those about one model and its offerings."""
        if model_id is None:
            return [c for cs in self._conflicts_by_entity.values() for c in cs]
        entities = [f"model:{model_id}"] + [
            f"offering:{o.provider_id}/{o.provider_model_id}" for o in self.offerings_for(model_id)
        ]
        found = [c for e in entities for c in self._conflicts_by_entity.get(e, [])]
        return sorted(found, key=lambda c: (c.entity, c.field))
