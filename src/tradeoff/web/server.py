"""uvicorn as `tradeoff serve` runs it: its own answers carry the security headers too, and
the request head (request line and headers) is bounded; with ``--workers N``, each worker
process builds its app with ``app_from_env``.

uvicorn answers a request it cannot parse (a bad request line, a forbidden character in a
header, an over-long URL) itself, before any ASGI middleware runs, with a bare 400 and no
security headers. Its httptools parser also has no limit on header size: a client could send
megabytes of headers and uvicorn would buffer them all. ``SecureHttpToolsProtocol`` answers
both with a small problem document carrying ``web.security``'s headers, and refuses a head
past ``MAX_HEAD_BYTES`` with 431 while it is still arriving.

It also answers what the app's response cache holds (``web.caching.ResponseCache``: a page
sent before) as soon as the request head is parsed, without an ASGI task: the same security
checks (method, bounds, Host), then the stored 200 or 304 with the same header lines the
ASGI path writes (``tests/web/test_fast_path.py`` compares them byte for byte). On a 2-core
machine this took a cached compare page from about 6,000 to 12,000-14,600 requests per CPU
second (bench/web_load.py). Anything else — a miss, a pipelined request behind one in flight, a
write buffer over its limit, an access log to write — goes the ordinary way.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
from pathlib import Path
from typing import Any

import httptools
from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from tradeoff.render.safe import inert_json
from tradeoff.web.app import TradeoffApp, create_app
from tradeoff.web.caching import conditional_headers, none_match
from tradeoff.web.security import (
    ALLOWED_METHODS,
    MAX_HOST_BYTES,
    MAX_PATH_BYTES,
    MAX_QUERY_BYTES,
    secured,
    security_headers,
)

# `tradeoff serve --workers N`: each uvicorn worker process builds its app from these.
DB_VARIABLE = "TRADEOFF_SERVE_DB"
BASE_URL_VARIABLE = "TRADEOFF_SERVE_BASE_URL"

# Path, query and Host limits (web.security) plus room for ordinary headers: browsers send
# 1-2 KiB; the app refuses what exceeds its own limits with a 414 or 400 anyway.
MAX_HEAD_BYTES = 64 * 1024
assert MAX_PATH_BYTES + MAX_QUERY_BYTES + MAX_HOST_BYTES < MAX_HEAD_BYTES


class SecureHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with security headers on its own errors and a head bound."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_bytes = 0
        self._in_head = True  # reading a request line and headers
        self._answered = False  # the request being read was answered from the cache
        self._tradeoff = _tradeoff_app(self.app)
        self._host_checked: bytes | None = None  # a Host header the app accepts
        # uvicorn logs each answer at INFO when its access logger has a handler: then the
        # ordinary path answers, and logs.
        self._logs_access = self.access_log and self.access_logger.isEnabledFor(logging.INFO)

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            end = data.find(b"\r\n\r\n")  # a body after the head is not the head
            self._head_bytes += len(data) if end < 0 else end + 4
            if self._head_bytes > MAX_HEAD_BYTES:
                self._in_head = False
                self.logger.warning("Request head too large.")
                detail = f"the request line and headers are longer than {MAX_HEAD_BYTES} bytes"
                self._send_problem(431, "Request Header Fields Too Large", detail)
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        self._answered = False
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._answered = self._answer_from_cache()
        if not self._answered:
            super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._answered:  # a GET's body (rare) is ignored, as the app ignores it
            super().on_body(body)

    def on_message_complete(self) -> None:
        self._in_head, self._head_bytes = True, 0  # the next request of the connection
        if not self._answered:
            super().on_message_complete()

    def _answer_from_cache(self) -> bool:
        """Answer a GET or HEAD the response cache holds, as the ASGI path would (same
        checks, same header lines); False when the request must go the ordinary way."""
        app = self._tradeoff
        if (
            app is None
            or app.security is None
            or app.response_cache is None
            or self._logs_access
            or self.root_path
            or self.pipeline
            or (self.cycle is not None and not self.cycle.response_complete)
            or self.flow.write_paused
            or self.parser.should_upgrade()
        ):
            return False
        method = self.parser.get_method().decode("latin-1")
        if method not in ALLOWED_METHODS:
            return False
        try:
            url = httptools.parse_url(self.url)
        except httptools.HttpParserInvalidURLError:
            return False
        path, query = url.path, url.query or b""
        hosts = [value for name, value in self.headers if name == b"host"]
        if len(hosts) != 1:
            return False  # none (HTTP/1.0) or several: the ordinary path decides
        if hosts[0] != self._host_checked:
            # The security middleware's checks (a stored answer's path and query passed
            # them already; the Host is checked once per value on a connection).
            scope = {"path": path.decode("latin-1"), "raw_path": path, "query_string": query}
            if app.security.refusal({**scope, "headers": self.headers}) is not None:
                return False
            self._host_checked = hosts[0]
        accept, if_none_match = conditional_headers(self.headers)
        stored = app.response_cache.find(path, query, accept)
        if stored is None:
            return False
        ok, not_modified = stored.wire(secured)
        unchanged = none_match(if_none_match, stored.etag)
        content = [STATUS_LINE[304 if unchanged else 200]]
        for name, value in self.server_state.default_headers:
            content += [name.lower(), b": ", value, b"\r\n"]
        content.append(not_modified if unchanged else ok)
        keep_alive = self.parser.get_http_version() != "1.0" and self.parser.should_keep_alive()
        if not keep_alive:
            content.append(b"connection: close\r\n")
        content.append(b"\r\n")
        if unchanged or method == "HEAD":
            self.transport.write(b"".join(content))
        else:  # one vectored write (writev): the body is not copied into a joined buffer
            self.transport.writelines((b"".join(content), stored.body))
        self.server_state.total_requests += 1
        self._unset_keepalive_if_required()  # (a pipelined request before this one armed it)
        if keep_alive:
            self.timeout_keep_alive_task = self.loop.call_later(
                self.timeout_keep_alive, self.timeout_keep_alive_handler
            )
        else:
            self.transport.close()
        return True

    def send_400_response(self, msg: str) -> None:
        self._send_problem(400, "Bad Request", f"the request cannot be parsed as HTTP/1.1: {msg}")

    def _send_problem(self, status: int, title: str, detail: str) -> None:
        """A problem document, as the app writes them, then close the connection."""
        problem = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        body = inert_json(json.dumps(problem)).encode()
        content_type = b"application/problem+json"
        headers = [
            *self.server_state.default_headers,
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"),
            (b"connection", b"close"),
            *security_headers(content_type),
        ]
        head = f"HTTP/1.1 {status} {title}\r\n".encode()
        head += b"".join(name + b": " + value + b"\r\n" for name, value in headers)
        self.transport.write(head + b"\r\n" + body)
        self.transport.close()


def _tradeoff_app(app: Any) -> TradeoffApp | None:
    """The tradeoff app inside what uvicorn loaded (its proxy-headers wrapper…), if any."""
    for _ in range(8):
        if isinstance(app, TradeoffApp):
            return app
        app = getattr(app, "app", None)
    return None


def served(app: Starlette) -> Starlette:
    """An app about to serve: what it built so far (the catalog, the templates, the route
    table) lives as long as the process, so it leaves the cyclic garbage collector's scans
    (``gc.freeze``); a full collection over it took 0.1-0.4 s here, a pause every request in
    flight would wait for (bench/web_load.py's p99)."""
    gc.collect()
    gc.freeze()
    return app


def app_settings(db_path: Path, base_url: str) -> dict[str, str]:
    """The environment that ``app_from_env`` reads in each worker process."""
    return {DB_VARIABLE: str(db_path), BASE_URL_VARIABLE: base_url}


def app_from_env() -> Starlette:
    """The app of one worker of ``tradeoff serve --workers N`` (a uvicorn factory): the
    compiled database and base URL the parent resolved, from the environment."""
    missing = [name for name in (DB_VARIABLE, BASE_URL_VARIABLE) if not os.environ.get(name)]
    if missing:
        raise RuntimeError(f"tradeoff serve worker started without {', '.join(missing)}")
    return served(create_app(Path(os.environ[DB_VARIABLE]), base_url=os.environ[BASE_URL_VARIABLE]))
