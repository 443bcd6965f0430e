"""The site in real Chromium: filter, open a model, compare, change blend and calculator inputs.

Every number read off a page is checked against the page's own JSON twin.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tradeoff.render.markdown import money

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

KIMI = "moonshotai--kimi-k2-instruct"
MIXTRAL = "mistral--mixtral-8x22b-instruct"
PAIR = f"/compare/{MIXTRAL}-vs-{KIMI}"

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def twin(url: str) -> Any:
    """The JSON twin of a page URL, fetched over HTTP like any client."""
    base, _, query = url.partition("?")
    target = (base.rstrip("/") or "") + ("/index.json" if base.endswith("/") else ".json")
    with urllib.request.urlopen(target + (f"?{query}" if query else ""), timeout=30) as r:
        return json.load(r)


def row_cells(page: Page, header: str) -> list[str]:
    """Texts of the cells of the table row whose header is ``header``."""
    row = page.locator("tr", has=page.locator(f"th:text-is('{header}')")).first
    cells: list[str] = row.locator("td").all_inner_texts()
    return [c.strip() for c in cells]


def test_filter_catalog_by_capability(page: Page, server: str) -> None:
    page.goto(server + "/")
    total = page.locator("table.catalog tbody tr").count()
    page.locator("details.filters > summary").click()  # the filters fold away until opened
    page.get_by_label("Reasoning mode").check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**capability=reasoning**")
    expected = twin(page.url)
    assert 0 < expected["count"] < total
    assert page.locator("table.catalog tbody tr").count() == expected["count"]
    assert page.locator("#count strong").inner_text() == str(expected["count"])
    shown = page.locator("table.catalog tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.id)"
    )
    assert shown == [m["id"] for m in expected["models"]]


def test_open_a_model_from_the_catalog(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_role("searchbox", name="Search", exact=True).fill("kimi k2 instruct")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Kimi K2 Instruct", exact=True).click()
    page.wait_for_url(f"**/models/{KIMI}")
    assert page.locator("h1").inner_text() == "Kimi K2 Instruct"
    ctx = twin(page.url)
    rows = page.locator("table.offerings tbody tr:not(.history)")
    assert rows.count() == ctx["offering_count"] == len(ctx["offerings"])
    for i, offering in enumerate(ctx["offerings"]):
        cells = rows.nth(i).locator("td").all_inner_texts()
        assert cells[0].strip() == offering["provider_model_id"]
        price = offering["prices"]["input_per_mtok"]
        if not offering["prices"]["free"] and price is not None:
            assert cells[1].startswith(money(price)), (cells, price)
    released = row_cells(page, "Released")[0]
    fact = next(f for f in ctx["facts"] if f["field"] == "release_date")
    assert fact["value"] == "2025-07-11" and released.startswith(fact["value"])
    assert ("sources disagree" in released) == fact["disputed"]
    charts = page.locator("figure.chart img")
    assert charts.count() == 2  # the price-by-provider chart and the price-history chart
    assert "/charts/price-history.svg" in (charts.nth(1).get_attribute("src") or "")


def test_compare_two_models_and_change_the_blend(page: Page, server: str) -> None:
    page.goto(server + "/?q=instruct")
    page.locator(f"input[name=models][value='{KIMI}']").check()
    page.locator(f"input[name=models][value='{MIXTRAL}']").check()
    page.get_by_role("button", name="Compare ticked (2–4)").click()
    page.wait_for_url(f"**{PAIR}")  # canonical order, whatever order they were ticked in
    assert "Kimi K2 Instruct" in page.locator("h1").inner_text()
    _check_pricing(page, twin(page.url))

    page.locator("#blend").fill("50:50")
    page.locator("form.picker button").click()
    page.wait_for_url("**blend=50:50**")
    ctx = twin(page.url)
    assert ctx["blend"]["input_share"] == "0.5"
    _check_pricing(page, ctx)
    ARTIFACTS.mkdir(exist_ok=True)
    page.goto(server + PAIR)
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=False)
    page.screenshot(path=str(ARTIFACTS / "compare-full.png"), full_page=True)


def _check_pricing(page: Page, ctx: dict[str, Any]) -> None:
    """Headline-route prices shown equal the JSON twin's, for every model, in model order."""
    label = ctx["blend"]["label"]
    for field, header in (
        ("input_per_mtok", "Headline route: input / 1M tokens"),
        ("output_per_mtok", "Headline route: output / 1M tokens"),
        ("blended_per_mtok", f"Headline route: blended {label} / 1M tokens"),
    ):
        shown = row_cells(page, header)
        expected = [money(p["cheapest"][field]) for p in ctx["pricing"]]
        assert shown == expected, (header, shown, expected)
    counts = row_cells(page, "Active providers")
    assert counts == [str(p["provider_count"]) for p in ctx["pricing"]]


def test_calculator_prices_a_workload(page: Page, server: str) -> None:
    page.goto(server + "/calculator")
    page.locator("#model0").fill(KIMI)
    page.locator("#model1").fill(MIXTRAL)
    page.locator("#requests").fill("20000")
    page.locator("#input_tokens").fill("3000")
    page.locator("#output_tokens").fill("1000")
    page.locator("#cached_tokens").fill("500")
    page.get_by_role("button", name="Price it").click()
    page.wait_for_url("**input_tokens=3000**")
    ctx = twin(page.url)
    assert ctx["workload"] == {
        "input_tokens": 3000,
        "output_tokens": 1000,
        "cached_tokens": 500,
        "requests": 20000,
    }
    assert page.locator("#cheapest-total").inner_text() == money(ctx["cheapest"]["total_usd"])
    totals = page.locator("table.routes td.total").all_inner_texts()
    assert len(totals) == ctx["line_count"] == len(ctx["lines"])
    expected = [
        money(line["total_usd"])
        if line["total_usd"] is not None
        else ("not per token" if line["not_per_token"] else "unpriced")
        for line in ctx["lines"]
    ]
    assert [t.strip() for t in totals] == expected

    page.locator("#output_tokens").fill("2000")
    page.get_by_role("button", name="Price it").click()
    page.wait_for_url("**output_tokens=2000**")
    again = twin(page.url)
    assert again["cheapest"]["total_usd"] != ctx["cheapest"]["total_usd"]
    assert page.locator("#cheapest-total").inner_text() == money(again["cheapest"]["total_usd"])
