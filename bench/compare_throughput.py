"""Comparisons rendered per second in-process: compare + HTML render over all related pairs.

Usage: .venv/bin/python bench/compare_throughput.py [--runs N] [--limit K]
The pairs are every model with each of its related models (``related_models``, top K),
deduplicated. The catalog is opened and its records gathered once (as the web app does);
each run then builds and renders every pair. Prints pairs, median seconds and pages/second.
"""

from __future__ import annotations

import argparse
import statistics
import time

from tradeoff.compare.related import related_models
from tradeoff.db.queries import Catalog
from tradeoff.pages.comparison import catalog_view, compare_context
from tradeoff.pages.precompute import ensure_database
from tradeoff.render.html import render_compare_html


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=6)
    args = parser.parse_args()
    catalog = Catalog(ensure_database())
    view = catalog_view(catalog)
    candidates = list(view.models.values())
    pairs = sorted(
        {
            tuple(sorted((m.id, r.model_id)))
            for m in candidates
            for r in related_models(
                m, candidates, view.cheapest_blended, args.limit, view.capability_sets
            )
        }
    )
    compare_context(catalog, list(pairs[0]), None)  # warm the per-catalog caches
    times = []
    size = 0
    for _ in range(args.runs):
        start = time.perf_counter()
        for a, b in pairs:
            size += len(render_compare_html(compare_context(catalog, [a, b], None)))
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"pairs: {len(pairs)} (models: {len(candidates)}, related per model: {args.limit})")
    print(f"runs: {args.runs}; median {median:.2f} s per pass")
    print(f"throughput: {len(pairs) / median:.1f} comparisons (compare + HTML) per second")
    print(f"mean page size: {size / (len(pairs) * args.runs) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
