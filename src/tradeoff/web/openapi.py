"""The OpenAPI 3.1 document, generated from the route table's /api/v1 entries.

Each entry's parameters come from its page's query model (name, description, example,
required) and its documented path parameters, so the document cannot drift from what the
API accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from tradeoff import __version__
from tradeoff.pages.queries import PageQuery
from tradeoff.web.openapi_schema import SchemaSet
from tradeoff.web.pattern import ApiDoc

Json = dict[str, object]


@dataclass(frozen=True)
class ApiParam:
    """One documented parameter, with an example value the route-table test calls with."""

    name: str
    where: str  # "path" | "query"
    description: str
    example: str
    required: bool
    schema: Json


@dataclass(frozen=True)
class ApiRoute:
    """One GET endpoint of /api/v1 as documented."""

    path: str  # Starlette path, e.g. "/api/v1/models/{name:path}"
    doc: ApiDoc
    params: tuple[ApiParam, ...]

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


def api_route(path: str, doc: ApiDoc, query: type[PageQuery]) -> ApiRoute:
    """An API entry documented from its path parameters and its query model."""
    params = [ApiParam(n, "path", d, e, True, {"type": "string"}) for n, d, e in doc.path_params]
    for name, info in query.model_fields.items():
        if name in query.repeatable:
            schema: Json = {"type": "array", "items": {"type": "string"}}
        elif int in (info.annotation, *get_args(info.annotation)):
            schema = {"type": "integer", "minimum": 0}
        else:
            schema = {"type": "string"}
        extra = info.json_schema_extra
        values = extra.get("enum") if isinstance(extra, dict) else None
        if isinstance(values, list):
            schema["enum"] = list(values)  # a closed set of values (model kinds)
            schema["default"] = info.default
        example = str(info.examples[0]) if info.examples else ""
        description = info.description or ""
        params.append(ApiParam(name, "query", description, example, info.is_required(), schema))
    return ApiRoute(path, doc, tuple(params))


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


def _parameter(p: ApiParam) -> Json:
    out: Json = {
        "name": p.name,
        "in": p.where,
        "required": p.required,
        "description": p.description,
        "schema": p.schema,
        "example": p.example,
    }
    if p.schema.get("type") == "array":
        out.update(style="form", explode=True)
    return out


def openapi_document(routes: list[ApiRoute]) -> Json:
    """OpenAPI 3.1 for ``routes``: every path, parameter, response schema and error shape."""
    paths: Json = {}
    schemas = SchemaSet()
    for route in routes:
        body: Json = (
            {"type": "object"} if route.doc.response is None else schemas.ref(route.doc.response)
        )
        paths[route.openapi_path] = {
            "get": {
                "operationId": route.doc.operation_id,
                "summary": route.doc.summary,
                "tags": [route.doc.tag],
                "parameters": [_parameter(p) for p in route.params],
                "responses": {
                    "200": {
                        "description": "JSON; money is a decimal string in USD per 1M tokens",
                        "content": {"application/json": {"schema": body}},
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
            "decimal string in USD per 1M tokens (fields end in _per_mtok), or per the unit a "
            "unit price names (prices.unit_prices: key, unit, usd); unknown is null. "
            "Every page of the site also has a .json twin with the same context.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": paths,
        "components": {"schemas": dict(sorted(schemas.schemas.items()))},
    }
