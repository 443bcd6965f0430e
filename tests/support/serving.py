"""`tradeoff serve` in a child process for tests that need a real server (browsers, the
wheel): a free loopback port, start, wait for an answer, stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from starlette.types import ASGIApp

from tradeoff.web.server import SecureHttpToolsProtocol


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serving(catalog_dir: Path, db: Path, wait_s: float = 60) -> Iterator[str]:
    """`tradeoff serve` on ``catalog_dir`` (compiled at ``db``); yields its base URL once
    `/robots.txt` answers; fails the test with the server's output if it exits early."""
    port = free_port()
    tradeoff = Path(sys.executable).parent / "tradeoff"
    env = {**os.environ, "TRADEOFF_CATALOG": str(catalog_dir), "TRADEOFF_DB": str(db)}
    proc = subprocess.Popen(
        [str(tradeoff), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if proc.poll() is not None:
                out = proc.stdout.read() if proc.stdout else ""
                pytest.fail(f"tradeoff serve exited early:\n{out}")
            try:
                with urllib.request.urlopen(base + "/robots.txt", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"tradeoff serve did not answer within {wait_s:.0f} s")
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def uvicorn_in_thread(app: ASGIApp, port: int, *, access_log: bool = True) -> Iterator[None]:
    """``app`` served by uvicorn with tradeoff's HTTP protocol in a thread of this process
    (so a test can reach into the app), on ``port``; stopped on exit."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="critical",
        access_log=access_log,
        http=SecureHttpToolsProtocol,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)
