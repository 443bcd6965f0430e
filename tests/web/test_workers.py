"""`tradeoff serve --workers N`: one process as before, or N uvicorn workers that each build
their app from the settings in the environment; apps about to serve leave the GC's scans."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from typer.testing import CliRunner

from tradeoff.cli import app as cli
from tradeoff.web import server


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch, catalog_db: Path) -> list[tuple[Any, dict[str, Any]]]:
    """uvicorn.run's calls, recorded instead of serving; the test catalog as the database."""
    import uvicorn

    seen: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append((app, kw)))
    monkeypatch.setattr("tradeoff.pages.precompute.ensure_database", lambda: catalog_db)
    monkeypatch.setattr(server, "served", lambda app: app)  # no gc.freeze in the test process
    for name in (server.DB_VARIABLE, server.BASE_URL_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    return seen


def test_one_worker_serves_the_app_in_process(runs: list[tuple[Any, dict[str, Any]]]) -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    ((app, options),) = runs
    assert isinstance(app, Starlette) and "workers" not in options
    assert options["http"] is server.SecureHttpToolsProtocol


def test_workers_build_their_app_from_the_environment(
    runs: list[tuple[Any, dict[str, Any]]], catalog_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = CliRunner().invoke(
        cli, ["serve", "--workers", "3", "--base-url", "https://tradeoff.example"]
    )
    assert result.exit_code == 0, result.output
    assert "3 workers" in result.output
    ((target, options),) = runs
    assert target == "tradeoff.web.server:app_from_env" and options["factory"] is True
    assert options["workers"] == 3 and options["http"] is server.SecureHttpToolsProtocol
    app = server.app_from_env()  # what each worker process does
    assert app.state.site.base_url == "https://tradeoff.example"
    assert app.state.site.catalog.path == catalog_db


def test_workers_option_is_bounded_and_read_from_the_environment(
    runs: list[tuple[Any, dict[str, Any]]],
) -> None:
    bad = CliRunner().invoke(cli, ["serve", "--workers", "0"])
    assert bad.exit_code == 2 and "--workers" in bad.output
    from_env = CliRunner().invoke(cli, ["serve"], env={"TRADEOFF_WORKERS": "2"})
    assert from_env.exit_code == 0 and runs[-1][1]["workers"] == 2


def test_a_worker_without_its_settings_says_what_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(server.DB_VARIABLE, raising=False)
    monkeypatch.setenv(server.BASE_URL_VARIABLE, "http://x")
    with pytest.raises(RuntimeError, match=server.DB_VARIABLE):
        server.app_from_env()


def test_served_app_leaves_the_gc_scans(catalog_db: Path) -> None:
    from tradeoff.web.app import create_app

    app = create_app(catalog_db)
    try:
        assert server.served(app) is app and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
