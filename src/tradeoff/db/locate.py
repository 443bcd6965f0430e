"""Find the compiled database and keep it current: cheap on the fast path.

Checking freshness hashes the catalog text and reads one row; only a stale or missing
database imports the loaders and rebuilds (``tradeoff.db.build``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tradeoff.catalog.files import default_catalog_dir, pinned, read_snapshot
from tradeoff.db.version import default_db_path, snapshot_version


def ensure_database(catalog_dir: Path | None = None, db_path: Path | None = None) -> Path:
    """Build the database if it is missing or older than the catalog text; return its path."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    snapshot = read_snapshot(catalog_dir)  # read once: the version is of what is compiled
    version = snapshot_version(snapshot)
    if db_path.is_file():
        try:
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
                row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if row and row[0] == version:
                return db_path
        except sqlite3.DatabaseError:
            pass  # unreadable or foreign file: rebuild over it
    from tradeoff.catalog.load import load_catalog  # heavy: only when a rebuild is due
    from tradeoff.db.build import build_database

    with pinned(snapshot):
        build_database(load_catalog(catalog_dir), db_path, version)
    return db_path
