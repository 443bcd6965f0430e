"""uvicorn as `tradeoff serve` runs it: its own answers carry the security headers too, and
the request head (request line and headers) is bounded; with ``--workers N``, each worker
process builds its app with ``app_from_env``.

uvicorn answers a request it cannot parse (a bad request line, a forbidden character in a
header, an over-long URL) itself, before any ASGI middleware runs, with a bare 400 and no
security headers. Its httptools parser also has no limit on header size: a client could send
megabytes of headers and uvicorn would buffer them all. ``SecureHttpToolsProtocol`` answers
both with a small problem document carrying ``web.security``'s headers, and refuses a head
past ``MAX_HEAD_BYTES`` with 431 while it is still arriving.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
from pathlib import Path

from starlette.applications import Starlette
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from tradeoff.render.safe import inert_json
from tradeoff.web.app import create_app
from tradeoff.web.security import MAX_HOST_BYTES, MAX_PATH_BYTES, MAX_QUERY_BYTES, security_headers

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

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_head, self._head_bytes = True, 0  # the next request of the connection
        super().on_message_complete()

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
