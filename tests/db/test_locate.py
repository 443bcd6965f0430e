"""ensure_database(): built when missing, rebuilt only when the catalog text changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradeoff.db import locate
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog
from tradeoff.db.version import catalog_version
from tradeoff.errors import DataError


def test_ensure_database_rebuilds_only_when_text_changes(mini: Path, tmp_path: Path) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    first = db.stat().st_mtime_ns
    assert ensure_database(mini, db).stat().st_mtime_ns == first
    labs = mini / "labs.toml"
    labs.write_text(labs.read_text().replace("Acme Labs", "Acme Laboratories"))
    ensure_database(mini, db)
    assert Catalog(db).labs["acme"].name == "Acme Laboratories"


def _packaged(monkeypatch: pytest.MonkeyPatch, db: Path | None) -> None:
    """Pretend to be an installed wheel carrying ``db`` (None: a source checkout)."""
    monkeypatch.setattr(locate, "packaged_db_path", lambda: db)


def test_an_installed_wheel_reads_its_packaged_database_as_it_is(
    catalog_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = tmp_path / "site-packages" / "catalog.sqlite"
    packaged.parent.mkdir()
    shutil.copy(catalog_db, packaged)
    packaged.chmod(0o444)
    before = packaged.stat().st_mtime_ns
    _packaged(monkeypatch, packaged)
    monkeypatch.delenv("TRADEOFF_CATALOG")
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "elsewhere.sqlite"))
    assert ensure_database() == packaged
    assert packaged.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["catalog.sqlite", "site-packages"]
    assert locate.catalog_version() == f"catalog {Catalog(packaged).version} (packaged)"


def test_a_chosen_catalog_text_tree_wins_over_the_packaged_database(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _packaged(monkeypatch, tmp_path / "never-read.sqlite")
    monkeypatch.setenv("TRADEOFF_CATALOG", str(mini))
    monkeypatch.setenv("TRADEOFF_DB", str(tmp_path / "mini.sqlite"))
    assert ensure_database() == tmp_path / "mini.sqlite"
    assert Catalog(tmp_path / "mini.sqlite").labs["acme"].name == "Acme Labs"
    assert locate.catalog_version() == f"catalog {catalog_version(mini)} ({mini})"


def test_no_catalog_anywhere_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _packaged(monkeypatch, None)
    monkeypatch.setenv("TRADEOFF_CATALOG", str(tmp_path / "missing"))
    with pytest.raises(DataError, match=r"catalog directory not found \(point --catalog DIR"):
        ensure_database()
    assert locate.catalog_version() == f"no catalog: {tmp_path / 'missing'} not found"
