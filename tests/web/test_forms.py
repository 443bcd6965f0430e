"""Friendly form errors: a bad value re-renders the form as typed with the message next to
its field (4xx HTML); the twins and the API keep answering problem+json."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient
from support.web_support import KIMI, MIXTRAL, assert_security_headers, client_for

from tradeoff.db.queries import Catalog


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    yield client_for(catalog)


def field_error(body: str, field: str) -> str:
    """The inline message of ``field`` (its input points at it with aria-describedby)."""
    assert f'aria-describedby="err-{field}"' in body, field
    found = re.search(f'<span class="field-error" id="err-{field}">(.*?)</span>', body, re.S)
    assert found, field
    return found.group(1)


@pytest.mark.parametrize(
    ("query", "field", "status"),
    [
        ("input_tokens=0,5", "input_tokens", 400),
        ("output_tokens=lots", "output_tokens", 400),
        ("requests=1.5", "requests", 400),
        ("input_tokens=10&cached_tokens=20", "cached_tokens", 400),
        ("models=nonesuch", "model0", 404),
        (f"models={KIMI},kimi-k2-instrct", "model1", 404),
    ],
)
def test_a_bad_calculator_value_is_shown_next_to_its_field(
    client: TestClient, query: str, field: str, status: int
) -> None:
    response = client.get(f"/calculator?{query}")
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    assert_security_headers(response.headers, query)
    body = response.text
    message = field_error(body, field)
    if field.startswith("model"):
        assert "No model" in message
    else:
        assert field in message  # the message names the field
    assert 'class="form-errors" role="alert"' in body and "Nothing priced yet" in body
    # what was typed is kept in the form
    typed = query.split("&")[-1].split("=")[1]
    typed = typed.split(",")[-1] if field.startswith("model") else typed
    assert f'value="{typed}"' in body
    twin = client.get(f"/calculator.json?{query}")
    assert twin.status_code == status
    assert twin.headers["content-type"] == "application/problem+json"


def test_the_unknown_model_message_offers_the_closest(client: TestClient) -> None:
    body = client.get(f"/calculator?models={KIMI},mixtral-8x22b-instrct").text
    message = field_error(body, "model1")
    assert 'href="/models/mistral--mixtral-8x22b-instruct"' in message.split("</a>")[0]


def test_counts_as_people_write_them(client: TestClient) -> None:
    query = f"models={KIMI}&input_tokens=100k&output_tokens=1.5M&requests=1,000"
    ctx = client.get(f"/calculator.json?{query}").json()
    assert ctx["workload"] == {
        "input_tokens": 100_000,
        "output_tokens": 1_500_000,
        "cached_tokens": 0,
        "requests": 1000,
    }
    assert client.get(f"/calculator?{query}").status_code == 200
    api = client.get(f"/api/v1/cost?models={KIMI}&input_tokens=2k&output_tokens=0,5")
    assert api.status_code == 400 and api.json()["parameter"] == "output_tokens"


def test_a_fifth_model_in_the_picker(client: TestClient) -> None:
    response = client.get(f"/compare?models={KIMI},{MIXTRAL},a,b,c")
    assert response.status_code == 400
    assert "at most 4 models" in field_error(response.text, "pick0")
    assert response.text.count('name="models"') >= 5  # every name typed is kept
    unknown = client.get(f"/compare?models={KIMI},nonesuch,{MIXTRAL}")
    assert unknown.status_code == 404
    assert "nonesuch" in field_error(unknown.text, "pick1")


def test_a_bad_catalog_filter_keeps_the_rest(client: TestClient) -> None:
    response = client.get("/?max_input_price=abc&open_weights=yes")
    assert response.status_code == 400
    assert "max_input_price" in field_error(response.text, "max_input_price")
    assert 'value="abc"' in response.text
    assert 'option value="yes" selected' in response.text  # the valid filter still applies
