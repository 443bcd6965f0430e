"""Find the compiled database and keep it current: cheap on the fast path.

Checking freshness hashes the catalog text and reads one row; only a stale or missing
database imports the loaders and rebuilds (``tradeoff.db.build``).
"""

from __future__ import annotations

import os
import sqlite3
from importlib import resources
from pathlib import Path

from tradeoff import __version__
from tradeoff.catalog.files import default_catalog_dir, fingerprint

SCHEMA_VERSION = "1"


def default_db_path(catalog_dir: Path | None = None) -> Path:
    """$TRADEOFF_DB, else build/catalog.sqlite beside the catalog directory."""
    env = os.environ.get("TRADEOFF_DB")
    if env:
        return Path(env)
    return (catalog_dir or default_catalog_dir()).parent / "build" / "catalog.sqlite"


def catalog_version(catalog_dir: Path) -> str:
    """The version of a catalog text + code pair; a changed version means a rebuild."""
    return fingerprint(catalog_dir, extra=f"{__version__}:{SCHEMA_VERSION}:{_schema_text()}")


def _schema_text() -> str:
    package = resources.files("tradeoff.db")
    names = sorted(p.name for p in package.iterdir() if p.name.endswith(".sql"))
    names.sort(key=lambda n: (n != "schema.sql", n))
    return "\n".join(package.joinpath(n).read_text(encoding="utf-8") for n in names)


def ensure_database(catalog_dir: Path | None = None, db_path: Path | None = None) -> Path:
    """Build the database if it is missing or older than the catalog text; return its path."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    version = catalog_version(catalog_dir)
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

    build_database(load_catalog(catalog_dir), db_path, version)
    return db_path
