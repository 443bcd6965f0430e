"""Bench: full import + compile + check of the bundled models.dev data.

Prints the median wall time and peak memory (max RSS of a fresh child process per run) over
several runs. Each run is a separate process so that caches and memory do not carry over.

    .venv/bin/python bench/catalog_build.py [--runs 5] [--models-dev ../shared/data/models-dev]
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
import json, resource, sys, time, tempfile
from pathlib import Path
from tradeoff.catalog.load import default_catalog_dir, load_catalog
from tradeoff.maintain.checks import run_checks
from tradeoff.db.build import build_database
from tradeoff.db.queries import Catalog
from tradeoff.sources.models_dev import import_tree

tree, out = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
imported = import_tree(tree)
t_import = time.perf_counter()
text = load_catalog(default_catalog_dir())
text.imports = [i for i in text.imports if i.source_id != imported.source_id] + [imported]
build_database(text, out, "bench")
t_build = time.perf_counter()
findings = run_checks(Catalog(out))
t_check = time.perf_counter()
print(json.dumps({
    "import_s": t_import - start, "compile_s": t_build - t_import, "check_s": t_check - t_build,
    "total_s": t_check - start, "findings": len(findings),
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--models-dev", type=Path, default=Path("../shared/data/models-dev"))
    args = parser.parse_args()
    if not args.models_dev.is_dir():
        sys.exit(f"error: {args.models_dev}: not a directory (a models.dev tree is needed)")
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.runs):
            out = Path(scratch) / f"run{run}.sqlite"
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(args.models_dev), str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            results.append(json.loads(done.stdout))
    print(f"runs: {args.runs} (fresh process each)")
    for key in ("import_s", "compile_s", "check_s", "total_s", "peak_rss_mib"):
        values = [r[key] for r in results]
        print(f"{key:>14}: median {statistics.median(values):8.3f}  "
              f"min {min(values):8.3f}  max {max(values):8.3f}")  # fmt: skip
    print(f"{'findings':>14}: {results[0]['findings']}")


if __name__ == "__main__":
    main()
