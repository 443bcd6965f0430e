"""What a server loads at start, so that no page's first request pays for it.

Pages read only what they show: what needs the whole catalog (headlines, related models,
the sitemap, the catalog table's rows, the downloads' sizes) is stored at database build
(``pages.precompute``). What every page still shares — the model names of the pickers, the
catalog table's rows and filter options, the compiled templates — is loaded here, once, when
the app starts (the ASGI lifespan that ``tradeoff serve`` runs), not by whichever request
comes first. The download files are stored in the database at build (``db.download_files``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from starlette.applications import Starlette

from tradeoff.pages.catalog_table import catalog_options, catalog_rows
from tradeoff.pages.sitemap import sitemap_entries
from tradeoff.pages.sources import all_sources, row_sources
from tradeoff.pages.view import benchmark_registry, has_results, model_names, models_by_slug
from tradeoff.web.requests import longest_slug
from tradeoff.web.site import Site


def warm(site: Site) -> None:
    """Load every per-catalog value a page's first request would otherwise build: the
    tables every page reads whole (labs, providers, sources, model ids: a comparison's or a
    model page's first request loaded them), the name lookups of the resolvers, the
    benchmark registry, the catalog table's rows, the sitemap."""
    catalog = site.catalog
    tables = (catalog.labs, catalog.providers, catalog.sources, catalog.model_ids)  # loaded
    for model_id in tables[-1][:1]:
        catalog.resolve_id(model_id)  # builds the id set every resolution checks first
    model_names(catalog)
    models_by_slug(catalog)
    longest_slug(catalog)
    benchmark_registry(catalog)
    has_results(catalog)
    all_sources(catalog)
    catalog_rows(catalog)
    catalog_options(catalog)
    row_sources(catalog, [])
    sitemap_entries(catalog)
    for name in site.env.list_templates(extensions=["html"]):
        site.env.get_template(name)


@asynccontextmanager
async def warm_at_start(app: Starlette) -> AsyncIterator[None]:
    """The app's lifespan: ``warm`` in a worker thread before the first request."""
    site: Site = app.state.site
    await anyio.to_thread.run_sync(warm, site)
    yield
