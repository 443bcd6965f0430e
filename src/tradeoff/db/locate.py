"""Find the compiled database and keep it current: cheap on the fast path.

Which database: a catalog text tree the caller names (an argument, or $TRADEOFF_CATALOG,
which ``tradeoff --catalog DIR`` sets) is compiled into $TRADEOFF_DB or ``build/`` beside it;
otherwise an installed wheel's packaged database (``tradeoff/db/catalog.sqlite``, compiled at
build time, read-only: never rebuilt where it is installed, no check at all); otherwise, in a
source checkout, ``catalog/`` of the repository, compiled into ``build/catalog.sqlite``.

Freshness (``db.freshness``): the catalog files and the code that writes the database are
stat-ed; a matching signature means current without reading a file. Otherwise they are
hashed; only a changed catalog version or code hash imports the loaders and rebuilds
(``tradeoff.db.build``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from tradeoff.catalog.files import chosen_catalog_dir, default_catalog_dir, pinned, read_snapshot
from tradeoff.db import freshness
from tradeoff.db.version import default_db_path, packaged_db_path, snapshot_version

# The modules that compile a database (with the ``derive`` step's module): their import
# closure is the code its stamp covers (``freshness.build_code_files``).
BUILD_MODULES = ("tradeoff.catalog.load", "tradeoff.db.build")


def ensure_database(
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    derive: Callable[[Path], None] | None = None,
) -> Path:
    """The database to read: the packaged one, or a catalog text tree compiled if it is
    missing, older than the text, or written by other code (see the module's docstring);
    return its path.

    ``derive`` adds the precomputed tables when it compiles (``db.build.build_database``):
    the shells pass ``tradeoff.pages.precompute.precompute``."""
    if catalog_dir is None and db_path is None and chosen_catalog_dir() is None:
        packaged = packaged_db_path()
        if packaged is not None:
            return packaged
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    if check(catalog_dir, db_path)[1]:
        return db_path
    roots = [*BUILD_MODULES, *([derive.__module__] if derive is not None else [])]
    code_files = freshness.build_code_files(roots)
    # Stat before reading: a file changed after its stat makes the next signature differ.
    signature = freshness.Signature(str(catalog_dir), code_files)
    snapshot = read_snapshot(catalog_dir)  # read once: the version is of what is compiled
    code = freshness.code_hash(code_files)  # before the builder is imported below
    from tradeoff.catalog.load import load_catalog  # heavy: only when a rebuild is due
    from tradeoff.db.build import build_database

    def finish(tmp: Path) -> None:
        if derive is not None:
            derive(tmp)
        with closing(sqlite3.connect(tmp)) as conn, conn:
            freshness.write_stamp(conn, code, code_files, signature.recorded())

    with pinned(snapshot):
        build_database(load_catalog(catalog_dir), db_path, snapshot_version(snapshot), finish)
    return db_path


def current_database() -> Path | None:
    """The database ``ensure_database()`` would return, if it needs no compiling (the
    packaged one, or a current one); None otherwise. Imports nothing of the builder: the
    cold paths (``cli.fast``) call this first, and ``ensure_database`` only when it is None."""
    if chosen_catalog_dir() is None:
        packaged = packaged_db_path()
        if packaged is not None:
            return packaged
    catalog_dir = default_catalog_dir()
    db_path = default_db_path(catalog_dir)
    return db_path if check(catalog_dir, db_path)[1] else None


def check(catalog_dir: Path, db_path: Path) -> tuple[str | None, bool]:
    """(the catalog version of ``catalog_dir`` if it was worked out, whether ``db_path`` is
    current for it and for this code). A matching stat signature answers without reading a
    file; otherwise the text and the code are hashed, and a database found current that way
    has the new signature noted (unless racy)."""
    stamp = freshness.read_stamp(str(db_path))
    if stamp is None or not set(freshness.STAMP_KEYS) <= stamp.keys():
        return None, False  # missing, or written without a stamp (an import's compile)
    code_files = freshness.split_files(stamp["code_files"])
    signature = freshness.Signature(str(catalog_dir), code_files)
    if stamp["stat"] and signature.text == stamp["stat"]:
        return stamp["version"], True
    version = snapshot_version(read_snapshot(catalog_dir))
    if version != stamp["version"] or freshness.code_hash(code_files) != stamp["code"]:
        return version, False
    if not signature.racy:
        freshness.note_signature(str(db_path), stamp, signature.text)
    return version, True


def stamped_version(db_path: Path) -> str | None:
    """The catalog version a compiled database is stamped with (None: missing or unreadable)."""
    stamp = freshness.read_stamp(str(db_path))
    return None if stamp is None else stamp.get("version")


def catalog_version() -> str:
    """What ``tradeoff --version`` says of the catalog, without compiling anything: the
    packaged database's stamp, or the version of the chosen catalog text (and where it is):
    its database's stamp when that is current, else the text hashed."""
    if chosen_catalog_dir() is None:
        packaged = packaged_db_path()
        if packaged is not None:
            return f"catalog {stamped_version(packaged)} (packaged)"
    catalog_dir = default_catalog_dir()
    if not catalog_dir.is_dir():
        return f"no catalog: {catalog_dir} not found"
    version, _ = check(catalog_dir, default_db_path(catalog_dir))
    if version is None:
        version = snapshot_version(read_snapshot(catalog_dir))
    return f"catalog {version} ({catalog_dir})"
