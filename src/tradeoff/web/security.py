"""Security headers on every response (errors included) and a read-only method gate."""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

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

BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def security_headers(content_type: bytes) -> list[tuple[bytes, bytes]]:
    """The headers every response carries; the CSP depends on the content type."""
    csp = SVG_CSP if content_type.startswith(b"image/svg+xml") else PAGE_CSP
    return [*BASE_HEADERS, (b"content-security-policy", csp.encode())]


class SecurityMiddleware:
    """Pure ASGI wrapper: outermost, so even a 500 from the error middleware gets headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ALLOWED_METHODS:
            await _method_not_allowed(scope, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {h for h, _ in BASE_HEADERS}
                    and k.lower() != b"content-security-policy"
                ]
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                message = {**message, "headers": headers + security_headers(content_type)}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _method_not_allowed(scope: Scope, send: Send) -> None:
    """The site is read-only: any method but GET/HEAD is a 405 problem."""
    body = json.dumps(
        {
            "type": "about:blank",
            "title": "Method Not Allowed",
            "status": 405,
            "detail": f"{scope['method']} is not allowed: this site is read-only (GET, HEAD).",
            "instance": scope.get("path", ""),
        }
    ).encode()
    content_type = b"application/problem+json"
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        (b"allow", ", ".join(ALLOWED_METHODS).encode()),
        *security_headers(content_type),
    ]
    await send({"type": "http.response.start", "status": 405, "headers": headers})
    await send({"type": "http.response.body", "body": body})
