"""The sitemap's entries: every canonical page, with its last-reviewed date where one is known."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from tradeoff import urls
from tradeoff.compare.benchmarks import section_from_results
from tradeoff.compare.capabilities import capability_rows
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.specs import spec_rows
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import benchmark_queries, derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.model import model_last_reviewed
from tradeoff.pages.provider import provider_last_reviewed
from tradeoff.pages.related import related_pairs
from tradeoff.pages.sources import oldest
from tradeoff.pages.view import benchmark_registry, has_derived, has_results
from tradeoff.records import Model, Offering, Provider, snapshot_name


class SitemapEntry(NamedTuple):
    """A page path and its lastmod (the date the page shows as "last reviewed")."""

    path: str
    lastmod: str | None


@per_catalog
def sitemap_entries(catalog: Catalog) -> list[SitemapEntry]:
    """(path, lastmod) for every canonical page: as stored at database build
    (``pages.precompute``), else computed from the whole catalog."""
    if has_derived(catalog):
        return [SitemapEntry(path, lastmod) for path, lastmod in derived.sitemap(catalog)]
    return computed_sitemap_entries(catalog)


def computed_sitemap_entries(catalog: Catalog) -> list[SitemapEntry]:
    """(path, lastmod) for every canonical page, read from the same records as the pages."""
    entries = [
        SitemapEntry(urls.home(), None),
        SitemapEntry(urls.calculator(), None),
        SitemapEntry(urls.download(""), None),
        SitemapEntry(urls.price_vs_score(), None),
        SitemapEntry(urls.changes(), None),
        *(SitemapEntry(urls.index(name), None) for name in ("providers", "labs", "benchmarks")),
        SitemapEntry(urls.api_docs(), None),
    ]
    entries += [
        SitemapEntry(urls.model(m.slug), model_last_reviewed(catalog, m))
        for m in catalog.models.values()
    ]
    entries += [
        SitemapEntry(urls.provider(p), provider_last_reviewed(catalog, p))
        for p in catalog.providers
    ]
    entries += [SitemapEntry(urls.lab(lab_id), None) for lab_id in catalog.labs]
    # Comparisons linked from model pages (the same list those pages show), each with the
    # date the comparison shows as last reviewed.
    models = catalog.models
    pairs = {
        r["url"]: tuple(sorted((m, models[r["id"]]), key=lambda x: x.slug))
        for m in models.values()
        for r in related_pairs(catalog, m)
    }
    dates = comparison_reviewed(catalog, sorted(pairs.items()))
    entries += [SitemapEntry(url, dates[url]) for url in sorted(pairs)]
    return entries


def comparison_reviewed(
    catalog: Catalog, pairs: list[tuple[str, tuple[Model, ...]]]
) -> dict[str, str | None]:
    """The "Last reviewed" date each comparison page (URL → its models, in page order)
    shows, without building the pages: the oldest checked date among the facts it shows
    (``compare.engine``'s rule). Each model's specs, capabilities and prices are shown
    whatever it is compared with (their oldest date is found once per model); the benchmark
    rows are those the two share (``compare.benchmarks``), found per pair."""
    offerings: dict[str, list[Offering]] = {}
    for o in catalog.offerings:
        if o.model_id:
            offerings.setdefault(o.model_id, []).append(o)
    sources, own = catalog.sources, dict[str, str | None]()
    for _, compared in pairs:
        for m in compared:
            if m.id not in own:
                shown = _shown_alone(m, offerings.get(m.id, ()), catalog.providers)
                own[m.id] = _reviewed(shown)
    ids = sorted(own)
    results = benchmark_queries.results_of(catalog, ids) if has_results(catalog) else {}
    registry = benchmark_registry(catalog) if results else {}
    out: dict[str, str | None] = {}
    for url, compared in pairs:
        dated = [own[m.id] for m in compared]
        if results:
            names = {m.id: m.name for m in compared}
            section = section_from_results([m.id for m in compared], results, registry, names)
            read = [
                sources[s.source_id]
                for r in section.rows
                for s in r.scores
                if s.source_id in sources
            ]
            # a result's date is its source's (when it was read), as the comparison dates it
            dated.append(_reviewed([(x.retrieved, snapshot_name(x, x.retrieved)) for x in read]))
        out[url] = oldest(dated)
    return out


def _shown_alone(
    model: Model, offerings: Iterable[Offering], providers: Mapping[str, Provider]
) -> list[tuple[str | None, str | None]]:
    """(checked, as of) of the spec and capability cells and the price quotes a comparison
    shows of ``model`` (at the default blend, as the sitemap's pages are)."""
    dated = [(c.checked, c.as_of) for r in spec_rows([model]) for c in r.cells]
    dated += [(c.checked, c.as_of) for r in capability_rows([model]) for c in r.cells]
    pricing = model_pricing(model, offerings, providers, DEFAULT_BLEND)
    dated += [(q.checked, q.as_of) for q in pricing.providers]
    return dated


def _reviewed(dated: list[tuple[str | None, str | None]]) -> str | None:
    """The oldest date that is a check, not a dataset's snapshot ("as of")."""
    return oldest(d for d, as_of in dated if not as_of)
