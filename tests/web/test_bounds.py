"""Hardening of the server (issue "hardening", items 1, 2, 3, 5 and 8): every request does
bounded work, holds bounded memory, never trusts the Host header, and answers bad numbers,
duplicate parameters and conditional requests correctly.

No timed test: bounded work is checked with a generous alarm (``support.bounded``) on inputs
where a quadratic algorithm needs minutes, and "off the event loop" is checked structurally
(the builder runs where no event loop is running).
"""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.bounded import finishes
from support.web_support import (
    KIMI,
    MIXTRAL,
    PAIR,
    assert_security_headers,
    client_for,
    problem_url,
)

from tradeoff.db.queries import Catalog
from tradeoff.web.app import create_app
from tradeoff.web.requests import split_pair
from tradeoff.web.site import Site

if TYPE_CHECKING:
    from starlette.testclient import TestClient


@pytest.fixture
def client(catalog: Catalog) -> Iterator[TestClient]:
    with client_for(catalog) as opened:  # a fresh app: an empty render cache
        yield opened


def site_of(client: TestClient) -> Site:
    site: Site = client.app.state.site  # type: ignore[attr-defined]
    return site


def _problem(client: TestClient, url: str, status: int, **headers: str) -> dict[str, object]:
    url = problem_url(url)
    response = client.get(url, headers=headers)
    assert response.status_code == status, (url[:80], response.status_code, response.text[:300])
    assert response.headers["content-type"].startswith("application/problem+json")
    assert_security_headers(response.headers, url[:80])
    body: dict[str, object] = response.json()
    return body


# --- 1. one request never freezes the others


def test_a_30000_digit_model_name_is_refused_by_the_path_limit(client: TestClient) -> None:
    url = "/api/v1/models/" + "1" * 30_000 + "x-2501"
    body = finishes(lambda: _problem(client, url, 414))
    assert "path" in str(body["detail"]) and "1024" in str(body["detail"])


def test_a_60000_digit_compare_query_is_refused_by_the_query_limit(client: TestClient) -> None:
    url = "/api/v1/compare?models=" + "1" * 60_000 + "x-2501," + KIMI
    body = finishes(lambda: _problem(client, url, 414))
    assert "query" in str(body["detail"]) and "4096" in str(body["detail"])


def test_a_long_parameter_value_is_a_400_naming_it(client: TestClient) -> None:
    body = _problem(client, "/api/v1/compare?models=" + "1" * 2000 + "x-2501," + KIMI, 400)
    assert body["parameter"] == "models" and "1024" in str(body["detail"])


def test_a_long_host_header_is_a_400(client: TestClient) -> None:
    body = _problem(client, "/robots.txt", 400, host="a" * 100_000)
    assert "Host" in str(body["detail"])


def test_splitting_a_pair_with_many_separators_is_bounded(catalog: Catalog) -> None:
    """Every split of 100,000 `-vs-` pieces used to join both halves: quadratic."""
    with client_for(catalog) as client:
        site = site_of(client)
        pair = "-vs-".join(["x"] * 100_000)
        with pytest.raises(Exception) as raised:
            finishes(lambda: split_pair(site, pair))
        assert getattr(raised.value, "status", None) == 404


