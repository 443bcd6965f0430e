"""The provider page (who it is, whether it still serves, its offerings) and the provider list."""

from __future__ import annotations

from typing import TypedDict

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.offerings import OfferingEntry, offering_entry
from tradeoff.pages.sources import Attribution, attribution, reviewed_and_as_of, reviewed_line
from tradeoff.records import Offering, Provider


class ModelLink(TypedDict):
    """A catalog model an offering serves."""

    id: str
    slug: str
    name: str
    url: str


class ProviderOffering(OfferingEntry):
    """An offering on a provider page: which catalog model it serves, if linked."""

    model: ModelLink | None


class LabLink(TypedDict):
    """The lab whose first-party API a provider is."""

    id: str
    name: str
    url: str


class ProviderLink(TypedDict):
    """Another provider id of the same company."""

    id: str
    name: str
    url: str


class ProviderContext(TypedDict):
    """Everything a provider page shows."""

    title: str
    id: str
    name: str
    kind: str
    status: str
    defunct_since: str | None
    url: str | None
    lab: LabLink | None
    # one company, two provider ids (docs/compare.md): the main provider of this regional
    # endpoint, or this main provider's regional endpoints; availability counts them once
    region_of: ProviderLink | None
    regions: list[ProviderLink]
    offerings: list[ProviderOffering]
    offering_count: int
    model_count: int  # catalog models the linked offerings are of
    linked_count: int  # offerings linked to a catalog model (+ unlinked_count = offering_count)
    unlinked_count: int
    last_reviewed: str | None  # oldest review date shown (see reviewed_line)
    data_as_of: str | None  # oldest dataset snapshot date an offering shown is "as of"
    reviewed_line: str
    sources: list[Attribution]


class ProviderSummary(TypedDict):
    """A provider in the list (``url`` is its page on this site, ``homepage`` its own
    documentation, the source of who it is; None when not yet sourced)."""

    id: str
    name: str
    kind: str
    status: str
    defunct_since: str | None
    url: str
    homepage: str | None
    lab_id: str | None
    offering_count: int
    model_count: int


class KindCount(TypedDict):
    """How many listed providers are of one kind."""

    kind: str
    count: int


class ProvidersContext(TypedDict):
    """Every provider (`/providers` and `/api/v1/providers`), by name; the counts count the
    list: ``provider_count == len(providers)``, the kinds' counts add up to it."""

    title: str
    providers: list[ProviderSummary]
    provider_count: int
    active_count: int
    defunct_count: int
    kinds: list[KindCount]
    sources: list[Attribution]


@per_catalog
def offerings_by_provider(catalog: Catalog) -> dict[str, list[Offering]]:
    """Every offering by provider id, catalog order (provider pages, sitemap, API)."""
    grouped: dict[str, list[Offering]] = {}
    for o in catalog.offerings:
        grouped.setdefault(o.provider_id, []).append(o)
    return grouped


def provider_dates(catalog: Catalog, provider_id: str) -> tuple[str | None, str | None]:
    """(oldest review date, oldest snapshot date) of a provider's offerings (all shown)."""
    offerings = offerings_by_provider(catalog).get(provider_id, [])
    return reviewed_and_as_of((o.checked, o.as_of) for o in offerings)


def provider_last_reviewed(catalog: Catalog, provider_id: str) -> str | None:
    """Oldest review ("checked") date among a provider's offerings (its page shows each)."""
    return provider_dates(catalog, provider_id)[0]


def _listed(o: Offering, catalog: Catalog) -> ProviderOffering:
    model = catalog.models.get(o.model_id or "")
    link = (
        None
        if model is None
        else ModelLink(id=model.id, slug=model.slug, name=model.name, url=urls.model(model.slug))
    )
    return ProviderOffering(**offering_entry(o, catalog), model=link)


def provider_context(catalog: Catalog, provider: Provider) -> ProviderContext:
    """A provider page: who it is, whether it still serves, every offering with prices."""
    offerings = offerings_by_provider(catalog).get(provider.id, [])
    entries = [_listed(o, catalog) for o in offerings]
    entries.sort(
        key=lambda e: (e["model"]["name"].lower() if e["model"] else "~", e["provider_model_id"])
    )
    lab = catalog.labs.get(provider.lab_id or "")
    linked = {e["model"]["id"] for e in entries if e["model"]}
    reviewed, as_of = provider_dates(catalog, provider.id)
    return ProviderContext(
        title=provider.name,
        id=provider.id,
        name=provider.name,
        kind=provider.kind,
        status=provider.status,
        defunct_since=provider.defunct_since,
        url=provider.url,
        lab=None if lab is None else LabLink(id=lab.id, name=lab.name, url=urls.lab(lab.id)),
        region_of=_link(catalog.providers.get(provider.region_of or "")),
        regions=[
            ProviderLink(id=p.id, name=p.name, url=urls.provider(p.id))
            for p in catalog.providers.values()
            if p.region_of == provider.id
        ],
        offerings=entries,
        offering_count=len(entries),
        model_count=len(linked),
        linked_count=sum(1 for e in entries if e["model"] is not None),
        unlinked_count=sum(1 for e in entries if e["model"] is None),
        last_reviewed=reviewed,
        data_as_of=as_of,
        reviewed_line=reviewed_line(reviewed, as_of),
        sources=attribution(
            catalog,
            {s for o in offerings for s in o.cited_sources},
        ),
    )


def _link(provider: Provider | None) -> ProviderLink | None:
    if provider is None:
        return None
    return ProviderLink(id=provider.id, name=provider.name, url=urls.provider(provider.id))


def providers_context(catalog: Catalog) -> ProvidersContext:
    """Every provider with its status, kind and counts of offerings and linked models."""
    by_provider = offerings_by_provider(catalog)
    listed = [
        ProviderSummary(
            id=p.id,
            name=p.name,
            kind=p.kind,
            status=p.status,
            defunct_since=p.defunct_since,
            url=urls.provider(p.id),
            homepage=p.url,
            lab_id=p.lab_id,
            offering_count=len(by_provider.get(p.id, ())),
            model_count=len({o.model_id for o in by_provider.get(p.id, ()) if o.model_id}),
        )
        for p in sorted(catalog.providers.values(), key=lambda p: (p.name.lower(), p.id))
    ]
    kinds: dict[str, int] = {}
    for p in listed:
        kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
    active = sum(1 for p in listed if p["status"] == "active")
    return ProvidersContext(
        title="Providers",
        providers=listed,
        provider_count=len(listed),
        active_count=active,
        defunct_count=len(listed) - active,
        kinds=[KindCount(kind=k, count=n) for k, n in sorted(kinds.items())],
        sources=attribution(catalog, {s for o in catalog.offerings for s in o.cited_sources}),
    )


def region_note(ctx: ProviderContext) -> str:
    """What one company under two provider ids means, before the other id's link(s)."""
    if ctx["region_of"] is not None:
        return (
            "A regional endpoint of the same company, with its own account and price list: "
            "listed as a provider of its own, but a model served by both counts the company "
            "once among its active providers. Main provider:"
        )
    return (
        "The same company's regional endpoints (own accounts and price lists; a model served "
        "by several counts the company once among its active providers):"
    )
