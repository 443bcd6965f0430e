"""A writable copy of the mini fixture catalog that the CLI and the app point at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def mini_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(catalog dir, database path): catalog-mini copied, TRADEOFF_CATALOG / _DB set to them."""
    catalog = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", catalog)
    db = tmp_path / "catalog.sqlite"
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog))
    monkeypatch.setenv("TRADEOFF_DB", str(db))
    return catalog, db
