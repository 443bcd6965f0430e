"""The lab page (its models and first-party APIs) and the lab list."""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import CatalogEntry, catalog_rows, entry
from tradeoff.pages.sources import Attribution, attribution, row_sources
from tradeoff.records import Lab


class FirstParty(TypedDict):
    """A lab's own API."""

    id: str
    name: str
    status: str
    url: str


class LabContext(TypedDict):
    """Everything a lab page shows."""

    title: str
    id: str
    name: str
    url: str | None
    models: list[CatalogEntry]
    model_count: int
    first_party_providers: list[FirstParty]
    sources: list[Attribution]


class LabSummary(TypedDict):
    """A lab in the API's list (``page`` is its page on this site)."""

    id: str
    name: str
    url: str | None
    model_count: int
    page: str


class LabsContext(TypedDict):
    """Every lab (`/labs` and `/api/v1/labs`), by name; ``lab_count == len(labs)`` and
    ``model_count`` is the sum of the labs' model counts."""

    title: str
    labs: list[LabSummary]
    lab_count: int
    model_count: int
    sources: list[Attribution]


def lab_context(catalog: Catalog, lab: Lab) -> LabContext:
    """A lab page: its models (catalog rows, newest first) and its own first-party APIs."""
    models = [entry(r) for r in catalog_rows(catalog) if r["lab"] == lab.id]
    models.sort(key=lambda r: (r["release_date"] or "", r["name"]), reverse=True)
    first_party = [
        FirstParty(id=p.id, name=p.name, status=p.status, url=urls.provider(p.id))
        for p in catalog.providers.values()
        if p.lab_id == lab.id
    ]
    return LabContext(
        title=lab.name,
        id=lab.id,
        name=lab.name,
        url=lab.url,
        models=models,
        model_count=len(models),
        first_party_providers=first_party,
        sources=attribution(catalog, row_sources(catalog, [m["id"] for m in models])),
    )


def labs_context(catalog: Catalog) -> LabsContext:
    """Every lab with its model count; ``url`` is the lab's own site (None: not yet sourced)."""
    counts: dict[str, int] = {}
    for m in catalog.models.values():
        counts[m.lab_id] = counts.get(m.lab_id, 0) + 1
    labs = [
        LabSummary(
            id=lab.id,
            name=lab.name,
            url=lab.url,
            model_count=counts.get(lab.id, 0),
            page=urls.lab(lab.id),
        )
        for lab in sorted(catalog.labs.values(), key=lambda lab: (lab.name.lower(), lab.id))
    ]
    return LabsContext(
        title="Labs",
        labs=labs,
        lab_count=len(labs),
        model_count=sum(lab["model_count"] for lab in labs),
        sources=attribution(catalog, row_sources(catalog, list(catalog.models))),
    )
