"""Responses: media types, ETag / Cache-Control from the catalog version, problem bodies."""

from __future__ import annotations

import hashlib
import json
from typing import TypedDict

from starlette.requests import Request
from starlette.responses import Response

from tradeoff.render.safe import inert_json

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
CACHE_CONTROL = "public, max-age=300"


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
    return Response(
        inert_json(body),
        status_code=problem.status,
        media_type="application/problem+json",
        headers={"cache-control": "no-store"},
    )


def etag_for(version: str, request: Request, key: str | None = None) -> str:
    """A weak ETag: same catalog version + same page (its cache key, else its URL) = same
    bytes."""
    what = (key or f"{request.url.path}?{request.url.query}").encode()
    return f'W/"{version[:16]}-{hashlib.sha256(what).hexdigest()[:16]}"'


def _opaque_tags(header: str) -> list[str]:
    """The entity tags of an If-None-Match list, each without its weakness prefix."""
    tags = []
    for part in header.split(","):
        tag = part.strip()
        tag = tag[2:] if tag.startswith("W/") else tag
        if len(tag) >= 2 and tag[0] == tag[-1] == '"' and '"' not in tag[1:-1]:
            tags.append(tag)
    return tags


def none_match(header: str | None, etag: str) -> bool:
    """If-None-Match says the client has this representation (RFC 9110 §13.1.2): "*", or a
    listed tag equal to ours by weak comparison (the opaque tags are equal, W/ or not)."""
    if header is None:
        return False
    if header.strip() == "*":
        return True
    ours = etag.removeprefix("W/")
    return ours in _opaque_tags(header)


def cached(
    request: Request, version: str, body: str | bytes, kind: str, key: str | None = None
) -> Response:
    """A 200 with ETag and Cache-Control, or a 304 when the client already has it."""
    etag = etag_for(version, request, key)
    headers = {"etag": etag, "cache-control": CACHE_CONTROL}
    if none_match(request.headers.get("if-none-match"), etag):
        # A 304 carries the Vary its 200 would (gzip adds it to bodies, a 304 has none).
        return Response(status_code=304, headers={**headers, "vary": "Accept-Encoding"})
    return Response(body, media_type=MEDIA_TYPES[kind], headers=headers)
