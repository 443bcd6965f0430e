"""A model's retirement at its lab's own API, as model pages state it.

When every first-party offering of a model is retired, the model page says so first:
"Retired at <lab's API> on <date>, successor <model>" — the successor linked when the
provider's id of it names a model of the catalog (docs/lifecycle.md).
"""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.records import Model, Offering


class SuccessorRef(TypedDict):
    """The model a provider names as the replacement, when the catalog knows it."""

    id: str
    name: str
    url: str


class RetirementEntry(TypedDict):
    """The lab's own API no longer serves the model."""

    text: str  # "Retired at Anthropic on 2026-01-05" (or "… (no date stated)")
    retired_on: str | None  # the last first-party retirement date known
    provider: str  # the first-party provider's id (several: the first by name)
    successor: str | None  # the provider's id of the replacement, as its notice names it
    successor_model: SuccessorRef | None  # that replacement as a catalog model
    source: str  # the source of the retirement date (or of the offering)


def retirement(catalog: Catalog, model: Model, offerings: list[Offering]) -> RetirementEntry | None:
    """The model's retirement at its lab's API: None unless every first-party offering is
    retired (a model its lab never sold, or still sells under some id, is not retired)."""
    first_party = [
        o
        for o in offerings
        if (p := catalog.providers.get(o.provider_id)) is not None
        and p.is_first_party_for(model.lab_id)
    ]
    if not first_party or any(o.lifecycle != "retired" for o in first_party):
        return None
    dated = [o for o in first_party if o.retired_on]
    last = max(dated, key=lambda o: (o.retired_on or "", o.provider_model_id), default=None)
    shown = last or min(first_party, key=lambda o: (o.provider_id, o.provider_model_id))
    provider = catalog.providers[shown.provider_id]
    when = f" on {last.retired_on}" if last else " (no date stated)"
    successor = next((o.successor for o in (shown, *first_party) if o.successor), None)
    return RetirementEntry(
        text=f"Retired at {provider.name}{when}",
        retired_on=last.retired_on if last else None,
        provider=provider.id,
        successor=successor,
        successor_model=_successor_model(catalog, shown.provider_id, successor, model),
        source=shown.price_sources.get("retired_on", shown.source_id),
    )


def _successor_model(
    catalog: Catalog, provider_id: str, successor: str | None, model: Model
) -> SuccessorRef | None:
    """The provider's id of the successor → the model its offering there links, else the
    catalog's name resolution; unknown or ambiguous stays text only."""
    if successor is None:
        return None
    wanted = successor.lower()
    linked = next(
        (
            o.model_id
            for o in catalog.offerings
            if o.provider_id == provider_id
            and o.provider_model_id.lower() == wanted
            and o.model_id is not None
        ),
        None,
    )
    try:
        found = catalog.models[linked] if linked else catalog.resolve(successor)
    except TradeoffError:
        return None
    if found.id == model.id:
        return None
    return SuccessorRef(id=found.id, name=found.name, url=urls.model(found.slug))
