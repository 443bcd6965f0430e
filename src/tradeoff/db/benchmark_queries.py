"""Read the benchmark tables of a compiled catalog (via ``Catalog.connection()``) as records."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from decimal import Decimal

from tradeoff.benchmark_records import Benchmark, BenchmarkResult
from tradeoff.db.queries import Catalog


def benchmarks(catalog: Catalog) -> list[Benchmark]:
    """Every registered benchmark, by id."""
    rows = catalog.connection().execute("SELECT * FROM benchmarks ORDER BY id").fetchall()
    return [
        Benchmark(
            id=r["id"],
            name=r["name"],
            subset=r["subset"],
            version=r["version"],
            metric=r["metric"],
            unit=r["unit"],
            higher_is_better=bool(r["higher_is_better"]),
            homepage=r["homepage"],
            category=r["category"],
        )
        for r in rows
    ]


def _result(r: sqlite3.Row) -> BenchmarkResult:
    settings = json.loads(r["settings"])
    return BenchmarkResult(
        id=r["id"],
        model_id=r["model_id"],
        benchmark_id=r["benchmark_id"],
        subset=r["subset"],
        metric=r["metric"],
        metric_as_published=r["metric_as_published"],
        score=Decimal(r["score"]),
        harness=r["harness"],
        harness_key=r["harness_key"],
        settings=tuple(sorted(settings.items())),
        run_by=r["run_by"],
        reported=r["reported"],
        date=r["date"],
        source_id=r["source_id"],
        source_url=r["source_url"],
        published_in=r["published_in"],
        licence=r["licence"],
        source_model=r["source_model"],
        matched_how=r["matched_how"],
        checkpoint=r["checkpoint"],
        withdrawn=r["withdrawn"],
        settings_from=r["settings_from"],
    )


_ORDER = "ORDER BY benchmark_id, subset, metric, date DESC, id"


def results_for(catalog: Catalog, model_id: str) -> list[BenchmarkResult]:
    """All results of one canonical model (benchmark, subset, metric, newest first)."""
    rows = (
        catalog.connection()
        .execute(f"SELECT * FROM benchmark_results WHERE model_id = ? {_ORDER}", (model_id,))
        .fetchall()
    )
    return [_result(r) for r in rows]


# BenchmarkResult's fields, in its order: a comparison page reads its models' rows as tuples
_FIELDS = (
    "id, model_id, benchmark_id, subset, metric, metric_as_published, score, harness, "
    "harness_key, settings, run_by, reported, date, source_id, source_url, published_in, "
    "licence, source_model, matched_how, checkpoint, withdrawn, settings_from"
)


def results_of(catalog: Catalog, model_ids: list[str]) -> dict[str, list[BenchmarkResult]]:
    """``results_for`` each of ``model_ids`` (each list in the same order), in one read."""
    marks = ",".join("?" * len(model_ids))
    sql = f"SELECT {_FIELDS} FROM benchmark_results WHERE model_id IN ({marks}) {_ORDER}"
    cursor = catalog.connection().cursor()
    cursor.row_factory = None  # plain tuples, by position: a name lookup per field costs more
    rows = cursor.execute(sql, tuple(model_ids)).fetchall()
    settings = json.loads(f"[{','.join(r[9] for r in rows)}]")  # one call, not one a row
    out: dict[str, list[BenchmarkResult]] = {m: [] for m in model_ids}
    for r, given in zip(rows, settings, strict=True):
        out[r[1]].append(
            BenchmarkResult(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                Decimal(r[6]),
                r[7],
                r[8],
                tuple(sorted(given.items())),
                r[10],
                r[11],
                r[12],
                r[13],
                r[14],
                r[15],
                r[16],
                r[17],
                r[18],
                r[19],
                r[20],
                r[21],
            )
        )
    return out


def has_results(catalog: Catalog) -> bool:
    """Whether the catalog holds any benchmark result."""
    return bool(catalog.connection().execute("SELECT 1 FROM benchmark_results LIMIT 1").fetchall())


def results_by_model(catalog: Catalog) -> dict[str, list[BenchmarkResult]]:
    """All results, grouped by model id (for pairwise work over the whole catalog)."""
    grouped: dict[str, list[BenchmarkResult]] = defaultdict(list)
    for r in catalog.connection().execute(f"SELECT * FROM benchmark_results {_ORDER}"):
        grouped[r["model_id"]].append(_result(r))
    return dict(grouped)


def result_counts(catalog: Catalog) -> dict[str, tuple[int, int]]:
    """Per benchmark id: (results, distinct models)."""
    rows = catalog.connection().execute(
        "SELECT benchmark_id, COUNT(*), COUNT(DISTINCT model_id) FROM benchmark_results "
        "GROUP BY benchmark_id"
    )
    return {r[0]: (int(r[1]), int(r[2])) for r in rows}