def test_an_uncached_page_is_built_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building and rendering a page is CPU work: it runs in a worker thread, so a slow page
    never holds the event loop (and every other request) while it is built."""
    on_loop: list[bool] = []
    from tradeoff.pages.model import model_context as real

    def spy(*args: object) -> object:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr("tradeoff.web.resolvers.model_context", spy)
    assert client.get(f"/models/{KIMI}.md").status_code == 200
    assert on_loop == [False]


def _running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def test_downloads_are_read_and_built_off_the_event_loop(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradeoff.db.download_files import plain_chunks as plain
    from tradeoff.pages.downloads import build_downloads as real

    on_loop: list[bool] = []

    def chunks(db_path: Path, name: str) -> Iterator[bytes]:
        on_loop.append(_running_loop())  # runs at the first chunk: where the file is read
        yield from plain(db_path, name)

    monkeypatch.setattr("tradeoff.web.stored_files.plain_chunks", chunks)
    plain_csv = client.get("/downloads/models.csv", headers={"accept-encoding": "identity"})
    assert plain_csv.status_code == 200
    assert on_loop == [False]  # stored at build: streamed from the database by a thread

    def spy(catalog: Catalog) -> object:
        on_loop.append(_running_loop())
        return real(catalog)

    # A database without them: built once, in a worker thread.
    monkeypatch.setattr("tradeoff.web.resources.stored_file", lambda catalog, name: None)
    monkeypatch.setattr("tradeoff.web.resources.build_downloads", spy)
    assert client.get("/downloads/models.csv").status_code == 200
    assert on_loop == [False, False]


# --- 2. the render cache is bounded in bytes, keys included, and keyed canonically


def test_the_render_cache_counts_its_keys(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        site = Site(site_of(client).catalog, site_of(client).env, cache_bytes=64 * 1024)
    for i in range(200):
        site.remember(f"/index.md?q={i:04d}{'x' * 2000}", b"body")
    used = sum(len(k.encode()) + len(v) for k, v in site._bodies.items())
    assert used <= 64 * 1024


def test_spellings_of_the_same_query_share_one_cache_entry(client: TestClient) -> None:
    for query in (
        "min_context=1000",
        "min_context=1,000",
        "min_context=1_000",
        "order=&min_context=1000",
        "min_context=1k",
    ):
        assert client.get(f"/index.md?{query}").status_code == 200, query
    assert len(site_of(client)._bodies) == 1


def test_an_unknown_parameter_creates_no_cache_entry(client: TestClient) -> None:
    for i in range(20):
        assert client.get(f"/models/{KIMI}.md?junk{i}=1").status_code == 400
    assert len(site_of(client)._bodies) == 0


# --- 3. absolute URLs come from the configured base URL, never from the Host header


def _app_client(catalog: Catalog, **kwargs: object) -> TestClient:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

        return TestClient(create_app(catalog.path, **kwargs), follow_redirects=False)  # type: ignore[arg-type]


def test_absolute_urls_come_from_the_base_url_not_the_host(catalog: Catalog) -> None:
    client = _app_client(
        catalog, base_url="https://tradeoff.example", allowed_hosts=["testserver", "mirror.example"]
    )
    with client:
        for host in ("mirror.example", "testserver"):
            page = client.get(PAIR, headers={"host": host}).text
            assert 'href="https://tradeoff.example/compare/' in page
            assert "mirror.example" not in page and "testserver" not in page
            sitemap = client.get("/sitemap.xml", headers={"host": host}).text
            assert "<loc>https://tradeoff.example/" in sitemap and host not in sitemap
            robots = client.get("/robots.txt", headers={"host": host}).text
            assert "Sitemap: https://tradeoff.example/sitemap.xml" in robots


def test_an_untrusted_host_is_a_400_and_caches_nothing(catalog: Catalog) -> None:
    with _app_client(catalog, base_url="https://tradeoff.example") as client:
        body = _problem(client, PAIR, 400, host="attacker.example")
        assert "attacker.example" in str(body["detail"])
        assert len(site_of(client)._bodies) == 0
        assert client.get(PAIR, headers={"host": "tradeoff.example"}).status_code == 200


# --- 5. one parser for every integer parameter


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/?min_context=%C2%B2", "min_context"),  # ² : isdigit() but not int()
        ("/index.json?min_context=%D9%A3", "min_context"),  # Arabic-Indic 3
        ("/calculator?input_tokens=%C2%B2", "input_tokens"),
        ("/api/v1/cost?models=" + KIMI + "&input_tokens=1&output_tokens=%C2%B3", "output_tokens"),
        ("/calculator.md?requests=" + "9" * 1000, "requests"),  # 5,000 digits: a 414
        ("/index.json?min_context=" + "9" * 200, "min_context"),
        ("/calculator?input_tokens=-5", "input_tokens"),
        (PAIR + "?blend=%D9%A3:1", "blend"),  # int("٣") == 3
        ("/?max_input_price=%D9%A3", "max_input_price"),
    ],
)
def test_a_bad_integer_is_a_400_naming_its_parameter(
    client: TestClient, url: str, parameter: str
) -> None:
    assert _problem(client, url, 400)["parameter"] == parameter


@pytest.mark.parametrize("fmt", ["", ".md", ".json"])
def test_the_largest_workload_prices_without_overflow(client: TestClient, fmt: str) -> None:
    url = (
        f"/calculator{fmt}?models={KIMI},{MIXTRAL}"
        "&input_tokens=999999999999999&output_tokens=999999999999999&requests=999999999999999"
    )
    response = client.get(url)
    assert response.status_code == 200, response.text[:300]


# --- 8. duplicates, conditional requests


def test_a_repeated_single_valued_parameter_is_a_400_naming_it(client: TestClient) -> None:
    body = _problem(client, "/?sort=name&sort=lab", 400)
    assert body["parameter"] == "sort" and "once" in str(body["detail"])
    assert client.get("/?capability=tool_call&capability=vision").status_code == 200


def _etag(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return str(response.headers["etag"])


@pytest.mark.parametrize(
    "header",
    [
        "*",
        "{etag}",
        "{weak}",
        '"other", {etag}',
        '"other",{weak} , W/"x"',
    ],
)
def test_if_none_match_uses_weak_comparison(client: TestClient, header: str) -> None:
    etag = _etag(client, f"/models/{KIMI}.json")
    value = header.format(etag=etag, weak=f"W/{etag}")
    assert client.get(f"/models/{KIMI}.json", headers={"if-none-match": value}).status_code == 304


@pytest.mark.parametrize("header", ['W/"{bare}junk"', "x{etag}x", '"{bare}', ""])
def test_if_none_match_is_not_a_substring_test(client: TestClient, header: str) -> None:
    etag = _etag(client, f"/models/{KIMI}.json")
    value = header.format(etag=etag, bare=etag.removeprefix('W/"').removesuffix('"'))
    assert client.get(f"/models/{KIMI}.json", headers={"if-none-match": value}).status_code == 200
