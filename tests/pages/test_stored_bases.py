"""The entries of each model's kept records stored at build (``page_bases``:
``comparison.kept.parts_bases``) are the entries a page would build live from the engine's
records, key order included; a database without them (built before they were stored) gives
the same pages, byte for byte."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from itertools import combinations
from pathlib import Path

from tradeoff.compare.capabilities import model_capability_cells
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.related import related_models
from tradeoff.compare.specs import model_spec_cells
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db import derived
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.kept import ModelParts, parts_bases
from tradeoff.pages.precompute import RELATED_STORED
from tradeoff.render.html import render_compare_html
from tradeoff.render.markdown import render_compare_markdown


def test_stored_entries_of_every_model_are_the_live_ones(catalog: Catalog) -> None:
    candidates = list(catalog.models.values())
    stored = derived.page_bases(catalog, [m.id for m in candidates])
    assert set(stored) == set(catalog.models)
    blended = {i: h.blended_per_mtok for i, h in derived.headlines(catalog).items()}
    for m in candidates:
        pricing = model_pricing(m, catalog.offerings_for(m.id), catalog.providers, DEFAULT_BLEND)
        related = tuple(related_models(m, candidates, blended, RELATED_STORED))
        parts = ModelParts(
            m, pricing, None, related, (), model_spec_cells(m), model_capability_cells(m)
        )
        live = parts_bases(parts, catalog.model_names)
        assert json.dumps(stored[m.id]) == json.dumps(live), m.id  # values and key order
    assert any(v["pricing"] is not None and v["related"] for v in stored.values())


def _pages(db: Path, cases: list[list[str]]) -> list[tuple[str, str, str]]:
    opened = Catalog(db)
    try:
        out = []
        for ids in cases:
            ctx = compare_context(opened, ids)
            out.append((json.dumps(ctx), render_compare_markdown(ctx), render_compare_html(ctx)))
        return out
    finally:
        opened.close()


def test_a_database_built_before_them_gives_the_same_pages(
    catalog_db: Path, tmp_path: Path
) -> None:
    older = tmp_path / "older.sqlite"
    shutil.copyfile(catalog_db, older)
    with closing(sqlite3.connect(older)) as conn, conn:
        conn.execute("DROP TABLE model_page_bases")
    with closing(Catalog(catalog_db)) as opened:
        ids = sorted(opened.model_ids)
    cases = [list(p) for p in combinations(ids, 2)] + [list(t) for t in combinations(ids, 3)]
    assert _pages(older, cases) == _pages(catalog_db, cases)


def test_entries_another_python_cannot_read_give_the_same_pages(
    catalog_db: Path, tmp_path: Path
) -> None:
    """A stored blob that this Python's marshal cannot read (written by another version, or
    damaged) is not a traceback: the pages build their entries live, as from an older
    database."""
    damaged = tmp_path / "damaged.sqlite"
    shutil.copyfile(catalog_db, damaged)
    with closing(sqlite3.connect(damaged)) as conn, conn:
        conn.execute("UPDATE model_page_bases SET entries = X'FF00'")
    with closing(Catalog(catalog_db)) as opened:
        ids = sorted(opened.model_ids)
    cases = [list(p) for p in combinations(ids, 2)]
    assert _pages(damaged, cases) == _pages(catalog_db, cases)
