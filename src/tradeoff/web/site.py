"""Per-app state: the catalog opened once, the template environment, the render cache.

Values derived from the whole catalog (rows, related pairs, downloads, the sitemap) are kept
by ``tradeoff.pages.memo`` for as long as the app's catalog is open.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping

from jinja2 import Environment
from starlette.requests import Request

from tradeoff.db.queries import Catalog
from tradeoff.pages.sources import all_sources
from tradeoff.pages.view import model_names
from tradeoff.render.html import Chrome, render_page


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

    def chrome(self, request: Request, twins: dict[str, str]) -> Chrome:
        """The site layout's values for one request."""
        return Chrome(
            twins=twins,
            base_url=str(request.base_url).rstrip("/"),
            catalog_version=self.version,
            all_models=model_names(self.catalog),
            all_sources=all_sources(self.catalog),
        )

    def render_html(self, template: str, ctx: Mapping[str, object], chrome: Chrome) -> str:
        """A page's template in the site layout (the HTML renderer of every page)."""
        return render_page(self.env, template, ctx, chrome)
