"""Where sources disagree (`/api/v1/conflicts`, CLI `tradeoff conflicts`): every value kept."""

from __future__ import annotations

from typing import TypedDict

from tradeoff.db.queries import Catalog
from tradeoff.pages.model import ConflictEntry, conflict_entry


class ConflictsContext(TypedDict):
    """Recorded disagreements between sources."""

    model: str | None
    count: int
    conflicts: list[ConflictEntry]


def conflicts_context(catalog: Catalog, model_id: str | None) -> ConflictsContext:
    """Every recorded disagreement, or those about one model."""
    found = [conflict_entry(c) for c in catalog.conflicts(model_id)]
    return ConflictsContext(model=model_id, count=len(found), conflicts=found)
