"""In-process comparison pages per second on one core: compare context + HTML (issue 13).

Usage: .venv/bin/python bench/pages_per_second.py [--runs N] [--pairs K] [--before TREE]

A worker process (this venv's Python, ``PYTHONPATH=TREE/src``) opens the catalog once, builds
one page to load what every page shares (providers, labs, sources, templates), then builds
and renders K distinct comparison pages (pairs of related models, none built twice in a
pass; a fresh ``Catalog`` per pass, so no page finds its models already loaded). Pages per
second is K over the pass's CPU time of that one process (``time.process_time``), split into
building the context and rendering its HTML; the median of N passes is printed, and with
``--before`` the same run on another checkout beside it (target: >= 500 pages/s).

After that first page the process freezes what it holds (``gc.collect(); gc.freeze()``), as
``tradeoff serve`` does once its app is built: a full collection over the catalog and templates
is not a cost of the pages (the young generations' collections still are).

Nothing is memoized across pages beyond what a ``Catalog`` keeps of the records it has read
(a model shown on two pages of a pass is loaded once, as before) and what every page shares
(providers, labs, sources, model names, the benchmark registry). What a page shows of one
model alone is read from the database's values precomputed at build (``pages.precompute``),
on every page: its headline price and capability set, its related models, and its pricing at
the default blend and price changes (``model_values``, both in one query). Everything else is
computed on every page: resolving the names, the models' benchmark results (read), the
compare engine (spec and capability rows, every claim, verdict, FAQ, related models left out
of the pair), and the context (every route, cell, claim, card, chart row and source entry).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def worker(runs: int, count: int) -> None:
    try:
        from tradeoff.pages.precompute import ensure_database
    except ImportError:  # a checkout from before the precomputed values
        from tradeoff.db.locate import ensure_database
    from tradeoff.compare.related import related_models
    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison import catalog_view, compare_context
    from tradeoff.render.html import render_compare_html

    db = ensure_database()
    probe = Catalog(db)
    view = catalog_view(probe)
    models = list(view.models.values())
    pairs: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for m in models:
        for r in related_models(m, models, view.cheapest_blended, 6, view.capability_sets):
            pair = (min(m.id, r.model_id), max(m.id, r.model_id))
            if pair not in seen:
                seen.add(pair)
                pairs.append(pair)
    warm, pairs = pairs[count], pairs[:count]  # the warm-up page is not one of the measured
    probe.close()
    rates, context_ms, html_ms = [], [], []
    clock = time.process_time
    for _ in range(runs):
        catalog = Catalog(db)
        render_compare_html(compare_context(catalog, list(warm)))  # what every page shares
        gc.collect()  # then, as a served process does (web.server.served), what it built
        gc.freeze()  # leaves the cyclic collector's full scans: pages pay for their own garbage
        in_context = in_html = 0.0
        for a, b in pairs:
            start = clock()
            ctx = compare_context(catalog, [a, b])
            built = clock()
            render_compare_html(ctx)
            in_context += built - start
            in_html += clock() - built
        rates.append(len(pairs) / (in_context + in_html))
        context_ms.append(in_context / len(pairs) * 1000)
        html_ms.append(in_html / len(pairs) * 1000)
        catalog.close()
        gc.unfreeze()
    print(json.dumps({"pairs": len(pairs), "rates": rates, "context": context_ms, "html": html_ms}))


def measure(src: Path, runs: int, count: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEOFF_")}
    env["PYTHONPATH"] = str(src)
    cmd = [sys.executable, __file__, "--worker", "--runs", str(runs), "--pairs", str(count)]
    done = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "pairs": result["pairs"],
        "rate": statistics.median(result["rates"]),
        "context": statistics.median(result["context"]),
        "html": statistics.median(result["html"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.runs, args.pairs)
        return
    trees = [("before", args.before.resolve() / "src")] if args.before else []
    trees.append(("after", ROOT / "src"))
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    print(f"== compare context + HTML, one process, median of {args.runs} passes")
    got = {name: measure(src, args.runs, args.pairs) for name, src in trees}
    for name, r in got.items():
        print(
            f"  {name:7} {r['pairs']:5.0f} pages per pass  {r['rate']:8.1f} pages/s CPU"
            f"  (context {r['context']:.2f} ms + HTML {r['html']:.2f} ms per page)"
        )
    if "before" in got:
        print(f"  after / before: {got['after']['rate'] / got['before']['rate']:.1f}x")


if __name__ == "__main__":
    main()
