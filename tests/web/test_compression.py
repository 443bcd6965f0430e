"""gzip on the wire: text responses above a small size, Vary, ETag / 304 and headers kept."""

from __future__ import annotations

import gzip

from support.web_support import KIMI, assert_security_headers, client_for

from tradeoff.db.queries import Catalog
from tradeoff.web.caching import GZIP_MINIMUM_SIZE


def test_pages_are_gzipped_with_vary_etag_and_security_headers(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        plain = client.get(f"/models/{KIMI}", headers={"accept-encoding": "identity"})
        packed = client.get(f"/models/{KIMI}", headers={"accept-encoding": "gzip"})
        assert plain.headers.get("content-encoding") is None
        assert packed.headers["content-encoding"] == "gzip"
        assert packed.headers["vary"] == plain.headers["vary"] == "Accept-Encoding"
        # Two encodings, two representations: each its own strong ETag.
        assert packed.headers["etag"] == plain.headers["etag"][:-1] + '-gz"'
        assert packed.content == plain.content  # httpx decodes: the same page
        assert int(packed.headers["content-length"]) < len(plain.content) // 3
        assert_security_headers(packed.headers, "gzip")
        again = client.get(
            f"/models/{KIMI}",
            headers={"accept-encoding": "gzip", "if-none-match": packed.headers["etag"]},
        )
        assert again.status_code == 304 and again.headers["vary"] == "Accept-Encoding"
        assert again.headers["etag"] == packed.headers["etag"]
        assert_security_headers(again.headers, "304")


def test_every_text_format_is_gzipped_and_small_ones_are_not(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        for url in (f"/models/{KIMI}.json", f"/models/{KIMI}.md", "/sitemap.xml", "/llms.txt"):
            response = client.get(url, headers={"accept-encoding": "gzip"})
            assert response.headers.get("content-encoding") == "gzip", url
        robots = client.get("/robots.txt", headers={"accept-encoding": "gzip"})
        assert len(robots.content) < GZIP_MINIMUM_SIZE
        assert robots.headers.get("content-encoding") is None


def test_gzip_body_is_valid_gzip(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        with client.stream("GET", "/", headers={"accept-encoding": "gzip"}) as response:
            raw = b"".join(response.iter_raw())
        plain = client.get("/", headers={"accept-encoding": "identity"}).content
    assert gzip.decompress(raw) == plain
