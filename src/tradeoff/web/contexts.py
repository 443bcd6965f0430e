"""Page contexts the web adds beside render/: catalog table, provider, lab, attribution."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.jsonable import jsonable
from tradeoff.pages.model import model_facts, offering_entry
from tradeoff.records import Fact, Lab, Model, Offering, Provider
from tradeoff.web.filters import SORTS, CatalogQuery


def attribution(catalog: Catalog, source_ids: set[str] | None = None) -> list[dict[str, Any]]:
    """Sources (with licence) behind a page; all sources when ``source_ids`` is None."""
    chosen = (
        catalog.sources.values()
        if source_ids is None
        else (catalog.sources[s] for s in sorted(source_ids) if s in catalog.sources)
    )
    return [
        {
            "id": s.id,
            "name": s.name,
            "url": s.url,
            "licence": s.licence,
            "retrieved": s.retrieved,
            "attribution": s.attribution,
        }
        for s in chosen
    ]


def row_sources(catalog: Catalog, model_ids: list[str]) -> set[str]:
    """Sources of the facts and prices that catalog rows of these models show."""
    used: set[str] = set()
    for model_id in model_ids:
        model = catalog.models[model_id]
        facts: list[Fact[Any]] = [
            model.release_date,
            model.context_tokens,
            model.open_weights,
            model.licence,
            model.modalities_input,
            *model.capabilities.values(),
        ]
        used |= {f.source_id for f in facts if f.source_id}
        used |= {o.source_id for o in catalog.offerings_for(model_id)}
    return used


def oldest(dates: list[str | None]) -> str | None:
    """The oldest of some ISO dates: what 'last reviewed' means for a page."""
    known = [d for d in dates if d]
    return min(known) if known else None


def model_last_reviewed(catalog: Catalog, model: Model) -> str | None:
    """Oldest checked date among the known facts and the offerings a model page shows.

    Read from the records, so the sitemap gets a page's date without building the page.
    """
    facts = [*model_facts(model).values(), *model.capabilities.values()]
    dates = [f.checked for f in facts if f.known]
    dates += [o.checked for o in catalog.offerings_for(model.id)]
    return oldest(dates)


def catalog_context(
    catalog: Catalog,
    rows: list[dict[str, Any]],
    shown: list[dict[str, Any]],
    query: CatalogQuery,
    options: dict[str, list[str]],
) -> dict[str, Any]:
    """The catalog table page: filtered rows, the filters asked, the values filters take."""
    return {
        "models": [{**r, "url": urls.model(r["slug"])} for r in shown],
        "count": len(shown),
        "total": len(rows),
        "filters": query.echo(),
        "sort": query.sort,
        "order": query.order,
        "sorts": SORTS,
        "options": options,
        "providers": {p.id: p.name for p in catalog.providers.values()},
        "labs": {lab.id: lab.name for lab in catalog.labs.values()},
        "sources": attribution(catalog, row_sources(catalog, [r["id"] for r in shown])),
        "catalog_version": catalog.version,
    }


def provider_last_reviewed(offerings: Sequence[Offering]) -> str | None:
    """Oldest checked date among a provider's offerings (its page shows each of them)."""
    return oldest([o.checked for o in offerings])


def provider_context(
    catalog: Catalog, provider: Provider, offerings: Sequence[Offering]
) -> dict[str, Any]:
    """A provider page: who it is, whether it still serves, every offering with prices.

    ``offerings`` are the provider's own (``Site.offerings_by_provider``).
    """
    entries = []
    for o in offerings:
        entry = offering_entry(o, catalog)
        model = catalog.models.get(o.model_id or "")
        entry["model"] = (
            None
            if model is None
            else {
                "id": model.id,
                "slug": model.slug,
                "name": model.name,
                "url": urls.model(model.slug),
            }
        )
        entries.append(entry)
    entries.sort(
        key=lambda e: ((e["model"] or {}).get("name", "~").lower(), e["provider_model_id"])
    )
    lab = catalog.labs.get(provider.lab_id or "")
    linked = [e for e in entries if e["model"]]
    return {
        "id": provider.id,
        "name": provider.name,
        "kind": provider.kind,
        "status": provider.status,
        "defunct_since": provider.defunct_since,
        "url": provider.url,
        "lab": None if lab is None else {"id": lab.id, "name": lab.name, "url": urls.lab(lab.id)},
        "offerings": entries,
        "offering_count": len(entries),
        "model_count": len({e["model"]["id"] for e in linked}),
        "unlinked_count": len(entries) - len(linked),
        "last_reviewed": provider_last_reviewed(offerings),
        "sources": attribution(catalog, {o.source_id for o in offerings}),
        "catalog_version": catalog.version,
    }


def lab_context(catalog: Catalog, lab: Lab, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A lab page: its models (catalog rows) and its own first-party APIs."""
    lab_id = lab.id
    models = [{**r, "url": urls.model(r["slug"])} for r in rows if r["lab"] == lab_id]
    models.sort(key=lambda r: (r["release_date"] or "", r["name"]), reverse=True)
    first_party = [
        {"id": p.id, "name": p.name, "status": p.status, "url": urls.provider(p.id)}
        for p in catalog.providers.values()
        if p.lab_id == lab_id
    ]
    return {
        "id": lab.id,
        "name": lab.name,
        "url": lab.url,
        "models": models,
        "model_count": len(models),
        "first_party_providers": first_party,
        "sources": attribution(catalog, row_sources(catalog, [m["id"] for m in models])),
        "catalog_version": catalog.version,
    }


def providers_list(
    catalog: Catalog, by_provider: dict[str, list[Offering]]
) -> list[dict[str, Any]]:
    """Every provider with its offering count (API list)."""
    return [
        {
            **jsonable(p),
            "offering_count": len(by_provider.get(p.id, ())),
            "url": urls.provider(p.id),
        }
        for p in catalog.providers.values()
    ]
