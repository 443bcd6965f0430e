"""Responses: media types, cached bodies (``web.caching``: ETag, Cache-Control), problems."""

from __future__ import annotations

import json
from typing import TypedDict

from starlette.requests import Request
from starlette.responses import Response

from tradeoff.render.safe import inert_json
from tradeoff.web.caching import (
    COMPRESS,
    GZIP_MINIMUM_SIZE,
    Representation,
    Representations,
    cached_response,
    preferred_coding,
)

MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "atom": "application/atom+xml",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "sqlite": "application/vnd.sqlite3",
}


class Suggestion(TypedDict):
    """A near name offered when a model is unknown."""

    id: str
    name: str
    url: str


class ErrorPage(TypedDict):
    """The context of the HTML error page (a 404 with near names)."""

    title: str
    detail: str
    suggestions: list[Suggestion] | None


class Problem(Exception):
    """An HTTP error explained to the caller (RFC 9457 problem details)."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str,
        *,
        parameter: str | None = None,
        suggestions: list[Suggestion] | None = None,
    ) -> None:
        self.status = status
        self.title = title
        self.detail = detail
        self.parameter = parameter
        self.suggestions = suggestions
        super().__init__(detail)

    def body(self, instance: str) -> dict[str, object]:
        """The problem+json body."""
        out: dict[str, object] = {
            "type": "about:blank",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
        }
        if self.parameter:
            out["parameter"] = self.parameter
        if self.suggestions is not None:
            out["suggestions"] = self.suggestions
        return out


def bad_parameter(parameter: str, detail: str) -> Problem:
    """A 400 naming the query or path parameter at fault."""
    return Problem(400, "Bad Request", detail, parameter=parameter)


def not_found(title: str, detail: str, parameter: str | None = None) -> Problem:
    """A 404 naming what was not found."""
    return Problem(404, title, detail, parameter=parameter)


def problem_response(problem: Problem, request: Request) -> Response:
    """A problem as application/problem+json (never cached)."""
    body = json.dumps(problem.body(request.url.path), ensure_ascii=False, indent=2)
    # Echoed input stays data even if some client renders the body as HTML.
    return uncached(request, inert_json(body), problem.status, "application/problem+json")


def uncached(request: Request, body: str | bytes, status: int, media_type: str) -> Response:
    """An answer never cached (an error, a form sent back with its message: ``no-store``),
    in the coding the client prefers (Brotli or gzip, as cached answers) from
    ``GZIP_MINIMUM_SIZE`` up, with ``Vary: Accept-Encoding``. Encoded here, the app's
    GZipMiddleware passes it through (it adds Vary to an identity body from that size up)."""
    data = body.encode() if isinstance(body, str) else body
    headers = {"cache-control": "no-store"}
    if len(data) >= GZIP_MINIMUM_SIZE:
        coding = preferred_coding(request.headers.get("accept-encoding"))
        if coding != "identity":
            data = COMPRESS[coding](data)
            headers |= {"content-encoding": coding, "vary": "Accept-Encoding"}
    return Response(data, status_code=status, media_type=media_type, headers=headers)


def cached(
    request: Request, version: str, body: str | bytes, kind: str, key: str | None = None
) -> Response:
    """A 200 with a strong ETag and Cache-Control (``web.caching``), or a 304 when the client
    already has it. ``key`` names the page (default: its URL); ``version`` is the catalog's,
    part of what a key means."""
    data = body.encode() if isinstance(body, str) else body
    name = f"{version}|{key or request.url.path + '?' + request.url.query}"
    kept: Representations | None = getattr(request.app.state, "representations", None)
    representation = kept.of(name, data) if kept is not None else Representation.of(data)
    return cached_response(request, representation, MEDIA_TYPES[kind])
