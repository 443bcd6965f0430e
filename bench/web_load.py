"""Bench: the cached compare page from `tradeoff serve` beside nginx serving the same bytes as
a static build file, under load (wrk, 64 connections); and cold first requests.

Warm: for N = 1 and 2 worker processes, starts `tradeoff serve --workers N` and nginx with
N worker processes and the config of docs/deploy.md (gzip_static, the caching headers) over
a folder holding the page as the static build writes it (`PAGE.html` and `PAGE.html.gz`,
the bytes the server sent); with `--before TREE`, also `tradeoff serve` from that source tree
(e.g. `git worktree add /tmp/before main`), so before and after are measured side by side in
one run. wrk runs against each, alternating, several bounded runs, without and with
`Accept-Encoding: gzip` (what a CDN asks). Prints each run, the medians, the ratio
tradeoff/nginx in requests/s (target >= 0.3) and tradeoff's p99 (target <= 20 ms); and the
requests each server answered per CPU second it used (its process tree, from /proc): on a
machine other work shares, that ratio moves less than requests/s do. The load average is
printed before and after: on a shared machine, read the figures with it.
`--pin` runs wrk on the first core and every server on the second (taskset, the same for
nginx and tradeoff), so that wrk and the server do not take turns on one core.
Cold: for each of /sitemap.xml, the provider page and the comparison page, starts a fresh
server and times that URL as its first request, median of the runs.
Loopback only; every run stops by itself (wrk -d).

    .venv/bin/python bench/web_load.py [--runs 3] [--duration 5] [--connections 64]
        [--workers 1 2] [--before TREE] [--pin] [--no-cold]

Needs Debian's wrk and nginx; installs them with apt-get when missing and run as root.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from tradeoff.web.static_site import file_for

PAIR = "/compare/mistral--mixtral-8x22b-instruct-vs-moonshotai--kimi-k2-instruct"
PROVIDER = "/providers/openrouter"  # the provider with the most offerings
COLD = ("/sitemap.xml", PROVIDER, PAIR)
ROOT = Path(__file__).resolve().parents[1]
ENCODINGS = {"identity": "identity", "gzip": "gzip"}  # Accept-Encoding sent by wrk
TARGET_RATIO = 0.3
TARGET_P99_MS = 20.0
NGINX_MAIN = """
worker_processes {workers};
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
{config}
}}
"""


def documented_nginx(tmp: Path, port: int, app_port: int, workers: int) -> str:
    """docs/deploy.md's nginx config (as tests/web/test_nginx.py runs it) on loopback ports,
    over ``tmp/www``."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    config = text.split("```nginx", 1)[1].split("```", 1)[0]
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{port} reuseport;"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("root /srv/tradeoff/site;", f"root {tmp}/www;"),
    ):
        if old not in config:
            sys.exit(f"docs/deploy.md's nginx config no longer has {old!r}")
        config = config.replace(old, new)
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the temp dir
    return NGINX_MAIN.format(tmp=tmp, workers=workers, user=user, config=config)


