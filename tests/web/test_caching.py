"""Caching for a CDN: Cache-Control with stale-while-revalidate / stale-if-error, strong ETags
from the bytes, 304 on If-None-Match per encoding, the same bytes from every replica, /healthz,
and the static build's nginx config sending the same Cache-Control."""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.types import Message, Receive, Scope, Send
from support.web_support import KIMI, MIXTRAL, PAIR, assert_security_headers, client_for

from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database
from tradeoff.web.caching import (
    CACHE_CONTROL,
    MAX_AGE,
    STALE_IF_ERROR,
    STALE_WHILE_REVALIDATE,
    Representations,
    ResponseCache,
    accepts_gzip,
)

ROOT = Path(__file__).resolve().parents[2]
URLS = (
    "/",
    PAIR,
    f"/models/{KIMI}.json",
    f"/models/{KIMI}.md",
    f"/api/v1/models/{KIMI}",
    "/sitemap.xml",
    "/robots.txt",
    "/static/site.css",
)
IDENTITY = {"accept-encoding": "identity"}
GZIP = {"accept-encoding": "gzip"}


def test_cache_control_lets_a_cdn_serve_stale_while_it_revalidates() -> None:
    parts = (p.strip().partition("=") for p in CACHE_CONTROL.split(","))
    directives = {name: value for name, _, value in parts}
    assert directives["public"] == ""
    assert int(directives["max-age"]) == MAX_AGE > 0
    assert int(directives["stale-while-revalidate"]) == STALE_WHILE_REVALIDATE > 0
    assert int(directives["stale-if-error"]) == STALE_IF_ERROR >= STALE_WHILE_REVALIDATE


@pytest.mark.parametrize("url", URLS)
def test_every_cached_answer_has_cache_control_and_a_strong_etag_of_its_bytes(
    catalog: Catalog, url: str
) -> None:
    with client_for(catalog) as client:
        plain = client.get(url, headers=IDENTITY)
        assert plain.status_code == 200
        assert plain.headers["cache-control"] == CACHE_CONTROL
        etag = plain.headers["etag"]
        assert not etag.startswith("W/")
        assert etag == f'"{hashlib.sha256(plain.content).hexdigest()[:32]}"'


def test_gzip_is_another_representation_with_its_own_strong_etag(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        plain = client.get(PAIR, headers=IDENTITY)
        with client.stream("GET", PAIR, headers=GZIP) as packed:
            raw = b"".join(packed.iter_raw())
            headers = packed.headers
    assert headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert headers["etag"] != plain.headers["etag"] and not headers["etag"].startswith("W/")
    assert gzip.decompress(raw) == plain.content
    assert raw[4:8] == b"\0\0\0\0"  # mtime 0: the same bytes on every request and replica


def test_if_none_match_gives_304_for_the_representation_the_client_gets(
    catalog: Catalog,
) -> None:
    with client_for(catalog) as client:
        plain = client.get(PAIR, headers=IDENTITY).headers["etag"]
        packed = client.get(PAIR, headers=GZIP).headers["etag"]
        for headers, tag in ((IDENTITY, plain), (GZIP, packed)):
            again = client.get(PAIR, headers={**headers, "if-none-match": tag})
            assert again.status_code == 304 and again.content == b""
            assert again.headers["etag"] == tag
            assert again.headers["cache-control"] == CACHE_CONTROL
            assert again.headers["vary"] == "Accept-Encoding"
            assert_security_headers(again.headers, "304")
        # A cache holding the gzip form asks without accepting gzip: it gets the plain 200.
        other = client.get(PAIR, headers={**IDENTITY, "if-none-match": packed})
        assert other.status_code == 200 and other.headers["etag"] == plain
        # Both stored forms listed (a cache with two variants): the one that applies is named.
        both = client.get(PAIR, headers={**GZIP, "if-none-match": f"{plain}, {packed}"})
        assert both.status_code == 304 and both.headers["etag"] == packed


def test_replicas_send_the_same_bytes_and_etags(catalog: Catalog) -> None:
    """N replicas behind one CDN: two apps on one catalog agree byte for byte."""
    with client_for(catalog) as one, client_for(catalog) as two:
        for url in URLS:
            for headers in (IDENTITY, GZIP):
                with one.stream("GET", url, headers=headers) as a:
                    body_a, tag_a = b"".join(a.iter_raw()), a.headers["etag"]
                with two.stream("GET", url, headers=headers) as b:
                    body_b, tag_b = b"".join(b.iter_raw()), b.headers["etag"]
                assert (body_a, tag_a) == (body_b, tag_b), url


def test_error_answers_are_not_cached(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        for url in ("/models/no-such-model", "/api/v1/models/no-such-model", "/?sort=nope"):
            response = client.get(url)
            assert response.status_code in (400, 404)
            assert response.headers["cache-control"] == "no-store"
            assert "etag" not in response.headers


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("gzip", True),
        ("gzip, deflate, br", True),
        ("br;q=1.0, gzip;q=0.5", True),
        ("*", True),
        ("GZIP", True),
        ("gzip;q=0", False),
        ("*, gzip;q=0", False),
        ("*;q=0", False),
        ("identity", False),
        ("deflate, br", False),
        ("gzip;q=nonsense", False),
        ("", False),
        (None, False),
    ],
)
def test_accept_encoding_weights(header: str | None, accepted: bool) -> None:
    assert accepts_gzip(header) is accepted


