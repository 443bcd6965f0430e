"""`tradeoff import benchmarks PATH`: parse the CSVs (sources.benchmarks), write
catalog/benchmarks/*.json, rebuild the database and write the review report.

Nothing is written until every file has parsed and validated.
"""

from __future__ import annotations

from pathlib import Path

from tradeoff.catalog.benchmark_files import RESULTS_DIR, write_results_file
from tradeoff.catalog.benchmark_registry import load_registry
from tradeoff.catalog.load import default_catalog_dir, load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.version import catalog_version, default_db_path
from tradeoff.errors import DataError
from tradeoff.maintain.benchmark_review import summary_lines, tally, write_review
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
    files = csv_paths(path)
    text = load_catalog(catalog_dir)
    sources = text.sources
    registry = load_registry(catalog_dir)
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
    # Every file parsed and validated: only now write (each file atomically).
    for file, results in parsed:
        write_results_file(results, catalog_dir / RESULTS_DIR / f"{file.stem}.json")
    # The catalog text holds no result files (the build reads them), so it is still current.
    # One reconcile: the build's; the review counts the rows the build linked.
    resolved = build_database(text, db_path, catalog_version(catalog_dir))
    tallies = tally(text, resolved)
    review = write_review(catalog_dir / "review", tallies)
    wrote = ", ".join(f"{RESULTS_DIR}/{file.stem}.json" for file, _ in parsed)
    return "\n".join([*summary_lines(tallies), *skipped, f"wrote {wrote} and {review}"])
