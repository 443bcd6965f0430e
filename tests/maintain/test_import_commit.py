"""Imports under one lock, committed all-or-nothing, stamped with the text they compiled.

Issue 12 item 4: two imports at once left a database stamped with the current catalog
version but built from a mix (one import's changes lost, never rebuilt); a killed import
left a new import file beside a stale review, temporaries in imports/ and a scratch folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tradeoff.catalog import commit
from tradeoff.catalog.commit import JOURNAL_NAME, catalog_lock
from tradeoff.catalog.files import read_snapshot
from tradeoff.catalog.load import load_catalog, read_import
from tradeoff.db.build import build_database
from tradeoff.db.locate import ensure_database
from tradeoff.db.version import catalog_version
from tradeoff.errors import DataError
from tradeoff.maintain import importing
from tradeoff.maintain.checks import commit_findings
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.sources import litellm, models_dev

FIXTURES = Path(__file__).parents[1] / "fixtures"
DAY = dt.date(2026, 11, 29)


def _litellm(path: Path = FIXTURES / "litellm", day: dt.date = DAY) -> Callable[[], Any]:
    return lambda: litellm.import_file(path, retrieved=day)


def _models_dev() -> Callable[[], Any]:
    return lambda: models_dev.import_tree(FIXTURES / "models-dev-mini", retrieved=DAY)


def _stamp(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])


def _sources_in(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT DISTINCT source_id FROM offerings")}


def _review(catalog: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((catalog / "review").iterdir())}


def _expected_review(catalog: Path) -> dict[str, bytes]:
    """The review report the catalog text on disk calls for."""
    report = importing.review_report(catalog, reconcile(load_catalog(catalog)))
    return {path.name: text.encode() for path, text in sorted(report.items())}


def _assert_consistent(catalog: Path, db: Path) -> None:
    """Both imports on disk, in the database, in the review; the stamp is the text's version."""
    assert {p.name for p in (catalog / "imports").iterdir()} == {"litellm.json", "models-dev.json"}
    assert _stamp(db) == catalog_version(catalog)
    assert {"litellm", "models-dev"} <= _sources_in(db)
    assert _review(catalog) == _expected_review(catalog)


def test_two_imports_racing_in_threads_both_land(
    mini_env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, db = mini_env
    real_load = load_catalog
    both_read = threading.Barrier(2)

    def load_then_wait(root: Path | None = None) -> Any:
        text = real_load(root)
        # Unlocked, both imports would read the catalog before either writes.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_read.wait(timeout=1)
        return text

    monkeypatch.setattr("tradeoff.maintain.importing.load_catalog", load_then_wait)
    failures: list[BaseException] = []

    def run(make: Callable[[], Any]) -> None:
        try:
            importing.import_source(make, catalog, db)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(m,)) for m in (_litellm(), _models_dev())]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    _assert_consistent(catalog, db)
    assert ensure_database(catalog, db) == db and _stamp(db) == catalog_version(catalog)


def test_two_import_processes_at_once_both_land(mini_env: tuple[Path, Path]) -> None:
    catalog, db = mini_env
    cli = [sys.executable, "-c", "from tradeoff.cli import main; main()", "import"]
    commands = [
        [*cli, "litellm", str(FIXTURES / "litellm"), "--retrieved", "2026-11-29"],
        [*cli, "models-dev", str(FIXTURES / "models-dev-mini"), "--retrieved", "2026-11-29"],
    ]
    runs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    _assert_consistent(catalog, db)


def test_the_stamp_is_the_version_of_the_text_compiled_not_of_a_later_edit(
    mini_env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, db = mini_env
    importing.import_source(_litellm(), catalog, db)
    lite = catalog / "imports" / "litellm.json"
    real_build = build_database

    def build_then_edit(*args: Any, **kwargs: Any) -> Any:
        resolved = real_build(*args, **kwargs)
        # Someone edits another catalog file after the import read it.
        lite.write_text(
            lite.read_text().replace('"retrieved": "2026-11-29"', '"retrieved": "2026-11-30"')
        )
        return resolved

    monkeypatch.setattr("tradeoff.maintain.importing.build_database", build_then_edit)
    importing.import_source(_models_dev(), catalog, db)
    assert _stamp(db) != catalog_version(catalog)  # not built from the edit: stale
    ensure_database(catalog, db)
    with sqlite3.connect(db) as conn:
        retrieved = conn.execute("SELECT retrieved FROM sources WHERE id = 'litellm'").fetchone()
    assert retrieved == ("2026-11-30",)


def test_a_snapshot_edited_to_hold_a_new_file_hashes_like_the_disk_after_writing_it(
    mini_env: tuple[Path, Path],
) -> None:
    catalog, _ = mini_env
    importing.import_source(_models_dev(), catalog)
    target = catalog / "imports" / "litellm.json"
    foreseen = read_snapshot(catalog).with_file(target, '{"x": 1}\n').fingerprint()
    target.write_text('{"x": 1}\n')
    assert read_snapshot(catalog).fingerprint() == foreseen


class Crash(Exception):
    """A kill, at the worst moment."""


def test_a_crash_while_writing_the_review_leaves_the_import_old_and_a_journal_that_finishes(
    mini_env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    catalog, db = mini_env
    importing.import_source(_litellm(), catalog, db)
    importing.import_source(_models_dev(), catalog, db)
    lite = catalog / "imports" / "litellm.json"
    before = lite.read_bytes()
    data = json.loads((FIXTURES / "litellm" / "model_prices_and_context_window.json").read_text())
    data["acme/widget-1"]["input_cost_per_token"] = 2e-06
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data))

    real_replace = os.replace
    review_renames = 0

    def crash_on_second_review_file(src: Any, dst: Any) -> None:
        nonlocal review_renames
        if Path(dst).parent == catalog / "review":
            review_renames += 1
            if review_renames == 2:
                raise Crash
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_second_review_file)
    with pytest.raises(Crash):
        importing.import_source(_litellm(newer, dt.date(2026, 12, 15)), catalog, db)
    monkeypatch.setattr(os, "replace", real_replace)

    # Either nothing changed, or the half-done commit is detectable: here, the import is the
    # old one and the journal says what is unfinished; `tradeoff check` reports it.
    assert lite.read_bytes() == before
    assert (catalog / JOURNAL_NAME).is_file()
    assert [f.kind for f in commit_findings(catalog)] == ["interrupted-import"]

    # The next writer finishes it: the new import, its review, no journal, no temporaries.
    importing.import_source(_models_dev(), catalog, db)
    widget = next(o for o in read_import(lite).offerings if o.provider_model_id == "widget-1")
    assert widget.prices.input_per_mtok == Decimal("2")
    assert not (catalog / JOURNAL_NAME).exists()
    assert commit_findings(catalog) == []
    assert _review(catalog) == _expected_review(catalog)
    assert [p.name for p in catalog.rglob(".*.tmp-*")] == []
    ensure_database(catalog, db)
    assert _stamp(db) == catalog_version(catalog)


