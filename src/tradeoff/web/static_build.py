"""`tradeoff build OUT_DIR`: the whole site as files, each one what the server sends.

Why the app itself: every URL of ``static_site.site_urls`` is asked of the Starlette app
in-process (one ASGI call, no socket), so routing, redirects, twins, the render cache and
every renderer are exactly those of ``tradeoff serve`` — a file equals the body the server
sends, and nothing here can drift from the route table.

The pages are rendered by worker processes (``--jobs``, default ``default_jobs``), each with its
own app over the same database, in chunks of consecutive URLs (a page's HTML, JSON and
Markdown share one context). The files are written to a temporary folder beside OUT_DIR,
then renamed into place: an interrupted build (Ctrl-C, an error) leaves the previous site.
A file whose bytes equal the previous build's is hard-linked from it, not rewritten
(``web/static_files.py``: its mtime is kept, so a sync to a CDN or an object store uploads
only what changed); the summary counts what was rewritten. Text files get pre-compressed
twins (``.gz``, ``.br``).

No page prints the catalog version (only /downloads does), so after a data change the files
rewritten are the pages that show the changed data, plus the pages over the whole catalog.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import anyio
from starlette.applications import Starlette
from starlette.types import ASGIApp, Message

from tradeoff.errors import TradeoffError
from tradeoff.web.app import create_app
from tradeoff.web.caching import is_text
from tradeoff.web.responses import ErrorPage
from tradeoff.web.site import Site
from tradeoff.web.static_files import DuplicateFileError, WriteCounts, Writer, previous_files
from tradeoff.web.static_site import NOT_FOUND_FILE, file_for, site_urls

MARKER = ".tradeoff-build"  # names a folder as a build of ours (safe to replace)
CHUNK = 32  # URLs handed to a worker at once
URLS_PER_WORKER = 2000  # see default_jobs
Progress = Callable[[int, int], None]  # (done, total)
T = TypeVar("T")


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote."""

    out_dir: Path
    files: int  # files of the site (pages, twins, API documents, downloads…), .gz/.br not counted
    rewritten: int  # of those, new or changed since the previous build
    removed: int  # files of the previous build the new one no longer has
    compressed: int  # pre-compressed twins (.gz and .br)
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


@dataclass(frozen=True)
class _Done:
    """One chunk of URLs rendered and written: (file, URL) of each, counts, or the error."""

    names: list[tuple[str, str]]
    counts: WriteCounts
    error: str | None = None


async def _render(app: ASGIApp, host: str, todo: list[str], writer: Writer) -> _Done:
    """Ask the app for each URL, one after the other, and write each answer."""
    writer.counts = WriteCounts()
    names: list[tuple[str, str]] = []
    for url in todo:
        status, media_type, body = await fetch(app, url, host)
        if status != 200:
            error = f"the app answered {status} for {url} (a bug: please report)"
            return _Done(names, writer.counts, error)
        name = file_for(url, media_type)
        try:
            writer.put(name, body, is_text(media_type))
        except DuplicateFileError:
            return _Done(names, writer.counts, f"{url} and another URL would both be {name}")
        names.append((name, url))
    return _Done(names, writer.counts)


# A worker process's app, its host name and its writer (set by _start_worker).
_WORKER: tuple[ASGIApp, str, Writer] | None = None


def _build_app(db_path: Path, base_url: str) -> tuple[Starlette, Site, str]:
    app = create_app(db_path, base_url=base_url)
    site: Site = app.state.site
    site.share_contexts()  # a page's HTML, JSON and Markdown from one context
    return app, site, urlsplit(site.base_url).netloc


def _start_worker(db_path: Path, base_url: str, tmp: Path, previous: Path) -> None:
    """A worker process's start: its own app over the database (Ctrl-C is the main
    process's to handle: it stops handing out work and waits for the chunks under way)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    app, _, host = _build_app(db_path, base_url)
    _WORKER = (app, host, Writer(tmp, previous))


def _exit_with(parent: int) -> None:
    """A worker's watch: it ends when the build's process is gone (killed, not stopped)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _render_chunk(todo: list[str]) -> _Done:
    """In a worker process: render and write one chunk of URLs."""
    assert _WORKER is not None, "_start_worker runs first"
    app, host, writer = _WORKER
    return anyio.run(_render, app, host, todo, writer)


