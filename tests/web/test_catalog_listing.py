"""The catalog table: pages of rows (page links keep filters and ticks), ticked models kept
in the URL (``models=``) across searches, the default order, and its twins' counts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient
from support.web_support import KIMI, MIXTRAL, client_for

from tradeoff import urls
from tradeoff.compare.wording import short_tokens
from tradeoff.db.queries import Catalog
from tradeoff.pages import catalog_listing

PER_PAGE = 3  # the test catalog has 8 models: three pages


@pytest.fixture
def client(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(catalog_listing, "PER_PAGE", PER_PAGE)
    yield client_for(catalog)


def twin(client: TestClient, query: str) -> Any:
    response = client.get(f"/index.json?{query}")
    assert response.status_code == 200, response.text[:300]
    return response.json()


def test_pages_partition_the_matching_rows(client: TestClient) -> None:
    first = twin(client, "kind=all")
    assert first["pages"] == 3 and first["per_page"] == PER_PAGE
    assert first["shown"] == len(first["models"]) == PER_PAGE
    assert first["count"] == first["total"]
    ids = [m["id"] for m in first["models"]]
    for page in (2, 3):
        more = twin(client, f"kind=all&page={page}")
        assert more["count"] == first["count"] and more["page"] == page
        assert more["first"] == (page - 1) * PER_PAGE + 1
        ids += [m["id"] for m in more["models"]]
    assert len(ids) == len(set(ids)) == first["count"]
    # a page past the last shows the last
    assert twin(client, "kind=all&page=99")["page"] == 3


def test_default_order_is_most_providers_first(client: TestClient) -> None:
    rows = twin(client, "kind=all&page=1")["models"]
    counts = [m["provider_count"] for m in rows]
    assert counts == sorted(counts, reverse=True)
    body = client.get("/").text
    assert "most people compare" in body  # the page says why
    assert 'id="summary"' in body and "sorted by Providers (descending)" in body


def test_page_links_keep_filters_and_ticks(client: TestClient) -> None:
    body = client.get(f"/?kind=all&models={KIMI}&open_weights=yes").text
    ctx = twin(client, f"kind=all&models={KIMI}&open_weights=yes")
    for link in ctx["page_links"]:
        assert f"models={KIMI}" in link["url"] and "open_weights=yes" in link["url"]
    assert [m["id"] for m in ctx["selected"]] == ["moonshotai/kimi-k2-instruct"]
    assert f'value="{KIMI}" aria-label="Tick Kimi K2 Instruct" checked' in body
    # the sort links and the kind tabs keep the ticks too
    assert all(f"models={KIMI}" in u for u in ctx["sort_links"].values())
    assert all(f"models={KIMI}" in t["url"] for t in ctx["kinds"])


def test_ticks_survive_a_search(client: TestClient) -> None:
    ctx = twin(client, f"q=mixtral&models={KIMI}")
    assert [m["id"] for m in ctx["selected"]] == ["moonshotai/kimi-k2-instruct"]
    assert all("mixtral" in m["id"] for m in ctx["models"])
    assert ctx["filters"]["sort"] == "relevance"
    body = client.get(f"/?q=mixtral&models={KIMI}").text
    assert 'tbody class="ticked"' in body and f'value="{KIMI}"' in body
    # the header's search box carries the ticks
    assert f'<input type="hidden" name="models" value="{KIMI}">' in body


def test_compare_button_goes_to_the_ticked_models(client: TestClient) -> None:
    two = client.get(f"/?models={KIMI},{MIXTRAL}&compare=1")
    assert two.status_code == 301
    assert two.headers["location"] == urls.compare([KIMI, MIXTRAL])
    one = client.get(f"/?models={KIMI}&compare=1")
    assert one.status_code == 400 and one.headers["content-type"].startswith("text/html")
    assert 'id="err-compare"' in one.text and "(1 ticked)" in one.text
    assert f'value="{KIMI}" aria-label="Tick Kimi K2 Instruct" checked' in one.text
    five = f"{KIMI},{MIXTRAL},openai--gpt-oss-120b,google--gemini-2.5-pro,deepseek--deepseek-r1"
    fifth = client.get(f"/?kind=all&models={five}&compare=1")
    assert fifth.status_code == 400 and "(5 ticked)" in fifth.text
    assert fifth.text.count("checked>") >= 5  # every tick kept, ticked


def test_an_unknown_tick_is_named_and_the_rest_kept(client: TestClient) -> None:
    response = client.get(f"/?models={KIMI},mixtral-8x7b-instrct")
    assert response.status_code == 404
    assert 'id="err-models"' in response.text and "mixtral-8x7b-instrct" in response.text
    assert "Mixtral 8x7B" in response.text  # the closest name, offered as a link
    assert f'value="{KIMI}" aria-label="Tick Kimi K2 Instruct" checked' in response.text
    problem = client.get(f"/index.json?models={KIMI},nonesuch")
    assert problem.status_code == 404
    assert problem.headers["content-type"] == "application/problem+json"
    assert problem.json()["parameter"] == "models"


def test_every_page_has_the_header_search(client: TestClient) -> None:
    for path in ("/", f"/models/{KIMI}", "/calculator", "/compare", "/nonesuch"):
        body = client.get(path).text
        assert '<form class="site-search" method="get" action="/" role="search"' in body, path


def test_the_price_caption_names_the_headline_route(client: TestClient) -> None:
    # the rows carry each model's headline route (the cheapest comparable offering); the caption
    # said "the cheapest active provider's", which a quantized or promotional route may be
    for path in ("/", "/index.md"):
        text = client.get(path).text
        assert "cheapest active provider" not in text, path
        assert "cheapest comparable" in text, path


def test_context_filter_labels_are_the_tables_short_forms(client: TestClient) -> None:
    # "Context at least 32K tokens" meant 32,768 (binary) while the table showed a 32,000
    # window as "32,000 (32K)": a model the label names was filtered out. Each label is now
    # the short form the table uses for the option's count.
    page = client.get("/").text
    select = page.split('<select id="min_context"', 1)[1].split("</select>", 1)[0]
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+) tokens</option>', select)
    assert options
    for value, label in options:
        assert short_tokens(int(value)) == label


@pytest.mark.parametrize(("value", "label"), [("32768", "32.8K"), ("32000", "32K")])
def test_the_context_filter_shows_the_minimum_it_applies(
    client: TestClient, value: str, label: str
) -> None:
    # a bookmark from before the decimal labels (min_context=32768) filtered the table while
    # the select read "any": the page must show the filter it applies
    page = client.get("/", params={"min_context": value}).text
    select = page.split('<select id="min_context"', 1)[1].split("</select>", 1)[0]
    selected = re.findall(r'<option value="(\d*)" selected>([^<]+)</option>', select)
    assert selected == [(value, f"{label} tokens")]


def test_the_price_filter_is_echoed_as_money_is_written(client: TestClient) -> None:
    # "input ≤ $1500/1M" sat beside "context ≥ 1,000" and "$1,500.00" in the table
    page = client.get("/index.md", params={"max_input_price": "1500", "min_context": "1000"})
    assert "input ≤ $1,500/1M" in page.text and "context ≥ 1,000" in page.text
    # the cap as written, never rounded: 0.14999 filtered apart from 0.15 under the same words
    page = client.get("/index.md", params={"max_output_price": "0.14999"})
    assert "output ≤ $0.14999/1M" in page.text
