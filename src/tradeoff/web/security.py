"""Security headers on every response (errors included), a read-only method gate, and the
bounds every request must fit before any work is done: path and query length, Host header."""

from __future__ import annotations

import json
from collections.abc import Collection

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tradeoff.render.safe import inert_json

# No inline script or style anywhere: the site works without JavaScript, and the one small
# script it has is a same-origin static file.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# pygal's SVG carries its own <style>; an SVG document may style itself but never run script.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"

ALLOWED_METHODS = ("GET", "HEAD")

# Hard limits, checked before routing: the longest real URL of the site is far shorter, and
# work done per request (name resolution, splitting a pair) is bounded by them.
MAX_PATH_BYTES = 1024
MAX_QUERY_BYTES = 4096
MAX_HOST_BYTES = 255  # a DNS name
# Health checks come from the orchestrator or the container itself, addressed by IP: the
# Host check does not apply (the answer holds no URL, web.resources.healthz).
HEALTH_PATH = "/healthz"

BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)
# Headers this middleware sets: any the app set itself are replaced (set once, not per header).
_REPLACED = frozenset({name for name, _ in BASE_HEADERS} | {b"content-security-policy"})


def security_headers(content_type: bytes) -> list[tuple[bytes, bytes]]:
    """The headers every response carries; the CSP depends on the content type."""
    csp = SVG_CSP if content_type.startswith(b"image/svg+xml") else PAGE_CSP
    return [*BASE_HEADERS, (b"content-security-policy", csp.encode())]


def secured(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """A response's headers as this middleware sends them: the security headers replace any
    the app set."""
    kept = [(k, v) for k, v in headers if k.lower() not in _REPLACED]
    content_type = next((v for k, v in kept if k.lower() == b"content-type"), b"")
    return kept + security_headers(content_type)


class SecurityMiddleware:
    """Pure ASGI wrapper: outermost, so even a 500 from the error middleware gets headers."""

    def __init__(self, app: ASGIApp, allowed_hosts: Collection[str] = ("*",)) -> None:
        self.app = app
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ALLOWED_METHODS:
            await _method_not_allowed(scope, send)
            return
        refused = self.refusal(scope)
        if refused is not None:
            await _problem(scope, send, *refused)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": secured(list(message.get("headers", [])))}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, scope: Scope) -> tuple[int, str, str] | None:
        """(status, title, detail) when the request is out of bounds, else None."""
        path = scope.get("raw_path") or scope["path"].encode()
        if len(path) > MAX_PATH_BYTES:
            return 414, "URI Too Long", f"the path is longer than {MAX_PATH_BYTES} bytes"
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            return 414, "URI Too Long", f"the query string is longer than {MAX_QUERY_BYTES} bytes"
        hosts = [v for k, v in scope.get("headers", []) if k.lower() == b"host"]
        if scope["path"] == HEALTH_PATH and len(hosts) == 1 and len(hosts[0]) <= MAX_HOST_BYTES:
            return None
        if len(hosts) > 1:
            return 400, "Bad Request", "more than one Host header"
        if not hosts:
            return None  # HTTP/1.0: absolute URLs never come from the Host anyway
        raw = hosts[0]
        if len(raw) > MAX_HOST_BYTES:
            return 400, "Bad Request", f"the Host header is longer than {MAX_HOST_BYTES} bytes"
        host = host_name(raw.decode("latin-1")).lower()
        if "*" not in self.allowed_hosts and host not in self.allowed_hosts:
            detail = f"the Host header {host!r} is not a name this site is served at"
            return 400, "Bad Request", detail
        return None


def host_name(host: str) -> str:
    """The Host header without its port: ``example.org:8000`` → ``example.org``, ``[::1]:80``
    → ``::1``."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _method_not_allowed(scope: Scope, send: Send) -> None:
    """The site is read-only: any method but GET/HEAD is a 405 problem."""
    detail = f"{scope['method']} is not allowed: this site is read-only (GET, HEAD)."
    allow = [(b"allow", ", ".join(ALLOWED_METHODS).encode())]
    await _problem(scope, send, 405, "Method Not Allowed", detail, allow)


async def _problem(
    scope: Scope,
    send: Send,
    status: int,
    title: str,
    detail: str,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """A problem answered before routing (the instance is cut: it may be what was too long)."""
    problem = {
        "type": "about:blank",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": scope.get("path", "")[:MAX_PATH_BYTES],
    }
    body = inert_json(json.dumps(problem)).encode()
    content_type = b"application/problem+json"
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
        *(extra or []),
        *security_headers(content_type),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
