"""``tradeoff import models-dev-history PATH``: write catalog/history/<source>.json safely.

As ``maintain.importing`` does for a dataset's snapshot: the new file is compiled with the
rest of the catalog first (linking, checks, classification: ``reconcile.history``); it is
written only when that succeeds, under the writers' lock, and the database is replaced last.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from pathlib import Path

from tradeoff.catalog.commit import (
    SCRATCH_PREFIX,
    catalog_lock,
    clean_stale_temps,
    commit_files,
    finish_interrupted,
)
from tradeoff.catalog.files import default_catalog_dir, pinned, read_snapshot
from tradeoff.catalog.history_files import HISTORY_DIR, HistoryFile, history_text
from tradeoff.catalog.load import load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.history_writer import history_of
from tradeoff.db.version import default_db_path, snapshot_version
from tradeoff.history_records import PRICE
from tradeoff.maintain.stamping import finish_compiled
from tradeoff.reconcile.history import History
from tradeoff.sources.models_dev_history import import_history


def import_history_file(
    path: Path,
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    *,
    dry_run: bool = False,
) -> str:
    """Import the history at ``path``; returns a summary (rows, linked, changes by kind)."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    history = import_history(path)  # reads only the dataset: outside the lock
    target = catalog_dir / HISTORY_DIR / f"{history.source_id}.json"
    written = history_text(history)
    with catalog_lock(catalog_dir):
        if not dry_run:
            finish_interrupted(catalog_dir)
            clean_stale_temps(catalog_dir, db_path)
        snapshot = read_snapshot(catalog_dir).with_file(target, written)
        version = snapshot_version(snapshot)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=db_path.parent) as scratch:
            staged = Path(scratch) / db_path.name
            with pinned(snapshot):  # the new history file is read from the snapshot
                text = load_catalog(catalog_dir)
                resolved = build_database(text, staged, version)
                compiled = history_of(text, resolved)
            lines = summary_lines(history, compiled)
            if dry_run:
                return "\n".join([*lines, "dry run: nothing written"])
            finish_compiled(staged)  # what a start compiles: no rebuild at the next
            commit_files(catalog_dir, {target: written})
            os.replace(staged, db_path)
    return "\n".join([*lines, f"wrote {target}"])


def summary_lines(history: HistoryFile, compiled: History) -> list[str]:
    """What was read and what it became."""
    mine = [s for s in compiled.spans if s.source_id == history.source_id]
    changes = [c for c in compiled.changes if c.source_id == history.source_id]
    kinds = Counter(f"{c.kind} {c.detail}" for c in changes)
    moved = {(c.provider_id, c.provider_model_id) for c in changes if c.kind == PRICE}
    offerings = {(s.provider_id, s.provider_model_id) for s in mine}
    linked = {(s.provider_id, s.provider_model_id) for s in mine if s.model_id}
    return [
        f"{history.source_id} history: {len(history.rows)} rows, "
        f"{history.first_commit[:7]}..{history.last_commit[:7]}",
        f"offerings: {len(offerings)}, linked to a model: {len(linked)}; "
        f"price spans: {len(mine)} ({sum(1 for s in mine if s.model_id)} linked)",
        f"offerings with at least one price move: {len(moved)}",
        "changes: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())),
    ]
