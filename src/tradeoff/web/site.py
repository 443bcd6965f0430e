"""Per-app state: the catalog opened once, the template environment, the render cache.

Values derived from the whole catalog (rows, related pairs, downloads, the sitemap) are kept
by ``tradeoff.pages.memo`` for as long as the app's catalog is open.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

import anyio
import anyio.to_thread
from jinja2 import Environment

from tradeoff.db.queries import Catalog
from tradeoff.pages.changes import feed_for_page
from tradeoff.pages.sources import all_sources
from tradeoff.pages.view import model_names
from tradeoff.render.html import Chrome, render_page

T = TypeVar("T")
RENDER_THREADS = (
    2  # pages built at once, the rest queue: fewer CPU-bound threads, less GIL wait for the loop
)
SHARED_CONTEXTS = 8  # contexts kept by share_contexts
ENTRY_OVERHEAD = 256  # bytes per cache entry beyond key and body (dict slot, objects)


class Site:
    """Everything one app instance serves from; built by ``create_app``, never at import."""

    def __init__(
        self,
        catalog: Catalog,
        env: Environment,
        cache_bytes: int = 64 * 1024 * 1024,
        base_url: str = "http://127.0.0.1:8000",
    ) -> None:
        self.catalog = catalog
        self.env = env
        self.version = catalog.version
        self.base_url = base_url.rstrip("/")  # absolute URLs: configured, never the Host
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._cache_bytes = cache_bytes  # bounded in bytes, keys included
        self._cached_bytes = 0
        self._limiter: tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter] | None = None
        self._contexts: OrderedDict[Hashable, object] | None = None  # see share_contexts

    def share_contexts(self) -> None:
        """Keep the last few page contexts, so a page's twins (HTML, JSON, Markdown) asked
        one after the other are built once — for the static build, which asks for them so.
        Off in the server: a context can be large, and twins are rarely asked together."""
        self._contexts = OrderedDict()

    def context(self, key: Hashable, build: Callable[[], T]) -> T:
        """A page's context: built now, or the one kept for ``key`` (``share_contexts``):
        a page's name and parameters, or what a context is built from (a comparison's model
        ids and blend: its page, API document and charts)."""
        if self._contexts is None:
            return build()
        if key in self._contexts:
            self._contexts.move_to_end(key)
            return self._contexts[key]  # type: ignore[return-value]
        ctx = self._contexts[key] = build()
        while len(self._contexts) > SHARED_CONTEXTS:
            self._contexts.popitem(last=False)
        return ctx

    async def in_worker(self, work: Callable[[], T]) -> T:
        """Run CPU work (building and rendering a page) in a worker thread, a few at a time:
        the event loop keeps answering cached pages meanwhile, and with few CPU-bound threads
        it waits less for the GIL."""
        loop = asyncio.get_running_loop()  # a limiter belongs to one event loop
        if self._limiter is None or self._limiter[0] is not loop:
            self._limiter = (loop, anyio.CapacityLimiter(RENDER_THREADS))
        return await anyio.to_thread.run_sync(work, limiter=self._limiter[1])

    def remember(self, key: str, body: bytes) -> bytes:
        """Keep a rendered body (LRU): same catalog + same page = same bytes. The bound
        counts every entry's key and body (and a fixed overhead per entry)."""
        self._forget(key)
        size = self._size(key, body)
        if size > self._cache_bytes // 8:
            return body  # too big to be worth keeping
        self._bodies[key] = body
        self._cached_bytes += size
        while self._cached_bytes > self._cache_bytes:
            self._forget(next(iter(self._bodies)))
        return body

    def recall(self, key: str) -> bytes | None:
        """A rendered body if this page was rendered before."""
        body = self._bodies.get(key)
        if body is not None:
            self._bodies.move_to_end(key)
        return body

    @property
    def cached_bytes(self) -> int:
        """What the render cache holds, keys and per-entry overhead included."""
        return self._cached_bytes

    def _forget(self, key: str) -> None:
        body = self._bodies.pop(key, None)
        if body is not None:
            self._cached_bytes -= self._size(key, body)

    @staticmethod
    def _size(key: str, body: bytes) -> int:
        return len(key.encode()) + len(body) + ENTRY_OVERHEAD

    def chrome(self, twins: dict[str, str], path: str = "") -> Chrome:
        """The site layout's values for one page (its twin links, its feed)."""
        return Chrome(
            feed=feed_for_page(path) if path else None,
            twins=twins,
            base_url=self.base_url,
            all_models=model_names(self.catalog),
            all_sources=all_sources(self.catalog),
        )

    def render_html(self, template: str, ctx: Mapping[str, object], chrome: Chrome) -> str:
        """A page's template in the site layout (the HTML renderer of every page)."""
        return render_page(self.env, template, ctx, chrome)
