"""The model page's price history: chart, moves table, trend claim, twins."""

from __future__ import annotations

from decimal import Decimal

from support.web_support import client_for

from tradeoff.compare.history_claims import blended, change_words
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.history_queries import changes_for, models_with_history
from tradeoff.db.queries import Catalog
from tradeoff.history_records import PRICE
from tradeoff.pages.history_shapes import HistoryLine, PriceHistory
from tradeoff.pages.model import model_context
from tradeoff.pages.price_history import price_history
from tradeoff.render.history_charts import price_history_svg

MODEL = "openai/gpt-oss-120b"


def test_moves_are_price_changes_only_with_their_numbers(catalog: Catalog) -> None:
    model = catalog.models[MODEL]
    history = price_history(catalog, model)
    assert history is not None and history["moves"]
    recorded = {
        (c.provider_id, c.date): c
        for c in changes_for(catalog.connection(), MODEL)
        if c.kind == PRICE
    }
    for move in history["moves"]:
        change = recorded[(move["provider_id"], move["date"])]  # never a correction
        assert move["before_input_per_mtok"] == format(change.before_input, "f")
        before = blended(change.before_input, change.before_output, DEFAULT_BLEND)
        after = blended(change.after_input, change.after_output, DEFAULT_BLEND)
        assert before is not None and after is not None
        assert move["percent"] == round((after - before) / before * 100)
        assert move["date"] in move["text"]


def test_the_headline_route_is_marked_and_first(catalog: Catalog) -> None:
    history = price_history(catalog, catalog.models[MODEL])
    assert history is not None
    heads = [line for line in history["lines"] if line["headline"]]
    assert len(heads) <= 1
    if heads:
        assert history["lines"][0] is heads[0]


def test_trend_words_are_computed_from_the_numbers(catalog: Catalog) -> None:
    history = price_history(catalog, catalog.models[MODEL])
    assert history is not None
    trend = history["cheapest_trend"]
    if trend is not None:
        before = Decimal(trend["before_blended_per_mtok"])
        after = Decimal(trend["after_blended_per_mtok"])
        assert trend["percent"] == round((after - before) / before * 100)
        assert change_words(before, after) in trend["text"]
        assert trend["since"] in trend["text"]
    assert change_words(Decimal(1), Decimal("0.6")) == "fell 40%"
    assert change_words(Decimal(1), Decimal("1.12")) == "rose 12%"


def test_a_trend_ending_on_the_headline_route_still_says_which_routes_it_covers(
    catalog: Catalog,
) -> None:
    # gpt-oss-120b's trend ends on its headline route (OpenRouter) but covers only the routes
    # with a dated history: every output (page, twins, comparison) says so
    model = catalog.models[MODEL]
    qualified = f"Of {model.name}'s routes with a dated price history, the cheapest "
    history = price_history(catalog, model)
    assert history is not None and history["cheapest_trend"] is not None
    assert history["cheapest_trend"]["text"].startswith(qualified)
    client = client_for(catalog)
    for path in (f"/models/{model.slug}", f"/models/{model.slug}.md"):
        text = client.get(path).text.replace("&#39;", "'")
        assert qualified in text and "s cheapest route fell" not in text, path
    twin = client.get(f"/models/{model.slug}.json").json()
    assert twin["price_history"]["cheapest_trend"]["text"].startswith(qualified)


def test_page_chart_and_twin(catalog: Catalog) -> None:
    client = client_for(catalog)
    slug = catalog.models[MODEL].slug
    page = client.get(f"/models/{slug}")
    assert page.status_code == 200
    assert 'id="price-history"' in page.text
    assert f"/charts/price-history.svg?model={slug}" in page.text
    chart = client.get(f"/charts/price-history.svg?model={slug}")
    assert chart.status_code == 200
    assert chart.headers["content-type"].startswith("image/svg+xml")
    assert b"<script" not in chart.content
    assert b"price history by provider" in chart.content
    md = client.get(f"/models/{slug}.md")
    assert "## Price history" in md.text


def test_the_price_vs_score_chart_says_as_of_when(catalog: Catalog) -> None:
    client = client_for(catalog)
    page = client.get("/charts/price-vs-score.json").json()
    assert page["prices_as_of"]
    svg = client.get("/charts/price-vs-score.svg")
    assert f"prices as of {page['prices_as_of']}".encode() in svg.content


def test_a_model_without_history_has_no_chart(catalog: Catalog) -> None:
    dated = models_with_history(catalog.connection())
    plain = [m for m in catalog.models.values() if m.id not in dated]
    client = client_for(catalog)
    for model in plain[:1]:
        response = client.get(f"/charts/price-history.svg?model={model.slug}")
        assert response.status_code == 404
        assert price_history(catalog, model) is None
    assert client.get("/charts/price-history.svg?model=no-such-model").status_code == 404


def test_a_history_with_nothing_to_draw_is_a_chart_saying_so(catalog: Catalog) -> None:
    ctx = model_context(catalog, catalog.models[MODEL])
    history = ctx["price_history"]
    assert history is not None
    no_price: HistoryLine = {**history["lines"][0], "steps": []}
    for case in ([], [no_price]):  # no route; a route with no dated price
        empty: PriceHistory = {**history, "lines": case}
        svg = price_history_svg({**ctx, "price_history": empty})
        assert b"No dated like-for-like price to draw" in svg and b"<script" not in svg
