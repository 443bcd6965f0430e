"""`tradeoff changes` and `--as-of` on `compare` / `cost`, on the test catalog with one
recorded price change (support.changed_catalog)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.changed_catalog import changed_catalog
from typer.testing import CliRunner

from tradeoff.cli import app

runner = CliRunner()
COST = ["cost", "kimi-k2-instruct", "--input-tokens", "1000000", "--output-tokens", "0"]


@pytest.fixture(scope="module")
def changed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("changed-cli")
    changed_catalog(folder)
    return folder


@pytest.fixture(autouse=True)
def _use_changed(changed_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRADEOFF_CATALOG", str(changed_dir / "catalog"))
    monkeypatch.setenv("TRADEOFF_DB", str(changed_dir / "catalog.sqlite"))


def test_changes_in_every_format() -> None:
    data = json.loads(runner.invoke(app, ["changes", "--format", "json"]).output)
    assert data["matched"] > 1 and data["changes"][0]["date"] >= data["changes"][-1]["date"]
    cut = runner.invoke(app, ["changes", "--model", "kimi-k2-instruct", "--format", "json"])
    kinds = [c["kind"] for c in json.loads(cut.output)["changes"]]
    assert "price-cut" in kinds
    md = runner.invoke(app, ["changes", "--provider", "deepinfra", "--format", "md"]).output
    assert "| 2026-11-29 | price cut |" in md and "$0.60 → $0.50" in md
    text = runner.invoke(app, ["changes", "--since", "2026-11-29", "--kind", "price-cut"])
    assert text.exit_code == 0 and "price cut" in text.output and "retirement" not in text.output


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["changes", "--since", "last week"], "[--since]"),
        (["changes", "--provider", "nobody"], "[--provider]"),
        (["changes", "--kind", "cheaper"], "[--kind]"),
        (["changes", "--format", "pdf"], "[--format]"),
        ([*COST, "--as-of", "2024-01-01"], "covers 2025-06-10 to"),
        ([*COST, "--as-of", "soon"], "[--as-of]"),
    ],
)
def test_bad_options_are_one_line_errors(args: list[str], needle: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2  # a usage error (docs: every usage error exits 2)
    assert needle in result.output and "Traceback" not in result.output


def test_cost_and_compare_as_of_price_with_that_days_prices() -> None:
    def deepinfra_input(args: list[str]) -> str:
        data = json.loads(runner.invoke(app, [*args, "--json"]).output)
        (line,) = [
            c
            for c in data["lines"]
            if (c["provider"], c["provider_model_id"])
            == ("deepinfra", "moonshotai/Kimi-K2-Instruct")
        ]
        return str(line["input_usd"])

    assert deepinfra_input(COST) == "0.5"
    assert deepinfra_input([*COST, "--as-of", "2026-10-15"]) == "0.6"
    assert deepinfra_input([*COST, "--as-of", "2026-11-29"]) == "0.5"
    pair = ["compare", "kimi-k2-instruct", "mixtral-8x22b-instruct", "--format", "json"]
    now = json.loads(runner.invoke(app, pair).output)
    then = json.loads(runner.invoke(app, [*pair, "--as-of", "2026-10-15"]).output)

    def route(ctx: dict[str, object]) -> list[object]:
        pricing = ctx["pricing"]
        assert isinstance(pricing, list)
        return [
            (p["provider"], p["input_per_mtok"])
            for p in pricing[0]["providers"]
            if p["provider"] == "deepinfra"
        ]

    assert route(now) != route(then)
    text = runner.invoke(app, [*COST, "--as-of", "2026-10-15"]).output
    assert text.startswith("Prices in force on 2026-10-15")


def test_a_lifecycle_row_says_its_price_cells_do_not_apply() -> None:
    # a retirement or a new offering moves no price: its cells read "n/a", never blank (a blank
    # cell reads as an unknown price)
    md = runner.invoke(app, ["changes", "--kind", "new-offering", "--format", "md"]).output
    rows = [line for line in md.splitlines() if line.startswith("| 20")]
    assert rows and all(line.endswith("| n/a | n/a |") for line in rows), rows[:3]
    text = runner.invoke(app, ["changes", "--kind", "new-offering"]).output
    assert "n/a" in text
