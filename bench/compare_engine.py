"""The compare engine alone: CPU time of ``compare()`` per comparison page (issue 13).

Usage: .venv/bin/python bench/compare_engine.py [--runs N] [--pairs K] [--before TREE]
       .venv/bin/python bench/compare_engine.py --passes P   (for callgrind: no timing)

A worker process (this venv's Python, ``PYTHONPATH=TREE/src``) opens the catalog and builds the
comparison context of K distinct related pairs (``related_pairs``, as
``bench/pages_per_second.py`` builds them), keeping the arguments each page passed to
``compare()`` (its models, view, blend and benchmark section: what the context gathered).
Each pass then calls ``compare()`` again on every page's arguments and takes the CPU time of
the process (``time.process_time``); the median of N passes is printed in ms per page, with
``--before`` the same run on another checkout beside it.

What ``compare()`` remembers across calls (``compare.model_side``: each model's own part,
while its records are the same objects) and the process's memo of money texts
(``tradeoff.money._format_text``) are emptied before each pass: every pass is as of a fresh
``Catalog``, as in ``pages_per_second``, where each model's first page pays for its part.

Instruction counts, repeatable under load (unset ``PYTHONDONTWRITEBYTECODE`` first): the
``--passes`` run calls ``compare()`` inside ``functools.reduce`` and nothing else does, so
``valgrind --tool=callgrind --toggle-collect=functools_reduce .venv/bin/python
bench/compare_engine.py --passes 2`` counts those passes alone (divide by 2 K pages).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def captured_calls(count: int) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """The ``compare()`` arguments of ``count`` related pairs' pages, in bench order."""
    from related_pairs import related_pairs

    import tradeoff.pages.comparison.page as page
    from tradeoff.db.queries import Catalog
    from tradeoff.pages.comparison import catalog_view, compare_context
    from tradeoff.pages.precompute import ensure_database

    db = ensure_database()
    pairs = related_pairs(catalog_view(Catalog(db)))[:count]
    catalog = Catalog(db)
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    module: Any = page  # its ``compare`` (imported from compare.engine) is wrapped a while
    engine = module.compare

    def keep(*args: Any, **kwargs: Any) -> Any:
        calls.append((args, kwargs))
        return engine(*args, **kwargs)

    module.compare = keep
    try:
        for a, b in pairs:
            compare_context(catalog, [a, b])
    finally:
        module.compare = engine
    return calls


def worker(runs: int, count: int, passes: int | None) -> None:
    from tradeoff.compare.engine import compare

    calls = captured_calls(count)
    gc.collect()
    gc.freeze()  # what the pages share is not a cost of the engine's garbage collections
    if passes is not None:  # callgrind: the passes alone (in functools.reduce), no clock

        def page(_: None, call: tuple[tuple[Any, ...], dict[str, Any]]) -> None:
            compare(*call[0], **call[1])

        for _ in range(passes):
            _forget_remembered()
            functools.reduce(page, calls, None)
        return
    clock = time.process_time
    ms = []
    for _ in range(runs):
        _forget_remembered()
        start = clock()
        for args, kwargs in calls:
            compare(*args, **kwargs)
        ms.append((clock() - start) / len(calls) * 1000)
    print(json.dumps({"pages": len(calls), "ms": ms}))


def _forget_remembered() -> None:
    from tradeoff import money

    money._format_text.cache_clear()
    try:
        from tradeoff.compare import model_side
    except ImportError:  # a tree from before it
        return
    model_side._REMEMBERED.clear()


def measure(src: Path, runs: int, count: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEOFF_")}
    env["PYTHONPATH"] = f"{src}{os.pathsep}{ROOT / 'bench'}"
    cmd = [sys.executable, __file__, "--worker", "--runs", str(runs), "--pairs", str(count)]
    done = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"pages": result["pages"], "ms": statistics.median(result["ms"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--before", type=Path)
    parser.add_argument("--passes", type=int, help="run P passes untimed (for callgrind)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker or args.passes is not None:
        worker(args.runs, args.pairs, args.passes)
        return
    trees = [("before", args.before.resolve() / "src")] if args.before else []
    trees.append(("after", ROOT / "src"))
    print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
    print(f"== compare() alone, one process, median of {args.runs} passes")
    got = {name: measure(src, args.runs, args.pairs) for name, src in trees}
    for name, r in got.items():
        print(f"  {name:7} {r['pages']:5.0f} pages per pass  {r['ms']:.3f} ms CPU per page")
    if "before" in got:
        print(f"  after / before: {got['after']['ms'] / got['before']['ms']:.2f}x the time")


if __name__ == "__main__":
    main()
