"""Compare pages (`/compare/{a}-vs-{b}`, `/compare?models=…`) and the cost calculator."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.compare.engine import MAX_MODELS, check_distinct
from tradeoff.compare.workload import parse_blend_parts
from tradeoff.errors import UsageError
from tradeoff.pages.comparison import compare_context, cost_context
from tradeoff.records import Model
from tradeoff.render.markdown import render_compare_markdown
from tradeoff.web.compare_pages import (
    DEFAULT_WORKLOAD,
    calculator_md,
    compare_body,
    faq_jsonld,
)
from tradeoff.web.responses import bad_parameter, json_ld, json_text
from tradeoff.web.routes_pages import find_model, serve, site_of
from tradeoff.web.site import Site


def parse_blend(params: QueryParams) -> tuple[str | None, tuple[int, int] | None]:
    """`blend=70:30` → ("70:30", (70, 30)); absent → the default (None).

    The compare engine parses it; its UsageError names ``--blend``, which the app reports as
    parameter ``blend``.
    """
    text = params.get("blend", "").strip()
    if not text:
        return None, None
    parts = parse_blend_parts(text)
    return f"{parts[0]}:{parts[1]}", parts


def model_names(params: QueryParams) -> list[str]:
    """`models=a,b` and/or repeated `models=a&models=b`, blanks dropped."""
    return [n.strip() for v in params.getlist("models") for n in v.split(",") if n.strip()]


def resolve_all(site: Site, names: list[str], limit: int = MAX_MODELS) -> list[Model]:
    """Names → models (404 with suggestions for an unknown one; 400 for repeats or too many)."""
    if len(names) > limit:
        raise bad_parameter("models", f"at most {limit} models, got {len(names)}")
    models = [find_model(site, n) for n in names]
    try:
        check_distinct(models)
    except UsageError as exc:
        raise bad_parameter("models", exc.message) from None
    return models


def _check_params(params: QueryParams, allowed: set[str]) -> None:
    unknown = sorted(set(params.keys()) - allowed)
    if unknown:
        raise bad_parameter(unknown[0], f"unknown parameter; known: {', '.join(sorted(allowed))}")


def _render_compare(
    request: Request,
    site: Site,
    models: list[Model],
    fmt: str,
    blend_text: str | None,
    blend: tuple[int, int] | None,
) -> Response:
    def build() -> str:
        ctx = compare_context(site.catalog, [m.id for m in models], blend)
        names = " vs ".join(m.name for m in models)
        return site.render(
            fmt,
            ctx,
            "compare.html",
            render_compare_markdown,
            request,
            title=names,
            description=f"{names}: prices, providers, specs, capabilities and benchmarks, "
            "every number sourced and dated.",
            canonical=str(request.base_url).rstrip("/") + urls.compare([m.slug for m in models]),
            jsonld=json_ld(faq_jsonld(ctx)) if ctx.get("faq") else "",
            last_reviewed=ctx.get("last_reviewed"),
            sources=ctx.get("sources", []),
            body=compare_body(ctx),
            picked=[m.slug for m in models],
            blend_text=blend_text or "70:30",
            all_models=site.models_by_name,
        )

    return serve(request, fmt, build)


async def compare_query(request: Request) -> Response:
    """`/compare?models=a,b,c` (+ twins): 2 models redirect to their canonical pair URL."""
    site = site_of(request)
    fmt = {"/compare.json": "json", "/compare.md": "md"}.get(request.url.path, "html")
    _check_params(request.query_params, {"models", "blend"})
    blend_text, blend = parse_blend(request.query_params)
    models = resolve_all(site, model_names(request.query_params))
    if len(models) == 2:
        target = urls.twin(urls.compare([m.slug for m in models], blend_text), fmt)
        return RedirectResponse(target, status_code=301)
    if len(models) < 2:
        if fmt != "html":
            raise bad_parameter("models", "give 2 to 4 models, comma-separated")
        return serve(
            request,
            "html",
            lambda: site.render_html(
                "picker.html",
                request,
                title="Compare models",
                picked=[m.slug for m in models],
                blend_text=blend_text or "70:30",
                all_models=site.models_by_name,
            ),
        )
    return _render_compare(request, site, models, fmt, blend_text, blend)


def split_pair(site: Site, pair: str) -> list[Model]:
    """`a-vs-b` → two models; slugs may themselves contain "-vs-", so try every split."""
    pieces = pair.split(urls.PAIR_SEPARATOR)
    by_slug = site.models_by_slug
    for i in range(1, len(pieces)):
        left = urls.PAIR_SEPARATOR.join(pieces[:i])
        right = urls.PAIR_SEPARATOR.join(pieces[i:])
        if left in by_slug and right in by_slug:
            return [by_slug[left], by_slug[right]]
    if len(pieces) < 2:
        raise bad_parameter("pair", "expected /compare/{slugA}-vs-{slugB}")
    # Not two slugs: resolve ids or aliases; the first side that is no model is named (404).
    return [find_model(site, n) for n in (pieces[0], urls.PAIR_SEPARATOR.join(pieces[1:]))]


async def compare_pair(request: Request) -> Response:
    """`/compare/{a}-vs-{b}` (+ twins); the reverse order (or another spelling) redirects."""
    site = site_of(request)
    pair, fmt = urls.split_format(request.path_params["pair"])
    _check_params(request.query_params, {"blend"})
    blend_text, blend = parse_blend(request.query_params)
    models = split_pair(site, pair)
    if models[0].id == models[1].id:
        raise bad_parameter("pair", "compare two different models")
    canonical_path = urls.twin(urls.compare([m.slug for m in models]), fmt)
    asked_blend = request.query_params.get("blend")
    if request.url.path != canonical_path or (asked_blend and asked_blend != blend_text):
        return RedirectResponse(
            urls.twin(urls.compare([m.slug for m in models], blend_text), fmt), status_code=301
        )
    ordered = sorted(models, key=lambda m: m.slug)
    return _render_compare(request, site, ordered, fmt, blend_text, blend)


def _tokens(params: QueryParams, name: str, default: int) -> int:
    text = params.get(name, "").strip().replace(",", "").replace("_", "")
    if not text:
        return default
    if not text.isdigit() or len(text) > 15:
        raise bad_parameter(name, f"{name} must be a whole number of tokens, got {text!r}")
    return int(text)


async def calculator(request: Request) -> Response:
    """`/calculator` (+ twins): a workload priced on every offering of the chosen models."""
    site = site_of(request)
    fmt = {"/calculator.json": "json", "/calculator.md": "md"}.get(request.url.path, "html")
    params = request.query_params
    _check_params(params, {"models", *DEFAULT_WORKLOAD})
    models = resolve_all(site, model_names(params), limit=8)
    workload = {k: _tokens(params, k, v) for k, v in DEFAULT_WORKLOAD.items()}
    if workload["cached_tokens"] > workload["input_tokens"]:
        raise bad_parameter("cached_tokens", "cached_tokens cannot exceed input_tokens")

    def build() -> str:
        ctx: dict[str, Any]
        if models:
            ctx = cost_context(
                site.catalog,
                [m.id for m in models],
                workload["input_tokens"],
                workload["output_tokens"],
                workload["cached_tokens"],
                workload["requests"],
            )
        else:
            ctx = {
                "models": [],
                "workload": dict(workload),
                "lines": [],
                "line_count": 0,
                "priced_count": 0,
                "unpriced_count": 0,
                "cheapest": None,
                "last_reviewed": None,
                "catalog_version": site.version,
            }
        return site.render(
            fmt,
            ctx,
            "calculator.html",
            calculator_md,
            request,
            title="LLM cost calculator",
            description="Price a token workload on every provider of the models you choose.",
            last_reviewed=ctx.get("last_reviewed"),
            sources=site.sources_for({line["source"] for line in ctx["lines"]}),
            picked=[m.slug for m in models],
            model_urls={m.id: urls.model(m.slug) for m in models},
            workload=workload,
            all_models=site.models_by_name,
        )

    return serve(request, fmt, build)


async def compare_api(request: Request) -> Response:
    """`/api/v1/compare?models=a,b[,c,d]&blend=70:30`."""
    site = site_of(request)
    _check_params(request.query_params, {"models", "blend"})
    _, blend = parse_blend(request.query_params)
    models = resolve_all(site, model_names(request.query_params))
    if len(models) < 2:
        raise bad_parameter("models", "give 2 to 4 models, comma-separated")
    return serve(
        request,
        "json",
        lambda: json_text(compare_context(site.catalog, [m.id for m in models], blend)),
    )


async def cost_api(request: Request) -> Response:
    """`/api/v1/cost?models=…&input_tokens=…&output_tokens=…[&cached_tokens=…]`."""
    site = site_of(request)
    params = request.query_params
    _check_params(params, {"models", *DEFAULT_WORKLOAD})
    for required in ("models", "input_tokens", "output_tokens"):
        if not params.get(required, "").strip():
            raise bad_parameter(required, f"{required} is required")
    models = resolve_all(site, model_names(params), limit=8)
    tokens = {k: _tokens(params, k, 1 if k == "requests" else 0) for k in DEFAULT_WORKLOAD}
    if tokens["cached_tokens"] > tokens["input_tokens"]:
        raise bad_parameter("cached_tokens", "cached_tokens cannot exceed input_tokens")

    def build() -> str:
        try:
            ctx = cost_context(site.catalog, [m.id for m in models], **tokens)
        except UsageError as exc:
            raise bad_parameter("models", exc.message) from None
        return json_text(ctx)

    return serve(request, "json", build)


def routes() -> list[Route]:
    """This family's routes."""
    return [
        Route("/compare", compare_query, name="compare"),
        Route("/compare.json", compare_query),
        Route("/compare.md", compare_query),
        Route("/compare/{pair:path}", compare_pair, name="compare_pair"),
        Route("/calculator", calculator, name="calculator"),
        Route("/calculator.json", calculator),
        Route("/calculator.md", calculator),
    ]
