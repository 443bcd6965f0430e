"""The bundled catalog (catalog/), for the checks of real data in this folder.

Every test here is marked ``bundled`` (tests/conftest.py). In this folder ``catalog`` is the
bundled catalog, compiled once, lazily: only when a test of this folder runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database

BUNDLED = Path(__file__).resolve().parents[2] / "catalog"


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalog compiled into a session temp file (several seconds)."""
    return ensure_database(BUNDLED, tmp_path_factory.mktemp("bundled") / "catalog.sqlite")


@pytest.fixture(scope="session")
def bundled_text() -> CatalogText:
    """The bundled catalog's text, parsed and validated once (read it, never change it)."""
    return load_catalog(BUNDLED)


@pytest.fixture(scope="session")
def catalog(bundled_db: Path) -> Iterator[Catalog]:
    """The bundled catalog, opened read-only."""
    opened = Catalog(bundled_db)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_db(monkeypatch: pytest.MonkeyPatch, bundled_db: Path) -> None:
    """CLI calls here read the bundled catalog and its session database, never build/."""
    monkeypatch.setenv("TRADEOFF_CATALOG", str(BUNDLED))
    monkeypatch.setenv("TRADEOFF_DB", str(bundled_db))
