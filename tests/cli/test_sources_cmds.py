"""Every importer's CLI: bad input exits 1 naming the file, and writes nothing."""

from __future__ import annotations

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
