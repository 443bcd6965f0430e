"""One source record per dataset: a refreshed import's commit and date reach every page."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.web.app import create_app

FIXTURES = Path(__file__).parents[1] / "fixtures"
WIDGET = "acme--widget-1"
runner = CliRunner()


def _get(db: Path, url: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's httpx notice
        from starlette.testclient import TestClient

        client = TestClient(create_app(db))
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def _import_models_dev(tree: Path, commit: str, day: str) -> None:
    result = runner.invoke(
        app, ["import", "models-dev", str(tree), "--commit", commit, "--retrieved", day]
    )
    assert result.exit_code == 0, result.output


def test_a_refreshed_import_shows_its_new_commit_and_date(mini_env: tuple[Path, Path]) -> None:
    _, db = mini_env
    tree = FIXTURES / "models-dev-mini"
    _import_models_dev(tree, "1111111111111111111111111111111111111111", "2026-07-02")
    _import_models_dev(tree, "2222222222222222222222222222222222222222", "2026-12-15")

    data = _get(db, f"/models/{WIDGET}.json").json()
    models_dev = next(s for s in data["sources"] if s["id"] == "models-dev")
    assert models_dev["commit"] == "2222222222222222222222222222222222222222"
    assert models_dev["retrieved"] == "2026-12-15"

    page = _get(db, f"/models/{WIDGET}").text
    assert "retrieved 2026-12-15" in page and "at commit 222222222222" in page
    assert "retrieved 2026-07-02" not in page and "111111111111" not in page
    markdown = _get(db, f"/models/{WIDGET}.md").text
    assert "at commit 222222222222" in markdown and "111111111111" not in markdown


def test_importing_a_dataset_also_declared_by_hand_fails_and_writes_nothing(
    mini_env: tuple[Path, Path],
) -> None:
    catalog, db = mini_env
    sources = catalog / "sources.toml"
    sources.write_text(
        sources.read_text()
        + '\n[sources.models-dev]\nname = "models.dev"\nkind = "dataset"\n'
        + 'url = "https://github.com/anomalyco/models.dev"\nlicence = "MIT"\n'
        + "retrieved = 2026-07-02\n"
    )
    result = runner.invoke(app, ["import", "models-dev", str(FIXTURES / "models-dev-mini")])
    assert result.exit_code == 1
    assert str(sources) in result.stderr and "delete this copy" in result.stderr
    assert "Traceback" not in result.output
    assert not (catalog / "imports").exists() and not db.exists()
