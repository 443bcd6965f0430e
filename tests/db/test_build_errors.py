"""A build that SQLite refuses fails as a DataError (no traceback), leaving no database."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tradeoff.catalog.load import CatalogText, load_catalog
from tradeoff.db import build
from tradeoff.errors import DataError
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved


def test_a_value_sqlite_refuses_is_a_data_error(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    def too_large(text: CatalogText) -> Resolved:
        resolved = reconcile(text)  # the real one
        resolved.offerings[0] = dataclasses.replace(resolved.offerings[0], context_tokens=10**30)
        return resolved

    monkeypatch.setattr(build, "reconcile", too_large)
    db = tmp_path / "out.sqlite"
    with pytest.raises(DataError, match="cannot be compiled into SQLite") as caught:
        build.build_database(load_catalog(mini), db, "test")
    assert caught.value.path == str(mini)
    assert not db.exists() and not list(tmp_path.glob(".out.sqlite.tmp-*"))


def test_an_unwritable_database_path_is_a_data_error(catalog_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    target = blocker / "catalog.sqlite"  # its folder cannot exist, even for root
    with pytest.raises(DataError, match="TRADEOFF_DB") as caught:
        build.build_database(load_catalog(catalog_dir), target, "test")
    assert caught.value.path == str(target)
