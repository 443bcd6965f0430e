"""Bench: full multi-source rebuild (models.dev + genai-prices + LiteLLM, optionally OpenRouter).

Each run is a fresh process that imports every source from ../shared/data, reconciles them
with the catalog text, compiles SQLite and runs the quality gates. Prints the median (and
min / max) wall time per stage and the peak memory (max RSS of the child) over several runs.

    .venv/bin/python bench/multi_source_build.py [--runs 5] [--data ../shared/data] [--openrouter]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import datetime as dt, json, resource, sys, time
from pathlib import Path
from tradeoff.maintain.checks import run_checks
from tradeoff.catalog.load import default_catalog_dir, load_catalog
from tradeoff.db.build import build_database
from tradeoff.db.queries import Catalog
from tradeoff.sources import genai_prices, litellm, models_dev, openrouter

data, out, with_openrouter = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
times = {}
start = time.perf_counter()
imports = [models_dev.import_tree(data / "models-dev", retrieved=dt.date(2026, 7, 2))]
times["import_models_dev_s"] = time.perf_counter() - start
mark = time.perf_counter()
imports.append(genai_prices.import_snapshot(data / "genai-prices", retrieved=dt.date(2026, 8, 21)))
times["import_genai_prices_s"] = time.perf_counter() - mark
mark = time.perf_counter()
imports.append(litellm.import_file(data / "litellm", retrieved=dt.date(2026, 11, 29)))
times["import_litellm_s"] = time.perf_counter() - mark
if with_openrouter:
    mark = time.perf_counter()
    imports.append(openrouter.import_file(data / "openrouter-models-2026-05.json"))
    times["import_openrouter_s"] = time.perf_counter() - mark
mark = time.perf_counter()
text = load_catalog(default_catalog_dir())
ids = {i.source_id for i in imports}
text.imports = [i for i in text.imports if i.source_id not in ids] + imports
resolved = build_database(text, out, "bench")
times["reconcile_compile_s"] = time.perf_counter() - mark
mark = time.perf_counter()
findings = run_checks(Catalog(out))
times["check_s"] = time.perf_counter() - mark
times["total_s"] = time.perf_counter() - start
times["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
times["offerings"] = len(resolved.offerings)
times["conflicts"] = len(resolved.conflicts)
times["findings"] = len(findings)
print(json.dumps(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--openrouter", action="store_true", help="also import OpenRouter (not bundled)"
    )
    args = parser.parse_args()
    for needed in ("models-dev", "genai-prices", "litellm"):
        if not (args.data / needed).is_dir():
            sys.exit(f"error: {args.data / needed}: not a directory (see ../shared/data/README.md)")
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs):
            out = Path(scratch) / f"run{run}.sqlite"
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(args.data), str(out), str(int(args.openrouter))],
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(json.loads(done.stdout))
    print(f"runs: {args.runs} (fresh process each)")
    for key in results[0]:
        if key in ("offerings", "conflicts", "findings"):
            continue
        values = [r[key] for r in results]
        print(f"{key:>22}: median {statistics.median(values):8.3f}  "
              f"min {min(values):8.3f}  max {max(values):8.3f}")  # fmt: skip
    for key in ("offerings", "conflicts", "findings"):
        print(f"{key:>22}: {results[0][key]}")


if __name__ == "__main__":
    main()
