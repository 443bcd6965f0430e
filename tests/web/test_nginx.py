"""The nginx config of docs/deploy.md, run by Debian's nginx on loopback over the test
catalog's static build with `tradeoff serve` behind it: extensionless URLs, twins, gzip_static,
the caching headers, 304, the 404 page, and the server-only URLs proxied.

Skipped where nginx is not installed; `./bin/test` installs Debian's nginx when it is missing
(as root).
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.serving import free_port
from support.web_support import KIMI, MIXTRAL, PAIR

from tradeoff.web.caching import CACHE_CONTROL
from tradeoff.web.server import app_settings
from tradeoff.web.static_build import build_site

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/usr/bin/nginx") if Path(p).exists()), None
)
pytestmark = pytest.mark.skipif(
    NGINX is None, reason="Debian's nginx is not installed (apt-get install nginx)"
)
BASE = "http://localhost"
MAIN = """
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
{config}
}}
"""


def documented_config() -> str:
    """The nginx block of docs/deploy.md, as written."""
    text = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    return text.split("```nginx", 1)[1].split("```", 1)[0]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx is the answer under test


OPENER = urllib.request.build_opener(_NoRedirect)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """(status, headers with lower-case names, raw body): no redirect followed, no decoding."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=30) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                (response.read()),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def wait(url: str, proc: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"{what} exited with {proc.returncode}"
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not answer at {url}")


@pytest.fixture(scope="module")
def site_dir(catalog_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test catalog's static build."""
    site = tmp_path_factory.mktemp("nginx-site") / "site"
    build_site(catalog_db, site, BASE)
    return site


@pytest.fixture(scope="module")
def nginx(
    catalog_db: Path, site_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """nginx on loopback with the documented config over a build, the server behind it."""
    assert NGINX is not None
    tmp, site = tmp_path_factory.mktemp("nginx"), site_dir
    app_port, port = free_port(), free_port()
    env = {**os.environ, **app_settings(catalog_db, BASE)}
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "tradeoff.web.server:app_from_env", "--factory",
         "--host", "127.0.0.1", "--port", str(app_port), "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    config = documented_config()
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};"),
        ("root /srv/tradeoff/site;", f"root {site};"),
    ):
        assert old in config, f"docs/deploy.md's nginx config no longer has {old!r}"
        config = config.replace(old, new)
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / folder).mkdir()
    user = "user root;" if os.geteuid() == 0 else ""  # workers must read the temp folder
    conf = tmp / "nginx.conf"
    conf.write_text(MAIN.format(tmp=tmp, user=user, config=config), encoding="utf-8")
    checked = subprocess.run([NGINX, "-t", "-c", str(conf), "-p", str(tmp)], capture_output=True)
    assert checked.returncode == 0, checked.stderr.decode()
    web = subprocess.Popen([NGINX, "-c", str(conf), "-p", str(tmp)])
    try:
        wait(f"http://127.0.0.1:{app_port}/healthz", server, "tradeoff serve")
        wait(f"http://127.0.0.1:{port}/robots.txt", web, "nginx")
        yield f"http://127.0.0.1:{port}"
    finally:
        for proc in (web, server):
            proc.terminate()
            proc.wait(timeout=30)


@pytest.mark.parametrize(
    ("path", "file", "media"),
    [
        ("/", "index.html", "text/html"),
        (f"/models/{KIMI}", f"models/{KIMI}.html", "text/html"),
        (PAIR, f"{PAIR[1:]}.html", "text/html"),
        (f"/models/{KIMI}.json", f"models/{KIMI}.json", "application/json"),
        (f"/models/{KIMI}.md", f"models/{KIMI}.md", "text/markdown"),
        (f"/api/v1/models/{KIMI}", f"api/v1/models/{KIMI}.json", "application/json"),
        ("/sitemap.xml", "sitemap.xml", "application/xml"),
        ("/static/site.css", "static/site.css", "text/css"),
    ],
)
def test_files_are_served_with_the_caching_headers(
    nginx: str, site_dir: Path, path: str, file: str, media: str
) -> None:
    status, headers, body = get(nginx + path, {"accept-encoding": "identity"})
    assert status == 200, path
    assert body == (site_dir / file).read_bytes()
    assert headers["content-type"].startswith(media)
    assert headers["cache-control"] == CACHE_CONTROL
    assert re.fullmatch(r'"[0-9a-f]+-[0-9a-f]+"', headers["etag"])  # strong
    assert "x-served-by" not in headers and headers["x-frame-options"] == "DENY"
    again = get(nginx + path, {"accept-encoding": "identity", "if-none-match": headers["etag"]})
    assert again[0] == 304 and again[1]["cache-control"] == CACHE_CONTROL


def test_gzip_static_sends_the_prebuilt_twin(nginx: str, site_dir: Path) -> None:
    status, headers, body = get(nginx + PAIR, {"accept-encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert body == (site_dir / f"{PAIR[1:]}.html.gz").read_bytes()
    assert gzip.decompress(body) == (site_dir / f"{PAIR[1:]}.html").read_bytes()
    assert headers["vary"] == "Accept-Encoding"


def test_a_sitemap_pair_of_the_api_is_a_file(nginx: str) -> None:
    status, headers, _ = get(f"{nginx}/api/v1/compare?models={MIXTRAL},{KIMI}")
    assert status == 200 and "x-served-by" not in headers


@pytest.mark.parametrize(
    "path",
    [
        "/?sort=name",  # a filtered or sorted table
        "/calculator?input_tokens=1000",  # the calculator with inputs
        f"/compare?models={KIMI},{MIXTRAL},{KIMI}",  # 3-4 models
        f"/compare/{KIMI}-vs-{MIXTRAL}",  # not the canonical order: the server redirects
        "/healthz",
    ],
)
def test_server_only_urls_are_proxied(nginx: str, path: str) -> None:
    status, headers, _ = get(nginx + path)
    assert headers.get("x-served-by") == "tradeoff", path
    assert status in (200, 301, 400), (path, status)


def test_a_missing_page_is_the_server_404(nginx: str) -> None:
    status, headers, body = get(nginx + "/models/no-such-model")
    assert status == 404 and headers.get("x-served-by") == "tradeoff"
    assert b"<html" in body


def test_the_404_page_is_sent_with_status_404_only(nginx: str, site_dir: Path) -> None:
    """error_page 404 /404.html (what a static-only host answers for a missing path); the
    page itself is internal, never a 200 of its own."""
    status, _, body = get(nginx + "/404.html", {"accept-encoding": "identity"})
    assert status == 404 and body == (site_dir / "404.html").read_bytes()
