"""Is a compiled database current? Checked like git's index: stat first, hash only on doubt.

A database compiled from a catalog text tree records in its ``meta`` table:

- ``version``: the catalog version (``db.version``: the catalog text, the package version
  and the schema) — what pages and ``tradeoff --version`` print;
- ``code``: a hash of the code that wrote it, and ``code_files``, which files that is: every
  module the build can import (``tradeoff.catalog.load``, ``tradeoff.db.build`` and the
  ``derive`` step, ``tradeoff.pages.precompute``, with everything they import, found by
  reading their ``import`` statements) and the schema's ``db/*.sql``;
- ``stat``: the stat signature of the catalog files and those code files (path, size,
  mtime, ctime, inode), taken *before* they were read.

A start lists and stats the files (no file is read): the same signature means the same
database. A different one (an edit, a ``touch``, a checkout, a new or deleted file) means
doubt: the catalog text and the code files are read and hashed; the same version and code
hash mean the database is current, and the new signature is noted in it so the next start is
fast again; otherwise the database is rebuilt.

Racily clean files, as git calls them: a file changed again within its mtime's tick keeps its
size and mtime. A signature is therefore recorded only when every file is older than
``RACY_NS`` at the moment the files were stat-ed; otherwise the next start hashes again.
What remains undetected is what git also misses: a tool that rewrites a file keeping its
size, mtime, ctime and inode (ctime cannot be set without changing the clock), or clocks
of a network file system far apart from this machine's.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable
from contextlib import closing

from tradeoff.catalog.files import catalog_names

# Files changed this recently when stat-ed may change again unseen (the coarsest common mtime
# tick is FAT's two seconds): their signature is not recorded.
RACY_NS = 2_000_000_000
STAMP_KEYS = ("version", "code", "code_files", "stat")
# ``tradeoff/__init__`` re-exports the public API on first access (the one upward import:
# docs/architecture.md); the build never touches it.
LAZY_API = "tradeoff.api"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # src/tradeoff


def read_stamp(db_path: str) -> dict[str, str] | None:
    """The database's stamp (``STAMP_KEYS`` it holds); None when missing or unreadable."""
    if not os.path.isfile(db_path):
        return None
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            rows = conn.execute(
                "SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?)", STAMP_KEYS
            ).fetchall()
    except sqlite3.DatabaseError:
        return None  # unreadable or foreign file: rebuilt over
    return {str(key): str(value) for key, value in rows}


class Signature:
    """The stat signature of a catalog tree and some code files, as text; ``racy`` when a
    file changed too recently for the signature to vouch for its content."""

    def __init__(self, catalog_dir: str, code_files: Iterable[str]) -> None:
        started = time.time_ns()
        lines = [f"catalog {catalog_dir}", f"code {PACKAGE_DIR}"]
        newest = 0
        for kind, root, names in (
            ("c", catalog_dir, catalog_names(catalog_dir)),
            ("p", PACKAGE_DIR, list(code_files)),
        ):
            for name in names:
                try:
                    st = os.stat(os.path.join(root, name))
                except OSError:
                    lines.append(f"{kind} {name} missing")
                    continue
                newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
                lines.append(
                    f"{kind} {name} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"
                )
        self.text = "\n".join(lines)
        self.racy = newest >= started - RACY_NS

    def recorded(self) -> str:
        """What the database records: the text, or "" when racy (the next start hashes)."""
        return "" if self.racy else self.text


def code_hash(code_files: Iterable[str]) -> str:
    """A hash of the code files' names and contents (a missing file counts as changed)."""
    import hashlib  # only when in doubt or building

    digest = hashlib.sha256()
    for name in code_files:
        digest.update(f"\0{name}\0".encode())
        try:
            with open(os.path.join(PACKAGE_DIR, name), "rb") as handle:
                digest.update(handle.read())
        except OSError:
            digest.update(b"\0missing")
    return digest.hexdigest()[:16]


def split_files(text: str) -> list[str]:
    return [name for name in text.split("\n") if name]


def note_signature(db_path: str, stamp: dict[str, str], signature: str) -> None:
    """Record ``signature`` in a database found current by hashing, if it still holds the
    stamp hashed (a concurrent rebuild may have replaced it). A read-only database or folder,
    or a busy one, keeps its old signature: the next start hashes again, nothing worse."""
    try:
        with closing(sqlite3.connect(db_path, timeout=0.2)) as conn, conn:
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'stat'"
                " AND (SELECT value FROM meta WHERE key = 'version') = ?"
                " AND (SELECT value FROM meta WHERE key = 'code') = ?",
                (signature, stamp["version"], stamp["code"]),
            )
    except (sqlite3.Error, OSError):
        return


def write_stamp(conn: sqlite3.Connection, code: str, code_files: list[str], stat: str) -> None:
    """Add the code stamp and the stat signature to a database being built (before it is
    published: ``db.build`` renames it into place afterwards)."""
    conn.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        [("code", code), ("code_files", "\n".join(code_files)), ("stat", stat)],
    )


def stamp_file(db_path: str, code: str, code_files: list[str], stat: str) -> None:
    """``write_stamp`` on a compiled database file not yet published (``maintain.stamping``:
    an import's staged database)."""
    with closing(sqlite3.connect(db_path)) as conn, conn:
        write_stamp(conn, code, code_files, stat)


def drop_stamp(conn: sqlite3.Connection) -> None:
    """Remove what describes the local build (code hash and files, stat signature: paths,
    inodes, times) from a copy that leaves this machine (``db.export``); its version stays.
    The copy then no longer changes when a start notes a new signature in the original."""
    conn.execute("DELETE FROM meta WHERE key IN ('code', 'code_files', 'stat')")


def build_code_files(roots: Iterable[str]) -> list[str]:
    """The files of the code that writes the database: the modules ``roots`` import, and
    what those import, transitively (every ``import tradeoff…`` statement, those inside
    functions too: what the build may run), their packages' ``__init__.py``, and the
    schema's ``db/*.sql``. Paths relative to the package directory, sorted."""
    import ast  # only at build time

    found: set[str] = set()
    todo = list(roots)
    while todo:
        module = todo.pop()
        if module == LAZY_API or module.startswith(f"{LAZY_API}."):
            continue
        for name in _module_files(module):
            if name in found:
                continue
            found.add(name)
            with open(os.path.join(PACKAGE_DIR, name), "rb") as handle:
                tree = ast.parse(handle.read(), filename=name)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    todo += [a.name for a in node.names if a.name.startswith("tradeoff")]
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    "tradeoff"
                ):
                    base = str(node.module)
                    todo += [base, *(f"{base}.{a.name}" for a in node.names)]
    found.update(
        f"db/{n}" for n in os.listdir(os.path.join(PACKAGE_DIR, "db")) if n.endswith(".sql")
    )
    return sorted(found)


def _module_files(module: str) -> list[str]:
    """The file of a ``tradeoff`` module and its packages' ``__init__.py`` (none for a name
    that is not a module, such as a function imported ``from`` one)."""
    parts = module.split(".")[1:]
    files = []
    for depth in range(len(parts) + 1):
        rel = "/".join(parts[:depth])
        package = f"{rel}/__init__.py" if rel else "__init__.py"
        if os.path.isfile(os.path.join(PACKAGE_DIR, package)):
            files.append(package)
        elif depth and os.path.isfile(os.path.join(PACKAGE_DIR, f"{rel}.py")):
            files.append(f"{rel}.py")
        else:
            break
    return files
