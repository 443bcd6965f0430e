"""Responses: page formats, ETag / Cache-Control from the catalog version, problem bodies."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response

from tradeoff.pages.jsonable import dumps

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "sqlite": "application/vnd.sqlite3",
}
CACHE_CONTROL = "public, max-age=300"


class Problem(Exception):
    """An HTTP error explained to the caller (RFC 9457 problem details)."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        parameter: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.status = status
        self.title = title
        self.detail = detail
        self.parameter = parameter
        self.extra = extra or {}
        super().__init__(detail)

    def body(self, instance: str) -> dict[str, Any]:
        """The problem+json body."""
        out: dict[str, Any] = {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
        }
        if self.parameter:
            out["parameter"] = self.parameter
        out.update(self.extra)
        return out


def bad_parameter(parameter: str, detail: str) -> Problem:
    """A 400 naming the query or path parameter at fault."""
    return Problem(400, "Bad Request", detail, parameter=parameter)


def problem_response(problem: Problem, request: Request) -> Response:
    """A problem as application/problem+json (never cached)."""
    body = json.dumps(problem.body(request.url.path), ensure_ascii=False, indent=2)
    # Echoed input stays data even if some client renders the body as HTML.
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Response(
        body,
        status_code=problem.status,
        media_type="application/problem+json",
        headers={"cache-control": "no-store"},
    )


def etag_for(version: str, request: Request) -> str:
    """A weak ETag: same catalog version + same URL = same bytes."""
    key = f"{request.url.path}?{request.url.query}".encode()
    return f'W/"{version[:16]}-{hashlib.sha256(key).hexdigest()[:16]}"'


def cached(request: Request, version: str, body: str | bytes, kind: str) -> Response:
    """A 200 with ETag and Cache-Control, or a 304 when the client already has it."""
    etag = etag_for(version, request)
    headers = {"etag": etag, "cache-control": CACHE_CONTROL}
    if etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=MEDIA_TYPES[kind], headers=headers)


def json_text(value: Any) -> str:
    """JSON of a page context: Decimal as strings, never floats."""
    return dumps(value) + "\n"


def json_ld(value: dict[str, Any]) -> Markup:
    """JSON-LD safe inside a <script> element: <, > and & escaped as JSON unicode escapes."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)  # nothing left that can close the <script> element
