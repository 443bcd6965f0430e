"""`tradeoff build`: the test catalog's site as files, crawled over a plain static file server."""

from __future__ import annotations

import _thread
import functools
import gzip
import http.server
import os
import re
import shutil
import signal
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import brotli
import pytest
from support.crawl import internal, links
from support.web_support import KIMI, MIXTRAL, PAIR, client_for
from typer.testing import CliRunner

from tradeoff.cli import app as cli
from tradeoff.db.locate import ensure_database
from tradeoff.db.queries import Catalog
from tradeoff.errors import TradeoffError
from tradeoff.render.site_files import sitemap_xml
from tradeoff.web.app import create_app
from tradeoff.web.static_build import MARKER, _run_loop, build_site, default_jobs, fetch
from tradeoff.web.static_site import file_for, host_files, site_urls

BASE = "http://testserver"
# What needs the server (docs/deploy.md): filtered/sorted tables, a pre-filled calculator,
# a chart for another benchmark. Links with a query string to anything else would be broken.
SERVER_PATHS = {
    "/",
    "/index.json",
    "/index.md",
    "/calculator",
    "/calculator.json",
    "/calculator.md",
    "/charts/price-vs-score.svg",
    "/trends.svg",  # a chosen benchmark and threshold (the default one is built)
    "/charts/price-vs-score",  # ?benchmark=ID, linked from /benchmarks: served, not stored
}


@pytest.fixture(scope="module")
def site(catalog_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("static") / "site"
    build_site(catalog_db, out, BASE, jobs=2)  # worker processes, as the command line does
    return out


class _Host(http.server.SimpleHTTPRequestHandler):
    """A plain static file server with the host rule of docs/deploy.md (``host_files``)."""

    def send_head(self) -> Any:
        tried = host_files(self.path)
        found = next((n for n in tried or [] if (Path(self.directory) / n).is_file()), None)
        if found is None:
            self.send_error(502 if tried is None else 404)
            return None
        self.path = "/" + quote(found)
        return super().send_head()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def host(site: Path) -> Iterator[str]:
    handler = functools.partial(_Host, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""


def test_static_site_crawled_over_a_file_server_has_no_broken_link(
    host: str, catalog: Catalog
) -> None:
    seen, queue, ok, broken, server = {"/"}, ["/"], set(), [], set()
    while queue:
        url = queue.pop()
        if host_files(url) is None:
            server.add(url)
            continue
        status, media_type, body = _get(host + url)
        if status != 200:
            broken.append(f"{status} {url}")
            continue
        ok.add(url)
        if media_type == "text/html":
            for link in links(body.decode()):
                target = internal(url, link)
                if target and target not in seen:
                    seen.add(target)
                    queue.append(target)
    assert not broken, broken[:20]
    assert {u.split("?")[0] for u in server} <= SERVER_PATHS
    assert "/calculator?models=" + KIMI in server or any("calculator?" in u for u in server)
    for model in catalog.models.values():
        assert f"/models/{model.slug}" in ok
        assert f"/charts/price-by-provider.svg?model={model.slug}" in ok
    assert {"/static/site.css", "/downloads/catalog.sqlite", "/compare", PAIR} <= ok


def test_every_file_is_what_the_server_sends(site: Path, catalog: Catalog) -> None:
    pairs = {
        f"/models/{KIMI}": f"models/{KIMI}.html",
        f"/models/{KIMI}.md": f"models/{KIMI}.md",
        PAIR + ".json": PAIR.lstrip("/") + ".json",
        f"/api/v1/compare?models={MIXTRAL},{KIMI}": f"api/v1/compare/{MIXTRAL},{KIMI}.json",
        f"/api/v1/models/{KIMI}": f"api/v1/models/{KIMI}.json",
        "/api/v1/providers/moonshotai": "api/v1/providers/moonshotai.json",
        "/": "index.html",
        "/sitemap.xml": "sitemap.xml",
        "/llms.txt": "llms.txt",
        "/robots.txt": "robots.txt",
        "/downloads/models.csv": "downloads/models.csv",
    }
    with client_for(catalog) as client:
        for url, name in pairs.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert (site / name).read_bytes() == response.content, url
    assert (site / MARKER).is_file() and (site / "404.html").is_file()


def test_every_file_of_the_worker_processes_is_the_plain_apps_answer(
    site: Path, catalog_db: Path
) -> None:
    # The build's workers share a page's context between its twins; the server does not.
    app = create_app(catalog_db, base_url=BASE)
    todo = list(dict.fromkeys(site_urls(app.state.site.catalog)))

    async def answers() -> dict[str, bytes]:
        found = {}
        for url in todo:
            status, media_type, body = await fetch(app, url, "testserver")
            assert status == 200, url
            found[file_for(url, media_type)] = body
        return found

    built = _snapshot(site)
    assert _run_loop(answers) == {n: b for n, b in built.items() if n != "404.html"}


def test_text_files_have_deterministic_gz_twins(site: Path) -> None:
    page = site / f"models/{KIMI}.html"
    packed = Path(f"{page}.gz").read_bytes()
    assert gzip.decompress(packed) == page.read_bytes()
    assert packed[4:8] == b"\0\0\0\0"  # mtime 0
    assert not (site / "robots.txt.gz").exists()  # too small to be worth it
    assert not (site / "downloads/catalog.sqlite.gz").exists()  # not text


def test_text_files_have_br_twins_with_the_servers_bytes(site: Path, catalog: Catalog) -> None:
    page = site / f"models/{KIMI}.html"
    packed = Path(f"{page}.br").read_bytes()
    assert brotli.decompress(packed) == page.read_bytes()
    url, brotli_only = f"/models/{KIMI}", {"accept-encoding": "br"}
    # The bytes tradeoff serve sends for Brotli.
    with client_for(catalog) as client, client.stream("GET", url, headers=brotli_only) as r:
        assert b"".join(r.iter_raw()) == packed
    assert not (site / "robots.txt.br").exists()  # too small to be worth it
    assert not (site / "downloads/catalog.sqlite.br").exists()  # not text
    texts = {p for p in site.rglob("*.gz")}
    assert {Path(f"{p.with_suffix('')}.br") for p in texts} == set(site.rglob("*.br"))


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in (".gz", ".br") and p.name != MARKER
    }


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime in ns) of every file, twins included."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and p.name != MARKER
    }


