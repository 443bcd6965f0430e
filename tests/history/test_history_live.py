"""A history line's open step is one source's statement: when the live price differs (another
source's), the step says so instead of reading as today's price (pages/history_live.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from support.compare_helpers import offering

from tradeoff.compare.history_claims import Step
from tradeoff.pages.history_live import live_differs

OPEN = Step("2026-04-02", None, None, None, None)


def test_an_open_step_differing_from_the_live_price_names_both_sources() -> None:
    live = offering("openai/gpt-image-1-mini", "openai", "2", None)
    live = replace(live, price_sources={"input_per_mtok": "genai-prices"})
    assert live_differs(OPEN, live, "models-dev") == (
        "as models-dev states it; live: input $2.00 from genai-prices"
    )


def test_an_agreeing_or_closed_step_is_plain() -> None:
    live = offering("acme/m", "hostco", "2", "8")
    agreeing = Step("2026-01-01", None, Decimal("2.00"), Decimal("8"), Decimal("3.8"))
    assert live_differs(agreeing, live, "models-dev") is None
    assert live_differs(replace(OPEN, end="2026-05-01"), live, "models-dev") is None
    assert live_differs(OPEN, None, "models-dev") is None
