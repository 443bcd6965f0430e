"""The JSON API fuzzed from its own OpenAPI document (schemathesis' idea, offline and small).

Each operation of ``/api/v1/openapi.json`` gets its required parameters always and its
optional ones sometimes, each value drawn by the parameter's schema type: integers from far
below zero to far past the bounds (and as text that is not a number), arrays as comma lists
of real names, strings as real names or hostile text. The answer must be a status the
operation documents or a 4xx problem, never a 5xx, always JSON, with the security headers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.web_support import assert_security_headers, client_for

from tradeoff.db.queries import Catalog

if TYPE_CHECKING:
    from starlette.testclient import TestClient

API_FUZZ = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
HOSTILE = ["", " ", "²", "١٢", "-1", "1e309", "NaN", "9" * 40, "<b>", "../x", "a,,b", "\u202e"]


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    with client_for(catalog) as opened:
        yield opened


@pytest.fixture(scope="module")
def operations(client: TestClient) -> list[tuple[str, dict[str, Any]]]:
    document = client.get("/api/v1/openapi.json").json()
    return [(path, ops["get"]) for path, ops in sorted(document["paths"].items())]


@pytest.fixture(scope="module")
def names(catalog: Catalog) -> list[str]:
    models = list(catalog.models.values())
    return [m.slug for m in models[:30]] + list(catalog.providers)[:10] + list(catalog.labs)[:10]


def parameter_value(schema: dict[str, Any], names: list[str]) -> st.SearchStrategy[str]:
    kind = schema.get("type")
    hostile = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20))
    if kind == "integer":
        number = st.one_of(st.integers(0, 10**6), st.integers(-(10**20), 10**20))
        return st.one_of(number.map(str), number.map(lambda n: f"{n:,}"), hostile)
    if kind == "array":
        listed = st.lists(st.sampled_from(names), min_size=1, max_size=10).map(",".join)
        return st.one_of(listed, hostile)
    examples = [str(e) for e in schema.get("examples", [])] + [
        str(e) for e in schema.get("enum", [])
    ]
    return st.one_of(st.sampled_from(names + examples), hostile)


@API_FUZZ
@given(data=st.data())
def test_every_api_operation_answers_documented_json_never_a_5xx(
    client: TestClient,
    operations: list[tuple[str, dict[str, Any]]],
    names: list[str],
    data: st.DataObject,
) -> None:
    path, operation = data.draw(st.sampled_from(operations))
    query: list[tuple[str, str]] = []
    for parameter in operation.get("parameters", []):
        if not parameter.get("required") and not data.draw(st.booleans()):
            continue
        raw = data.draw(parameter_value(parameter.get("schema", {}), names))
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", quote(raw, safe="") or "x")
        else:
            query.append((parameter["name"], raw))
    url = path + ("?" + urlencode(query) if query else "")
    response = client.get(url)
    assert response.status_code < 500, (url, response.text[:300])
    assert_security_headers(response.headers, url)
    documented = {int(code) for code in operation.get("responses", {}) if code.isdigit()}
    assert response.status_code in documented or 400 <= response.status_code < 500, url
    body = json.loads(response.content)  # always JSON: a page or a problem document
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json"), url
        assert body["status"] == response.status_code
