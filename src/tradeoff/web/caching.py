"""HTTP caching for browsers and CDNs: Cache-Control, strong ETags from content, 304s, and
each cached body's gzip form made once.

Every replica of ``tradeoff serve`` on the same catalog and code sends the same bytes for a URL,
so a CDN in front of N replicas may treat them as one origin:

- ``Cache-Control: public, max-age, stale-while-revalidate, stale-if-error`` (RFC 9111, RFC
  5861): a CDN keeps a page ``MAX_AGE`` seconds, then serves its stale copy for up to
  ``STALE_WHILE_REVALIDATE`` more while it asks the origin again in the background, and for
  ``STALE_IF_ERROR`` when the origin is down.
- ``ETag``: strong, the SHA-256 of the bytes sent (identity and gzip differ, as RFC 9110
  §8.8.3.3 asks of content codings); a revalidation with ``If-None-Match`` gets a ``304``.
- gzip: a cached body's gzip form is compressed once (mtime 0: the same bytes in every replica
  and on every request), not on every request.
- ``ResponseCache``: a cacheable answer, once sent, is sent again for the same request without
  routing or rendering (the hot path of a page under load, bench/web_load.py).

The static build's nginx config (docs/deploy.md) sends the same ``Cache-Control``;
``tests/web/test_caching.py`` checks both.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_AGE = 300  # seconds a browser or CDN uses a page without asking
STALE_WHILE_REVALIDATE = 3600  # then served stale while one request revalidates it
STALE_IF_ERROR = 86400  # served stale while the origin answers 5xx or not at all
CACHE_CONTROL = (
    f"public, max-age={MAX_AGE}, stale-while-revalidate={STALE_WHILE_REVALIDATE}, "
    f"stale-if-error={STALE_IF_ERROR}"
)
# Responses from this size up are gzipped for clients that accept it (with Vary:
# Accept-Encoding); smaller ones gain less than the header costs. Level 6: most of level 9's
# saving for a fraction of its CPU (bench/static_build.py prints both on the home page).
GZIP_MINIMUM_SIZE = 500
GZIP_LEVEL = 6
# Media types that are text: compressed on the wire, a .gz twin in the static build.
TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/problem+json",
    "image/svg+xml",
)
KEPT_ENTRIES = 4096  # representations remembered (ETag and gzip form per cached body)
KEPT_GZIP_BYTES = 32 * 1024 * 1024  # bound on the gzip forms kept
KEPT_ANSWER_BYTES = 64 * 1024 * 1024  # bound on the bodies the response cache keeps


def is_text(media_type: str) -> bool:
    """Whether a media type is text (compressed on the wire, a .gz twin in the build)."""
    return media_type.startswith(TEXT_TYPES)


@dataclass
class Representation:
    """One body with its strong ETag, and its gzip form once asked for."""

    body: bytes
    etag: str
    _gzipped: bytes | None = field(default=None, repr=False)
    _store: Representations | None = field(default=None, repr=False)

    @classmethod
    def of(cls, body: bytes) -> Representation:
        """A body's representation: its ETag is its SHA-256 (first 128 bits)."""
        return cls(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')

    @property
    def gzip_etag(self) -> str:
        """The ETag of the gzip form: another representation, another strong tag."""
        return self.etag[:-1] + '-gz"'

    def gzipped(self) -> bytes:
        """The gzip form (made once; mtime 0, so the same bytes everywhere)."""
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=GZIP_LEVEL, mtime=0)
            if self._store is not None:
                self._store.gzip_bytes += len(self._gzipped)
        return self._gzipped


