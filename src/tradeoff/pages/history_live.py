"""Whose statement a price history's open step is, when the live price differs.

A line of the history draws one source's dated states (models.dev's, else genai-prices'),
while the live record merges every source: its price of a side may come from another one
(gpt-image-1-mini at OpenAI: models.dev states no price, the live record genai-prices' input
$2.00). The line's last step then is that source's statement, not the current price: it says
so, with the live price of each side that differs and that price's source (docs/history.md,
"Pages"), rather than read "now" beside a live table that says otherwise.
"""

from __future__ import annotations

from tradeoff.compare.history_claims import Step
from tradeoff.compare.wording import usd
from tradeoff.records import Offering


def live_differs(step: Step, offering: Offering | None, source_id: str) -> str | None:
    """For an open step whose text prices differ from the live offering's: "as models-dev
    states it; live: input $2.00 from genai-prices"; None when it agrees, or is closed."""
    if step.end is not None or offering is None:
        return None
    sides = []
    for side, dated, live in (
        ("input", step.input_per_mtok, offering.prices.input_per_mtok),
        ("output", step.output_per_mtok, offering.prices.output_per_mtok),
    ):
        if dated == live:
            continue
        source = offering.price_sources.get(f"{side}_per_mtok", offering.source_id)
        sides.append(
            f"{side} {usd(live)} from {source}" if live is not None else f"{side} unpriced"
        )
    if not sides:
        return None
    return f"as {source_id} states it; live: {', '.join(sides)}"
