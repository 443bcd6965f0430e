"""Catalog, model, provider and lab pages, each with its .json and .md twins."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from tradeoff import urls
from tradeoff.errors import AmbiguousModel, UnknownModel
from tradeoff.pages.model import model_context
from tradeoff.records import Model
from tradeoff.web import charts
from tradeoff.web.contexts import (
    catalog_context,
    lab_context,
    model_last_reviewed,
    provider_context,
)
from tradeoff.web.filters import apply, parse_catalog_query
from tradeoff.web.markdown_pages import catalog_md, lab_md, model_md, provider_md
from tradeoff.web.related import related_for
from tradeoff.web.responses import Problem, cached
from tradeoff.web.site import Site


def site_of(request: Request) -> Site:
    """The per-app state."""
    site: Site = request.app.state.site
    return site


def serve(request: Request, kind: str, build: Callable[[], str | bytes]) -> Response:
    """A page body from the render cache (or built now), with ETag and Cache-Control."""
    site = site_of(request)
    key = f"{request.url.path}?{request.url.query}"
    body = site.recall(key)
    if body is None:
        built = build()
        # Kept as bytes: a cached page is sent without encoding it again.
        body = site.remember(key, built.encode() if isinstance(built, str) else built)
    return cached(request, site.version, body, kind)


def unknown_model(site: Site, name: str) -> Problem:
    """A 404 naming near models (from ``Catalog.resolve``)."""
    try:
        site.catalog.resolve(name)
        names: list[str] = []
    except UnknownModel as exc:
        names = exc.suggestions
    except AmbiguousModel as exc:
        names = exc.candidates
    models = site.catalog.models
    suggestions = [
        {"id": m, "name": models[m].name, "url": urls.model(models[m].slug)}
        for m in names
        if m in models
    ]
    hint = " Did you mean one of the suggestions?" if suggestions else ""
    return Problem(
        404,
        "Unknown model",
        f"No model in the catalog is called {name!r}.{hint}",
        parameter="model",
        extra={"suggestions": suggestions},
    )


def find_model(site: Site, name: str) -> Model:
    """A model by slug, id or alias; a 404 problem with suggestions otherwise."""
    model = site.models_by_slug.get(name)
    if model is not None:
        return model
    try:
        return site.catalog.resolve(name)
    except (UnknownModel, AmbiguousModel):
        raise unknown_model(site, name) from None


async def home(request: Request) -> Response:
    """`/` and `/index.json`, `/index.md`: the catalog table."""
    fmt = {"/index.json": "json", "/index.md": "md"}.get(request.url.path, "html")
    site = site_of(request)
    query = parse_catalog_query(request.query_params, site.options)

    def build() -> str:
        shown = apply(site.rows, query)
        ctx = catalog_context(site.catalog, site.rows, shown, query, site.options)
        return site.render(
            fmt,
            ctx,
            "catalog.html",
            catalog_md,
            request,
            title="LLM catalog",
            query=query,
            description="Compare LLMs by price, context, capabilities and providers; "
            "every fact sourced and dated.",
            sources=ctx["sources"],
        )

    return serve(request, fmt, build)


async def model_page(request: Request) -> Response:
    """`/models/{slug}` (+ twins); other spellings of a model redirect to its slug."""
    site = site_of(request)
    name, fmt = urls.split_format(request.path_params["name"])
    model = find_model(site, name)
    if name != model.slug:
        return RedirectResponse(urls.twin(urls.model(model.slug), fmt), status_code=301)

    def build() -> str:
        ctx = model_context(site.catalog, model)
        active = sorted(
            {o["provider"] for o in ctx["offerings"] if o["provider_status"] == "active"}
        )
        points = charts.provider_prices(ctx)
        return site.render(
            fmt,
            ctx,
            "model.html",
            model_md,
            request,
            title=f"{model.name}: specs, providers and prices",
            description=f"{model.name} by {ctx['lab']['name']}: sourced facts, "
            f"{ctx['offering_count']} offerings with prices.",
            sources=ctx["sources"],
            last_reviewed=model_last_reviewed(site.catalog, model),
            active_providers=active,
            chart_url=urls.chart("price-by-provider", {"model": model.slug}) if points else "",
            chart_height=charts.provider_chart_height(len(points)),
            sources_by_id={s["id"]: s for s in ctx["sources"]},
            related=related_for(site, model),
            all_models=site.models_by_name,
        )

    return serve(request, fmt, build)


async def provider_page(request: Request) -> Response:
    """`/providers/{id}` (+ twins)."""
    site = site_of(request)
    name, fmt = urls.split_format(request.path_params["name"])
    if name not in site.catalog.providers:
        raise Problem(404, "Unknown provider", f"No provider is called {name!r}.", parameter="id")

    def build() -> str:
        provider = site.catalog.providers[name]
        ctx = provider_context(site.catalog, provider, site.offerings_by_provider.get(name, []))
        return site.render(
            fmt,
            ctx,
            "provider.html",
            provider_md,
            request,
            title=f"{ctx['name']}: models and prices",
            sources=ctx["sources"],
            last_reviewed=ctx["last_reviewed"],
        )

    return serve(request, fmt, build)


async def lab_page(request: Request) -> Response:
    """`/labs/{id}` (+ twins)."""
    site = site_of(request)
    name, fmt = urls.split_format(request.path_params["name"])
    if name not in site.catalog.labs:
        raise Problem(404, "Unknown lab", f"No lab is called {name!r}.", parameter="id")

    def build() -> str:
        ctx = lab_context(site.catalog, site.catalog.labs[name], site.rows)
        return site.render(
            fmt,
            ctx,
            "lab.html",
            lab_md,
            request,
            title=f"{ctx['name']}: models",
            sources=ctx["sources"],
        )

    return serve(request, fmt, build)


def routes() -> list[Route]:
    """This family's routes."""
    return [
        Route("/", home, name="home"),
        Route("/index.json", home),
        Route("/index.md", home),
        Route("/models/{name:path}", model_page, name="model"),
        Route("/providers/{name}", provider_page, name="provider"),
        Route("/labs/{name}", lab_page, name="lab"),
    ]
