"""The OpenAPI 3.1 document, built from the API's own route table (so it cannot drift)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from tradeoff import __version__

Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class ApiParam:
    """One documented parameter, with an example value the route-table test calls with."""

    name: str
    where: str  # "path" | "query"
    description: str
    example: str
    required: bool = False
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})


@dataclass(frozen=True)
class ApiRoute:
    """One GET endpoint of /api/v1: what serves it and how it is documented."""

    path: str  # Starlette path, e.g. "/api/v1/models/{name:path}"
    endpoint: Endpoint
    operation_id: str
    summary: str
    params: tuple[ApiParam, ...] = ()
    tag: str = "catalog"

    @property
    def openapi_path(self) -> str:
        """The path as OpenAPI writes it (converters dropped)."""
        return re.sub(r"\{(\w+):\w+\}", r"{\1}", self.path)

    def example_url(self) -> str:
        """The path filled with example values (tests call every documented path)."""
        url = self.openapi_path
        query = []
        for p in self.params:
            if p.where == "path":
                url = url.replace("{" + p.name + "}", p.example)
            elif p.required or p.example:
                query.append(f"{p.name}={p.example}")
        return url + ("?" + "&".join(query) if query else "")


PROBLEM = {
    "description": "Bad parameter or unknown name (RFC 9457 problem details)",
    "content": {
        "application/problem+json": {
            "schema": {
                "type": "object",
                "required": ["title", "status", "detail"],
                "properties": {
                    "type": {"type": "string"},
                    "title": {"type": "string"},
                    "status": {"type": "integer"},
                    "detail": {"type": "string"},
                    "instance": {"type": "string"},
                    "parameter": {"type": "string"},
                    "suggestions": {"type": "array", "items": {"type": "object"}},
                },
            }
        }
    },
}


def openapi_document(routes: list[ApiRoute]) -> dict[str, Any]:
    """OpenAPI 3.1 for ``routes``: every path, parameter and error shape."""
    paths: dict[str, Any] = {}
    for route in routes:
        paths[route.openapi_path] = {
            "get": {
                "operationId": route.operation_id,
                "summary": route.summary,
                "tags": [route.tag],
                "parameters": [
                    {
                        "name": p.name,
                        "in": p.where,
                        "required": p.required or p.where == "path",
                        "description": p.description,
                        "schema": p.schema,
                        "example": p.example,
                    }
                    for p in route.params
                ],
                "responses": {
                    "200": {
                        "description": "JSON; money is a decimal string in USD per 1M tokens",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    },
                    "400": PROBLEM,
                    "404": PROBLEM,
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "tradeoff API",
            "version": __version__,
            "description": "Read-only JSON API over the tradeoff LLM catalog. Money is a "
            "decimal string in USD per 1M tokens (fields end in _per_mtok); unknown is null. "
            "Every page of the site also has a .json twin with the same context.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": paths,
    }
