"""Files that are not pages: catalog downloads, sitemap.xml, robots.txt, llms.txt, static;
and /healthz."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tradeoff.db.download_files import stored_file
from tradeoff.pages.downloads import FILES, build_downloads
from tradeoff.pages.sitemap import sitemap_entries
from tradeoff.pages.view import model_names
from tradeoff.render.site_files import llms_txt, robots_txt, sitemap_parts, sitemap_xml
from tradeoff.web.responses import MEDIA_TYPES, cached, not_found
from tradeoff.web.site import Site
from tradeoff.web.stored_files import stored_file_response

STATIC_TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}
DOWNLOAD_TYPES = {"sqlite": "sqlite", "json": "json", "csv": "csv", "md": "md"}


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def base_url(request: Request) -> str:
    """The site's configured base URL (absolute URLs never come from the request's Host)."""
    return _site(request).base_url


async def healthz(request: Request) -> Response:
    """`/healthz`: a cheap answer for health checks (the container's HEALTHCHECK, an
    orchestrator's probes): the catalog version served, never cached; no page is built."""
    version = _site(request).version
    headers = {"cache-control": "no-store"}
    return JSONResponse({"status": "ok", "catalog_version": version}, headers=headers)


async def download_file(request: Request) -> Response:
    """`/downloads/{name}`: one built file (only redistributable data)."""
    site = _site(request)
    name = request.path_params["name"]
    if name not in {f[0] for f in FILES}:
        raise not_found("Not Found", f"no download is called {name!r}", parameter="name")
    kind = DOWNLOAD_TYPES[name.rsplit(".", 1)[1]]
    stored = stored_file(site.catalog, name) if site.catalog.live else None
    if stored is not None:  # made at database build: streamed from the database
        response = stored_file_response(request, stored, site.catalog.path, MEDIA_TYPES[kind])
    else:  # a database without them: built once per app (seconds), in a worker thread
        files = (await site.in_worker(lambda: build_downloads(site.catalog))).files
        response = cached(request, site.version, files[name], kind)
    response.headers["content-disposition"] = f'attachment; filename="{name}"'
    return response


async def sitemap(request: Request) -> Response:
    """`/sitemap.xml` (lastmod = the date each page shows as last reviewed), or over 50,000
    URLs a sitemap index of `/sitemap-{n}.xml` parts."""
    site = _site(request)
    asked: int | None = request.path_params.get("part")  # None: /sitemap.xml itself
    part = asked or 0
    key = f"/sitemap.xml#{asked}"
    body = site.recall(key)
    if body is None:

        def build() -> bytes | None:
            entries = sitemap_entries(site.catalog)
            if asked is not None and not 1 <= asked <= sitemap_parts(entries):
                return None
            return sitemap_xml(entries, site.base_url, part).encode()

        built = await site.in_worker(build)
        if built is None:
            raise not_found("Not Found", f"the sitemap has no part {asked}", parameter="part")
        body = site.remember(key, built)
    return cached(request, site.version, body, "xml")


async def robots(request: Request) -> Response:
    """`/robots.txt`: everything may be crawled."""
    return cached(request, _site(request).version, robots_txt(base_url(request)), "txt")


async def llms(request: Request) -> Response:
    """`/llms.txt`: where a language model finds the Markdown twins and the API."""
    site = _site(request)
    return cached(request, site.version, llms_txt(model_names(site.catalog)), "md")


@lru_cache(maxsize=1)
def _static_names() -> frozenset[str]:
    """The files the package ships under static/ (listed once per process)."""
    return frozenset(p.name for p in resources.files("tradeoff.web").joinpath("static").iterdir())


@lru_cache(maxsize=8)
def _static_file(name: str) -> str:
    return (
        resources.files("tradeoff.web")
        .joinpath("static")
        .joinpath(name)
        .read_text(encoding="utf-8")
    )


async def static(request: Request) -> Response:
    """`/static/{name}`: the stylesheet (and any small same-origin script)."""
    name = request.path_params["name"]
    ext = name.rsplit(".", 1)[-1]
    if name not in _static_names() or ext not in STATIC_TYPES:
        raise not_found("Not Found", f"no static file {name!r}")
    response = cached(request, _site(request).version, _static_file(name), "txt")
    response.headers["content-type"] = STATIC_TYPES[ext]
    return response
