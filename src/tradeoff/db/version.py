"""The version of a compiled catalog: catalog text + code + schema; where the database goes.

Kept free of heavy imports: the CLI and the web app check it on every start.
"""

from __future__ import annotations

import os
from pathlib import Path

from tradeoff import __version__
from tradeoff.catalog.files import CatalogSnapshot, default_catalog_dir, read_snapshot

SCHEMA_VERSION = "1"
# The compiled catalog a wheel carries (written by setup.py at build time; absent in a source
# checkout, which compiles catalog/ instead). Read-only: never rebuilt where it is installed.
PACKAGED_DB_NAME = "catalog.sqlite"


def packaged_db_path() -> Path | None:
    """The database packaged with an installed wheel, or None (a source checkout)."""
    path = Path(__file__).resolve().parent / PACKAGED_DB_NAME
    return path if path.is_file() else None


def default_db_path(catalog_dir: Path | None = None) -> Path:
    """$TRADEOFF_DB, else build/catalog.sqlite beside the catalog directory."""
    env = os.environ.get("TRADEOFF_DB")
    if env:
        return Path(env)
    return (catalog_dir or default_catalog_dir()).parent / "build" / "catalog.sqlite"


def catalog_version(catalog_dir: Path) -> str:
    """The version of a catalog text + code pair; a changed version means a rebuild."""
    return snapshot_version(read_snapshot(catalog_dir))


def snapshot_version(snapshot: CatalogSnapshot) -> str:
    """The version of exactly this text (compile the same snapshot: ``catalog.files.pinned``)."""
    return snapshot.fingerprint(extra=f"{__version__}:{SCHEMA_VERSION}:{schema_text()}")


def schema_text() -> str:
    """Every ``db/*.sql`` file, ``schema.sql`` first: the database's DDL."""
    folder = os.path.dirname(os.path.abspath(__file__))  # a wheel installs it unzipped
    names = sorted(n for n in os.listdir(folder) if n.endswith(".sql"))
    names.sort(key=lambda n: (n != "schema.sql", n))
    texts = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            texts.append(handle.read())
    return "\n".join(texts)
