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

What a page shows of one model alone is kept with the ``Catalog`` and shared by the pages of
a pass (``pages.comparison.kept``): a model's stored pricing at the default blend (decoded
once), related models, benchmark results, spec and capability cells, and the JSON-ready entry
of its pricing (every route in it), cells and related models without source numbers. That is
what a server gets (one ``Catalog`` for its life) and what a static build gets (one
``Catalog`` for all 2,401 pairs, each model on ~8 pages); in a pass of 200 pairs the 109
models appear on ~3.7 pages each, and the first page of each model pays for keeping it (and
for what ``compare()`` derives from those records alone, ``compare.model_side``, remembered
while a page is given the very same records, so a fresh ``Catalog`` derives its own). The
process also remembers provider rows' HTML (but their source), source references' HTML and
money texts as pure functions of their values (``functools.lru_cache``), as a server does;
the worker empties them before each pass, so every pass starts as the first. Beyond that,
nothing is memoized across pages but what every page shares (providers, labs, sources, model
names, the benchmark registry).
Everything else is computed on every page: resolving the names, the compare engine (spec and
capability rows from the kept cells, every claim, verdict, FAQ, related models left out of
the pair, shared benchmark rows), and the context (each kept entry copied with the page's
source numbers; every claim, card, chart row and source entry built) and its HTML.

The target is the first figure. A second, printed apart, builds the same pages again on the
same ``Catalog``: no model's first page is in it, as for a long-lived server once its models
have been shown (a static build sits between: each model's first page amortised over ~8).
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tradeoff.db.queries import Catalog

ROOT = Path(__file__).resolve().parents[1]


def worker(runs: int, count: int) -> None:
    try:
        from tradeoff.pages.precompute import ensure_database
    except ImportError:  # a checkout from before the precomputed values
        from tradeoff.db.locate import ensure_database
    from related_pairs import related_pairs

    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison import catalog_view, compare_context
    from tradeoff.render.html import render_compare_html

    db = ensure_database()
    probe = Catalog(db)
    pairs = related_pairs(catalog_view(probe))
    warm, pairs = pairs[count], pairs[:count]  # the warm-up page is not one of the measured
    probe.close()
    rates, context_ms, html_ms, kept_rates = [], [], [], []
    for _ in range(runs):
        _forget_remembered()  # each pass pays for what it remembers, as the first one does
        catalog = Catalog(db)
        render_compare_html(compare_context(catalog, list(warm)))  # what every page shares
        gc.collect()  # then, as a served process does (web.server.served), what it built
        gc.freeze()  # leaves the cyclic collector's full scans: pages pay for their own garbage
        in_context, in_html = _pass(catalog, pairs)
        rates.append(len(pairs) / (in_context + in_html))
        context_ms.append(in_context / len(pairs) * 1000)
        html_ms.append(in_html / len(pairs) * 1000)
        again = _pass(catalog, pairs)  # the same pages again: every model's parts kept
        kept_rates.append(len(pairs) / sum(again))
        catalog.close()
        gc.unfreeze()
    print(
        json.dumps(
            {
                "pairs": len(pairs),
                "rates": rates,
                "context": context_ms,
                "html": html_ms,
                "kept": kept_rates,
            }
        )
    )


def _pass(catalog: Catalog, pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """CPU seconds building the pages' contexts, and rendering their HTML."""
    from tradeoff.pages.comparison import compare_context
    from tradeoff.render.html import render_compare_html

    clock = time.process_time
    in_context = in_html = 0.0
    for a, b in pairs:
        start = clock()
        ctx = compare_context(catalog, [a, b])
        built = clock()
        render_compare_html(ctx)
        in_context += built - start
        in_html += clock() - built
    return in_context, in_html


def _forget_remembered() -> None:
    """Empty the process's memos of pure functions (money texts, provider rows' and source
    references' HTML), which outlive a ``Catalog``: a pass must not find them filled by the
    pass before it."""
    import importlib

    for module, name in (
        ("tradeoff.money", "_format_text"),
        ("tradeoff.render.provider_table", "_provider_cells"),
        ("tradeoff.render.html_cells", "_provider_cells"),  # its module before
        ("tradeoff.render.html_cells", "source_ref"),
        ("tradeoff.render.html_cells", "_src_html"),  # its name before
    ):
        try:
            memo = getattr(importlib.import_module(module), name, None)  # absent in older trees
        except ImportError:  # a module of a newer tree
            continue
        clear = getattr(memo, "cache_clear", None)  # or, in older trees, not remembered
        if clear is not None:
            clear()


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
        "kept": statistics.median(result["kept"]),
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
    print("== the same pages again on the same Catalog (every model's parts already kept)")
    for name, r in got.items():
        print(f"  {name:7} {r['kept']:8.1f} pages/s CPU")
    if "before" in got:
        print(f"  after / before: {got['after']['kept'] / got['before']['kept']:.1f}x")


if __name__ == "__main__":
    main()
