"""/trends: the cheapest price reaching a benchmark score, month by month."""

from __future__ import annotations

from decimal import Decimal

from support.web_support import client_for

from tradeoff.compare.history_claims import blended
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.history_queries import spans_on
from tradeoff.db.queries import Catalog
from tradeoff.pages.score_chart import all_series
from tradeoff.pages.trends import trends_context


def test_each_month_names_the_cheapest_qualifying_model(catalog: Catalog) -> None:
    series = all_series(catalog)
    assert series
    bench = next(iter(series))
    ctx = trends_context(catalog, bench, Decimal(0))
    assert ctx["benchmark"] is not None and ctx["steps"]
    scores = {p["model"]: Decimal(p["score"]) for p in series[bench]["points"]}
    for step in ctx["steps"]:
        if step["model"] is None:
            continue
        assert step["model"] in scores
        assert Decimal(step["score"] or "-1") == scores[step["model"]]
        # no qualifying model's span in force that day is cheaper than the one named
        cheapest = min(
            value
            for s in spans_on(catalog.connection(), step["date"], scores)
            if (value := blended(s.input_per_mtok, s.output_per_mtok, DEFAULT_BLEND))
        )
        assert Decimal(step["blended_per_mtok"] or "0") >= cheapest


def test_a_threshold_above_every_score_names_no_model(catalog: Catalog) -> None:
    bench = next(iter(all_series(catalog)))
    ctx = trends_context(catalog, bench, Decimal(100_000))
    assert ctx["qualifying"] == 0
    assert all(s["model"] is None for s in ctx["steps"])


def test_twins_and_a_bad_threshold(catalog: Catalog) -> None:
    client = client_for(catalog)
    assert client.get("/trends").status_code == 200
    assert client.get("/trends.json").json()["steps"]
    assert client.get("/trends.md").text.startswith("# How fast capability gets cheaper")
    svg = client.get("/trends.svg?threshold=0")
    assert svg.status_code == 200 and b"<script" not in svg.content
    bad = client.get("/trends?threshold=cheap")
    assert bad.status_code == 400
    assert "threshold" in bad.text
