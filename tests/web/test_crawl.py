"""Crawl the whole test-catalog site in-process from `/`: every link answers, no 4xx/5xx."""

from __future__ import annotations

from support.crawl import FAMILIES, crawl
from support.web_support import client_for

from tradeoff.db.queries import Catalog

MAX_PAGES = 2000  # a guard only: the test catalog's site is crawled to the end

# Links known to be broken, each with its bug; the test fails once one is fixed (then drop it).
KNOWN_BROKEN: set[str] = set()  # every link on the site answers


def test_crawl_from_home_reaches_every_page_without_a_broken_link(catalog: Catalog) -> None:
    with client_for(catalog) as client:  # one event loop for the whole crawl
        result = crawl(client, MAX_PAGES)
    assert result.complete, f"more than {MAX_PAGES} pages: raise the guard"
    assert set(result.broken) == KNOWN_BROKEN, "\n".join(result.broken[:20])
    assert len(result.ok) >= 100, f"only {len(result.ok)} pages reachable"
    for model_id in catalog.models:
        assert f"/models/{catalog.models[model_id].slug}" in result.ok, model_id
    for provider_id in catalog.providers:
        assert f"/providers/{provider_id}" in result.ok, provider_id
    for expected in FAMILIES:
        assert expected in result.families, sorted(result.families)
