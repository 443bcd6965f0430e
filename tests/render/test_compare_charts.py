"""The comparison's charts: accessible SVG (role, title, desc) drawing exactly the numbers of
the table beside them; prices only like for like, scores only from shared rows."""

from __future__ import annotations

import re
import threading
from decimal import Decimal

import pytest
from support.web_support import client_for

from tradeoff import urls
from tradeoff.db.queries import Catalog
from tradeoff.money import format_usd
from tradeoff.pages.comparison import compare_context
from tradeoff.pages.comparison.charts import CompareCharts, ScoreChartRow, compare_charts
from tradeoff.pages.comparison.page import ComparisonContext
from tradeoff.render.compare_charts import compare_price_svg, compare_scores_svg

PAIR = ["kimi-k2-instruct", "mixtral-8x22b-instruct"]


@pytest.fixture(scope="module")
def ctx(catalog: Catalog) -> ComparisonContext:
    return compare_context(catalog, PAIR)


def _named(svg: str) -> tuple[str, str]:
    root = re.search(r"<svg\b[^>]*>", svg)
    assert root and 'role="img"' in root.group(0)
    assert 'aria-labelledby="' in root.group(0)
    title = re.search(r'<title id="[\w-]+-title">([^<]*)</title>', svg)
    desc = re.search(r'<desc id="[\w-]+-desc">([^<]*)</desc>', svg)
    assert title and desc
    assert "<script" not in svg
    return title.group(1), desc.group(1)


def test_price_chart_draws_the_tables_numbers(ctx: ComparisonContext) -> None:
    charts = ctx["charts"]
    rows = charts["price_rows"]
    assert rows and charts["price_url"]
    # every provider with a comparable paid route of a compared model, and only those
    expected = {
        q["provider"]
        for p in ctx["pricing"]
        for q in p["providers"]
        if q["headline_excluded_reason"] is None and not q["free"]
    }
    assert {r["provider"] for r in rows} == expected
    for r in rows:
        for p, value in zip(ctx["pricing"], r["prices"], strict=True):
            route = next((q for q in p["providers"] if q["provider"] == r["provider"]), None)
            if value is not None:
                assert route is not None and route["blended_per_mtok"] == value
    lows = [min(Decimal(v) for v in r["prices"] if v is not None) for r in rows]
    assert lows == sorted(lows)  # cheapest provider first
    title, desc = _named(compare_price_svg(ctx).decode())
    assert ctx["title"] in title and charts["price_unit"] in title
    for r in rows:
        assert f"{r['provider_name']}: " in desc
        for value in r["prices"]:
            if value is not None:
                assert format_usd(value) in desc


def test_score_chart_draws_the_shared_rows(ctx: ComparisonContext) -> None:
    charts = ctx["charts"]
    shared = ctx["benchmarks"]["shared"]
    assert charts["score_rows"] and charts["score_url"]
    assert [r["label"] for r in charts["score_rows"]] == [
        r["label"] for r in shared if r["unit"] == charts["score_unit"]
    ]
    _, desc = _named(compare_scores_svg(ctx).decode())
    for r in charts["score_rows"]:
        for score in r["scores"]:
            assert f"{score}%" in desc


def test_models_of_different_kinds_get_no_price_chart(ctx: ComparisonContext) -> None:
    slugs = [m["slug"] for m in ctx["models"]]
    charts = compare_charts(slugs, ctx["pricing"], ctx["benchmarks"], ctx["blend"], False)
    assert charts["price_rows"] == [] and charts["price_url"] is None
    assert "different kinds" in charts["price_note"]
    _, desc = _named(compare_price_svg({**ctx, "charts": charts}).decode())  # still answers
    assert desc == charts["price_note"]


def test_chart_urls_answer_svg(catalog: Catalog, ctx: ComparisonContext) -> None:
    client = client_for(catalog)
    address = urls.compare([m["slug"] for m in ctx["models"]])
    page = client.get(address).text
    charts = client.get(urls.twin(address, "json")).json()["charts"]
    assert page.count('<table class="chart-data">') == 2  # each chart beside its numbers
    for url in (charts["price_url"], charts["score_url"]):
        assert url and f'<img src="{url}"' in page
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg+xml")
    slugs = [m["slug"] for m in ctx["models"]]
    assert client.get(urls.compare_chart("prices", slugs[:1])).status_code == 400
    assert client.get(urls.compare_chart("prices", [slugs[0], "no-such-model"])).status_code == 404
    assert client.get(f"/charts/compare-prices/{','.join(slugs)}").status_code == 404


def test_score_chart_with_long_row_labels_is_drawn_wide_enough(ctx: ComparisonContext) -> None:
    # An 80-character benchmark label left the bars no room in 800 pixels, and pygal then
    # looped for ever splitting the axis title (the bundled build never finished).
    rows = ctx["charts"]["score_rows"]
    assert rows
    label = "SimpleBench (attempts=avg@5, thinking=on, thinking_budget=12k)"
    long_rows: list[ScoreChartRow] = [{**r, "label": f"{label} {n}"} for n, r in enumerate(rows)]
    charts: CompareCharts = {**ctx["charts"], "score_rows": long_rows}
    done: list[bytes] = []
    worker = threading.Thread(
        target=lambda: done.append(compare_scores_svg({**ctx, "charts": charts})), daemon=True
    )
    worker.start()
    worker.join(timeout=30)
    assert done, "the chart did not finish in 30 s"
    width = re.search(rb'<svg\b[^>]*width="(\d+)', done[0])
    assert width and int(width.group(1)) > 800
    assert f"{label} 0".encode() in done[0]
