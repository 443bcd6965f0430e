"""What the database stores precomputed at build (``db.derived``), computed here from the whole
catalog with the same compare engine the pages use.

``precompute(db_path)`` is the ``derive`` step of ``db.build.build_database``: the shells
(CLI, web app, public API, the wheel's build hook) pass it down, so every database they
compile holds each model's headline blended price and capability set and its related models.
Pages then read those for the few models they show (``pages.view.compare_view``) instead of
loading the whole catalog.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tradeoff.compare.capabilities import model_capability_cells
from tradeoff.compare.engine import MAX_MODELS
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.related import RELATED_LIMIT, Related, related_models
from tradeoff.compare.specs import model_spec_cells
from tradeoff.compare.stored_pricing import pricing_json
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import locate
from tradeoff.db.derived import Derived, Headline, RelatedRow, write_derived
from tradeoff.db.download_files import write_download_files
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import computed_catalog_rows
from tradeoff.pages.comparison.kept import ModelParts, parts_bases
from tradeoff.pages.downloads import build_downloads, computed_downloads_summary
from tradeoff.pages.history import computed_price_changes
from tradeoff.pages.sitemap import computed_sitemap_entries
from tradeoff.pages.sources import computed_row_sources
from tradeoff.pages.view import catalog_view

# A comparison page leaves out the other compared models (up to MAX_MODELS - 1) from each
# model's related list, then shows RELATED_LIMIT: storing this many keeps that list exact.
RELATED_STORED = RELATED_LIMIT + MAX_MODELS - 1


def derived_values(catalog: Catalog) -> Derived:
    """Each model's headline and related models, the sitemap, the catalog table's rows and
    the downloads' summary, from the whole catalog."""
    view = catalog_view(catalog)
    candidates = list(view.models.values())
    headlines = [
        Headline(m.id, view.cheapest_blended[m.id], view.capability_sets[m.id]) for m in candidates
    ]
    related = [
        RelatedRow(m.id, rank, r.model_id, r.score, r.reasons)
        for m in candidates
        for rank, r in enumerate(
            related_models(
                m, candidates, view.cheapest_blended, RELATED_STORED, view.capability_sets
            )
        )
    ]
    sitemap = [(e.path, e.lastmod) for e in computed_sitemap_entries(catalog)]
    values = {
        "catalog_rows": computed_catalog_rows(catalog),
        "downloads": computed_downloads_summary(catalog),
        "row_sources": {m.id: sorted(computed_row_sources(catalog, [m.id])) for m in candidates},
    }
    model_values = per_model_values(catalog)
    return Derived(headlines, related, sitemap, values, model_values, page_bases(catalog, related))


def per_model_values(catalog: Catalog) -> list[tuple[str, str, Any]]:
    """What a comparison page shows of each model alone: its pricing at the default blend
    (``compare.stored_pricing``) and its price changes (``pages.history``; None: none)."""
    view = catalog_view(catalog)
    out: list[tuple[str, str, Any]] = []
    for m in view.models.values():
        pricing = model_pricing(m, view.offerings.get(m.id, ()), view.providers, DEFAULT_BLEND)
        out.append((m.id, "pricing", pricing_json(pricing)))
        changes = computed_price_changes(catalog, [m])
        out.append((m.id, "price_changes", changes[0] if changes else None))
    return out


def page_bases(catalog: Catalog, related: Sequence[RelatedRow]) -> list[tuple[str, Any]]:
    """Each model's entries of the records a catalog keeps of it for its comparison pages
    (``comparison.kept.parts_bases``: its pricing, spec and capability cells and ``related``
    models), made from the records ``kept`` reads back from the other stored values."""
    view = catalog_view(catalog)
    related_of: dict[str, list[Related]] = {m: [] for m in view.models}
    for r in related:  # in rank order, as ``db.derived.related`` reads them back
        related_of[r.model_id].append(Related(r.related_id, r.score, r.reasons))
    out: list[tuple[str, Any]] = []
    for m in view.models.values():
        pricing = model_pricing(m, view.offerings.get(m.id, ()), view.providers, DEFAULT_BLEND)
        spec_cells, capability_cells = model_spec_cells(m), model_capability_cells(m)
        parts = ModelParts(
            m, pricing, None, tuple(related_of[m.id]), (), spec_cells, capability_cells
        )
        out.append((m.id, parts_bases(parts, catalog.model_names)))
    return out


def precompute(db_path: Path) -> None:
    """Compute the derived values of the database at ``db_path`` and store them in it."""
    catalog = Catalog(db_path)
    try:
        values = derived_values(catalog)
        downloads = build_downloads(catalog)  # built once (memoized) for the summary above
    finally:
        catalog.close()
    write_derived(db_path, values)
    write_download_files(
        db_path, downloads.files
    )  # served from the database, not built on a request


def ensure_database(catalog_dir: Path | None = None, db_path: Path | None = None) -> Path:
    """``db.locate.ensure_database``, compiling with the precomputed values: what the shells
    (CLI, web app, public API, the wheel's build hook) call."""
    return locate.ensure_database(catalog_dir, db_path, derive=precompute)
