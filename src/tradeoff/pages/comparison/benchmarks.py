"""The comparison's benchmarks section (``compare.benchmarks``): shared, comparable rows only."""

from typing import TypedDict

from tradeoff.compare.engine import Comparison
from tradeoff.pages.jsonable import decimal_str


class ScoreEntry(TypedDict):
    """One model's score in a row: who reported it, when it was run, where it is published."""

    model: str
    score: str
    reported: str
    run_by: str
    date: str | None
    source: str
    source_n: int | None
    source_url: str


class BenchmarkRowEntry(TypedDict):
    """A benchmark every compared model has a comparable result for."""

    benchmark: str
    key: str
    name: str
    label: str
    category: str
    subset: str
    metric: str
    unit: str
    higher_is_better: bool
    harness: str
    settings: str
    basis: str
    scores: list[ScoreEntry]


class BenchmarksEntry(TypedDict):
    """Shared rows, what was left out and why, and the statement when no row is shared."""

    in_catalog: bool
    shared: list[BenchmarkRowEntry]
    result_counts: dict[str, int]
    excluded: list[str]
    excluded_by_rule: list[str]
    without_counterpart: int
    statement: str | None


def benchmarks_section(result: Comparison, numbers: dict[str, int]) -> BenchmarksEntry:
    """The shared rows with each score's source number."""
    b = result.benchmarks
    return {
        "in_catalog": b.in_catalog,
        "shared": [
            {
                "benchmark": r.benchmark_id,
                "key": r.key,
                "name": r.name,
                "label": r.label,
                "category": r.category,
                "subset": r.subset,
                "metric": r.metric,
                "unit": r.unit,
                "higher_is_better": r.higher_is_better,
                "harness": r.harness,
                "settings": r.settings,
                "basis": r.basis,
                "scores": [
                    {
                        "model": s.model_id,
                        "score": decimal_str(s.score),
                        "reported": s.reported,
                        "run_by": s.run_by,
                        "date": s.date,
                        "source": s.source_id,
                        "source_n": numbers.get(s.source_id),
                        "source_url": s.source_url,
                    }
                    for s in r.scores
                ],
            }
            for r in b.rows
        ],
        "result_counts": dict(b.result_counts),
        "excluded": list(b.excluded),
        "excluded_by_rule": list(b.excluded_by_rule),
        "without_counterpart": b.without_counterpart,
        "statement": next((c.text for c in result.claims if c.id == "benchmark.none"), None),
    }
