"""A copy of the compiled catalog without what non-redistributable sources gave.

The downloads (SQLite, CSV, JSON) are read back from this copy, so all three agree.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tradeoff.db.derived import drop_derived
from tradeoff.db.download_files import drop_download_files
from tradeoff.db.freshness import drop_stamp
from tradeoff.db.queries import Catalog
from tradeoff.errors import DataError


def write_redistributable_copy(catalog: Catalog, path: Path, excluded: set[str]) -> None:
    """Write ``catalog`` to ``path`` minus every row, fact and price from ``excluded`` sources."""
    dest = sqlite3.connect(path)
    try:
        catalog.connection().backup(dest)
        with dest:
            _filter(dest, excluded)
            drop_derived(dest)
            drop_stamp(dest)
            drop_download_files(dest)
        dest.execute("VACUUM")
    finally:
        dest.close()


def _filter(conn: sqlite3.Connection, excluded: set[str]) -> None:
    """Drop every row, fact and price that a non-redistributable source gave."""
    if not excluded:
        return
    marks = ",".join("?" * len(excluded))
    args = tuple(sorted(excluded))
    model_columns = {r[1] for r in conn.execute("PRAGMA table_info(models)")}
    for model_id, field in conn.execute(
        f"SELECT model_id, field FROM model_facts WHERE source_id IN ({marks})", args
    ).fetchall():
        if field in model_columns:
            conn.execute(f'UPDATE models SET "{field}" = NULL WHERE id = ?', (model_id,))
    for provider_id, model in conn.execute(
        f"SELECT provider_id, provider_model_id FROM offerings WHERE source_id IN ({marks})", args
    ).fetchall():
        for table in ("price_tiers", "price_history"):
            conn.execute(
                f"DELETE FROM {table} WHERE provider_id = ? AND provider_model_id = ?",
                (provider_id, model),
            )
    for table in ("price_spans", "price_changes"):  # the dated history of those sources
        conn.execute(f"DELETE FROM {table} WHERE source_id IN ({marks})", args)
    offering_columns = {r[1] for r in conn.execute("PRAGMA table_info(offerings)")}
    for rowid, provider_id, model, cited, capabilities_json in conn.execute(
        "SELECT rowid, provider_id, provider_model_id, price_sources_json, capabilities_json "
        "FROM offerings"
    ).fetchall():
        capabilities = json.loads(capabilities_json or "{}")
        for field in [f for f, s in json.loads(cited or "{}").items() if s in excluded]:
            # A citation names a column, a capability ("capability.<name>") or the tiers.
            if field == "tiers":
                conn.execute(
                    "DELETE FROM price_tiers WHERE provider_id = ? AND provider_model_id = ?",
                    (provider_id, model),
                )
            elif field.startswith("unit."):
                pass  # a unit price's row carries its source: removed with the rows below
            elif field.startswith("capability."):
                capabilities.pop(field.removeprefix("capability."), None)
            elif field in offering_columns:
                conn.execute(f'UPDATE offerings SET "{field}" = NULL WHERE rowid = ?', (rowid,))
            else:
                raise DataError(f"offering {provider_id}/{model} cites an unknown field {field!r}")
        conn.execute(
            "UPDATE offerings SET capabilities_json = ? WHERE rowid = ?",
            (json.dumps(capabilities, sort_keys=True), rowid),
        )
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        for column in ("source_id", "chosen_source_id"):
            if column in columns:
                conn.execute(f'DELETE FROM "{table}" WHERE {column} IN ({marks})', args)
    for rowid, values in conn.execute("SELECT rowid, values_json FROM conflicts").fetchall():
        kept = [v for v in json.loads(values) if v[1] not in excluded]
        conn.execute(
            "UPDATE conflicts SET values_json = ? WHERE rowid = ?", (json.dumps(kept), rowid)
        )
