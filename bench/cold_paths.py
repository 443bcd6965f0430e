"""Cold paths, as ratios measured side by side in one run (issue 13 item 3).

Usage: .venv/bin/python bench/cold_paths.py [--runs N] [--before TREE] [--skip-server]

1. cold CLI: ``tradeoff compare kimi-k2-instruct mixtral-8x22b-instruct --format md`` and
   ``tradeoff --version``, whole-process wall time, median of N fresh processes, as a ratio to
   ``python -c pass`` run in the same loop (target: compare <= 10x);
2. fresh server: ``tradeoff serve`` started N times per page; start-up is spawn until the port
   accepts connections, then the first request of one page is timed (target: <= 50 ms).

``--before TREE``: a second checkout (e.g. ``git worktree add /tmp/before 592484d``) measured
the same way in the same run, with this venv's Python and ``PYTHONPATH=TREE/src`` (its own
``catalog/`` and ``build/``), so before and after are printed side by side. Every process gets
a bytecode cache (``PYTHONPYCACHEPREFIX`` in a temporary directory, warmed by a first run), as
an installed package has one; CPU time (user + system) is printed beside wall time because a
shared machine's wall time varies with its load.
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]
PAGES = {
    "home /": "/",
    "compare": "/compare/mistral--mixtral-8x22b-instruct-vs-moonshotai--kimi-k2-instruct",
    "model": "/models/moonshotai--kimi-k2-instruct",
    "sitemap.xml": "/sitemap.xml",
    "downloads": "/downloads",
}
MAIN = "import sys; from tradeoff.cli import main; sys.argv[0] = 'tradeoff'; main()"


class Tree:
    """One checkout: how to run its ``tradeoff`` in a fresh process."""

    def __init__(self, name: str, src: Path, cache: Path) -> None:
        self.name = name
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("TRADEOFF_")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(cache / name)
        self.env["PYTHONPATH"] = str(src)

    def cmd(self, *args: str) -> list[str]:
        return [sys.executable, "-c", MAIN, *args]


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of child processes) of one call."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def process(cmd: list[str], env: dict[str, str]) -> Callable[[], None]:
    def run() -> None:
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)

    return run


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def cold_cli(trees: list[Tree], runs: int) -> None:
    print(f"\n== cold CLI: whole process, median of {runs} (wall / CPU), ratio to python -c pass")
    base_env = trees[-1].env
    jobs: dict[str, Callable[[], None]] = {
        "python -c pass": process([sys.executable, "-c", "pass"], base_env)
    }
    for t in trees:
        jobs[f"{t.name}: compare --format md"] = process(
            t.cmd("compare", *PAIR, "--format", "md"), t.env
        )
        jobs[f"{t.name}: --version"] = process(t.cmd("--version"), t.env)
    for job in jobs.values():
        job()  # build the database, warm the bytecode cache
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in jobs}
    for _ in range(runs):  # interleaved: a load change on the machine hits every job alike
        for name, job in jobs.items():
            samples[name].append(timed(job))
    base_wall, base_cpu = medians(samples["python -c pass"])
    for name in jobs:
        wall, cpu = medians(samples[name])
        print(
            f"  {name:34} {wall * 1000:8.1f} ms / {cpu * 1000:7.1f} ms cpu"
            f"   {wall / base_wall:5.1f}x wall  {cpu / base_cpu:5.1f}x cpu"
        )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_listening(port: int, proc: subprocess.Popen[bytes], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.005)
    raise SystemExit("server did not start")


def first_request(tree: Tree, path: str) -> tuple[float, float]:
    """(start-up seconds, first request seconds) of one fresh server."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        tree.cmd("serve", "--port", str(port)), env=tree.env, stdout=subprocess.DEVNULL
    )
    try:
        wait_listening(port, proc)
        started = time.perf_counter() - start
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
            r.read()
            assert r.status == 200, (path, r.status)
        return started, time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def fresh_server(trees: list[Tree], runs: int) -> None:
    print(f"\n== fresh server: start-up and first request, median of {runs} fresh servers each")
    for t in trees:
        subprocess.run(t.cmd("--version"), env=t.env, check=True, stdout=subprocess.DEVNULL)
    for label, path in PAGES.items():
        for t in trees:
            got = [first_request(t, path) for _ in range(runs)]
            start = statistics.median(g[0] for g in got)
            first = statistics.median(g[1] for g in got)
            print(
                f"  {t.name:7} {label:12} start-up {start * 1000:8.1f} ms"
                f"   first request {first * 1000:8.1f} ms  (target <= 50 ms)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--server-runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--skip-server", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-pyc-") as tmp:
        trees = []
        if args.before:
            trees.append(Tree("before", args.before.resolve() / "src", Path(tmp)))
        trees.append(Tree("after", ROOT / "src", Path(tmp)))
        print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
        cold_cli(trees, args.runs)
        if not args.skip_server:
            fresh_server(trees, args.server_runs)


if __name__ == "__main__":
    main()