class Representations:
    """Representations of the bodies an app serves, kept by cache key (LRU).

    While a key is served the same bytes (the render cache's body: the same object, so the
    comparison is immediate), its ETag and gzip form are reused; other bytes under the key
    (another catalog, a page rendered anew) get new ones. Bounded in entries and gzip bytes.
    """

    def __init__(self, entries: int = KEPT_ENTRIES, gzip_bytes: int = KEPT_GZIP_BYTES) -> None:
        self._kept: OrderedDict[str, Representation] = OrderedDict()
        self._entries = entries
        self._gzip_bound = gzip_bytes
        self.gzip_bytes = 0  # bytes of the gzip forms kept

    def of(self, key: str, body: bytes) -> Representation:
        """The representation of ``body`` served under ``key``."""
        kept = self._kept.get(key)
        if kept is not None and kept.body == body:
            self._kept.move_to_end(key)
            return kept
        if kept is not None:
            self._drop(key)
        made = Representation.of(body)
        made._store = self
        self._kept[key] = made
        while len(self._kept) > self._entries or (
            self.gzip_bytes > self._gzip_bound and len(self._kept) > 1
        ):
            self._drop(next(iter(self._kept)))
        return made

    def __len__(self) -> int:
        return len(self._kept)

    def _drop(self, key: str) -> None:
        dropped = self._kept.pop(key)
        dropped._store = None  # its gzip form, if made later, is no longer counted here
        self.gzip_bytes -= len(dropped._gzipped or b"")


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header accepts gzip (RFC 9110 §12.5.3): listed, or ``*``,
    with a non-zero weight."""
    if not header:
        return False
    weights: dict[str, float] = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        weight = 1.0
        key, _, value = params.strip().partition("=")
        if key.strip().lower() == "q":
            try:
                weight = float(value)
            except ValueError:
                weight = 0.0
        weights[name.strip().lower()] = weight
    if "gzip" in weights:
        return weights["gzip"] > 0
    return weights.get("*", 0.0) > 0


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
    return etag.removeprefix("W/") in _opaque_tags(header)


def cached_response(request: Request, representation: Representation, media_type: str) -> Response:
    """A 200 with a strong ETag and the CDN Cache-Control (gzipped when accepted and worth
    it), or a 304 when the client already has the representation it would get: the tag
    compared is the one of the encoding this request gets."""
    body, etag = representation.body, representation.etag
    worth_it = len(body) >= GZIP_MINIMUM_SIZE
    gzipped = worth_it and accepts_gzip(request.headers.get("accept-encoding"))
    if gzipped:
        body, etag = representation.gzipped(), representation.gzip_etag
    headers = {"etag": etag, "cache-control": CACHE_CONTROL}
    if none_match(request.headers.get("if-none-match"), etag):
        # A 304 carries the Vary its 200 would (it stands for it, and has no body to gzip).
        vary = {"vary": "Accept-Encoding"} if worth_it else {}
        return Response(status_code=304, headers=headers | vary)
    if gzipped:
        # Already encoded: the app's GZipMiddleware passes it through, so Vary is ours to add
        # (on an identity body from this size up, the middleware adds it).
        headers |= {"content-encoding": "gzip", "vary": "Accept-Encoding"}
    return Response(body, media_type=media_type, headers=headers)


Key = tuple[bytes, bytes, bool]  # raw path, query string, gzip accepted
Stored = tuple[list[tuple[bytes, bytes]], bytes, str]  # headers, body, ETag
_KEPT_ON_304 = (b"etag", b"cache-control", b"vary")


class ResponseCache:
    """Pure ASGI: a cacheable answer (200, ``public`` with an ETag: what ``cached_response``
    sends) is stored by raw path, query and whether gzip is accepted; the same request again
    is answered from the store (200, or 304 on a matching If-None-Match) without routing,
    parsing or rendering. An app serves one catalog for its lifetime, so a stored answer stays
    true; the store is an LRU bounded in answers and in body bytes (one answer over an eighth
    of the bound is not kept). Inside the security middleware: bounds, Host checks and
    security headers still apply.
    """

    def __init__(
        self, app: ASGIApp, entries: int = KEPT_ENTRIES, body_bytes: int = KEPT_ANSWER_BYTES
    ) -> None:
        self.app = app
        self._kept: OrderedDict[Key, Stored] = OrderedDict()
        self._entries = entries
        self._bound = body_bytes
        self.body_bytes = 0  # bytes of the bodies kept

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        accept, if_none_match = None, None
        for name, value in scope["headers"]:
            name = name.lower()
            if name == b"accept-encoding":
                accept = value.decode("latin-1")
            elif name == b"if-none-match":
                if_none_match = value.decode("latin-1")
        path = scope.get("raw_path") or scope["path"].encode()
        key = (path, scope.get("query_string", b""), accepts_gzip(accept))
        stored = self._kept.get(key)
        if stored is not None:
            self._kept.move_to_end(key)
            await _replay(stored, scope["method"] == "HEAD", if_none_match, send)
            return
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: Key, send: Send) -> Send:
        """``send``, keeping a cacheable 200 sent in one body message."""
        start: Message | None = None

        async def record(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message if message["status"] == 200 else None
            elif message["type"] == "http.response.body" and start is not None:
                headers = list(start.get("headers", []))
                names = {k.lower(): v for k, v in headers}
                public = names.get(b"cache-control", b"").startswith(b"public")
                body = message.get("body", b"")
                whole = not message.get("more_body", False)
                if public and b"etag" in names and whole and len(body) <= self._bound // 8:
                    self._keep(key, (headers, body, names[b"etag"].decode("latin-1")))
            await send(message)

        return record

    def _keep(self, key: Key, stored: Stored) -> None:
        old = self._kept.pop(key, None)
        self.body_bytes += len(stored[1]) - (len(old[1]) if old else 0)
        self._kept[key] = stored
        while len(self._kept) > self._entries or self.body_bytes > self._bound:
            self.body_bytes -= len(self._kept.popitem(last=False)[1][1])

    def __len__(self) -> int:
        return len(self._kept)


async def _replay(stored: Stored, head: bool, if_none_match: str | None, send: Send) -> None:
    """A stored answer again: 304 when the client has it, else the 200 (no body for HEAD)."""
    headers, body, etag = stored
    if none_match(if_none_match, etag):
        kept = [(k, v) for k, v in headers if k.lower() in _KEPT_ON_304]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else body})
