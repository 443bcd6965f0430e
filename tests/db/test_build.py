"""Compiling to SQLite: curated facts win, floating ids skipped, atomic (a failed build keeps
the old database)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.catalog.load import load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog
from tradeoff.db.version import catalog_version
from tradeoff.errors import DataError

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_build_then_query(mini: Path, tmp_path: Path) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    catalog = Catalog(db)
    widget = catalog.models["acme/widget-1"]
    assert widget.release_date.value is not None
    assert widget.release_date.value.iso == "2025-03-11"  # curated beats models.dev 2025-03-10
    assert widget.release_date.source_id == "widget-1-card"
    assert widget.release_date.disputed  # and the disagreement is kept
    assert widget.architecture.value == "dense"
    assert "acme/widget-latest" not in catalog.models  # floating: skipped
    providers = {o.provider_id for o in catalog.offerings_for("acme/widget-1")}
    assert providers == {"acme", "hostco", "mirror"}  # FP8 linked by the curated alias
    assert catalog.providers["mirror"].status == "defunct"


def test_failed_build_leaves_the_old_database_intact(mini: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite"
    build_database(load_catalog(mini), db, catalog_version(mini))
    before = db.read_bytes()
    curated = mini / "curated" / "acme" / "widget-2.toml"
    curated.write_text(
        'id = "acme/widget-2"\nname = "Widget 2"\nlab = "acme"\naliases = ["widget-one"]\n'
    )  # "widget-one" already names acme/widget-1
    with pytest.raises(DataError, match="widget-one"):
        build_database(load_catalog(mini), db, catalog_version(mini))
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".c.sqlite.tmp*"))


def test_dense_model_active_parameters_equal_total(mini: Path, tmp_path: Path) -> None:
    widget = Catalog(ensure_database(mini, tmp_path / "c.sqlite")).models["acme/widget-1"]
    assert widget.architecture.value == "dense"
    assert widget.parameters_active.value == widget.parameters_total.value == 70_000_000_000
    assert widget.parameters_active.note and "dense" in widget.parameters_active.note
