"""The download files stored in the database at build, gzip-compressed: a server streams
them from here (a chunk at a time: memory stays bounded whatever their size) instead of
building them on their first request (``pages.downloads`` makes them; this module only stores
and reads them back)."""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
import zlib
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from tradeoff.db.queries import Catalog

CHUNK_BYTES = 256 * 1024  # read from the database, and handed to the client, at a time


@dataclass(frozen=True)
class StoredFile:
    """A stored download: its size, SHA-256 and gzip size (the bytes are read when sent)."""

    name: str
    size: int
    sha256: str
    gzip_size: int


def write_download_files(db_path: Path, files: Mapping[str, bytes]) -> None:
    """Store ``files`` (name → bytes) in the (not yet published) database at ``db_path``."""
    rows = [
        (name, len(data), hashlib.sha256(data).hexdigest(), gzip.compress(data, 9, mtime=0))
        for name, data in files.items()
    ]
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.executemany("INSERT OR REPLACE INTO download_files VALUES (?, ?, ?, ?)", rows)


def drop_download_files(conn: sqlite3.Connection) -> None:
    """Empty the table in a copy (``db.export``: the downloadable database holds no copy of
    the downloads)."""
    conn.execute("DELETE FROM download_files")


def stored_file(catalog: Catalog, name: str) -> StoredFile | None:
    """The stored download ``name``; None when the database has none (built without them, or
    by an older version)."""
    try:
        rows = (
            catalog.connection()
            .execute(
                "SELECT name, size, sha256, length(gzip) FROM download_files WHERE name = ?",
                (name,),
            )
            .fetchall()
        )
    except sqlite3.OperationalError:  # no such table: an older database
        return None
    return StoredFile(*rows[0]) if rows else None


def gzip_chunks(db_path: Path, name: str) -> Iterator[bytes]:
    """The stored gzip form of ``name``, a chunk at a time (its own read-only connection:
    a download may take long; the catalog's shared connection stays free)."""
    uri = f"file:{db_path}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, check_same_thread=False)) as conn:
        (rowid,) = conn.execute(
            "SELECT rowid FROM download_files WHERE name = ?", (name,)
        ).fetchone()
        with conn.blobopen("download_files", "gzip", rowid, readonly=True) as blob:
            while chunk := blob.read(CHUNK_BYTES):
                yield chunk


def plain_chunks(db_path: Path, name: str) -> Iterator[bytes]:
    """The file itself, decompressed from its stored gzip form a bounded chunk at a time."""
    inflate = zlib.decompressobj(wbits=31)  # gzip framing
    for chunk in gzip_chunks(db_path, name):
        data = inflate.decompress(chunk, CHUNK_BYTES)
        while data:
            yield data
            data = inflate.decompress(inflate.unconsumed_tail, CHUNK_BYTES)
    if rest := inflate.flush():
        yield rest
