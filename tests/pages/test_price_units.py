"""Every rendered price shows its unit: an offering sold per minute of audio on the model,
provider and comparison pages (HTML, Markdown, JSON, terminal), never read per 1M tokens."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from tradeoff.cli import app as cli
from tradeoff.db.locate import ensure_database
from tradeoff.web.app import create_app

MODEL = "moonshotai/kimi-k2-instruct"
PAGE = "/models/moonshotai--kimi-k2-instruct"
AUDIO = "input $0.0023 per minute of audio"


@pytest.fixture(scope="module")
def audio_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test catalog plus one offering of Kimi K2 Instruct sold per minute of audio."""
    root = tmp_path_factory.mktemp("units")
    slice_dir = Path(__file__).parents[1] / "fixtures" / "catalog-slice"
    catalog = root / "catalog"
    shutil.copytree(slice_dir, catalog)
    with (catalog / "providers.toml").open("a", encoding="utf-8") as providers:
        providers.write('\n[providers.audiohost]\nname = "AudioHost"\nkind = "inference-host"\n')
    voice = catalog / "curated" / "moonshotai" / "kimi-voice.toml"
    voice.write_text('id = "moonshotai/kimi-voice"\nname = "Kimi Voice"\nlab = "moonshotai"\n')
    path = catalog / "imports" / "litellm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["providers"].append({"id": "audiohost", "name": "AudioHost"})
    data["offerings"].append(
        {
            "provider": "audiohost",
            "provider_model_id": "kimi-k2-voice",
            "model_id": MODEL,
            "link": "base_model",
            "prices": {
                "unit_prices": [{"component": "input", "unit": "per_audio_minute", "usd": "0.0023"}]
            },
        }
    )
    data["offerings"].append(
        {
            "provider": "audiohost",
            "provider_model_id": "kimi-voice",
            "model_id": "moonshotai/kimi-voice",
            "link": "base_model",
            "kind": "speech-to-text",  # as LiteLLM's mode states it
            "prices": {
                "unit_prices": [{"component": "input", "unit": "per_audio_second", "usd": "0.0001"}]
            },
        }
    )
    path.write_text(json.dumps(data), encoding="utf-8")
    return ensure_database(catalog, root / "catalog.sqlite")


@pytest.fixture(scope="module")
def client(audio_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(audio_db)) as opened:
        yield opened


def test_the_model_page_says_the_unit_in_every_format(client: TestClient) -> None:
    html = client.get(PAGE).text
    assert "Priced in other units: " + AUDIO in html
    assert "not per token" in html
    md = client.get(PAGE + ".md").text
    assert f"`kimi-k2-voice`: {AUDIO}" in md
    body = client.get(PAGE + ".json").json()
    voice = next(o for o in body["offerings"] if o["provider_model_id"] == "kimi-k2-voice")
    prices = voice["prices"]
    assert prices["input_per_mtok"] is None  # never read as a price per 1M tokens
    assert prices["unit_prices"] == [
        {
            "key": "input_per_audio_minute",
            "component": "input",
            "unit": "per_audio_minute",
            "unit_label": "per minute of audio",
            "variant": None,
            "usd": "0.0023",
            "text": AUDIO,
        }
    ]
    assert prices["not_per_token"] == f"not priced per token: {AUDIO}"
    assert voice["headline_excluded_reason"] == f"not priced per token: {AUDIO}"


def test_the_provider_page_says_the_unit(client: TestClient) -> None:
    assert "Priced in other units: " + AUDIO in client.get("/providers/audiohost").text
    assert AUDIO in client.get("/providers/audiohost.md").text


def test_the_comparison_never_prices_the_audio_route_per_token(client: TestClient) -> None:
    response = client.get(f"/api/v1/compare?models={MODEL},mistralai/mixtral-8x22b-instruct-v0.1")
    assert response.status_code == 200, response.text
    body = response.json()
    kimi = next(p for p in body["pricing"] if p["model"] == MODEL)
    voice = next(q for q in kimi["providers"] if q["provider_model_id"] == "kimi-k2-voice")
    assert voice["not_per_token"] and voice["other_units"] == ["per_audio_minute"]
    assert voice["blended_per_mtok"] is None
    assert kimi["cheapest"]["provider_model_id"] != "kimi-k2-voice"
    assert all("0.0023" not in c["text"] for c in body["claims"])


def test_the_terminal_says_the_unit(audio_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADEOFF_CATALOG", str(audio_db.parent / "catalog"))
    monkeypatch.setenv("TRADEOFF_DB", str(audio_db))
    # wide enough that the offerings table (eleven columns, dated sources) wraps no cell
    monkeypatch.setenv("COLUMNS", "400")
    result = CliRunner().invoke(cli, ["models", "show", MODEL])
    assert result.exit_code == 0, result.output
    assert "other units: input $0.0023 per minute" in " ".join(result.output.split())


def test_the_catalog_table_says_a_model_is_not_priced_per_token(client: TestClient) -> None:
    rows = client.get("/api/v1/models?kind=all").json()["models"]
    voice = next(r for r in rows if r["id"] == "moonshotai/kimi-voice")
    assert voice["cheapest"] is None
    assert voice["not_per_token"] == "per second of audio"
    kimi = next(r for r in rows if r["id"] == MODEL)
    assert kimi["not_per_token"] is None  # it has per-token routes: its headline is one
    md = client.get("/index.md?kind=speech-to-text").text
    assert "not per token (per second of audio)" in md
    html = client.get("/labs/moonshotai").text
    assert "not per token (per second of audio)" in html
