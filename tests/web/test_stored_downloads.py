"""The downloads are made when the database is built and stored in it (gzip-compressed): the
server streams them from there, a bounded chunk at a time, and never builds them on a
request; gzip as stored or decompressed on the way, with per-encoding ETags and 304s."""

from __future__ import annotations

import gzip

import pytest
from support.web_support import client_for

from tradeoff.db import download_files
from tradeoff.db.download_files import CHUNK_BYTES, plain_chunks, stored_file
from tradeoff.db.queries import Catalog
from tradeoff.pages.downloads import FILES, build_downloads
from tradeoff.web import resources
from tradeoff.web.app import TradeoffApp
from tradeoff.web.caching import CACHE_CONTROL

NAMES = [name for name, _, _ in FILES]


def test_the_database_holds_every_download_as_built(catalog: Catalog) -> None:
    built = build_downloads(catalog).files
    for name in NAMES:
        stored = stored_file(catalog, name)
        assert stored is not None, name
        assert stored.size == len(built[name]), name
        if name != "catalog.sqlite":  # a SQLite file's pages may be laid out differently
            assert b"".join(plain_chunks(catalog.path, name)) == built[name], name


def test_a_file_is_read_a_bounded_chunk_at_a_time(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download_files, "CHUNK_BYTES", 1024)
    whole = b"".join(plain_chunks(catalog.path, "offerings.csv"))
    pieces = list(plain_chunks(catalog.path, "offerings.csv"))
    assert len(pieces) > 3 and max(len(p) for p in pieces) <= 1024
    assert b"".join(pieces) == whole
    assert CHUNK_BYTES <= 1024 * 1024


@pytest.mark.parametrize("name", NAMES)
def test_downloads_are_served_from_the_database_without_building_them(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def refuse(_: Catalog) -> None:
        raise AssertionError("a download was built on a request")

    monkeypatch.setattr(resources, "build_downloads", refuse)
    url = f"/downloads/{name}"
    with client_for(catalog) as client:
        plain = client.get(url, headers={"accept-encoding": "identity"})
        assert plain.status_code == 200
        assert plain.content == b"".join(plain_chunks(catalog.path, name))
        assert plain.headers["content-length"] == str(len(plain.content))
        assert plain.headers["cache-control"] == CACHE_CONTROL
        assert plain.headers["vary"] == "Accept-Encoding"
        assert plain.headers["content-disposition"] == f'attachment; filename="{name}"'
        assert plain.headers.get("content-encoding") is None
        with client.stream("GET", url, headers={"accept-encoding": "gzip"}) as packed:
            raw = b"".join(packed.iter_raw())
            assert packed.headers["content-encoding"] == "gzip"
            assert packed.headers["content-length"] == str(len(raw))
            tag = packed.headers["etag"]
        assert gzip.decompress(raw) == plain.content
        assert tag == plain.headers["etag"][:-1] + '-gz"' != plain.headers["etag"]
        for headers, status in (
            ({"accept-encoding": "gzip", "if-none-match": tag}, 304),
            ({"accept-encoding": "identity", "if-none-match": tag}, 200),
            ({"accept-encoding": "identity", "if-none-match": plain.headers["etag"]}, 304),
        ):
            assert client.get(url, headers=headers).status_code == status
        head = client.head(url, headers={"accept-encoding": "identity"})
        assert head.content == b"" and head.headers["content-length"] == str(len(plain.content))
        app = client.app
        assert isinstance(app, TradeoffApp) and app.response_cache is not None
        kept = [key for key in app.response_cache._kept if key[0] == url.encode()]
        assert kept == []  # streamed: not held in memory by the response cache
