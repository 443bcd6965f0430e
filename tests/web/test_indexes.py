"""The index pages `/providers`, `/labs`, `/benchmarks`: counts equal their lists, the page
shows one row per item, unknowns say so, and each page is linked and in the sitemap."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from support.web_support import client_for

from tradeoff.db.queries import Catalog

if TYPE_CHECKING:
    from starlette.testclient import TestClient

# path → (list key, count key)
INDEXES = {
    "/providers": ("providers", "provider_count"),
    "/labs": ("labs", "lab_count"),
    "/benchmarks": ("benchmarks", "benchmark_count"),
}


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    yield client_for(catalog)


@pytest.mark.parametrize("path", list(INDEXES))
def test_counts_equal_the_lists_and_the_rows(client: TestClient, path: str) -> None:
    items, count = INDEXES[path]
    ctx = client.get(path + ".json").json()
    assert ctx[count] == len(ctx[items]) > 0
    page = client.get(path).text
    rows = re.findall(r'<tr data-id="([^"]+)"', page)
    assert rows == [i["id"] for i in ctx[items]]
    assert f">{ctx[count]}</strong>" in page
    md = client.get(path + ".md").text
    assert f"{ctx[count]} " in md and md.count("\n| ") == len(ctx[items]) + 1  # header + rows


def test_provider_counts_add_up(client: TestClient, catalog: Catalog) -> None:
    ctx = client.get("/providers.json").json()
    assert sum(k["count"] for k in ctx["kinds"]) == ctx["provider_count"]
    assert ctx["active_count"] + ctx["defunct_count"] == ctx["provider_count"]
    assert ctx["active_count"] == sum(1 for p in ctx["providers"] if p["status"] == "active")
    assert {p["id"] for p in ctx["providers"]} == set(catalog.providers)
    for p in ctx["providers"]:
        assert p["offering_count"] == len(
            [o for o in catalog.offerings if o.provider_id == p["id"]]
        )
    assert client.get("/api/v1/providers").json() == ctx


def test_lab_counts_match_the_lab_pages(client: TestClient, catalog: Catalog) -> None:
    ctx = client.get("/labs.json").json()
    assert ctx["model_count"] == sum(lab["model_count"] for lab in ctx["labs"])
    for lab in ctx["labs"][:5]:
        assert client.get(lab["page"] + ".json").json()["model_count"] == lab["model_count"]


def test_benchmark_counts_and_unknowns(client: TestClient) -> None:
    ctx = client.get("/benchmarks.json").json()
    assert ctx["result_count"] == sum(b["result_count"] for b in ctx["benchmarks"])
    assert all(b["model_count"] <= b["result_count"] for b in ctx["benchmarks"])
    page = client.get("/benchmarks").text
    missing = sum(1 for b in ctx["benchmarks"] if not b["homepage"])
    assert page.count('<span class="unknown">not yet sourced</span>') == missing


def test_indexes_are_linked_and_in_the_sitemap(client: TestClient) -> None:
    home = client.get("/").text
    sitemap = client.get("/sitemap.xml").text
    for path in (*INDEXES, "/api"):
        assert f'href="{path}"' in home
        assert f"{path}</loc>" in sitemap
