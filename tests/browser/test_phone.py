"""Phones and desktops in real Chromium: no page scrolls sideways at 390 px, and the numbers
that answer (headline prices, totals) are on screen without scrolling sideways.

Screenshots of the compare, model, catalog and calculator pages at 390×844 and 1366×900 are
saved under ``test-artifacts/screens/`` (git-ignored); the test prints the directory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

pytestmark = pytest.mark.browser

KIMI = "moonshotai--kimi-k2-instruct"
MIXTRAL = "mistral--mixtral-8x22b-instruct"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1366, "height": 900}
SCREENS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screens"

# Every kind of page: (name, path).
PAGES = (
    ("catalog", "/"),
    ("compare", f"/compare/{MIXTRAL}-vs-{KIMI}"),
    ("model", f"/models/{KIMI}"),
    ("calculator", f"/calculator?models={KIMI}&models={MIXTRAL}"),
    ("providers", "/providers"),
    ("labs", "/labs"),
    ("benchmarks", "/benchmarks"),
    ("provider", "/providers/moonshotai"),
    ("lab", "/labs/mistral"),
    ("price-vs-score", "/charts/price-vs-score"),
    ("api", "/api"),
)
# The numbers that answer on each page: each must lie inside the viewport's width.
ANSWERS = {
    "catalog": "table.catalog tbody tr:first-child td.key",
    # the headline route's provider and prices, first table of the pricing section
    "compare": "#pricing .table-wrap >> nth=0 >> tbody tr:nth-child(-n+4) td",
    "model": "table.offerings tbody tr:first-child td.key",
    "calculator": "table.routes tbody tr td.total",
    "provider": "table.offerings tbody tr:first-child td.key",
}


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True)
    yield context
    context.close()


def _open(context: BrowserContext, url: str) -> Page:
    tab = context.new_page()
    response = tab.goto(url)
    assert response is not None and response.status == 200, url
    return tab


def _page_width(tab: Page) -> int:
    width: int = tab.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.mark.parametrize(("name", "path"), PAGES, ids=[n for n, _ in PAGES])
def test_no_page_scrolls_sideways_on_a_phone(
    phone: BrowserContext, server: str, name: str, path: str
) -> None:
    tab = _open(phone, server + path)
    try:
        assert _page_width(tab) <= PHONE["width"], (name, _page_width(tab))
        selector = ANSWERS.get(name)
        if selector is None:
            return
        cells = tab.locator(selector)
        assert cells.count() > 0, (name, selector)
        for i in range(cells.count()):
            box = cells.nth(i).bounding_box()
            assert box is not None, (name, i)
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (name, i, box)
            assert cells.nth(i).inner_text().strip(), (name, i)
    finally:
        tab.close()


def test_catalog_table_starts_on_the_first_screen_of_a_phone(
    phone: BrowserContext, server: str
) -> None:
    """The filters fold away: the first model row starts within the first screen."""
    tab = _open(phone, server + "/")
    try:
        assert tab.locator("details.filters").get_attribute("open") is None
        box = tab.locator("table.catalog tbody tr").first.bounding_box()
        assert box is not None and box["y"] < PHONE["height"], box
        print(f"catalog: first row at y = {box['y']:.0f} px on a 390×844 phone")
    finally:
        tab.close()


def test_screenshots_at_phone_and_desktop_sizes(browser: Browser, server: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    shots = [n for n in PAGES if n[0] in ("catalog", "compare", "model", "calculator")]
    saved: list[str] = []
    for label, viewport in (("390x844", PHONE), ("1366x900", DESKTOP)):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        try:
            for name, path in shots:
                tab = _open(context, server + path)
                target = SCREENS / f"{name}-{label}.png"
                tab.screenshot(path=str(target))
                saved.append(target.name)
                tab.close()
        finally:
            context.close()
    assert all((SCREENS / n).stat().st_size > 0 for n in saved)
    print(f"screenshots in {SCREENS}: {', '.join(saved)}")
