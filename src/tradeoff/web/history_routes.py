"""The handlers of the history pages: a model's price-history chart and /trends
(routes.py lists them in the route table)."""

from __future__ import annotations

from tradeoff.db.history_queries import models_with_history
from tradeoff.pages.chart_queries import PriceChartQuery
from tradeoff.pages.model import ModelContext, model_context
from tradeoff.pages.trends import TrendsContext, TrendsQuery, trends_context
from tradeoff.web.pattern import Outcome, PageRequest
from tradeoff.web.requests import find_model
from tradeoff.web.responses import not_found


def price_history_chart(req: PageRequest[PriceChartQuery]) -> Outcome[ModelContext]:
    """`/charts/price-history.svg?model=SLUG`: a model without a dated history is a 404."""
    model = find_model(req.site, req.query.model)
    if model.id not in models_with_history(req.catalog.connection()):
        raise not_found("Not Found", f"{model.name} has no dated price history yet.", "model")
    return lambda: model_context(req.catalog, model)


def trends_page(req: PageRequest[TrendsQuery]) -> Outcome[TrendsContext]:
    """`/trends`: the cheapest price reaching a benchmark score, month by month."""
    return lambda: trends_context(req.catalog, req.query.benchmark, req.query.threshold)
