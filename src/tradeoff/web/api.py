"""`/api/v1/...`: read-only JSON over the same page contexts as the site."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.pages.jsonable import jsonable
from tradeoff.pages.model import model_context
from tradeoff.web.contexts import (
    catalog_context,
    lab_context,
    provider_context,
    providers_list,
)
from tradeoff.web.filters import apply, parse_catalog_query
from tradeoff.web.openapi import ApiParam, ApiRoute, openapi_document
from tradeoff.web.responses import Problem, bad_parameter, json_text
from tradeoff.web.routes_compare import compare_api, cost_api
from tradeoff.web.routes_pages import find_model, serve, site_of

MODEL_EXAMPLE = "moonshotai--kimi-k2-instruct"


async def models(request: Request) -> Response:
    """The catalog table as JSON, with the same filters as `/`."""
    site = site_of(request)
    query = parse_catalog_query(request.query_params, site.options)

    def build() -> str:
        shown = apply(site.rows, query)
        return json_text(catalog_context(site.catalog, site.rows, shown, query, site.options))

    return serve(request, "json", build)


async def model(request: Request) -> Response:
    """One model's page context; the name may be an id (with '/'), a slug or an alias."""
    site = site_of(request)
    found = find_model(site, request.path_params["name"])
    return serve(request, "json", lambda: json_text(model_context(site.catalog, found)))


async def providers(request: Request) -> Response:
    """Every provider with its status and offering count."""
    site = site_of(request)
    return serve(
        request,
        "json",
        lambda: json_text({"providers": providers_list(site.catalog, site.offerings_by_provider)}),
    )


async def provider(request: Request) -> Response:
    """One provider page context."""
    site = site_of(request)
    name = request.path_params["name"]
    found = site.catalog.providers.get(name)
    if found is None:
        raise Problem(404, "Unknown provider", f"No provider is called {name!r}.", parameter="id")
    offerings = site.offerings_by_provider.get(name, [])
    return serve(
        request, "json", lambda: json_text(provider_context(site.catalog, found, offerings))
    )


async def labs(request: Request) -> Response:
    """Every lab with its model count."""
    site = site_of(request)

    def build() -> str:
        counts: dict[str, int] = {}
        for m in site.catalog.models.values():
            counts[m.lab_id] = counts.get(m.lab_id, 0) + 1
        body = [
            {**jsonable(lab), "model_count": counts.get(lab.id, 0), "page": urls.lab(lab.id)}
            for lab in site.catalog.labs.values()
        ]
        return json_text({"labs": body})

    return serve(request, "json", build)


async def lab(request: Request) -> Response:
    """One lab page context."""
    site = site_of(request)
    name = request.path_params["name"]
    found = site.catalog.labs.get(name)
    if found is None:
        raise Problem(404, "Unknown lab", f"No lab is called {name!r}.", parameter="id")
    return serve(request, "json", lambda: json_text(lab_context(site.catalog, found, site.rows)))


async def conflicts(request: Request) -> Response:
    """Recorded disagreements between sources, optionally about one model."""
    site = site_of(request)
    unknown = set(request.query_params) - {"model"}
    if unknown:
        raise bad_parameter(sorted(unknown)[0], "unknown parameter; known: model")
    name = request.query_params.get("model", "")
    model_id = find_model(site, name).id if name else None
    found = site.catalog.conflicts(model_id)
    return serve(
        request,
        "json",
        lambda: json_text({"model": model_id, "count": len(found), "conflicts": found}),
    )


async def openapi(request: Request) -> Response:
    """The OpenAPI 3.1 document of this API."""
    return serve(request, "json", lambda: json_text(openapi_document(api_routes())))


def api_routes() -> list[ApiRoute]:
    """The route table: serves the API and writes its OpenAPI document."""
    model_param = ApiParam(
        "name", "path", "canonical id (lab/model), slug (lab--model) or known alias", MODEL_EXAMPLE
    )
    models_param = ApiParam(
        "models",
        "query",
        "2 to 4 model slugs, ids or aliases, comma-separated",
        "moonshotai--kimi-k2-instruct,mistral--mixtral-8x22b-instruct",
        required=True,
    )
    token = {"type": "integer", "minimum": 0}
    filters = (
        ApiParam("q", "query", "words that must all appear in id, name, lab or licence", ""),
        ApiParam("capability", "query", "capability the model must have (repeatable)", ""),
        ApiParam("modality", "query", "input modality the model must accept (repeatable)", ""),
        ApiParam("open_weights", "query", "yes, no or unknown", ""),
        ApiParam("licence", "query", "licence name, exact (case-insensitive)", ""),
        ApiParam("lab", "query", "lab id", ""),
        ApiParam("provider", "query", "provider id that must serve the model", ""),
        ApiParam("min_context", "query", "minimum context window, tokens", "", schema=token),
        ApiParam("max_input_price", "query", "max cheapest input price, USD per 1M", ""),
        ApiParam("max_output_price", "query", "max cheapest output price, USD per 1M", ""),
        ApiParam("sort", "query", "name, lab, released, context, input_price, ...", ""),
        ApiParam("order", "query", "asc or desc", ""),
    )
    return [
        ApiRoute("/api/v1/openapi.json", openapi, "openapi", "This OpenAPI document", tag="meta"),
        ApiRoute("/api/v1/models", models, "listModels", "Catalog table, filtered", filters),
        ApiRoute("/api/v1/models/{name:path}", model, "getModel", "One model", (model_param,)),
        ApiRoute(
            "/api/v1/compare",
            compare_api,
            "compare",
            "Compare 2 to 4 models",
            (
                models_param,
                ApiParam("blend", "query", "input:output ratio of the blended price", "70:30"),
            ),
            tag="compare",
        ),
        ApiRoute(
            "/api/v1/cost",
            cost_api,
            "cost",
            "Price a token workload on every offering of the chosen models",
            (
                models_param,
                ApiParam("input_tokens", "query", "input tokens per request", "2000", True, token),
                ApiParam("output_tokens", "query", "output tokens per request", "500", True, token),
                ApiParam(
                    "cached_tokens", "query", "cached input tokens per request", "0", schema=token
                ),
                ApiParam(
                    "requests", "query", "number of requests (default 1)", "1000", schema=token
                ),
            ),
            tag="compare",
        ),
        ApiRoute("/api/v1/providers", providers, "listProviders", "Every provider"),
        ApiRoute(
            "/api/v1/providers/{name}",
            provider,
            "getProvider",
            "One provider and its offerings",
            (ApiParam("name", "path", "provider id", "moonshotai"),),
        ),
        ApiRoute("/api/v1/labs", labs, "listLabs", "Every lab"),
        ApiRoute(
            "/api/v1/labs/{name}",
            lab,
            "getLab",
            "One lab and its models",
            (ApiParam("name", "path", "lab id", "mistral"),),
        ),
        ApiRoute(
            "/api/v1/conflicts",
            conflicts,
            "listConflicts",
            "Where sources disagree",
            (ApiParam("model", "query", "only about this model", ""),),
        ),
    ]


def routes() -> list[Route]:
    """Starlette routes from the table (GET and HEAD only)."""
    return [Route(r.path, r.endpoint) for r in api_routes()]