def test_representations_are_reused_for_the_same_body_and_bounded() -> None:
    kept = Representations(entries=2)
    body = b"x" * 1000
    first = kept.of("a", body)
    assert kept.of("a", body) is first  # same bytes: ETag and gzip form reused
    changed = kept.of("a", b"y" * 1000)  # other bytes under the key (rendered anew)
    assert changed is not first and changed.etag != first.etag
    kept.of("b", b"b")
    kept.of("c", b"c")
    assert len(kept) == 2 and kept.of("a", b"y" * 1000) is not changed  # evicted: 2 at most
    small = Representations(gzip_bytes=100)
    noisy = small.of("a", hashlib.sha512(b"seed").digest() * 40)
    assert small.gzip_bytes == 0  # gzip forms are made when first asked for
    packed = noisy.gzipped()
    assert small.gzip_bytes == len(packed) > 100
    small.of("b", b"b")  # over the bound: the oldest goes
    assert small.gzip_bytes == 0 and len(small) == 1


def test_healthz_answers_the_catalog_version_for_any_host(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        response = client.get("/healthz", headers={"host": "10.0.0.7:8000"})
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "catalog_version": catalog.version}
        assert response.headers["cache-control"] == "no-store"
        # Any other path still checks the Host.
        assert client.get("/robots.txt", headers={"host": "10.0.0.7:8000"}).status_code == 400


def test_nginx_config_of_the_docs_sends_the_same_cache_control() -> None:
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    config = text.split("```nginx", 1)[1].split("```", 1)[0]
    sent = re.findall(r'add_header\s+Cache-Control\s+"([^"]+)"', config)
    assert sent and all(value == CACHE_CONTROL for value in sent), sent
    assert re.search(r"^\s*etag on;", config, re.M)


def _asgi_get(
    app: ResponseCache, path: str, headers: dict[str, str], method: str = "GET"
) -> tuple[int, dict[bytes, bytes], bytes]:
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": [(k.encode(), v.encode()) for k, v in headers.items()],
    }
    sent: list[Message] = []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    # In a thread of its own: another test (Playwright's sync API) may leave a loop running.
    with ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, app(scope, receive, send)).result()
    start, *bodies = sent
    return start["status"], dict(start["headers"]), b"".join(b.get("body", b"") for b in bodies)


