"""`tradeoff refresh` against a loopback HTTP server serving fixture snapshots (no other
network): conditional requests, a price change recorded as dated history and shown in
/changes.atom, the changelog, and nothing changed on any failure."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import tarfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest
from support.loopback import Snapshots, loopback_server
from support.stamps import assert_current_for_the_next_start
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog
from tradeoff.errors import DataError
from tradeoff.maintain.refresh import (
    CHANGELOG_FILE,
    STATE_FILE,
    RefreshConfig,
    SourceConfig,
    load_config,
    refresh,
)

FIXTURES = Path(__file__).parents[1] / "fixtures"
KEY = "deepinfra/moonshotai/Kimi-K2-Instruct"


def litellm_snapshot(input_per_token: float) -> bytes:
    """LiteLLM's price map with one entry the test catalog links to Kimi K2 Instruct."""
    entry = {
        "litellm_provider": "deepinfra",
        "mode": "chat",
        "input_cost_per_token": input_per_token,
        "output_cost_per_token": 2e-06,
        "max_input_tokens": 131072,
    }
    return json.dumps({KEY: entry}).encode()


def tree_archive(folder: Path, top: str) -> bytes:
    """A repository snapshot as GitHub serves it: one top folder in a .tar.gz."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        tar.add(folder, arcname=top)
    return buffer.getvalue()


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-slice", catalog)
    return catalog, tmp_path / "catalog.sqlite"


@pytest.fixture
def served() -> Iterator[tuple[Snapshots, RefreshConfig]]:
    snapshots = Snapshots(
        {
            "/litellm.json": litellm_snapshot(5e-07),
            "/genai-prices.tar.gz": tree_archive(FIXTURES / "genai-prices", "genai-prices-main"),
        }
    )
    with loopback_server(snapshots) as base:
        config = RefreshConfig(
            sources={
                "litellm": SourceConfig(url=f"{base}/litellm.json"),
                "genai-prices": SourceConfig(url=f"{base}/genai-prices.tar.gz"),
            }
        )
        yield snapshots, config


def _files(root: Path) -> dict[str, bytes]:
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return {str(p.relative_to(root)): p.read_bytes() for p in files}


def test_two_snapshots_record_the_price_change_and_the_feed_shows_it(
    workspace: tuple[Path, Path], served: tuple[Snapshots, RefreshConfig]
) -> None:
    catalog_dir, db = workspace
    snapshots, config = served
    first = refresh(config, catalog_dir, db, today=dt.date(2026, 12, 1))
    assert set(first.imported) == {"litellm", "genai-prices"}
    state = json.loads((catalog_dir / STATE_FILE).read_text())
    assert state["litellm"]["etag"] == snapshots.etag(snapshots.files["/litellm.json"])

    snapshots.files["/litellm.json"] = litellm_snapshot(3e-07)  # a 40% cut upstream
    seen_before = len(snapshots.seen)
    second = refresh(config, catalog_dir, db, today=dt.date(2026, 12, 2))
    # Conditional requests: each source sent the validator it was given last time.
    asked = dict(snapshots.seen[seen_before:])
    assert asked["/litellm.json"] == state["litellm"]["etag"]
    assert asked["/genai-prices.tar.gz"] == state["genai-prices"]["etag"]
    assert second.unchanged == ["genai-prices"]  # a 304
    assert list(second.imported) == ["litellm"]
    text = second.text()
    assert "offering:deepinfra/moonshotai/Kimi-K2-Instruct input_per_mtok: 0.5 → 0.3" in text
    assert text in (catalog_dir / CHANGELOG_FILE).read_text()

    catalog = Catalog(db)
    try:
        (offering,) = [
            o
            for o in catalog.offerings
            if (o.provider_id, o.provider_model_id) == ("deepinfra", "moonshotai/Kimi-K2-Instruct")
        ]
        assert [(p.effective, str(p.input_per_mtok)) for p in offering.history] == [
            ("2026-12-01", "0.5"),
            ("2026-12-02", "0.3"),
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from starlette.testclient import TestClient

        from tradeoff.web.app import create_app

        with TestClient(create_app(db, base_url="http://testserver")) as client:
            body = client.get("/changes.atom").content
    finally:
        catalog.close()
    feed = feedparser.parse(body)
    assert not feed.bozo and feed.version == "atom10"
    titles = [e.title for e in feed.entries if e.updated.startswith("2026-12-02")]
    assert titles == [
        "Kimi K2 Instruct at Deep Infra: price cut, input $0.50 → $0.30 (−40.0%) per 1M tokens"
    ]


def test_a_refresh_leaves_a_database_current_for_the_next_start(
    workspace: tuple[Path, Path], served: tuple[Snapshots, RefreshConfig], tmp_path: Path
) -> None:
    catalog_dir, db = workspace
    refresh(served[1], catalog_dir, db, today=dt.date(2026, 12, 1))
    assert_current_for_the_next_start(catalog_dir, db, tmp_path)


def test_nothing_new_upstream_changes_nothing(
    workspace: tuple[Path, Path], served: tuple[Snapshots, RefreshConfig]
) -> None:
    catalog_dir, db = workspace
    _, config = served
    refresh(config, catalog_dir, db, today=dt.date(2026, 12, 1))
    before = _files(catalog_dir)
    again = refresh(config, catalog_dir, db, today=dt.date(2026, 12, 2))
    assert sorted(again.unchanged) == ["genai-prices", "litellm"] and not again.imported
    after = _files(catalog_dir)
    changelog = str(CHANGELOG_FILE)
    assert {k: v for k, v in after.items() if k != changelog} == {
        k: v for k, v in before.items() if k != changelog
    }


@pytest.mark.parametrize("failure", ["corrupt archive", "HTTP 404", "too big", "timeout"])
def test_any_failure_leaves_everything_as_it_was(
    workspace: tuple[Path, Path], served: tuple[Snapshots, RefreshConfig], failure: str
) -> None:
    catalog_dir, db = workspace
    snapshots, config = served
    refresh(config, catalog_dir, db, today=dt.date(2026, 12, 1))
    before, db_before = _files(catalog_dir), db.read_bytes()
    snapshots.files["/litellm.json"] = litellm_snapshot(3e-07)  # a change that must not land
    timeout = 30.0
    if failure == "corrupt archive":
        snapshots.files["/genai-prices.tar.gz"] = b"not a tar file"
        expected = "not a readable .tar.gz"
    elif failure == "HTTP 404":
        del snapshots.files["/genai-prices.tar.gz"]
        expected = "answered HTTP 404"
    elif failure == "too big":
        config.sources["litellm"] = config.sources["litellm"].model_copy(update={"max_bytes": 10})
        expected = "larger than max_bytes"
    else:
        snapshots.delay_s, timeout = 2.0, 0.3
        expected = "timed out"
    with pytest.raises(DataError, match=expected):
        refresh(config, catalog_dir, db, today=dt.date(2026, 12, 2), timeout_s=timeout)
    assert _files(catalog_dir) == before
    assert db.read_bytes() == db_before


def test_config_file_errors_name_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "refresh.toml"
    bad.write_text('[sources.nonesuch]\nurl = "http://127.0.0.1/x"\n')
    with pytest.raises(DataError, match=r"sources\.nonesuch"):
        load_config(bad)
    bad.write_text('[sources.litellm]\nurl = "http://127.0.0.1/x"\nmax_size = 3\n')
    with pytest.raises(DataError, match="max_size"):
        load_config(bad)
    assert set(load_config(None).sources) == {"models-dev", "genai-prices", "litellm"}


def test_refresh_command_prints_the_changelog(
    workspace: tuple[Path, Path],
    served: tuple[Snapshots, RefreshConfig],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    catalog_dir, db = workspace
    _, config = served
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog_dir))
    monkeypatch.setenv("TRADEOFF_DB", str(db))
    path = tmp_path / "refresh.toml"
    path.write_text("".join(f'[sources.{k}]\nurl = "{s.url}"\n' for k, s in config.sources.items()))
    log = tmp_path / "CHANGES.md"
    result = CliRunner().invoke(app, ["refresh", "--config", str(path), "--changelog", str(log)])
    assert result.exit_code == 0, result.output
    assert "litellm: " in result.output and "genai-prices: " in result.output
    assert log.read_text().endswith(result.output.rstrip("\n") + "\n\n")
    missing = CliRunner().invoke(app, ["refresh", "--config", str(tmp_path / "none.toml")])
    assert missing.exit_code == 1 and "none.toml" in missing.output
