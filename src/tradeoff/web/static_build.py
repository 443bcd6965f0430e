"""`tradeoff build OUT_DIR`: the whole site as files, each one what the server sends.

Why the app itself: every URL of ``static_site.site_urls`` is asked of the Starlette app
in-process (one ASGI call, no socket), so routing, redirects, twins, the render cache and
every renderer are exactly those of ``tradeoff serve`` — a file equals the body the server
sends, and nothing here can drift from the route table.

The files are written to a temporary folder beside OUT_DIR, then renamed into place: an
interrupted build leaves the previous site. A file whose bytes equal the previous build's
(SHA-256) is hard-linked from it, not rewritten (its mtime is kept, so a sync to a CDN or an
object store uploads only what changed); the summary counts what was rewritten. Text files
above ``GZIP_MINIMUM_SIZE`` get a pre-compressed ``.gz`` twin (mtime 0: deterministic).
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import anyio
from starlette.types import ASGIApp, Message

from tradeoff.errors import TradeoffError
from tradeoff.web.app import create_app
from tradeoff.web.caching import GZIP_MINIMUM_SIZE, is_text
from tradeoff.web.responses import ErrorPage
from tradeoff.web.site import Site
from tradeoff.web.static_site import NOT_FOUND_FILE, file_for, site_urls

MARKER = ".tradeoff-build"  # names a folder as a build of ours (safe to replace)
IN_FLIGHT = 4  # requests at once: keeps the app's render threads busy
Progress = Callable[[int, int], None]  # (done, total)
T = TypeVar("T")


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    out_dir: Path
    files: int  # files of the site (pages, twins, API documents, downloads…), .gz not counted
    rewritten: int  # of those, new or changed since the previous build
    removed: int  # files of the previous build the new one no longer has
    gz_files: int  # pre-compressed twins
    seconds: float


async def fetch(app: ASGIApp, url: str, host: str) -> tuple[int, str, bytes]:
    """One GET through the app, in-process: (status, content type, body)."""
    parts = urlsplit(url)
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": unquote(parts.path),
        "raw_path": parts.path.encode(),
        "query_string": parts.query.encode(),
        "root_path": "",
        "headers": [(b"host", host.encode())],
        "client": ("127.0.0.1", 0),
        "server": (host, 80),
    }
    status, content_type, chunks = 0, "", []

    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status, content_type
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = dict(message.get("headers", []))
            content_type = headers.get(b"content-type", b"").decode("latin-1")
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, content_type, b"".join(chunks)


def _prepare(out_dir: Path) -> Path:
    """Check OUT_DIR can take a build; return the temporary folder beside it."""
    out_dir = out_dir.absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise TradeoffError("is a file, not a folder: give a folder for the site", path=out_dir)
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise TradeoffError(
            f"is not empty and holds no previous build ({MARKER} is missing): "
            "give an empty or new folder (a build replaces the folder's whole content)",
            path=out_dir,
        )
    parent = out_dir.parent
    leftover = parent / f".{out_dir.name}.previous"
    if leftover.is_dir() and not out_dir.exists():
        leftover.rename(out_dir)  # a build stopped between its two renames: the old site back
    for stale in (leftover, parent / f".{out_dir.name}.building"):
        if stale.is_dir():
            shutil.rmtree(stale)
    tmp = parent / f".{out_dir.name}.building"
    try:
        tmp.mkdir(parents=True)
    except OSError as exc:
        raise TradeoffError(f"cannot write the site here: {exc.strerror}", path=out_dir) from exc
    return tmp


class _Writer:
    """Writes files into the temporary folder, linking those unchanged since ``previous``."""

    def __init__(self, tmp: Path, previous: Path) -> None:
        self.tmp = tmp
        self.previous = previous
        self.files = self.rewritten = self.gz_files = 0

    def put(self, name: str, body: bytes, text: bool) -> None:
        target = self.tmp / name
        target.parent.mkdir(parents=True, exist_ok=True)
        self.files += 1
        old = self.previous / name
        same = old.is_file() and _digest(old.read_bytes()) == _digest(body)
        if same:
            _link(old, target)
        else:
            self.rewritten += 1
            target.write_bytes(body)
        if text and len(body) >= GZIP_MINIMUM_SIZE:
            self.gz_files += 1
            old_gz, gz = Path(f"{old}.gz"), Path(f"{target}.gz")
            if same and old_gz.is_file():
                _link(old_gz, gz)
            else:
                gz.write_bytes(gzip.compress(body, compresslevel=9, mtime=0))


def _digest(body: bytes) -> bytes:
    return hashlib.sha256(body).digest()


def _link(old: Path, new: Path) -> None:
    """Reuse an unchanged file (a hard link keeps its bytes and mtime; a copy if links fail)."""
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)


def _previous_files(out_dir: Path) -> set[str]:
    if not out_dir.is_dir():
        return set()
    return {
        p.relative_to(out_dir).as_posix()
        for p in out_dir.rglob("*")
        if p.is_file() and p.suffix != ".gz" and p.name != MARKER
    }


async def _render_all(
    app: ASGIApp, host: str, todo: list[str], writer: _Writer, progress: Progress | None
) -> list[str]:
    """Ask the app for every URL (a few at a time) and write each answer; the names written."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in todo:
        queue.put_nowait(url)
    written: dict[str, str] = {}
    done = 0

    async def worker() -> None:
        nonlocal done
        while not queue.empty():
            url = queue.get_nowait()
            status, media_type, body = await fetch(app, url, host)
            if status != 200:
                raise TradeoffError(f"the app answered {status} for {url} (a bug: please report)")
            name = file_for(url, media_type)
            if name in written:
                raise TradeoffError(f"{url} and {written[name]} would both be {name}")
            written[name] = url
            writer.put(name, body, is_text(media_type))
            done += 1
            if progress is not None:
                progress(done, len(todo))

    await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return list(written)


