"""Importers' CLI (bad input exits 1 naming the file, and writes nothing); `tradeoff conflicts`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tradeoff.cli import app

FIXTURES = Path(__file__).parents[1] / "fixtures"
runner = CliRunner()


@pytest.mark.parametrize(
    ("source", "bad"),
    [
        ("genai-prices", FIXTURES / "genai-prices" / "bad" / "wrong-type.yml"),
        ("litellm", FIXTURES / "litellm" / "bad" / "truncated.json"),
        ("openrouter", FIXTURES / "openrouter" / "bad" / "wrong-type.json"),
        ("models-dev", FIXTURES / "does-not-exist"),
    ],
)
def test_bad_import_exits_non_zero_and_writes_nothing(
    source: str, bad: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog))
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "catalog.sqlite"))
    result = runner.invoke(app, ["import", source, str(bad)])
    assert result.exit_code == 1
    assert bad.name in result.stderr and "Traceback" not in result.output
    assert not (catalog / "imports").exists()
    assert not (tmp_path / "catalog.sqlite").exists()


def test_mixtral_context_and_price_disagreements_are_listed() -> None:
    result = runner.invoke(
        app, ["conflicts", "--model", "mistral/mixtral-8x22b-instruct", "--json"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["count"] == len(found["conflicts"])
    context = next(
        c
        for c in found["conflicts"]
        if c["entity"] == "model:mistral/mixtral-8x22b-instruct" and c["field"] == "context_tokens"
    )
    values = {(v[0], v[1]) for v in context["values"]}
    assert ("64000", "models-dev") in values
    assert any(v == "65536" for v, _ in values)
    assert context["chosen"] == "65536"
    prices = [c for c in found["conflicts"] if c["field"].endswith("_per_mtok")]
    assert prices and all(len({v[1] for v in c["values"]}) >= 2 for c in prices)


def test_conflicts_text_output_and_unknown_model() -> None:
    shown = runner.invoke(app, ["conflicts", "--model", "mistral/mixtral-8x22b-instruct"])
    assert shown.exit_code == 0 and "65,536" in shown.stdout and "64,000" in shown.stdout
    unknown = runner.invoke(app, ["conflicts", "--model", "no-such-model-xyz"])
    assert unknown.exit_code == 2 and "Traceback" not in unknown.output
