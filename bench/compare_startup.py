"""Cold `tradeoff compare` wall time, as a ratio to `python -c pass`.

Usage: .venv/bin/python bench/compare_startup.py [--runs N] [--format md]
Each run is a fresh process (the database is already built, so this measures import, catalog
load, compare and render). Prints the median of N runs of each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TRADEOFF = str(Path(sys.executable).with_name("tradeoff"))


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--format", default="md", choices=("text", "md", "json", "html"))
    args = parser.parse_args()
    pair = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
    command = [TRADEOFF, "compare", *pair, "--format", args.format]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)  # build the database once
    baseline = _median_seconds([sys.executable, "-c", "pass"], args.runs)
    compare = _median_seconds(command, args.runs)
    print(f"runs: {args.runs} (median)")
    print(f"python -c pass:           {baseline * 1000:8.1f} ms")
    print(f"tradeoff compare --format {args.format}: {compare * 1000:8.1f} ms")
    print(f"ratio:                    {compare / baseline:8.1f}x")


if __name__ == "__main__":
    main()
