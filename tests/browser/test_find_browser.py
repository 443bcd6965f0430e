"""Finding models and friendly form errors in real Chromium, desktop (1366×900) and phone
(390×844): the header search finds "gpt4o" (bundled catalog), ticks survive a search, a typo
in the calculator shows an inline message. Screenshots of the catalog and calculator pages at
both sizes go to test-artifacts/find/ (git-ignored; the path is printed)."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from support.serving import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "find"
VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
KIMI = "moonshotai--kimi-k2-instruct"
GPT_4O = "openai/gpt-4o-2024-08-06"


@pytest.fixture(scope="module")
def bundled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`tradeoff serve` on the bundled catalog (GPT-4o is not in the test slice)."""
    from tradeoff.db.locate import ensure_database

    db = ensure_database(ROOT / "catalog", tmp_path_factory.mktemp("bundled") / "c.sqlite")
    with serving(ROOT / "catalog", db, wait_s=120) as base:
        yield base


@pytest.fixture(params=list(VIEWPORTS))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[tuple[Page, str]]:
    """A fresh page at one viewport; fails on any console error (CSP violations too) but the
    one a form's 400 page logs by being a 400."""
    width, height = VIEWPORTS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, request.param
    context.close()
    expected = "the server responded with a status of 400"
    assert not [e for e in errors if expected not in e], errors


def twin(url: str) -> Any:
    base, _, query = url.partition("?")
    path = base.rstrip("/") + ("/index.json" if base.endswith("/") else ".json")
    with urllib.request.urlopen(path + (f"?{query}" if query else ""), timeout=60) as r:
        return json.load(r)


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    print(f"screenshot: {path}")


def test_the_header_search_finds_gpt4o(tab: tuple[Page, str], bundled_server: str) -> None:
    page, size = tab
    page.goto(bundled_server + "/calculator")
    page.get_by_role("searchbox", name="Search models").fill("gpt4o")
    page.get_by_role("searchbox", name="Search models").press("Enter")
    page.wait_for_url("**q=gpt4o**")
    first = page.locator("table.catalog tbody.results tr").first
    assert first.get_attribute("data-id") == GPT_4O
    assert first.locator("th a").first.inner_text().startswith("GPT-4o")
    ctx = twin(page.url)
    assert ctx["models"][0]["id"] == GPT_4O
    assert page.locator("#summary").inner_text().startswith("All kinds · matching “gpt4o”")
    page.goto(bundled_server + "/")
    shot(page, f"catalog-{size}")
    if size == "desktop":  # the header row stays in view while the rows scroll
        box = page.locator(".catalog-scroll")
        box.evaluate("el => { el.scrollTop = 3000; }")
        header = page.locator("table.catalog thead th").nth(1).bounding_box()
        frame = box.bounding_box()
        assert header and frame and abs(header["y"] - frame["y"]) < 2
        assert page.locator("nav.pager a[rel=next]").count() == 1


def test_ticks_survive_a_search(tab: tuple[Page, str], server: str) -> None:
    page, size = tab
    page.goto(server + "/")
    page.get_by_label("Tick Kimi K2 Instruct", exact=True).check()
    search = page.get_by_role("searchbox", name="Search", exact=True)
    search.fill("mixtral 8x22")
    search.press("Enter")
    page.wait_for_url("**q=mixtral**")
    assert f"models={KIMI}" in page.url
    ticked = page.get_by_label("Tick Kimi K2 Instruct", exact=True)
    assert ticked.is_checked()
    ctx = twin(page.url)
    assert [m["id"] for m in ctx["selected"]] == ["moonshotai/kimi-k2-instruct"]
    shown = page.locator("table.catalog tbody.results tr").evaluate_all(
        "rows => rows.map(r => r.dataset.id)"
    )
    assert shown == [m["id"] for m in ctx["models"]]
    assert shown[0] == "mistral/mixtral-8x22b-instruct"
    # a second search keeps the tick; then tick the result and compare the two
    page.get_by_label("Tick Mixtral 8x22B Instruct v0.1", exact=True).check()
    page.get_by_role("button", name="Compare ticked (2–4)").click()
    page.wait_for_url("**/compare/**")
    assert "mixtral-8x22b-instruct" in page.url and KIMI in page.url
    if size == "desktop":
        shot(page, "compare-from-ticks-desktop")


def test_a_calculator_typo_shows_an_inline_message(tab: tuple[Page, str], server: str) -> None:
    page, size = tab
    page.goto(server + f"/calculator?models={KIMI}")
    page.get_by_label("Input tokens per request").fill("0,5")
    with page.expect_response(lambda r: "/calculator?" in r.url) as answer:
        page.get_by_role("button", name="Price it").click()
    assert answer.value.status == 400
    message = page.locator("#err-input_tokens")
    assert message.is_visible()
    assert "input_tokens" in message.inner_text() and "0,5" in message.inner_text()
    field = page.get_by_label("Input tokens per request")
    assert field.input_value() == "0,5"
    assert field.get_attribute("aria-invalid") == "true"
    # the message sits next to its field: same line on desktop, just below it on a phone
    box, said = field.bounding_box(), message.bounding_box()
    assert box and said and 0 <= said["y"] - box["y"] < 120
    shot(page, f"calculator-error-{size}")
    field.fill("100k")
    page.get_by_role("button", name="Price it").click()
    page.wait_for_url("**input_tokens=100k**")
    assert page.locator("#err-input_tokens").count() == 0
    assert "100,000 input tokens" in page.locator("#summary").inner_text()
    shot(page, f"calculator-{size}")
