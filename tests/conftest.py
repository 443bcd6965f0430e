"""Shared fixtures: the test catalog (tests/fixtures/catalog-slice) compiled once per session.

Every test runs against that frozen slice of the bundled catalog: ``catalog`` is it, opened
read-only, and the CLI sees it through $TRADEOFF_CATALOG / $TRADEOFF_DB. Checks of the real
bundled catalog live in tests/bundled (marker ``bundled``), whose conftest swaps both for the
bundled catalog, compiled only when one of those tests runs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SLICE = FIXTURES / "catalog-slice"
# Folders whose every test carries a marker (so `-m "not bundled and not browser"` is the
# fast part); a test file added there is marked without having to remember it.
FOLDER_MARKERS = {"bundled": "bundled", "browser": "browser"}

# Hypothesis's per-example deadline is a timed test: on a loaded 2-core machine it failed
# property tests whose code was fine. Properties here are about results, never speed (speed
# is measured by bench/), so no example has a deadline.
settings.register_profile("tradeoff", deadline=None)
settings.load_profile("tradeoff")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        folder = item.path.relative_to(TESTS).parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


@pytest.fixture(scope="session")
def catalog_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the test catalog: a test that writes to it cannot touch the repo."""
    copy = tmp_path_factory.mktemp("slice") / "catalog"
    shutil.copytree(SLICE, copy)
    return copy


@pytest.fixture(scope="session")
def catalog_db(catalog_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test catalog compiled into a session temp file (well under a second), with the
    values precomputed at build (``pages.precompute``), as every shell compiles it."""
    return ensure_database(catalog_dir, tmp_path_factory.mktemp("db") / "catalog.sqlite")


@pytest.fixture(scope="session")
def catalog(catalog_db: Path) -> Iterator[Catalog]:
    """The test catalog, opened read-only."""
    opened = Catalog(catalog_db)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_db(monkeypatch: pytest.MonkeyPatch, catalog_dir: Path, catalog_db: Path) -> None:
    """CLI calls and the app use the test catalog, never catalog/ or build/ of the work tree."""
    monkeypatch.setenv("TRADEOFF_CATALOG", str(catalog_dir))
    monkeypatch.setenv("TRADEOFF_DB", str(catalog_db))
