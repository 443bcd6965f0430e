"""Every claim of 500 seeded random comparisons checked against the page's own tables.

Usage: .venv/bin/python bench/compare_consistency.py [--pairs N] [--runs R] [--seed S]
The pairs are drawn from every model of the compiled catalog, of every kind, with at least a
fifth of them pairing two different kinds (the cross-kind pages are where unit mistakes hide).
Each comparison goes through the test suite's checker (tests/support/consistency.py: numbers
equal the tables, counts equal their lists, the headline is the cheapest comparable route, no
claim across kinds or units). Prints the pairs by kind mix, the violations (0 is the bar) with
the first few messages, and the median wall time of the whole pass over R runs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.consistency import check_consistency, compare_ids

from tradeoff.db.queries import Catalog
from tradeoff.pages.precompute import ensure_database


def kind_of(catalog: Catalog, model_id: str) -> str:
    """The model's kind, or 'unknown' (before kinds exist, every model is 'unknown')."""
    fact = getattr(catalog.models[model_id], "kind", None)
    value = getattr(fact, "value", None)
    return str(value) if value is not None else "unknown"


def draw_pairs(catalog: Catalog, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` distinct unordered pairs; at least a fifth cross two kinds when kinds differ."""
    rng = random.Random(seed)
    ids = sorted(catalog.models)
    by_kind: dict[str, list[str]] = {}
    for model_id in ids:
        by_kind.setdefault(kind_of(catalog, model_id), []).append(model_id)
    pairs: set[tuple[str, str]] = set()
    kinds = sorted(by_kind)
    while len(kinds) > 1 and len(pairs) < count // 5:
        first, second = rng.sample(kinds, 2)
        pair = (rng.choice(by_kind[first]), rng.choice(by_kind[second]))
        pairs.add((min(pair), max(pair)))
    while len(pairs) < count:
        kind = rng.choice(kinds)  # every kind gets its share, not only text generation
        pool = by_kind[kind] if len(by_kind[kind]) > 1 else ids
        a, b = rng.sample(pool, 2)
        pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def sweep(catalog: Catalog, pairs: list[tuple[str, str]]) -> list[str]:
    """One message per pair whose comparison breaks an invariant."""
    violations = []
    for a, b in pairs:
        try:
            check_consistency(compare_ids(catalog, [a, b]))
        except AssertionError as exc:
            violations.append(f"{a} vs {b}: {exc!r}"[:300])
    return violations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    catalog = Catalog(ensure_database())
    pairs = draw_pairs(catalog, args.pairs, args.seed)
    mix = Counter(
        "same kind" if kind_of(catalog, a) == kind_of(catalog, b) else "two kinds" for a, b in pairs
    )
    kinds = Counter(kind_of(catalog, m) for pair in pairs for m in pair)
    times, violations = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        violations = sweep(catalog, pairs)
        times.append(time.perf_counter() - start)
    print(
        f"catalog models: {len(catalog.models)}; pairs: {len(pairs)} ({dict(sorted(mix.items()))})"
    )
    print(f"models in pairs by kind: {dict(sorted(kinds.items()))}")
    print(f"violations: {len(violations)}")
    for line in violations[:10]:
        print(f"  {line}")
    print(f"sweep: median {statistics.median(times):.2f} s over {args.runs} runs")


if __name__ == "__main__":
    main()
