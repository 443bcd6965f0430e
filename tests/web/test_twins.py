"""Every page shows what its .json twin holds: heading, related links, last reviewed, rows.

For each kind of page, the HTML is parsed and its visible facts are looked up in the JSON
twin fetched for the same URL: a page may not show what its data does not contain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import pytest
from support.web_support import client_for

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.pages.related import related_pairs

if TYPE_CHECKING:
    from starlette.testclient import TestClient

Json = dict[str, object]
PAIR_LINK = re.compile(r"^/compare/[^?]+-vs-[^?]+$")


@dataclass
class Visible:
    """What a reader sees on a page: its heading, links, last-reviewed date, table rows."""

    h1: str = ""
    links: list[str] = field(default_factory=list)
    last_reviewed: str | None = None
    rows: dict[str, int] = field(default_factory=dict)  # table class → body rows


class Reader(HTMLParser):
    """Collects ``Visible`` from a page (no JavaScript runs on this site)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = Visible()
        self._in_h1 = False
        self._tables: list[str] = []
        self._in_body = False
        self._after_reviewed = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
        elif tag == "a" and values.get("href"):
            self.seen.links.append(values["href"] or "")
        elif tag == "table":
            self._tables.append((values.get("class") or "").partition(" ")[0])
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and "history" not in (values.get("class") or ""):
            name = self._tables[-1] if self._tables else ""
            self.seen.rows[name] = self.seen.rows.get(name, 0) + 1
        elif tag == "time" and self._after_reviewed:
            self.seen.last_reviewed = values.get("datetime")

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "tbody":
            self._in_body = False
        elif tag == "table" and self._tables:
            self._tables.pop()

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.seen.h1 += data
        self._after_reviewed = data.strip().endswith("Last reviewed:")


def visible(html: str) -> Visible:
    """Parse a page."""
    reader = Reader()
    reader.feed(html)
    return reader.seen


def strings(value: object) -> set[str]:
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {s for v in value.values() for s in strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in strings(v)}
    return set()


@pytest.fixture(scope="module")
def client(catalog: Catalog) -> Iterator[TestClient]:
    yield client_for(catalog)


KINDS = [
    "catalog",
    "model",
    "provider",
    "lab",
    "compare-pair",
    "compare",
    "calculator",
    "price-vs-score",
    "downloads",
]
# Table whose body rows are one JSON list: page kind → (table class, key of the count).
ROWS: dict[str, tuple[str, str]] = {
    "catalog": ("catalog", "shown"),  # this page's rows (of "count" matching)
    "model": ("offerings", "offering_count"),
    "provider": ("offerings", "offering_count"),
    "lab": ("models", "model_count"),
    "calculator": ("routes", "line_count"),
}
MODEL_LISTS = {"catalog", "provider", "lab", "calculator", "price-vs-score"}


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    """One URL per kind of page, chosen so the page has something to show."""
    models = sorted(catalog.models.values(), key=lambda m: m.id)
    served = [m for m in models if catalog.offerings_for(m.id)]
    linked = next(m for m in served if related_pairs(catalog, m))
    counts = {p: 0 for p in catalog.providers}
    for o in catalog.offerings:
        counts[o.provider_id] = counts.get(o.provider_id, 0) + 1
    return {
        "catalog": urls.home({"sort": "context"}),
        "model": urls.model(linked.slug),
        "provider": urls.provider(max(catalog.providers, key=lambda p: counts[p])),
        "lab": urls.lab(linked.lab_id),
        "compare-pair": related_pairs(catalog, linked)[0]["url"],
        "compare": urls.compare([m.slug for m in served[:3]]),
        "calculator": urls.calculator([m.slug for m in served[:2]]),
        "price-vs-score": urls.price_vs_score(),
        "downloads": urls.download(""),
    }


@pytest.mark.parametrize("kind", KINDS)
def test_the_page_shows_what_its_json_twin_holds(
    client: TestClient, pages: dict[str, str], kind: str
) -> None:
    url = pages[kind]
    page = client.get(url)
    twin = client.get(urls.twin(url, "json"))
    assert page.status_code == twin.status_code == 200, url
    ctx: Json = twin.json()
    seen = visible(page.text)
    data = strings(ctx)

    assert " ".join(seen.h1.split()) == ctx["title"], url
    assert seen.last_reviewed == ctx.get("last_reviewed"), url

    pages_linked = [link for link in seen.links if urls.split_format(link)[1] == "html"]
    pairs = {link for link in pages_linked if PAIR_LINK.match(link)}
    assert pairs <= data, f"{url} links comparisons its data does not hold: {pairs - data}"
    if kind in ("model", "compare-pair", "compare"):
        assert pairs, f"{url} shows no related comparison"
    if kind in MODEL_LISTS:
        shown = {link for link in pages_linked if link.startswith("/models/")}
        assert shown <= data, f"{url} links models its data does not hold: {shown - data}"

    if kind in ROWS:
        table, key = ROWS[kind]
        assert seen.rows.get(table) == ctx[key], (url, seen.rows)


def test_the_model_twin_holds_related_and_last_reviewed(
    client: TestClient, pages: dict[str, str]
) -> None:
    ctx = client.get(urls.twin(pages["model"], "json")).json()
    assert ctx["related"] and all(set(r) == {"id", "name", "reason", "url"} for r in ctx["related"])
    assert ctx["last_reviewed"]
    markdown = client.get(urls.twin(pages["model"], "md")).text
    assert f"Last reviewed: {ctx['last_reviewed']}" in markdown
    assert all(r["url"] in markdown for r in ctx["related"])
