"""Crawl the site in-process from `/`, following every link, and require zero 4xx/5xx."""

from __future__ import annotations

from collections import OrderedDict, deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from support.web_support import assert_security_headers, client_for

from tradeoff.db.queries import Catalog

MIN_PAGES = 500
MAX_PAGES = 700  # bounded: the crawl stops here even if links remain


class Links(HTMLParser):
    """href / src of a page (anchors, stylesheets, images)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def internal(base: str, link: str) -> str | None:
    """A same-site path+query for ``link``, or None for other sites, fragments, data URLs."""
    if link.startswith(("#", "data:", "mailto:")):
        return None
    parts = urlsplit(urljoin("http://testserver" + base, link))
    if parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def kind(path: str) -> str:
    """Page family, for a round-robin frontier (so a bounded crawl sees every family)."""
    head = path.split("?")[0].strip("/").split("/")[0] or "home"
    return head + ("+twin" if path.split("?")[0].endswith((".json", ".md")) else "")


def test_crawl_from_home_has_no_broken_link(catalog: Catalog) -> None:
    client = client_for(catalog)
    frontier: OrderedDict[str, deque[tuple[str, str]]] = OrderedDict()
    seen = {"/"}
    frontier["home"] = deque([("/", "(start)")])
    ok: list[str] = []
    broken: list[str] = []
    families: set[str] = set()
    while frontier and len(ok) + len(broken) < MAX_PAGES:
        family, queue = next(iter(frontier.items()))
        frontier.move_to_end(family)
        url, parent = queue.popleft()
        if not queue:
            del frontier[family]
        response = client.get(url, follow_redirects=True)
        assert_security_headers(response.headers, url)
        if response.status_code >= 400:
            broken.append(f"{response.status_code} {url} (linked from {parent})")
            continue
        ok.append(url)
        families.add(family)
        if not response.headers["content-type"].startswith("text/html"):
            continue
        parser = Links()
        parser.feed(response.text)
        here = str(response.url.path)
        for link in parser.found:
            target = internal(here, link)
            if target and target not in seen:
                seen.add(target)
                frontier.setdefault(kind(target), deque()).append((target, url))
    assert not broken, "\n".join(broken[:20])
    assert len(ok) >= MIN_PAGES, f"only {len(ok)} pages reachable"
    for expected in (
        "home",
        "models",
        "providers",
        "labs",
        "compare",
        "calculator",
        "models+twin",
        "charts",
        "downloads",
        "static",
        "api+twin",
    ):
        assert expected in families, sorted(families)
