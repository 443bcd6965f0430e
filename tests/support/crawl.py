"""Crawl a site in-process from `/`, following every link, round-robin over page families."""

from __future__ import annotations

import html
import re
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from support.web_support import assert_security_headers

if TYPE_CHECKING:
    from starlette.testclient import TestClient

# Page families a crawl from `/` must reach (the site's every kind of page).
FAMILIES = (
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
)


# href / src attributes of any tag, in any quoting (a regex: html.parser takes ~0.2 s on one
# page of the bundled catalog's table); values are unescaped as a browser would.
_LINK = re.compile(r"""<[a-zA-Z][^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


def links(page: str) -> list[str]:
    """href / src values of a page (anchors, stylesheets, images, scripts)."""
    values = (next(v for v in m.groups() if v is not None) for m in _LINK.finditer(page))
    return [html.unescape(v) for v in values if v]


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


@dataclass
class Crawl:
    """What a crawl reached: pages answered, links broken (with the page linking them)."""

    ok: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    families: set[str] = field(default_factory=set)
    complete: bool = False  # every reachable page was visited (the bound was not hit)


def crawl(client: TestClient, max_pages: int) -> Crawl:
    """Visit pages from `/` until none is left or ``max_pages`` were fetched."""
    frontier: OrderedDict[str, deque[tuple[str, str]]] = OrderedDict()
    seen = {"/"}
    frontier["home"] = deque([("/", "(start)")])
    result = Crawl()
    while frontier and len(result.ok) + len(result.broken) < max_pages:
        family, queue = next(iter(frontier.items()))
        frontier.move_to_end(family)
        url, parent = queue.popleft()
        if not queue:
            del frontier[family]
        response = client.get(url, follow_redirects=True)
        assert_security_headers(response.headers, url)
        if response.status_code >= 400:
            result.broken.append(f"{response.status_code} {url} (linked from {parent})")
            continue
        result.ok.append(url)
        result.families.add(family)
        if not response.headers["content-type"].startswith("text/html"):
            continue
        here = str(response.url.path)
        for link in links(response.text):
            target = internal(here, link)
            if target and target not in seen:
                seen.add(target)
                frontier.setdefault(kind(target), deque()).append((target, url))
    result.complete = not frontier
    return result
