"""What a catalog keeps of each model for its comparison pages (``pages.comparison.kept``)
changes no page: a page built by a catalog that already showed its models (warm) is the page
a freshly opened catalog builds, byte for byte in every format, for every pair (both orders),
triple and quadruple of the test catalog at several blends. A page's context is its own: a
caller editing it edits no later page. What is kept is bounded by the catalog's models."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations, permutations
from pathlib import Path

import pytest

from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import ComparisonContext, compare_context
from tradeoff.pages.comparison.kept import kept_parts
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown

BLENDS: tuple[tuple[int, int] | None, ...] = (None, (50, 50), (90, 10))


def _formats(ctx: ComparisonContext) -> tuple[str, str, str]:
    return (
        json.dumps(ctx, indent=2, ensure_ascii=False),
        render_compare_markdown(ctx),
        render_compare_html(ctx),
    )


def _fresh(db: Path, ids: Sequence[str], blend: tuple[int, int] | None) -> tuple[str, ...]:
    opened = Catalog(db)  # nothing kept yet: every part of the page is built for it
    try:
        return _formats(compare_context(opened, list(ids), blend))
    finally:
        opened.close()


def _cases(ids: list[str]) -> Iterator[tuple[tuple[str, ...], tuple[int, int] | None]]:
    for pair in permutations(ids, 2):
        for blend in BLENDS:
            yield pair, blend
    for triple in combinations(ids, 3):
        yield triple, None
        yield triple[::-1], (30, 70)
    for four in combinations(ids, 4):
        yield four, (50, 50) if sum(map(len, four)) % 2 else None


def test_warm_pages_are_the_pages_of_a_fresh_catalog(catalog_db: Path) -> None:
    warm = Catalog(catalog_db)
    try:
        ids = sorted(warm.model_ids)
        cases = list(_cases(ids))
        for models, blend in cases:  # first: keeps every model's parts as pages show them
            compare_context(warm, list(models), blend)
        assert kept_parts(warm, list(warm.models_of(ids).values())) is not None
        for models, blend in cases:
            got = _formats(compare_context(warm, list(models), blend))
            assert got == _fresh(catalog_db, models, blend), (models, blend)
    finally:
        warm.close()


def test_editing_a_page_edits_no_later_page(catalog_db: Path) -> None:
    opened = Catalog(catalog_db)
    try:
        a, b, c = sorted(opened.model_ids)[:3]
        first = compare_context(opened, [a, b])
        before = _formats(compare_context(opened, [a, c]))
        for p in first["pricing"]:  # kept whole per model: its counts, lists and routes
            p["provider_count"] += 1
            p["free_providers"].append("edited")
            routes = (*p["providers"], *p["other_routes"], *p["not_per_use"], *p["defunct"])
            for q in (p["cheapest"], p["first_party"], *routes):
                if q is not None:
                    q["provider_name"] = "edited"
                    q["other_units"].append("edited")
                    q["price_sources"].append("edited")
            if p["providers"]:
                p["providers"].append(p["providers"][0])
        for row in (*first["specs"], *first["capabilities"]):
            for cell in row["cells"]:
                cell["display"] = "edited"
                if isinstance(cell["value"], list):
                    cell["value"].append("edited")
        for group in first["related"]:
            for item in group["items"]:
                item["name"] = "edited"
                item["reasons"].append("edited")
                item["compare"].append("edited")
        for changes in first["price_changes"]:
            changes["name"] = "edited"
        assert _formats(compare_context(opened, [a, c])) == before
        assert _formats(compare_context(opened, [a, b])) == _fresh(catalog_db, [a, b], None)
    finally:
        opened.close()


def test_threads_building_pages_at_once_get_a_fresh_catalogs_pages(catalog_db: Path) -> None:
    """The web app builds pages in worker threads on one catalog: the first pages of a model,
    built at the same moment, keep one part for it and each get the page a fresh catalog
    builds."""
    shared = Catalog(catalog_db)
    try:
        pairs = list(combinations(sorted(shared.model_ids), 2))
        gate = threading.Barrier(8)

        def build(pair: tuple[str, str]) -> tuple[str, ...]:
            gate.wait()
            return _formats(compare_context(shared, list(pair)))

        with ThreadPoolExecutor(8) as pool:
            for start in range(0, len(pairs) - 7, 8):
                batch = pairs[start : start + 8]
                for pair, got in zip(batch, pool.map(build, batch), strict=True):
                    assert got == _fresh(catalog_db, pair, None), pair
    finally:
        shared.close()


def test_a_catalog_keeps_one_part_per_model(catalog_db: Path) -> None:
    opened = Catalog(catalog_db)
    try:
        ids = sorted(opened.model_ids)
        for pair in combinations(ids, 2):
            compare_context(opened, list(pair))
        models = list(opened.models_of(ids).values())
        kept = kept_parts(opened, models)
        assert kept is not None and sorted(kept) == ids
        assert all(kept[m.id].model is m for m in models)
    finally:
        opened.close()


@pytest.mark.parametrize("blend", [None, (50, 50)])
def test_a_repriced_catalog_keeps_nothing(catalog_db: Path, blend: tuple[int, int] | None) -> None:
    opened = Catalog(catalog_db)
    try:
        opened.live = False  # as a catalog repriced on another day (pages.as_of) is
        a, b = sorted(opened.model_ids)[:2]
        assert kept_parts(opened, list(opened.models_of([a, b]).values())) is None
        compare_context(opened, [a, b], blend)  # built from the whole catalog, as before
    finally:
        opened.close()
