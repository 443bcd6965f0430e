"""The route table: every entry is served the same way (format, query model, resolver, renderer).

Examples are picked from whatever catalog the ``catalog`` fixture holds, so these tests do
not depend on particular models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from support.web_support import assert_security_headers, client_for, problem_url

from tradeoff import urls
from tradeoff.db.history_queries import models_with_history
from tradeoff.db.queries import Catalog
from tradeoff.pages.score_chart import all_series
from tradeoff.web.responses import MEDIA_TYPES
from tradeoff.web.routes import API, PAGES, AnyPage, api_routes

if TYPE_CHECKING:
    from starlette.testclient import TestClient

ENTRIES: list[AnyPage] = [*PAGES, *API]


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    yield client_for(catalog)


@pytest.fixture(scope="module")
def examples(catalog: Catalog) -> dict[str, str]:
    """For each entry of the table: a URL of its first format that answers 200."""
    models = sorted(catalog.models.values(), key=lambda m: m.id)
    served = next(m for m in models if catalog.offerings_for(m.id))
    with_history = models_with_history(catalog.connection())
    dated = next(m for m in models if m.id in with_history)
    pair = [models[0].slug, models[1].slug]
    three = [m.slug for m in models[:3]]
    provider = next(iter(catalog.providers))
    lab = next(iter(catalog.labs))
    cost = {"models": served.slug, "input_tokens": "1000", "output_tokens": "100"}
    return {
        "catalog": urls.home(),
        "model": urls.model(served.slug),
        "provider": urls.provider(provider),
        "lab": urls.lab(lab),
        "providers": urls.index("providers"),
        "labs": urls.index("labs"),
        "benchmarks": urls.index("benchmarks"),
        "api-docs": urls.api_docs(),
        "compare": urls.compare(three),
        "compare-pair": urls.compare(pair),
        "calculator": urls.calculator([served.slug]),
        "price-vs-score": urls.price_vs_score(),
        "price-by-provider": urls.chart("price-by-provider", {"model": served.slug}),
        "price-history": urls.chart("price-history", {"model": dated.slug}),
        "trends": urls.trends(),
        "compare-prices": urls.compare_chart("prices", pair),
        "compare-scores": urls.compare_chart("scores", pair),
        "downloads": urls.download(""),
        "changes": urls.changes({"kind": ["price-cut", "retirement"], "lab": lab}),
        "api-openapi": urls.api("openapi.json"),
        "api-models": urls.api("models"),
        "api-model": urls.api(f"models/{served.id}"),
        "api-compare": urls.api("compare", {"models": ",".join(pair)}),
        "api-cost": urls.api("cost", cost),
        "api-providers": urls.api("providers"),
        "api-provider": urls.api(f"providers/{provider}"),
        "api-labs": urls.api("labs"),
        "api-lab": urls.api(f"labs/{lab}"),
        "api-conflicts": urls.api("conflicts"),
    }


def _with(url: str, param: str) -> str:
    return url + ("&" if "?" in url else "?") + param


def test_every_entry_has_an_example(examples: dict[str, str]) -> None:
    """A new page must be added here (and so gets the checks below)."""
    assert {page.name for page in ENTRIES} == set(examples)


@pytest.mark.parametrize("page", ENTRIES, ids=lambda p: p.name)
def test_every_entry_answers_each_of_its_formats(
    client: TestClient, catalog: Catalog, examples: dict[str, str], page: AnyPage
) -> None:
    for fmt in page.formats:
        if fmt == "svg" and page.name == "price-vs-score" and not all_series(catalog):
            continue  # no benchmark to plot in this catalog
        url = examples[page.name] if fmt == page.formats[0] else urls.twin(examples[page.name], fmt)
        response = client.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        assert response.headers["content-type"] == MEDIA_TYPES[fmt], url
        assert_security_headers(response.headers, url)


@pytest.mark.parametrize("page", ENTRIES, ids=lambda p: p.name)
def test_an_unknown_parameter_is_the_same_400_everywhere(
    client: TestClient, examples: dict[str, str], page: AnyPage
) -> None:
    url = problem_url(_with(examples[page.name], "nonesuch=1"))
    response = client.get(url)
    assert response.status_code == 400, (url, response.text[:300])
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["parameter"] == "nonesuch"
    known = ", ".join(sorted(page.query.model_fields))
    expected = f"known: {known}" if known else "this page takes no query parameters"
    assert body["detail"] == f"unknown parameter 'nonesuch'; {expected}"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/?min_context=lots", "min_context"),
        ("/?capability=telepathy", "capability"),
        ("/calculator?requests=1e9", "requests"),
        ("/calculator?input_tokens=10&cached_tokens=20", "cached_tokens"),
        ("/compare?models=a,b,c,d,e", "models"),
        ("/compare?blend=0:0", "blend"),
        ("/api/v1/compare", "models"),
        ("/api/v1/cost?models=x&output_tokens=1", "input_tokens"),
        ("/charts/price-by-provider.svg", "model"),
        ("/api/v1/cost?colour=red", "colour"),  # a typo is named before what is missing
    ],
)
def test_a_malformed_parameter_is_named(client: TestClient, url: str, parameter: str) -> None:
    response = client.get(problem_url(url))
    assert response.status_code == 400, response.text[:300]
    assert response.json()["parameter"] == parameter
    assert response.json()["detail"]


def test_a_blank_form_field_is_not_given(client: TestClient) -> None:
    blank = "/?q=&open_weights=&licence=&lab=&provider=&min_context=&max_input_price=&sort=&order="
    assert client.get(blank).status_code == 200
    assert client.get("/calculator?models=&requests=&input_tokens=").status_code == 200


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", ("/", "html")),
        ("/index.json", ("/", "json")),
        ("/index.md", ("/", "md")),
        ("/models/a--b.json", ("/models/a--b", "json")),
        ("/models/qwen--qwen2.5-72b", ("/models/qwen--qwen2.5-72b", "html")),
        ("/models/a--b.svg", ("/models/a--b.svg", "html")),  # not a twin format by default
        ("/compare.md", ("/compare", "md")),
    ],
)
def test_one_function_detects_the_format(path: str, expected: tuple[str, str]) -> None:
    assert urls.split_format(path) == expected
    for fmt in ("json", "md"):
        base, found = urls.split_format(urls.twin(expected[0], fmt))
        assert (base, found) == (expected[0], fmt)


def test_a_format_a_page_does_not_serve_is_404(
    client: TestClient, examples: dict[str, str]
) -> None:
    for url in (
        urls.twin(examples["model"], "svg"),
        "/charts/price-by-provider.json",
        "/api/v1/labs.md",
        "/sitemap.json",
    ):
        assert client.get(url).status_code == 404, url


def test_twins_link_the_canonical_path(client: TestClient) -> None:
    page = client.get("/downloads/").text
    assert 'rel="alternate" type="application/json" href="/downloads.json"' in page
    assert 'href="/downloads.md"' in page


def test_the_picker_has_no_twin(client: TestClient) -> None:
    page = client.get("/compare").text
    assert 'rel="alternate"' not in page
    assert client.get("/compare.json").status_code == 400
    assert client.get("/compare.md").status_code == 400


def test_openapi_parameters_are_the_query_models() -> None:
    by_path = {page.path: page for page in API}
    for route in api_routes():
        page = by_path[route.path]
        documented = {p.name for p in route.params if p.where == "query"}
        assert documented == set(page.query.model_fields), route.path
        path_params = set(re.findall(r"\{(\w+)", route.path))
        assert {p.name for p in route.params if p.where == "path"} == path_params


def test_the_api_serves_the_pages_contexts(
    client: TestClient, catalog: Catalog, examples: dict[str, str]
) -> None:
    """No second set of handlers: an API answer is the page's .json twin."""
    model = examples["model"].rsplit("/", 1)[1]
    provider = examples["provider"].rsplit("/", 1)[1]
    lab = examples["lab"].rsplit("/", 1)[1]
    pair = sorted(examples["compare-pair"].removeprefix("/compare/").split(urls.PAIR_SEPARATOR))
    workload = "input_tokens=1000&output_tokens=100&cached_tokens=10&requests=7"
    same = [
        (urls.api(f"models/{model}"), urls.twin(urls.model(model), "json")),
        (urls.api("models") + "?sort=context", "/index.json?sort=context"),
        (urls.api(f"providers/{provider}"), urls.twin(urls.provider(provider), "json")),
        (urls.api(f"labs/{lab}"), urls.twin(urls.lab(lab), "json")),
        (
            urls.api("compare", {"models": ",".join(pair), "blend": "60:40"}),
            urls.twin(urls.compare(pair, "60:40"), "json"),
        ),
        (
            f"/api/v1/cost?models={model}&{workload}",
            f"/calculator.json?models={model}&{workload}",
        ),
    ]
    for api, twin in same:
        first, second = client.get(api), client.get(twin)
        assert first.status_code == second.status_code == 200, (api, twin)
        assert first.json() == second.json(), (api, twin)