def _chunks(todo: list[str]) -> list[list[str]]:
    """Consecutive URLs (a page's twins stay together: they share one context)."""
    return [todo[i : i + CHUNK] for i in range(0, len(todo), CHUNK)]


def _render_here(
    app: ASGIApp, host: str, todo: list[str], writer: Writer, progress: Progress | None
) -> Iterator[_Done]:
    """Render in this process (``jobs=1``)."""
    done = 0
    for chunk in _chunks(todo):
        result = _run_loop(functools.partial(_render, app, host, chunk, writer))
        yield result
        done += len(result.names)
        if progress is not None and result.error is None:
            progress(done, len(todo))


def _render_pool(
    pool: ProcessPoolExecutor, todo: list[str], progress: Progress | None
) -> Iterator[_Done]:
    """Render in the worker processes, a chunk at a time, as they finish."""
    futures = [pool.submit(_render_chunk, chunk) for chunk in _chunks(todo)]
    done = 0
    for future in as_completed(futures):
        result = future.result()
        yield result
        done += len(result.names)
        if progress is not None and result.error is None:
            progress(done, len(todo))


def _collect(results: Iterator[_Done], counts: WriteCounts) -> list[str]:
    """Sum the chunks' counts; the files written (an error stops the build)."""
    written: dict[str, str] = {}
    for result in results:
        if result.error is not None:
            raise TradeoffError(result.error)
        counts.add(result.counts)
        for name, url in result.names:
            if name in written:
                raise TradeoffError(f"{url} and {written[name]} would both be {name}")
            written[name] = url
    return list(written)


def default_jobs(urls: int) -> int:
    """Worker processes by default: one per ``URLS_PER_WORKER`` URLs (a worker's start —
    imports, the catalog's shared values — is worth it only for a large site), at most one
    per CPU this process may run on; 1 renders in this process."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, urls // URLS_PER_WORKER))


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
    jobs: int | None = None,
) -> BuildReport:
    """Build the whole site into ``out_dir`` with ``jobs`` worker processes (default:
    ``default_jobs``; 1: in this process) — see the module's docstring."""
    started = time.perf_counter()
    if jobs is not None and jobs < 1:
        raise TradeoffError(f"--jobs must be 1 or more, not {jobs}")
    out_dir = out_dir.absolute()
    tmp = _prepare(out_dir)
    counts = WriteCounts()
    pool: ProcessPoolExecutor | None = None
    try:
        app, site, host = _build_app(db_path, base_url)
        todo = list(dict.fromkeys(site_urls(site.catalog)))
        jobs = default_jobs(len(todo)) if jobs is None else jobs
        if jobs > 1:
            pool = ProcessPoolExecutor(
                jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(db_path, base_url, tmp, out_dir),
            )
        writer = Writer(tmp, out_dir)
        if pool is None:
            results = _render_here(app, host, todo, writer, progress)
        else:
            results = _render_pool(pool, todo, progress)
        names = _collect(results, counts)
        writer.counts = WriteCounts()
        writer.put(NOT_FOUND_FILE, _not_found_page(site), text=True)
        counts.add(writer.counts)
        (tmp / MARKER).write_text(f"catalog {site.version}\n", encoding="utf-8")
        skip = frozenset({MARKER})
        removed = len(previous_files(out_dir, skip) - {*names, NOT_FOUND_FILE})
        if pool is not None:
            pool.shutdown()
        _swap(tmp, out_dir)
    except BaseException:
        if pool is not None:  # stop handing out chunks; wait for those under way
            pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return BuildReport(
        out_dir=out_dir,
        files=counts.files,
        rewritten=counts.rewritten,
        removed=removed,
        compressed=counts.compressed,
        seconds=time.perf_counter() - started,
    )
