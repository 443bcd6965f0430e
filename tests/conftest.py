"""Shared fixtures: the bundled catalog compiled once per session into a temp directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tradeoff.catalog.load import default_catalog_dir
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalog compiled into a session temp file."""
    return ensure_database(default_catalog_dir(), tmp_path_factory.mktemp("db") / "catalog.sqlite")


@pytest.fixture(scope="session")
def catalog(bundled_db: Path) -> Iterator[Catalog]:
    """The bundled catalog, opened read-only."""
    opened = Catalog(bundled_db)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_db(monkeypatch: pytest.MonkeyPatch, bundled_db: Path) -> None:
    """CLI calls in tests use the session database, never build/ in the work tree."""
    monkeypatch.setenv("TRADEOFF_DB", str(bundled_db))
