"""Compile the registry and result files into the database (called by `db.build`)."""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tradeoff.catalog.benchmark_files import (
    ResultEntry,
    ResultsFile,
    read_results_file,
    results_files,
)
from tradeoff.catalog.benchmark_registry import REGISTRY_FILE, Registry, load_registry
from tradeoff.catalog.load import CatalogText
from tradeoff.errors import DataError
from tradeoff.reconcile.benchmark_links import link_result
from tradeoff.reconcile.resolved import Resolved
from tradeoff.sources.benchmarks import preview_checkpoint


@dataclass(frozen=True)
class LinkedRow:
    """One row of a result file after linking: a model id, or the reason there is none."""

    result_id: str
    source_id: str
    entry: ResultEntry
    model_id: str | None
    how: str | None
    reason: str | None
    quantization: str | None


@dataclass(frozen=True)
class LinkedFile:
    """One result file of catalog/benchmarks/, read and validated once, its rows linked."""

    path: Path
    results: ResultsFile
    rows: tuple[LinkedRow, ...]


# The files linked against the last Resolved: the database writer links them during the build
# and the import's review report reuses them (same Resolved object) instead of reading the
# files and linking every row again.
_LAST: tuple[weakref.ref[Resolved], Path, list[LinkedFile]] | None = None


def linked_files(text: CatalogText, resolved: Resolved) -> list[LinkedFile]:
    """Every result file of catalog/benchmarks/ (stable order), linked through the alias index."""
    global _LAST
    if _LAST is not None and _LAST[0]() is resolved and _LAST[1] == text.root:
        return _LAST[2]
    out = []
    for path in results_files(text.root):
        results = read_results_file(path)
        if results.source_id not in resolved.sources:
            raise DataError(
                f"unknown source {results.source_id!r} (declare it in sources.toml)",
                path=path,
                field="source_id",
            )
        rows = []
        for entry in results.results:
            link = link_result(resolved.index, entry)
            rows.append(
                LinkedRow(
                    f"{path.stem}#{entry.line}",
                    results.source_id,
                    entry,
                    link.model_id,
                    link.how,
                    link.reason,
                    link.quantization,
                )
            )
        out.append(LinkedFile(path, results, tuple(rows)))
    _LAST = (weakref.ref(resolved), text.root, out)
    return out


def linked_rows(text: CatalogText, resolved: Resolved) -> Iterator[LinkedRow]:
    """Every result of catalog/benchmarks/*.json, linked through the alias index."""
    for linked in linked_files(text, resolved):
        yield from linked.rows


def _benchmark_row(registry: Registry, benchmark_id: str) -> tuple[object, ...]:
    b = registry.benchmark(benchmark_id)
    return (
        b.id,
        b.name,
        b.subset,
        b.version,
        b.metric,
        b.unit,
        int(b.higher_is_better),
        b.homepage,
        b.category,
    )


def write_benchmarks(conn: sqlite3.Connection, text: CatalogText, resolved: Resolved) -> None:
    """Insert the registry, the linked results and the unmatched rows."""
    if not (text.root / REGISTRY_FILE).is_file():
        return  # a catalog without benchmarks (small test catalogs)
    registry = load_registry(text.root)
    conn.executemany(
        "INSERT INTO benchmarks VALUES (?,?,?,?,?,?,?,?,?)",
        [_benchmark_row(registry, b) for b in sorted(registry.entries)],
    )
    for row in linked_rows(text, resolved):
        e = row.entry
        if e.benchmark not in registry.entries:
            reason: str | None = f"benchmark {e.benchmark!r} is no longer in {REGISTRY_FILE}"
        elif row.model_id is None or row.model_id not in resolved.models:
            reason = row.reason or f"{row.model_id} is not a model of the compiled catalog"
        else:
            reason = None
        if reason is not None:
            conn.execute(
                "INSERT INTO benchmark_unmatched VALUES (?,?,?,?,?,?)",
                (
                    row.result_id,
                    row.source_id,
                    e.source_model,
                    e.model_id or e.provider_ref,
                    e.benchmark,
                    reason,
                ),
            )
            continue
        settings = dict(e.settings)
        if row.quantization:
            settings["quantization"] = row.quantization  # a quantized run is another setting
        # A preview run linked to a model that is itself that kind of checkpoint is its own.
        own = bool(preview_checkpoint(str(row.model_id).rsplit("/", 1)[-1]))
        conn.execute(
            "INSERT INTO benchmark_results VALUES (" + ",".join("?" * 22) + ")",
            (
                row.result_id,
                row.model_id,
                e.benchmark,
                e.subset,
                e.metric,
                e.metric_as_published,
                e.score,
                e.harness,
                e.harness_key,
                json.dumps(settings, sort_keys=True),
                e.run_by,
                e.reported,
                e.date,
                row.source_id,
                e.source_url,
                e.published_in,
                resolved.sources[row.source_id].licence,
                e.source_model,
                row.how or "",
                "" if own else e.checkpoint,
                e.withdrawn,
                e.settings_from,
            ),
        )
