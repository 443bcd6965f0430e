"""Cold paths, as ratios measured side by side in one run (issue 13 item 3).

Usage: .venv/bin/python bench/cold_paths.py [--runs N] [--server-runs N] [--before TREE]
                                            [--skip-server] [--instructions]

1. cold CLI: ``tradeoff compare kimi-k2-instruct mixtral-8x22b-instruct --format md`` and
   ``tradeoff --version``, whole-process wall and CPU time, median of N fresh processes, as a
   ratio to ``python -c pass`` run in the same loop (target: compare <= 10x); the database is
   current (built before timing): the figures are of the freshness check, not of a build;
2. fresh server: ``tradeoff serve`` started N times per page; start-up is spawn until the port
   accepts connections (the lifespan's warm-up included), then the first request of one page
   is timed: wall time, and the server's own CPU time for it (every thread's, from
   ``/proc/PID/task/*/schedstat``: steadier than wall time on a loaded machine) (target: <= 50
   ms wall).

``--before TREE``: a second checkout (e.g. ``git worktree add /tmp/before 181fb52``) measured
the same way in the same run, with this venv's Python and ``PYTHONPATH=TREE/src`` (its own
``catalog/`` and ``build/``), printed beside this one with the ratios of both. Every process
gets a bytecode cache (``PYTHONPYCACHEPREFIX`` in a temporary directory, warmed by a first
run), as an installed package has one. ``--instructions`` also counts the instructions of one
run of each cold command under ``valgrind --tool=callgrind`` (deterministic, whatever the
load; slow: about a minute per command).
"""

from __future__ import annotations

import argparse
import os
import re
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


COMMANDS = {
    "compare --format md": ("compare", *PAIR, "--format", "md"),
    "--version": ("--version",),
}
TARGETS = {"compare --format md": "<= 10x"}


def cold_cli(trees: list[Tree], runs: int) -> None:
    print(f"\n== cold CLI: whole process, median of {runs}, ratio to python -c pass")
    base_env = trees[-1].env
    jobs: dict[tuple[str, str], Callable[[], None]] = {
        ("", "pass"): process([sys.executable, "-c", "pass"], base_env)
    }
    for t in trees:
        for label, args in COMMANDS.items():
            jobs[(t.name, label)] = process(t.cmd(*args), t.env)
    for job in jobs.values():
        job()  # build the database, warm the bytecode cache
    samples: dict[tuple[str, str], list[tuple[float, float]]] = {k: [] for k in jobs}
    for _ in range(runs):  # interleaved: a load change on the machine hits every job alike
        for key, job in jobs.items():
            samples[key].append(timed(job))
    base_wall, base_cpu = medians(samples[("", "pass")])
    print(f"  python -c pass: {base_wall * 1000:.1f} ms wall, {base_cpu * 1000:.1f} ms CPU")
    print(
        f"  {'command':22}" + "".join(f"{t.name + ' wall':>18}{t.name + ' CPU':>18}" for t in trees)
    )
    for label in COMMANDS:
        cells = ""
        for t in trees:
            wall, cpu = medians(samples[(t.name, label)])
            cells += f"{wall * 1000:9.1f} ({wall / base_wall:4.1f}x)"
            cells += f"{cpu * 1000:9.1f} ({cpu / base_cpu:4.1f}x)"
        target = TARGETS.get(label)
        print(f"  {label:22}{cells}" + (f"   target {target}" if target else ""))


def instructions(trees: list[Tree]) -> None:
    """One run of each cold command under callgrind: instructions, ratio to python -c pass."""
    print("\n== cold CLI: instructions executed (valgrind --tool=callgrind, one run each)")

    def count(cmd: list[str], env: dict[str, str]) -> int:
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=True,
        )
        found = re.search(r"Collected : (\d+)", run.stderr)
        if found is None:
            raise SystemExit(f"no instruction count from valgrind: {run.stderr[-500:]}")
        return int(found.group(1))

    base = count([sys.executable, "-c", "pass"], trees[-1].env)
    print(f"  python -c pass: {base / 1e6:.0f} M instructions")
    print(f"  {'command':22}" + "".join(f"{t.name:>20}" for t in trees))
    for label, args in COMMANDS.items():
        counts = [count(t.cmd(*args), t.env) for t in trees]
        cells = "".join(f"{n / 1e6:10.0f} M ({n / base:4.1f}x)" for n in counts)
        print(f"  {label:22}{cells}")


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


def server_cpu(pid: int) -> float:
    """CPU seconds every thread of process ``pid`` has run so far (``schedstat``: ns)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):
            continue  # a thread that just ended
    return total / 1e9


def first_request(tree: Tree, path: str) -> tuple[float, float, float]:
    """(start-up seconds, first request seconds, the server's CPU seconds for that request)
    of one fresh server."""
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        tree.cmd("serve", "--port", str(port)), env=tree.env, stdout=subprocess.DEVNULL
    )
    try:
        wait_listening(port, proc)
        started = time.perf_counter() - start
        cpu = server_cpu(proc.pid)
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
            r.read()
            assert r.status == 200, (path, r.status)
        wall = time.perf_counter() - t0
        return started, wall, server_cpu(proc.pid) - cpu
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def fresh_server(trees: list[Tree], runs: int) -> None:
    print(f"\n== fresh server: median of {runs} fresh servers per page and tree (target <= 50 ms)")
    for t in trees:
        subprocess.run(t.cmd("--version"), env=t.env, check=True, stdout=subprocess.DEVNULL)
    header = "".join(
        f"{t.name + ' start-up':>18}{t.name + ' first':>14}{t.name + ' CPU':>12}" for t in trees
    )
    print(f"  {'page':12}{header}")
    for label, path in PAGES.items():
        cells = ""
        for t in trees:
            got = [first_request(t, path) for _ in range(runs)]
            start, first, cpu = (statistics.median(g[i] for g in got) for i in range(3))
            cells += f"{start * 1000:15.0f} ms{first * 1000:11.1f} ms{cpu * 1000:9.1f} ms"
        print(f"  {label:12}{cells}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--server-runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout to measure beside this one")
    parser.add_argument("--skip-server", action="store_true")
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-pyc-") as tmp:
        trees = []
        if args.before:
            trees.append(Tree("before", args.before.resolve() / "src", Path(tmp)))
        trees.append(Tree("after", ROOT / "src", Path(tmp)))
        print(f"load average at start: {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)")
        cold_cli(trees, args.runs)
        if args.instructions:
            instructions(trees)
        if not args.skip_server:
            fresh_server(trees, args.server_runs)
        print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
