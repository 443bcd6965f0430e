"""Where the catalog text lives, which files feed the database, and their fingerprint.

Kept free of heavy imports (pydantic, the importers): the CLI and the web app call these on
every start to decide whether the compiled database is current.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_FIXED = ("sources.toml", "labs.toml", "providers.toml", "aliases.toml", "exclusions.toml")
# After the fixed files, in compile order: (file or folder, glob of its files; "" for a file).
# One table for ``catalog_files`` and the snapshot's order, so a new folder cannot feed one
# and be unknown to the other.
_GROUPS: tuple[tuple[str, str], ...] = (
    ("curated", "**/*.toml"),
    ("providers", "*.toml"),  # hand-written offerings
    ("lifecycle", "*.toml"),  # curated deprecations
    ("imports", "*.json"),
    ("benchmarks.toml", ""),  # benchmark registry and results: compiled by db.benchmark_writer
    ("benchmarks", "*.json"),
    ("history", "*.json"),  # dated offering history: compiled by db.history_writer
)
_GROUP_RANK = {name: rank for rank, (name, _) in enumerate(_GROUPS, start=1)}


# What a command that needs catalog text says when there is none (an installed wheel carries
# the compiled catalog, not its text).
MISSING_CATALOG = (
    "catalog directory not found (point --catalog DIR or $TRADEOFF_CATALOG at a catalog "
    "text tree such as catalog/ of a tradeoff checkout)"
)


def chosen_catalog_dir() -> Path | None:
    """The catalog text tree the user chose ($TRADEOFF_CATALOG, which ``--catalog`` sets)."""
    env = os.environ.get("TRADEOFF_CATALOG")
    return Path(env) if env else None


def default_catalog_dir() -> Path:
    """The catalog text: $TRADEOFF_CATALOG, else catalog/ at the repository root (a source
    checkout; an installed wheel has none and reads its packaged database instead)."""
    return chosen_catalog_dir() or Path(__file__).resolve().parents[3] / "catalog"


def catalog_files(root: Path) -> list[Path]:
    """Every file that feeds the compiled database, in a stable order."""
    return [root / rel for rel in catalog_names(str(root))]


def catalog_names(root: str) -> list[str]:
    """``catalog_files`` as paths relative to ``root`` ("/"-separated), listed with
    ``os.scandir`` and no pathlib: the freshness check lists the catalog on every start.

    Within a group, files are in ``sorted(Path)`` order (by path parts); a folder group
    ``**`` descends into sub-folders (not through symlinked folders), ``*`` does not; only
    files (a symlink to a file counts) are kept."""
    names = [name for name in _FIXED if os.path.isfile(os.path.join(root, name))]
    for name, pattern in _GROUPS:
        if pattern:
            suffix = pattern.rsplit("*", 1)[1]
            found = _walk(os.path.join(root, name), name, suffix, pattern.startswith("**"))
            names += sorted(found, key=lambda rel: rel.split("/"))
        elif os.path.isfile(os.path.join(root, name)):
            names.append(name)
    return names


def _walk(folder: str, rel: str, suffix: str, recursive: bool) -> Iterator[str]:
    """Files in ``folder`` (``rel`` from the root) whose name ends in ``suffix``."""
    try:
        with os.scandir(folder) as entries:
            found = list(entries)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    for entry in found:
        if entry.name.endswith(suffix) and entry.is_file():
            yield f"{rel}/{entry.name}"
        if recursive and entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path, f"{rel}/{entry.name}", suffix, recursive)


def only_files(paths: Iterable[Path]) -> list[Path]:
    """Files only: a directory named like a catalog file (``mkdir x.toml``) is not one."""
    return sorted(p for p in paths if p.is_file())


def fingerprint(root: Path, extra: str = "") -> str:
    """A hash of the catalog text: the database is rebuilt when it changes."""
    return read_snapshot(root).fingerprint(extra)


class CatalogSnapshot:
    """Every file that feeds the database, read once: hash this and compile this.

    Reading the files twice (once to hash, once to compile) let a concurrent write slip in
    between: a database stamped with a version it was not built from is never rebuilt.
    (A plain class: ``dataclasses`` costs the freshness check's start more than it saves.)
    """

    __slots__ = ("contents", "root")

    def __init__(self, root: Path, contents: dict[Path, bytes]) -> None:
        self.root = root
        self.contents = contents  # absolute path → bytes, in ``catalog_files`` order

    def fingerprint(self, extra: str = "") -> str:
        import hashlib  # only when the text is hashed: not on a start that stats

        digest = hashlib.sha256(extra.encode())
        for path, data in self.contents.items():
            digest.update(str(path.relative_to(self.root)).encode())
            digest.update(data)
        return digest.hexdigest()[:16]

    def with_file(self, path: Path, text: str) -> CatalogSnapshot:
        """This snapshot with ``path`` holding ``text``: the catalog an import is about to write."""
        contents = dict(self.contents)
        contents[path] = text.encode("utf-8")
        ordered = sorted(contents, key=lambda p: _order(self.root, p))
        return CatalogSnapshot(self.root, {p: contents[p] for p in ordered})


def _order(root: Path, path: Path) -> tuple[int, int, Path]:
    """``catalog_files`` order: the fixed files, then ``_GROUPS``."""
    top = path.relative_to(root).parts[0]
    if top in _FIXED:
        return (0, _FIXED.index(top), path)
    return (_GROUP_RANK[top], 0, path)


def read_snapshot(root: Path) -> CatalogSnapshot:
    """Read every catalog file once."""
    return CatalogSnapshot(root, {path: path.read_bytes() for path in catalog_files(root)})


_PINNED: ContextVar[CatalogSnapshot | None] = ContextVar("pinned_snapshot", default=None)


@contextmanager
def pinned(snapshot: CatalogSnapshot) -> Iterator[None]:
    """While active, catalog readers (``parsing.read_text``) take a file's text from
    ``snapshot`` instead of the disk. A file the snapshot lacks is read from the disk: it
    appeared after the snapshot, so the disk no longer matches the snapshot's version and the
    database is rebuilt at the next check."""
    token = _PINNED.set(snapshot)
    try:
        yield
    finally:
        _PINNED.reset(token)


def pinned_bytes(path: Path) -> bytes | None:
    """The pinned snapshot's bytes of ``path``, if a snapshot is pinned and holds it."""
    snapshot = _PINNED.get()
    if snapshot is None:
        return None
    return snapshot.contents.get(path)


def pinned_folder(folder: Path, suffix: str) -> list[Path] | None:
    """The pinned snapshot's files directly in ``folder`` ending in ``suffix`` (None when no
    snapshot is pinned): a snapshot may hold a file about to be written."""
    snapshot = _PINNED.get()
    if snapshot is None:
        return None
    return [p for p in snapshot.contents if p.parent == folder and p.name.endswith(suffix)]
