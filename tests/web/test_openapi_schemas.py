"""The OpenAPI document's response schemas are real: each documented /api/v1 response, called
with its documented example on the test catalog, validates against its schema (jsonschema)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from jsonschema import Draft202012Validator
from support.web_support import client_for

from tradeoff.db.queries import Catalog
from tradeoff.web.openapi import openapi_document
from tradeoff.web.routes import api_routes

if TYPE_CHECKING:
    from starlette.testclient import TestClient

ROUTES = api_routes()


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    yield client_for(catalog)


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document(ROUTES)


def _validator(document: dict[str, Any], path: str) -> Draft202012Validator:
    schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
    root = {**schema["schema"], "components": document["components"]}
    Draft202012Validator.check_schema(root)
    return Draft202012Validator(root)


@pytest.mark.parametrize("route", ROUTES, ids=[r.doc.operation_id for r in ROUTES])
def test_each_documented_response_validates(
    route: Any, client: TestClient, document: dict[str, Any]
) -> None:
    response = client.get(route.example_url())
    assert response.status_code == 200, route.example_url()
    validator = _validator(document, route.openapi_path)
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(response.json())
    ]
    assert not errors, errors[:5]


def test_schemas_are_not_bare_objects(document: dict[str, Any]) -> None:
    """Only the OpenAPI document itself is answered as a plain object."""
    for path, item in document["paths"].items():
        schema = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        if path.endswith("openapi.json"):
            continue
        assert "$ref" in schema, path
        name = schema["$ref"].rsplit("/", 1)[-1]
        assert document["components"]["schemas"][name]["properties"], name


def test_a_wrong_response_fails_its_schema(client: TestClient, document: dict[str, Any]) -> None:
    """The schemas can fail: a count as a string, or an unknown key, is an error."""
    body = client.get("/api/v1/labs").json()
    validator = _validator(document, "/api/v1/labs")
    assert validator.is_valid(body)
    assert not validator.is_valid({**body, "lab_count": str(body["lab_count"])})
    assert not validator.is_valid({**body, "extra": 1})
    assert not validator.is_valid({k: v for k, v in body.items() if k != "labs"})


def test_the_documentation_page_shows_every_endpoint_and_schema(
    client: TestClient, document: dict[str, Any]
) -> None:
    page = client.get("/api")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for item in document["paths"].values():
        assert f'id="op-{item["get"]["operationId"]}"' in page.text
    for name in document["components"]["schemas"]:
        assert f'id="schema-{name}"' in page.text
    assert client.get("/api.json").json() == document
