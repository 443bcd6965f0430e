"""The redistributable copy drops every value a non-redistributable source gave, whatever
field its citation names (a column, a capability, the context tiers)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tradeoff.db.export import write_redistributable_copy
from tradeoff.db.queries import Catalog

SECRET = "not-redistributable"


def _cite_secret(db: Path) -> tuple[str, str]:
    """Make one tiered offering cite SECRET for its tiers, a capability and its input price."""
    with sqlite3.connect(db) as conn:
        provider, model = conn.execute(
            "SELECT provider_id, provider_model_id FROM price_tiers LIMIT 1"
        ).fetchone()
        row = conn.execute(
            "SELECT price_sources_json, capabilities_json FROM offerings "
            "WHERE provider_id = ? AND provider_model_id = ?",
            (provider, model),
        ).fetchone()
        sources = json.loads(row[0]) | {
            "tiers": SECRET,
            "capability.tool_call": SECRET,
            "input_per_mtok": SECRET,
        }
        capabilities = json.loads(row[1]) | {"tool_call": True}
        conn.execute(
            "UPDATE offerings SET price_sources_json = ?, capabilities_json = ? "
            "WHERE provider_id = ? AND provider_model_id = ?",
            (json.dumps(sources), json.dumps(capabilities), provider, model),
        )
    return provider, model


def test_values_cited_to_an_excluded_source_leave_the_copy(
    catalog_db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source.sqlite"
    shutil.copy(catalog_db, source)
    provider, model = _cite_secret(source)
    catalog = Catalog(source)
    try:
        write_redistributable_copy(catalog, tmp_path / "copy.sqlite", {SECRET})
    finally:
        catalog.close()
    with sqlite3.connect(tmp_path / "copy.sqlite") as conn:
        tiers = conn.execute(
            "SELECT COUNT(*) FROM price_tiers WHERE provider_id = ? AND provider_model_id = ?",
            (provider, model),
        ).fetchone()[0]
        price, capabilities = conn.execute(
            "SELECT input_per_mtok, capabilities_json FROM offerings "
            "WHERE provider_id = ? AND provider_model_id = ?",
            (provider, model),
        ).fetchone()
    assert tiers == 0
    assert price is None
    assert "tool_call" not in json.loads(capabilities)


def test_the_copy_keeps_the_version_and_drops_the_local_build_stamp(
    catalog_db: Path, tmp_path: Path
) -> None:
    # the stamp's code files and stat signature name this machine's paths and inodes
    catalog = Catalog(catalog_db)
    try:
        write_redistributable_copy(catalog, tmp_path / "copy.sqlite", set())
    finally:
        catalog.close()
    with sqlite3.connect(catalog_db) as conn:
        original = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    with sqlite3.connect(tmp_path / "copy.sqlite") as conn:
        copied = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert {"code", "code_files", "stat"} <= original.keys()
    assert copied["version"] == original["version"]
    assert not {"code", "code_files", "stat"} & copied.keys()
    assert "catalog-slice" not in json.dumps(copied)  # the stat named the fixture tree
