"""`tradeoff serve` answers what the response cache holds before the ASGI app
(``web.server.SecureHttpToolsProtocol``): over a real socket, the bytes it writes are the
bytes the ordinary path writes for the same request — status line, every header (security
headers, Cache-Control, ETag, Vary, Content-Type…), body — for 200s, HEADs and 304s, in
every encoding; and it refuses what the app would refuse (another Host)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send
from support.serving import free_port, uvicorn_in_thread
from support.web_support import KIMI, PAIR

from tradeoff.db.queries import Catalog
from tradeoff.web.app import TradeoffApp, create_app

URLS = (PAIR, f"/models/{KIMI}.json", f"/charts/price-by-provider.svg?model={KIMI}", "/robots.txt")
ENCODINGS = ("identity", "gzip", "br", "gzip, deflate, br")


class Counting:
    """The app's middleware stack, counting the requests that reach it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app, self.calls = app, 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            self.calls += 1
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def served(catalog: Catalog) -> Iterator[tuple[int, TradeoffApp, Counting]]:
    port = free_port()
    app = create_app(catalog.path, base_url=f"http://127.0.0.1:{port}")
    assert isinstance(app, TradeoffApp)
    with uvicorn_in_thread(app, port, access_log=False):  # as `tradeoff serve` runs it
        assert app.middleware_stack is not None  # built by the lifespan
        counting = Counting(app.middleware_stack)
        app.middleware_stack = counting
        yield port, app, counting


def _raw(port: int, request: bytes) -> bytes:
    """Everything the server writes for ``request`` until it closes the connection."""
    out = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        while chunk := conn.recv(65536):
            out += chunk
    return out


def _request(path: str, method: str = "GET", extra: str = "", version: str = "1.1") -> bytes:
    head = f"{method} {path} HTTP/{version}\r\nHost: 127.0.0.1\r\n{extra}"
    return (head + ("Connection: close\r\n" if version == "1.1" else "") + "\r\n").encode()


def _dateless(answer: bytes) -> bytes:
    """The answer without its Date header (uvicorn's clock, refreshed every second)."""
    return re.sub(rb"\r\ndate: [^\r]*", b"", answer, count=1)


def _compare(port: int, app: TradeoffApp, counting: Counting, request: bytes) -> bytes:
    """The answer from the ASGI path and from the fast path; they must be the same bytes."""
    security = app.security
    app.security = None  # the protocol's fast path is off: the ASGI path answers
    try:
        before = counting.calls
        ordinary = _raw(port, request)
        assert counting.calls == before + 1
    finally:
        app.security = security
    before = counting.calls
    fast = _raw(port, request)
    assert counting.calls == before, "the fast path did not answer"
    assert _dateless(fast) == _dateless(ordinary)
    return fast


def _headers(answer: bytes) -> dict[str, str]:
    lines = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")[1:]
    return {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_fast_path_sends_the_bytes_of_the_ordinary_path(
    served: tuple[int, TradeoffApp, Counting], url: str, encoding: str
) -> None:
    port, app, counting = served
    get = _request(url, extra=f"Accept-Encoding: {encoding}\r\n")
    rendered = _raw(port, get)  # the first answer is rendered (and stored)
    assert rendered.startswith(b"HTTP/1.1 200 ")
    answer = _compare(port, app, counting, get)
    assert _dateless(answer) == _dateless(rendered)
    headers = _headers(answer)
    for name in ("etag", "cache-control", "content-type", "x-content-type-options"):
        assert name in headers, name
    assert "content-security-policy" in headers and "connection" in headers
    # HEAD: the same head, no body; a revalidation: a 304 with the same validators.
    head = _compare(port, app, counting, _request(url, "HEAD", f"Accept-Encoding: {encoding}\r\n"))
    assert head == answer.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    tag = headers["etag"]
    revalidate = f'Accept-Encoding: {encoding}\r\nIf-None-Match: W/{tag}, "other"\r\n'
    not_modified = _compare(port, app, counting, _request(url, extra=revalidate))
    assert not_modified.startswith(b"HTTP/1.1 304 ")
    assert _headers(not_modified)["etag"] == tag
    assert not_modified.endswith(b"\r\n\r\n")  # no body
    # HTTP/1.0: the connection closes after the answer, as on the ordinary path.
    assert b"\r\nconnection: close" in _compare(port, app, counting, _request(url, version="1.0"))


def test_fast_path_answers_keep_alive_requests_in_order(
    served: tuple[int, TradeoffApp, Counting],
) -> None:
    port, _, counting = served
    one = _request(PAIR, extra="Accept-Encoding: gzip\r\n")
    _raw(port, one)
    before = counting.calls
    keep = one.replace(b"Connection: close\r\n", b"")
    other = _request("/llms.txt").replace(b"Connection: close\r\n", b"")
    answer = _raw(port, keep + other + keep + one)  # pipelined on one connection
    parts = [p.split(b"\r\n\r\n", 1) for p in answer.split(b"HTTP/1.1 ")[1:]]
    assert [p[0][:3] for p in parts] == [b"200"] * 4
    assert parts[1][1].startswith(b"# tradeoff")  # llms.txt, in order
    assert _dateless(parts[0][1]) == _dateless(parts[2][1])
    # The first from the store at once; llms.txt was not stored yet: the ASGI path, and the
    # two read behind it wait in uvicorn's queue (the ASGI path) so that answers keep order.
    assert counting.calls == before + 3


def test_fast_path_refuses_what_the_app_refuses(served: tuple[int, TradeoffApp, Any]) -> None:
    port, _, _ = served
    _raw(port, _request(PAIR))
    other_host = _request(PAIR).replace(b"Host: 127.0.0.1", b"Host: evil.example")
    assert _raw(port, other_host).startswith(b"HTTP/1.1 400 ")
    two_hosts = _request(PAIR).replace(b"Host: 127.0.0.1", b"Host: 127.0.0.1\r\nHost: x")
    assert _raw(port, two_hosts).startswith(b"HTTP/1.1 400 ")
    post = _request(PAIR, "POST").replace(b"\r\n\r\n", b"\r\nContent-Length: 0\r\n\r\n")
    assert _raw(port, post).startswith(b"HTTP/1.1 405 ")
