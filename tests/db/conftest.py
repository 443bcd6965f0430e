"""A writable copy of the mini fixture catalog with its models.dev import, for db tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.catalog.load import write_import
from tradeoff.sources.models_dev import import_tree

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """catalog-mini copied to a temp dir, with models-dev-mini imported into it."""
    copy = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "catalog-mini", copy)
    write_import(import_tree(FIXTURES / "models-dev-mini"), copy / "imports" / "models-dev.json")
    return copy
