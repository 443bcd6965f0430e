"""Writing the static build's files: each file new, or hard-linked from the previous build
when its bytes are the same, with its pre-compressed twins.

A rebuild compares each file with the previous build's file of the same name, byte for byte
(sizes first): an equal file is hard-linked, so it keeps its inode and mtime (``rsync``,
``aws s3 sync``, nginx's ETag and a CDN see it unchanged) and only changed files count as
rewritten. Nothing is ever written through a link: a new file is created exclusively (a name
written twice is an error, not an overwrite of the previous build).

Pre-compressed twins (``COMPRESSED_TWINS``) sit beside every text file from
``GZIP_MINIMUM_SIZE`` up: ``NAME.gz`` (gzip level 9, mtime 0) and ``NAME.br`` (Brotli, the
server's quality: the bytes ``tradeoff serve`` sends), both deterministic; an unchanged
file's twins are linked when the previous build has them, else written.
"""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tradeoff.web.caching import GZIP_MINIMUM_SIZE, brotli_compress


def gzip_twin(body: bytes) -> bytes:
    """The ``.gz`` twin: best compression, no timestamp (same input, same bytes)."""
    return gzip.compress(body, compresslevel=9, mtime=0)


# (suffix, compress): the pre-compressed twins of a text file, in this order.
COMPRESSED_TWINS: tuple[tuple[str, Callable[[bytes], bytes]], ...] = (
    (".gz", gzip_twin),
    (".br", brotli_compress),
)
TWIN_SUFFIXES = frozenset(suffix for suffix, _ in COMPRESSED_TWINS)


class DuplicateFileError(Exception):
    """Two URLs of the build map to one file."""


@dataclass
class WriteCounts:
    """What a writer wrote (summed over the build's workers)."""

    files: int = 0  # site files (twins not counted)
    rewritten: int = 0  # of those, new or changed since the previous build
    compressed: int = 0  # pre-compressed twins

    def add(self, other: WriteCounts) -> None:
        self.files += other.files
        self.rewritten += other.rewritten
        self.compressed += other.compressed


class Writer:
    """Writes files into the new build's folder, linking those unchanged since ``previous``."""

    def __init__(self, tmp: Path, previous: Path) -> None:
        self.tmp = tmp
        self.previous = previous
        self.counts = WriteCounts()

    def put(self, name: str, body: bytes, text: bool) -> None:
        """Write ``name`` (relative to the build) with ``body``, and its compressed twins."""
        target = self.tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        old = self.previous / name
        same = _same_bytes(old, body)
        try:
            if same:
                _link(old, target)
            else:
                _create(target, body)
        except FileExistsError:
            raise DuplicateFileError(name) from None
        self.counts.files += 1
        self.counts.rewritten += not same
        if not text or len(body) < GZIP_MINIMUM_SIZE:
            return
        for suffix, compress in COMPRESSED_TWINS:
            old_twin, twin = Path(f"{old}{suffix}"), Path(f"{target}{suffix}")
            if same and old_twin.is_file():
                _link(old_twin, twin)
            else:
                _create(twin, compress(body))
            self.counts.compressed += 1


def _same_bytes(old: Path, body: bytes) -> bool:
    """Whether the previous build's file holds exactly ``body`` (its size is checked first)."""
    try:
        if old.stat().st_size != len(body):
            return False
        return old.read_bytes() == body
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def _create(path: Path, body: bytes) -> None:
    with path.open("xb") as handle:  # exclusive: never through an existing (linked) file
        handle.write(body)


def _link(old: Path, new: Path) -> None:
    """Reuse an unchanged file: a hard link keeps its bytes and mtime (a copy with its mtime
    where links fail, e.g. across file systems)."""
    try:
        os.link(old, new)
    except FileExistsError:
        raise
    except OSError:
        if new.exists():
            raise FileExistsError(new) from None
        shutil.copy2(old, new)


def previous_files(out_dir: Path, skip: frozenset[str]) -> set[str]:
    """The site files of a previous build (relative names; twins and ``skip`` left out)."""
    if not out_dir.is_dir():
        return set()
    return {
        p.relative_to(out_dir).as_posix()
        for p in out_dir.rglob("*")
        if p.is_file() and p.suffix not in TWIN_SUFFIXES and p.name not in skip
    }
