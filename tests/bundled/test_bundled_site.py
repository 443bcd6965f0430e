"""Crawl the bundled catalog's site in-process from `/`: real ids in every page family answer.

Bounded (the whole site is ~700 pages of ~500 models): the frontier is round-robin over page
families, so every family is reached; the test catalog's site is crawled to the end in
tests/web/test_crawl.py.
"""

from __future__ import annotations

from support.crawl import FAMILIES, crawl
from support.web_support import client_for

from tradeoff.db.queries import Catalog

MAX_PAGES = 100


def test_crawl_from_home_has_no_broken_link(catalog: Catalog) -> None:
    with client_for(catalog) as client:
        result = crawl(client, MAX_PAGES)
    assert not result.broken, "\n".join(result.broken[:20])
    assert len(result.ok) == MAX_PAGES, f"only {len(result.ok)} pages reachable"
    for expected in FAMILIES:
        assert expected in result.families, sorted(result.families)
