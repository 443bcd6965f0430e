"""Find the compiled database and keep it current: cheap on the fast path.

Which database: a catalog text tree the caller names (an argument, or $TRADEOFF_CATALOG,
which ``tradeoff --catalog DIR`` sets) is compiled into $TRADEOFF_DB or ``build/`` beside it;
otherwise an installed wheel's packaged database (``tradeoff/db/catalog.sqlite``, compiled at
build time, read-only: never rebuilt where it is installed); otherwise, in a source checkout,
``catalog/`` of the repository, compiled into ``build/catalog.sqlite``.

Checking freshness hashes the catalog text and reads one row; only a stale or missing
database imports the loaders and rebuilds (``tradeoff.db.build``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tradeoff.catalog.files import chosen_catalog_dir, default_catalog_dir, pinned, read_snapshot
from tradeoff.db.version import default_db_path, packaged_db_path, snapshot_version


def ensure_database(
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    derive: Callable[[Path], None] | None = None,
) -> Path:
    """The database to read: the packaged one, or a catalog text tree compiled if it is
    missing or older than the text (see the module's docstring); return its path.

    ``derive`` adds the precomputed tables when it compiles (``db.build.build_database``):
    the shells pass ``tradeoff.pages.precompute.precompute``."""
    if catalog_dir is None and db_path is None and chosen_catalog_dir() is None:
        packaged = packaged_db_path()
        if packaged is not None:
            return packaged
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    snapshot = read_snapshot(catalog_dir)  # read once: the version is of what is compiled
    version = snapshot_version(snapshot)
    if stamped_version(db_path) == version:
        return db_path
    from tradeoff.catalog.load import load_catalog  # heavy: only when a rebuild is due
    from tradeoff.db.build import build_database

    with pinned(snapshot):
        build_database(load_catalog(catalog_dir), db_path, version, derive)
    return db_path


def stamped_version(db_path: Path) -> str | None:
    """The catalog version a compiled database is stamped with (None: missing or unreadable)."""
    if not db_path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.DatabaseError:
        return None  # unreadable or foreign file: rebuilt over
    return str(row[0]) if row else None


def catalog_version() -> str:
    """What ``tradeoff --version`` says of the catalog, without compiling anything: the
    packaged database's stamp, or the version of the chosen catalog text (and where it is)."""
    if chosen_catalog_dir() is None:
        packaged = packaged_db_path()
        if packaged is not None:
            return f"catalog {stamped_version(packaged)} (packaged)"
    catalog_dir = default_catalog_dir()
    if not catalog_dir.is_dir():
        return f"no catalog: {catalog_dir} not found"
    return f"catalog {snapshot_version(read_snapshot(catalog_dir))} ({catalog_dir})"
