"""Run an importer safely: validate the whole catalog with the new import, then write.

Nothing is written unless the new import parses, validates and compiles with the rest of
the catalog. One import runs at a time (``catalog.commit.catalog_lock``: a second waits, then
reads the first one's result); the import file and its review report are committed together
(``catalog.commit.commit_files``), and the database is stamped with the version of exactly
the text it was compiled from. A newer snapshot of a source keeps the price history of the
previous import and adds what changed (dated by each snapshot's checked date), so importing
the same snapshot twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tradeoff.catalog.commit import (
    SCRATCH_PREFIX,
    catalog_lock,
    clean_stale_temps,
    commit_files,
    finish_interrupted,
)
from tradeoff.catalog.files import pinned, read_snapshot
from tradeoff.catalog.load import default_catalog_dir, import_text, load_catalog, read_import
from tradeoff.catalog.parsing import parse_json, validate
from tradeoff.catalog.schema import ImportedOffering, ImportedPricePoint, ImportFile
from tradeoff.db.build import build_database
from tradeoff.db.version import default_db_path, snapshot_version
from tradeoff.maintain.diff import describe_diff, import_diff
from tradeoff.maintain.review import dropped_kind, review_texts
from tradeoff.maintain.stamping import finish_compiled
from tradeoff.reconcile.reconciler import reconcile
from tradeoff.reconcile.resolved import Resolved


def import_source(
    run: Callable[[], ImportFile],
    catalog_dir: Path | None = None,
    db_path: Path | None = None,
    *,
    dry_run: bool = False,
) -> str:
    """Import, check with the full catalog, write (unless ``dry_run``); returns a summary."""
    catalog_dir = catalog_dir or default_catalog_dir()
    db_path = db_path or default_db_path(catalog_dir)
    imported = run()  # reads only the snapshot: outside the lock
    with catalog_lock(catalog_dir):
        if not dry_run:  # a dry run writes nothing, not even a repair
            finish_interrupted(catalog_dir)
            clean_stale_temps(catalog_dir, db_path)
        return _import_locked(imported, catalog_dir, db_path, dry_run=dry_run)


def _import_locked(imported: ImportFile, catalog_dir: Path, db_path: Path, *, dry_run: bool) -> str:
    target = catalog_dir / "imports" / f"{imported.source_id}.json"
    snapshot = read_snapshot(catalog_dir)  # every file read once: compiled and hashed as read
    with pinned(snapshot):
        previous = read_import(target) if target in snapshot.contents else None
        text = load_catalog(catalog_dir)
    if previous is not None:
        imported = carry_history(previous, imported)
    written = import_text(imported)
    # Compile exactly what will be written: the text, parsed back.
    imported = validate(ImportFile, parse_json(written, target), target)
    # In load_catalog's order (by file name), so the database equals a rebuild from the text.
    others = [i for i in text.imports if i.source_id != imported.source_id]
    text.imports = sorted([*others, imported], key=lambda i: f"{i.source_id}.json")
    version = snapshot_version(snapshot.with_file(target, written))
    # Compile once, beside the live database; it replaces it only after the import is written.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=db_path.parent) as scratch:
        staged = Path(scratch) / db_path.name
        with pinned(snapshot):  # the benchmark result files are read while building
            resolved = build_database(text, staged, version)
        diff = import_diff(previous, imported)
        lines = summary_lines(imported, resolved)
        if dry_run:
            return "\n".join([*lines, "dry run: nothing written", *describe_diff(diff)])
        if snapshot.contents.get(target) == written.encode("utf-8"):
            return "\n".join([*lines, f"unchanged: {target} already holds this snapshot"])
        finish_compiled(staged)  # what a start compiles: no rebuild at the next
        # The review first, the import last: a crash part-way leaves the old import, and the
        # journal that the next import (or `tradeoff check`) finds.
        commit_files(catalog_dir, {**review_report(catalog_dir, resolved), target: written})
        os.replace(staged, db_path)
    return "\n".join(
        [*lines, *describe_diff(diff, limit=0), f"wrote {target} and {catalog_dir / 'review'}"]
    )


def review_report(catalog_dir: Path, resolved: Resolved) -> dict[Path, str]:
    """Every file of catalog/review/ that ``tradeoff import`` writes, by path."""
    directory = catalog_dir / "review"
    return {**review_texts(directory, resolved), **source_review_texts(directory, resolved)}


def rewrite_review(catalog_dir: Path) -> Resolved:
    """`tradeoff review`: rewrite catalog/review/ from the catalog text, under the lock."""
    with catalog_lock(catalog_dir):
        finish_interrupted(catalog_dir)
        resolved = reconcile(load_catalog(catalog_dir))
        commit_files(catalog_dir, review_report(catalog_dir, resolved))
    return resolved


def _key(offering: ImportedOffering) -> tuple[str, str]:
    return offering.provider, offering.provider_model_id


def carry_history(previous: ImportFile, new: ImportFile) -> ImportFile:
    """The new import, with each offering's earlier price history and any change since.

    A change is a price observed then and another observed now. Not a change: the same
    snapshot read again (same commit: only the reading changed), or a price that is now
    unpriced per token. An offering now sold only in other units (per minute of audio, per
    image) keeps no per-token history: those points read its price in a unit it is not sold in.
    """
    seen = Counter(_key(o) for o in previous.offerings) + Counter(_key(o) for o in new.offerings)
    # An id a snapshot lists twice cannot be followed from one snapshot to the next.
    old = {_key(o): (o, previous.source.retrieved) for o in previous.offerings}
    same_snapshot = previous.source.commit is not None and (
        previous.source.commit == new.source.commit
    )
    offerings = []
    for offering in new.offerings:
        before = old.get(_key(offering)) if seen[_key(offering)] == 2 else None
        now = (offering.prices.input_per_mtok, offering.prices.output_per_mtok)
        if now == (None, None) and offering.prices.unit_prices:
            offerings.append(offering.model_copy(update={"history": []}))
            continue
        if before is None:
            offerings.append(offering)
            continue
        prior, prior_retrieved = before
        points = {(p.effective, p.input_per_mtok, p.output_per_mtok) for p in offering.history}
        points |= {(p.effective, p.input_per_mtok, p.output_per_mtok) for p in prior.history}
        then = (prior.prices.input_per_mtok, prior.prices.output_per_mtok)
        if then != now and now != (None, None) and not same_snapshot:
            # Observed prices: each dated by when its snapshot checked it.
            points.add(((prior.checked or prior_retrieved).isoformat(), *then))
            points.add(((offering.checked or new.source.retrieved).isoformat(), *now))
        history = [
            ImportedPricePoint(effective=e, input_per_mtok=i, output_per_mtok=o)
            for e, i, o in sorted(points, key=lambda p: (p[0], str(p[1]), str(p[2])))
        ]
        offerings.append(offering.model_copy(update={"history": history}))
    return new.model_copy(update={"offerings": offerings})


def summary_lines(imported: ImportFile, resolved: Resolved) -> list[str]:
    """Entries read, offerings linked / unmatched, dropped values by reason, unmapped providers."""
    stats = resolved.source_stats.get(imported.source_id, Counter())
    read = imported.counts.get("entries", len(imported.offerings))
    reasons = Counter(dropped_kind(d.reason) for d in imported.dropped)
    unmapped = resolved.unmapped_providers.get(imported.source_id, Counter())
    conflicts = Counter(
        c.field for c in resolved.conflicts if imported.source_id in {v[1] for v in c.values}
    )
    lines = [
        f"{imported.source_id}: {read} entries read, {len(imported.models)} models, "
        f"{len(imported.providers)} providers, {len(imported.offerings)} offerings",
        f"offerings linked to a canonical model: {stats['linked']} of {stats['offerings']}"
        + (f" ({100 * stats['linked'] / stats['offerings']:.1f}%)" if stats["offerings"] else "")
        + f"; unmatched: {stats['offerings'] - stats['linked']}",
        f"provider ids not in providers.toml: {len(unmapped)} ({sum(unmapped.values())} offerings)",
        f"conflicts involving this source: {sum(conflicts.values())}",
        *[f"  {n:5d}  {name}" for name, n in conflicts.most_common()],
        f"dropped or corrected values: {len(imported.dropped)}",
        *[f"  {n:5d}  {reason}" for reason, n in reasons.most_common()],
    ]
    return lines


def source_review_texts(directory: Path, resolved: Resolved) -> dict[Path, str]:
    """Per-source figures (sources.md) and provider ids no alias maps (unmapped-providers.csv)."""
    rows = sorted(
        (source, provider, str(n))
        for source, counts in resolved.unmapped_providers.items()
        for provider, n in counts.items()
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("source", "provider", "offerings"))
    writer.writerows(rows)
    unmapped_csv = buffer.getvalue()
    lines = [
        "# Sources: offerings read, linked and unmatched; conflicts by field",
        "",
        "Generated by `tradeoff import`; do not edit.",
        "",
        "| source | offerings | linked | unmatched | unmapped provider ids |",
        "|---|---:|---:|---:|---:|",
    ]
    for source, stats in sorted(resolved.source_stats.items()):
        unmapped = resolved.unmapped_providers.get(source, Counter())
        lines.append(
            f"| {source} | {stats['offerings']} | {stats['linked']} | "
            f"{stats['offerings'] - stats['linked']} | {len(unmapped)} |"
        )
    by_field = Counter(c.field for c in resolved.conflicts)
    lines += ["", f"## Conflicts: {len(resolved.conflicts)}", "", "| field | count |", "|---|---:|"]
    lines += [f"| {name} | {n} |" for name, n in sorted(by_field.items(), key=lambda x: -x[1])]
    return {
        directory / "unmapped-providers.csv": unmapped_csv,
        directory / "sources.md": "\n".join(lines) + "\n",
    }