def test_response_cache_answers_a_request_again_without_the_app() -> None:
    calls: list[str] = []

    async def inner(scope: Scope, receive: Receive, send: Send) -> None:
        calls.append(scope["path"])
        cacheable = scope["path"].startswith("/page")
        headers = [
            (b"content-type", b"text/html"),
            (b"cache-control", CACHE_CONTROL.encode() if cacheable else b"no-store"),
            *([(b"etag", b'"abc"')] if cacheable else []),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": f"body of {scope['path']}".encode()})

    cache = ResponseCache(inner, entries=2)
    first = _asgi_get(cache, "/page", {})
    assert _asgi_get(cache, "/page", {}) == first and calls == ["/page"]  # stored
    assert _asgi_get(cache, "/page", {"if-none-match": '"abc"'})[:2] == (
        304,
        {b"cache-control": CACHE_CONTROL.encode(), b"etag": b'"abc"'},
    )
    head = _asgi_get(cache, "/page", {}, method="HEAD")
    assert head == (200, first[1], b"") and calls == ["/page"]
    _asgi_get(cache, "/page", {"accept-encoding": "gzip"})  # another form: another entry
    assert calls == ["/page", "/page"]
    _asgi_get(cache, "/other", {})  # no-store: never kept
    _asgi_get(cache, "/other", {})
    assert calls.count("/other") == 2 and len(cache) == 2
    _asgi_get(cache, "/page2", {})  # a third entry: the oldest goes
    assert len(cache) == 2
    _asgi_get(cache, "/page", {})
    assert calls.count("/page") == 3
    small = ResponseCache(inner, body_bytes=8 * len(b"body of /page1"))
    for n in range(1, 10):
        _asgi_get(small, f"/page{n}", {})
    assert small.body_bytes <= 8 * len(b"body of /page1") and len(small) == 8


def test_response_cache_keeps_the_app_answers_identical(catalog: Catalog) -> None:
    """Served from the store, a page is what the app sent: same body, headers, 304."""
    with client_for(catalog) as client:
        for headers in (IDENTITY, GZIP):
            first = client.get(PAIR, headers=headers)
            again = client.get(PAIR, headers=headers)
            assert again.content == first.content
            assert again.headers == first.headers
            tag = first.headers["etag"]
            revalidated = client.get(PAIR, headers={**headers, "if-none-match": tag})
            assert revalidated.status_code == 304
            assert_security_headers(revalidated.headers, "304 from the store")


# A route that is not Kimi K2 Instruct's cheapest: Cortecs, input 0.551 → 0.451 a 1M tokens.
CORTECS_ROUTE = '"input_per_mtok": "0.551", "output_per_mtok": "2.646"'


def test_etags_of_pages_a_data_refresh_leaves_unchanged_stay_equal(
    catalog: Catalog, catalog_dir: Path, tmp_path: Path
) -> None:
    """A CDN revalidating after a one-price refresh gets 304s for every page that does not
    show that price: an ETag is the hash of the bytes sent, not of the catalog version."""
    text = tmp_path / "catalog"
    shutil.copytree(catalog_dir, text)
    prices = text / "imports/models-dev.json"
    assert prices.read_text().count(CORTECS_ROUTE) == 1
    prices.write_text(
        prices.read_text().replace(CORTECS_ROUTE, CORTECS_ROUTE.replace("0.551", "0.451"))
    )
    refreshed = Catalog(ensure_database(text, tmp_path / "refreshed.sqlite"))
    assert refreshed.version != catalog.version
    unchanged = (f"/models/{MIXTRAL}", f"/models/{MIXTRAL}.json", "/robots.txt")
    changed = (f"/models/{KIMI}", f"/models/{KIMI}.json", "/providers/cortecs")
    try:
        with client_for(catalog) as old, client_for(refreshed) as new:
            for coding in ("identity", "gzip", "br"):
                for url in unchanged + changed:
                    a = old.get(url, headers={"accept-encoding": coding})
                    b = new.get(url, headers={"accept-encoding": coding})
                    assert a.status_code == b.status_code == 200, url
                    same = (a.headers["etag"] == b.headers["etag"], a.content == b.content)
                    assert same == ((url in unchanged),) * 2, (url, coding)
                    # the old tag revalidated against the refreshed server
                    check = {"accept-encoding": coding, "if-none-match": a.headers["etag"]}
                    status = new.get(url, headers=check).status_code
                    assert status == (304 if url in unchanged else 200), (url, coding)
    finally:
        refreshed.close()
