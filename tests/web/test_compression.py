"""gzip and Brotli on the wire: text responses above a small size, Vary, ETag / 304 per
encoding and headers kept."""

from __future__ import annotations

import gzip

import brotli
import pytest
from support.web_support import KIMI, assert_security_headers, client_for

from tradeoff.db.queries import Catalog
from tradeoff.web.caching import GZIP_MINIMUM_SIZE, preferred_coding


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


def test_brotli_is_a_third_representation_with_its_own_etag(catalog: Catalog) -> None:
    url = f"/models/{KIMI}"
    with client_for(catalog) as client:
        plain = client.get(url, headers={"accept-encoding": "identity"})
        packed = client.get(url, headers={"accept-encoding": "gzip"})
        with client.stream("GET", url, headers={"accept-encoding": "gzip, deflate, br"}) as br:
            raw = b"".join(br.iter_raw())
            headers = br.headers
        assert headers["content-encoding"] == "br" and headers["vary"] == "Accept-Encoding"
        assert brotli.decompress(raw) == plain.content
        assert len(raw) < int(packed.headers["content-length"])  # smaller than gzip
        assert headers["etag"] == plain.headers["etag"][:-1] + '-br"'
        assert headers["etag"] not in (plain.headers["etag"], packed.headers["etag"])
        assert_security_headers(headers, "br")
        # A revalidation gets 304 only for the tag of the form it would get.
        for tag, status in ((headers["etag"], 304), (packed.headers["etag"], 200)):
            again = client.get(url, headers={"accept-encoding": "br", "if-none-match": tag})
            assert again.status_code == status, tag
        assert again.headers["content-encoding"] == "br"
        small = client.get("/robots.txt", headers={"accept-encoding": "br"})
        assert small.headers.get("content-encoding") is None


@pytest.mark.parametrize(
    ("header", "coding"),
    [
        (None, "identity"),
        ("identity", "identity"),
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("br;q=0, gzip;q=0", "identity"),
        ("*", "br"),
        ("*;q=0.1, gzip", "gzip"),
        ("deflate", "identity"),
        ("BR;Q=1", "br"),
        ("gzip;q=nonsense, br", "br"),
    ],
)
def test_the_preferred_coding_follows_the_weights(header: str | None, coding: str) -> None:
    assert preferred_coding(header) == coding


# Error answers worth compressing: a 404 page, a form's 400, a 404 problem+json with suggestions.
ERRORS = ("/models/no-such-model", "/?sort=nope", "/calculator?model0=nope", "/api/v1/models/kimi")
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("url", ERRORS)
def test_error_answers_are_compressed_by_the_clients_preference_with_vary(
    catalog: Catalog, url: str
) -> None:
    with client_for(catalog) as client:
        plain = client.get(url, headers={"accept-encoding": "identity"})
        assert plain.status_code in (400, 404) and len(plain.content) >= GZIP_MINIMUM_SIZE
        assert plain.headers.get("content-encoding") is None
        cases = (("br", "br"), ("gzip, br", "br"), ("gzip", "gzip"), ("gzip;q=0", None))
        for accept, coding in cases:
            with client.stream("GET", url, headers={"accept-encoding": accept}) as response:
                raw = b"".join(response.iter_raw())
                headers, status = response.headers, response.status_code
            assert status == plain.status_code, (url, accept)
            assert headers.get("content-encoding") == coding, (url, accept)
            assert headers["vary"] == "Accept-Encoding", (url, accept)
            assert headers["cache-control"] == "no-store" and "etag" not in headers
            assert (DECODE[coding](raw) if coding else raw) == plain.content, (url, accept)
            assert_security_headers(headers, f"{url} {accept}")


def test_small_error_answers_are_not_compressed(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        small = client.get("/nope.json", headers={"accept-encoding": "br, gzip"})
        assert small.status_code == 404 and len(small.content) < GZIP_MINIMUM_SIZE
        assert small.headers.get("content-encoding") is None and "vary" not in small.headers


def test_a_client_refusing_gzip_gets_identity(catalog: Catalog) -> None:
    """``gzip;q=0`` refuses gzip (RFC 9110 §12.5.3): a page's identity body stays identity
    (Starlette's middleware alone gzips it: "gzip" is in the header)."""
    with client_for(catalog) as client:
        for url in (f"/models/{KIMI}", "/models/no-such-model"):
            response = client.get(url, headers={"accept-encoding": "gzip;q=0, deflate"})
            assert response.headers.get("content-encoding") is None, url
            assert response.headers["vary"] == "Accept-Encoding", url