# A route that is not the model's cheapest: Kimi K2 Instruct on Cortecs, input 0.551 → 0.451.
ROUTE = '"input_per_mtok": "0.551", "output_per_mtok": "2.646"'
CHANGED_MODEL, CHANGED_PROVIDER = "moonshotai--kimi-k2-instruct", "cortecs"
# Pages over the whole catalog: they may change with any price (downloads also state the
# catalog version, the one place that does).
WHOLE_CATALOG = re.compile(
    r"(index|downloads|calculator|trends|providers|labs|benchmarks|changes|api)\.\w+"
    r"|downloads/.*|sitemap(-\d+)?\.xml|llms\.txt|charts/price-vs-score\.\w+|changes\.atom"
    r"|api/v1/(models|providers|labs|conflicts|openapi)\.json"
)


def _names_in(name: str) -> set[str]:
    """The model slugs and provider ids a file name holds (a pair's two slugs)."""
    stem = re.sub(r"\.(html|json|md|svg|atom)$", "", name)
    return {part for piece in stem.split("/") for part in re.split(r",|-vs-", piece)}


def test_rebuild_after_one_price_change_rewrites_only_the_pages_that_show_it(
    catalog_dir: Path, tmp_path: Path
) -> None:
    text = tmp_path / "catalog"
    shutil.copytree(catalog_dir, text)
    out = tmp_path / "site"
    first = build_site(ensure_database(text, tmp_path / "a.sqlite"), out, BASE, jobs=1)
    assert first.rewritten == first.files
    before, stats = _snapshot(out), _stats(out)
    again = build_site(ensure_database(text, tmp_path / "a.sqlite"), out, BASE, jobs=1)
    assert (again.files, again.rewritten, again.removed) == (first.files, 0, 0)
    assert _stats(out) == stats  # nothing touched: same inodes, same mtimes

    prices = text / "imports/models-dev.json"
    assert prices.read_text().count(ROUTE) == 1
    prices.write_text(prices.read_text().replace(ROUTE, ROUTE.replace("0.551", "0.451")))
    after = build_site(ensure_database(text, tmp_path / "b.sqlite"), out, BASE, jobs=1)
    changed = {n for n, body in _snapshot(out).items() if before.get(n) != body}
    assert after.rewritten == len(changed)
    showing = {n for n in before if {CHANGED_MODEL, CHANGED_PROVIDER} & _names_in(n)}
    assert not {n for n in changed - showing if not WHOLE_CATALOG.fullmatch(n)}
    pairs = {n for n in before if n.startswith("compare/") and CHANGED_MODEL in _names_in(n)}
    expected = {f"models/{CHANGED_MODEL}.{f}" for f in ("html", "json", "md")}
    expected |= {f"providers/{CHANGED_PROVIDER}.{f}" for f in ("html", "json", "md")}
    expected |= {f"api/v1/models/{CHANGED_MODEL}.json", "downloads/catalog.sqlite"}
    assert expected | pairs <= changed and len(pairs) >= 3
    assert "index.html" not in changed  # Cortecs is not Kimi K2's cheapest route
    for name, (inode, mtime) in _stats(out).items():  # the rest is untouched, twins included
        plain = name.removesuffix(".gz").removesuffix(".br")
        if plain not in changed:
            assert stats[name] == (inode, mtime), name
        else:
            assert stats[name][0] != inode, name
    home = (out / "index.html").read_bytes()
    assert gzip.decompress((out / "index.html.gz").read_bytes()) == home
    assert brotli.decompress((out / "index.html.br").read_bytes()) == home
    twins = {n for n in _stats(out) if n.endswith((".gz", ".br"))}
    assert {n for n in twins if n.endswith(".br")} == {
        f"{n[:-3]}.br" for n in twins if n.endswith(".gz")
    }
    assert after.compressed == len(twins)