def _not_found_page(site: Site) -> bytes:
    """The site's not-found page (what the server shows for an unknown page, without
    suggestions), for the host's error page."""
    detail = "Nothing is served at this address."
    page = ErrorPage(title="Not Found", detail=detail, suggestions=None)
    return site.render_html("error.html", page, site.chrome({})).encode()


def _run_loop(work: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run ``work`` in a new event loop (in a thread when this one already runs a loop, as
    under a test runner; never for the command line, where Ctrl-C must stop the build).

    ``anyio.run`` rather than ``asyncio.run``: the app's sync endpoints run in AnyIO worker
    threads, and only AnyIO's own runner stops those threads when the loop ends — with
    ``asyncio.run`` they stayed idle and kept the interpreter from exiting."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return anyio.run(work)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(anyio.run, work).result()


def _swap(tmp: Path, out_dir: Path) -> None:
    """Put the new site in place: the old one aside, the new one in, the old one deleted."""
    aside = out_dir.parent / f".{out_dir.name}.previous"
    if out_dir.exists():
        out_dir.rename(aside)
    tmp.rename(out_dir)
    if aside.exists():
        shutil.rmtree(aside)


def build_site(
    db_path: Path,
    out_dir: Path,
    base_url: str,
    progress: Progress | None = None,
) -> BuildReport:
    """Build the whole site into ``out_dir`` (see the module's docstring)."""
    started = time.perf_counter()
    out_dir = out_dir.absolute()
    tmp = _prepare(out_dir)
    try:
        app = create_app(db_path, base_url=base_url)
        site: Site = app.state.site
        host = urlsplit(site.base_url).netloc
        todo = list(dict.fromkeys(site_urls(site.catalog)))
        writer = _Writer(tmp, out_dir)
        names = _run_loop(lambda: _render_all(app, host, todo, writer, progress))
        writer.put(NOT_FOUND_FILE, _not_found_page(site), text=True)
        (tmp / MARKER).write_text(f"catalog {site.version}\n", encoding="utf-8")
        removed = len(_previous_files(out_dir) - {*names, NOT_FOUND_FILE})
        _swap(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(
        out_dir=out_dir,
        files=writer.files,
        rewritten=writer.rewritten,
        removed=removed,
        gz_files=writer.gz_files,
        seconds=time.perf_counter() - started,
    )
