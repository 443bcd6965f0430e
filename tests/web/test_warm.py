"""A fresh server loads at start what pages share: a first request reads only its page."""

from __future__ import annotations

import pytest
from support.web_support import KIMI, PAIR, client_for

from tradeoff.db.queries import Catalog


@pytest.mark.parametrize("path", [f"/models/{KIMI}", PAIR, "/", "/sitemap.xml", "/downloads"])
def test_a_first_request_loads_no_shared_table(catalog: Catalog, path: str) -> None:
    with client_for(catalog) as client:  # the lifespan warms the app's catalog
        site_catalog: Catalog = client.app.state.site.catalog  # type: ignore[attr-defined]
        loaded = set(site_catalog.__dict__)  # cached tables: labs, providers, sources, ids…
        assert client.get(path).status_code == 200
        assert set(site_catalog.__dict__) == loaded, path  # nor every model or offering
