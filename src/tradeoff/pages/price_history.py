"""A model's price history: the chart's step lines, its table, and the claims it supports.

Built from the ``price_spans`` / ``price_changes`` records (``db.history_queries``) and the
pure claims of ``compare.history_claims``. One line per provider (the live offering a
comparison shows for that provider; the headline route's provider first and marked), at most
``MAX_LINES`` on the chart; the table lists every like-for-like price move (docs/history.md).
Its shape is in ``pages.history_shapes``.
"""

from __future__ import annotations

from collections import Counter

from tradeoff import urls
from tradeoff.compare.history_claims import (
    Move,
    OfferingKey,
    Step,
    Trend,
    cheapest_trend,
    move_change,
    move_text,
    moves,
    steps,
    trend_text,
)
from tradeoff.compare.pricing import model_pricing
from tradeoff.compare.workload import DEFAULT_BLEND
from tradeoff.db.history_queries import changes_for, spans_for
from tradeoff.db.queries import Catalog
from tradeoff.history_records import PriceSpan
from tradeoff.kinds import has_output_price
from tradeoff.pages.history_live import live_differs
from tradeoff.pages.history_shapes import (
    HistoryLine,
    HistoryStep,
    PriceHistory,
    PriceMove,
    TrendClaim,
)
from tradeoff.pages.jsonable import decimal_str, decimal_text
from tradeoff.records import Model, Offering

MAX_LINES = 8  # step lines on one chart: more are unreadable (the table lists every move)
MAX_MOVES = 40  # rows of the moves table (newest first); the count says how many in all
MODELS_DEV_COMMIT = "https://github.com/anomalyco/models.dev/commit/"


def _step(s: Step, live: Offering | None, source_id: str) -> HistoryStep:
    return HistoryStep(
        start=s.start,
        end=s.end,
        input_per_mtok=decimal_text(s.input_per_mtok),
        output_per_mtok=decimal_text(s.output_per_mtok),
        blended_per_mtok=decimal_text(s.blended_per_mtok),
        live_differs=live_differs(s, live, source_id),
    )


def price_history(catalog: Catalog, model: Model) -> PriceHistory | None:
    """The section, or None when the model's routes have no dated history."""
    conn = catalog.connection()
    spans = spans_for(conn, model.id)
    if not spans:
        return None
    has_output = has_output_price(model.kind.value)
    pricing = model_pricing(
        model, catalog.offerings_for(model.id), catalog.providers, DEFAULT_BLEND
    )
    headline = pricing.cheapest
    head_key = (headline.provider_id, headline.provider_model_id) if headline else None
    shown = {(q.provider_id, q.provider_model_id.lower()): q for q in pricing.providers}
    by_key: dict[OfferingKey, list[PriceSpan]] = {}
    for s in spans:
        if (s.provider_id, s.provider_model_id.lower()) in shown:
            by_key.setdefault((s.provider_id, s.provider_model_id), []).append(s)
    found = moves(changes_for(conn, model.id), DEFAULT_BLEND, has_output)
    # providers selling the model by several offerings: a move names the one that moved
    per_provider = Counter(o.provider_id for o in catalog.offerings_for(model.id))
    several = {p for p, n in per_provider.items() if n > 1}
    moved = {(m.change.provider_id, m.change.provider_model_id) for m in found}
    order = sorted(
        by_key,
        key=lambda k: (k != head_key, k not in moved, k[0], k[1]),
    )
    live = {
        (o.provider_id, o.provider_model_id.lower()): o for o in catalog.offerings_for(model.id)
    }
    lines = [
        _line(
            catalog,
            key,
            by_key[key],
            key == head_key,
            has_output,
            live.get((key[0], key[1].lower())),
        )
        for key in order
    ]
    comparable = [
        (q.provider_id, q.provider_model_id)
        for q in pricing.providers
        if q.excluded_reason is None and q.priced and not q.free
    ]
    trend = cheapest_trend(spans, comparable, DEFAULT_BLEND, has_output)
    return PriceHistory(
        chart_url=urls.chart("price-history", {"model": model.slug}),
        first_date=min(s.effective_from for s in spans),
        last_date=max(s.effective_from for s in spans),
        lines=[line for line in lines if line["steps"]][:MAX_LINES],
        moves=[_move(catalog, model, m, several) for m in found[:MAX_MOVES]],
        moves_total=len(found),
        cheapest_trend=None if trend is None else _trend(catalog, model, trend),
        blend="70% input / 30% output",
    )


def _name(catalog: Catalog, provider_id: str) -> str:
    provider = catalog.providers.get(provider_id)
    return provider.name if provider else provider_id


def _line(
    catalog: Catalog,
    key: OfferingKey,
    spans: list[PriceSpan],
    head: bool,
    has_output: bool,
    live: Offering | None,
) -> HistoryLine:
    # one source per line: models.dev's dated states when it has them, else genai-prices'
    sources = {s.source_id for s in spans}
    source = "models-dev" if "models-dev" in sources else sorted(sources)[0]
    chosen = [s for s in spans if s.source_id == source]
    return HistoryLine(
        provider_id=key[0],
        provider_name=_name(catalog, key[0]),
        provider_model_id=key[1],
        headline=head,
        steps=[_step(s, live, source) for s in steps(chosen, DEFAULT_BLEND, has_output)],
    )


def _move(catalog: Catalog, model: Model, m: Move, several: set[str]) -> PriceMove:
    c = m.change
    name = _name(catalog, c.provider_id)
    route = c.provider_model_id if c.provider_id in several else None
    return PriceMove(
        text=move_text(model.name, name, m, route),
        provider_id=c.provider_id,
        provider_name=name,
        provider_url=urls.provider(c.provider_id) if c.provider_id in catalog.providers else None,
        provider_model_id=c.provider_model_id,
        date=c.date,
        direction=c.detail,
        percent=m.percent,
        change=move_change(m),
        before_input_per_mtok=decimal_text(c.before_input),
        before_output_per_mtok=decimal_text(c.before_output),
        after_input_per_mtok=decimal_text(c.after_input),
        after_output_per_mtok=decimal_text(c.after_output),
        source_id=c.source_id,
        commit=c.commit,
        source_url=MODELS_DEV_COMMIT + c.commit
        if c.commit and c.source_id == "models-dev"
        else None,
    )


def _trend(catalog: Catalog, model: Model, trend: Trend) -> TrendClaim:
    before = _name(catalog, trend.before_route[0])
    after = _name(catalog, trend.after_route[0])
    return TrendClaim(
        text=trend_text(model.name, trend, before, after),
        since=trend.since,
        until=trend.until,
        percent=trend.percent,
        before_blended_per_mtok=decimal_str(trend.before),
        before_provider=before,
        after_blended_per_mtok=decimal_str(trend.after),
        after_provider=after,
    )
