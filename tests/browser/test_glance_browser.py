"""The answer in the first screen, in real Chromium at desktop (1366×900) and phone (390×844)
sizes: both compare cards with their headline prices equal to the page's JSON twin, and the
model page's price box. Screenshots of each first screen are saved in ``SCREENSHOTS``."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tradeoff.money import format_usd
from tradeoff.pages.comparison.pricing import route_price_text

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

KIMI = "moonshotai--kimi-k2-instruct"
PAIR = f"/compare/mistral--mixtral-8x22b-instruct-vs-{KIMI}"
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


@pytest.fixture(params=sorted(SIZES))
def sized(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[str, Page]]:
    """A fresh page at one of ``SIZES``; fails on any console error (CSP included)."""
    name: str = request.param
    width, height = SIZES[name]
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield name, tab
    context.close()
    assert not errors, errors


def twin(url: str) -> Any:
    """The page's JSON twin, fetched over HTTP like any client."""
    with urllib.request.urlopen(url + ".json", timeout=30) as r:
        return json.load(r)


def in_first_screen(page: Page, element: Locator) -> None:
    """The element is drawn wholly inside the viewport as the page opens (no scrolling)."""
    box = element.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= size["height"], (box, size)
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"], (box, size)


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def test_compare_first_screen_shows_every_card(sized: tuple[str, Page], server: str) -> None:
    size, page = sized
    page.goto(server + PAIR)
    expected = twin(server + PAIR)["summary_cards"]
    cards = page.locator("section.glance article.card")
    assert cards.count() == len(expected) == 2
    for i, card in enumerate(expected):
        headline = next(r for r in card["rows"] if r["key"] == "headline")
        assert headline["value"] is not None
        shown = cards.nth(i).locator("[data-key=headline] .value")
        assert shown.inner_text() == format_usd(headline["value"]) == headline["display"]
        title = cards.nth(i).locator(".card-title")
        assert title.inner_text() == card["model_name"]
        in_first_screen(page, title)
        in_first_screen(page, shown)
        mark = cards.nth(i).locator("[data-key=headline] .mark")
        if headline["mark"] == "better":
            assert mark.inner_text() == f"✓ {headline['mark_text']}"
        elif not headline["mark_text"]:
            assert mark.count() == 0
    # both charts drawn (the SVGs load under the page's CSP), each beside its table
    charts = page.locator("figure.compare-chart")
    assert charts.count() == 2
    for i in range(2):
        image = charts.nth(i).locator("img")
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert charts.nth(i).locator("table.chart-data tbody tr").count() > 0
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"compare-{size}")


def test_model_first_screen_shows_price_and_providers(sized: tuple[str, Page], server: str) -> None:
    size, page = sized
    url = f"{server}/models/{KIMI}"
    page.goto(url)
    glance = twin(url)["glance"]
    route = glance["headline"]["route"]
    assert route is not None
    price = page.locator(".glance-headline .value")
    assert price.inner_text() == route_price_text(route, "blended_per_mtok")
    in_first_screen(page, price)
    first = glance["first_party"]["route"]
    assert first is not None
    assert page.locator(".glance-first_party .value").inner_text() == format_usd(
        first["blended_per_mtok"]
    )
    providers = page.locator(".glance-providers")
    assert providers.inner_text().startswith(f"{glance['provider_count']} active providers")
    for p in glance["providers"]:
        assert providers.get_by_role("link", name=p["name"], exact=True).count() == 1
    in_first_screen(page, providers)
    screenshot(page, f"model-{size}")
