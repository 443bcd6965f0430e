"""The wheel: build time, size, and its installed commands' cold wall time beside the checkout's.

Usage: .venv/bin/python bench/wheel.py [--runs N]
Builds the wheel as tests/bundled/test_wheel.py does (``python -m build --no-isolation``: an
sdist, then the wheel from it), installs it into a fresh venv in a temp dir (``--no-index
--no-deps``; dependencies from this venv's site-packages), then times fresh processes run from
an empty directory: ``tradeoff --version`` and ``tradeoff compare … --format md`` on the
packaged database, side by side with this checkout's ``tradeoff`` on ``catalog/`` (its
database already built) and ``python -c pass``. Prints the median of N runs and the ratios.
"""

from __future__ import annotations

import argparse
import os
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


def _median_ms(cmd: list[str], runs: int, cwd: Path, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=cwd, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


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
        timed = [(label, _median_ms(cmd, args.runs, empty, env)) for label, cmd in rows]
    print(f"build (sdist + wheel, catalog compiled): {build_s:6.1f} s")
    print(f"wheel: {wheel_mb:.2f} MB ({wheel.name})")
    unzipped, zipped = db.file_size / 1e6, db.compress_size / 1e6
    print(f"  packaged catalog.sqlite: {unzipped:.2f} MB, {zipped:.2f} MB zipped")
    print(f"runs: {args.runs} (median), from an empty directory")
    baseline = timed[0][1]
    for label, ms in timed:
        print(f"  {label:40s} {ms:8.1f} ms  {ms / baseline:6.1f}x python -c pass")


if __name__ == "__main__":
    main()
