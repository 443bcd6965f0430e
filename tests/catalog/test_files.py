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


def _glob_reference(root: Path) -> list[Path]:
    """What ``catalog_files`` listed with pathlib's glob before it used ``os.scandir``."""
    fixed = ("sources.toml", "labs.toml", "providers.toml", "aliases.toml", "exclusions.toml")
    files = [root / n for n in fixed if (root / n).is_file()]
    for name, pattern in (
        ("curated", "**/*.toml"),
        ("providers", "*.toml"),
        ("lifecycle", "*.toml"),
        ("imports", "*.json"),
        ("benchmarks.toml", ""),
        ("benchmarks", "*.json"),
        ("history", "*.json"),
    ):
        if pattern:
            files += sorted(p for p in (root / name).glob(pattern) if p.is_file())
        elif (root / name).is_file():
            files.append(root / name)
    return files


def test_the_listing_is_the_globs_listing(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(SLICE, root)
    curated = root / "curated"
    for rel in ("a-b/x.toml", "a/x.toml", "a/deep/er/y.toml", ".hidden.toml", "b/notes.md"):
        (curated / rel).parent.mkdir(parents=True, exist_ok=True)
        (curated / rel).write_text("# x\n")
    (curated / "dir.toml").mkdir()  # a folder named like a file: not a file
    (curated / "link").symlink_to(curated / "a", target_is_directory=True)  # not followed
    (root / "providers").mkdir(exist_ok=True)
    (root / "providers" / "to-file.toml").symlink_to(curated / "a" / "x.toml")  # a file
    (root / "providers" / "sub").mkdir()
    (root / "providers" / "sub" / "no.toml").write_text("# not at the top: not listed\n")
    listed = catalog_files(root)
    assert listed == _glob_reference(root)
    rels = [p.relative_to(root).as_posix() for p in listed]
    assert rels.index("curated/a/x.toml") < rels.index("curated/a-b/x.toml")
    assert "providers/to-file.toml" in rels and "curated/link/x.toml" not in rels
