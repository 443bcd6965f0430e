"""Bench: does one slow request hold the others, and how much memory do junk URLs cost?

Starts `tradeoff serve` on a free loopback port (127.0.0.1 only) and measures, each run
bounded in time and stopping by itself:

1. **tail latency under uncached load**: 16 connections (``--connections``) request
   uncached comparisons (random pairs of the catalog's models, random blend), while one
   more connection requests a cached page (``/robots.txt``) over and over; prints the
   cached page's p50 / p99 / max latency and how many uncached pages were served.
2. **RSS after many distinct URLs**: requests up to ``--urls`` distinct URLs (a long
   ``q=`` search on the Markdown twin of the catalog, ``--pad`` characters each, as a
   crawler or an attacker could), 8 at a time, for at most ``--rss-seconds``; prints how many
   were sent, their status codes and the server's RSS before and after.
3. **the server's own answers**: raw requests no HTTP client sends (a bad request line, a
   1 MB header), answered by uvicorn before the app runs: status and whether the security
   headers are there; then ``--head-connections`` connections each sending ``--head-mib`` MiB
   of one header line without ending it, and the server's RSS before and while they are open.

    .venv/bin/python bench/web_bounds.py [--duration 20] [--urls 100000] [--rss-seconds 180]
        [--sections latency,rss,server] [--head-mib 16] [--head-connections 8]

``--src DIR`` runs the server on another checkout's ``src/`` (e.g. a worktree of main at
/tmp) with this venv's dependencies, to compare before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import select
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CACHED = "/robots.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(src: Path | None, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    code = "from tradeoff.cli import main; main()"
    cmd = [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}{CACHED}", timeout=2)
            return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(
        "server did not start: " + (proc.stderr.read() if proc.stderr else b"").decode()
    )


async def tail_latency(base: str, connections: int, duration: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        slugs = [m["slug"] for m in (await client.get("/api/v1/models")).json()["models"]]
        await client.get(CACHED)
        stop = time.monotonic() + duration
        served = Counter[int]()
        latencies: list[float] = []

        async def uncached() -> None:
            rng = random.Random()
            async with httpx.AsyncClient(base_url=base, timeout=120) as own:
                while time.monotonic() < stop:
                    a, b = sorted(rng.sample(slugs, 2))
                    first = rng.randint(1, 99)
                    url = f"/compare/{a}-vs-{b}.md?blend={first}:{100 - first}"
                    served[(await own.get(url)).status_code] += 1

        async def probe() -> None:
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                (await client.get(CACHED)).raise_for_status()
                latencies.append(time.perf_counter() - t0)
                await asyncio.sleep(0.005)

        await asyncio.gather(probe(), *(uncached() for _ in range(connections)))
    latencies.sort()

    def p(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    print(
        f"cached {CACHED} under {connections} uncached-compare connections, {duration:.0f} s: "
        f"p50 {p(0.5):.1f} ms  p99 {p(0.99):.1f} ms  max {latencies[-1] * 1000:.1f} ms "
        f"({len(latencies)} probes); uncached pages served: {dict(served)}"
    )


async def rss_growth(base: str, pid: int, urls: int, pad: int, seconds: float) -> None:
    before = rss_mib(pid)
    stop = time.monotonic() + seconds
    statuses = Counter[int]()
    sent = 0
    filler = "x" * pad

    async def worker(start: int) -> None:
        nonlocal sent
        async with httpx.AsyncClient(base_url=base, timeout=120) as client:
            for i in range(start, urls, 8):
                if time.monotonic() > stop:
                    return
                response = await client.get(f"/index.md?q={i:07d}{filler}")
                statuses[response.status_code] += 1
                sent += 1

    await asyncio.gather(*(worker(k) for k in range(8)))
    print(
        f"RSS after {sent} distinct /index.md?q=<{pad + 7} chars> URLs: "
        f"{before:.0f} MiB -> {rss_mib(pid):.0f} MiB; statuses {dict(statuses)}"
    )


RAW = {
    "bad request line": b"GARBAGE\r\n\r\n",
    "1 MB header": b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 2**20 + b"\r\n\r\n",
}


def raw_answer(port: int, request: bytes) -> bytes:
    """The head of the server's answer to ``request`` (sent in pieces, stopping when it
    answers: it may refuse part-way)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        for offset in range(0, len(request), 16384):
            if select.select([conn], [], [], 0)[0]:
                break
            try:
                conn.sendall(request[offset : offset + 16384])
            except OSError:
                break
        answer = b""
        try:
            while b"\r\n\r\n" not in answer and (chunk := conn.recv(65536)):
                answer += chunk
        except OSError:
            pass
    return answer.split(b"\r\n\r\n")[0]


def server_answers(port: int, pid: int, head_mib: int, connections: int) -> None:
    for name, request in RAW.items():
        head = raw_answer(port, request)
        status = head.split(b"\r\n")[0].decode("latin-1")
        secured = b"x-content-type-options: nosniff" in head.lower()
        print(f"{name}: {status!r}, security headers: {'yes' if secured else 'no'}")
    before = rss_mib(pid)
    opened = []
    chunk = b"a" * 2**20
    statuses = Counter[str]()
    for _ in range(connections):
        conn = socket.create_connection(("127.0.0.1", port), timeout=30)
        opened.append(conn)
        try:
            conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
            for _ in range(head_mib):
                conn.sendall(chunk)
            statuses["sent in full"] += 1
        except OSError:
            statuses["refused part-way"] += 1
    time.sleep(1)
    during = rss_mib(pid)
    for conn in opened:
        conn.close()
    print(
        f"RSS with {connections} open connections each sending a {head_mib} MiB header: "
        f"{before:.0f} MiB -> {during:.0f} MiB; {dict(statuses)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--src", type=Path, help="serve another checkout's src/ directory")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=float, default=20)
    parser.add_argument("--urls", type=int, default=100_000)
    parser.add_argument("--pad", type=int, default=3000)
    parser.add_argument("--rss-seconds", type=float, default=180)
    parser.add_argument("--sections", default="latency,rss,server")
    parser.add_argument("--head-mib", type=int, default=16)
    parser.add_argument("--head-connections", type=int, default=8)
    args = parser.parse_args()
    sections = set(args.sections.split(","))
    port = free_port()
    proc = start_server(args.src, port)
    base = f"http://127.0.0.1:{port}"
    try:
        print(f"server: {args.src or ROOT / 'src'} on {base}")
        if "latency" in sections:
            asyncio.run(tail_latency(base, args.connections, args.duration))
        if "rss" in sections:
            asyncio.run(rss_growth(base, proc.pid, args.urls, args.pad, args.rss_seconds))
        if "server" in sections:
            server_answers(port, proc.pid, args.head_mib, args.head_connections)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
