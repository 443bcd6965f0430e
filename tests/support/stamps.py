"""What a database compiled by an import or a refresh must be: current for the next start."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tradeoff.db import derived
from tradeoff.db.freshness import STAMP_KEYS, read_stamp
from tradeoff.db.locate import check
from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database


def _rows(db: Path) -> list[str]:
    """The database's content, the stamp's machine-local stat signature left out."""
    with closing(sqlite3.connect(db)) as conn:
        return [
            line
            for line in conn.iterdump()
            if not line.startswith("INSERT INTO \"meta\" VALUES('stat'")
        ]


def assert_current_for_the_next_start(catalog_dir: Path, db: Path, tmp: Path) -> None:
    """``db`` carries the code stamp, holds the precomputed tables, is not rebuilt by the next
    start, and equals what a start would compile from the same text."""
    stamp = read_stamp(str(db))
    assert stamp is not None and set(STAMP_KEYS) <= stamp.keys(), stamp
    assert check(catalog_dir, db)[1], "the next start would rebuild it"
    inode = db.stat().st_ino
    assert ensure_database(catalog_dir, db) == db and db.stat().st_ino == inode
    catalog = Catalog(db)
    try:
        assert derived.has_derived(catalog)
    finally:
        catalog.close()
    fresh = ensure_database(catalog_dir, tmp / "fresh.sqlite")
    assert _rows(db) == _rows(fresh)
