"""HTTP caching for browsers and CDNs: Cache-Control, strong ETags from content, 304s, and
each cached body's gzip form made once.

Every replica of ``tradeoff serve`` on the same catalog and code sends the same bytes for a URL,
so a CDN in front of N replicas may treat them as one origin:

- ``Cache-Control: public, max-age, stale-while-revalidate, stale-if-error`` (RFC 9111, RFC
  5861): a CDN keeps a page ``MAX_AGE`` seconds, then serves its stale copy for up to
  ``STALE_WHILE_REVALIDATE`` more while it asks the origin again in the background, and for
  ``STALE_IF_ERROR`` when the origin is down.
- ``ETag``: strong, the SHA-256 of the bytes sent (identity, gzip and Brotli differ, as RFC
  9110 §8.8.3.3 asks of content codings); a revalidation with ``If-None-Match`` gets a ``304``.
- Brotli and gzip: a cached body's compressed forms are made once (deterministic: the same
  bytes in every replica and on every request), not on every request; the client's
  ``Accept-Encoding`` picks one (``preferred_coding``).
- ``ResponseCache``: a cacheable answer, once sent, is sent again for the same request without
  routing or rendering (the hot path of a page under load, bench/web_load.py); ``tradeoff
  serve`` answers it even before the ASGI app (``web.server``), with the same bytes.

The static build's nginx config (docs/deploy.md) sends the same ``Cache-Control``;
``tests/web/test_caching.py`` checks both.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import brotli
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
# Brotli quality 5: on a compare page about 12% smaller than gzip level 6 for ~3x its CPU, made
# once per page (quality 11 saves another 10% for ~30x: 0.18 s a page, too slow for a page's
# first request).
BROTLI_QUALITY = 5
# Content codings by the server's preference, when a client accepts several equally.
CODINGS = ("br", "gzip")
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


def brotli_compress(body: bytes) -> bytes:
    """A body's Brotli form (deterministic: the same bytes for the same body)."""
    compressed: bytes = brotli.compress(body, quality=BROTLI_QUALITY)
    return compressed


def gzip_compress(body: bytes) -> bytes:
    """A body's gzip form (mtime 0: the same bytes for the same body)."""
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


COMPRESS: dict[str, Callable[[bytes], bytes]] = {"br": brotli_compress, "gzip": gzip_compress}


