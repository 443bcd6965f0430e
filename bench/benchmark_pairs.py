"""Count the model pairs of the compiled catalog that share at least one comparable benchmark row.

Usage: .venv/bin/python bench/benchmark_pairs.py [--runs N]
Prints the models with results, the pairs checked, the pairs with >=1 comparable row (and by
reporter kind), and the median wall time of the whole pairwise pass over N runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from itertools import combinations

from tradeoff.compare.comparable import comparable
from tradeoff.db.benchmark_queries import results_by_model
from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database


def count(catalog: Catalog) -> tuple[int, int, int, Counter[str], int]:
    """(models with results, pairs checked, pairs with a row, pairs by row kind, rows)."""
    by_model = results_by_model(catalog)
    pairs = with_row = rows = 0
    kinds: Counter[str] = Counter()
    for a, b in combinations(sorted(by_model), 2):
        pairs += 1
        got = comparable(by_model[a], by_model[b])
        if got.rows:
            with_row += 1
            rows += len(got.rows)
            for kind in {r.reported for r in got.rows}:
                kinds[kind] += 1
    return len(by_model), pairs, with_row, kinds, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    catalog = Catalog(ensure_database())
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        models, pairs, with_row, kinds, rows = count(catalog)
        times.append(time.perf_counter() - start)
    print(f"catalog models: {len(catalog.models)}; models with benchmark results: {models}")
    print(f"model pairs checked: {pairs}")
    print(f"pairs sharing >=1 comparable row: {with_row} ({rows} rows in all)")
    for kind, n in sorted(kinds.items()):
        print(f"  pairs with >=1 {kind} row: {n}")
    print(f"pairwise pass: median {statistics.median(times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
