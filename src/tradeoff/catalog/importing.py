"""Run an importer safely: validate the whole catalog with the new import, then write.

Nothing is written unless the new import parses, validates and compiles with the rest of
the catalog; the import file and the database are each replaced atomically.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tradeoff.catalog.load import default_catalog_dir, load_catalog, write_import
from tradeoff.catalog.review import dropped_kind, write_review
from tradeoff.catalog.schema import ImportFile
from tradeoff.db.build import build_database, catalog_version, default_db_path


def import_source(
    run: Callable[[], ImportFile], catalog_dir: Path | None = None, db_path: Path | None = None
) -> str:
    """Import, check with the full catalog, write; returns a summary for people."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    imported = run()
    text = load_catalog(catalog_dir)
    text.imports = [i for i in text.imports if i.source_id != imported.source_id] + [imported]
    with tempfile.TemporaryDirectory() as scratch:
        resolved = build_database(text, Path(scratch) / "check.sqlite", "unversioned")
    write_import(imported, catalog_dir / "imports" / f"{imported.source_id}.json")
    write_review(catalog_dir / "review", resolved)
    build_database(load_catalog(catalog_dir), db_path, catalog_version(catalog_dir))
    ours = [o for o in resolved.offerings if o.source_id == imported.source_id]
    linked = sum(1 for o in ours if o.model_id)
    reasons = Counter(dropped_kind(d.reason) for d in imported.dropped)
    target = catalog_dir / "imports" / f"{imported.source_id}.json"
    lines = [
        f"{imported.source_id}: {len(imported.models)} models, "
        f"{len(imported.providers)} providers, {len(imported.offerings)} offerings read",
        f"linked to a canonical model: {linked} of {len(ours)} offerings"
        + (f" ({100 * linked / len(ours):.1f}%)" if ours else ""),
        f"dropped or corrected values: {len(imported.dropped)}",
        *[f"  {n:5d}  {reason}" for reason, n in reasons.most_common()],
        f"wrote {target} and {catalog_dir / 'review'}",
    ]
    return "\n".join(lines)
