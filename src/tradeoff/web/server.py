"""uvicorn as `tradeoff serve` runs it: its own answers carry the security headers too, and
the request head (request line and headers) is bounded.

uvicorn answers a request it cannot parse (a bad request line, a forbidden character in a
header, an over-long URL) itself, before any ASGI middleware runs, with a bare 400 and no
security headers. Its httptools parser also has no limit on header size: a client could send
megabytes of headers and uvicorn would buffer them all. ``SecureHttpToolsProtocol`` answers
both with a small problem document carrying ``web.security``'s headers, and refuses a head
past ``MAX_HEAD_BYTES`` with 431 while it is still arriving.
"""

from __future__ import annotations

import asyncio
import json

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from tradeoff.render.safe import inert_json
from tradeoff.web.security import MAX_HOST_BYTES, MAX_PATH_BYTES, MAX_QUERY_BYTES, security_headers

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
