"""uvicorn's own answers, over a real socket (issue 12 item 8: "uvicorn's own 400s lack the
security headers"; and its httptools parser accepted a 1 MB header).

The server runs as `tradeoff serve` runs it (``web.server.SecureHttpToolsProtocol``) on a free
loopback port, in a thread; each case writes raw bytes no HTTP client would send.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator

import pytest
from support.serving import free_port, uvicorn_in_thread
from support.web_support import SECURITY_HEADERS

from tradeoff.db.queries import Catalog
from tradeoff.web.app import create_app
from tradeoff.web.server import MAX_HEAD_BYTES


@pytest.fixture(scope="module")
def port(catalog: Catalog) -> Iterator[int]:
    chosen = free_port()
    app = create_app(catalog.path, base_url=f"http://127.0.0.1:{chosen}")
    with uvicorn_in_thread(app, chosen):
        yield chosen


def _exchange(port: int, request: bytes) -> tuple[bytes, float]:
    """Send ``request`` in 16 KiB pieces, stopping as soon as the server answers (it may
    refuse a head part-way); return the answer's head and how long the exchange took."""
    started = time.monotonic()
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        for offset in range(0, len(request), 16 * 1024):
            readable, _, _ = select.select([conn], [], [], 0)
            if readable:
                break
            try:
                conn.sendall(request[offset : offset + 16 * 1024])
            except OSError:  # the server closed on us: read what it said
                break
        try:
            while b"\r\n\r\n" not in answer:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
    return answer.split(b"\r\n\r\n")[0], time.monotonic() - started


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


HOST = b"Host: 127.0.0.1\r\n"
GET = b"GET / HTTP/1.1\r\n" + HOST
MANY = b"".join(b"X-%d: " % i + b"a" * 1024 + b"\r\n" for i in range(100))
CASES = {
    "bad request line": (b"GARBAGE\r\n\r\n", 400),
    "space in the path": (b"GET /a b HTTP/1.1\r\n" + HOST + b"\r\n", 400),
    "bad header name": (GET + b"Bad Header: x\r\n\r\n", 400),
    "control character in a header": (GET + b"X-A: a\x01b\r\n\r\n", 400),
    "100 KB URL": (b"GET /" + b"a" * 100_000 + b" HTTP/1.1\r\n" + HOST + b"\r\n", 431),
    "1 MB header": (GET + b"X-Big: " + b"a" * 1_000_000 + b"\r\n\r\n", 431),
    "a hundred 1 KB headers": (GET + MANY + b"\r\n", 431),
}


@pytest.mark.parametrize("case", CASES)
def test_uvicorn_own_errors_carry_the_security_headers(port: int, case: str) -> None:
    request, status = CASES[case]
    head, took = _exchange(port, request)
    assert head.startswith(f"HTTP/1.1 {status} ".encode()), head[:200]
    headers = _headers(head)
    for name, needle in SECURITY_HEADERS.items():
        assert needle in headers.get(name, ""), (case, name, headers)
    assert headers["content-type"] == "application/problem+json"
    assert took < 5  # refused while arriving, not after a timeout


def test_a_head_within_the_bound_is_served(port: int) -> None:
    filler = b"X-Pad: " + b"a" * (MAX_HEAD_BYTES // 2) + b"\r\n"
    request = b"GET /robots.txt HTTP/1.1\r\n" + HOST + filler + b"Connection: close\r\n\r\n"
    head, _ = _exchange(port, request)
    assert head.startswith(b"HTTP/1.1 200 "), head[:200]


def test_a_kept_alive_connection_bounds_each_request_not_their_sum(port: int) -> None:
    one = b"GET /robots.txt HTTP/1.1\r\n" + HOST + b"X-Pad: " + b"a" * 20_000 + b"\r\n\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        for _ in range(5):  # 100 KB in all, 20 KB a request
            conn.sendall(one)
            answer = b""
            while b"\r\n\r\n" not in answer:
                answer += conn.recv(65536)
            assert answer.startswith(b"HTTP/1.1 200 "), answer[:200]
            length = int(_headers(answer.split(b"\r\n\r\n")[0])["content-length"])
            body = answer.split(b"\r\n\r\n", 1)[1]
            while len(body) < length:
                body += conn.recv(65536)


def test_a_large_body_is_not_counted_as_head(port: int) -> None:
    body = b"a" * 200_000
    request = b"POST / HTTP/1.1\r\n" + HOST + b"Content-Length: %d\r\n\r\n" % len(body) + body
    head, _ = _exchange(port, request)
    assert head.startswith(b"HTTP/1.1 405 "), head[:200]  # the app's answer: read-only
