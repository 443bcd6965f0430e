"""Bench: requests/s and p50/p99 latency of web pages under load beside nginx, and cold starts.

Warm: starts `tradeoff serve` (uvicorn, one process) and nginx (one worker) on loopback ports,
saves a comparison page and the largest provider page as static files for nginx, and runs wrk
against both, alternating, for several bounded runs (render-cache hits). Prints the median of
each figure and the ratio to nginx.
Cold: for each of /sitemap.xml, the provider page and the comparison page, starts a fresh
server and times that URL as its first request (the work the render cache hides), median of
the runs.
Loopback only; every run stops by itself (wrk -d).

    .venv/bin/python bench/web_load.py [--runs 3] [--duration 5] [--connections 16]

Needs Debian's wrk and nginx; installs them with apt-get when missing and run as root.
"""

from __future__ import annotations

import argparse
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

PAIR = "/compare/mistral--mixtral-8x22b-instruct-vs-moonshotai--kimi-k2-instruct"
PROVIDER = "/providers/openrouter"  # the provider with the most offerings
PAGES = (PAIR, PROVIDER)
COLD = ("/sitemap.xml", PROVIDER, PAIR)
ROOT = Path(__file__).resolve().parents[1]
NGINX_CONF = """
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  default_type text/html;
  sendfile on;
  server {{
    listen 127.0.0.1:{port};
    root {tmp}/www;
    location / {{ try_files $uri =404; }}
  }}
}}
"""


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


def run_wrk(wrk: str, url: str, seconds: int, connections: int) -> dict[str, float]:
    """One bounded wrk run (one thread): requests/s, p50 and p99 in ms, errors."""
    out = subprocess.run(
        [wrk, "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    if bad or errors:
        sys.exit(f"wrk saw errors against {url}:\n{out}")
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99}


def start_app(tradeoff: Path, procs: list[subprocess.Popen[bytes]]) -> tuple[str, Any]:
    """A fresh `tradeoff serve`, answering (its base URL and process); nothing rendered yet."""
    port = free_port()
    app = subprocess.Popen(
        [str(tradeoff), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    procs.append(app)
    base = f"http://127.0.0.1:{port}"
    wait_for(base + "/robots.txt", app, "tradeoff serve")  # cheap: renders no page
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
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    wrk = need("wrk", "wrk")
    nginx = need("nginx", "nginx")
    tradeoff = Path(sys.executable).parent / "tradeoff"
    procs: list[subprocess.Popen[bytes]] = []
    with tempfile.TemporaryDirectory(prefix="tradeoff-bench-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            nginx_port = free_port()
            app_base, app = start_app(tradeoff, procs)
            bodies = {}
            for path in PAGES:
                bodies[path] = wait_for(app_base + path, app, "tradeoff serve")
                page = tmp / "www" / path.lstrip("/")
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_bytes(bodies[path])
            for d in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                (tmp / d).mkdir()
            user = "user root;" if os.geteuid() == 0 else ""  # workers must read the temp dir
            conf = tmp / "nginx.conf"
            conf.write_text(NGINX_CONF.format(tmp=tmp, port=nginx_port, user=user))
            server = subprocess.Popen([nginx, "-c", str(conf), "-p", str(tmp)])
            procs.append(server)
            nginx_base = f"http://127.0.0.1:{nginx_port}"
            for path in PAGES:
                assert wait_for(nginx_base + path, server, "nginx") == bodies[path]
            print(
                f"wrk 1 thread, {args.connections} connections, {args.duration}s x {args.runs} "
                "runs each, alternating; tradeoff: uvicorn 1 process; nginx: 1 worker",
                flush=True,
            )
            for path in PAGES:
                warm(wrk, args, path, len(bodies[path]), app_base, nginx_base)
            stop(app)
            procs.remove(app)
            cold_first_requests(tradeoff, args.runs, procs)
        finally:
            for proc in procs:
                stop(proc)


def warm(
    wrk: str, args: argparse.Namespace, path: str, size: int, app_base: str, nginx_base: str
) -> None:
    """wrk against the same page from tradeoff (render-cache hits) and nginx (a static file)."""
    print(f"\nwarm: {path} ({size:,} bytes)", flush=True)
    urls = {"tradeoff": app_base + path, "nginx": nginx_base + path}
    for url in urls.values():  # warm-up (render cache, page cache)
        run_wrk(wrk, url, 1, args.connections)
    results: dict[str, list[dict[str, float]]] = {"tradeoff": [], "nginx": []}
    for i in range(args.runs):
        for name, url in urls.items():
            r = run_wrk(wrk, url, args.duration, args.connections)
            results[name].append(r)
            print(
                f"  run {i + 1} {name:8} {r['rps']:>10,.0f} req/s  "
                f"p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms",
                flush=True,
            )
    med = {
        name: {k: statistics.median(r[k] for r in runs) for k in ("rps", "p50_ms", "p99_ms")}
        for name, runs in results.items()
    }
    print(f"  {'server':10}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}   (median of {args.runs})")
    for name, m in med.items():
        print(f"  {name:10}{m['rps']:>12,.0f}{m['p50_ms']:>10.2f}{m['p99_ms']:>10.2f}")
    ratio = med["tradeoff"]["rps"] / med["nginx"]["rps"]
    print(f"  tradeoff / nginx requests/s: {ratio:.3f} ({1 / ratio:.1f}x slower than static nginx)")


if __name__ == "__main__":
    main()
