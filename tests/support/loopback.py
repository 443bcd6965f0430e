"""A loopback HTTP server serving fixture snapshots (for `tradeoff refresh` tests).

Each path serves bytes with an ETag; a request whose If-None-Match names the current ETag
gets a 304. Every request is recorded (path and conditional headers), so a test can check
what was asked. It binds 127.0.0.1 on a free port and stops when the context ends.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Snapshots:
    """What the server serves now (path → body), and the requests it saw."""

    files: dict[str, bytes] = field(default_factory=dict)
    seen: list[tuple[str, str | None]] = field(default_factory=list)  # (path, If-None-Match)
    delay_s: float = 0.0

    @staticmethod
    def etag(body: bytes) -> str:
        return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


@contextmanager
def loopback_server(snapshots: Snapshots) -> Iterator[str]:
    """Serve ``snapshots`` on 127.0.0.1; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            condition = self.headers.get("If-None-Match")
            snapshots.seen.append((self.path, condition))
            body = snapshots.files.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            tag = snapshots.etag(body)
            if condition == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            if snapshots.delay_s:
                threading.Event().wait(snapshots.delay_s)
            self.send_response(200)
            self.send_header("ETag", tag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

    class Server(ThreadingHTTPServer):
        daemon_threads = False  # server_close() waits for every handler: none outlives a test

        def handle_error(self, request: object, client_address: object) -> None:
            return  # a client that gave up (a timeout test) is expected, not an error

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
