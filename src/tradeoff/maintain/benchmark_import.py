"""`tradeoff import benchmarks PATH`: parse the CSVs (sources.benchmarks), write
catalog/benchmarks/*.json, rebuild the database and write the review report.

Nothing is written until every file has parsed and validated; then the result files and the
review report are committed together, under the catalog's writer lock (``catalog.commit``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from tradeoff.catalog.benchmark_files import RESULTS_DIR, results_text
from tradeoff.catalog.benchmark_registry import load_registry
from tradeoff.catalog.commit import (
    SCRATCH_PREFIX,
    catalog_lock,
    clean_stale_temps,
    commit_files,
    finish_interrupted,
)
from tradeoff.catalog.files import pinned, read_snapshot
from tradeoff.catalog.load import default_catalog_dir, load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.version import default_db_path, snapshot_version
from tradeoff.errors import DataError
from tradeoff.maintain.benchmark_review import REVIEW_FILE, review_text, summary_lines, tally
from tradeoff.maintain.stamping import finish_compiled
from tradeoff.sources.benchmarks import KNOWN_FILES, csv_paths, gate, read_csv


def import_benchmarks(
    path: Path,
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    allow_nonredistributable: bool = False,
) -> str:
    """Import CSV(s) into catalog/benchmarks/, write the review report, rebuild the database."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    with catalog_lock(catalog_dir):
        finish_interrupted(catalog_dir)
        clean_stale_temps(catalog_dir, db_path)
        return _import_locked(path, catalog_dir, db_path, allow_nonredistributable)


def _import_locked(
    path: Path, catalog_dir: Path, db_path: Path, allow_nonredistributable: bool
) -> str:
    files = csv_paths(path)
    snapshot = read_snapshot(catalog_dir)  # read once: compiled and hashed as read
    with pinned(snapshot):
        text = load_catalog(catalog_dir)
        registry = load_registry(catalog_dir)
    sources = text.sources
    parsed = []
    skipped = []
    for file in files:
        known = KNOWN_FILES[file.stem]
        source = sources.get(known.source_id)
        if source is None:
            raise DataError(
                f"source {known.source_id!r} of {file.name} is neither in sources.toml nor "
                "imported (catalog/imports/)",
                path=catalog_dir / "sources.toml",
            )
        if path.is_dir() and not (source.redistributable or allow_nonredistributable):
            # A directory holds files of several licences: import what may be shipped.
            skipped.append(
                f"skipped {file.name}: {known.source_id} licence {source.licence!r} does not "
                "allow redistribution (--allow-nonredistributable imports it for own use)"
            )
            continue
        gate(known.source_id, source, allow_nonredistributable)
        parsed.append((file, read_csv(file, registry, known.source_id)))
    # Every file parsed and validated: compile the catalog as it will be, then write it all.
    written = {catalog_dir / RESULTS_DIR / f"{f.stem}.json": results_text(r) for f, r in parsed}
    for target, results in written.items():
        snapshot = snapshot.with_file(target, results)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=db_path.parent) as scratch:
        staged = Path(scratch) / db_path.name
        # The catalog text holds no result files (the build reads them from the snapshot).
        # One reconcile: the build's; the review counts the rows the build linked.
        with pinned(snapshot):
            resolved = build_database(text, staged, snapshot_version(snapshot))
            tallies = tally(text, resolved)
        review = catalog_dir / "review" / REVIEW_FILE
        finish_compiled(staged)  # what a start compiles: no rebuild at the next
        commit_files(catalog_dir, {review: review_text(tallies), **written})
        os.replace(staged, db_path)
    wrote = ", ".join(f"{RESULTS_DIR}/{file.stem}.json" for file, _ in parsed)
    return "\n".join([*summary_lines(tallies), *skipped, f"wrote {wrote} and {review}"])
