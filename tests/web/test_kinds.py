"""The kind filter of / and /api/v1/models: default text generation, the other kinds one click
away with their counts, "all", and a 400 problem naming the parameter for an unknown kind."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from support.web_support import client_for, problem_url

from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog

if TYPE_CHECKING:
    from starlette.testclient import TestClient

# A speech-to-text model the alias table creates with a cited kind (no offerings): the test
# catalog's other models are all text generation.
EARS = """
[models."openai/whisper-test"]
name = "Whisper Test"
lab = "openai"
kind = { value = "speech-to-text", source = "anyscale-endpoints-change", checked = 2026-11-29 }
"""


@pytest.fixture(scope="module")
def two_kinds(catalog_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    root = tmp_path_factory.mktemp("kinds") / "catalog"
    shutil.copytree(catalog_dir, root)
    aliases = root / "aliases.toml"
    aliases.write_text(aliases.read_text() + EARS)
    opened = Catalog(ensure_database(root, root.parent / "catalog.sqlite"))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(two_kinds: Catalog) -> Iterator[TestClient]:
    yield client_for(two_kinds)


def test_default_view_is_text_generation_and_other_kinds_are_one_click_away(
    client: TestClient, two_kinds: Catalog
) -> None:
    chat = sum(m.kind.value == "text-generation" for m in two_kinds.models.values())
    body = client.get("/api/v1/models").json()
    assert body["count"] == chat == body["total"] - 1
    assert body["filters"]["kind"] == "text-generation"
    tabs = {t["kind"]: t for t in body["kinds"]}
    assert tabs["text-generation"]["current"] and tabs["text-generation"]["count"] == chat
    assert tabs["speech-to-text"]["count"] == 1
    assert tabs["speech-to-text"]["url"] == "/?kind=speech-to-text"
    assert tabs["all"]["count"] == body["total"]
    assert "embedding" not in tabs  # no model of that kind: no empty tab
    page = client.get("/").text
    assert '<a href="/?kind=speech-to-text">Speech to text (1)</a>' in page
    assert f'<a href="/?kind=all">All kinds ({body["total"]})</a>' in page


def test_kind_filter_on_page_and_api(client: TestClient) -> None:
    ears = client.get("/api/v1/models?kind=speech-to-text").json()
    assert [m["id"] for m in ears["models"]] == ["openai/whisper-test"]
    assert ears["models"][0]["kind_label"] == "Speech to text"
    everything = client.get("/index.json?kind=all").json()
    assert everything["count"] == everything["total"]
    page = client.get("/?kind=speech-to-text").text
    assert "Whisper Test" in page and "Kimi K2 Instruct" not in page
    # the filter form keeps the kind asked
    assert '<input type="hidden" name="kind" value="speech-to-text">' in page


@pytest.mark.parametrize("url", ["/?kind=chat", "/api/v1/models?kind=chat", "/index.md?kind=tts"])
def test_unknown_kind_is_a_400_problem_naming_the_parameter(client: TestClient, url: str) -> None:
    response = client.get(problem_url(url))
    assert response.status_code == 400, response.text[:300]
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["parameter"] == "kind" and "speech-to-text" in body["detail"]


def test_openapi_lists_the_kinds(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    params = spec["paths"]["/api/v1/models"]["get"]["parameters"]
    kind = next(p for p in params if p["name"] == "kind")
    assert "speech-to-text" in kind["schema"]["enum"] and "all" in kind["schema"]["enum"]
    assert kind["schema"]["default"] == "text-generation"


def test_cross_kind_compare_page_says_so_first(client: TestClient) -> None:
    body = client.get(
        "/api/v1/compare?models=openai/whisper-test,moonshotai/kimi-k2-instruct"
    ).json()
    assert [m["kind"] for m in body["models"]] == ["speech-to-text", "text-generation"]
    assert body["summary"].startswith(
        "Whisper Test is a speech-to-text model and Kimi K2 Instruct is a text-generation "
        "model: their prices are sold in different units and are not compared."
    )
    assert "% less" not in body["verdict"] and "×" not in body["verdict"].split("context")[0]


def test_calculator_ranks_no_cheapest_route_across_kinds(client: TestClient) -> None:
    body = client.get(
        "/api/v1/cost?models=moonshotai/kimi-k2-instruct,openai/whisper-test"
        "&input_tokens=1000&output_tokens=100"
    ).json()
    assert body["kinds_note"].startswith("Kimi K2 Instruct is a text-generation model and ")
    assert body["cheapest"] is None
    alone = client.get(
        "/api/v1/cost?models=moonshotai/kimi-k2-instruct&input_tokens=1000&output_tokens=100"
    ).json()
    assert alone["kinds_note"] is None and alone["cheapest"] is not None
