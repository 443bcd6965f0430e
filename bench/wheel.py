"""The wheel: build time, size, and its installed commands' cold wall time beside the checkout's.

Usage: .venv/bin/python bench/wheel.py [--runs N]
The installed wheel reads its packaged database with no freshness check at all; the checkout
stats its catalog and code (``db.freshness``). Builds the wheel as tests/bundled/test_wheel.py
does (``python -m build --no-isolation``: an sdist, then the wheel from it), installs it into
a fresh venv in a temp dir (``--no-index --no-deps``; dependencies from this venv's
site-packages), then times fresh processes run from an empty directory: ``tradeoff
--version`` and ``tradeoff compare … --format md`` on the packaged database, side by side with
this checkout's ``tradeoff`` on ``catalog/`` (its database already built) and ``python -c
pass``. Prints the median of N interleaved runs, wall and CPU time (user + system: steadier
on a loaded machine), and the ratios.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECKOUT = Path(sys.executable).with_name("tradeoff")
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
PURELIB = "import sysconfig; print(sysconfig.get_path('purelib'))"


def _out(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], check=True, capture_output=True, text=True).stdout


def _median_ms(
    rows: list[tuple[str, list[str]]], runs: int, cwd: Path, env: dict[str, str]
) -> list[tuple[float, float]]:
    """(wall, CPU) ms medians of each command, runs interleaved (a load change hits all)."""
    samples: list[list[tuple[float, float]]] = [[] for _ in rows]
    for _ in range(runs):
        for i, (_, cmd) in enumerate(rows):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=cwd, env=env)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            samples[i].append((wall, cpu))
    return [
        (statistics.median(w for w, _ in s) * 1000, statistics.median(c for _, c in s) * 1000)
        for s in samples
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TRADEOFF_", "PYTHON"))}
    with tempfile.TemporaryDirectory() as temp:
        tmp = Path(temp)
        start = time.perf_counter()
        _out(sys.executable, "-m", "build", "--no-isolation", "--outdir", tmp / "dist", ROOT)
        build_s = time.perf_counter() - start
        (wheel,) = (tmp / "dist").glob("*.whl")
        wheel_mb = wheel.stat().st_size / 1e6
        with zipfile.ZipFile(wheel) as archive:
            db = archive.getinfo("tradeoff/db/catalog.sqlite")
        venv = tmp / "venv"
        _out(sys.executable, "-m", "venv", "--without-pip", venv)
        purelib = Path(_out(venv / "bin" / "python", "-c", PURELIB).strip())
        (purelib / "project-deps.pth").write_text(_out(sys.executable, "-c", PURELIB))
        _out(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install",
             "--no-index", "--no-deps", "--quiet", wheel)  # fmt: skip
        empty = tmp / "empty"
        empty.mkdir()
        installed = str(venv / "bin" / "tradeoff")
        compare = ["compare", *PAIR, "--format", "md"]
        _out(CHECKOUT, *compare)  # the checkout's database built once, outside the timing
        rows = [
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("wheel: tradeoff --version", [installed, "--version"]),
            ("checkout: tradeoff --version", [str(CHECKOUT), "--version"]),
            ("wheel: tradeoff compare --format md", [installed, *compare]),
            ("checkout: tradeoff compare --format md", [str(CHECKOUT), *compare]),
        ]
        for _, cmd in rows:  # bytecode caches written, databases current
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=empty, env=env)
        medians = _median_ms(rows, args.runs, empty, env)
        timed = [(label, m) for (label, _), m in zip(rows, medians, strict=True)]
        load = os.getloadavg()[0]
    print(f"build (sdist + wheel, catalog compiled): {build_s:6.1f} s")
    print(f"wheel: {wheel_mb:.2f} MB ({wheel.name})")
    unzipped, zipped = db.file_size / 1e6, db.compress_size / 1e6
    print(f"  packaged catalog.sqlite: {unzipped:.2f} MB, {zipped:.2f} MB zipped")
    print(f"runs: {args.runs} (median, interleaved), from an empty directory; load {load:.1f}")
    (base_wall, base_cpu) = timed[0][1]
    for label, (wall, cpu) in timed:
        print(
            f"  {label:40s} {wall:8.1f} ms ({wall / base_wall:4.1f}x)"
            f" {cpu:8.1f} ms CPU ({cpu / base_cpu:4.1f}x python -c pass)"
        )


if __name__ == "__main__":
    main()
