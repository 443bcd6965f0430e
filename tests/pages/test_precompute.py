"""The values stored at database build equal what the compare engine computes from the whole
catalog, and a page reads only the models it shows."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.related import capability_set, related_models
from tradeoff.compare.stored_pricing import pricing_from_json
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import derived
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import computed_catalog_rows
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.downloads import computed_downloads_summary
from tradeoff.pages.history import computed_price_changes
from tradeoff.pages.model_glance import model_glance
from tradeoff.pages.precompute import RELATED_STORED
from tradeoff.pages.sitemap import computed_sitemap_entries, sitemap_entries
from tradeoff.pages.sources import computed_row_sources, row_sources


@pytest.fixture(scope="module")
def plain_db(catalog_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test catalog compiled without the precomputed values (the pages' fallback)."""
    return ensure_database(catalog_dir, tmp_path_factory.mktemp("plain") / "catalog.sqlite")


def test_stored_headline_of_every_model_is_the_engines(catalog: Catalog) -> None:
    stored = derived.headlines(catalog)
    assert set(stored) == set(catalog.models)
    for model in catalog.models.values():
        quote = model_pricing(
            model, catalog.offerings_for(model.id), catalog.providers, DEFAULT_BLEND
        ).cheapest
        expected = None if quote is None else quote.blended_per_mtok
        assert stored[model.id].blended_per_mtok == expected, model.id
        assert stored[model.id].capabilities == capability_set(model), model.id
    assert any(h.blended_per_mtok is not None for h in stored.values())


def test_stored_related_models_are_the_engines(catalog: Catalog) -> None:
    candidates = list(catalog.models.values())
    stored = derived.related(catalog, [m.id for m in candidates])
    blended = {i: h.blended_per_mtok for i, h in derived.headlines(catalog).items()}
    for model in candidates:
        expected = related_models(model, candidates, blended, RELATED_STORED)
        got = [(r.related_id, r.score, r.reasons) for r in stored[model.id]]
        assert got == [(r.model_id, r.score, r.reasons) for r in expected], model.id
        assert [r.rank for r in stored[model.id]] == list(range(len(expected)))


def test_a_database_without_them_gives_the_same_pages(catalog: Catalog, plain_db: Path) -> None:
    plain = Catalog(plain_db)
    try:
        assert derived.has_derived(catalog) and not derived.has_derived(plain)
        ids = sorted(catalog.models)[:8]
        for pair in combinations(ids, 2):
            assert compare_context(catalog, list(pair)) == compare_context(plain, list(pair))
        four = ids[:4]
        assert compare_context(catalog, four) == compare_context(plain, four)
    finally:
        plain.close()


def test_a_comparison_reads_only_its_models(catalog_db: Path) -> None:
    fresh = Catalog(catalog_db)
    try:
        a, b = sorted(fresh.model_ids)[:2]
        compare_context(fresh, [a, b])
        assert "models" not in fresh.__dict__  # the whole catalog was never loaded
        assert "offerings" not in fresh.__dict__
    finally:
        fresh.close()


def test_a_model_pages_first_screen_reads_only_its_model(catalog_db: Path, plain_db: Path) -> None:
    # it priced through the whole catalog's view: 2.1 s for a fresh server's first model page
    fresh, plain = Catalog(catalog_db), Catalog(plain_db)
    try:
        for model_id in sorted(fresh.model_ids)[:6]:
            glance = model_glance(fresh, fresh.model(model_id))
            assert glance == model_glance(plain, plain.model(model_id))
        assert "offerings" not in fresh.__dict__  # the whole catalog was never loaded
    finally:
        fresh.close()
        plain.close()


def test_stored_sitemap_is_the_computed_one(catalog: Catalog) -> None:
    stored = sitemap_entries(catalog)
    assert stored == computed_sitemap_entries(catalog)
    assert any(e.lastmod for e in stored) and any(e.path.startswith("/compare/") for e in stored)


def test_stored_catalog_rows_and_downloads_are_the_computed_ones(catalog: Catalog) -> None:
    assert derived.stored_value(catalog, "catalog_rows") == computed_catalog_rows(catalog)
    stored = derived.stored_value(catalog, "downloads")
    assert stored is not None and stored["bytes"]["catalog.sqlite"] > 0
    # the files built now (from the published database) are the ones the page describes
    assert stored == computed_downloads_summary(catalog)


def test_stored_row_sources_are_the_computed_ones(catalog: Catalog) -> None:
    ids = sorted(catalog.models)
    assert row_sources(catalog, ids) == computed_row_sources(catalog, ids)
    for model_id in ids:
        assert row_sources(catalog, [model_id]) == computed_row_sources(catalog, [model_id])


def test_stored_pricing_and_price_changes_of_every_model_are_the_computed_ones(
    catalog: Catalog,
) -> None:
    ids = sorted(catalog.models)
    pricing = derived.model_values(catalog, "pricing", ids)
    changes = derived.model_values(catalog, "price_changes", ids)
    assert set(pricing) == set(changes) == set(ids)
    for model_id in ids:
        model = catalog.models[model_id]
        computed = model_pricing(
            model, catalog.offerings_for(model_id), catalog.providers, DEFAULT_BLEND
        )
        # repr: every Decimal with its own digits (2.50 is not 2.5 on a page)
        assert repr(pricing_from_json(pricing[model_id])) == repr(computed), model_id
        expected = computed_price_changes(catalog, [model])
        assert changes[model_id] == (expected[0] if expected else None), model_id
    assert any(v is not None for v in changes.values())
    assert any(p["providers"] for p in pricing.values())


def test_a_comparison_at_the_default_blend_reads_no_offering(catalog_db: Path) -> None:
    fresh = Catalog(catalog_db)
    try:
        a, b = sorted(fresh.model_ids)[:2]
        compare_context(fresh, [a, b])
        assert not fresh._some_offerings  # their pricing was stored at build
        compare_context(fresh, [a, b], blend=(50, 50))
        assert set(fresh._some_offerings) == {a, b}  # another blend prices them again
    finally:
        fresh.close()


def test_a_comparison_reads_its_models_stored_values_in_one_read(catalog: Catalog) -> None:
    ids = sorted(catalog.models)[:3]
    together = derived.model_values_of(catalog, ids, ("pricing", "price_changes"))
    for name in ("pricing", "price_changes"):
        one = derived.model_values(catalog, name, ids)
        assert {i: v[name] for i, v in together.items() if name in v} == one, name
    assert set(together) == set(ids)