@dataclass
class Representation:
    """One body with its strong ETag, and its compressed forms once asked for."""

    body: bytes
    etag: str
    _encoded: dict[str, bytes] = field(default_factory=dict, repr=False)
    _store: Representations | None = field(default=None, repr=False)

    @classmethod
    def of(cls, body: bytes) -> Representation:
        """A body's representation: its ETag is its SHA-256 (first 128 bits)."""
        return cls(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')

    @property
    def gzip_etag(self) -> str:
        """The ETag of the gzip form: another representation, another strong tag."""
        return self.etag_of("gzip")

    def etag_of(self, coding: str) -> str:
        """The ETag of the form in ``coding`` ("identity", "gzip", "br")."""
        suffix = {"identity": "", "gzip": "-gz", "br": "-br"}[coding]
        return self.etag[:-1] + suffix + '"'

    def gzipped(self) -> bytes:
        """The gzip form (made once; mtime 0, so the same bytes everywhere)."""
        return self.encoded("gzip")

    def encoded(self, coding: str) -> bytes:
        """The form in ``coding`` (made once, the same bytes everywhere)."""
        if coding == "identity":
            return self.body
        made = self._encoded.get(coding)
        if made is None:
            made = self._encoded[coding] = COMPRESS[coding](self.body)
            if self._store is not None:
                self._store.gzip_bytes += len(made)
        return made

    @property
    def encoded_bytes(self) -> int:
        """Bytes of the compressed forms made so far."""
        return sum(len(b) for b in self._encoded.values())


class Representations:
    """Representations of the bodies an app serves, kept by cache key (LRU).

    While a key is served the same bytes (the render cache's body: the same object, so the
    comparison is immediate), its ETag and compressed forms are reused; other bytes under the
    key (another catalog, a page rendered anew) get new ones. Bounded in entries and in the
    bytes of the compressed forms (``gzip_bytes``: gzip and Brotli).
    """

    def __init__(self, entries: int = KEPT_ENTRIES, gzip_bytes: int = KEPT_GZIP_BYTES) -> None:
        self._kept: OrderedDict[str, Representation] = OrderedDict()
        self._entries = entries
        self._gzip_bound = gzip_bytes
        self.gzip_bytes = 0  # bytes of the compressed forms kept (gzip and Brotli)

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
        dropped._store = None  # its forms, if made later, are no longer counted here
        self.gzip_bytes -= dropped.encoded_bytes


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header accepts gzip (RFC 9110 §12.5.3): listed, or ``*``,
    with a non-zero weight."""
    return _weight(_weights(header), "gzip") > 0


@lru_cache(maxsize=256)  # clients send a handful of distinct headers; parsed once each
def preferred_coding(header: str | None) -> str:
    """The content coding a request gets for a body worth compressing: the accepted one
    (RFC 9110 §12.5.3: listed, or ``*``, with a non-zero weight) of highest weight, Brotli
    before gzip when equal; "identity" when neither is accepted."""
    weights = _weights(header)
    best, best_weight = "identity", 0.0
    for coding in CODINGS:
        weight = _weight(weights, coding)
        if weight > best_weight:
            best, best_weight = coding, weight
    return best


def _weight(weights: dict[str, float], coding: str) -> float:
    return weights[coding] if coding in weights else weights.get("*", 0.0)


def _weights(header: str | None) -> dict[str, float]:
    """Each coding an Accept-Encoding header names, with its weight."""
    weights: dict[str, float] = {}
    if not header:
        return weights
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
    return weights


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
    """A 200 with a strong ETag and the CDN Cache-Control (compressed, Brotli or gzip, when
    accepted and worth it), or a 304 when the client already has the representation it would
    get: the tag compared is the one of the encoding this request gets."""
    worth_it = len(representation.body) >= GZIP_MINIMUM_SIZE
    coding = preferred_coding(request.headers.get("accept-encoding")) if worth_it else "identity"
    body, etag = representation.encoded(coding), representation.etag_of(coding)
    headers = {"etag": etag, "cache-control": CACHE_CONTROL}
    if none_match(request.headers.get("if-none-match"), etag):
        # A 304 carries the Vary its 200 would (it stands for it, and has no body to gzip).
        vary = {"vary": "Accept-Encoding"} if worth_it else {}
        return Response(status_code=304, headers=headers | vary)
    if coding != "identity":
        # Already encoded: the app's GZipMiddleware passes it through, so Vary is ours to add
        # (on an identity body from this size up, the middleware adds it).
        headers |= {"content-encoding": coding, "vary": "Accept-Encoding"}
    return Response(body, media_type=media_type, headers=headers)


Key = tuple[bytes, bytes, str]  # raw path, query string, preferred content coding
_KEPT_ON_304 = (b"etag", b"cache-control", b"vary")
Headers = list[tuple[bytes, bytes]]


@dataclass(eq=False)
class Stored:
    """An answer kept by ``ResponseCache``: its 200's headers (as the app sent them, inside
    the security middleware), body and ETag; and, once asked for by ``wire``, the header
    lines of its 200 and its 304 as they go out (``web.server``'s fast path)."""

    headers: Headers
    body: bytes
    etag: str
    _wire: tuple[bytes, bytes] | None = field(default=None, repr=False)

    def not_modified_headers(self) -> Headers:
        """The headers of its 304: those a 304 stands for (ETag, Cache-Control, Vary)."""
        return [(k, v) for k, v in self.headers if k.lower() in _KEPT_ON_304]

    def wire(self, finish: Callable[[Headers], Headers]) -> tuple[bytes, bytes]:
        """The header lines of the 200 and of the 304 once ``finish`` (the security
        middleware's headers) is applied, names lower-cased as uvicorn writes them."""
        if self._wire is None:
            self._wire = (_lines(finish(self.headers)), _lines(finish(self.not_modified_headers())))
        return self._wire


def _lines(headers: Headers) -> bytes:
    return b"".join(name.lower() + b": " + value + b"\r\n" for name, value in headers)


def conditional_headers(headers: Headers) -> tuple[str | None, str | None]:
    """A request's Accept-Encoding and If-None-Match (the last of each, as sent)."""
    accept, if_none_match = None, None
    for name, value in headers:
        name = name.lower()
        if name == b"accept-encoding":
            accept = value.decode("latin-1")
        elif name == b"if-none-match":
            if_none_match = value.decode("latin-1")
    return accept, if_none_match


class ResponseCache:
    """Pure ASGI: a cacheable answer (200, ``public`` with an ETag: what ``cached_response``
    sends) is stored by raw path, query and the content coding the request prefers; the same
    request again is answered from the store (200, or 304 on a matching If-None-Match)
    without routing, parsing or rendering. An app serves one catalog for its lifetime, so a
    stored answer stays true; the store is an LRU bounded in answers and in body bytes (one
    answer over an eighth of the bound is not kept). Inside the security middleware: bounds,
    Host checks and security headers still apply.
    """

    def __init__(
        self, app: ASGIApp, entries: int = KEPT_ENTRIES, body_bytes: int = KEPT_ANSWER_BYTES
    ) -> None:
        self.app = app
        self._kept: OrderedDict[Key, Stored] = OrderedDict()
        self._entries = entries
        self._bound = body_bytes
        self.body_bytes = 0  # bytes of the bodies kept

    def find(self, path: bytes, query: bytes, accept: str | None) -> Stored | None:
        """The answer kept for a GET or HEAD of ``path?query`` with this Accept-Encoding."""
        key = (path, query, preferred_coding(accept))
        stored = self._kept.get(key)
        if stored is not None:
            self._kept.move_to_end(key)
        return stored

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        accept, if_none_match = conditional_headers(scope["headers"])
        path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"")
        stored = self.find(path, query, accept)
        if stored is not None:
            await _replay(stored, scope["method"] == "HEAD", if_none_match, send)
            return
        if scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        key = (path, query, preferred_coding(accept))
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
                    self._keep(key, Stored(headers, body, names[b"etag"].decode("latin-1")))
                start = None  # a streamed answer's later parts are not a whole answer
            await send(message)

        return record

    def _keep(self, key: Key, stored: Stored) -> None:
        old = self._kept.pop(key, None)
        self.body_bytes += len(stored.body) - (len(old.body) if old else 0)
        self._kept[key] = stored
        while len(self._kept) > self._entries or self.body_bytes > self._bound:
            self.body_bytes -= len(self._kept.popitem(last=False)[1].body)

    def __len__(self) -> int:
        return len(self._kept)


async def _replay(stored: Stored, head: bool, if_none_match: str | None, send: Send) -> None:
    """A stored answer again: 304 when the client has it, else the 200 (no body for HEAD)."""
    if none_match(if_none_match, stored.etag):
        kept = stored.not_modified_headers()
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": 200, "headers": stored.headers})
    await send({"type": "http.response.body", "body": b"" if head else stored.body})