def need(binary: str, package: str) -> str:
    """Path of a Debian binary, installing its package first when missing (as root)."""
    found = shutil.which(binary) or next(
        (p for p in (f"/usr/sbin/{binary}", f"/usr/bin/{binary}") if Path(p).exists()), None
    )
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit(f"{binary} is missing: apt-get install {package} (as root)")
    print(f"installing Debian's {package}…", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return need(binary, package)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(url: str, proc: subprocess.Popen[bytes], what: str) -> bytes:
    """Poll ``url`` until it answers 200; return the body."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"{what} exited early (code {proc.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                body: bytes = r.read()
                return body
        except OSError:
            time.sleep(0.3)
    sys.exit(f"{what} did not answer at {url}")


def to_ms(text: str) -> float:
    """wrk's '1.23ms' / '850.00us' / '1.02s' → milliseconds."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    if not match:
        raise ValueError(f"unexpected wrk latency {text!r}")
    value, unit = float(match.group(1)), match.group(2)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def cpu_seconds(root: int) -> float:
    """CPU time (user + system) of a process and all its descendants so far (Linux /proc):
    the server's own cost, whatever else the machine runs."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    return sum(times.get(pid, 0.0) for pid in tree)


PIN: dict[str, list[str]] = {"client": [], "server": []}  # taskset prefixes (--pin)


def run_wrk(
    wrk: str,
    url: str,
    seconds: int,
    connections: int,
    encoding: str = "identity",
    server_pid: int | None = None,
) -> dict[str, float]:
    """One bounded wrk run (one thread): requests/s, p50 and p99 in ms, timeouts, and the
    requests per CPU second the server (process tree ``server_pid``) spent on them."""
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    out = subprocess.run(
        [*PIN["client"], wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency",
         "-H", f"Accept-Encoding: {encoding}", url],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if bad or (errors and any(int(n) for n in errors.groups()[:3])):
        sys.exit(f"wrk saw errors against {url}:\n{out}")
    # A timeout (no answer in wrk's 2 s) is a latency, not a failure: counted and shown.
    timeouts = int(errors.group(4)) if errors else 0
    done = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    cpu = cpu_seconds(server_pid) - cpu_before if server_pid else 0.0
    per_cpu = done / cpu if cpu > 0 else 0.0
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "timeouts": timeouts, "per_cpu": per_cpu}


def start_app(
    tradeoff: Path, procs: list[subprocess.Popen[bytes]], workers: int = 1, tree: Path = ROOT
) -> tuple[str, Any]:
    """A fresh `tradeoff serve` (of the source tree ``tree``), answering (its base URL and
    process); nothing rendered yet."""
    port = free_port()
    options = ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    command, env = [str(tradeoff), *options], None
    if tree != ROOT:  # that tree's code, with this venv's packages
        command = [sys.executable, "-c", "from tradeoff.cli import main; main()", *options]
        env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    app = subprocess.Popen([*PIN["server"], *command], cwd=tree, env=env, stdout=subprocess.DEVNULL)
    procs.append(app)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/healthz", app, "tradeoff serve")  # cheap: renders no page
    return base, app


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def cold_first_requests(tradeoff: Path, runs: int, procs: list[subprocess.Popen[bytes]]) -> None:
    """Each URL as the first request of a fresh server; prints the median seconds."""
    print("\ncold first request (fresh server each time):", flush=True)
    for path in COLD:
        times = []
        for _ in range(runs):
            base, app = start_app(tradeoff, procs)
            started = time.perf_counter()
            with urllib.request.urlopen(base + path, timeout=120) as r:
                size = len(r.read())
            times.append(time.perf_counter() - started)
            stop(app)
            procs.remove(app)
        print(
            f"  {path:76} {statistics.median(times) * 1000:>9.0f} ms  "
            f"(median of {runs}; {size:,} bytes)",
            flush=True,
        )


def main() -> None:
    """Run the bench and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-cold", action="store_true", help="skip the cold first requests")
    parser.add_argument(
        "--before", type=Path, help="a source tree to measure side by side (the code before)"
    )
    parser.add_argument(
        "--pin", action="store_true", help="wrk on core 0, the servers on core 1 (taskset)"
    )
    args = parser.parse_args()
    wrk = need("wrk", "wrk")
    nginx = need("nginx", "nginx")
    if args.pin:
        PIN.update(client=["taskset", "-c", "0"], server=["taskset", "-c", "1"])
    if args.before and not (args.before / "src" / "tradeoff").is_dir():
        sys.exit(f"--before {args.before}: not a tradeoff source tree (no src/tradeoff)")
    tradeoff = Path(sys.executable).parent / "tradeoff"
    procs: list[subprocess.Popen[bytes]] = []
    summary: list[tuple[int, str, dict[str, dict[str, float]]]] = []
    print(
        f"wrk: 1 thread, {args.connections} connections, {args.duration} s x {args.runs} runs "
        f"per server, alternating; page {PAIR}; {os.cpu_count()} cores"
        + ("; wrk on core 0, servers on core 1" if args.pin else ""),
        flush=True,
    )
    print(f"load average before: {load_average()}", flush=True)
    try:
        for workers in args.workers:
            with tempfile.TemporaryDirectory(prefix="tradeoff-bench-") as tmp_name:
                tmp = Path(tmp_name)
                app_base, app = start_app(tradeoff, procs, workers)
                body = wait_for(app_base + PAIR, app, "tradeoff serve")
                bases, pids = {"tradeoff": app_base}, {"tradeoff": app.pid}
                if args.before:
                    before_base, before = start_app(tradeoff, procs, workers, args.before)
                    if wait_for(before_base + PAIR, before, "tradeoff serve (before)") != body:
                        print("  (the page's bytes differ before and after)", flush=True)
                    bases["before"], pids["before"] = before_base, before.pid
                page = tmp / "www" / file_for(PAIR, "text/html")  # as the static build writes it
                page.parent.mkdir(parents=True)
                page.write_bytes(body)
                Path(f"{page}.gz").write_bytes(gzip.compress(body, compresslevel=9, mtime=0))
                for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                    (tmp / d).mkdir()
                nginx_port = free_port()
                conf = tmp / "nginx.conf"
                conf.write_text(documented_nginx(tmp, nginx_port, int(app_base.rsplit(":", 1)[1]),
                                                 workers))  # fmt: skip
                server = subprocess.Popen([*PIN["server"], nginx, "-c", str(conf), "-p", str(tmp)])
                procs.append(server)
                bases["nginx"], pids["nginx"] = f"http://127.0.0.1:{nginx_port}", server.pid
                if wait_for(bases["nginx"] + PAIR, server, "nginx") != body:
                    sys.exit("nginx does not send the bytes tradeoff serve sent")
                for encoding in ENCODINGS:
                    med = warm(wrk, args, workers, encoding, bases, len(body), pids)
                    summary.append((workers, encoding, med))
                for proc in list(procs):
                    stop(proc)
                    procs.remove(proc)
        print_summary(summary, args)
        print(f"load average after: {load_average()}", flush=True)
        if not args.no_cold:
            cold_first_requests(tradeoff, args.runs, procs)
    finally:
        for proc in procs:
            stop(proc)


def load_average() -> str:
    """The 1, 5 and 15 minute load averages (how busy the machine is with other work)."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def warm(
    wrk: str,
    args: argparse.Namespace,
    workers: int,
    encoding: str,
    bases: dict[str, str],
    size: int,
    pids: dict[str, int],
) -> dict[str, dict[str, float]]:
    """wrk against the same page from tradeoff (response-cache hits), tradeoff before (with
    --before) and nginx (a static file); the medians of each server."""
    print(f"\n{workers} worker(s), Accept-Encoding: {encoding} ({size:,} bytes uncompressed)")
    urls = {name: base + PAIR for name, base in bases.items()}
    for url in urls.values():  # warm-up (render cache, page cache)
        run_wrk(wrk, url, 1, args.connections, encoding)
    results: dict[str, list[dict[str, float]]] = {name: [] for name in urls}
    for i in range(args.runs):
        for name, url in urls.items():
            r = run_wrk(wrk, url, args.duration, args.connections, encoding, pids[name])
            results[name].append(r)
            print(
                f"  run {i + 1} {name:8} {r['rps']:>10,.0f} req/s  "
                f"{r['per_cpu']:>8,.0f} req/CPU-s  "
                f"p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms"
                + (f"  ({r['timeouts']:.0f} timed out)" if r["timeouts"] else ""),
                flush=True,
            )
    return {
        name: {
            k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_ms", "p99_ms", "per_cpu")
        }
        for name, runs in results.items()
    }


def print_summary(
    summary: list[tuple[int, str, dict[str, dict[str, float]]]], args: argparse.Namespace
) -> None:
    """One line per (workers, encoding): medians, the ratio and the targets; with --before,
    the same line for the code before."""
    print(f"\nmedians of {args.runs} runs, {args.connections} connections:")
    print(
        f"  {'code':7}{'workers':>7} {'encoding':9}{'tradeoff req/s':>15}{'nginx req/s':>13}"
        f"{'ratio':>7}{'tradeoff p50':>14}{'tradeoff p99':>14}{'nginx p99':>11}"
        f"{'req/CPU-s tradeoff':>20}{'nginx':>8}{'ratio':>7}"
    )
    rows = [
        (name, workers, encoding, med[name], med["nginx"])
        for workers, encoding, med in summary
        for name in ("before", "tradeoff")
        if name in med
    ]
    for name, workers, encoding, t, n in rows:
        ratio = t["rps"] / n["rps"]
        verdict = (
            f"ratio {'ok' if ratio >= TARGET_RATIO else 'MISSED'} (>= {TARGET_RATIO}), "
            f"p99 {'ok' if t['p99_ms'] <= TARGET_P99_MS else 'MISSED'} (<= {TARGET_P99_MS:g} ms)"
        )
        print(
            f"  {'before' if name == 'before' else 'after':7}{workers:>7} {encoding:9}"
            f"{t['rps']:>15,.0f}{n['rps']:>13,.0f}{ratio:>7.3f}"
            f"{t['p50_ms']:>11.2f} ms{t['p99_ms']:>11.2f} ms{n['p99_ms']:>8.2f} ms"
            f"{t['per_cpu']:>20,.0f}{n['per_cpu']:>8,.0f}{t['per_cpu'] / n['per_cpu']:>7.3f}"
            f"  {verdict}"
        )
    for workers, encoding, med in summary:
        if "before" in med:
            gain = med["tradeoff"]["per_cpu"] / med["before"]["per_cpu"]
            print(f"  after/before ({workers} worker(s), {encoding}): {gain:.2f}x req/CPU-s")
    by = {(w, e): m["tradeoff"]["rps"] for w, e, m in summary}
    for encoding in ENCODINGS:
        if (1, encoding) in by and (2, encoding) in by:
            gain = by[(2, encoding)] / by[(1, encoding)]
            print(f"  --workers 2 vs 1 ({encoding}): {gain:.2f}x tradeoff requests/s")


if __name__ == "__main__":
    main()
