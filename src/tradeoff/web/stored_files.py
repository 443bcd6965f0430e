"""Downloads sent from the database (``db.download_files``): streamed a chunk at a time, gzip
as stored for clients that accept it, else decompressed on the way; the same Cache-Control,
ETags (one per encoding) and 304s as every cached answer (``web.caching``)."""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from tradeoff.db.download_files import StoredFile, gzip_chunks, plain_chunks
from tradeoff.web.caching import CACHE_CONTROL, accepts_gzip, none_match


class FileStream(StreamingResponse):
    """Starlette's streaming response without its disconnect listener: it polls ``receive``,
    which an in-process caller (the static build's ``fetch``) answers at once, forever. A
    client gone mid-download costs at most the rest of one file's chunks."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.stream_response(send)


def stored_file_response(
    request: Request, stored: StoredFile, db_path: Path, media_type: str
) -> Response:
    """A stored download: 200 (streamed; headers only for HEAD), or 304 when the client has
    the form it would get. The ETag is that of the bytes sent, as ``web.caching`` makes
    them: the file's SHA-256, ``-gz`` for its gzip form."""
    gzipped = accepts_gzip(request.headers.get("accept-encoding"))
    tag = stored.sha256[:32] + ("-gz" if gzipped else "")
    headers = {"etag": f'"{tag}"', "cache-control": CACHE_CONTROL, "vary": "Accept-Encoding"}
    if none_match(request.headers.get("if-none-match"), headers["etag"]):
        return Response(status_code=304, headers=headers)
    if gzipped:
        headers["content-encoding"] = "gzip"
    headers["content-length"] = str(stored.gzip_size if gzipped else stored.size)
    if request.method == "HEAD":
        return Response(status_code=200, headers=headers, media_type=media_type)
    if not gzipped:
        del headers["vary"]  # the app's GZipMiddleware adds it to an identity body it passes
    chunks = (gzip_chunks if gzipped else plain_chunks)(db_path, stored.name)
    # A plain iterator: Starlette reads it in a worker thread, a chunk at a time.
    return FileStream(chunks, headers=headers, media_type=media_type)
