"""The sitemap's entries: every canonical page, with its last-reviewed date where one is known."""

from __future__ import annotations

from typing import NamedTuple

from tradeoff import urls
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.memo import per_catalog
from tradeoff.pages.model import model_last_reviewed
from tradeoff.pages.provider import provider_last_reviewed
from tradeoff.pages.related import related_pairs
from tradeoff.pages.view import has_derived


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
    # Comparisons linked from model pages (the same list those pages show). No lastmod: a
    # comparison's last-reviewed date is only known once it is built, and a guessed date
    # would be a false one.
    pairs = {r["url"] for m in catalog.models.values() for r in related_pairs(catalog, m)}
    entries += [SitemapEntry(url, None) for url in sorted(pairs)]
    return entries
