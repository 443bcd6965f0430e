"""CLI: help on every command, models list/show, check, import with bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from tradeoff.cli import app
from tradeoff.db.queries import Catalog

runner = CliRunner()
FIXTURES = Path(__file__).parents[1] / "fixtures"


def _commands(group: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Every command under a Typer group (Typer ships its own Click-like classes)."""
    found: list[tuple[str, Any]] = []
    for name, command in sorted(group.commands.items()):
        found.append((f"{prefix}{name}", command))
        if hasattr(command, "commands"):
            found += _commands(command, f"{prefix}{name} ")
    return found


def test_every_command_has_help_text() -> None:
    root = typer.main.get_command(app)
    commands = _commands(root)
    assert len(commands) >= 5
    for name, command in commands:
        assert command.help and command.help.strip(), f"`tradeoff {name}` has no help text"
        for param in command.params:
            if getattr(param, "param_type_name", "") == "option" and param.name != "help":
                assert param.help, f"`tradeoff {name}` option {param.opts} has no help"


def test_models_show_kimi_json() -> None:
    result = runner.invoke(app, ["models", "show", "moonshotai/kimi-k2-instruct", "--json"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    facts = {f["field"]: f for f in page["facts"]}
    expected = {
        "release_date": "2025-07-11",
        "architecture": "moe",
        "parameters_total": 1_000_000_000_000,
        "parameters_active": 32_000_000_000,
        "context_tokens": 131_072,
        "licence": "Modified MIT",
    }
    for field, value in expected.items():
        assert facts[field]["value"] == value, field
        assert facts[field]["source"]["url"].startswith("https://"), field
        assert facts[field]["checked"], field
    assert page["offering_count"] == len(page["offerings"]) >= 10
    for offering in page["offerings"]:
        assert offering["source"] and offering["checked"]
        if offering["priced"] and not offering["prices"]["free"]:
            assert offering["prices"]["input_per_mtok"] is not None


def test_models_show_mixtral_json() -> None:
    result = runner.invoke(app, ["models", "show", "open-mixtral-8x22b", "--json"])
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["id"] == "mistral/mixtral-8x22b-instruct"
    facts = {f["field"]: f["value"] for f in page["facts"]}
    assert facts["release_date"] == "2024-04-17"
    assert (facts["architecture"], facts["licence"]) == ("moe", "Apache 2.0")
    assert (facts["parameters_total"], facts["parameters_active"]) == (141 * 10**9, 39 * 10**9)
    assert {o["provider"] for o in page["offerings"]} >= {"mistral", "openrouter"}


def test_models_show_text_says_not_yet_sourced() -> None:
    result = runner.invoke(app, ["models", "show", "moonshotai/kimi-k2-instruct"])
    assert result.exit_code == 0, result.output
    assert "Kimi K2 Instruct" in result.stdout and "not yet sourced" in result.stdout


def test_models_list_json_counts_equal_lists(catalog: Catalog) -> None:
    result = runner.invoke(app, ["models", "list", "--json"])
    assert result.exit_code == 0
    listing = json.loads(result.stdout)
    assert listing["count"] == len(listing["models"]) == len(catalog.models)


@pytest.mark.parametrize(
    ("name", "code", "text"), [("kimi-k2", 2, "ambiguous"), ("kimi-k2-instrukt", 2, "Did you mean")]
)
def test_bad_model_names_exit_non_zero(name: str, code: int, text: str) -> None:
    result = runner.invoke(app, ["models", "show", name])
    assert result.exit_code == code
    assert text in result.stderr


def test_check_passes_and_counts_upstream_problems() -> None:
    result = runner.invoke(app, ["check", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["errors"] == 0
    kinds = {c["kind"] for c in report["counts"]}
    assert {"placeholder-date", "zero-price-not-free", "float-artifact"} <= kinds


@pytest.fixture
def mini_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    db = tmp_path / "db" / "catalog.sqlite"
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog))
    monkeypatch.setenv("TRADEOFF_DB", str(db))
    return catalog, db


def test_import_then_bad_import_leaves_everything_intact(
    mini_env: tuple[Path, Path], tmp_path: Path
) -> None:
    catalog, db = mini_env
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES / "models-dev-mini", tree)
    good = runner.invoke(app, ["import", "models-dev", str(tree), "--retrieved", "2026-07-02"])
    assert good.exit_code == 0, good.output
    assert "linked to a canonical model" in good.stdout
    imported = catalog / "imports" / "models-dev.json"
    before = (imported.read_bytes(), db.read_bytes())
    broken = tree / "providers" / "acme" / "models" / "widget-1.toml"
    broken.write_text('base_model = "acme/widget-1"\n[cost]\ninput = -2\noutput = 1\n')
    bad = runner.invoke(app, ["import", "models-dev", str(tree)])
    assert bad.exit_code == 1
    assert str(broken) in bad.stderr and "negative price" in bad.stderr
    assert "Traceback" not in bad.output
    assert (imported.read_bytes(), db.read_bytes()) == before


def test_import_of_a_missing_directory(mini_env: tuple[Path, Path], tmp_path: Path) -> None:
    result = runner.invoke(app, ["import", "models-dev", str(tmp_path / "nope")])
    assert result.exit_code == 1 and "not a directory" in result.stderr


def test_error_messages_keep_their_field(mini_env: tuple[Path, Path], tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    shutil.copytree(FIXTURES / "models-dev-mini", tree)
    broken = tree / "providers" / "acme" / "models" / "widget-1.toml"
    broken.write_text('base_model = "acme/widget-1"\n[cost]\ninput = "x"\noutput = 1\n')
    result = runner.invoke(app, ["import", "models-dev", str(tree)])
    assert result.exit_code == 1
    assert "[cost.input]" in result.stderr  # Rich must not eat "[...]" as markup


def test_models_list_by_kind(catalog: Catalog) -> None:
    chat = runner.invoke(app, ["models", "list", "--kind", "text-generation", "--json"])
    assert chat.exit_code == 0, chat.output
    listing = json.loads(chat.stdout)
    assert listing["count"] == len(listing["models"]) == len(catalog.models)
    assert {m["kind"] for m in listing["models"]} == {"text-generation"}
    none = json.loads(
        runner.invoke(app, ["models", "list", "--kind", "embedding", "--json"]).stdout
    )
    assert none["count"] == 0 and none["models"] == []


def test_models_list_bad_kind_names_the_option_and_the_kinds() -> None:
    result = runner.invoke(app, ["models", "list", "--kind", "chat"])
    assert result.exit_code != 0
    assert "--kind" in result.stderr and "'chat'" in result.stderr
    assert "speech-to-text" in result.stderr and "text-generation" in result.stderr
    assert "Traceback" not in result.output
