"""Freshness like git's index: a matching stat signature means current without reading a
file; a doubt is settled by hashing; only a changed catalog text or code rebuilds."""

from __future__ import annotations

import importlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

import tradeoff.db.build
from tradeoff.db import freshness, locate
from tradeoff.db.locate import check, ensure_database

PACKAGE = Path(freshness.PACKAGE_DIR)


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every database ``ensure_database`` compiles, in order."""
    built: list[Path] = []
    real = tradeoff.db.build.build_database

    def counting(*args: object, **kwargs: object) -> object:
        built.append(Path(str(args[1])))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tradeoff.db.build, "build_database", counting)
    return built


@pytest.fixture
def not_racy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test a moment ago count as settled (the racy window is 0)."""
    monkeypatch.setattr(freshness, "RACY_NS", 0)


@pytest.fixture
def code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the package's source the stamp reads as "the code" (the running code is
    the real one): edits to it stand for edits to a checkout."""
    copy = tmp_path / "code"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.sqlite"))
    monkeypatch.setattr(freshness, "PACKAGE_DIR", str(copy))
    return copy


def _stamp(db: Path) -> dict[str, str]:
    stamp = freshness.read_stamp(str(db))
    assert stamp is not None
    return stamp


def _no_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail on any read of the catalog text: the stat signature must answer alone."""

    def refuse(root: Path) -> None:
        raise AssertionError(f"read {root}")

    monkeypatch.setattr(locate, "read_snapshot", refuse)


def test_a_matching_signature_answers_without_reading_a_file(
    mini: Path, tmp_path: Path, builds: list[Path], not_racy: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    assert len(builds) == 1 and _stamp(db)["stat"]
    _no_reads(monkeypatch)
    assert check(mini, db) == (_stamp(db)["version"], True)
    assert ensure_database(mini, db) == db and len(builds) == 1


def test_touch_without_change_hashes_once_then_notes_the_new_signature(
    mini: Path, tmp_path: Path, builds: list[Path], not_racy: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    before = _stamp(db)
    (mini / "labs.toml").touch()
    ensure_database(mini, db)
    after = _stamp(db)
    assert len(builds) == 1  # hashed, the same: not rebuilt
    assert after["version"] == before["version"] and after["stat"] != before["stat"]
    _no_reads(monkeypatch)
    assert check(mini, db)[1]  # the noted signature answers the next start


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda root: _edit(root / "labs.toml"), id="edit"),
        pytest.param(lambda root: (root / "labs.toml").unlink(), id="deleted"),
        pytest.param(lambda root: _add(root / "curated" / "acme" / "widget-2.toml"), id="added"),
    ],
)
def test_a_changed_catalog_file_rebuilds(
    change: Callable[[Path], None], mini: Path, tmp_path: Path, builds: list[Path], not_racy: None
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    version = _stamp(db)["version"]
    change(mini)
    ensure_database(mini, db)
    assert len(builds) == 2 and _stamp(db)["version"] != version


def _edit(path: Path) -> None:
    path.write_text(path.read_text().replace("Acme Labs", "Acme Laboratories"))


def _add(path: Path) -> None:
    path.write_text('id = "acme/widget-2"\nname = "Widget 2"\nlab = "acme"\n')


def test_an_edit_keeping_size_and_mtime_is_seen_by_its_ctime(
    mini: Path, tmp_path: Path, builds: list[Path], not_racy: None
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    labs = mini / "labs.toml"
    st = labs.stat()
    labs.write_text(labs.read_text().replace("Acme Labs", "Acme Labz"))
    os.utime(labs, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime and size as before
    assert labs.stat().st_size == st.st_size
    ensure_database(mini, db)
    assert len(builds) == 2


def test_racily_clean_files_are_hashed_until_they_settle(
    mini: Path, tmp_path: Path, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the files were written a moment ago: one may change again within its mtime's tick
    # with size and mtime unchanged, so no signature is recorded and the next start hashes.
    # "A moment" is a window wide enough for a loaded machine: the test must not depend on
    # how long the first build takes (at 2 s it failed under a load average of 9)
    monkeypatch.setattr(freshness, "RACY_NS", 3_600 * 1_000_000_000)
    db = ensure_database(mini, tmp_path / "c.sqlite")
    assert _stamp(db)["stat"] == ""
    labs = mini / "labs.toml"
    labs.write_text(labs.read_text().replace("Acme Labs", "Acme Lab X"))
    ensure_database(mini, db)
    assert len(builds) == 2 and _stamp(db)["stat"] == ""
    monkeypatch.setattr(freshness, "RACY_NS", 0)  # time passes: the files settle
    ensure_database(mini, db)
    assert len(builds) == 2 and _stamp(db)["stat"]


def test_edited_code_that_writes_the_database_rebuilds_it(
    mini: Path, tmp_path: Path, builds: list[Path], not_racy: None, code: Path
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    assert "reconcile/reconciler.py" in _stamp(db)["code_files"].split("\n")
    (code / "reconcile" / "reconciler.py").touch()  # touched: hashed, the same
    (code / "render" / "html.py").write_text("# not code that writes the database\n")
    ensure_database(mini, db)
    assert len(builds) == 1
    with open(code / "reconcile" / "reconciler.py", "a") as handle:
        handle.write("# edited\n")
    ensure_database(mini, db)
    assert len(builds) == 2
    (code / "db" / "schema_units.sql").unlink()  # a code file gone
    ensure_database(mini, db)
    assert len(builds) == 3


def test_a_database_without_a_stamp_is_rebuilt(
    mini: Path, tmp_path: Path, builds: list[Path]
) -> None:
    # an import compiles with db.build directly, before it writes its files: no code stamp
    db = ensure_database(mini, tmp_path / "c.sqlite")
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DELETE FROM meta WHERE key IN ('code', 'stat')")
    ensure_database(mini, db)
    assert len(builds) == 2 and set(freshness.STAMP_KEYS) <= _stamp(db).keys()


def test_a_busy_database_keeps_its_signature_and_stays_current(
    mini: Path, tmp_path: Path, builds: list[Path], not_racy: None
) -> None:
    db = ensure_database(mini, tmp_path / "c.sqlite")
    before = _stamp(db)
    (mini / "labs.toml").touch()
    with closing(sqlite3.connect(db, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")  # another process writing: the note gives up
        assert check(mini, db) == (before["version"], True)
        other.execute("ROLLBACK")
    assert _stamp(db) == before and len(builds) == 1


def test_a_signature_is_noted_only_over_the_stamp_that_was_hashed(
    mini: Path, tmp_path: Path
) -> None:
    # a concurrent rebuild replaced the database between the hash and the note
    db = ensure_database(mini, tmp_path / "c.sqlite")
    stamp = _stamp(db)
    freshness.note_signature(str(db), {**stamp, "version": "other"}, "noted")
    assert _stamp(db)["stat"] == stamp["stat"]
    freshness.note_signature(str(db), stamp, "noted")
    assert _stamp(db)["stat"] == "noted"


def test_the_stamped_code_covers_every_module_the_build_imports() -> None:
    roots = [*locate.BUILD_MODULES, "tradeoff.pages.precompute"]
    script = f"import sys; [__import__(m) for m in {roots!r}]; print(*sorted(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split()
    files = set(freshness.build_code_files(roots))
    modules = [m for m in loaded if m.split(".")[0] == "tradeoff"]
    assert len(modules) > 50
    for module in modules:
        path = Path(str(importlib.import_module(module).__file__))
        assert path.relative_to(PACKAGE).as_posix() in files, module
    assert "db/schema.sql" in files and "render/html.py" not in files and "api.py" not in files
