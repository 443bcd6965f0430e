"""`/changes`, its twins and its Atom feeds, read back with a real feed parser (feedparser)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import feedparser
import pytest
from support.changed_catalog import changed_catalog
from support.web_support import KIMI, client_for

from tradeoff.db.queries import Catalog
from tradeoff.pages.changes import ChangeEntry
from tradeoff.render.atom import atom_feed
from tradeoff.web.static_site import site_urls

if TYPE_CHECKING:
    from starlette.testclient import TestClient

BASE = "http://testserver"
CUT_ID = "change/price-cut/2026-11-29/deepinfra/moonshotai/Kimi-K2-Instruct"
FEEDS = (
    "/changes.atom",
    f"/changes/models/{KIMI}.atom",
    "/changes/providers/deepinfra.atom",
    "/changes/labs/moonshotai.atom",
)


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    opened = Catalog(changed_catalog(tmp_path_factory.mktemp("changed")))
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(changed: Catalog) -> TestClient:
    return client_for(changed)


def _parse(body: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.parametrize("url", FEEDS)
def test_every_feed_is_valid_atom_with_absolute_urls_and_tag_ids(
    client: TestClient, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml"
    assert response.headers["etag"]
    feed = _parse(response.content)
    assert feed.feed.id.startswith("tag:testserver,2026:")
    assert {link.href for link in feed.feed.links} >= {BASE + url}
    assert feed.entries, url
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids))
    for entry in feed.entries:
        assert entry.id.startswith("tag:testserver,2026:change/")
        assert entry.link.startswith(BASE + "/")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.updated)
    assert client.get(url, headers={"if-none-match": response.headers["etag"]}).status_code == 304


def test_the_price_cut_is_an_entry_with_its_numbers(client: TestClient) -> None:
    feed = _parse(client.get(f"/changes/models/{KIMI}.atom").content)
    assert {e.tags[0].term for e in feed.entries} >= {"price-cut", "new-model"}
    cuts = [e for e in feed.entries if e.id.endswith(CUT_ID)]
    assert len(cuts) == 1
    cut = cuts[0]
    assert cut.updated.startswith("2026-11-29")
    assert cut.title == (
        "Kimi K2 Instruct at Deep Infra: price cut, input $0.60 → $0.50 (−16.7%); "
        "output $2.50 → $2.00 (−20.0%) per 1M tokens"
    )
    assert cut.link == f"{BASE}/models/{KIMI}"
    assert "$0.60" in cut.content[0].value and "$0.50" in cut.content[0].value


def test_entry_ids_do_not_depend_on_position(client: TestClient) -> None:
    """The same change has the same id in every feed it appears in, whatever its position."""
    by_feed = [{e.title: e.id for e in _parse(client.get(url).content).entries} for url in FEEDS]
    whole = by_feed[0]
    for other in by_feed[1:]:
        for title, entry_id in other.items():
            if title in whole:
                assert whole[title] == entry_id
    assert any(i.endswith(CUT_ID) for i in by_feed[1].values())


def test_feed_urls_come_from_the_configured_base_url(changed: Catalog) -> None:
    import warnings

    from tradeoff.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's httpx notice
        from starlette.testclient import TestClient

    app = create_app(changed.path, base_url="https://tradeoff.example/")
    with TestClient(app, base_url="https://tradeoff.example") as other:
        body = other.get("/changes.atom").content
    feed = _parse(body)
    assert feed.feed.id.startswith("tag:tradeoff.example,2026:")
    assert all(e.link.startswith("https://tradeoff.example/") for e in feed.entries)
    assert b"testserver" not in body


def test_content_is_escaped() -> None:
    hostile = '<script>alert("x")</script> & <b>bold</b>'
    entry = ChangeEntry(
        id="price-cut/2026-01-02/evil/<id>",
        date="2026-01-02",
        kind="price-cut",
        kind_label="price cut",
        title=hostile,
        model_id=None,
        model_name=None,
        model_url=None,
        lab_id=None,
        provider_id="evil",
        provider_name=hostile,
        provider_url=None,
        provider_model_id="<id>",
        input_before=Decimal("2"),
        input_after=Decimal("1"),
        input_change_percent=Decimal("-50.0"),
        output_before=None,
        output_after=None,
        output_change_percent=None,
        source_id="<src>",
    )
    body = atom_feed(
        base_url=BASE,
        feed_path="/changes.atom",
        page_path="/changes",
        title=hostile,
        entries=[entry],
        updated="2026-01-02",
    )
    assert b"<script>" not in body and b"<b>" not in body
    feed = _parse(body)
    assert feed.feed.title == hostile
    (item,) = feed.entries
    assert item.title == hostile
    assert item.id == "tag:testserver,2026:change/price-cut/2026-01-02/evil/%3Cid%3E"
    assert "<script>" not in item.content[0].value  # the parser's sanitizer and our escaping
    assert "Source: &lt;src&gt;" in item.content[0].value
    assert b"Source: &amp;lt;src&amp;gt;" in body  # escaped for HTML, then for XML


def test_unknown_subjects_and_aliases(client: TestClient) -> None:
    assert client.get("/changes/providers/nobody.atom").status_code == 404
    assert client.get("/changes/labs/nobody.atom").status_code == 404
    assert client.get("/changes/models/nobody.atom").status_code == 404
    assert client.get("/changes/things/x.atom").status_code == 404
    moved = client.get("/changes/models/moonshotai/kimi-k2-instruct.atom")
    assert moved.status_code == 301
    assert moved.headers["location"] == f"/changes/models/{KIMI}.atom"


def test_pages_link_their_feed(client: TestClient) -> None:
    pages = {
        "/changes": "/changes.atom",
        "/": "/changes.atom",
        f"/models/{KIMI}": f"/changes/models/{KIMI}.atom",
        "/providers/deepinfra": "/changes/providers/deepinfra.atom",
        "/labs/moonshotai": "/changes/labs/moonshotai.atom",
    }
    for page, feed in pages.items():
        html = client.get(page).text
        link = (
            '<link rel="alternate" type="application/atom+xml" title="What changed" '
            f'href="{BASE}{feed}">'
        )
        assert link in html, page
    assert "application/atom+xml" not in client.get("/calculator").text


def test_changes_page_twins_and_filters(client: TestClient) -> None:
    page = client.get("/changes.json").json()
    assert page["matched"] == len(page["changes"]) > 1
    assert [c["date"] for c in page["changes"]] == sorted(
        (c["date"] for c in page["changes"]), reverse=True
    )
    cuts = client.get("/changes.json?kind=price-cut&since=2026-11-29&until=2026-11-29").json()
    assert [(c["kind"], c["provider_id"]) for c in cuts["changes"]] == [("price-cut", "deepinfra")]
    assert cuts["changes"][0]["input_before"] == "0.6"
    assert cuts["changes"][0]["input_change_percent"] == "-16.7"
    assert cuts["feed"] == "/changes.atom"
    by_provider = client.get("/changes.json?provider=deepinfra").json()
    assert {c["provider_id"] for c in by_provider["changes"]} == {"deepinfra"}
    assert by_provider["feed"] == "/changes/providers/deepinfra.atom"
    by_lab = client.get("/changes.json?lab=moonshotai").json()
    assert by_lab["changes"] and {c["lab_id"] for c in by_lab["changes"]} == {"moonshotai"}
    recent = client.get("/changes.json?since=2026-11-01").json()
    assert all(c["date"] >= "2026-11-01" for c in recent["changes"])
    assert recent["matched"] < page["matched"]
    md = client.get("/changes.md?kind=price-cut&provider=deepinfra").text
    assert "| 2026-11-29 | price cut | [Kimi K2 Instruct]" in md
    html = client.get("/changes?kind=price-cut&provider=deepinfra").text
    assert "$0.60 → $0.50" in html and 'value="price-cut" checked' in html


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("kind=cheaper", "kind"), ("provider=nobody", "provider"), ("since=yesterday", "since")],
)
def test_bad_filters_are_400_naming_the_parameter(
    client: TestClient, query: str, parameter: str
) -> None:
    response = client.get(f"/changes.json?{query}")
    assert response.status_code == 400
    assert response.json()["parameter"] == parameter


def test_static_build_lists_the_feeds_and_the_sitemap_the_page(
    changed: Catalog, client: TestClient
) -> None:
    listed = list(site_urls(changed))
    assert {*FEEDS, "/changes", "/changes.json", "/changes.md"} <= set(listed)
    assert len(listed) == len(set(listed))
    assert "<loc>http://testserver/changes</loc>" in client.get("/sitemap.xml").text


def test_the_file_of_a_feed_is_its_path(tmp_path: Path) -> None:
    from tradeoff.web.caching import is_text
    from tradeoff.web.static_site import file_for

    assert file_for("/changes.atom", "application/atom+xml") == "changes.atom"
    assert is_text("application/atom+xml")