def test_no_page_but_downloads_states_the_catalog_version(site: Path, catalog: Catalog) -> None:
    version = catalog.version[:12].encode()
    stating = {n for n, body in _snapshot(site).items() if version in body}
    pages = {"downloads.html", "downloads.json", "downloads.md"}
    assert stating == pages | {"downloads/catalog.json", "downloads/catalog.sqlite"}


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_build_leaves_the_previous_site(
    jobs: int, catalog_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build_site(catalog_db, out, BASE, jobs=1)
    before = _snapshot(out)

    sent: list[int] = []

    def stop(done: int, total: int) -> None:
        # Ctrl-C as a terminal sends it: SIGINT to the main thread, which the event loop
        # turns into a cancelled build (raising KeyboardInterrupt from inside the loop
        # instead would skip the loop's clean-up and leave its worker threads running);
        # with worker processes, the main process stops handing out work.
        if done >= total // 2 and not sent:
            sent.append(done)
            _thread.interrupt_main()

    # Ctrl-C's own handler (a test before this one may have left an event loop's in place)
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            build_site(catalog_db, out, BASE, stop, jobs)
    finally:
        signal.signal(signal.SIGINT, handler)
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no temporary left


@pytest.mark.parametrize("case", ["file", "under-a-file", "foreign"])
def test_bad_out_dir_is_a_clear_error_naming_it(
    case: str, catalog_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out"
    if case == "file":
        target.write_text("x")
    elif case == "under-a-file":
        (tmp_path / "blocker").write_text("x")
        target = tmp_path / "blocker" / "out"
    else:
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    with pytest.raises(TradeoffError) as caught:
        build_site(catalog_db, target, BASE)
    assert str(target) in str(caught.value)
    result = CliRunner().invoke(cli, ["build", str(target)])
    assert result.exit_code == 1 and str(target) in result.output.replace("\n", "")
    assert "Traceback" not in result.output
    if case == "foreign":
        assert (target / "notes.txt").read_text() == "mine"


def test_cli_build_says_how_many_files_were_rewritten(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "rewritten" in result.output and "unchanged" in result.output


def test_sitemap_over_the_limit_is_an_index_of_parts(catalog: Catalog) -> None:
    from tradeoff.pages.sitemap import sitemap_entries

    entries = sitemap_entries(catalog)
    index = sitemap_xml(entries, BASE, limit=10)
    parts = -(-len(entries) // 10)
    assert index.count("<sitemap>") == parts and "<sitemapindex" in index
    assert f"{BASE}/sitemap-{parts}.xml" in index
    part = sitemap_xml(entries, BASE, part=1, limit=10)
    assert part.count("<url>") == 10 and "<urlset" in part
    with client_for(catalog) as client:  # under the limit: one file, no parts
        assert "<urlset" in client.get("/sitemap.xml").text
        assert client.get("/sitemap-1.xml").status_code == 404


def test_workers_by_default_only_for_a_large_site(tmp_path: Path) -> None:
    assert default_jobs(351) == 1  # the test catalog: a worker's start would cost more
    assert default_jobs(10**6) == len(os.sched_getaffinity(0))
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "site"), "--jobs", "0"])
    assert result.exit_code == 1 and "--jobs must be 1 or more" in result.output
    assert not (tmp_path / "site").exists()
