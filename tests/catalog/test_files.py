"""Which files feed the database, and the order a snapshot keeps them in."""

from __future__ import annotations

import shutil
from pathlib import Path

from tradeoff.catalog.files import catalog_files, read_snapshot

SLICE = Path(__file__).parents[1] / "fixtures" / "catalog-slice"


def test_a_snapshot_with_a_new_file_keeps_the_catalog_order(tmp_path: Path) -> None:
    # every folder that feeds the database: a new import file is placed among them as the
    # catalog lists them (a folder known to one list and not the other was a KeyError)
    root = tmp_path / "catalog"
    shutil.copytree(SLICE, root)
    for folder, name in (("lifecycle", "acme.toml"), ("providers", "acme.toml")):
        (root / folder).mkdir(exist_ok=True)
        (root / folder / name).write_text("# empty\n")
    snapshot = read_snapshot(root)
    assert list(snapshot.contents) == catalog_files(root)
    new_import = root / "imports" / "zz-new.json"
    grown = snapshot.with_file(new_import, "{}")
    new_import.write_text("{}")
    assert list(grown.contents) == catalog_files(root)
    folders = {p.relative_to(root).parts[0] for p in grown.contents}
    assert {"lifecycle", "providers", "imports", "curated"} <= folders
