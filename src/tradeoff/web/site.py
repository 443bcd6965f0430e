"""Per-app state: the catalog opened once, values derived from it, the template environment."""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property
from typing import Any

from jinja2 import Environment
from starlette.requests import Request

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.catalog_table import catalog_rows
from tradeoff.records import Model, Offering
from tradeoff.web.contexts import attribution
from tradeoff.web.filters import options_of
from tradeoff.web.responses import json_text


class Site:
    """Everything one app instance serves from; built by ``create_app``, never at import."""

    def __init__(
        self, catalog: Catalog, env: Environment, cache_bytes: int = 64 * 1024 * 1024
    ) -> None:
        self.catalog = catalog
        self.env = env
        self.version = catalog.version
        self._bodies: OrderedDict[str, str | bytes] = OrderedDict()
        self._cache_bytes = cache_bytes  # bounded by size: query strings are unbounded
        self._cached_bytes = 0
        self.extras: dict[str, Any] = {}  # values built on first use (downloads, sitemap)

    @cached_property
    def rows(self) -> list[dict[str, Any]]:
        """The catalog table rows, computed once (the catalog is read-only)."""
        return catalog_rows(self.catalog)

    @cached_property
    def options(self) -> dict[str, list[str]]:
        """Values each catalog filter can take."""
        return options_of(self.rows)

    @cached_property
    def offerings_by_provider(self) -> dict[str, list[Offering]]:
        """Every offering by provider id, catalog order (provider pages, sitemap, API)."""
        grouped: dict[str, list[Offering]] = {}
        for o in self.catalog.offerings:
            grouped.setdefault(o.provider_id, []).append(o)
        return grouped

    @cached_property
    def all_sources(self) -> list[dict[str, Any]]:
        """Attribution of every source: the footer of pages that name no sources of their own."""
        return attribution(self.catalog)

    @cached_property
    def models_by_slug(self) -> dict[str, Model]:
        """Every model by its URL slug."""
        return {m.slug: m for m in self.catalog.models.values()}

    @cached_property
    def models_by_name(self) -> list[dict[str, str]]:
        """Every model's name and slug, sorted by name (pickers)."""
        return sorted(
            ({"slug": m.slug, "name": m.name, "id": m.id} for m in self.catalog.models.values()),
            key=lambda m: (m["name"].lower(), m["id"]),
        )

    def sources_for(self, source_ids: set[str]) -> list[dict[str, Any]]:
        """Attribution entries (name, url, licence) of some sources."""
        return attribution(self.catalog, source_ids)

    def remember(self, key: str, body: str | bytes) -> str | bytes:
        """Keep a rendered body (LRU): same catalog + same URL = same bytes."""
        old = self._bodies.pop(key, None)
        self._cached_bytes -= 0 if old is None else len(old)
        if len(body) > self._cache_bytes // 8:
            return body  # too big to be worth keeping
        self._bodies[key] = body
        self._cached_bytes += len(body)
        while self._cached_bytes > self._cache_bytes:
            _, evicted = self._bodies.popitem(last=False)
            self._cached_bytes -= len(evicted)
        return body

    def recall(self, key: str) -> str | bytes | None:
        """A rendered body if this URL was rendered before."""
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
        return body

    def render_html(self, template: str, request: Request, **page: Any) -> str:
        """Render a page with the base layout's defaults filled in."""
        defaults: dict[str, Any] = {
            "title": "",
            "description": "",
            "canonical": "",
            "jsonld": "",
            "last_reviewed": None,
            "twins": {},
            "sources": self.all_sources,
            "catalog_version": self.version,
            "request": request,
        }
        defaults.update(page)
        return self.env.get_template(template).render(**defaults)

    def render(
        self, fmt: str, ctx: dict[str, Any], html: str, md: Any, request: Request, **page: Any
    ) -> str:
        """One page in one of its formats: the .json twin is its context."""
        if fmt == "json":
            return json_text(ctx)
        if fmt == "md":
            return str(md(ctx))
        path = request.url.path
        query = ("?" + request.url.query) if request.url.query else ""
        page.setdefault("twins", {f: urls.twin(path + query, f) for f in ("json", "md")})
        return self.render_html(html, request, ctx=ctx, **page)
