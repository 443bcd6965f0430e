"""The shapes of a model's price history as pages show it: the model page's section
(``pages.price_history``) and a comparison's "price changes" (``pages.history``).

No ``from __future__ import annotations`` here: a TypedDict's string annotations are each
compiled (``typing.ForwardRef``) when the class is made, which made these classes ~3x slower
to create on a cold ``tradeoff compare`` than the evaluated annotations (each class is
defined after the ones it names).
"""

from typing import TypedDict


class HistoryStep(TypedDict):
    """One price of one route from ``start`` (inclusive) to ``end`` (exclusive; None: now)."""

    start: str
    end: str | None
    input_per_mtok: str | None
    output_per_mtok: str | None
    blended_per_mtok: str | None
    # an open step that differs from the live price: whose statement it is and the live
    # price ("as models-dev states it; live: input $2.00 from genai-prices"); else None
    live_differs: str | None


class HistoryLine(TypedDict):
    """One provider's route over time."""

    provider_id: str
    provider_name: str
    provider_model_id: str
    headline: bool  # today's headline route (cheapest comparable)
    steps: list[HistoryStep]


class PriceMove(TypedDict):
    """One like-for-like price move with its numbers, date and source."""

    text: str
    provider_id: str
    provider_name: str
    provider_url: str | None  # None for a provider the catalog no longer lists
    provider_model_id: str
    date: str
    direction: str  # cut | rise | mixed (of input and output)
    percent: int  # signed change of the blended price (70% input / 30% output)
    # what the move did, as the "Change" cell says it (``history_claims.move_change``):
    # "-32%", or for a mixed move "input +10%, output -8% (blended -2%)"
    change: str
    before_input_per_mtok: str | None
    before_output_per_mtok: str | None
    after_input_per_mtok: str | None
    after_output_per_mtok: str | None
    source_id: str
    commit: str | None
    source_url: str | None


class TrendClaim(TypedDict):
    """The cheapest of today's comparable routes then and now."""

    text: str
    since: str
    until: str
    percent: int
    before_blended_per_mtok: str
    before_provider: str
    after_blended_per_mtok: str
    after_provider: str


class PriceHistory(TypedDict):
    """The model page's price-history section (and its chart's data)."""

    chart_url: str
    first_date: str
    last_date: str
    lines: list[HistoryLine]
    moves: list[PriceMove]
    moves_total: int
    cheapest_trend: TrendClaim | None
    blend: str


class ModelPriceChanges(TypedDict):
    """A comparison page's "price changes" for one model: its cheapest-route trend and its
    latest moves (like for like, with numbers and dates)."""

    model: str
    name: str
    url: str  # the model page (every move, the chart)
    first_date: str
    last_date: str
    cheapest_trend: TrendClaim | None
    latest_moves: list[PriceMove]
    moves_total: int
