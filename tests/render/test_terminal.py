"""Terminal output prints data as text: Rich markup in a name is shown, never parsed.

Real names carry brackets ("FLUX.1 [schnell]"); a name like "[/bold]" once crashed the CLI.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app

FIXTURES = Path(__file__).parents[1] / "fixtures"
NAMES = {"acme/widget-1": "Widget [/bold] 1 [schnell]", "acme/widget-2": "Widget [red]2[/red]"}


@pytest.fixture
def bracketed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """catalog-mini whose two models have names that read as Rich markup; one is priced."""
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", root)
    card = root / "curated" / "acme" / "widget-1.toml"
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace('name = "Widget 1"', f'name = "{NAMES["acme/widget-1"]}"'))
    second = (
        text.replace('id = "acme/widget-1"', 'id = "acme/widget-2"')
        .replace('name = "Widget 1"', f'name = "{NAMES["acme/widget-2"]}"')
        .replace("widget-1-card", "widget-2-card")
        .replace('aliases = ["acme/Widget-1-FP8", "widget-one"]', "aliases = []")
    )
    (card.parent / "widget-2.toml").write_text(second, encoding="utf-8")
    (root / "providers").mkdir()  # HostCo's hand-written offering: something to price
    shutil.copy(FIXTURES / "hand-offerings" / "hostco.toml", root / "providers" / "hostco.toml")
    monkeypatch.setenv("TRADEOFF_CATALOG", str(root))
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "catalog.sqlite"))
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["models", "list"],
        ["models", "show", "acme/widget-1"],
        ["compare", "acme/widget-1", "acme/widget-2"],
        ["cost", "acme/widget-1", "--input-tokens", "10", "--output-tokens", "10"],
    ],
)
def test_markup_in_data_is_printed_as_written(bracketed: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, [*args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    shown = [name for name in NAMES.values() if name in result.output]
    assert shown, result.output
