"""ensure_database(): built when missing, rebuilt only when the catalog text changed."""

from __future__ import annotations

from pathlib import Path

from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog


def test_ensure_database_rebuilds_only_when_text_changes(mini: Path, tmp_path: Path) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    first = db.stat().st_mtime_ns
    assert ensure_database(mini, db).stat().st_mtime_ns == first
    labs = mini / "labs.toml"
    labs.write_text(labs.read_text().replace("Acme Labs", "Acme Laboratories"))
    ensure_database(mini, db)
    assert Catalog(db).labs["acme"].name == "Acme Laboratories"