def test_a_crash_before_the_journal_changes_nothing(
    mini_env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog, db = mini_env
    importing.import_source(_models_dev(), catalog, db)
    files = {p: p.read_bytes() for p in catalog.rglob("*") if p.is_file()}
    real_fsync = os.fsync
    calls = 0

    def crash_on_third_write(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise Crash
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", crash_on_third_write)
    with pytest.raises(Crash):
        importing.import_source(_litellm(), catalog, db)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert {p: p.read_bytes() for p in catalog.rglob("*") if p.is_file()} == files


def test_stale_temporaries_of_a_killed_run_are_cleaned_ours_and_old_only(
    mini_env: tuple[Path, Path],
) -> None:
    catalog, db = mini_env
    build = db.parent
    hour_ago = time.time() - 3600
    (catalog / "imports").mkdir(exist_ok=True)
    (catalog / "review").mkdir(exist_ok=True)
    stale = [
        catalog / "imports" / ".litellm.json.tmp-4242",
        catalog / "review" / ".README.md.tmp-4242",
        build / f".{db.name}.tmp-4242",
        build / ".import-scratch-abc123" / db.name,
        build / "tmpab12cd34" / db.name,  # what imports left before they named the folder
    ]
    kept = [
        catalog / "imports" / ".models-dev.json.tmp-4343",  # recent: its writer may be alive
        catalog / "imports" / "notes.tmp-4242",  # not a name of ours
        build / "tmpzz99yy88" / "other.txt",  # someone else's temporary folder
        build / ".other.sqlite.tmp-4242",  # another database's
    ]
    for path in stale + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("left by a killed run")
    for path in stale + kept[1:]:
        os.utime(path, (hour_ago, hour_ago))
        if path.parent not in (catalog / "imports", catalog / "review", build):
            os.utime(path.parent, (hour_ago, hour_ago))

    importing.import_source(_litellm(), catalog, db)

    assert [p for p in stale if p.exists()] == []
    assert not (build / ".import-scratch-abc123").exists()
    assert not (build / "tmpab12cd34").exists()
    assert [p for p in kept if not p.exists()] == []


def test_a_second_writer_waits_then_says_another_import_is_running(tmp_path: Path) -> None:
    with catalog_lock(tmp_path):
        started = time.monotonic()
        with (
            pytest.raises(DataError, match="another import is running"),
            catalog_lock(tmp_path, wait_s=0.2),
        ):
            pass
        assert time.monotonic() - started >= 0.2
    with catalog_lock(tmp_path, wait_s=0):  # released: free again
        pass


def test_an_unwritable_review_folder_changes_nothing_and_names_the_file(
    mini_env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # (Tests run as root here, where chmod cannot forbid a write: refuse it at open.)
    catalog, db = mini_env
    importing.import_source(_models_dev(), catalog, db)
    files = {p: p.read_bytes() for p in catalog.rglob("*") if p.is_file()}
    real_open = open

    def read_only_review(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).parent == catalog / "review" and "w" in (args[0] if args else "r"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(commit, "open", read_only_review, raising=False)
    with pytest.raises(DataError, match=r"Permission denied.*nothing was changed") as raised:
        importing.import_source(_litellm(), catalog, db)
    assert "review" in str(raised.value)
    assert {p: p.read_bytes() for p in catalog.rglob("*") if p.is_file()} == files


def test_the_temporaries_of_an_unfinished_commit_are_never_cleaned(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    (catalog / "review").mkdir(parents=True)
    pending = catalog / "review" / ".README.md.tmp-4242"
    pending.write_text("the new review")
    (catalog / JOURNAL_NAME).write_text(
        '{"renames": [["review/.README.md.tmp-4242", "review/README.md"]]}'
    )
    later = time.time() + 24 * 3600
    assert commit.clean_stale_temps(catalog, tmp_path / "db.sqlite", now=later) == []
    assert commit.finish_interrupted(catalog) == [catalog / "review" / "README.md"]
    assert (catalog / "review" / "README.md").read_text() == "the new review"
    assert not (catalog / JOURNAL_NAME).exists()
