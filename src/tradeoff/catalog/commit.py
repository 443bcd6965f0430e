"""Change the catalog's generated files safely: one writer at a time, all files or none.

An import rewrites several files (``imports/<source>.json`` and the ``review/`` report made
from it). Each file alone was already replaced atomically, but two imports at once lost one
import's changes, and a crash between two files left a new import beside a stale review.

- ``catalog_lock``: an exclusive lock (``catalog/.import.lock``, ``flock``) held from reading
  the catalog to the last rename, so a second import waits and then reads the first's result.
- ``commit_files``: every file is written to a temporary beside its target first; then a
  journal listing the renames is written (atomically); then the renames; then the journal is
  removed. A crash before the journal changes nothing; a crash after it is finished by the
  next writer (``finish_interrupted``) and reported by ``tradeoff check`` until then.
- ``clean_stale_temps``: temporaries a killed run left, only our names, only old ones.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from tradeoff.catalog.files import MISSING_CATALOG
from tradeoff.errors import DataError

LOCK_NAME = ".import.lock"
JOURNAL_NAME = ".import-commit.json"
SCRATCH_PREFIX = ".import-scratch-"  # the directory an import compiles its database in
# A temporary of ours: ".<name>.tmp-<pid>" (catalog.load.atomic_write_text and commit_files).
_TEMP = re.compile(r"^\.[^/]+\.tmp-\d+$")
# tempfile's default names (scratch folders of imports before SCRATCH_PREFIX).
_LEGACY_SCRATCH = re.compile(r"^tmp[a-z0-9_]{8}$")
STALE_AFTER_S = 15 * 60  # older than any import takes: its writer is gone


def temp_path(target: Path) -> Path:
    """The temporary a write of ``target`` goes through, beside it (same file system)."""
    return target.with_name(f".{target.name}.tmp-{os.getpid()}")


@contextmanager
def catalog_lock(catalog_dir: Path, wait_s: float = 600.0) -> Iterator[None]:
    """Hold the catalog's writer lock; wait up to ``wait_s`` for another writer, then fail.

    ``flock`` locks (``msvcrt.locking`` on Windows) are released by the kernel when their
    process dies, so a killed import never leaves the catalog locked. The lock file holds the
    holder's pid, for the message.
    """
    if not catalog_dir.is_dir():
        raise DataError(MISSING_CATALOG, path=catalog_dir)
    path = catalog_dir / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise DataError(f"cannot create the import lock ({exc.strerror})", path=path) from exc
    try:
        deadline = time.monotonic() + wait_s
        said = False
        while not _try_lock(fd):
            holder = _holder(path)
            if time.monotonic() >= deadline:
                raise DataError(
                    f"another import is running ({holder}); wait for it to finish, "
                    "then run this again",
                    path=path,
                )
            if not said:
                sys.stderr.write(f"waiting for another import to finish ({holder})…\n")
                said = True
            time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # releases the lock


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on ``fd`` without waiting; False when another holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="utf-8").strip()
    except OSError:
        pid = ""
    return f"process {pid}" if pid.isascii() and pid.isdigit() else "process unknown"


def commit_files(catalog_dir: Path, files: Mapping[Path, str]) -> None:
    """Replace every file of ``files`` (target → text), all or none; hold ``catalog_lock``.

    The targets are renamed in the given order: put the file others read (the import) last,
    so a crash part-way leaves it old beside a journal that says what is unfinished.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, text in files.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = temp_path(target)
            staged.append((tmp, target))
            _write_synced(tmp, text.encode("utf-8"))
        journal = {
            "renames": [
                [str(t.relative_to(catalog_dir)), str(g.relative_to(catalog_dir))]
                for t, g in staged
            ],
        }
        _write_synced(catalog_dir / JOURNAL_NAME, json.dumps(journal, indent=1) + "\n", atomic=True)
    except BaseException as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            where = exc.filename or catalog_dir
            raise DataError(
                f"cannot write ({exc.strerror}); nothing was changed", path=where
            ) from exc
        raise
    finish_interrupted(catalog_dir)


def finish_interrupted(catalog_dir: Path) -> list[Path]:
    """Finish a commit a crash interrupted after its journal; return the files it replaced."""
    journal = catalog_dir / JOURNAL_NAME
    if not journal.is_file():
        return []
    try:
        renames = json.loads(journal.read_text(encoding="utf-8"))["renames"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataError(
            f"unreadable import journal ({exc}); delete it and re-run the import", path=journal
        ) from exc
    done = []
    for tmp_name, target_name in renames:
        tmp, target = catalog_dir / tmp_name, catalog_dir / target_name
        if tmp.is_file():  # a missing temp was renamed before the crash
            os.replace(tmp, target)
            done.append(target)
    _fsync_dir(catalog_dir)
    journal.unlink()
    return done


def interrupted_commit(catalog_dir: Path) -> Path | None:
    """The journal of an unfinished commit, if one is pending (for ``tradeoff check``)."""
    journal = catalog_dir / JOURNAL_NAME
    return journal if journal.is_file() else None


def clean_stale_temps(catalog_dir: Path, db_path: Path, now: float | None = None) -> list[Path]:
    """Remove temporaries a killed run left: our names only, older than ``STALE_AFTER_S``.

    Looks in ``imports/``, ``review/``, ``benchmarks/`` and beside the database (its
    temporaries and import scratch folders: the database may live in a shared folder such as
    /tmp, so only names made from its own). Call it holding ``catalog_lock``.
    """
    cutoff = (time.time() if now is None else now) - STALE_AFTER_S
    removed = []
    # An unfinished commit's temporaries are its new files: finish it first, never delete them.
    folders = () if interrupted_commit(catalog_dir) else ("imports", "review", "benchmarks")
    for folder in folders:
        for path in _entries(catalog_dir / folder):
            if _TEMP.match(path.name) and path.is_file() and _older(path, cutoff):
                path.unlink(missing_ok=True)
                removed.append(path)
    db_temp = re.compile(rf"^\.{re.escape(db_path.name)}\.tmp-\d+$")
    for path in _entries(db_path.parent):
        if db_temp.match(path.name) and path.is_file() and _older(path, cutoff):
            path.unlink(missing_ok=True)
            removed.append(path)
        elif _is_scratch(path, db_path.name) and _older(path, cutoff):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _older(path: Path, cutoff: float) -> bool:
    try:
        return path.lstat().st_mtime < cutoff
    except OSError:
        return False


def _is_scratch(path: Path, db_name: str) -> bool:
    """An import's scratch folder: ours by name, or a tempfile folder holding nothing but
    this database's name (what imports left before they named their folder)."""
    if path.is_symlink() or not path.is_dir():
        return False
    if path.name.startswith(SCRATCH_PREFIX):
        return True
    if not _LEGACY_SCRATCH.match(path.name):
        return False
    names = [p.name for p in _entries(path)]
    return bool(names) and all(n == db_name or n.startswith(f".{db_name}.tmp-") for n in names)


def _write_synced(path: Path, data: bytes | str, *, atomic: bool = False) -> None:
    """Write ``data`` and flush it to disk (a rename must never expose an empty file)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = temp_path(path) if atomic else path
    with open(target, "wb") as handle:
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())
    if atomic:
        os.replace(target, path)
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
